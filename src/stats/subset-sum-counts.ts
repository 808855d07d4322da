/**
 * How many k-element subsets of a list of non-negative integers have each possible sum: the
 * exact null distribution of a two-sample permutation statistic that is a sum over one group
 * (rank sums, sums of marks). Dynamic programming over (sum, subset size), O(n · k · maxSum).
 *
 * @param values non-negative integers (the pooled sample, scaled to whole numbers)
 * @param k the size of the subsets (the smaller group)
 * @param maxSum the largest sum to count (the sum of the k largest values)
 * @returns counts[s] = number of k-subsets with sum s, for s = 0 … maxSum
 * @example
 * Array.from(subsetSumCounts([1, 2, 3], 2, 5)); // => [0, 0, 0, 1, 1, 1]
 */
export function subsetSumCounts(values: readonly number[], k: number, maxSum: number): Float64Array {
  // ways[s * (k + 1) + m]: number of m-subsets of the values seen so far with sum s.
  const width = k + 1;
  const ways = new Float64Array((maxSum + 1) * width);
  ways[0] = 1;
  let reachable = 0;
  values.forEach((value, index) => {
    reachable = Math.min(maxSum, reachable + value);
    for (let s = reachable; s >= value; s--) {
      for (let m = Math.min(k, index + 1); m >= 1; m--) {
        ways[s * width + m]! += ways[(s - value) * width + m - 1]!;
      }
    }
  });
  const counts = new Float64Array(maxSum + 1);
  for (let s = 0; s <= maxSum; s++) counts[s] = ways[s * width + k]!;
  return counts;
}
