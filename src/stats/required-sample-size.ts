import { normalQuantile } from './normal-quantile.js';

/**
 * The fewest respondents whose margin of error (see marginOfError) is at most `margin`, with the
 * finite population correction.
 *
 * Cochran (1977), §4.4: n₀ = z²·p(1−p)/e², then n = n₀ / (1 + (n₀ − 1)/N), rounded up; without N,
 * n₀ rounded up.
 *
 * @param margin e, the widest margin wanted, in (0, 1)
 * @param population N, or undefined for an infinite population
 * @param share p; default 0.5 (the widest margin)
 * @param confidence 1 − α; default 0.95
 * @returns the respondents needed, at most N
 * @throws {RangeError} if e is not in (0, 1) or N is not a positive integer
 * @example
 * requiredSampleSize(0.05); // => 385
 * requiredSampleSize(0.05, 1000); // => 278
 */
export function requiredSampleSize(margin: number, population?: number, share = 0.5, confidence = 0.95): number {
  if (!(margin > 0 && margin < 1)) throw new RangeError(`requiredSampleSize: margin must be in (0, 1), got ${margin}`);
  if (population !== undefined && !(Number.isInteger(population) && population >= 1)) {
    throw new RangeError(`requiredSampleSize: population must be a positive integer, got ${population}`);
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const n0 = (z * z * share * (1 - share)) / (margin * margin);
  if (population === undefined) return Math.ceil(n0);
  // A hair below an integer from rounding in n0 is that integer.
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / population) - 1e-9));
}
