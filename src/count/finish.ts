import type { ExclusionRule } from '../contract.js';
import { fillTemplate, formatDecimal } from '../format.js';
import type { Messages } from '../messages.js';
import { exclusionRules } from '../rules/judge.js';
import { coversTrack } from '../rules/judge.js';
import { histogramQuantile } from '../stats/histogram-quantile.js';
import { histogramSummary } from '../stats/histogram-summary.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import { largestRemainder } from '../stats/largest-remainder.js';
import type { Survey } from '../survey/load.js';
import type { FigureDefinition, FootnotePart, ScaleDefinition } from '../survey/types.js';
import type { BarTally, FigureTally, LeadTimeTally, MarkHistogram, Tallies } from './accumulate.js';
import type {
  BarResult,
  CategoryResult,
  FigureResult,
  GradeResult,
  GradeSummary,
  LeadTimeResult,
  LeadTimesResult,
  TrackSummary,
} from './results.js';

/**
 * An empty record for keys that come from a definition (category keys, track ids): without a
 * prototype, so a key such as `__proto__` or `constructor` is a key like any other and a lookup
 * of a missing key gives undefined, never a property of Object.prototype.
 */
export function keyedRecord<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const record = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

function categoriesOf(scale: ScaleDefinition, showNotApplicable: boolean): CategoryResult[] {
  const shown = showNotApplicable ? [...scale.categories, scale.notApplicable] : scale.categories;
  return shown.map(({ key, label, color }) => ({ key, label, color }));
}

function countsOf(tally: BarTally, scale: ScaleDefinition): Record<string, number> {
  const counts = keyedRecord<number>();
  for (const category of [...scale.categories, scale.notApplicable]) counts[category.key] = tally.counts.get(category.key) ?? 0;
  return counts;
}

function leftOutOf(tally: BarTally): Partial<Record<ExclusionRule, number>> {
  const leftOut: Partial<Record<ExclusionRule, number>> = {};
  for (const rule of exclusionRules) {
    const count = tally.leftOut.get(rule);
    if (count !== undefined) leftOut[rule] = count;
  }
  return leftOut;
}

/** The footnote from what the rules left out of this figure, in the definition's words. */
export function footnoteFor(
  figure: FigureDefinition,
  tally: FigureTally,
  mainTrack: string,
  messages: Messages,
): string | null {
  const otherTrackN = [...tally.NByTrack].filter(([track]) => track !== mainTrack).reduce((sum, [, n]) => sum + n, 0);
  const causes: Record<FootnotePart['when'], number> = {
    withdrawn: tally.withdrawnConsent,
    notApplicable: tally.onlyNotApplicable,
    otherTrack: otherTrackN,
  };
  const parts = figure.footnote.filter((part) => causes[part.when] > 0);
  if (parts.length === 0) return null;
  const text = parts
    .map((part, index) => (index === 0 ? '' : (part.joiner ?? messages.footnoteJoiner)) + fillTemplate(part.text, causes[part.when], messages))
    .join('');
  // A footnote may open with a count in words ("{n} aanvragers …"): a sentence starts with a capital.
  return `* ${text.charAt(0).toUpperCase()}${text.slice(1)}${figure.footnoteEnd ?? ''}`;
}

function figureResult(survey: Survey, figure: FigureDefinition, tally: FigureTally, messages: Messages): FigureResult {
  const scale = survey.scaleById.get(figure.scale) as ScaleDefinition;
  const categories = categoriesOf(scale, figure.showNotApplicable);
  const footnote = footnoteFor(figure, tally, survey.definition.mainTrack, messages);
  const bars: BarResult[] = figure.bars.map((bar, index) => {
    const barTally = tally.bars[index] as BarTally;
    const counts = countsOf(barTally, scale);
    const shown = categories.map((category) => counts[category.key] ?? 0);
    const shares = largestRemainder(shown);
    const percentages = keyedRecord<number>();
    categories.forEach((category, i) => (percentages[category.key] = shares[i] ?? 0));
    return {
      label: bar.label,
      ...(bar.text === undefined ? {} : { text: bar.text }),
      column: bar.column,
      n: shown.reduce((sum, count) => sum + count, 0),
      missing: barTally.missing,
      counts,
      percentages,
      leftOut: leftOutOf(barTally),
    };
  });
  return {
    id: figure.id,
    title: fillTemplate(figure.caption, tally.N, messages, footnote === null ? '' : '*'),
    N: tally.N,
    footnote,
    scale: scale.id,
    showNotApplicable: figure.showNotApplicable,
    categories,
    bars,
    respondentsLeftOut: {
      withdrawnConsent: tally.withdrawnConsent,
      onlyNotApplicable: tally.onlyNotApplicable,
      noAnswer: tally.noAnswer,
    },
    NByTrack: keyedRecord([...tally.NByTrack].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

function gradeSummary(histogram: MarkHistogram, decimals: number, messages: Messages): GradeSummary {
  const summary = histogramSummary(histogram);
  const distribution = [...histogram].sort(([a], [b]) => a - b).map(([mark, count]) => ({ mark, count }));
  if (summary === null) {
    return { n: 0, mean: null, display: null, median: null, sd: null, min: null, max: null, distribution };
  }
  return { ...summary, display: formatDecimal(summary.mean, decimals, messages.decimalSeparator), distribution };
}

export interface FinishedCounts {
  readonly figures: readonly FigureResult[];
  readonly grade: GradeResult;
  readonly youth: readonly TrackSummary[];
}

/** Tallies → the published numbers: N, counts, shares, footnotes, the grade, the youth summary. */
export function finishCounts(survey: Survey, tallies: Tallies, messages: Messages): FinishedCounts {
  const { grade } = survey.definition;
  const figures = survey.figures.map((figure, index) =>
    figureResult(survey, figure, tallies.figures[index] as FigureTally, messages),
  );
  const byTrack = keyedRecord<GradeSummary>();
  for (const track of survey.tracks) {
    const histogram = tallies.marksByTrack.get(track.id);
    if (histogram !== undefined) byTrack[track.id] = gradeSummary(histogram, grade.decimals, messages);
  }
  const youth: TrackSummary[] = survey.tracks
    .filter((track) => tallies.otherTracks.has(track.id))
    .map((track) => {
      const tally = tallies.otherTracks.get(track.id) as NonNullable<ReturnType<typeof tallies.otherTracks.get>>;
      const bars = [...tally.bars]
        .sort(([a], [b]) => a - b)
        .map(([columnIndex, bar]) => {
          const role = survey.ratingColumns[columnIndex] as (typeof survey.ratingColumns)[number];
          const figure = survey.figures[role.figureIndex] as FigureDefinition;
          const counts = countsOf(bar, role.scale);
          return {
            figureId: figure.id,
            label: figure.bars[role.barIndex]?.label ?? role.column,
            column: role.column,
            n: Object.values(counts).reduce((sum, count) => sum + count, 0),
            missing: bar.missing,
            counts,
            categories: categoriesOf(role.scale, true),
          };
        });
      return {
        track: track.id,
        label: track.label,
        respondents: tally.respondents,
        bars,
        grade: gradeSummary(tally.marks, grade.decimals, messages),
      };
    });
  return {
    figures,
    grade: {
      column: grade.column,
      tracks: grade.tracks,
      ...gradeSummary(tallies.marks, grade.decimals, messages),
      byTrack,
    },
    youth,
  };
}

function leadTimeResult(survey: Survey, index: number, tally: LeadTimeTally | undefined): LeadTimeResult {
  const role = survey.leadTimes[index] as Survey['leadTimes'][number];
  const { segment } = role;
  const days = tally?.days ?? new Map<number, number>();
  const summary = histogramSummary(days);
  const term = segment.legalTermDays ?? null;
  let withinTerm: LeadTimeResult['withinTerm'] = null;
  if (term !== null && summary !== null) {
    let count = 0;
    for (const [value, times] of days) if (value <= term) count += times;
    withinTerm = { count, share: count / summary.n, ...wilsonInterval(count, summary.n) };
  }
  return {
    id: segment.id,
    label: segment.label,
    from: segment.from,
    to: segment.to,
    fromLabel: survey.steps[role.fromStep]?.label ?? segment.from,
    toLabel: survey.steps[role.toStep]?.label ?? segment.to,
    legalTermDays: term,
    n: summary?.n ?? 0,
    missing: tally?.missing ?? 0,
    withdrawnConsent: tally?.withdrawnConsent ?? 0,
    mean: summary?.mean ?? null,
    median: summary?.median ?? null,
    p90: histogramQuantile(days, 0.9),
    min: summary?.min ?? null,
    max: summary?.max ?? null,
    withinTerm,
    distribution: [...days].sort(([a], [b]) => a - b).map(([value, count]) => ({ days: value, count })),
  };
}

/**
 * Tallies → lead times per segment: the main track's (as Figures 1–7), and apart those of each
 * other track that has respondents (rule 1). Undefined when the definition has no segments or
 * the file no date columns: then there is nothing to report, not a table of zeros.
 */
export function finishLeadTimes(survey: Survey, tallies: Tallies, hasDates: boolean): LeadTimesResult | undefined {
  if (survey.leadTimes.length === 0 || !hasDates) return undefined;
  const { mainTrack } = survey.definition;
  const segmentsOf = (track: string): LeadTimeResult[] =>
    survey.leadTimes.map((_, index) => leadTimeResult(survey, index, tallies.leadTimes.get(track)?.[index]));
  return {
    unit: 'calendar days',
    percentile: 'R quantile type 7',
    track: mainTrack,
    trackLabel: survey.tracks.find((track) => track.id === mainTrack)?.label ?? mainTrack,
    segments: segmentsOf(mainTrack),
    byTrack: keyedRecord(
      survey.tracks
        .filter((track) => !coversTrack([mainTrack], track.id) && tallies.leadTimes.has(track.id))
        .map((track) => [track.id, { label: track.label, segments: segmentsOf(track.id) }] as const),
    ),
  };
}
