/**
 * Whole percentages that add up to exactly 100: the largest-remainder (Hamilton) method.
 * Each share is floored, then the points still missing go to the largest remainders; ties go to
 * the earlier category, so the result does not depend on anything but the counts and their order.
 *
 * @param counts counts per category, in display order
 * @returns whole percentages in the same order, summing to 100 (all zeros when the total is 0)
 * @example
 * largestRemainder([1, 1, 1]); // => [34, 33, 33]
 */
export function largestRemainder(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  // Integer arithmetic: count * 100 = floor * total + remainder, so ties are exact.
  const floors = counts.map((count) => Math.floor((count * 100) / total));
  const remainders = counts.map((count, index) => count * 100 - (floors[index] ?? 0) * total);
  let missing = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = counts.map((_, index) => index).sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  for (const index of order) {
    if (missing === 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing--;
  }
  return floors;
}
