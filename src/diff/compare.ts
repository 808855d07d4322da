/**
 * One run of `cj diff`, stage by stage: two cohorts in, every shared bar and the grade compared,
 * the p-values corrected for the number of tests, and sentences a reader can act on. Plain data
 * in and out; reading files and printing are the CLI's.
 */
import type { Messages } from '../messages.js';
import { holm, type FisherFreemanHaltonResult, type MannWhitneyResult } from '../stats/index.js';
import {
  barTable,
  compareBar,
  contingencyTest,
  detectableChange,
  MAX_REPLICATES,
  ordinalJob,
  REPLICATES,
  SIMULATIONS,
  STANDARD_ERROR_DIVISOR,
  type OrdinalJob,
} from './bar.js';
import type { Cohort, CohortBar, CohortFigure } from './cohort.js';
import { compareGrade } from './grade.js';
import { compareLeadTimes } from './lead-times.js';
import { matchCohorts } from './match.js';
import {
  DIFF_SCHEMA_VERSION,
  type BarComparison,
  type CategoryChange,
  type Detectable,
  type DiffInput,
  type DiffResult,
  type Direction,
  type FigureComparison,
  type GradeComparison,
  type NotCompared,
  type Verdict,
  type VerdictLine,
} from './types.js';
import { barVerdictText, gradeVerdictText, unmatchedText, type Labels } from './verdicts.js';

export interface CompareOptions {
  /** Family-wise error rate of each Holm family, and the level of every verdict. */
  readonly alpha: number;
  /** Seed of the Monte-Carlo estimate, where a table is too large to enumerate. */
  readonly seed: number;
  readonly messages: Messages;
  readonly version: string;
}

const CONFIDENCE = 0.95;
const POWER = 0.8;

/** What each number is: fixed English, so programs can match it whatever --lang is. */
const TESTS = {
  change: "b minus a in percentage points; interval: Newcombe (1998) method 10, hybrid score from Wilson intervals, 95%",
  contingency:
    "Fisher-Freeman-Halton exact test of the 2×k table (n.v.t. a category where the figure shows it); two-sided p = sum of P(table) over all tables with the observed margins and P(table) ≤ P(observed)·(1 + 1e-7), as R's fisher.test. Exact by the network algorithm (Mehta & Patel 1983) over the columns while it takes at most 1e6 nodes (about a second); beyond that a seeded Monte-Carlo estimate (1 + hits)/(B + 1) over tables drawn with the observed margins, B from 10 000 on until its standard error is at most alpha/20 (at most 200 000); never chi-square. `method` says which ran, `standardError` how precise it is",
  ordinal:
    "Wilcoxon-Mann-Whitney test of the answers coded 1..k from worst to best, n.v.t. excluded; midranks for ties; exact permutation distribution of W (as coin::wilcox_test(distribution = 'exact')) by a dynamic program over the answer categories; two-sided p = P(|W - E[W]| ≥ |w - E[W]|), not a doubled one-sided p; beyond 5e5 steps a seeded Monte-Carlo estimate with its standard error at most alpha/20 (`method`, `standardError`), never a normal approximation. Cliff's delta = P(b better) - P(a better) = 2·Ub/(na·nb) - 1; positive when b is better",
  grade:
    "marks rebuilt from the distribution; difference = mean(b) - mean(a); Welch's t test and 95% interval (as R's t.test(b, a)); exact permutation test of the difference of means over all splits, two-sided p = P(|D| ≥ |d|), run when every mark is a whole or half number; Hedges' g with the exact small-sample correction, positive when b is higher. `p` is the permutation p, Welch's when the permutation test was skipped",
  leadTimes:
    "per lead-time segment of the main track, matched by id: median(b) - median(a) in calendar days with the exact bootstrap percentile interval (each median's bootstrap distribution computed over all n^n resamples, not sampled, so no seed; the difference's distribution by convolution; 95% bounds as its 2.5% and 97.5% quantiles, R quantile type 1); Wilcoxon-Mann-Whitney test of the day counts with midranks for ties, exact by the dynamic program over the distinct days, a seeded Monte-Carlo estimate past its work limit (`method`, as for the ratings); Holm within the segments, a family apart that --fail-on-change does not use",
  detectable:
    "smallest change in whole percentage points of the best category (the last before n.v.t.) that the deciding test, Fisher-Freeman-Halton, detects with 80% power at the Holm-adjusted alpha it faces (alpha/m, m the tests of the change family: one real change among m), by seeded simulation: 400 pairs of cohorts drawn from cohort a's shares and both N, the category moved and the others scaled in proportion; the p of a simulated table exact where the observed table has at most 2e4 tables with its margins, else chi-square (power only). For a bar without a demonstrable change the stated value is never below the change observed (`flooredAtObserved`); `simulated` keeps what the simulation found",
} as const;

function verdictOf(p: number, pAdjusted: number, alpha: number): Verdict {
  if (pAdjusted < alpha) return 'changed';
  return p < alpha ? 'not-after-correction' : 'no-evidence';
}

const directionOf = (value: number): Direction => (value > 0 ? 'better' : value < 0 ? 'worse' : 'none');

/**
 * The detectable change as stated: for a bar without a demonstrable change never below the
 * change observed in that direction, which these N just failed to show.
 */
export function stated(detectable: Detectable, categories: readonly CategoryChange[], verdict: Verdict): Detectable {
  if (verdict === 'changed') return detectable;
  const observed = categories.find((category) => category.key === detectable.category)?.change.points ?? 0;
  const floor = (value: number | null, change: number): number | null =>
    value === null || change <= value ? value : Math.ceil(change - 1e-9);
  const increasePoints = floor(detectable.increasePoints, Math.max(0, observed));
  const decreasePoints = floor(detectable.decreasePoints, Math.max(0, -observed));
  const flooredAtObserved = increasePoints !== detectable.increasePoints || decreasePoints !== detectable.decreasePoints;
  return { ...detectable, increasePoints, decreasePoints, flooredAtObserved };
}

/**
 * A bar's verdict and direction: the table test decides whether it changed; a direction only
 * when it changed and the ordered test (Mann–Whitney, after Holm in its own family) is below
 * alpha as well. A significant ordered test beside an unchanged bar is flagged, to be explained.
 */
function decision(
  verdict: Verdict,
  cliffsDelta: number,
  ordinalAdjusted: number,
  alpha: number,
): Pick<BarComparison, 'verdict' | 'direction' | 'decidedBy' | 'directionBy' | 'ordinalAloneSignificant'> {
  const ordered = ordinalAdjusted < alpha;
  const direction = verdict === 'changed' && ordered ? directionOf(cliffsDelta) : 'none';
  return {
    verdict,
    direction,
    decidedBy: 'fisher-freeman-halton',
    directionBy: direction === 'none' ? null : 'mann-whitney',
    ordinalAloneSignificant: ordered && verdict !== 'changed',
  };
}

/** The bars both cohorts have, figure by figure: the order of step 2's tests (and of BarTests given to compareCohorts). */
function matchedBars(a: Cohort, b: Cohort): { readonly figure: CohortFigure; readonly a: CohortBar; readonly b: CohortBar }[] {
  return matchCohorts(a, b).figures.flatMap((figure) => figure.bars.map((pair) => ({ figure: figure.a, a: pair.a, b: pair.b })));
}

/** What each matched bar's ordinal test works on, in step 2's order (cj diff sends these to its worker thread). */
export function ordinalJobs(a: Cohort, b: Cohort): OrdinalJob[] {
  return matchedBars(a, b).map((bar) => ordinalJob(bar.figure, bar.a, bar.b));
}

/** Each matched bar's test of its 2×k table, in step 2's order. */
export function contingencyTests(a: Cohort, b: Cohort, options: Pick<CompareOptions, 'alpha' | 'seed'>): FisherFreemanHaltonResult[] {
  return matchedBars(a, b).map((bar) => contingencyTest(barTable(bar.figure, bar.a, bar.b), options.seed, options.alpha));
}

/**
 * Two cohorts compared. `tests`: the bars' tests where they were run already (contingencyTests,
 * ordinalTest of each of ordinalJobs), in step 2's order; the rest are run here.
 */
export function compareCohorts(
  a: Cohort,
  b: Cohort,
  inputs: { a: DiffInput; b: DiffInput },
  options: CompareOptions,
  tests: { readonly contingency?: readonly FisherFreemanHaltonResult[]; readonly ordinal?: readonly (MannWhitneyResult | null)[] } = {},
): DiffResult {
  const m = options.messages;
  const { alpha } = options;
  const labels: Labels = { a: inputs.a.label, b: inputs.b.label };

  // 1. figures matched by id, bars by column; what has no partner is listed, not guessed at
  const matching = matchCohorts(a, b);

  // 2. per bar: change per category, the 2×k table test, the ordinal test, detectable change
  const barOptions = { confidence: CONFIDENCE, alpha, power: POWER, seed: options.seed };
  let tested = 0;
  const raw = matching.figures.map((figure) =>
    figure.bars.map((pair) => {
      const at = tested++;
      return { pair, numbers: compareBar(figure.a, pair.a, pair.b, barOptions, { contingency: tests.contingency?.[at], ordinal: tests.ordinal?.[at] }) };
    }),
  );

  // 3. the grade, from the marks' distributions
  const gradeComparable = a.grade.column === b.grade.column;
  const gradeNumbers = gradeComparable ? compareGrade(a.grade, b.grade, CONFIDENCE) : null;

  // 4. Holm within each family: every bar's table test and the grade together (the family
  //    --fail-on-change acts on); the Mann-Whitney tests of the same bars apart, as a second look
  //    at the same answers that asks only which way they moved
  const flat = raw.flat();
  const changeFamily = holm([...flat.map(({ numbers }) => numbers.contingency.p), ...(gradeNumbers === null ? [] : [gradeNumbers.p])]);
  const ordinalIndex: number[] = [];
  flat.forEach(({ numbers }, index) => {
    if (numbers.ordinal !== null) ordinalIndex.push(index);
  });
  const ordinalFamily = holm(ordinalIndex.map((index) => flat[index]?.numbers.ordinal?.p ?? 1));
  const ordinalAdjusted = new Map(ordinalIndex.map((index, k) => [index, ordinalFamily[k] ?? 1]));

  // 5. the smallest change the deciding test could show, at the alpha it faces after Holm;
  //    verdicts and the words for them
  const detectableOptions = { alpha: alpha / Math.max(1, changeFamily.length), power: POWER, seed: options.seed, cache: new Map<string, number>() };
  let position = 0;
  const figures: FigureComparison[] = matching.figures.map((figure, f) => ({
    id: figure.id,
    titleA: figure.a.title,
    titleB: figure.b.title,
    N: { a: figure.a.N, b: figure.b.N },
    categories: figure.a.categories,
    bars: (raw[f] ?? []).map(({ pair, numbers }): BarComparison => {
      const index = position++;
      const pAdjusted = changeFamily[index] ?? 1;
      const { ordinal } = numbers;
      return {
        figureId: figure.id,
        column: pair.a.column,
        label: pair.a.label,
        a: { n: pair.a.n },
        b: { n: pair.b.n },
        categories: numbers.categories,
        contingency: { test: 'fisher-freeman-halton', ...numbers.contingency, pAdjusted },
        ordinal: ordinal === null ? null : { ...ordinal, pAdjusted: ordinalAdjusted.get(index) ?? 1 },
        detectable: stated(detectableChange(figure.a, pair.a, pair.b, numbers.contingency, detectableOptions), numbers.categories, verdictOf(numbers.contingency.p, pAdjusted, alpha)),
        ...decision(verdictOf(numbers.contingency.p, pAdjusted, alpha), ordinal?.cliffsDelta ?? 0, ordinalAdjusted.get(index) ?? 1, alpha),
      };
    }),
  }));
  let grade: GradeComparison | null = null;
  if (gradeNumbers !== null) {
    const pAdjusted = changeFamily[flat.length] ?? 1;
    grade = {
      ...gradeNumbers,
      pAdjusted,
      verdict: verdictOf(gradeNumbers.p, pAdjusted, alpha),
      direction: directionOf(gradeNumbers.difference),
    };
  }

  const changeTests = changeFamily.length;
  const bars = figures.flatMap((figure) => figure.bars);
  const verdicts: VerdictLine[] = bars.map((bar) => ({
    figureId: bar.figureId,
    column: bar.column,
    verdict: bar.verdict,
    direction: bar.direction,
    text: barVerdictText(bar, m, labels, changeTests, POWER, alpha),
  }));
  if (grade !== null) {
    verdicts.push({ figureId: null, column: null, verdict: grade.verdict, direction: grade.direction, text: gradeVerdictText(grade, m, labels, changeTests, alpha) });
  }

  const notCompared: NotCompared[] = matching.unmatched.map((unmatched) => ({
    figureId: unmatched.figureId,
    column: unmatched.column,
    reason: unmatched.reason,
    text: unmatchedText(unmatched, m, labels),
  }));
  if (!gradeComparable) {
    notCompared.push({ figureId: null, column: null, reason: 'grade-column-differs', text: m.diffGradeColumnDiffers(a.grade.column, b.grade.column) });
  } else if (gradeNumbers === null) {
    notCompared.push({ figureId: null, column: null, reason: 'grade-not-tested', text: m.diffGradeNotTested });
  }

  const notes: string[] = [];
  if (a.survey.name !== b.survey.name) notes.push(m.diffDifferentSurveys(a.survey.name, b.survey.name));
  if (bars.length === 0) notes.push(m.diffNoBars);

  const changedBars = bars.filter((bar) => bar.verdict === 'changed').length;
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    cj: { version: options.version },
    a: inputs.a,
    b: inputs.b,
    alpha,
    confidence: CONFIDENCE,
    power: POWER,
    tests: {
      ...TESTS,
      multiplicity: {
        method: 'holm',
        families: {
          change: { tests: "every bar's Fisher-Freeman-Halton p and the grade's p", m: changeTests, usedByFailOnChange: true },
          ordinal: { tests: "every bar's Mann-Whitney p", m: ordinalFamily.length, usedByFailOnChange: false },
        },
      },
      monteCarlo: { seed: options.seed, simulations: SIMULATIONS, replicates: REPLICATES, maxReplicates: MAX_REPLICATES, targetStandardError: alpha / STANDARD_ERROR_DIVISOR },
    },
    figures,
    grade,
    leadTimes: compareLeadTimes(a, b, { alpha, confidence: CONFIDENCE, seed: options.seed }),
    notCompared,
    notes,
    verdicts,
    summary: {
      barsCompared: bars.length,
      barsChanged: changedBars,
      changed: changedBars > 0 || grade?.verdict === 'changed',
    },
  };
}
