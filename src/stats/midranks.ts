/**
 * Ranks with ties given the mean of the ranks they share (midranks),
 * doubled so that they are integers: tied values at sorted positions
 * i..j (1-based) all get rank (i + j)/2, returned as i + j.
 *
 * @param values the pooled sample, any order
 * @returns twice the midrank of each value, in input order
 * @throws {RangeError} if a value is NaN
 * @example
 * doubledMidranks([3, 1, 3, 2]); // => [7, 2, 7, 4]
 */
export function doubledMidranks(values: readonly number[]): number[] {
  if (values.some(Number.isNaN)) throw new RangeError('doubledMidranks: values must not be NaN');
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    for (let k = start; k <= end; k++) ranks[order[k]!] = start + end + 2;
    start = end + 1;
  }
  return ranks;
}
