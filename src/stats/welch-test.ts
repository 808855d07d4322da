import { sampleMoments, type Sample } from './sample-moments.js';
import { studentTCdf } from './student-t-cdf.js';
import { studentTQuantile } from './student-t-quantile.js';

export interface WelchTestResult {
  /** mean(b) - mean(a) */
  difference: number;
  /** Welch–Satterthwaite degrees of freedom */
  df: number;
  /** difference / standard error; positive when b has the larger mean */
  t: number;
  /** two-sided p-value, 2·P(T > |t|) */
  p: number;
  lower: number;
  upper: number;
}

/**
 * Welch's two-sample t test and confidence interval for the difference of
 * means, mean(b) - mean(a) ("b minus a"), without assuming equal variances.
 *
 * Welch (1947), Biometrika 34:28-35: with vₐ = sₐ²/nₐ and v_b = s_b²/n_b
 * (sample variances), se = √(vₐ + v_b), t = (x̄_b - x̄ₐ)/se,
 * df = (vₐ + v_b)² / (vₐ²/(nₐ-1) + v_b²/(n_b-1)) (Satterthwaite 1946),
 * p = 2·P(T_df > |t|), interval (x̄_b - x̄ₐ) ± t_{df, 1-α/2}·se.
 * The same numbers as R's `t.test(b, a)`.
 *
 * @param a values of cohort a, at least two, or their histogram (sampleMoments)
 * @param b values of cohort b, at least two, or their histogram
 * @param confidence confidence level 1 - α, in (0, 1); default 0.95
 * @returns the difference, df, t, the two-sided p-value and the interval
 * @throws {RangeError} if a group has fewer than two values, both groups are constant, or confidence is not in (0, 1)
 * @example
 * welchTest([6, 7, 5.5, 8], [7, 8, 8.5, 9]).difference; // => 1.5
 * welchTest([6, 7, 5.5, 8], [7, 8, 8.5, 9]).p.toFixed(6); // => '0.078735'
 */
export function welchTest(a: Sample, b: Sample, confidence = 0.95): WelchTestResult {
  const ma = sampleMoments(a);
  const mb = sampleMoments(b);
  if (ma.variance === null || mb.variance === null) throw new RangeError('welchTest: each group needs at least two values');
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`welchTest: confidence must be in (0, 1), got ${confidence}`);
  }
  const va = ma.variance / ma.n;
  const vb = mb.variance / mb.n;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) throw new RangeError('welchTest: both groups are constant, so t is undefined');
  const difference = mb.mean - ma.mean;
  const t = difference / se;
  const df = (va + vb) ** 2 / (va ** 2 / (ma.n - 1) + vb ** 2 / (mb.n - 1));
  const margin = studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return {
    difference,
    df,
    t,
    p: Math.min(1, 2 * studentTCdf(-Math.abs(t), df)),
    lower: difference - margin,
    upper: difference + margin,
  };
}
