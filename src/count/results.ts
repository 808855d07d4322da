import type { ExclusionRule } from '../contract.js';
import type { FormatInfo } from '../input/detect.js';
import type { InputInfo } from '../input/records.js';
import type { RespondentFingerprint } from './fingerprint.js';

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
  readonly survey: {
    readonly name: string;
    readonly language: string;
    /** SHA-256 of the definition as written: `cj merge` adds results of one definition only. */
    readonly definitionSha256?: string;
  };
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
  /** Per figure whose scale declares satisfied categories: the share satisfied per bar, with intervals. */
  readonly satisfaction?: readonly SatisfactionResult[];
  /** With populations in the definition: the response rate and margin of error of the whole. */
  readonly population?: PopulationResult;
  /** Each by-column (`--by`, a figure's `by`): its groups side by side with the tests between them. */
  readonly breakdowns?: readonly BreakdownResult[];
  /** A sketch of the respondent set (never the codes): `cj merge` refuses results that share respondents. */
  readonly fingerprint?: RespondentFingerprint;
  /** Results added up by `cj merge`: the results.json files, in the order given. */
  readonly mergedFrom?: readonly { readonly file: string; readonly sha256: string; readonly respondents: number }[];
}

export interface SatisfiedBar {
  readonly label: string;
  readonly column: string;
  /** Answers in the satisfied categories. */
  readonly satisfied: number;
  /** Answers with an opinion: the scale's categories, n.v.t. never. */
  readonly n: number;
  /** satisfied / n with its 95% Wilson interval; null when n is 0. */
  readonly share: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** 95% margin of error at the observed share with the finite population correction; null without a population. */
  readonly marginOfError: number | null;
}

export interface SatisfactionResult {
  readonly figureId: string;
  /** The categories counted as satisfied. */
  readonly categories: readonly string[];
  readonly bars: readonly SatisfiedBar[];
  /** The lowest and highest share of the bars with answers, and the lowest and highest interval bound. */
  readonly range: { readonly low: number; readonly high: number; readonly lower: number; readonly upper: number } | null;
}

export interface PopulationShare {
  /** People invited or in the register. */
  readonly size: number;
  readonly respondents: number;
  readonly responseRate: number;
  /** 95% margin of error at a share of 50%, with the finite population correction. */
  readonly marginOfError: number;
  /** Whether the margin is wider than the definition allows for a statement of its own. */
  readonly tooSmall: boolean;
  /** Respondents a margin of maxMarginOfError takes. */
  readonly needed: number;
}

export interface PopulationResult extends PopulationShare {
  readonly kind: 'invited' | 'register';
  readonly maxMarginOfError: number;
  /** Last year's response rate and the change, from a results.json of last year or the definition. */
  readonly previous: {
    readonly responseRate: number;
    readonly source: string;
    /** This year minus last, with its Newcombe interval; null when last year's counts are not known. */
    readonly difference: { readonly points: number; readonly lower: number; readonly upper: number } | null;
  } | null;
}

export interface GroupResult {
  readonly key: string;
  readonly label: string;
  readonly respondents: number;
  /** The figures the breakdown splits, as the whole's. */
  readonly figures: readonly FigureResult[];
  readonly grade: GradeSummary;
  readonly satisfaction: readonly SatisfactionResult[];
  readonly population: PopulationShare | null;
}

export interface GroupDifference {
  readonly figureId: string;
  readonly column: string;
  readonly label: string;
  /** The groups × categories table's exact test; null when fewer than two groups or categories have answers. */
  readonly test: {
    readonly test: 'fisher-freeman-halton';
    readonly method: string;
    readonly tables: number;
    readonly standardError: number | null;
    readonly p: number;
    readonly pAdjusted: number;
  } | null;
}

export interface BreakdownResult {
  readonly column: string;
  readonly label: string;
  readonly plural: string;
  readonly figures: readonly string[];
  readonly groups: readonly GroupResult[];
  readonly differences: {
    readonly alpha: number;
    readonly seed: number;
    readonly tested: number;
    readonly bars: readonly GroupDifference[];
    /** Bars whose Holm-adjusted p is below alpha. */
    readonly differing: readonly string[];
    /** The sentence a report prints, from the tests above. */
    readonly sentence: string;
  };
  /**
   * Counts of the published breakdown below --min-cell and those that would reveal them by
   * subtraction. Listed always; masked in the figures, page and CSV with --suppress (`masked`).
   */
  readonly disclosure: { readonly minCell: number; readonly masked: boolean; readonly cells: readonly MaskedCell[] };
}

/** A count of a breakdown masked before publication, and why. */
export interface MaskedCell {
  readonly figureId: string;
  readonly column: string;
  readonly group: string;
  readonly category: string;
  /** `small`: below --min-cell; `secondary`: would give a small one back by subtraction. */
  readonly reason: 'small' | 'secondary';
}
