/**
 * A survey definition: everything the pipeline knows about one study. The Haarlem 2016 study is
 * one such object (haarlem-2016.json); the code reads definitions, never the study itself.
 */

/** One category of a scale, in the order the figure draws it. */
export interface CategoryDefinition {
  /** Key used in counts and JSON, e.g. `negatief`, `eens`. */
  readonly key: string;
  /** Legend label, e.g. `Negatief`, `(helemaal) mee eens`. */
  readonly label: string;
  /** Fill colour of the segment in figures. */
  readonly color: string;
}

export interface ScaleDefinition {
  readonly id: string;
  /** The answer categories in drawing order, n.v.t. excluded. */
  readonly categories: readonly CategoryDefinition[];
  /** The n.v.t. category (key, label, colour): counted only in figures that show it. */
  readonly notApplicable: CategoryDefinition;
  /** Accepted spellings (compared lower-cased, trimmed, inner spaces collapsed) → category key. */
  readonly spellings: Readonly<Record<string, string>>;
  /**
   * The top categories that count as satisfied ("tevreden": `positief`, or `eens` and
   * `helemaal_eens`): the share of these among the answers with an opinion (n.v.t. apart) is the
   * satisfaction a report quotes. Without it, no share is computed for the scale.
   */
  readonly satisfied?: readonly string[];
}

export interface TrackDefinition {
  readonly id: string;
  readonly label: string;
  /** Other spellings accepted in the `track` column. */
  readonly aliases: readonly string[];
}

export interface StepDefinition {
  readonly id: string;
  readonly label: string;
}

export interface BarDefinition {
  /** The rating column this bar counts. */
  readonly column: string;
  /** The bar label as printed in the report: short, for tables and the terminal. */
  readonly label: string;
  /**
   * The full statement or question as the respondent read it (`De medewerker leefde zich in mij
   * in`), drawn on the bar, wrapped, where the short label says too little (`inleven`).
   */
  readonly text?: string;
  /** Other names of the column, as a platform export writes them (`Loket uitleg`). */
  readonly aliases?: readonly string[];
  /** Whether a response file may lack the column; a missing column is an error unless so. */
  readonly optional?: boolean;
}

/**
 * A footnote sentence, written only when its cause occurred in the figure.
 * Placeholders: `{n}` the count in words ("één"), `{n|singular|plural}` a word by count,
 * `{N}` the count in digits.
 */
export interface FootnotePart {
  readonly when: 'withdrawn' | 'notApplicable' | 'otherTrack';
  readonly text: string;
  /** How this part joins the one before it (default: "and" in the output language). */
  readonly joiner?: string;
}

export interface FigureDefinition {
  readonly id: string;
  /** Caption template: `{N}` the figure's N, `{*}` an asterisk when a footnote is printed. */
  readonly caption: string;
  /** The step whose answers the figure shows, for the consent rule. */
  readonly step: string;
  readonly scale: string;
  /** Whether n.v.t. is a category of its own, counted in N (DATA-CONTRACT rule 3). */
  readonly showNotApplicable: boolean;
  /** Which tracks the figure counts (DATA-CONTRACT rule 1). */
  readonly tracks: readonly string[];
  readonly bars: readonly BarDefinition[];
  readonly footnote: readonly FootnotePart[];
  /** Closing punctuation after the footnote's last part, e.g. `"."`. */
  readonly footnoteEnd?: string;
  /** A background column (see `background`) or rating column whose values split this figure into groups. */
  readonly by?: string;
}

export interface GradeDefinition {
  readonly column: string;
  readonly step: string;
  readonly min: number;
  readonly max: number;
  readonly tracks: readonly string[];
  /** Decimals shown in the display ("6,1"). */
  readonly decimals: number;
  /** Other names of the grade's column, as a platform export writes them. */
  readonly aliases?: readonly string[];
  /** Whether a response file may lack the grade's column; a missing column is an error unless so. */
  readonly optional?: boolean;
}

/** Other names of the fixed columns, besides the ones cj knows (src/contract.ts). */
export interface ColumnAliases {
  readonly respondent?: readonly string[];
  readonly track?: readonly string[];
  readonly withdrawn_after?: readonly string[];
}

/**
 * A lead time: the calendar days from one step's date to a later step's date (`<step>_datum`),
 * e.g. reporting at the Werkplein → the decision, against a legal term.
 */
export interface LeadTimeDefinition {
  readonly id: string;
  readonly label: string;
  /** The step whose date starts the count. */
  readonly from: string;
  /** A later step, whose date ends it. */
  readonly to: string;
  /** The legal term in calendar days (the Participatiewet's 8 weeks: 56); none when the law sets none. */
  readonly legalTermDays?: number;
}

/** One value of a background column: its key in results, its label, other spellings in a file. */
export interface BackgroundValue {
  readonly key: string;
  readonly label: string;
  readonly spellings?: readonly string[];
}

/**
 * A column that describes the respondent rather than rating a step (municipality, target group,
 * age band): figures can be split by it (`by`, `--by`). Declared values fix the groups' order
 * and labels, and a value outside them is a fault; without `values` each value is its own group.
 */
export interface BackgroundDefinition {
  readonly column: string;
  /** What one group is, as a heading: `Doelgroep`. */
  readonly label: string;
  /** The groups together, as a sentence names them: `de doelgroepen`. */
  readonly plural: string;
  readonly aliases?: readonly string[];
  readonly values?: readonly BackgroundValue[];
}

/**
 * How many people could have answered, per combination of background values (a stratum): the
 * people invited or in the register. Groups of one column add their strata up.
 */
export interface PopulationDefinition {
  readonly kind: 'invited' | 'register';
  readonly strata: readonly {
    /** Background column → value key, e.g. `{ "gemeente": "haarlem", "doelgroep": "bijstand_minima" }`. */
    readonly groups: Readonly<Record<string, string>>;
    readonly size: number;
  }[];
  /** Last year's response rate of the whole (0–1), when no results.json of last year is at hand. */
  readonly previousResponseRate?: number;
  /** The widest margin of error (95%, at a share of 50%) a group may have for a statement of its own; default 0.10. */
  readonly maxMarginOfError?: number;
}

export interface SurveyDefinition {
  /** Where editors find the JSON Schema, e.g. `./survey.schema.json`; not read by cj. */
  readonly $schema?: string;
  readonly name: string;
  readonly language: string;
  readonly tracks: readonly TrackDefinition[];
  /** The track whose journey figures 1–7 describe; other tracks get a summary of their own. */
  readonly mainTrack: string;
  readonly steps: readonly StepDefinition[];
  readonly scales: readonly ScaleDefinition[];
  readonly figures: readonly FigureDefinition[];
  readonly grade: GradeDefinition;
  /** Columns with dates: `<step>_datum`. */
  readonly dateSuffix: string;
  /** Lead times computed from the date columns, in the order reports show them. */
  readonly leadTimes?: readonly LeadTimeDefinition[];
  /**
   * Guesses still to confirm, by JSON path, as `cj init --from` drafts them: cj refuses to use a
   * definition while this list has an entry; delete each once the guess is checked.
   */
  readonly todo?: readonly string[];
  /** Other names of the fixed columns in this study's exports (`Respondent ID`). */
  readonly columnAliases?: ColumnAliases;
  /**
   * Texts in other languages, by language and then by the text as written in `language`:
   * `{ "en": { "Negatief": "Negative" } }`. Captions, labels and footnotes are looked up here
   * for `--lang`; a text without a translation stays as written, with a notice.
   */
  readonly translations?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Columns describing the respondent that figures can be split by. */
  readonly background?: readonly BackgroundDefinition[];
  /** Population sizes per stratum of background values: response rates and finite-population margins. */
  readonly population?: PopulationDefinition;
}
