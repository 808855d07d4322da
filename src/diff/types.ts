/**
 * The result of `cj diff`: what `--format json` prints and `out/diff.json` holds. Every change is
 * cohort b minus cohort a; shares are proportions (0–1), changes in percentage points.
 */
import type { ContingencyMethod } from '../stats/index.js';
import type { CohortCategory } from './cohort.js';

/** Bump when a field changes meaning or disappears; adding a field keeps the version. */
export const DIFF_SCHEMA_VERSION = 2;

export interface DiffInput {
  /** How the figures and sentences name this cohort: the file's base name without extension. */
  readonly label: string;
  /** The file as given on the command line (its base name when given as an absolute path). */
  readonly file: string;
  readonly kind: 'csv' | 'results';
  /** SHA-256 of the bytes of the file given. */
  readonly sha256: string;
  readonly bytes: number;
  readonly survey: string;
  readonly respondents: number;
  /** For a results.json: the response file it was counted from and the cj that counted it. */
  readonly countedFrom: { readonly file: string; readonly sha256: string; readonly cjVersion: string } | null;
  /** What `cj analyse` would have warned about this response file (none for a results.json). */
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

export interface CategoryChange {
  readonly key: string;
  readonly label: string;
  readonly a: { readonly count: number; readonly share: number };
  readonly b: { readonly count: number; readonly share: number };
  /** b minus a in percentage points, with the Newcombe hybrid score interval. */
  readonly change: { readonly points: number; readonly lower: number; readonly upper: number };
}

/** A p-value of the comparison with its Holm-adjusted value (within its family). */
export interface AdjustedP {
  readonly p: number;
  readonly pAdjusted: number;
}

export interface ContingencyTest extends AdjustedP {
  readonly test: 'fisher-freeman-halton';
  /** Which test ran: exact (network algorithm or enumeration) or a seeded Monte-Carlo estimate. */
  readonly method: ContingencyMethod;
  /** Tables with the observed margins (exact) or tables simulated (Monte-Carlo). */
  readonly tables: number;
  /** Standard error of a Monte-Carlo p; 0 for an exact p. */
  readonly standardError: number | null;
}

export interface OrdinalTest extends AdjustedP {
  readonly test: 'mann-whitney';
  /** Exact (dynamic program over the categories) or a seeded Monte-Carlo estimate; never a normal approximation. */
  readonly method: 'exact' | 'monte-carlo';
  /** Standard error of a Monte-Carlo p; 0 for an exact p. */
  readonly standardError: number;
  /** Splits drawn for a Monte-Carlo p; 0 for an exact p. */
  readonly draws: number;
  /** The category keys from worst to best, coded 1, 2, 3, …; n.v.t. left out. */
  readonly order: readonly string[];
  readonly na: number;
  readonly nb: number;
  /** Mann–Whitney U of b: pairs (a, b) with b's answer the better one, ties counted ½. */
  readonly Ub: number;
  /** Cliff's delta of b against a: P(b better) − P(a better); positive when b is better. */
  readonly cliffsDelta: number;
}

/**
 * The smallest change in the best category that the deciding test (Fisher–Freeman–Halton), at
 * the Holm-adjusted alpha it faces (alpha/m: a single real change among m tests), detects with
 * the stated power, found by a seeded simulation.
 */
export interface Detectable {
  readonly category: string;
  readonly label: string;
  /**
   * Smallest detectable rise in whole percentage points, as stated; null when not even a rise to
   * 100% would do. For a bar without a demonstrable change it is never below the rise observed.
   */
  readonly increasePoints: number | null;
  /** Smallest detectable fall, likewise. */
  readonly decreasePoints: number | null;
  /** What the simulation found, before the floor at the observed change. */
  readonly simulated: { readonly increasePoints: number | null; readonly decreasePoints: number | null };
  /** True when the stated value is the observed change because the simulated one was smaller. */
  readonly flooredAtObserved: boolean;
  readonly test: 'fisher-freeman-halton';
  /** The alpha the test faces: the Holm alpha of the first step, alpha/m. */
  readonly alpha: number;
  readonly power: number;
  readonly simulations: number;
}

/**
 * `changed`: the Holm-adjusted p is below alpha. `not-after-correction`: only the raw p is.
 * `no-evidence`: neither is; the data cannot tell a change from chance.
 */
export type Verdict = 'changed' | 'not-after-correction' | 'no-evidence';
/**
 * Bars: 'better' or 'worse' only when the bar changed and its Mann–Whitney test is below alpha
 * after Holm as well (the sign of Cliff's delta); 'none' otherwise, also when only the
 * distribution changed. Grade: the sign of the difference of means when it changed.
 */
export type Direction = 'better' | 'worse' | 'none';

export interface BarComparison {
  readonly figureId: string;
  readonly column: string;
  readonly label: string;
  readonly a: { readonly n: number };
  readonly b: { readonly n: number };
  readonly categories: readonly CategoryChange[];
  readonly contingency: ContingencyTest;
  /** Null when a cohort gave only n.v.t. on this bar. */
  readonly ordinal: OrdinalTest | null;
  readonly detectable: Detectable;
  readonly verdict: Verdict;
  readonly direction: Direction;
  /** The test whose Holm-adjusted p decides `verdict`: the table test, in the family --fail-on-change acts on. */
  readonly decidedBy: 'fisher-freeman-halton';
  /** The test behind `direction`: Mann–Whitney when the bar changed and it is below alpha after Holm too; else null. */
  readonly directionBy: 'mann-whitney' | null;
  /**
   * True when the Mann–Whitney test is below alpha after Holm but the table test does not show a
   * change: the words say that it does not decide, and why.
   */
  readonly ordinalAloneSignificant: boolean;
}

export interface FigureComparison {
  readonly id: string;
  readonly titleA: string;
  readonly titleB: string;
  /** The figure's N in each cohort, as its title prints it. */
  readonly N: { readonly a: number; readonly b: number };
  readonly categories: readonly CohortCategory[];
  readonly bars: readonly BarComparison[];
}

export interface GradeSide {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); null for a single mark. */
  readonly sd: number | null;
}

export interface GradeComparison extends AdjustedP {
  readonly column: string;
  readonly a: GradeSide;
  readonly b: GradeSide;
  /** mean(b) − mean(a), in marks. */
  readonly difference: number;
  /** Welch's t test and interval; null when a cohort has fewer than two marks or both are constant. */
  readonly welch: { readonly df: number; readonly t: number; readonly p: number; readonly lower: number; readonly upper: number } | null;
  /** Exact permutation test of the means; `skipped` says why it did not run. */
  readonly permutation: { readonly p: number } | { readonly skipped: 'marks-not-half-steps' | 'too-large' };
  readonly hedgesG: number | null;
  /** The test behind `p` and `pAdjusted`: the permutation test, or Welch's when it was skipped. */
  readonly test: 'permutation' | 'welch';
  readonly verdict: Verdict;
  readonly direction: Direction;
}

/** Why a figure or bar of one cohort has no partner in the other. */
export type BarNotComparedReason =
  | 'figure-only-in-a'
  | 'figure-only-in-b'
  | 'categories-differ'
  | 'bar-only-in-a'
  | 'bar-only-in-b'
  | 'column-absent-in-a'
  | 'column-absent-in-b'
  | 'no-answers-in-a'
  | 'no-answers-in-b';

export type NotComparedReason = BarNotComparedReason | 'grade-column-differs' | 'grade-not-tested';

export interface NotCompared {
  readonly figureId: string | null;
  readonly column: string | null;
  readonly reason: NotComparedReason;
  readonly text: string;
}

export interface VerdictLine {
  /** Null for the grade. */
  readonly figureId: string | null;
  readonly column: string | null;
  readonly verdict: Verdict;
  readonly direction: Direction;
  readonly text: string;
}

/** One lead-time segment of both cohorts' main track, in calendar days. */
export interface LeadTimeComparison {
  readonly id: string;
  readonly label: string;
  readonly a: { readonly n: number; readonly median: number };
  readonly b: { readonly n: number; readonly median: number };
  /** median(b) − median(a) with its exact bootstrap percentile interval; null when too large to enumerate. */
  readonly medianDifference: { readonly difference: number; readonly lower: number; readonly upper: number } | null;
  /** Of the day counts; U and W of cohort a. */
  readonly mannWhitney: AdjustedP & {
    readonly U: number;
    readonly W: number;
    /** Exact (dynamic program over the distinct days) or a seeded Monte-Carlo estimate with its standard error. */
    readonly method: 'exact' | 'monte-carlo';
    readonly standardError: number;
    readonly draws: number;
  };
  readonly verdict: Verdict;
  /** `better` when b's median is fewer days. */
  readonly direction: Direction;
}

export interface DiffResult {
  readonly schemaVersion: typeof DIFF_SCHEMA_VERSION;
  readonly cj: { readonly version: string };
  readonly a: DiffInput;
  readonly b: DiffInput;
  readonly alpha: number;
  readonly confidence: number;
  readonly power: number;
  /** What each number is, in words a program can also match: the tests and their definitions. */
  readonly tests: {
    readonly change: string;
    readonly contingency: string;
    readonly ordinal: string;
    readonly grade: string;
    readonly multiplicity: {
      readonly method: 'holm';
      readonly families: {
        readonly change: { readonly tests: string; readonly m: number; readonly usedByFailOnChange: true };
        readonly ordinal: { readonly tests: string; readonly m: number; readonly usedByFailOnChange: false };
      };
    };
    readonly detectable: string;
    readonly leadTimes: string;
    readonly monteCarlo: {
      readonly seed: number;
      /** Simulated pairs of cohorts per change tried for the detectable change. */
      readonly simulations: number;
      readonly replicates: number;
      readonly maxReplicates: number;
      readonly targetStandardError: number;
    };
  };
  readonly figures: readonly FigureComparison[];
  readonly grade: GradeComparison | null;
  /** Segments both cohorts have, with respondents on both sides; empty without dates. */
  readonly leadTimes: readonly LeadTimeComparison[];
  readonly notCompared: readonly NotCompared[];
  /** Things a reader must know before trusting the comparison (different surveys, …). */
  readonly notes: readonly string[];
  readonly verdicts: readonly VerdictLine[];
  readonly summary: {
    readonly barsCompared: number;
    readonly barsChanged: number;
    /** Whether a Holm-adjusted p of the change family is below alpha: what --fail-on-change tests. */
    readonly changed: boolean;
  };
}
