import { ratioOfUniforms } from './ratio-of-uniforms.js';

/**
 * One draw from the binomial distribution Binomial(n, p) in O(1) whatever n: Stadlober's ratio
 * of uniforms (ratioOfUniforms) on f(x) ∝ pˣ(1 − p)ⁿ⁻ˣ / (x!(n − x)!), drawn for the smaller of
 * p and 1 − p and mirrored. Where each draw must come from one uniform by inversion (common
 * random numbers), binomialQuantile and binomialQuantiles are the ones to use; this one takes as
 * many uniforms as its tries need, about 2.6.
 *
 * @param random uniform numbers in [0, 1) (e.g. mulberry32)
 * @param n trials, a whole number ≥ 0
 * @param p probability of success, in [0, 1]
 * @param logFactorial log(i!) for i = 0 … n (logFactorials)
 * @returns the number of successes, 0 … n
 * @throws {RangeError} if p is outside [0, 1] or n is not a whole number ≥ 0
 * @example
 * binomialSample(() => 0.5, 10, 0); // => 0
 * binomialSample(() => 0.5, 10, 1); // => 10
 */
export function binomialSample(random: () => number, n: number, p: number, logFactorial: ArrayLike<number>): number {
  if (!(p >= 0 && p <= 1) || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`binomialSample: need 0 <= p <= 1, whole n >= 0; got n = ${n}, p = ${p}`);
  }
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const fewer = Math.min(p, 1 - p);
  const x = ratioOfUniforms(random, n * fewer, n * fewer * (1 - fewer), Math.floor((n + 1) * fewer), n + 1, logFactorial, Math.log(fewer / (1 - fewer)), n, -1, 0);
  return p > 0.5 ? n - x : x;
}
