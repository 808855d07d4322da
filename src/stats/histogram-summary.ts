/**
 * Mean, median, sample standard deviation, minimum and maximum of values kept as a histogram
 * (value → how often), so that a million marks cost a few entries.
 *
 * The median is the middle value, or the mean of the two middle values for an even n; the
 * standard deviation divides by n − 1 (as R's `sd` and simple-statistics' `sampleStandardDeviation`).
 *
 * @param histogram value → frequency (frequencies > 0)
 * @returns the summary, or null for an empty histogram
 * @example
 * const summary = histogramSummary(new Map([[6, 2], [7, 1]]));
 * summary.n; // => 3
 * summary.mean.toFixed(6); // => (19 / 3).toFixed(6)
 * summary.median; // => 6
 * summary.sd.toFixed(6); // => Math.sqrt(1 / 3).toFixed(6)
 * [summary.min, summary.max]; // => [6, 7]
 */
export function histogramSummary(histogram: ReadonlyMap<number, number>): {
  n: number;
  mean: number;
  median: number;
  sd: number | null;
  min: number;
  max: number;
} | null {
  const values = [...histogram.keys()].sort((a, b) => a - b);
  const first = values[0];
  const last = values[values.length - 1];
  if (first === undefined || last === undefined) return null;
  let n = 0;
  let sum = 0;
  for (const value of values) {
    const count = histogram.get(value) ?? 0;
    n += count;
    sum += value * count;
  }
  const mean = sum / n;
  let squares = 0;
  for (const value of values) squares += (histogram.get(value) ?? 0) * (value - mean) ** 2;
  const valueAt = (position: number): number => {
    let seen = 0;
    for (const value of values) {
      seen += histogram.get(value) ?? 0;
      if (seen > position) return value;
    }
    return last;
  };
  const median = n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
  return { n, mean, median, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null, min: first, max: last };
}
