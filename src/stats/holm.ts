/**
 * Holm's step-down adjustment of p-values for multiple comparisons, which
 * controls the family-wise error rate (Holm 1979, Scand. J. Statist. 6:65-70).
 *
 * With the m p-values sorted ascending, p₍ᵢ₎ becomes
 * max over j ≤ i of min(1, (m - j + 1)·p₍ⱼ₎): monotone in the sorted order
 * and capped at 1. The same as R's `p.adjust(p, "holm")`.
 *
 * @param pValues raw p-values, each in [0, 1]
 * @returns adjusted p-values, in the order of the input
 * @throws {RangeError} if a p-value is not in [0, 1]
 * @example
 * holm([0.01, 0.04, 0.03]); // => [0.03, 0.06, 0.06]
 */
export function holm(pValues: readonly number[]): number[] {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`holm: p-value ${i} must be in [0, 1], got ${p}`);
  });
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i]! - pValues[j]!);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}
