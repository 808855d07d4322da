import { doubledMidranks } from './midranks.js';
import { normalCdf } from './normal-cdf.js';
import { subsetSumCounts } from './subset-sum-counts.js';

export interface MannWhitneyOptions {
  /**
   * Largest number of dynamic-programming steps (n_small × N × range of the
   * doubled rank sum) spent on the exact distribution; beyond it the normal
   * approximation is used. Default 2e8, well above any survey cohort.
   */
  maxSteps?: number;
}

export interface MannWhitneyResult {
  /** Mann–Whitney U of a: #(a > b) + ½·#(a = b) over all pairs, = W - nₐ(nₐ+1)/2. */
  U: number;
  /** Wilcoxon rank sum of a in the pooled sample, with midranks for ties. */
  W: number;
  /** Two-sided p-value, P(|W - E[W]| ≥ |w_obs - E[W]|). */
  p: number;
  method: 'exact' | 'normal';
}

/**
 * Two-sided Wilcoxon rank-sum (Mann–Whitney) test of a against b, exact
 * with ties.
 *
 * Pooled values get midranks; under the null hypothesis every split of the
 * N = nₐ + n_b midranks into groups of nₐ and n_b is equally likely. The
 * distribution of the rank sum over all C(N, nₐ) splits is counted by dynamic
 * programming over subset size and sum, with doubled midranks as integers
 * (the permutation distribution that coin's `wilcox_test(distribution = "exact")`
 * computes). The two-sided p-value is P(|W - E[W]| ≥ |w_obs - E[W]|) with
 * E[W] = nₐ(N+1)/2, compared in exact integer arithmetic; this is not the
 * doubled one-sided p, the two differ when the null distribution is skewed.
 *
 * Beyond `maxSteps` it falls back to the normal approximation with the tie
 * correction of the variance and a continuity correction of ½, which is R's
 * `wilcox.test(a, b, exact = FALSE, correct = TRUE)`.
 *
 * @param a values of cohort a (e.g. answers coded 1..3)
 * @param b values of cohort b
 * @param options maxSteps
 * @returns U and W of a, the two-sided p-value and the method used
 * @throws {RangeError} if a group is empty or holds a value that is not finite
 * @example
 * const result = mannWhitneyExact([1, 2, 2, 3, 3, 3], [1, 1, 2, 2, 3]);
 * [result.U, result.W, result.method]; // => [20.5, 41.5, 'exact']
 * result.p; // => 106 / 231
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
  const maxSteps = options.maxSteps ?? 2e8;
  const na = a.length;
  const nb = b.length;
  const total = na + nb;
  const ranks = doubledMidranks([...a, ...b]);
  let doubledW = 0;
  for (let i = 0; i < na; i++) doubledW += ranks[i]!;
  const W = doubledW / 2;
  const U = W - (na * (na + 1)) / 2;

  // The smaller group gives the same |sum - E[sum]| with less work.
  const k = Math.min(na, nb);
  const observed = Math.abs(doubledW - na * (total + 1));
  const descending = ranks.slice().sort((x, y) => y - x);
  let maxSum = 0;
  for (let i = 0; i < k; i++) maxSum += descending[i]!;
  if (k * total * maxSum > maxSteps) {
    return { U, W, p: normalApproximation(ranks, U, na, nb), method: 'normal' };
  }

  const counts = subsetSumCounts(ranks, k, maxSum);
  const expected = k * (total + 1);
  let all = 0;
  let asExtreme = 0;
  for (let s = 0; s <= maxSum; s++) {
    const count = counts[s]!;
    all += count;
    if (Math.abs(s - expected) >= observed) asExtreme += count;
  }
  return { U, W, p: asExtreme / all, method: 'exact' };
}

function normalApproximation(doubledRanks: readonly number[], U: number, na: number, nb: number): number {
  const total = na + nb;
  const tieSizes = new Map<number, number>();
  for (const r of doubledRanks) tieSizes.set(r, (tieSizes.get(r) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of tieSizes.values()) tieTerm += t * t * t - t;
  const sigma = Math.sqrt(((na * nb) / 12) * (total + 1 - tieTerm / (total * (total - 1))));
  const centred = U - (na * nb) / 2;
  if (sigma === 0) return 1;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}
