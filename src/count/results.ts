import type { ExclusionRule } from '../contract.js';
import type { FormatInfo } from '../input/detect.js';
import type { InputInfo } from '../input/records.js';

/** Bump when a field changes meaning or disappears; adding a field keeps the version. */
export const SCHEMA_VERSION = 1;

export interface CategoryResult {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface BarResult {
  readonly label: string;
  /** The full statement from the definition, where it gives one: what the figure draws on the bar. */
  readonly text?: string;
  readonly column: string;
  /** Counted answers: the categories shown (n.v.t. only where the figure shows it). */
  readonly n: number;
  /** Empty cells of respondents the bar covers. */
  readonly missing: number;
  /**
   * Every category of the scale in its order, then `nvt`. Where the figure does not show n.v.t.,
   * `counts.nvt` is the number of n.v.t. answers left out of `n`.
   */
  readonly counts: Readonly<Record<string, number>>;
  /** Whole percentages of `n` per shown category, adding up to 100 (largest remainder). */
  readonly percentages: Readonly<Record<string, number>>;
  /** Answers in the file left out of this bar, per rule. */
  readonly leftOut: Readonly<Partial<Record<ExclusionRule, number>>>;
}

export interface FigureResult {
  readonly id: string;
  /** The caption with N filled in, as the report prints it. */
  readonly title: string;
  readonly N: number;
  readonly footnote: string | null;
  readonly scale: string;
  readonly showNotApplicable: boolean;
  /** The categories a reader sees, in drawing order (n.v.t. last where shown). */
  readonly categories: readonly CategoryResult[];
  readonly bars: readonly BarResult[];
  /** Respondents of this figure's tracks left out whole, per reason. */
  readonly respondentsLeftOut: {
    readonly withdrawnConsent: number;
    readonly onlyNotApplicable: number;
    readonly noAnswer: number;
  };
  /** Counted respondents per track. */
  readonly NByTrack: Readonly<Record<string, number>>;
}

export interface GradeSummary {
  readonly n: number;
  readonly mean: number | null;
  /** The mean with the report's decimal comma, e.g. "6,1". */
  readonly display: string | null;
  readonly median: number | null;
  /** Sample standard deviation (n − 1). */
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Marks and how often each was given, ascending. */
  readonly distribution: readonly { readonly mark: number; readonly count: number }[];
}

export interface GradeResult extends GradeSummary {
  readonly column: string;
  readonly tracks: readonly string[];
  readonly byTrack: Readonly<Record<string, GradeSummary>>;
}

/** A track reported apart (the youth): its answers on the steps it shares, and its marks. */
export interface TrackSummary {
  readonly track: string;
  readonly label: string;
  readonly respondents: number;
  readonly bars: readonly {
    readonly figureId: string;
    readonly label: string;
    readonly column: string;
    readonly n: number;
    readonly missing: number;
    readonly counts: Readonly<Record<string, number>>;
    /** The scale's categories, n.v.t. last: a track reported apart shows every answer. */
    readonly categories: readonly CategoryResult[];
  }[];
  readonly grade: GradeSummary;
}

/** One lead-time segment of one track, in calendar days (a date's day minus the other's). */
export interface LeadTimeResult {
  readonly id: string;
  readonly label: string;
  /** The steps whose dates start and end it, and their labels. */
  readonly from: string;
  readonly to: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly legalTermDays: number | null;
  /** Respondents with both dates usable. */
  readonly n: number;
  /** Respondents of the track with one of the two dates empty. */
  readonly missing: number;
  /** Respondents of the track whose consent ended before the segment's last step. */
  readonly withdrawnConsent: number;
  readonly mean: number | null;
  readonly median: number | null;
  /** The 90th percentile by R's default definition, quantile(type = 7). */
  readonly p90: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /**
   * Respondents whose lead time is at most the legal term, their share of n and its 95% Wilson
   * interval; null without a term or without respondents.
   */
  readonly withinTerm: { readonly count: number; readonly share: number; readonly lower: number; readonly upper: number } | null;
  /** Whole days and how many respondents took them, ascending. */
  readonly distribution: readonly { readonly days: number; readonly count: number }[];
}

export interface LeadTimesResult {
  /** Calendar days, weekends and holidays included, as the legal term counts them. */
  readonly unit: 'calendar days';
  /** How p90 is defined. */
  readonly percentile: 'R quantile type 7';
  /** The track the segments describe (the main track, as Figures 1–7), and its label. */
  readonly track: string;
  readonly trackLabel: string;
  readonly segments: readonly LeadTimeResult[];
  /** The other tracks with respondents (the youth), reported apart as their ratings are. */
  readonly byTrack: Readonly<Record<string, { readonly label: string; readonly segments: readonly LeadTimeResult[] }>>;
}

export interface Exclusion {
  readonly respondent: string;
  readonly line: number;
  readonly column: string;
  readonly step: string;
  readonly rule: ExclusionRule;
}

export interface Warning {
  readonly code: string;
  readonly message: string;
}

export interface Results {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly cj: { readonly version: string };
  readonly survey: { readonly name: string; readonly language: string };
  readonly input: Readonly<InputInfo> & Readonly<FormatInfo> & {
    readonly respondents: number;
    readonly respondentsByTrack: Readonly<Record<string, number>>;
    /** Respondents who withdrew consent (the first 10 000; `withdrawnTotal` counts them all). */
    readonly withdrawn: readonly { readonly respondent: string; readonly withdrawnAfter: string }[];
    readonly withdrawnTotal: number;
    /** `wide`: a row per respondent; `long`: a row per answer. */
    readonly shape: 'wide' | 'long';
    readonly columnsIgnored: readonly string[];
    readonly columnsAbsent: readonly string[];
    readonly allowedColumns: readonly string[];
  };
  readonly figures: readonly FigureResult[];
  readonly grade: GradeResult;
  readonly youth: readonly TrackSummary[];
  /** Present when the definition has lead-time segments and the file has date columns. */
  readonly leadTimes?: LeadTimesResult;
  readonly exclusions: readonly Exclusion[];
  readonly exclusionSummary: {
    readonly total: number;
    readonly byRule: Readonly<Partial<Record<ExclusionRule, number>>>;
    /** Entries in `exclusions`; the full list is in exclusions.csv when this is less than total. */
    readonly listed: number;
  };
  readonly warnings: readonly Warning[];
}
