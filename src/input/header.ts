import { columnKey, fixedColumns } from '../contract.js';
import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';
import type { Survey } from '../survey/load.js';
import { findPersonalData, personalDataColumn } from './personal-data.js';
import { lookAlike } from './look-alike.js';
import { inputLabel } from './quote-input.js';

/** Which field of a record holds what: the header, matched once. */
export interface ColumnMap {
  /** Column names as the header spells them, for messages: cut, controls escaped, `#n` when empty or personal. */
  readonly names: readonly string[];
  readonly respondent: number;
  readonly track: number;
  /** -1 when the file has no such column. */
  readonly withdrawnAfter: number;
  /** Field index per rating column of the survey (same order as survey.ratingColumns), -1 if absent. */
  readonly ratings: readonly number[];
  readonly grade: number;
  readonly dates: readonly { readonly index: number; readonly stepIndex: number }[];
  /** Columns the survey does not know: passed over, but checked for personal data. */
  readonly unknown: readonly { readonly index: number; readonly name: string; readonly key: string }[];
  /** Rating columns the survey defines that the file lacks (each one marked optional). */
  readonly absent: readonly string[];
}

/** A header's cells checked for personal data: a label per cell, faults, and the name keys. */
export interface CheckedHeader {
  /** What messages, locations and results call each column (see inputLabel). */
  readonly labels: readonly string[];
  /** Trimmed lower-case name per cell: what columns are matched by; '' for a refused cell. */
  readonly keys: readonly string[];
}

/**
 * Checks every header cell before anything may quote it (`known` holds names as columnKey()
 * writes them): a cell that holds personal data (an
 * e-mail address as a column name) is refused and named by its position only; a name that says
 * the column holds personal data (`naam`, `bsn`) is refused unless allowed or `known`.
 */
export function checkHeaderCells(
  fields: readonly string[],
  known: ReadonlySet<string>,
  at: { readonly file: string; readonly line: number },
  allowColumns: ReadonlySet<string>,
  messages: Messages,
  faults: DataError[],
  faultLimit: number,
): CheckedHeader {
  const labels: string[] = [];
  const keys: string[] = [];
  fields.forEach((field, index) => {
    const name = field.trim();
    const label = inputLabel(name, index);
    labels.push(label);
    const kind = findPersonalData(name);
    if (kind !== null) {
      keys.push('');
      if (faults.length < faultLimit) faults.push(new DataError('CJ_PERSONAL_DATA', messages.personalDataHeader(kind), { ...at, column: label }));
      return;
    }
    const key = name.toLowerCase();
    keys.push(key);
    if (known.has(columnKey(key)) || allowColumns.has(key)) return;
    const keyword = personalDataColumn(name);
    if (keyword !== null && faults.length < faultLimit) {
      faults.push(new DataError('CJ_PERSONAL_DATA_COLUMN', messages.personalDataColumn(name, keyword), { ...at, column: label }));
    }
  });
  return { labels, keys };
}

/**
 * Matches the header to the survey: names case-insensitive and trimmed, a space the same as an
 * underscore, aliases resolved (survey.columnBySpelling), order free (DATA-CONTRACT "The file").
 * Two cells that stand for the same column are a fault naming both. Refuses header cells that hold personal data, and columns named
 * as personal data unless allowed. At most `faultLimit` faults: a header of a million cells
 * must not make a million errors.
 */
export function matchHeader(
  fields: readonly string[],
  survey: Survey,
  file: string,
  line: number,
  allowColumns: ReadonlySet<string>,
  messages: Messages,
  faultLimit = Number.POSITIVE_INFINITY,
): { map: ColumnMap; faults: DataError[] } {
  const faults: DataError[] = [];
  const known = new Set<string>(survey.columnBySpelling.keys());
  const { labels, keys } = checkHeaderCells(fields, known, { file, line }, allowColumns, messages, faults, faultLimit);
  const position = new Map<string, number>();
  const unknown: { index: number; name: string; key: string }[] = [];
  keys.forEach((key, index) => {
    const label = labels[index] ?? `#${index + 1}`;
    if (key === '') {
      // An empty name (Excel's unnamed column) or a refused one: passed over, its cells still checked.
      unknown.push({ index, name: label, key });
      return;
    }
    const column = survey.columnBySpelling.get(columnKey(key));
    const first = position.get(column ?? key);
    if (first !== undefined) {
      const firstLabel = labels[first] ?? `#${first + 1}`;
      const message = keys[first] === key ? messages.duplicateColumn(label) : messages.sameColumnTwice(firstLabel, label, column ?? key);
      if (faults.length < faultLimit) faults.push(new DataError('CJ_DUPLICATE_COLUMN', message, { file, line, column: label }));
      return;
    }
    position.set(column ?? key, index);
    if (column === undefined) unknown.push({ index, name: label, key });
  });
  const find = (name: string): number => position.get(name.toLowerCase()) ?? -1;
  const required = [fixedColumns.respondent, fixedColumns.track];
  if (required.every((name) => find(name) === -1)) {
    // Likely a file without a header row: its first row is data, so it is not listed.
    faults.push(new DataError('CJ_MISSING_COLUMN', messages.noHeader(fields.length, required), { file, line }));
  } else {
    // Look-alikes are quoted, so a name refused as personal data is never one.
    const quotable = unknown.filter((column) => column.key !== '' && (allowColumns.has(column.key) || personalDataColumn(column.key) === null));
    const candidates = quotable.map((column) => (fields[column.index] ?? '').trim());
    const labelOf = (name: string): string => quotable[candidates.indexOf(name)]?.name ?? name;
    const add = (fault: DataError): void => void (faults.length < faultLimit && faults.push(fault));
    const spellings = new Map<string, string[]>();
    for (const [spelling, column] of survey.columnBySpelling) spellings.set(column, [...(spellings.get(column) ?? []), spelling]);
    for (const column of survey.columns) {
      if (find(column) !== -1) continue;
      const like = candidates.length === 0 ? null : lookAlike(spellings.get(column) ?? [column], candidates);
      if ((required as readonly string[]).includes(column)) add(new DataError('CJ_MISSING_COLUMN', messages.missingColumn(column, labels, like), { file, line }));
      else if (survey.requiredColumns.includes(column)) add(new DataError('CJ_MISSING_COLUMN', messages.missingDefinedColumn(column, like), { file, line }));
      else if (like !== null) add(new DataError('CJ_COLUMN_LOOKS_LIKE', messages.lookAlikeColumn(like, column), { file, line, column: labelOf(like) }));
    }
  }
  const ratings = survey.ratingColumns.map((role) => find(role.column));
  const dates: { index: number; stepIndex: number }[] = [];
  survey.dateColumns.forEach((column, stepIndex) => {
    const index = find(column);
    if (index !== -1) dates.push({ index, stepIndex });
  });
  return {
    map: {
      names: labels,
      respondent: find(fixedColumns.respondent),
      track: find(fixedColumns.track),
      withdrawnAfter: find(fixedColumns.withdrawnAfter),
      ratings,
      grade: find(survey.gradeColumn),
      dates,
      unknown,
      absent: survey.ratingColumns.filter((_, index) => ratings[index] === -1).map((role) => role.column),
    },
    faults,
  };
}
