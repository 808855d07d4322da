/**
 * The data contract's own names and types (docs/data-contract.md): the columns every response
 * file has, the checked row the rules read, the rules that leave answers out, the kinds of
 * personal data refused. Every stage imports them from here and from nowhere else, so the
 * stages depend on the contract, not on each other.
 */

/** The columns every response file has, whatever the survey ("Columns"). */
export const fixedColumns = { respondent: 'respondent', track: 'track', withdrawnAfter: 'withdrawn_after' } as const;

/**
 * Other names of the fixed columns, as Dutch exports write them; a definition may add its own
 * (`columnAliases`). Matched as columnKey() compares names.
 */
export const fixedColumnAliases: Readonly<Record<keyof typeof fixedColumns, readonly string[]>> = {
  respondent: ['respondentnummer', 'respondent_nr'],
  track: ['traject'],
  withdrawnAfter: ['ingetrokken_na'],
};

/**
 * A column name as header matching compares it: trimmed, lower case, each space or underscore
 * the same (`Loket uitleg` is `loket_uitleg`), since exports and spreadsheets differ in these.
 * @example columnKey(' Loket Uitleg ') // 'loket_uitleg'
 */
export function columnKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]/gu, '_');
}

/** The columns of a long-shaped file besides the fixed ones: one row per answer. */
export const longColumns = { column: 'column', value: 'value' } as const;

/** ResponseRow.ratings of an empty cell. */
export const NO_ANSWER = -1;

/** One respondent, checked and normalised: what the rules and counts read. */
export interface ResponseRow {
  readonly line: number;
  readonly respondent: string;
  readonly track: string;
  /** Index of the last step whose answers may be used; the last step when consent holds. */
  readonly lastUsableStep: number;
  /** Whether `withdrawn_after` was filled in. */
  readonly withdrawn: boolean;
  /**
   * Per survey rating column (survey.ratingColumns order), its answer as the index of the
   * category among the column's keys (ColumnRole.keys: the scale's categories, n.v.t. last);
   * NO_ANSWER for an empty cell.
   */
  readonly ratings: readonly number[];
  readonly grade: number | null;
  /**
   * Per step (survey.steps order) its date as a day number (days since 1970-01-01, so two
   * subtract to calendar days); null for an empty cell or a column the file lacks. Checked:
   * never before an earlier step's date.
   */
  readonly dates: readonly (number | null)[];
  /**
   * Long-shaped input only: the line of each rating's answer (ratings order), then of the mark.
   * Exclusions name the line the answer is on; in a wide file that is always `line`.
   */
  readonly answerLines?: readonly number[];
  /** Long-shaped input only: the line of each step's date (steps order). */
  readonly dateLines?: readonly number[];
}

/** Why an answer was left out ("Rules the analysis applies"). */
export type ExclusionRule = 'other-track' | 'withdrawn-consent' | 'not-applicable' | 'missing';

/** What a cell or a column name was refused as ("Personal data"). */
export type PersonalDataKind = 'bsn' | 'email' | 'phone' | 'postcode-house-number' | 'iban';
