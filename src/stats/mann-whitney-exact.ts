import { mannWhitneyCounts, type MannWhitneyOptions, type MannWhitneyResult } from './mann-whitney-counts.js';

export type { MannWhitneyOptions, MannWhitneyResult };

/**
 * Two-sided Wilcoxon rank-sum (Mann–Whitney) test of a against b, exact
 * with ties.
 *
 * Pooled values get midranks; under the null hypothesis every split of the
 * N = nₐ + n_b answers into groups of nₐ and n_b is equally likely. With the
 * pooled answers in k distinct values (categories) of tᵢ answers each, a
 * split is fixed by how many of the smaller group, aᵢ, fall in each
 * category: probability ∏ C(tᵢ, aᵢ) / C(N, n), rank sum Σ aᵢ·mᵢ with mᵢ the
 * category's midrank. The distribution of the rank sum is a dynamic program
 * over the categories, not over the answers: state (answers placed, doubled
 * rank sum so far), each step a hypergeometric split of what is left, the last
 * category forced. On k ordered answer categories it stays exact to thousands
 * of answers per side; it is the permutation distribution that coin's
 * `wilcox_test(distribution = "exact")` computes. The two-sided p-value is
 * P(|W - E[W]| ≥ |w_obs - E[W]|) with E[W] = nₐ(N+1)/2, compared in exact
 * integer arithmetic on doubled midranks; this is not the doubled one-sided
 * p, the two differ when the null distribution is skewed.
 *
 * mannWhitneyCounts does the work on the counts per distinct value.
 *
 * Beyond `maxWork` transitions the p-value is a seeded Monte-Carlo estimate
 * (1 + hits)/(B + 1) over B splits drawn the same way (one hypergeometric draw
 * per category), with its standard error; never a normal approximation.
 *
 * @param a values of cohort a (e.g. answers coded 1..3)
 * @param b values of cohort b
 * @param options maxWork and the Monte-Carlo settings
 * @returns U and W of a, the two-sided p-value, the method used and its standard error
 * @throws {RangeError} if a group is empty or holds a value that is not finite
 * @example
 * const result = mannWhitneyExact([1, 2, 2, 3, 3, 3], [1, 1, 2, 2, 3]);
 * [result.U, result.W, result.method]; // => [20.5, 41.5, 'exact']
 * result.p.toFixed(12); // => (106 / 231).toFixed(12)
 */
export function mannWhitneyExact(
  a: readonly number[],
  b: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  for (const [name, group] of [['a', a], ['b', b]] as const) {
    if (group.length === 0) throw new RangeError(`mannWhitneyExact: group ${name} is empty`);
    if (!group.every(Number.isFinite)) {
      throw new RangeError(`mannWhitneyExact: group ${name} holds a value that is not finite`);
    }
  }
  // The categories: distinct pooled values in order, and how many of a and of b are in each.
  const values = [...new Set([...a, ...b])].sort((x, y) => x - y);
  const index = new Map(values.map((value, i) => [value, i]));
  const inA = new Array<number>(values.length).fill(0);
  const inB = new Array<number>(values.length).fill(0);
  for (const value of a) inA[index.get(value)!]! += 1;
  for (const value of b) inB[index.get(value)!]! += 1;
  return mannWhitneyCounts(inA, inB, options);
}
