import { bootstrapMedianDistribution } from './bootstrap-median-distribution.js';
import { histogramSummary } from './histogram-summary.js';

/** Largest number of (median a, median b) pairs convolved. */
const MAX_PAIRS = 1e7;

export interface MedianDifference {
  /** median(b) − median(a). */
  difference: number;
  lower: number;
  upper: number;
}

/**
 * The difference of two medians, median(b) − median(a), with its exact bootstrap percentile
 * interval: the bootstrap distribution of each sample's median is computed exactly (no
 * resampling, so no seed; see bootstrapMedianDistribution), the two are convolved into the
 * distribution of the difference, and the interval is that distribution's (1 − c)/2 and
 * (1 + c)/2 quantiles as the inverse of its distribution function (R's quantile type 1). It is
 * the percentile interval a bootstrap with infinitely many resamples would give.
 *
 * @param a histogram of cohort a (value → frequency)
 * @param b histogram of cohort b
 * @param confidence the interval's level, in (0, 1); default 0.95
 * @returns the difference and the interval's bounds
 * @throws {RangeError} if a histogram is empty, confidence is not in (0, 1), or the
 *   distributions are too large to convolve (over 1e7 pairs of medians)
 * @example
 * medianDifferenceInterval(new Map([[3, 1], [5, 2], [9, 1]]), new Map([[2, 1], [7, 1], [8, 2], [12, 1]])); // => { difference: 3, lower: -3, upper: 7 }
 */
export function medianDifferenceInterval(
  a: ReadonlyMap<number, number>,
  b: ReadonlyMap<number, number>,
  confidence = 0.95,
): MedianDifference {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`medianDifferenceInterval: confidence must be in (0, 1), got ${confidence}`);
  const summaryA = histogramSummary(a);
  const summaryB = histogramSummary(b);
  if (summaryA === null || summaryB === null) throw new RangeError('medianDifferenceInterval: a histogram is empty');
  const medianA = bootstrapMedianDistribution(a);
  const medianB = bootstrapMedianDistribution(b);
  if (medianA.length * medianB.length > MAX_PAIRS) throw new RangeError('medianDifferenceInterval: too many pairs of medians');
  const byDifference = new Map<number, number>();
  for (const x of medianB) {
    for (const y of medianA) {
      const difference = x.value - y.value;
      byDifference.set(difference, (byDifference.get(difference) ?? 0) + x.probability * y.probability);
    }
  }
  const sorted = [...byDifference].sort(([x], [y]) => x - y);
  // The probabilities carry rounding of about 1e-15; a tolerance keeps a quantile that falls
  // exactly on a step of the distribution function on that step.
  const quantile = (p: number): number => {
    let cumulative = 0;
    for (const [difference, probability] of sorted) {
      cumulative += probability;
      if (cumulative >= p - 1e-12) return difference;
    }
    return sorted[sorted.length - 1]?.[0] ?? 0;
  };
  return {
    difference: summaryB.median - summaryA.median,
    lower: quantile((1 - confidence) / 2),
    upper: quantile((1 + confidence) / 2),
  };
}
