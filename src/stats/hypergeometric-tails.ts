/** Cumulative hypergeometric probabilities of x, from each end of its range. */
export interface HypergeometricTails {
  /** The smallest x possible: max(0, s − b). */
  readonly from: number;
  /** below[i] = P(X ≤ from + i). */
  readonly below: Float64Array;
  /** above[i] = P(X ≥ from + i). */
  readonly above: Float64Array;
}

/**
 * The hypergeometric distribution of x, the number of s draws (without replacement) that fall in
 * a group of a among a + b, as cumulative sums from each end: h(x) = C(a, x)·C(b, s − x)/C(a + b, s)
 * for x = max(0, s − b) … min(a, s). Both sums are kept, so a tail far from the mode is a sum of
 * small terms, not one minus a sum near one. The exact FFH and Mann–Whitney programs sum their
 * last two columns (categories) in closed form with it.
 *
 * @param a size of the group counted, ≥ 0
 * @param b size of the other group, ≥ 0
 * @param s draws, 0 … a + b
 * @param logFactorial log(n!) for n = 0 … a + b
 * @returns the first x and both cumulative sums
 * @example
 * const lf = [0, 0, Math.log(2), Math.log(6), Math.log(24)];
 * const tails = hypergeometricTails(2, 2, 2, lf); // h = 1/6, 4/6, 1/6 for x = 0, 1, 2
 * tails.from; // => 0
 * [...tails.below].map((p) => p.toFixed(4)); // => ['0.1667', '0.8333', '1.0000']
 * [...tails.above].map((p) => p.toFixed(4)); // => ['1.0000', '0.8333', '0.1667']
 */
export function hypergeometricTails(a: number, b: number, s: number, logFactorial: ArrayLike<number>): HypergeometricTails {
  const lf = logFactorial;
  const logChoose = (n: number, x: number): number => lf[n]! - lf[x]! - lf[n - x]!;
  const from = Math.max(0, s - b);
  const size = Math.min(a, s) - from + 1;
  const logAll = logChoose(a + b, s);
  const h = new Float64Array(size);
  for (let i = 0; i < size; i++) h[i] = Math.exp(logChoose(a, from + i) + logChoose(b, s - from - i) - logAll);
  const below = new Float64Array(size);
  const above = new Float64Array(size);
  for (let i = 0, acc = 0; i < size; i++) below[i] = acc += h[i]!;
  for (let i = size - 1, acc = 0; i >= 0; i--) above[i] = acc += h[i]!;
  return { from, below, above };
}
