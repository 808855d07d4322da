import { wilsonInterval } from './wilson-interval.js';

/** A difference of two proportions, b minus a, with its confidence interval. */
export interface ProportionDifference {
  /** p̂b - p̂a */
  difference: number;
  lower: number;
  upper: number;
}

/**
 * Confidence interval for the difference of two independent proportions,
 * p̂b - p̂a ("b minus a"; positive when cohort b has the larger share).
 *
 * Newcombe (1998), "Interval estimation for the difference between
 * independent proportions", Stat. Med. 17:873-890, method 10 (hybrid score):
 * with Wilson intervals (la, ua) for pa and (lb, ub) for pb and d = p̂b - p̂a,
 * lower = d - √((p̂b - lb)² + (ua - p̂a)²),
 * upper = d + √((ub - p̂b)² + (p̂a - la)²).
 *
 * @param xa successes in cohort a
 * @param na size of cohort a, a positive integer
 * @param xb successes in cohort b
 * @param nb size of cohort b, a positive integer
 * @param confidence confidence level 1 - α, in (0, 1); default 0.95
 * @returns the difference p̂b - p̂a and the bounds of its interval
 * @throws {RangeError} on counts or confidence that `wilsonInterval` rejects
 * @example
 * // Newcombe (1998), table II, example (a) with the cohorts swapped: 56/70 vs 48/80
 * newcombeDifference(48, 80, 56, 70).lower.toFixed(4); // => '0.0524'
 * newcombeDifference(48, 80, 56, 70).upper.toFixed(4); // => '0.3339'
 */
export function newcombeDifference(
  xa: number,
  na: number,
  xb: number,
  nb: number,
  confidence = 0.95,
): ProportionDifference {
  const a = wilsonInterval(xa, na, confidence);
  const b = wilsonInterval(xb, nb, confidence);
  const pa = xa / na;
  const pb = xb / nb;
  const difference = pb - pa;
  return {
    difference,
    lower: difference - Math.hypot(pb - b.lower, a.upper - pa),
    upper: difference + Math.hypot(b.upper - pb, pa - a.lower),
  };
}
