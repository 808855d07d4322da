import { gammaln } from 'simple-statistics';
import { sampleMoments, type Sample } from './sample-moments.js';

/**
 * Hedges' g, the standardized difference of means (mean(b) - mean(a)) / s_pooled,
 * "b minus a", with the exact small-sample bias correction.
 *
 * Hedges (1981), J. Educ. Stat. 6:107-128: with ν = nₐ + n_b - 2,
 * s_pooled = √(((nₐ-1)sₐ² + (n_b-1)s_b²)/ν), d = (x̄_b - x̄ₐ)/s_pooled and
 * g = J(ν)·d with the exact correction J(ν) = Γ(ν/2) / (√(ν/2)·Γ((ν-1)/2)).
 * The common approximation J ≈ 1 - 3/(4(nₐ+n_b) - 9) differs from it by
 * less than 0.0003 for ν ≥ 5 (and less than 1e-5 for ν ≥ 29).
 *
 * @param a values of cohort a, or their histogram (sampleMoments)
 * @param b values of cohort b, or their histogram
 * @returns g; positive when b has the larger mean
 * @throws {RangeError} if nₐ + n_b < 4, a group is empty, or both groups are constant
 * @example
 * hedgesG([6, 7, 5.5, 8], [7, 8, 8.5, 9]).toFixed(6); // => '1.316728'
 */
export function hedgesG(a: Sample, b: Sample): number {
  const ma = sampleMoments(a);
  const mb = sampleMoments(b);
  if (ma.n === 0 || mb.n === 0) throw new RangeError('hedgesG: both groups need at least one value');
  const nu = ma.n + mb.n - 2;
  if (nu < 2) throw new RangeError('hedgesG: needs at least four values in all');
  const pooledSd = Math.sqrt(((ma.n - 1) * (ma.variance ?? 0) + (mb.n - 1) * (mb.variance ?? 0)) / nu);
  if (!(pooledSd > 0)) throw new RangeError('hedgesG: both groups are constant, so the pooled SD is 0');
  const correction = Math.exp(gammaln(nu / 2) - gammaln((nu - 1) / 2)) / Math.sqrt(nu / 2);
  return (correction * (mb.mean - ma.mean)) / pooledSd;
}
