/**
 * One bar in two cohorts: the change per category with its interval, the test of the whole 2×k
 * table, the ordinal test with its effect size, and the smallest change these N could detect.
 * The p-values are raw here; the Holm adjustment needs every bar and happens in compare.ts.
 */
import {
  chiSquareP,
  detectableShift,
  fisherFreemanHalton,
  mannWhitneyCounts,
  newcombeDifference,
  type FisherFreemanHaltonResult,
  type MannWhitneyResult,
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

/** A bar's 2×k table: a's counts, then b's, per category of the figure. */
export function barTable(figure: CohortFigure, a: CohortBar, b: CohortBar): number[][] {
  return [a, b].map((bar) => figure.categories.map((category) => bar.counts[category.key] ?? 0));
}

/** What the ordinal test of a bar works on: the answers per place on the scale, worst first. */
export interface OrdinalJob {
  readonly order: readonly string[];
  readonly countsA: readonly number[];
  readonly countsB: readonly number[];
  /** The answers on the scale in each cohort: the sums of countsA and countsB. */
  readonly na: number;
  readonly nb: number;
}

export function ordinalJob(figure: CohortFigure, a: CohortBar, b: CohortBar): OrdinalJob {
  const order = ordinalCategories(figure).map((category) => category.key);
  const countsA = order.map((key) => a.counts[key] ?? 0);
  const countsB = order.map((key) => b.counts[key] ?? 0);
  const sum = (counts: readonly number[]): number => counts.reduce((total, count) => total + count, 0);
  return { order, countsA, countsB, na: sum(countsA), nb: sum(countsB) };
}

/** The Mann–Whitney test of a bar's answers (ordinalJob); null when a cohort has none. */
export function ordinalTest(job: OrdinalJob, alpha: number, seed: number): MannWhitneyResult | null {
  return job.na > 0 && job.nb > 0 ? mannWhitneyCounts(job.countsA, job.countsB, monteCarloSettings(alpha, seed)) : null;
}

/** A bar's two tests when they were run elsewhere (cj diff runs the ordinal ones in its worker thread). */
export interface BarTests {
  readonly contingency?: FisherFreemanHaltonResult | undefined;
  readonly ordinal?: MannWhitneyResult | null | undefined;
}

export function compareBar(figure: CohortFigure, a: CohortBar, b: CohortBar, options: BarOptions, tests: BarTests = {}): BarNumbers {
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

  const contingency = tests.contingency ?? contingencyTest(barTable(figure, a, b), options.seed, options.alpha);

  const job = ordinalJob(figure, a, b);
  const test = tests.ordinal === undefined ? ordinalTest(job, options.alpha, options.seed) : tests.ordinal;
  let ordinal: BarNumbers['ordinal'] = null;
  if (test !== null) {
    const { na, nb } = job;
    const pairs = na * nb;
    const Ub = pairs - test.U;
    ordinal = {
      test: 'mann-whitney',
      method: test.method,
      standardError: test.standardError,
      draws: test.draws,
      order: job.order,
      na,
      nb,
      Ub,
      p: test.p,
      // Cliff's delta of b over a from U (cliffsDelta's JSDoc: δ = 2U/(nₐn_b) − 1), exact in
      // floating point and linear in N where the pairwise count would be quadratic.
      cliffsDelta: (2 * Ub) / pairs - 1,
    };
  }

  return { categories, contingency, ordinal };
}

/** Simulated pairs of cohorts per change tried: the power's standard error is about 0,02 at 80%. */
export const SIMULATIONS = 400;
/** Tables with the margins up to which a simulated table gets the exact p; beyond, chi-square, enough for power. */
const SIMULATION_MAX_WORK = 20_000;

export interface DetectableOptions {
  /** The alpha the deciding test faces: alpha/m after Holm. */
  readonly alpha: number;
  readonly power: number;
  readonly seed: number;
  /** p-values of simulated tables already tested, shared by the bars of one comparison. */
  readonly cache: Map<string, number>;
}

/**
 * The smallest rise and fall of the best category ("positief", "mee eens": the one a report
 * quotes) that the Fisher–Freeman–Halton test detects at `alpha` with `power`, simulated from
 * cohort a's shares and both N (see detectableShift). Not yet floored at the observed change.
 */
export function detectableChange(
  figure: CohortFigure,
  a: CohortBar,
  b: CohortBar,
  contingency: FisherFreemanHaltonResult,
  options: DetectableOptions,
): Detectable {
  const ordered = ordinalCategories(figure);
  const best = ordered[ordered.length - 1] ?? figure.categories[0];
  const bestKey = best?.key ?? '';
  const shares = figure.categories.map((category) => (a.counts[category.key] ?? 0) / a.n);
  const index = figure.categories.findIndex((category) => category.key === bestKey);
  // Simulated tables have about the observed margins: exact where the observed table has few
  // tables with its margins, chi-square for all of them where it has many.
  const exactInSimulation = contingency.method === 'exact' && contingency.tables <= SIMULATION_MAX_WORK;
  const test = exactInSimulation
    ? (table: number[][]): number => {
        const key = table.map((row) => row.join(',')).join(';');
        let p = options.cache.get(key);
        if (p === undefined) {
          p = fisherFreemanHalton(table, { maxWork: SIMULATION_MAX_WORK, fallback: 'chi-square' }).p;
          options.cache.set(key, p);
        }
        return p;
      }
    : chiSquareP;
  const shift = detectableShift(shares, Math.max(0, index), a.n, b.n, test, {
    alpha: options.alpha,
    power: options.power,
    simulations: SIMULATIONS,
    seed: options.seed,
  });
  const points = (x: number | null): number | null => (x === null ? null : Math.round(100 * x));
  const simulated = { increasePoints: points(shift.increase), decreasePoints: points(shift.decrease) };
  return {
    category: bestKey,
    label: best?.label ?? bestKey,
    ...simulated,
    simulated,
    flooredAtObserved: false,
    test: 'fisher-freeman-halton',
    alpha: options.alpha,
    power: options.power,
    simulations: SIMULATIONS,
  };
}
