import { NO_ANSWER, type ExclusionRule, type ResponseRow } from '../contract.js';
import { coversTrack, exclusionRules, judge, stepUsable, type Cell } from '../rules/judge.js';
import type { Survey } from '../survey/load.js';
import type { FigureDefinition } from '../survey/types.js';
import type { Exclusion } from './results.js';

/** Receives every answer left out, as it happens (the CLI streams them to exclusions.csv). */
export interface ExclusionSink {
  /** Whether anyone still takes exclusions: when not, none is made (a million rows make millions). */
  wanted(): boolean;
  add(exclusion: Exclusion): void;
}

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

/** Calendar days kept as a histogram (whole days → respondents), so memory stays flat. */
export type DayHistogram = Map<number, number>;

/** One lead-time segment of one track. */
export interface LeadTimeTally {
  readonly days: DayHistogram;
  /** Respondents of the track with one of the two dates empty (or its column absent). */
  missing: number;
  /** Respondents of the track whose consent ended before the segment's last step (rule 2). */
  withdrawnConsent: number;
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
  /** Per track, per lead-time segment (survey.leadTimes order); empty without segments. */
  readonly leadTimes: Map<string, LeadTimeTally[]>;
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

/** judge()'s verdict as a small number: the index of the rule in exclusionRules, or these two. */
const COUNTED = -1;
const NOTHING = -2;

/** What a cell's value is to the rules: empty, the scale's n.v.t., or another category. */
const EMPTY = 0;
const NOT_APPLICABLE = 1;
const ANSWER = 2;

/** What the accumulator needs per rating column, looked up once rather than per row. */
interface ColumnPlan {
  readonly index: number;
  readonly column: string;
  readonly figureIndex: number;
  readonly figure: FigureDefinition;
  readonly bar: BarTally;
  readonly stepIndex: number;
  readonly stepId: string;
  readonly notApplicableKey: string;
  /** The index of n.v.t. among `keys` (the last). */
  readonly notApplicableIndex: number;
  /**
   * judge()'s verdict on every cell this column can hold, asked once: by track (survey.tracks
   * order), step usable or not, and EMPTY / NOT_APPLICABLE / ANSWER. Nothing else of a cell
   * reaches the rules, so the table gives what judge() would give each cell, at a lookup a cell.
   */
  readonly verdicts: Int8Array;
  /** Whether the column's figure counts the track, by track. */
  readonly covers: Uint8Array;
  /** The scale's category keys, n.v.t. last (ColumnRole.keys: what a row's answer indexes), and per key its count in the bar so far. */
  readonly keys: readonly string[];
  readonly counts: Float64Array;
  /** Answers left out of the bar, by rule (exclusionRules order). */
  readonly leftOut: Float64Array;
  missing: number;
}

function countOne(counts: Float64Array, index: number): void {
  counts[index] = (counts[index] ?? 0) + 1;
}

/** The largest mark counted in an array (MarkCounter); a larger one, or one with decimals, in a Map. */
const LARGEST_WHOLE_MARK = 100;

/**
 * Marks as they are counted: a whole mark (nearly every one) at its place in an array, any other
 * in a Map; a MarkHistogram when the tallies are read.
 */
class MarkCounter {
  private readonly whole = new Float64Array(LARGEST_WHOLE_MARK + 1);
  private readonly other: MarkHistogram = new Map();
  counted = 0;

  add(mark: number): void {
    this.counted++;
    if (Number.isInteger(mark) && mark >= 0 && mark <= LARGEST_WHOLE_MARK) countOne(this.whole, mark);
    else increment(this.other, mark);
  }

  /** Sets each mark's count in `histogram` (read again, the same). */
  into(histogram: MarkHistogram): MarkHistogram {
    this.whole.forEach((count, mark) => void (count > 0 && histogram.set(mark, count)));
    for (const [mark, count] of this.other) histogram.set(mark, count);
    return histogram;
  }
}

/**
 * Rows → tallies, one row at a time: counts are kept, rows are not, so memory stays flat
 * however long the file is.
 */
export class Accumulator {
  private readonly state: Tallies;
  private readonly plan: readonly ColumnPlan[];
  private readonly figureSteps: readonly number[];
  // Per row, per figure: did the respondent count, or was everything n.v.t. (reused across rows).
  private readonly counted: Uint8Array;
  private readonly notApplicable: Uint8Array;
  // The one cell judged at a time, refilled for each answer: no object per answer.
  private readonly cell: { -readonly [K in keyof Cell]: Cell[K] } = {
    row: { track: '', lastUsableStep: 0 },
    tracks: [],
    stepIndex: 0,
    value: null,
    notApplicableKey: null,
    showsNotApplicable: false,
  };

  constructor(
    private readonly survey: Survey,
    private readonly sink: ExclusionSink,
    private readonly listLimit: number,
  ) {
    this.state = {
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
      leadTimes: new Map(),
      withdrawn: [],
      withdrawnTotal: 0,
    };
    this.trackIds = survey.tracks.map((track) => track.id);
    this.plan = survey.ratingColumns.map((role, index) => {
      const figure = survey.figures[role.figureIndex] as FigureDefinition;
      const { keys } = role;
      return {
        index,
        column: role.column,
        figureIndex: role.figureIndex,
        figure,
        bar: this.state.figures[role.figureIndex]?.bars[role.barIndex] as BarTally,
        stepIndex: role.stepIndex,
        stepId: survey.steps[role.stepIndex]?.id ?? '',
        notApplicableKey: role.scale.notApplicable.key,
        notApplicableIndex: keys.length - 1,
        verdicts: this.verdictTable(figure, role.stepIndex, role.scale.notApplicable.key, keys),
        covers: Uint8Array.from(this.trackIds, (track) => (coversTrack(figure.tracks, track) ? 1 : 0)),
        keys,
        counts: new Float64Array(keys.length),
        leftOut: new Float64Array(exclusionRules.length),
        missing: 0,
      };
    });
    this.figureSteps = survey.figures.map((figure) => survey.stepIndex.get(figure.step) ?? 0);
    this.figureNByTrack = new Float64Array(survey.figures.length * this.trackIds.length);
    this.figureCovers = survey.figures.map((figure) => Uint8Array.from(this.trackIds, (track) => (coversTrack(figure.tracks, track) ? 1 : 0)));
    this.respondentsByTrack = new Float64Array(this.trackIds.length);
    this.marksByTrack = this.trackIds.map(() => new MarkCounter());
    this.counted = new Uint8Array(survey.figures.length);
    this.notApplicable = new Uint8Array(survey.figures.length);
    this.usableDates = new Uint8Array(survey.steps.length);
  }

  private readonly trackIds: readonly string[];
  /** Per figure, whether it counts the track, by track. */
  private readonly figureCovers: readonly Uint8Array[];
  /** Per figure, per track (survey.tracks order), the respondents it counts; copied into NByTrack when read. */
  private readonly figureNByTrack: Float64Array;
  /** Respondents and their counted marks by track (survey.tracks order), and all counted marks; copied into tallies when they are read. */
  private readonly respondentsByTrack: Float64Array;
  private readonly marksByTrack: readonly MarkCounter[];
  private readonly marks = new MarkCounter();
  /** Answers left out, by rule (exclusionRules order); copied into tallies when they are read. */
  private readonly leftOutByRule = new Float64Array(exclusionRules.length);

  /** judge() asked about one cell of each kind this column can hold (see ColumnPlan.verdicts). */
  private verdictTable(figure: FigureDefinition, stepIndex: number, notApplicableKey: string, keys: readonly string[]): Int8Array {
    const answer = keys.find((key) => key !== notApplicableKey) ?? '';
    const table = new Int8Array(this.trackIds.length * 6);
    this.trackIds.forEach((track, trackIndex) => {
      for (const usable of [0, 1]) {
        for (const [kind, value] of [[EMPTY, null], [NOT_APPLICABLE, notApplicableKey], [ANSWER, answer]] as const) {
          const verdict = judge({
            row: { track, lastUsableStep: usable === 1 ? stepIndex : stepIndex - 1 },
            tracks: figure.tracks,
            stepIndex,
            value,
            notApplicableKey,
            showsNotApplicable: figure.showNotApplicable,
          });
          table[trackIndex * 6 + usable * 3 + kind] = verdict === 'counted' ? COUNTED : verdict === null ? NOTHING : exclusionRules.indexOf(verdict);
        }
      }
    });
    return table;
  }

  /** The counts so far: the tallies, with what is counted in arrays per column copied into them. */
  get tallies(): Tallies {
    const { state } = this;
    const copy = <K>(map: Map<K, number>, key: K, count: number): void => void (count > 0 && map.set(key, count));
    this.trackIds.forEach((track, trackIndex) => {
      copy(state.respondentsByTrack, track, this.respondentsByTrack[trackIndex] ?? 0);
      const marks = this.marksByTrack[trackIndex] as MarkCounter;
      if (marks.counted > 0) {
        let histogram = state.marksByTrack.get(track);
        if (histogram === undefined) state.marksByTrack.set(track, (histogram = new Map()));
        marks.into(histogram);
      }
      const other = state.otherTracks.get(track);
      // A track reported apart counts the marks its respondents gave (the grade's rules decide).
      if (other !== undefined) marks.into(other.marks);
    });
    this.marks.into(state.marks);
    for (const column of this.plan) {
      column.keys.forEach((key, index) => copy(column.bar.counts, key, column.counts[index] ?? 0));
      exclusionRules.forEach((rule, index) => copy(column.bar.leftOut, rule, column.leftOut[index] ?? 0));
      column.bar.missing = column.missing;
    }
    exclusionRules.forEach((rule, index) => copy(state.exclusionsByRule, rule, this.leftOutByRule[index] ?? 0));
    state.figures.forEach((figure, figureIndex) =>
      this.trackIds.forEach((track, trackIndex) => copy(figure.NByTrack, track, this.figureNByTrack[figureIndex * this.trackIds.length + trackIndex] ?? 0)),
    );
    return state;
  }

  /** state.leadTimes by track (survey.tracks order), once the track is seen. */
  private readonly leadTimesByTrack: (LeadTimeTally[] | undefined)[] = [];
  // Per row, per step: is its date there and usable (reused across rows).
  private readonly usableDates: Uint8Array;

  /**
   * The row's dates → lead times of its track. A date after the withdrawal step is left out
   * (rule 2) and listed; an empty date is not listed, as dates are optional (data contract).
   */
  private addLeadTimes(row: ResponseRow, trackIndex: number): void {
    const { survey, cell, usableDates } = this;
    usableDates.fill(0);
    const { dates } = row;
    let judging = false;
    for (let stepIndex = 0; stepIndex < dates.length; stepIndex++) {
      const day = dates[stepIndex] ?? null;
      if (day === null) continue;
      if (!judging) {
        judging = true;
        cell.row = row;
        // Every track has lead times of its own (the main track's in the tables, the others
        // apart): rule 1 decides where a date is shown, never whether it is used.
        cell.tracks = this.trackIds;
        cell.notApplicableKey = null;
        cell.showsNotApplicable = false;
      }
      cell.stepIndex = stepIndex;
      cell.value = day;
      const verdict = judge(cell);
      if (verdict === 'counted') usableDates[stepIndex] = 1;
      else if (verdict !== null) {
        this.exclude(row, survey.dateColumns[stepIndex] ?? '', survey.steps[stepIndex]?.id ?? '', verdict, row.dateLines?.[stepIndex]);
      }
    }
    let tallies = this.leadTimesByTrack[trackIndex];
    if (tallies === undefined) {
      tallies = survey.leadTimes.map(() => ({ days: new Map(), missing: 0, withdrawnConsent: 0 }));
      this.leadTimesByTrack[trackIndex] = tallies;
      this.state.leadTimes.set(row.track, tallies);
    }
    const segments = survey.leadTimes;
    for (let index = 0; index < segments.length; index++) {
      const role = segments[index] as (typeof segments)[number];
      const tally = tallies[index] as LeadTimeTally;
      if (!stepUsable(row, role.toStep)) tally.withdrawnConsent++;
      else if (usableDates[role.fromStep] === 1 && usableDates[role.toStep] === 1) {
        increment(tally.days, (dates[role.toStep] as number) - (dates[role.fromStep] as number));
      } else tally.missing++;
    }
  }

  add(row: ResponseRow): void {
    const { survey, state: tallies, counted, notApplicable } = this;
    tallies.respondents++;
    const trackIndex = this.trackIds.indexOf(row.track);
    countOne(this.respondentsByTrack, trackIndex);
    if (row.withdrawn) {
      tallies.withdrawnTotal++;
      if (tallies.withdrawn.length < this.listLimit) {
        tallies.withdrawn.push({ respondent: detach(row.respondent), withdrawnAfter: survey.steps[row.lastUsableStep]?.id ?? '' });
      }
    }
    const other = row.track === survey.definition.mainTrack ? undefined : this.otherTrack(row.track);
    if (other !== undefined) other.respondents++;

    counted.fill(0);
    notApplicable.fill(0);
    for (const column of this.plan) {
      const value = row.ratings[column.index] as number;
      const usable = column.stepIndex <= row.lastUsableStep ? 3 : 0;
      const kind = value === NO_ANSWER ? EMPTY : value === column.notApplicableIndex ? NOT_APPLICABLE : ANSWER;
      const verdict = column.verdicts[trackIndex * 6 + usable + kind] as number;
      if (verdict === COUNTED) {
        countOne(column.counts, value);
        counted[column.figureIndex] = 1;
        continue;
      }
      // A respondent whose track the figure does not count (the youth): the answers of usable
      // steps go to the track's own summary, empty cells there as missing.
      const forOtherTrack = other !== undefined && column.covers[trackIndex] === 0 && usable !== 0;
      if (verdict === NOTHING) {
        if (forOtherTrack) this.otherBar(other, column.index).missing++;
        continue;
      }
      const rule = exclusionRules[verdict] as ExclusionRule;
      if (rule === 'missing') column.missing++;
      if (rule === 'not-applicable') {
        // Kept in counts.nvt, outside n: the footnote and the JSON say how many were left out.
        countOne(column.counts, value);
        notApplicable[column.figureIndex] = 1;
      }
      countOne(column.leftOut, verdict);
      this.exclude(row, column.column, column.stepId, rule, row.answerLines?.[column.index]);
      if (forOtherTrack) increment(this.otherBar(other, column.index).counts, column.keys[value] as string);
    }
    for (let figureIndex = 0; figureIndex < tallies.figures.length; figureIndex++) {
      const tally = tallies.figures[figureIndex] as FigureTally;
      if (this.figureCovers[figureIndex]?.[trackIndex] !== 1) continue;
      if (counted[figureIndex] === 1) {
        tally.N++;
        countOne(this.figureNByTrack, figureIndex * this.trackIds.length + trackIndex);
      } else if (!stepUsable(row, this.figureSteps[figureIndex] ?? 0)) {
        tally.withdrawnConsent++;
      } else if (notApplicable[figureIndex] === 1) {
        tally.onlyNotApplicable++;
      } else {
        tally.noAnswer++;
      }
    }

    const { cell } = this;
    cell.row = row;
    const { grade } = survey.definition;
    cell.tracks = grade.tracks;
    cell.stepIndex = survey.gradeStepIndex;
    cell.value = row.grade;
    cell.notApplicableKey = null;
    cell.showsNotApplicable = false;
    const verdict = judge(cell);
    if (verdict === 'counted' && row.grade !== null) {
      this.marks.add(row.grade);
      (this.marksByTrack[trackIndex] as MarkCounter).add(row.grade);
    } else if (verdict !== null && verdict !== 'counted') {
      this.exclude(row, grade.column, grade.step, verdict, row.answerLines?.[this.plan.length]);
    }
    // The date columns come after the mark, in a template and so in the exclusions' order.
    if (survey.leadTimes.length > 0) this.addLeadTimes(row, trackIndex);
  }

  private otherBar(other: TrackTally, columnIndex: number): BarTally {
    let bar = other.bars.get(columnIndex);
    if (bar === undefined) {
      bar = newBar();
      other.bars.set(columnIndex, bar);
    }
    return bar;
  }

  private otherTrack(track: string): TrackTally {
    let tally = this.state.otherTracks.get(track);
    if (tally === undefined) {
      tally = { respondents: 0, bars: new Map(), marks: new Map() };
      this.state.otherTracks.set(track, tally);
    }
    return tally;
  }

  private exclude(row: ResponseRow, column: string, step: string, rule: ExclusionRule, line = row.line): void {
    countOne(this.leftOutByRule, exclusionRules.indexOf(rule));
    if (this.sink.wanted()) this.sink.add({ respondent: row.respondent, line, column, step, rule });
  }

  /** Exclusions kept past this row must not hold on to the row's text (see detach). */
  static keep(exclusion: Exclusion): Exclusion {
    return { ...exclusion, respondent: detach(exclusion.respondent) };
  }
}
