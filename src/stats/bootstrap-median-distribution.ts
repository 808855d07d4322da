import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/** Largest number of distinct values whose pairs (k²) are enumerated for an even n. */
const MAX_DISTINCT = 4000;

/**
 * The exact bootstrap distribution of the sample median: the distribution of the median of n
 * draws with replacement from the n observed values, summed over all nⁿ resamples, without
 * drawing any (Efron 1982, §10.7; Hutson 2004, "Exact bootstrap confidence bands for the
 * quantile function"). With the values x₁ < … < x_k, F_i the share of observations ≤ x_i and
 * N_i ~ Binomial(n, F_i) the number of draws ≤ x_i:
 *
 * - odd n, m = (n + 1)/2: P(median ≤ x_i) = P(N_i ≥ m) = I_{F_i}(m, n − m + 1);
 * - even n, m = n/2, median = (X₍m₎ + X₍m+1₎)/2: for i < j,
 *   P(X₍m₎ ≤ x_i, X₍m+1₎ ≤ x_j) = P(N_i ≥ m) − C(n, m)·F_iᵐ·(1 − F_j)ᵐ, and P(X₍m+1₎ ≤ x_j)
 *   for i ≥ j; each pair's probability by differencing, the median (x_i + x_j)/2 summed over pairs.
 *
 * @param histogram value → frequency (positive integers); at most 4000 distinct values when n is even
 * @returns the median's values, ascending, each with its probability (summing to 1)
 * @throws {RangeError} if the histogram is empty or has too many distinct values for an even n
 * @example
 * const median = bootstrapMedianDistribution(new Map([[1, 1], [2, 1], [3, 1]]));
 * median.map((point) => point.value); // => [1, 2, 3]
 * median.map((point) => (point.probability * 27).toFixed(9)); // => ['7.000000000', '13.000000000', '7.000000000']
 */
export function bootstrapMedianDistribution(histogram: ReadonlyMap<number, number>): { value: number; probability: number }[] {
  const values = [...histogram.keys()].sort((a, b) => a - b);
  let n = 0;
  for (const value of values) n += histogram.get(value) ?? 0;
  if (n === 0) throw new RangeError('bootstrapMedianDistribution: the histogram is empty');
  // F_i: the share of observations at most x_i, as an exact ratio of counts.
  const cumulative: number[] = [];
  let seen = 0;
  for (const value of values) {
    seen += histogram.get(value) ?? 0;
    cumulative.push(seen / n);
  }
  const k = values.length;
  const atLeast = (m: number, share: number): number => (share >= 1 ? 1 : share <= 0 ? 0 : regularizedIncompleteBeta(share, m, n - m + 1));
  if (n % 2 === 1) {
    const m = (n + 1) / 2;
    let below = 0;
    return values.map((value, i) => {
      const upTo = atLeast(m, cumulative[i] as number);
      const probability = upTo - below;
      below = upTo;
      return { value, probability };
    });
  }
  if (k > MAX_DISTINCT) throw new RangeError(`bootstrapMedianDistribution: more than ${MAX_DISTINCT} distinct values`);
  const m = n / 2;
  let logChoose = 0;
  for (let t = 1; t <= m; t++) logChoose += Math.log((m + t) / t);
  const lowerAtMost = cumulative.map((share) => atLeast(m, share));
  const upperAtMost = cumulative.map((share) => atLeast(m + 1, share));
  /** P(X₍m₎ ≤ x_i, X₍m+1₎ ≤ x_j); i or j of -1 is "below every value". */
  const joint = (i: number, j: number): number => {
    if (i < 0 || j < 0) return 0;
    if (i >= j) return upperAtMost[j] as number;
    const fi = cumulative[i] as number;
    const fj = cumulative[j] as number;
    const both = fi <= 0 || fj >= 1 ? 0 : Math.exp(logChoose + m * Math.log(fi) + m * Math.log1p(-fj));
    return (lowerAtMost[i] as number) - both;
  };
  const byMedian = new Map<number, number>();
  for (let j = 0; j < k; j++) {
    for (let i = 0; i <= j; i++) {
      const probability = joint(i, j) - joint(i - 1, j) - joint(i, j - 1) + joint(i - 1, j - 1);
      if (probability <= 0) continue;
      const median = ((values[i] as number) + (values[j] as number)) / 2;
      byMedian.set(median, (byMedian.get(median) ?? 0) + probability);
    }
  }
  return [...byMedian].sort(([a], [b]) => a - b).map(([value, probability]) => ({ value, probability }));
}
