import type { ResponseRow } from '../input/validate.js';
import { judgeAnswer, judgeGrade, type ExclusionRule } from '../rules/judge.js';
import type { Survey } from '../survey/load.js';
import type { Exclusion } from './results.js';

/** Receives every answer left out, as it happens (the CLI streams them to exclusions.csv). */
export type ExclusionSink = (exclusion: Exclusion) => void;

export interface BarTally {
  readonly counts: Map<string, number>;
  missing: number;
  readonly leftOut: Map<ExclusionRule, number>;
}

export interface FigureTally {
  readonly bars: BarTally[];
  N: number;
  readonly NByTrack: Map<string, number>;
  withdrawnConsent: number;
  onlyNotApplicable: number;
  noAnswer: number;
}

/** Marks kept as a histogram, so a million respondents cost a few entries. */
export type MarkHistogram = Map<number, number>;

export interface TrackTally {
  respondents: number;
  /** Per rating column of figures that do not count this track. */
  readonly bars: Map<number, BarTally>;
  readonly marks: MarkHistogram;
}

export interface Tallies {
  respondents: number;
  readonly respondentsByTrack: Map<string, number>;
  readonly figures: FigureTally[];
  readonly marks: MarkHistogram;
  readonly marksByTrack: Map<string, MarkHistogram>;
  /** Tracks other than the main one, reported apart. */
  readonly otherTracks: Map<string, TrackTally>;
  readonly exclusionsByRule: Map<ExclusionRule, number>;
  readonly withdrawn: { respondent: string; withdrawnAfter: string }[];
  withdrawnTotal: number;
}

/**
 * A copy of a string that does not keep its parent alive: cells are slices of the parsed chunk,
 * and one code kept from every chunk would keep every chunk in memory.
 */
function detach(text: string): string {
  return (' ' + text).slice(1);
}

function newBar(): BarTally {
  return { counts: new Map(), missing: 0, leftOut: new Map() };
}

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Rows → tallies, one row at a time: counts are kept, rows are not, so memory stays flat
 * however long the file is.
 */
export class Accumulator {
  readonly tallies: Tallies;
  private readonly notApplicableKeys: readonly string[];

  constructor(
    private readonly survey: Survey,
    private readonly onExclusion: ExclusionSink,
    private readonly listLimit: number,
  ) {
    this.notApplicableKeys = survey.ratingColumns.map((role) => role.scale.notApplicable.key);
    this.tallies = {
      respondents: 0,
      respondentsByTrack: new Map(),
      figures: survey.figures.map((figure) => ({
        bars: figure.bars.map(newBar),
        N: 0,
        NByTrack: new Map(),
        withdrawnConsent: 0,
        onlyNotApplicable: 0,
        noAnswer: 0,
      })),
      marks: new Map(),
      marksByTrack: new Map(),
      otherTracks: new Map(),
      exclusionsByRule: new Map(),
      withdrawn: [],
      withdrawnTotal: 0,
    };
  }

  add(row: ResponseRow): void {
    const { survey, tallies } = this;
    tallies.respondents++;
    increment(tallies.respondentsByTrack, row.track);
    if (row.withdrawn) {
      tallies.withdrawnTotal++;
      if (tallies.withdrawn.length < this.listLimit) {
        tallies.withdrawn.push({ respondent: detach(row.respondent), withdrawnAfter: survey.steps[row.lastUsableStep]?.id ?? '' });
      }
    }
    const other = row.track === survey.definition.mainTrack ? undefined : this.otherTrack(row.track);
    if (other !== undefined) other.respondents++;

    // Per figure: did this respondent count, and if not, why not (for N and the footnote).
    const counted = new Uint8Array(survey.figures.length);
    const notApplicable = new Uint8Array(survey.figures.length);
    survey.ratingColumns.forEach((role, index) => {
      const figure = survey.figures[role.figureIndex];
      const figureTally = tallies.figures[role.figureIndex];
      const bar = figureTally?.bars[role.barIndex];
      if (figure === undefined || bar === undefined) return;
      const value = row.ratings[index] ?? null;
      const verdict = judgeAnswer(row, figure, role.stepIndex, value, this.notApplicableKeys[index] ?? '');
      if (verdict === 'counted') {
        increment(bar.counts, value as string);
        counted[role.figureIndex] = 1;
        return;
      }
      if (verdict === null) return;
      if (verdict === 'missing') bar.missing++;
      if (verdict === 'not-applicable') {
        // Kept in counts.nvt, outside n: the footnote and the JSON say how many were left out.
        increment(bar.counts, value as string);
        notApplicable[role.figureIndex] = 1;
      }
      increment(bar.leftOut, verdict);
      this.exclude(row, role.column, survey.steps[role.stepIndex]?.id ?? '', verdict);
      if (verdict === 'other-track' && other !== undefined && role.stepIndex <= row.lastUsableStep) {
        const otherBar = other.bars.get(index) ?? newBar();
        other.bars.set(index, otherBar);
        increment(otherBar.counts, value as string);
      }
    });
    if (other !== undefined) {
      // The youth's empty cells on the shared steps, for their own summary.
      survey.ratingColumns.forEach((role, index) => {
        const figure = survey.figures[role.figureIndex];
        if (figure === undefined || figure.tracks.includes(row.track) || role.stepIndex > row.lastUsableStep) return;
        if (row.ratings[index] === null) {
          const otherBar = other.bars.get(index) ?? newBar();
          other.bars.set(index, otherBar);
          otherBar.missing++;
        }
      });
    }
    survey.figures.forEach((figure, figureIndex) => {
      const tally = tallies.figures[figureIndex];
      if (tally === undefined || !figure.tracks.includes(row.track)) return;
      if (counted[figureIndex] === 1) {
        tally.N++;
        increment(tally.NByTrack, row.track);
      } else if ((survey.stepIndex.get(figure.step) ?? 0) > row.lastUsableStep) {
        tally.withdrawnConsent++;
      } else if (notApplicable[figureIndex] === 1) {
        tally.onlyNotApplicable++;
      } else {
        tally.noAnswer++;
      }
    });

    const { grade } = survey.definition;
    const verdict = judgeGrade(row, grade.tracks, survey.gradeStepIndex);
    if (verdict === 'counted' && row.grade !== null) {
      increment(tallies.marks, row.grade);
      const byTrack = tallies.marksByTrack.get(row.track) ?? new Map<number, number>();
      tallies.marksByTrack.set(row.track, byTrack);
      increment(byTrack, row.grade);
      if (other !== undefined) increment(other.marks, row.grade);
    } else if (verdict !== null && verdict !== 'counted') {
      this.exclude(row, grade.column, grade.step, verdict);
    }
  }

  private otherTrack(track: string): TrackTally {
    let tally = this.tallies.otherTracks.get(track);
    if (tally === undefined) {
      tally = { respondents: 0, bars: new Map(), marks: new Map() };
      this.tallies.otherTracks.set(track, tally);
    }
    return tally;
  }

  private exclude(row: ResponseRow, column: string, step: string, rule: ExclusionRule): void {
    increment(this.tallies.exclusionsByRule, rule);
    this.onExclusion({ respondent: row.respondent, line: row.line, column, step, rule });
  }

  /** Exclusions kept past this row must not hold on to the row's text (see detach). */
  static keep(exclusion: Exclusion): Exclusion {
    return { ...exclusion, respondent: detach(exclusion.respondent) };
  }
}
