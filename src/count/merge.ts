/**
 * `cj merge`: results of one definition added up exactly. Each results.json is turned back into
 * the tallies it was finished from (counts, left-out answers per rule, mark and day histograms,
 * each group's counts), the tallies are added, and count/assemble.ts finishes them as an analysis
 * does: so mean, median and sd come from the merged marks, not from averages of averages, and
 * the tests between groups run on the merged tables.
 */
import type { ExclusionRule } from '../contract.js';
import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';
import type { Survey } from '../survey/load.js';
import { Accumulator, type BarTally, type FigureTally, type LeadTimeTally, type MarkHistogram, type Tallies, type TrackTally } from './accumulate.js';
import { assembleCounts, buildResults, type GroupTallies } from './assemble.js';
import { mergeFingerprints, overlapOf, type RespondentFingerprint } from './fingerprint.js';
import type { BarResult, FigureResult, GradeSummary, LeadTimeResult, Results, Warning } from './results.js';

export interface MergePart {
  /** The file as given, for messages and `mergedFrom`. */
  readonly file: string;
  readonly sha256: string;
  readonly results: Results;
}

function add<K>(into: Map<K, number>, key: K, by: number): void {
  if (by !== 0) into.set(key, (into.get(key) ?? 0) + by);
}

/** Tallies of no respondents, as a new accumulator starts (its public interface: no second copy of their shape). */
function emptyTallies(survey: Survey): Tallies {
  return new Accumulator(survey, { wanted: () => false, add: () => undefined }, 0).tallies;
}

function addBar(into: BarTally, bar: Pick<BarResult, 'counts' | 'missing'> & { readonly leftOut?: BarResult['leftOut'] }): void {
  for (const [key, count] of Object.entries(bar.counts)) add(into.counts, key, count);
  into.missing += bar.missing;
  for (const [rule, count] of Object.entries(bar.leftOut ?? {})) add(into.leftOut, rule as ExclusionRule, count ?? 0);
}

function addFigure(into: FigureTally, figure: FigureResult): void {
  figure.bars.forEach((bar, index) => addBar(into.bars[index] as BarTally, bar));
  into.N += figure.N;
  for (const [track, n] of Object.entries(figure.NByTrack)) add(into.NByTrack, track, n);
  into.withdrawnConsent += figure.respondentsLeftOut.withdrawnConsent;
  into.onlyNotApplicable += figure.respondentsLeftOut.onlyNotApplicable;
  into.noAnswer += figure.respondentsLeftOut.noAnswer;
}

function addMarks(into: MarkHistogram, grade: GradeSummary): void {
  for (const { mark, count } of grade.distribution) add(into, mark, count);
}

function addSegments(into: Map<string, LeadTimeTally[]>, track: string, segments: readonly LeadTimeResult[]): void {
  let tallies = into.get(track);
  if (tallies === undefined) {
    tallies = segments.map(() => ({ days: new Map(), missing: 0, withdrawnConsent: 0 }));
    into.set(track, tallies);
  }
  segments.forEach((segment, index) => {
    const tally = tallies[index] as LeadTimeTally;
    for (const { days, count } of segment.distribution) add(tally.days, days, count);
    tally.missing += segment.missing;
    tally.withdrawnConsent += segment.withdrawnConsent;
  });
}

/** Adds one result's counts to the tallies (what its analysis had before finishing). */
function addResults(survey: Survey, into: Tallies, results: Results, listLimit: number): void {
  into.respondents += results.input.respondents;
  for (const [track, n] of Object.entries(results.input.respondentsByTrack)) add(into.respondentsByTrack, track, n);
  survey.figures.forEach((figure, index) => {
    const found = results.figures.find((candidate) => candidate.id === figure.id);
    if (found !== undefined) addFigure(into.figures[index] as FigureTally, found);
  });
  addMarks(into.marks, results.grade);
  for (const [track, summary] of Object.entries(results.grade.byTrack)) {
    const histogram = into.marksByTrack.get(track) ?? new Map<number, number>();
    into.marksByTrack.set(track, histogram);
    addMarks(histogram, summary);
  }
  for (const youth of results.youth) {
    let tally = into.otherTracks.get(youth.track);
    if (tally === undefined) {
      tally = { respondents: 0, bars: new Map(), marks: new Map() } satisfies TrackTally;
      into.otherTracks.set(youth.track, tally);
    }
    tally.respondents += youth.respondents;
    for (const bar of youth.bars) {
      const figureIndex = survey.figures.findIndex((figure) => figure.id === bar.figureId);
      const columnIndex = survey.ratingColumns.findIndex((role) => role.figureIndex === figureIndex && role.column === bar.column);
      if (columnIndex === -1) continue;
      const into2 = tally.bars.get(columnIndex) ?? { counts: new Map(), missing: 0, leftOut: new Map() };
      tally.bars.set(columnIndex, into2);
      addBar(into2, bar);
    }
    addMarks(tally.marks, youth.grade);
  }
  for (const [rule, count] of Object.entries(results.exclusionSummary.byRule)) add(into.exclusionsByRule, rule as ExclusionRule, count ?? 0);
  const { leadTimes } = results;
  if (leadTimes !== undefined) {
    addSegments(into.leadTimes, leadTimes.track, leadTimes.segments);
    for (const [track, other] of Object.entries(leadTimes.byTrack)) addSegments(into.leadTimes, track, other.segments);
  }
  for (const withdrawn of results.input.withdrawn) if (into.withdrawn.length < listLimit) into.withdrawn.push(withdrawn);
  into.withdrawnTotal += results.input.withdrawnTotal;
}

/** The breakdowns' shape (column and figures), which must be the same in every part. */
function breakdownShape(results: Results): string {
  return JSON.stringify((results.breakdowns ?? []).map((breakdown) => [breakdown.column, breakdown.figures]));
}

/**
 * Adds results of one definition. Refuses results of another definition, other breakdowns, or
 * sharing respondents (by their fingerprints: see fingerprint.ts for what a check can miss).
 * @returns the merged results and whether the overlap check saw only a sample of the hashes
 */
export function mergeResults(
  survey: Survey,
  parts: readonly MergePart[],
  options: { readonly messages: Messages; readonly version: string; readonly minCell: number; readonly listLimit: number },
): { results: Results; sampled: boolean } {
  const { messages } = options;
  const first = parts[0];
  if (first === undefined) throw new DataError('CJ_MERGE_NOTHING', messages.mergeNotResults('-'));
  const fingerprints: RespondentFingerprint[] = [];
  for (const part of parts) {
    if (part.results.survey.definitionSha256 !== survey.definitionSha256) {
      throw new DataError('CJ_MERGE_DEFINITION', messages.mergeDifferentDefinition(part.file, part === first ? '--survey' : first.file), { file: part.file });
    }
    if (breakdownShape(part.results) !== breakdownShape(first.results)) {
      throw new DataError('CJ_MERGE_BREAKDOWN', messages.mergeDifferentBreakdown(part.file), { file: part.file });
    }
    const fingerprint = part.results.fingerprint;
    if (fingerprint === undefined || fingerprint.respondents !== part.results.input.respondents) {
      throw new DataError('CJ_MERGE_FINGERPRINT', messages.mergeNoFingerprint(part.file), { file: part.file });
    }
    fingerprints.push(fingerprint);
  }
  let sampled = false;
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const overlap = overlapOf(fingerprints[i] as RespondentFingerprint, fingerprints[j] as RespondentFingerprint);
      if (overlap.shared > 0) {
        throw new DataError('CJ_MERGE_OVERLAP', messages.mergeOverlap(parts[i]?.file ?? '', parts[j]?.file ?? '', overlap.shared), { file: parts[j]?.file ?? '' });
      }
      sampled ||= overlap.check === 'sampled';
    }
  }

  const tallies = emptyTallies(survey);
  for (const part of parts) addResults(survey, tallies, part.results, options.listLimit);
  const groups: GroupTallies[] = (first.results.breakdowns ?? []).map((breakdown, index) => {
    const figures = breakdown.figures.map((id) => survey.figures.findIndex((figure) => figure.id === id));
    const byGroup = new Map<string, Tallies>();
    for (const part of parts) {
      for (const group of part.results.breakdowns?.[index]?.groups ?? []) {
        let into = byGroup.get(group.key);
        if (into === undefined) {
          into = emptyTallies(survey);
          byGroup.set(group.key, into);
        }
        into.respondents += group.respondents;
        group.figures.forEach((figure, at) => addFigure(into.figures[figures[at] ?? 0] as FigureTally, figure));
        addMarks(into.marks, group.grade);
      }
    }
    return { by: { column: breakdown.column, background: survey.background.get(breakdown.column), figures }, groups: byGroup };
  });
  const counted = assembleCounts(survey, tallies, groups, {
    messages,
    minCell: options.minCell,
    hasDates: parts.some((part) => part.results.leadTimes !== undefined),
    suppress: first.results.breakdowns?.some((breakdown) => breakdown.disclosure.masked) === true,
  });
  // What each part said of its input stays said, once; what the counts call for is said anew.
  const countCodes = new Set(['CJ_SMALL_CELL', 'CJ_GROUP_TOO_SMALL', 'CJ_SUPPRESSED']);
  const inputWarnings = new Map<string, Warning>();
  for (const warning of parts.flatMap((part) => part.results.warnings)) {
    if (!countCodes.has(warning.code) && !inputWarnings.has(warning.message)) inputWarnings.set(warning.message, warning);
  }
  const exclusions = parts.flatMap((part) => part.results.exclusions).slice(0, options.listLimit);
  const union = (pick: (results: Results) => readonly string[]): string[] => [...new Set(parts.flatMap((part) => pick(part.results)))].sort();
  const results = buildResults({
    survey,
    version: options.version,
    input: {
      ...first.results.input,
      file: parts.map((part) => part.results.input.file).join(' + '),
      sha256: '',
      bytes: parts.reduce((sum, part) => sum + part.results.input.bytes, 0),
      rowsRead: parts.reduce((sum, part) => sum + part.results.input.rowsRead, 0),
      respondents: tallies.respondents,
      respondentsByTrack: Object.fromEntries(survey.tracks.map((track) => [track.id, tallies.respondentsByTrack.get(track.id) ?? 0])),
      withdrawn: tallies.withdrawn,
      withdrawnTotal: tallies.withdrawnTotal,
      columnsIgnored: union((r) => r.input.columnsIgnored),
      columnsAbsent: union((r) => r.input.columnsAbsent),
      allowedColumns: union((r) => r.input.allowedColumns),
    },
    counted,
    exclusions,
    warnings: [...inputWarnings.values(), ...counted.countWarnings],
    fingerprint: mergeFingerprints(fingerprints),
    mergedFrom: parts.map((part) => ({ file: part.file, sha256: part.sha256, respondents: part.results.input.respondents })),
  });
  return { results, sampled };
}
