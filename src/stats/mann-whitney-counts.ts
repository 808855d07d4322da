import { hypergeometricSample } from './hypergeometric-sample.js';
import { hypergeometricTails } from './hypergeometric-tails.js';
import { logFactorials } from './log-factorials.js';
import { monteCarloEstimate } from './monte-carlo-estimate.js';
import { mulberry32 } from './mulberry32.js';

export interface MannWhitneyOptions {
  /**
   * Most transitions of the dynamic program spent on the exact distribution; beyond it the
   * p-value is a seeded Monte-Carlo estimate. Default 5e5, under a second.
   */
  maxWork?: number;
  /** Seed of the Monte-Carlo generator; default 1. */
  seed?: number;
  /** Fewest Monte-Carlo draws; default 10000. */
  replicates?: number;
  /** Monte-Carlo draws on (in batches of 1000) until the standard error is at most this; default 0 (stop at `replicates`). */
  targetStandardError?: number;
  /** Most Monte-Carlo draws, whatever the standard error; default 1e6. */
  maxReplicates?: number;
}

export interface MannWhitneyResult {
  /** Mann–Whitney U of a: #(a > b) + ½·#(a = b) over all pairs, = W - nₐ(nₐ+1)/2. */
  U: number;
  /** Wilcoxon rank sum of a in the pooled sample, with midranks for ties. */
  W: number;
  /** Two-sided p-value, P(|W - E[W]| ≥ |w_obs - E[W]|). */
  p: number;
  method: 'exact' | 'monte-carlo';
  /** Standard error of a Monte-Carlo p, √(p(1-p)/B); 0 for the exact p. */
  standardError: number;
  /** Splits drawn for a Monte-Carlo p; 0 for the exact p. */
  draws: number;
}

const BATCH = 1000;

/**
 * Two-sided Wilcoxon rank-sum (Mann–Whitney) test of a against b from their counts on one ordered
 * scale: `a[i]` and `b[i]` answers in category i, the categories worst to best. The work is in
 * the number of categories, never the number of answers: what mannWhitneyExact computes from one
 * value per answer, with the same numbers (it tabulates its values and calls this).
 *
 * Categories empty in both groups are left out; midranks, the exact dynamic program over the
 * categories and the seeded Monte-Carlo estimate past `maxWork` are as in mannWhitneyExact.
 *
 * @param a answers of cohort a per category, in the scale's order; non-negative integers
 * @param b answers of cohort b per category, the same categories
 * @param options maxWork and the Monte-Carlo settings
 * @returns U and W of a, the two-sided p-value, the method used and its standard error
 * @throws {RangeError} if a group has no answers, the lengths differ, or a count is not a non-negative integer
 * @example
 * const result = mannWhitneyCounts([1, 2, 3], [2, 2, 1]);
 * [result.U, result.W, result.method]; // => [20.5, 41.5, 'exact']
 * result.p.toFixed(12); // => (106 / 231).toFixed(12)
 */
export function mannWhitneyCounts(
  a: readonly number[],
  b: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  if (a.length !== b.length) throw new RangeError(`mannWhitneyCounts: a has ${a.length} categories, b has ${b.length}`);
  for (const [name, group] of [['a', a], ['b', b]] as const) {
    if (!group.every((count) => Number.isInteger(count) && count >= 0)) {
      throw new RangeError(`mannWhitneyCounts: group ${name} holds a count that is not a non-negative integer`);
    }
    if (group.every((count) => count === 0)) throw new RangeError(`mannWhitneyCounts: group ${name} is empty`);
  }
  const maxWork = options.maxWork ?? 5e5;
  const kept = a.map((_, i) => i).filter((i) => a[i]! + b[i]! > 0);
  const inA = kept.map((i) => a[i]!);
  const sizes = kept.map((i) => a[i]! + b[i]!);
  let na = 0;
  for (const count of inA) na += count;
  let total = 0;
  for (const size of sizes) total += size;
  const nb = total - na;
  // Doubled midranks: a category after `before` answers, of size t, has ranks before+1 … before+t.
  const doubledRank: number[] = [];
  let before = 0;
  for (const t of sizes) {
    doubledRank.push(2 * before + t + 1);
    before += t;
  }
  let doubledW = 0;
  inA.forEach((count, i) => (doubledW += count * doubledRank[i]!));
  const W = doubledW / 2;
  const U = W - (na * (na + 1)) / 2;
  // |W - E[W]| is the same for either group: take the smaller, with fewer states.
  const n = Math.min(na, nb);
  const observed = Math.abs(doubledW - na * (total + 1));
  const expected = n * (total + 1);

  const logFactorial = logFactorials(total);
  const left = new Array<number>(sizes.length + 1).fill(0); // answers in categories i, i+1, …
  for (let i = sizes.length - 1; i >= 0; i--) left[i] = left[i + 1]! + sizes[i]!;

  const exact = exactP(sizes, doubledRank, n, expected, observed, logFactorial, maxWork);
  if (exact !== null) return { U, W, p: exact, method: 'exact', standardError: 0, draws: 0 };
  const estimate = monteCarloP(sizes, doubledRank, left, n, expected, observed, logFactorial, options);
  return { U, W, ...estimate, method: 'monte-carlo' };
}

/** ⌊v / d⌋ for integers (d ≠ 0), exact where the floating-point quotient rounds across an integer. */
function floorDivide(v: number, d: number): number {
  let q = Math.floor(v / d);
  if (d > 0) {
    while (q * d > v) q--;
    while ((q + 1) * d <= v) q++;
  } else {
    while (q * d < v) q--;
    while ((q + 1) * d >= v) q++;
  }
  return q;
}

function exactP(
  sizes: readonly number[],
  doubledRank: readonly number[],
  n: number,
  expected: number,
  observed: number,
  lf: Float64Array,
  maxWork: number,
): number | null {
  if (observed === 0 || sizes.length < 2) return 1;
  const logChoose = (m: number, x: number): number => lf[m]! - lf[x]! - lf[m - x]!;
  // The sum does not depend on the order the categories are placed in: the small ones go
  // through the dynamic program, the two largest are summed in closed form at the end.
  const order = sizes.map((_, i) => i).sort((i, j) => sizes[i]! - sizes[j]!);
  const t = order.map((i) => sizes[i]!);
  const rank = order.map((i) => doubledRank[i]!);
  const k = t.length;
  const left = new Array<number>(k + 1).fill(0);
  for (let i = k - 1; i >= 0; i--) left[i] = left[i + 1]! + t[i]!;

  // Before starting: an upper bound on the transitions, from the number of splits of the first
  // categories and from the lattice of (m, s); far past the bound means Monte-Carlo at once.
  let splits = 1;
  let bounded = 0;
  let widest = 0;
  for (let i = 0; i < k - 2; i++) {
    widest = Math.max(widest, rank[i]!);
    const lattice = (Math.min(n, left[0]! - left[i]!) + 1) * (Math.min(n, left[0]! - left[i]!) * widest + 1);
    bounded += Math.min(splits, lattice) * (t[i]! + 1);
    splits *= t[i]! + 1;
  }
  if (bounded > 20 * maxWork) return null;

  // The last two categories' tails cost their length (far cheaper than a transition) for every
  // m the program reaches: counted as each m is first reached, so a split too large for the exact
  // p is refused before the states and tails are filled. The work is the same total whatever the
  // order it is counted in, so where the exact p stops does not move.
  const [tA, tB] = [t[k - 2]!, t[k - 1]!];
  const tailsWork = (m: number): number => (Math.min(tA, n - m) - Math.max(0, n - m - tB) + 1) / 8;

  // states[m]: doubled rank sum so far → probability, m answers of the group placed.
  let states: Map<number, number>[] = [new Map([[0, 1]])];
  let work = k - 2 === 0 ? tailsWork(0) : 0;
  for (let i = 0; i < k - 2; i++) {
    const next: Map<number, number>[] = [];
    const rest = left[i + 1]!;
    for (let m = 0; m < states.length; m++) {
      const here = states[m];
      if (here === undefined || here.size === 0) continue;
      const need = n - m;
      const low = Math.max(0, need - rest);
      const high = Math.min(t[i]!, need);
      work += (high - low + 1) * here.size;
      if (work > maxWork) return null;
      const logAll = logChoose(left[i]!, need);
      for (let x = low; x <= high; x++) {
        const split = Math.exp(logChoose(t[i]!, x) + logChoose(rest, need - x) - logAll);
        if (split === 0) continue;
        let target = next[m + x];
        if (target === undefined) {
          if (i === k - 3 && (work += tailsWork(m + x)) > maxWork) return null;
          next[m + x] = target = new Map();
        }
        const shift = x * rank[i]!;
        const into = target;
        here.forEach((probability, s) => into.set(s + shift, (into.get(s + shift) ?? 0) + probability * split));
      }
    }
    states = next;
  }

  if (work > maxWork) return null;

  // The last two categories with r answers of the group left: x in the first, r - x in the
  // second, hypergeometric; the rank sum is linear in x, so the extreme x are two tails.
  const [rankA, rankB] = [rank[k - 2]!, rank[k - 1]!];
  const slope = rankA - rankB;
  let p = 0;
  for (let m = 0; m < states.length; m++) {
    const here = states[m];
    if (here === undefined || here.size === 0) continue;
    const r = n - m;
    const { from: low, below, above } = hypergeometricTails(tA, tB, r, lf);
    const high = low + below.length - 1;
    for (const [s, probability] of here) {
      // |s + r·rankB + x·slope - E| ≥ D: x·slope ≥ D - c or x·slope ≤ -D - c.
      const c = s + r * rankB - expected;
      const [first, second] =
        slope > 0
          ? [floorDivide(-observed - c, slope), -floorDivide(-(observed - c), slope)] // x ≤ first, x ≥ second
          : [floorDivide(observed - c, slope), -floorDivide(-(-observed - c), slope)];
      let share = 0;
      if (first + 1 >= second || (first >= high && second <= low)) share = 1; // every x qualifies
      else {
        if (first >= low) share += below[Math.min(first, high) - low]!;
        if (second <= high) share += above[Math.max(second, low) - low]!;
      }
      p += probability * share;
    }
  }
  return Math.min(1, p);
}

function monteCarloP(
  sizes: readonly number[],
  doubledRank: readonly number[],
  left: readonly number[],
  n: number,
  expected: number,
  observed: number,
  lf: Float64Array,
  options: MannWhitneyOptions,
): { p: number; standardError: number; draws: number } {
  const random = mulberry32(options.seed ?? 1);
  const replicates = options.replicates ?? 10000;
  const maxReplicates = Math.max(replicates, options.maxReplicates ?? 1e6);
  const target = options.targetStandardError ?? 0;
  const k = sizes.length;
  let hits = 0;
  let draws = 0;
  const estimate = (): { p: number; standardError: number } => monteCarloEstimate(hits, draws);
  for (;;) {
    let need = n;
    let s = 0;
    for (let i = 0; i < k && need > 0; i++) {
      const x = i === k - 1 ? need : hypergeometricSample(random, sizes[i]!, left[i + 1]!, need, lf);
      s += x * doubledRank[i]!;
      need -= x;
    }
    if (Math.abs(s - expected) >= observed) hits++;
    draws++;
    if (draws >= maxReplicates) break;
    if (draws >= replicates && draws % BATCH === 0 && (target === 0 || estimate().standardError <= target)) break;
  }
  return { ...estimate(), draws };
}
