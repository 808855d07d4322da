/** Probability, relative to the mode's, below which the table's tails stop: the rest is < 1e-24. */
const CUTOFF = 1e-25;

/**
 * The quantile function of one binomial distribution, for many draws from it: u ↦ the smallest x
 * with P(X ≤ x) ≥ u for X ~ Binomial(n, p), as R's qbinom(u, n, p) (and binomialQuantile). The
 * distribution is tabulated once from its mode outwards by the ratio of neighbouring
 * probabilities, f(x + 1)/f(x) = (n − x)p / ((x + 1)(1 − p)), until a probability falls below
 * 1e-25 of the mode's, and normalised; a quantile is then a binary search (for u lowered by
 * 64 ε, as qbinom does, so that rounding in the sums does not move a u equal to P(X ≤ x)). The table costs about
 * 21 standard deviations of steps, once; each quantile about log₂ of that: a simulation drawing
 * hundreds of times from one distribution pays no special function per draw.
 *
 * @param n trials, a whole number ≥ 0
 * @param p probability of success, in [0, 1]
 * @returns u ↦ the u-quantile, for u in [0, 1]; it throws a RangeError for u outside [0, 1]
 * @throws {RangeError} if p is outside [0, 1] or n is not a whole number ≥ 0
 * @example
 * binomialQuantiles(10, 0.5)(0.5); // => 5
 * binomialQuantiles(1000000, 0.25)(0.05); // => 249288
 */
export function binomialQuantiles(n: number, p: number): (u: number) => number {
  if (!(p >= 0 && p <= 1) || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`binomialQuantiles: need 0 <= p <= 1, whole n >= 0; got n = ${n}, p = ${p}`);
  }
  const checked = (u: number): number => {
    if (!(u >= 0 && u <= 1)) throw new RangeError(`binomialQuantiles: need 0 <= u <= 1, got ${u}`);
    return u;
  };
  if (n === 0 || p === 0) return (u) => (checked(u), 0);
  if (p === 1) return (u) => (checked(u) === 0 ? 0 : n);
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const below: number[] = [];
  for (let x = mode, f = 1; x > 0; x--) {
    f *= (x * q) / ((n - x + 1) * p);
    if (f < CUTOFF) break;
    below.push(f);
  }
  const above: number[] = [];
  for (let x = mode, f = 1; x < n; x++) {
    f *= ((n - x) * p) / ((x + 1) * q);
    if (f < CUTOFF) break;
    above.push(f);
  }
  const from = mode - below.length;
  const cdf = new Float64Array(below.length + 1 + above.length);
  let sum = 0;
  for (let i = below.length - 1; i >= 0; i--) cdf[below.length - 1 - i] = sum += below[i]!;
  cdf[below.length] = sum += 1;
  above.forEach((f, i) => (cdf[below.length + 1 + i] = sum += f));
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= sum;
  cdf[cdf.length - 1] = 1;
  return (u) => {
    if (checked(u) === 0) return 0;
    if (u === 1) return n;
    // R's qbinom lowers u by 64 ε so a u that is a cumulative probability up to rounding finds it.
    const target = u * (1 - 64 * Number.EPSILON);
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return from + lo;
  };
}
