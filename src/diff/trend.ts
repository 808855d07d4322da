/**
 * `cj trend`: one survey over three or more waves, in the order given. Per bar the share of each
 * category per wave with its Wilson interval and an exact test for a trend across the ordered
 * waves (linear-by-linear association of wave 1, 2, … against the answer categories worst to best,
 * n.v.t. left out), Holm-adjusted over the bars; the grade per wave with its t interval. Bars are
 * those the first wave shares with every other wave, matched as `cj diff` matches two cohorts
 * (match.ts: the same figure, categories and n.v.t., the bar's column, answers in both); every
 * other figure and bar is listed in notCompared with why, as cj diff lists them.
 */
import { histogramSummary, holm, linearByLinear, sampleMoments, studentTQuantile, wilsonInterval } from '../stats/index.js';
import { ordinalCategories, type Cohort, type CohortCategory } from './cohort.js';
import { captionWithoutN } from './format.js';
import { histogramOf } from './grade.js';
import { matchCohorts } from './match.js';
import type { NotCompared } from './types.js';
import { unmatchedText } from './verdicts.js';
import type { Messages } from '../messages.js';

export const TREND_SCHEMA_VERSION = 1;

export interface TrendWave {
  readonly label: string;
  readonly file: string;
  readonly respondents: number;
}

export interface TrendShare {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly share: number;
  /** 95% Wilson interval of the share. */
  readonly lower: number;
  readonly upper: number;
}

export interface TrendBar {
  readonly figureId: string;
  readonly column: string;
  readonly label: string;
  /** Per wave, in the order given: answers counted and the share per category. */
  readonly waves: readonly { readonly n: number; readonly categories: readonly TrendShare[] }[];
  /** Linear-by-linear association of wave order against answer order; null when fewer than two ordered categories have answers. */
  readonly trend: {
    readonly test: 'linear-by-linear';
    readonly method: 'exact' | 'monte-carlo';
    readonly statistic: number;
    readonly expected: number;
    readonly p: number;
    readonly pAdjusted: number;
    readonly standardError: number;
    /** 'up': later waves answer better; 'down': worse; 'none': no trend below alpha after Holm. */
    readonly direction: 'up' | 'down' | 'none';
  } | null;
}

export interface TrendGrade {
  readonly n: number;
  readonly mean: number | null;
  /** 95% t interval of the mean; null for fewer than two marks. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A figure with at least one bar in the trend: its caption (of the last wave, without N) and categories to draw. */
export interface TrendFigure {
  readonly id: string;
  readonly title: string;
  readonly categories: readonly CohortCategory[];
}

/** One lead-time segment of the main track per wave; null where a wave has no respondents on it. */
export interface TrendLeadTime {
  readonly id: string;
  readonly label: string;
  readonly waves: readonly ({
    readonly n: number;
    readonly median: number;
    /** Whole days and how many respondents took them, ascending. */
    readonly distribution: readonly { readonly days: number; readonly count: number }[];
  } | null)[];
}

export interface TrendResult {
  readonly schemaVersion: typeof TREND_SCHEMA_VERSION;
  readonly cj: { readonly version: string };
  readonly alpha: number;
  readonly waves: readonly TrendWave[];
  readonly tests: { readonly share: string; readonly trend: string; readonly grade: string };
  readonly figures: readonly TrendFigure[];
  readonly bars: readonly TrendBar[];
  readonly grade: readonly TrendGrade[];
  /** Segments of the first wave with respondents in some wave; empty without dates. */
  readonly leadTimes: readonly TrendLeadTime[];
  /** Figures and bars not in the trend, each with why (as cj diff's notCompared, per later wave against the first). */
  readonly notCompared: readonly NotCompared[];
}

const CONFIDENCE = 0.95;

const TESTS = {
  share: 'share of each shown category per wave with its 95% Wilson interval',
  trend:
    "linear-by-linear association (exact Cochran-Armitage-type trend test) of wave order 1, 2, … against the ordered answers coded 1..k from worst to best, n.v.t. left out; exact permutation distribution given both margins by a dynamic program over the waves (as coin::lbl_test(distribution = 'exact')), two-sided p = P(|T - E[T]| ≥ |t - E[T]|); a seeded Monte-Carlo estimate beyond 2e5 states; Holm's correction over the bars; direction from the sign of T - E[T] when the adjusted p is below alpha",
  grade: 'mean mark per wave with the 95% t interval, mean ± t(0.975, n - 1)·sd/√n',
} as const;

export function trendOfWaves(
  cohorts: readonly Cohort[],
  waves: readonly TrendWave[],
  options: { alpha: number; seed: number; version: string; messages: Messages },
): TrendResult {
  const [first, ...later] = cohorts;
  // Each later wave matched to the first: a bar is in the trend when every one of them has it.
  const pairings = first === undefined ? [] : later.map((cohort) => matchCohorts(first, cohort));
  const matched = pairings.map((pairing) => new Map(pairing.figures.map((figure) => [figure.id, new Map(figure.bars.map((bar) => [bar.a.column, bar.b]))])));
  const raw: Omit<TrendBar, 'trend'>[] = [];
  const tests: (ReturnType<typeof linearByLinear> | null)[] = [];
  for (const figure of first?.figures ?? []) {
    const order = ordinalCategories(figure).map((category) => category.key);
    for (const bar of figure.bars) {
      const others = matched.map((pairing) => pairing.get(figure.id)?.get(bar.column));
      if (others.some((other) => other === undefined)) continue;
      const bars = [bar, ...others];
      raw.push({
        figureId: figure.id,
        column: bar.column,
        label: bar.label,
        waves: bars.map((other) => ({
          n: other!.n,
          categories: figure.categories.map((category) => {
            const count = other!.counts[category.key] ?? 0;
            const interval = wilsonInterval(count, other!.n, CONFIDENCE);
            return { key: category.key, label: category.label, count, share: count / other!.n, lower: interval.lower, upper: interval.upper };
          }),
        })),
      });
      // Waves × ordered categories, without waves or categories that have no answers at all.
      const table = bars.map((other) => order.map((key) => other!.counts[key] ?? 0));
      const columns = order.map((_, j) => j).filter((j) => table.some((row) => row[j]! > 0));
      const rows = table.map((_, i) => i).filter((i) => table[i]!.some((n) => n > 0));
      tests.push(
        columns.length < 2 || rows.length < 2
          ? null
          : linearByLinear(
              rows.map((i) => columns.map((j) => table[i]![j]!)),
              rows.map((i) => i + 1),
              columns.map((j) => j + 1),
              { seed: options.seed },
            ),
      );
    }
  }
  const ran = tests.flatMap((test, index) => (test === null ? [] : [index]));
  const adjusted = holm(ran.map((index) => tests[index]!.p));
  const adjustedOf = new Map(ran.map((index, k) => [index, adjusted[k] ?? 1]));
  const bars: TrendBar[] = raw.map((bar, index) => {
    const test = tests[index] ?? null;
    if (test === null) return { ...bar, trend: null };
    const pAdjusted = adjustedOf.get(index) ?? 1;
    const direction = pAdjusted >= options.alpha ? 'none' : test.statistic > test.expected ? 'up' : 'down';
    return {
      ...bar,
      trend: {
        test: 'linear-by-linear',
        method: test.method,
        statistic: test.statistic,
        expected: test.expected,
        p: test.p,
        pAdjusted,
        standardError: test.standardError,
        direction,
      },
    };
  });
  const grade = cohorts.map((cohort): TrendGrade => {
    // From the histogram, as simple-statistics' mean and standard deviation would from every mark (sample-moments.ts).
    const { n, mean: average, variance } = sampleMoments(histogramOf(cohort.grade));
    if (n === 0) return { n: 0, mean: null, lower: null, upper: null };
    if (variance === null) return { n: 1, mean: average, lower: null, upper: null };
    const half = (studentTQuantile(1 - (1 - CONFIDENCE) / 2, n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
    return { n, mean: average, lower: average - half, upper: average + half };
  });
  const figures = (first?.figures ?? []).flatMap((figure): TrendFigure[] => {
    if (!bars.some((bar) => bar.figureId === figure.id)) return [];
    const last = cohorts[cohorts.length - 1]?.figures.find((other) => other.id === figure.id) ?? figure;
    return [{ id: figure.id, title: captionWithoutN(last.title), categories: figure.categories }];
  });
  // What one wave lacks is said once per later wave; what the first wave lacks, once.
  const notCompared = new Map<string, NotCompared>();
  pairings.forEach((pairing, index) => {
    const labels = { a: waves[0]?.label ?? '1', b: waves[index + 1]?.label ?? String(index + 2) };
    for (const unmatched of pairing.unmatched) {
      const text = unmatchedText(unmatched, options.messages, labels);
      if (!notCompared.has(text)) notCompared.set(text, { figureId: unmatched.figureId, column: unmatched.column, reason: unmatched.reason, text });
    }
  });
  return {
    schemaVersion: TREND_SCHEMA_VERSION,
    cj: { version: options.version },
    alpha: options.alpha,
    waves,
    tests: TESTS,
    figures,
    bars,
    grade,
    leadTimes: leadTimesOf(cohorts),
    notCompared: [...notCompared.values()],
  };
}

function leadTimesOf(cohorts: readonly Cohort[]): TrendLeadTime[] {
  const segments = cohorts[0]?.leadTimes?.segments ?? [];
  return segments.flatMap((segment): TrendLeadTime[] => {
    const waves = cohorts.map((cohort) => {
      const found = cohort.leadTimes?.segments.find((other) => other.id === segment.id);
      const distribution = (found?.distribution ?? []).filter((entry) => entry.count > 0);
      const summary = histogramSummary(new Map(distribution.map((entry) => [entry.days, entry.count])));
      return summary === null ? null : { n: summary.n, median: summary.median, distribution };
    });
    return waves.some((wave) => wave !== null) ? [{ id: segment.id, label: segment.label, waves }] : [];
  });
}
