/** The longest table made so far: a shorter one is its beginning, value for value. */
let longest = new Float64Array(1);

/**
 * log(i!) for i = 0 … n, summed as log(i − 1)! + log(i) from log 0! = 0. Kept between calls and
 * extended when a larger n comes, so the tests of one comparison build it once; an entry is the
 * same number whichever call made it (the sum runs in the same order).
 *
 * @param n the largest i needed, a whole number ≥ 0
 * @returns a table whose entry i (for i ≤ n) is log(i!); it may be longer than n + 1; do not change it
 * @example
 * Math.round(Math.exp(logFactorials(5)[5])); // => 120
 */
export function logFactorials(n: number): Float64Array {
  if (n < longest.length) return longest;
  const table = new Float64Array(Math.max(n + 1, longest.length + (longest.length >> 3)));
  table.set(longest);
  for (let i = longest.length; i < table.length; i++) table[i] = table[i - 1]! + Math.log(i);
  longest = table;
  return table;
}
