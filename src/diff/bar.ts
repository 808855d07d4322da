/**
 * One bar in two cohorts: the change per category with its interval, the test of the whole 2×k
 * table, the ordinal test with its effect size, and the smallest change these N could detect.
 * The p-values are raw here; the Holm adjustment needs every bar and happens in compare.ts.
 */
import {
  detectableDifference,
  fisherFreemanHalton,
  mannWhitneyExact,
  newcombeDifference,
  type FisherFreemanHaltonResult,
} from '../stats/index.js';
import { ordinalCategories, type CohortBar, type CohortFigure } from './cohort.js';
import type { CategoryChange, Detectable, OrdinalTest } from './types.js';

export interface BarOptions {
  readonly confidence: number;
  readonly alpha: number;
  readonly power: number;
  readonly seed: number;
}

/** The most tables Fisher–Freeman–Halton enumerates before it estimates. */
export const MAX_TABLES = 1e6;
/** Simulated tables of a Monte-Carlo p-value: its standard error is at most 0,005. */
export const REPLICATES = 10_000;
/** Cochran's rule: the chi-square approximation holds when every expected count is at least 5. */
const MIN_EXPECTED = 5;
/**
 * Answers in a table beyond which neither the exact test nor Monte-Carlo is tried: counting the
 * tables takes seconds there, and every Monte-Carlo replicate shuffles every answer (10 000 × 4e6
 * steps for two cohorts of 2e6). With this many answers a small expected count sits in a column
 * of a handful of answers among a hundred thousand, and Pearson's chi-square is what remains.
 */
export const LARGE_TABLE = 100_000;

export interface BarNumbers {
  readonly categories: readonly CategoryChange[];
  readonly contingency: FisherFreemanHaltonResult;
  readonly ordinal: Omit<OrdinalTest, 'pAdjusted'> | null;
  readonly detectable: Detectable;
}

/**
 * The test of the 2×k table: exact when its margins allow at most MAX_TABLES tables. Beyond that
 * Pearson's chi-square where every expected count is at least 5, and a seeded Monte-Carlo
 * estimate of the exact p where some count is too small for the approximation; Pearson's
 * chi-square for any table of more than LARGE_TABLE answers.
 */
export function contingencyTest(table: readonly (readonly number[])[], seed: number): FisherFreemanHaltonResult {
  const answers = table.reduce((sum, row) => sum + row.reduce((rowSum, n) => rowSum + n, 0), 0);
  if (answers > LARGE_TABLE) return fisherFreemanHalton(table, { method: 'chi-square' });
  // One simulated table is the cheap way to learn whether enumeration would pass the bound:
  // 'auto' counts the tables first and enumerates only when they are few enough.
  const probe = fisherFreemanHalton(table, { method: 'auto', maxTables: MAX_TABLES, replicates: 1, seed });
  if (probe.method === 'exact') return probe;
  const rowTotals = table.map((row) => row.reduce((sum, n) => sum + n, 0));
  const columnTotals = (table[0] ?? []).map((_, j) => table.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  const total = rowTotals.reduce((sum, n) => sum + n, 0);
  const smallestExpected = Math.min(
    ...rowTotals.flatMap((r) => columnTotals.filter((c) => c > 0).map((c) => (r * c) / total)),
  );
  if (smallestExpected >= MIN_EXPECTED) return fisherFreemanHalton(table, { method: 'chi-square' });
  return fisherFreemanHalton(table, { method: 'monte-carlo', replicates: REPLICATES, seed });
}

/** Each answer as its place on the scale, 1 for the worst category. */
function codes(bar: CohortBar, order: readonly string[]): number[] {
  return order.flatMap((key, index) => new Array<number>(bar.counts[key] ?? 0).fill(index + 1));
}

export function compareBar(figure: CohortFigure, a: CohortBar, b: CohortBar, options: BarOptions): BarNumbers {
  const categories = figure.categories.map((category): CategoryChange => {
    const xa = a.counts[category.key] ?? 0;
    const xb = b.counts[category.key] ?? 0;
    const { difference, lower, upper } = newcombeDifference(xa, a.n, xb, b.n, options.confidence);
    return {
      key: category.key,
      label: category.label,
      a: { count: xa, share: xa / a.n },
      b: { count: xb, share: xb / b.n },
      change: { points: 100 * difference, lower: 100 * lower, upper: 100 * upper },
    };
  });

  const table = [a, b].map((bar) => figure.categories.map((category) => bar.counts[category.key] ?? 0));
  const contingency = contingencyTest(table, options.seed);

  const ordered = ordinalCategories(figure);
  const order = ordered.map((category) => category.key);
  const valuesA = codes(a, order);
  const valuesB = codes(b, order);
  let ordinal: BarNumbers['ordinal'] = null;
  if (valuesA.length > 0 && valuesB.length > 0) {
    const test = mannWhitneyExact(valuesA, valuesB);
    const pairs = valuesA.length * valuesB.length;
    const Ub = pairs - test.U;
    ordinal = {
      test: 'mann-whitney',
      method: test.method,
      order,
      na: valuesA.length,
      nb: valuesB.length,
      Ub,
      p: test.p,
      // Cliff's delta of b over a from U (cliffsDelta's JSDoc: δ = 2U/(nₐn_b) − 1), exact in
      // floating point and linear in N where the pairwise count would be quadratic.
      cliffsDelta: (2 * Ub) / pairs - 1,
    };
  }

  // The caution speaks of the best category ("positief", "mee eens"): the one a report quotes.
  const best = ordered[ordered.length - 1] ?? figure.categories[0];
  const bestKey = best?.key ?? '';
  const reach = detectableDifference((a.counts[bestKey] ?? 0) / a.n, a.n, b.n, options.alpha, options.power);
  const detectable: Detectable = {
    category: bestKey,
    label: best?.label ?? bestKey,
    increasePoints: reach.increase === null ? null : 100 * reach.increase,
    decreasePoints: reach.decrease === null ? null : 100 * reach.decrease,
  };
  return { categories, contingency, ordinal, detectable };
}
