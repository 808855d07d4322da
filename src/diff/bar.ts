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

/** Fewest simulated tables or splits of a Monte-Carlo p. */
export const REPLICATES = 10_000;
/** Most simulated tables or splits: reached only when p is far from alpha. */
export const MAX_REPLICATES = 200_000;
/** A Monte-Carlo p draws on until its standard error is at most alpha divided by this. */
export const STANDARD_ERROR_DIVISOR = 20;

export interface BarNumbers {
  readonly categories: readonly CategoryChange[];
  readonly contingency: FisherFreemanHaltonResult;
  readonly ordinal: Omit<OrdinalTest, 'pAdjusted'> | null;
  readonly detectable: Detectable;
}

/** The Monte-Carlo settings of both tests of a bar: seeded, and precise next to alpha. */
export function monteCarloSettings(alpha: number, seed: number) {
  return { seed, replicates: REPLICATES, maxReplicates: MAX_REPLICATES, targetStandardError: alpha / STANDARD_ERROR_DIVISOR } as const;
}

/**
 * The test of the 2×k table: exact (network algorithm) while that takes less than about a
 * second, beyond that a seeded Monte-Carlo estimate of the exact p with its standard error at
 * most alpha/20 (or 200 000 draws). Never the chi-square approximation, which flips verdicts
 * near alpha.
 */
export function contingencyTest(table: readonly (readonly number[])[], seed: number, alpha = 0.05): FisherFreemanHaltonResult {
  return fisherFreemanHalton(table, { method: 'auto', ...monteCarloSettings(alpha, seed) });
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
  const contingency = contingencyTest(table, options.seed, options.alpha);

  const ordered = ordinalCategories(figure);
  const order = ordered.map((category) => category.key);
  const valuesA = codes(a, order);
  const valuesB = codes(b, order);
  let ordinal: BarNumbers['ordinal'] = null;
  if (valuesA.length > 0 && valuesB.length > 0) {
    const test = mannWhitneyExact(valuesA, valuesB, monteCarloSettings(options.alpha, options.seed));
    const pairs = valuesA.length * valuesB.length;
    const Ub = pairs - test.U;
    ordinal = {
      test: 'mann-whitney',
      method: test.method,
      standardError: test.standardError,
      draws: test.draws,
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
