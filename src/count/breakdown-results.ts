/**
 * Tallies of the whole and of each group → what results.json says about satisfaction, response
 * and the differences between groups. The groups' own numbers come from finishCounts, the same
 * function that finishes the whole, so a group is never counted by other rules.
 */
import { contingencyTest } from '../diff/bar.js';
import type { Messages } from '../messages.js';
import { holm } from '../stats/holm.js';
import { marginOfError } from '../stats/margin-of-error.js';
import { newcombeDifference } from '../stats/newcombe-difference.js';
import { requiredSampleSize } from '../stats/required-sample-size.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import type { Survey } from '../survey/load.js';
import type { Tallies } from './accumulate.js';
import { EMPTY_GROUP, type ByColumn } from './breakdown.js';
import { finishCounts } from './finish.js';
import type {
  BreakdownResult,
  FigureResult,
  GroupDifference,
  GroupResult,
  PopulationResult,
  PopulationShare,
  SatisfactionResult,
  SatisfiedBar,
} from './results.js';

/** The level of the tests between groups after Holm, and the seed of a Monte-Carlo p: cj diff's defaults. */
export const GROUP_TEST = { alpha: 0.05, seed: 1 } as const;
/** The widest margin of error (95%, p = 0.5) with which a group gets a statement of its own, unless the definition says. */
export const DEFAULT_MAX_MARGIN = 0.1;

/** A figure's satisfaction: per bar the share in the scale's satisfied categories, with intervals. */
export function satisfactionOf(survey: Survey, figure: FigureResult, population: number | null): SatisfactionResult | null {
  const scale = survey.scaleById.get(figure.scale);
  const keys = scale?.satisfied;
  if (scale === undefined || keys === undefined) return null;
  const bars = figure.bars.map((bar): SatisfiedBar => {
    const n = scale.categories.reduce((sum, category) => sum + (bar.counts[category.key] ?? 0), 0);
    const satisfied = keys.reduce((sum, key) => sum + (bar.counts[key] ?? 0), 0);
    if (n === 0) return { label: bar.label, column: bar.column, satisfied, n, share: null, lower: null, upper: null, marginOfError: null };
    const share = satisfied / n;
    return {
      label: bar.label,
      column: bar.column,
      satisfied,
      n,
      share,
      ...wilsonInterval(satisfied, n),
      marginOfError: population !== null && population >= n ? marginOfError(n, population, share) : null,
    };
  });
  const answered = bars.filter((bar) => bar.share !== null);
  const range =
    answered.length === 0
      ? null
      : {
          low: Math.min(...answered.map((bar) => bar.share ?? 0)),
          high: Math.max(...answered.map((bar) => bar.share ?? 0)),
          lower: Math.min(...answered.map((bar) => bar.lower ?? 0)),
          upper: Math.max(...answered.map((bar) => bar.upper ?? 0)),
        };
  return { figureId: figure.id, categories: keys, bars, range };
}

/** The satisfaction of every figure whose scale declares satisfied categories. */
export function satisfactionOfFigures(survey: Survey, figures: readonly FigureResult[], population: number | null): SatisfactionResult[] {
  return figures.flatMap((figure) => satisfactionOf(survey, figure, population) ?? []);
}

/** People invited or registered in the strata that match: all of them, or those with `column` = `key`; null when no stratum names the column. */
export function populationOf(survey: Survey, column?: string, key?: string): number | null {
  const strata = survey.definition.population?.strata ?? [];
  if (strata.length === 0) return null;
  if (column === undefined) return strata.reduce((sum, stratum) => sum + stratum.size, 0);
  if (!strata.every((stratum) => Object.hasOwn(stratum.groups, column))) return null;
  return strata.filter((stratum) => stratum.groups[column] === key).reduce((sum, stratum) => sum + stratum.size, 0);
}

/** Response rate and margin of error of respondents out of a population. */
export function populationShare(survey: Survey, respondents: number, size: number): PopulationShare {
  const max = survey.definition.population?.maxMarginOfError ?? DEFAULT_MAX_MARGIN;
  const margin = respondents > 0 && size >= respondents ? marginOfError(respondents, size) : 1;
  return { size, respondents, responseRate: respondents / size, marginOfError: margin, tooSmall: margin > max, needed: requiredSampleSize(max, size) };
}

/** The whole's population, with last year's response rate when known. */
export function populationResult(
  survey: Survey,
  respondents: number,
  previous: { readonly respondents: number; readonly size: number; readonly source: string } | undefined,
): PopulationResult | undefined {
  const population = survey.definition.population;
  const size = populationOf(survey);
  if (population === undefined || size === null) return undefined;
  const share = populationShare(survey, respondents, size);
  let last: PopulationResult['previous'] = null;
  if (previous !== undefined) {
    // newcombeDifference gives its second proportion minus its first: this year minus last.
    const { difference, lower, upper } = newcombeDifference(previous.respondents, previous.size, respondents, size);
    last = {
      responseRate: previous.respondents / previous.size,
      source: previous.source,
      difference: { points: 100 * difference, lower: 100 * lower, upper: 100 * upper },
    };
  } else if (population.previousResponseRate !== undefined) {
    last = { responseRate: population.previousResponseRate, source: 'definition', difference: null };
  }
  return { kind: population.kind, maxMarginOfError: population.maxMarginOfError ?? DEFAULT_MAX_MARGIN, ...share, previous: last };
}

/** How results and figures name a group. */
function groupLabel(survey: Survey, by: ByColumn, key: string, messages: Messages): string {
  if (key === EMPTY_GROUP) return messages.emptyGroup;
  const declared = by.background?.values?.find((value) => value.key === key)?.label;
  if (declared !== undefined) return declared;
  const role = survey.ratingColumns.find((candidate) => candidate.column === by.column);
  const category = role === undefined ? undefined : [...role.scale.categories, role.scale.notApplicable].find((c) => c.key === key);
  if (category !== undefined) return category.label;
  return survey.tracks.find((track) => track.id === key && by.column !== key)?.label ?? key;
}

/** Groups in the order a reader expects: declared values (or the scale's) first, the rest sorted, empty last. */
function groupOrder(survey: Survey, by: ByColumn, keys: readonly string[]): string[] {
  const role = survey.ratingColumns.find((candidate) => candidate.column === by.column);
  const declared = [
    ...(by.background?.values ?? []).map((value) => value.key),
    ...(role === undefined ? [] : [...role.scale.categories, role.scale.notApplicable].map((category) => category.key)),
    ...survey.tracks.map((track) => track.id),
  ];
  const rank = (key: string): number => (key === EMPTY_GROUP ? Number.MAX_SAFE_INTEGER : declared.includes(key) ? declared.indexOf(key) : declared.length);
  return [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** One breakdown's results: each group's figures, satisfaction and response, and the tests between the groups. */
export function breakdownResult(
  survey: Survey,
  by: ByColumn,
  groups: ReadonlyMap<string, Tallies>,
  messages: Messages,
): Omit<BreakdownResult, 'disclosure'> {
  const results: GroupResult[] = groupOrder(survey, by, [...groups.keys()]).map((key) => {
    const tallies = groups.get(key) as Tallies;
    const finished = finishCounts(survey, tallies, messages);
    const figures = by.figures.map((index) => finished.figures[index] as FigureResult);
    const size = populationOf(survey, by.column, key);
    return {
      key,
      label: groupLabel(survey, by, key, messages),
      respondents: tallies.respondents,
      figures,
      grade: (({ column: _column, tracks: _tracks, byTrack: _byTrack, ...summary }) => summary)(finished.grade),
      satisfaction: satisfactionOfFigures(survey, figures, size),
      population: size === null || size === 0 ? null : populationShare(survey, tallies.respondents, size),
    };
  });
  // A column shown in two figures is one set of answers: tested once, counted once in Holm's family.
  const byColumn = new Map<string, ReturnType<typeof contingencyTest> | null>();
  const raw = by.figures.flatMap((figureIndex, at) => {
    const figure = survey.figures[figureIndex];
    const scale = figure === undefined ? undefined : survey.scaleById.get(figure.scale);
    if (figure === undefined || scale === undefined) return [];
    return figure.bars.map((bar, barIndex) => {
      const column = bar.column.toLowerCase();
      if (!byColumn.has(column)) {
        const table = results
          .map((group) => scale.categories.map((category) => group.figures[at]?.bars[barIndex]?.counts[category.key] ?? 0))
          .filter((row) => row.some((count) => count > 0));
        const used = scale.categories.map((_, c) => c).filter((c) => table.some((row) => (row[c] ?? 0) > 0));
        // A bar split by its own answers differs by construction: no test says anything there.
        const testable = table.length >= 2 && used.length >= 2 && column !== by.column;
        byColumn.set(column, testable ? contingencyTest(table.map((row) => used.map((c) => row[c] ?? 0)), GROUP_TEST.seed, GROUP_TEST.alpha) : null);
      }
      return { figureId: figure.id, column, label: bar.label };
    });
  });
  const columns = [...byColumn].filter(([, test]) => test !== null);
  const adjusted = new Map(holm(columns.map(([, test]) => test?.p ?? 1)).map((p, index) => [columns[index]?.[0] ?? '', p]));
  const bars: GroupDifference[] = raw.map((bar) => {
    const test = byColumn.get(bar.column) ?? null;
    return {
      ...bar,
      test:
        test === null
          ? null
          : { test: 'fisher-freeman-halton', method: test.method, tables: test.tables, standardError: test.standardError, p: test.p, pAdjusted: adjusted.get(bar.column) ?? 1 },
    };
  });
  const tested = columns;
  const differing = bars.filter((bar) => (bar.test?.pAdjusted ?? 1) < GROUP_TEST.alpha).map((bar) => bar.label);
  const plural = by.background?.plural ?? by.column;
  const alpha = String(GROUP_TEST.alpha).replace('.', messages.decimalSeparator);
  const sentence =
    tested.length === 0
      ? messages.noGroupTest(plural)
      : differing.length === 0
        ? messages.noGroupDifferences(plural, tested.length, alpha)
        : messages.groupDifferences(plural, differing, tested.length, alpha);
  return {
    column: by.column,
    label: by.background?.label ?? by.column,
    plural,
    figures: by.figures.map((index) => survey.figures[index]?.id ?? ''),
    groups: results,
    differences: { alpha: GROUP_TEST.alpha, seed: GROUP_TEST.seed, tested: tested.length, bars, differing, sentence },
  };
}
