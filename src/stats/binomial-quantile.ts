import { normalQuantile } from './normal-quantile.js';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/** P(X ≤ x) for X ~ Binomial(n, p): I₁₋ₚ(n − x, x + 1) (Abramowitz & Stegun 26.5.24). */
function binomialCdf(x: number, n: number, p: number): number {
  if (x < 0) return 0;
  if (x >= n) return 1;
  return regularizedIncompleteBeta(1 - p, n - x, x + 1);
}

/**
 * The u-quantile of the binomial distribution: the smallest x with P(X ≤ x) ≥ u for
 * X ~ Binomial(n, p), as R's qbinom(u, n, p). With a uniform u it is an exact binomial draw by
 * inversion, and for a fixed u it never falls as p grows: the coupling that lets a simulation
 * reuse its random numbers across shares (common random numbers).
 *
 * Starts at the normal approximation n·p + z_u·√(n·p·(1−p)) and steps to the exact quantile with
 * the CDF as the regularized incomplete beta function, so a draw costs a few CDF evaluations
 * whatever n is (no walk over n items).
 *
 * @param u a probability in [0, 1]
 * @param n trials, a whole number ≥ 0
 * @param p probability of success, in [0, 1]
 * @returns a whole number in 0 … n
 * @throws {RangeError} if u or p is outside [0, 1] or n is not a whole number ≥ 0
 * @example
 * binomialQuantile(0.5, 10, 0.5); // => 5
 * binomialQuantile(0.05, 1000000, 0.25); // => 249288
 */
export function binomialQuantile(u: number, n: number, p: number): number {
  if (!(u >= 0 && u <= 1) || !(p >= 0 && p <= 1) || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`binomialQuantile: need 0 <= u <= 1, 0 <= p <= 1, whole n >= 0; got u = ${u}, n = ${n}, p = ${p}`);
  }
  if (n === 0 || p === 0 || u === 0) return 0;
  if (p === 1 || u === 1) return n;
  const sd = Math.sqrt(n * p * (1 - p));
  let x = Math.min(n, Math.max(0, Math.floor(n * p + sd * normalQuantile(u))));
  while (binomialCdf(x, n, p) < u) x++;
  while (x > 0 && binomialCdf(x - 1, n, p) >= u) x--;
  return x;
}
