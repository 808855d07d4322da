/**
 * A quantile of values kept as a histogram (value → how often), by R's default definition,
 * `quantile(x, p, type = 7)` (Hyndman & Fan 1996, definition 7; also numpy's "linear"): with the
 * n values sorted as x₁ ≤ … ≤ xₙ and h = (n − 1)·p + 1, the quantile is
 * x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). p = 0.5 gives the usual median.
 *
 * @param histogram value → frequency (frequencies positive integers)
 * @param p the probability, in [0, 1]
 * @returns the quantile, or null for an empty histogram
 * @throws {RangeError} if p is not in [0, 1]
 * @example
 * histogramQuantile(new Map([[3, 1], [10, 2], [20, 1]]), 0.9); // => 17
 * histogramQuantile(new Map([[5, 2]]), 0.9); // => 5
 */
export function histogramQuantile(histogram: ReadonlyMap<number, number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`histogramQuantile: p must be in [0, 1], got ${p}`);
  const values = [...histogram.keys()].sort((a, b) => a - b);
  let n = 0;
  for (const value of values) n += histogram.get(value) ?? 0;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  /** The value at a 0-based position of the sorted values. */
  const at = (position: number): number => {
    let seen = 0;
    for (const value of values) {
      seen += histogram.get(value) ?? 0;
      if (seen > position) return value;
    }
    return values[values.length - 1] as number;
  };
  const low = at(below);
  const fraction = h - below;
  return fraction === 0 ? low : low + fraction * (at(below + 1) - low);
}
