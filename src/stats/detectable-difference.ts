import { normalQuantile } from './normal-quantile.js';

export interface DetectableDifference {
  /** Cohen's h that the test detects with the given power. */
  h: number;
  /** Smallest p₂ - p₁ > 0 detectable, or null if even p₂ = 1 is not. */
  increase: number | null;
  /** Smallest p₁ - p₂ > 0 detectable, or null if even p₂ = 0 is not. */
  decrease: number | null;
}

/**
 * The smallest change from a proportion p₁ (cohort of n₁) to p₂ (cohort of
 * n₂) that a two-sided two-proportion test at level α detects with the given
 * power: "with these N a change smaller than X percentage points cannot be
 * detected".
 *
 * Cohen (1988), Statistical Power Analysis, ch. 6: on the arcsine scale
 * φ = 2·asin(√p) the difference h = φ₂ - φ₁ is estimated with variance
 * 1/n₁ + 1/n₂ whatever p is, so the detectable effect is
 * h = (z_{1-α/2} + z_power)·√(1/n₁ + 1/n₂), and
 * p₂ = sin²(asin(√p₁) ± h/2). This ignores rejections in the wrong direction
 * (probability below α/2), as Cohen's tables do. The change is not symmetric
 * in p: an increase and a decrease are given separately, each null when it
 * would pass 1 or 0.
 *
 * @param p1 the proportion in the first cohort, in [0, 1]
 * @param n1 size of the first cohort, > 0
 * @param n2 size of the second cohort, > 0
 * @param alpha two-sided significance level, in (0, 1); default 0.05
 * @param power probability of detection, in (0, 1); default 0.8
 * @returns h and the smallest detectable increase and decrease, as proportions
 * @throws {RangeError} if an argument is outside its range
 * @example
 * detectableDifference(0.5, 16, 15).increase?.toFixed(4); // => '0.4226'
 * detectableDifference(0.8, 16, 15).increase; // => null
 */
export function detectableDifference(
  p1: number,
  n1: number,
  n2: number,
  alpha = 0.05,
  power = 0.8,
): DetectableDifference {
  if (!(p1 >= 0 && p1 <= 1)) throw new RangeError(`detectableDifference: p1 must be in [0, 1], got ${p1}`);
  if (!(n1 > 0) || !(n2 > 0)) {
    throw new RangeError(`detectableDifference: n1 and n2 must be positive, got ${n1}, ${n2}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`detectableDifference: alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`detectableDifference: power must be in (0, 1), got ${power}`);
  const h = (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * Math.sqrt(1 / n1 + 1 / n2);
  const angle = Math.asin(Math.sqrt(p1));
  const up = angle + h / 2;
  const down = angle - h / 2;
  return {
    h,
    increase: up <= Math.PI / 2 ? Math.sin(up) ** 2 - p1 : null,
    decrease: down >= 0 ? p1 - Math.sin(down) ** 2 : null,
  };
}
