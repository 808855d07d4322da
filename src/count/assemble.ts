/**
 * Tallies → results, the one way: `cj analyse` (src/pipeline.ts) and `cj merge` (src/count/merge.ts)
 * both finish their tallies here, so a merged result is computed exactly as an analysis of all
 * the respondents would be.
 */
import type { Messages } from '../messages.js';
import { maskedCells } from '../rules/breakdown-cells.js';
import { smallCells } from '../rules/small-cells.js';
import { formatDecimal } from '../format.js';
import type { Survey } from '../survey/load.js';
import type { Tallies } from './accumulate.js';
import type { ByColumn } from './breakdown.js';
import { breakdownResult, populationOf, populationResult, satisfactionOfFigures } from './breakdown-results.js';
import type { RespondentFingerprint } from './fingerprint.js';
import { finishCounts, finishLeadTimes } from './finish.js';
import { SCHEMA_VERSION, type Exclusion, type Results, type Warning } from './results.js';

/** One breakdown's tallies: the by-column and each group's accumulator's tallies. */
export interface GroupTallies {
  readonly by: ByColumn;
  readonly groups: ReadonlyMap<string, Tallies>;
}

export interface AssembleOptions {
  readonly messages: Messages;
  readonly minCell: number;
  /** Whether the file had date columns: lead times are reported only then. */
  readonly hasDates: boolean;
  readonly previous?: { readonly respondents: number; readonly size: number; readonly source: string };
  /** --suppress: mask small counts of breakdowns (and what reveals them) in what is published. */
  readonly suppress: boolean;
}

/** Everything results.json says that comes from the counts, and the warnings the counts call for. */
export type CountedResults = Pick<Results, 'figures' | 'grade' | 'youth' | 'leadTimes' | 'satisfaction' | 'population' | 'breakdowns'> & {
  readonly exclusionsByRule: Readonly<Partial<Record<string, number>>>;
  readonly exclusionsTotal: number;
  readonly countWarnings: readonly Warning[];
};

export function assembleCounts(survey: Survey, tallies: Tallies, groups: readonly GroupTallies[], options: AssembleOptions): CountedResults {
  const { messages } = options;
  // 5. tallies → figures, grade, youth summary, footnotes, lead times
  const counts = finishCounts(survey, tallies, messages);
  const leadTimes = finishLeadTimes(survey, tallies, options.hasDates);
  // 7. satisfaction with intervals, response and margins, each breakdown with its tests
  const satisfaction = satisfactionOfFigures(survey, counts.figures, populationOf(survey));
  const population = populationResult(survey, tallies.respondents, options.previous);
  const breakdowns = groups.map((group) => {
    const result = breakdownResult(survey, group.by, group.groups, messages);
    const cells = maskedCells({ ...result, disclosure: { minCell: options.minCell, masked: false, cells: [] } }, options.minCell);
    return { ...result, disclosure: { minCell: options.minCell, masked: options.suppress, cells } };
  });
  const countWarnings: Warning[] = [];
  for (const breakdown of breakdowns) {
    const small = breakdown.disclosure.cells.filter((cell) => cell.reason === 'small');
    if (small.length === 0) continue;
    if (options.suppress) {
      countWarnings.push({ code: 'CJ_SUPPRESSED', message: `${breakdown.label}: ${messages.suppressed(breakdown.disclosure.cells.length)}` });
      continue;
    }
    const counts = small.map((cell) => {
      const group = breakdown.groups.find((candidate) => candidate.key === cell.group);
      const at = breakdown.figures.indexOf(cell.figureId);
      return group?.figures[at]?.bars.find((bar) => bar.column === cell.column)?.counts[cell.category] ?? 0;
    });
    countWarnings.push({ code: 'CJ_SMALL_CELL', message: messages.smallCellBreakdown(breakdown.label, Math.min(...counts), options.minCell) });
  }
  for (const group of smallCells(counts.youth, options.minCell)) {
    countWarnings.push({ code: 'CJ_SMALL_CELL', message: messages.smallCell(group.label, group.smallest, options.minCell) });
  }
  const percent = (x: number): string => `${formatDecimal(100 * x, 1, messages.decimalSeparator)}%`;
  for (const breakdown of breakdowns) {
    for (const group of breakdown.groups) {
      const share = group.population;
      if (share?.tooSmall !== true || population === undefined) continue;
      const message = messages.groupTooSmall(group.label, share.respondents, percent(share.marginOfError), percent(population.maxMarginOfError), share.needed);
      countWarnings.push({ code: 'CJ_GROUP_TOO_SMALL', message });
    }
  }
  const exclusionsByRule = Object.fromEntries([...tallies.exclusionsByRule].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    ...counts,
    ...(leadTimes === undefined ? {} : { leadTimes }),
    ...(satisfaction.length === 0 ? {} : { satisfaction }),
    ...(population === undefined ? {} : { population }),
    ...(breakdowns.length === 0 ? {} : { breakdowns }),
    exclusionsByRule,
    exclusionsTotal: [...tallies.exclusionsByRule.values()].reduce((sum, count) => sum + count, 0),
    countWarnings,
  };
}

/** The results object in its one key order (what makes equal results equal bytes). */
export function buildResults(parts: {
  readonly survey: Survey;
  readonly version: string;
  readonly input: Results['input'];
  readonly counted: CountedResults;
  readonly exclusions: readonly Exclusion[];
  readonly warnings: readonly Warning[];
  readonly fingerprint: RespondentFingerprint;
  readonly mergedFrom?: Results['mergedFrom'];
}): Results {
  const { survey, counted } = parts;
  return {
    schemaVersion: SCHEMA_VERSION,
    cj: { version: parts.version },
    survey: { name: survey.definition.name, language: survey.definition.language, definitionSha256: survey.definitionSha256 },
    input: parts.input,
    figures: counted.figures,
    grade: counted.grade,
    youth: counted.youth,
    ...(counted.leadTimes === undefined ? {} : { leadTimes: counted.leadTimes }),
    exclusions: parts.exclusions,
    exclusionSummary: { total: counted.exclusionsTotal, byRule: counted.exclusionsByRule, listed: parts.exclusions.length },
    warnings: parts.warnings,
    ...(counted.satisfaction === undefined ? {} : { satisfaction: counted.satisfaction }),
    ...(counted.population === undefined ? {} : { population: counted.population }),
    ...(counted.breakdowns === undefined ? {} : { breakdowns: counted.breakdowns }),
    fingerprint: parts.fingerprint,
    ...(parts.mergedFrom === undefined ? {} : { mergedFrom: parts.mergedFrom }),
  };
}
