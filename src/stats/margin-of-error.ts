import { normalQuantile } from './normal-quantile.js';

/**
 * Margin of error of a share from a simple random sample, with the finite population correction.
 *
 * Cochran (1977), Sampling Techniques, §3.4: e = z·√(p(1−p)/n)·√((N−n)/(N−1)), with
 * z = Φ⁻¹(1 − α/2); without N (an infinite population) the last factor is 1. The reports quote
 * it at p = 0.5, where it is widest.
 *
 * @param n respondents, a positive integer
 * @param population N, the people who could have answered (invited, or in the register), at least n; undefined for none
 * @param share p, the share the margin is for (0–1); default 0.5
 * @param confidence 1 − α; default 0.95
 * @returns the half-width e of the interval p ± e, as a proportion
 * @throws {RangeError} if n is not a positive integer, N below n, p outside [0, 1] or confidence outside (0, 1)
 * @example
 * marginOfError(100).toFixed(4); // => '0.0980'
 * marginOfError(100, 400).toFixed(4); // => '0.0850'
 */
export function marginOfError(n: number, population?: number, share = 0.5, confidence = 0.95): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`marginOfError: n must be a positive integer, got ${n}`);
  if (population !== undefined && !(Number.isInteger(population) && population >= n)) {
    throw new RangeError(`marginOfError: population must be an integer of at least n = ${n}, got ${population}`);
  }
  if (!(share >= 0 && share <= 1)) throw new RangeError(`marginOfError: share must be in [0, 1], got ${share}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`marginOfError: confidence must be in (0, 1), got ${confidence}`);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const correction = population === undefined || population === 1 ? 1 : Math.sqrt((population - n) / (population - 1));
  return z * Math.sqrt((share * (1 - share)) / n) * correction;
}
