import type { Sample } from './sample-moments.js';
import { subsetSumCounts } from './subset-sum-counts.js';

export interface PermutationTestResult {
  /** mean(b) - mean(a) */
  difference: number;
  /** two-sided exact p-value, P(|D| ≥ |d_obs|) over all splits */
  p: number;
}

/** Guards against an input whose range would need an enormous table. */
const MAX_STEPS = 1e9;

/**
 * Exact two-sided permutation test for the difference of means,
 * mean(b) - mean(a), for marks that are whole or half numbers.
 *
 * Under the null hypothesis each of the C(N, nₐ) ways to split the pooled
 * N = nₐ + n_b values into groups of nₐ and n_b is equally likely. The
 * difference of means is a decreasing linear function of the sum of group a,
 * so counting the splits by that sum is enough: with every value doubled to
 * an integer, a subset-sum dynamic program counts the subsets of each size
 * and sum. The p-value is the share of splits with
 * |mean(b) - mean(a)| ≥ |observed|, compared in exact integer arithmetic
 * (so no tolerance is needed; ties in |D| are counted exactly).
 *
 * This is the "absolute" two-sided p. scipy's `permutation_test(...,
 * alternative='two-sided')` instead doubles the smaller one-sided p,
 * min(1, 2·min(P(D ≤ d), P(D ≥ d))); the two agree when nₐ = n_b (the null
 * distribution is then symmetric) and may differ otherwise. The absolute p
 * equals scipy's `alternative='greater'` on the statistic |mean(b) - mean(a)|.
 *
 * A histogram (value → count) is checked, the size guard included, before its values are laid
 * out one by one, so a cohort too large for the test costs no array of its marks.
 *
 * @param a values of cohort a, multiples of 0.5, or their histogram
 * @param b values of cohort b, multiples of 0.5, or their histogram
 * @returns the difference of means and the two-sided p-value
 * @throws {RangeError} if a group is empty, a value is not a multiple of 0.5, or the values span too wide a range
 * @example
 * permutationTestMeans([6, 7, 5.5, 8], [7, 8, 8.5, 9]); // => { difference: 1.5, p: 0.14285714285714285 }
 */
export function permutationTestMeans(a: Sample, b: Sample): PermutationTestResult {
  if (!Array.isArray(a) || !Array.isArray(b)) return fromHistograms(a, b);
  if (a.length === 0 || b.length === 0) {
    throw new RangeError('permutationTestMeans: both groups need at least one value');
  }
  const pooled = [...a, ...b];
  pooled.forEach((value, i) => {
    if (!Number.isInteger(2 * value)) {
      const where = i < a.length ? `a[${i}]` : `b[${i - a.length}]`;
      throw new RangeError(
        `permutationTestMeans: ${where} = ${value} is not a whole or half number; ` +
          'the exact test needs marks in steps of 0.5',
      );
    }
  });
  const total = pooled.length;
  const doubled = pooled.map((value) => 2 * value);
  const smallest = Math.min(...doubled);
  const shifted = doubled.map((value) => value - smallest);
  const doubledTotal = shifted.reduce((s, v) => s + v, 0);

  // Count subsets of the smaller group's size k; with S its (doubled, shifted)
  // sum, |N·S - k·T| is proportional to |mean(b) - mean(a)| for either group.
  const aIsSmaller = a.length <= b.length;
  const k = aIsSmaller ? a.length : b.length;
  const observedSum = (aIsSmaller ? shifted.slice(0, k) : shifted.slice(a.length)).reduce((s, v) => s + v, 0);
  const descending = shifted.slice().sort((x, y) => y - x);
  let maxSum = 0;
  for (let i = 0; i < k; i++) maxSum += descending[i]!;
  if (total * k * (maxSum + 1) > MAX_STEPS) tooWide();

  const counts = subsetSumCounts(shifted, k, maxSum);
  const observed = Math.abs(total * observedSum - k * doubledTotal);
  let all = 0;
  let asExtreme = 0;
  for (let s = 0; s <= maxSum; s++) {
    const count = counts[s]!;
    all += count;
    if (Math.abs(total * s - k * doubledTotal) >= observed) asExtreme += count;
  }
  const meanOf = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
  return { difference: meanOf(b) - meanOf(a), p: asExtreme / all };
}

function tooWide(): never {
  throw new RangeError('permutationTestMeans: the values span too wide a range for the exact test');
}

/** The checks of permutationTestMeans on histograms, in its order; then the test on their values. */
function fromHistograms(a: Sample, b: Sample): PermutationTestResult {
  const entries = (sample: Sample): [number, number][] =>
    Array.isArray(sample) ? (sample as readonly number[]).map((value): [number, number] => [value, 1]) : [...(sample as ReadonlyMap<number, number>)].filter(([, count]) => count > 0);
  const [entriesA, entriesB] = [entries(a), entries(b)];
  const size = (list: [number, number][]): number => list.reduce((sum, [, count]) => sum + count, 0);
  const [na, nb] = [size(entriesA), size(entriesB)];
  if (na === 0 || nb === 0) throw new RangeError('permutationTestMeans: both groups need at least one value');
  for (const [group, list] of [['a', entriesA], ['b', entriesB]] as const) {
    for (const [value] of list) {
      if (!Number.isInteger(2 * value)) {
        throw new RangeError(`permutationTestMeans: ${group} holds ${value}, not a whole or half number; the exact test needs marks in steps of 0.5`);
      }
    }
  }
  const pooled = [...entriesA, ...entriesB];
  const smallest = Math.min(...pooled.map(([value]) => 2 * value));
  const k = Math.min(na, nb);
  let maxSum = 0;
  let taken = 0;
  for (const [value, count] of [...pooled].sort(([x], [y]) => y - x)) {
    const take = Math.min(count, k - taken);
    maxSum += take * (2 * value - smallest);
    taken += take;
    if (taken === k) break;
  }
  if ((na + nb) * k * (maxSum + 1) > MAX_STEPS) tooWide();
  const values = (list: [number, number][]): number[] => list.flatMap(([value, count]) => new Array<number>(count).fill(value));
  return permutationTestMeans(values(entriesA), values(entriesB));
}
