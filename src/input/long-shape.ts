import { columnKey, fixedColumns, longColumns } from '../contract.js';
import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';
import type { Survey } from '../survey/load.js';
import { checkHeaderCells } from './header.js';
import { findPersonalData, personalDataColumn } from './personal-data.js';
import { inputLabel } from './quote-input.js';
import type { RawRecord } from './records.js';

/**
 * Whether a header is long-shaped: it has `column` and `value` and none of the survey's
 * rating columns (a wide file could have a free-text column called "value").
 */
export function isLongShape(header: readonly string[], survey: Survey): boolean {
  const keys = header.map(columnKey);
  const columns = new Set(keys.map((key) => survey.columnBySpelling.get(key)));
  return (
    keys.includes(longColumns.column) &&
    keys.includes(longColumns.value) &&
    !survey.ratingColumns.some((role) => columns.has(role.column))
  );
}

/** A long header's names resolved: the fixed columns through their aliases, `column` and `value` as they are. */
function longName(key: string, survey: Survey): string {
  const normal = columnKey(key);
  const column = survey.columnBySpelling.get(normal);
  return column !== undefined && (Object.values(fixedColumns) as string[]).includes(column) ? column : normal;
}

interface Respondent {
  readonly line: number;
  readonly fields: string[];
  readonly lines: number[];
}

/**
 * Long rows (respondent, track, withdrawn_after, column, value) → one wide record per
 * respondent, in order of first appearance, with the line of every answer kept, so faults and
 * exclusions name the line the answer is on. Rows may come in any order (sorted by respondent
 * or by question); memory grows with respondents, not with rows.
 */
export class LongAssembler {
  /** The wide header the assembled records follow: the fixed columns, then every survey column. */
  readonly wideHeader: readonly string[];
  /** `column` values the survey does not know, passed over like unknown wide columns. */
  readonly ignored = new Set<string>();
  /** Faults of the long header itself: cells holding personal data, columns named as such. */
  readonly headerFaults: DataError[] = [];
  private readonly position: ReadonlyMap<string, number>;
  /** Header columns beyond the five long ones: passed over, their cells checked for personal data. */
  private readonly extra: readonly { readonly index: number; readonly label: string }[];
  /** `column` values already refused as personal column names: each is reported once. */
  private readonly refusedNames = new Set<string>();
  private readonly index: { respondent: number; track: number; withdrawnAfter: number; column: number; value: number };
  private readonly respondents = new Map<string, Respondent>();

  constructor(
    header: readonly string[],
    private readonly survey: Survey,
    private readonly file: string,
    private readonly messages: Messages,
    private readonly allowColumns: ReadonlySet<string> = new Set(),
    line = 1,
    faultLimit = Number.POSITIVE_INFINITY,
  ) {
    const longNames = new Set<string>([...Object.values(fixedColumns), ...Object.values(longColumns)]);
    const known = new Set([...survey.columnBySpelling].filter(([, column]) => longNames.has(column)).map(([key]) => key));
    for (const name of Object.values(longColumns)) known.add(name);
    const { labels, keys } = checkHeaderCells(header, known, { file, line }, allowColumns, messages, this.headerFaults, faultLimit);
    const names = keys.map((key) => (key === '' ? '' : longName(key, survey)));
    const find = (name: string): number => names.indexOf(name);
    this.index = {
      respondent: find(fixedColumns.respondent),
      track: find(fixedColumns.track),
      withdrawnAfter: find(fixedColumns.withdrawnAfter),
      column: find(longColumns.column),
      value: find(longColumns.value),
    };
    this.wideHeader = survey.columns;
    this.position = new Map(this.wideHeader.map((name, at) => [name, at]));
    const extra: { index: number; label: string }[] = [];
    names.forEach((name, index) => {
      if (longNames.has(name)) return;
      const label = labels[index] ?? `#${index + 1}`;
      this.ignored.add(label);
      if (!allowColumns.has(keys[index] ?? name)) extra.push({ index, label });
    });
    this.extra = extra;
  }

  /** Takes one long row; faults (a conflicting track, an answer given twice) go to `faults`. */
  add(record: RawRecord, faults: DataError[]): void {
    const cell = (at: number): string => (at < 0 ? '' : (record.fields[at] ?? '').trim());
    const code = cell(this.index.respondent);
    const column = cell(this.index.column);
    const at = (name: string): { file: string; line: number; column: string } => ({ file: this.file, line: record.line, column: name });
    /** Refuses a cell holding personal data (line and column, never the value); true when it did. */
    const refused = (value: string, name: string): boolean => {
      const kind = findPersonalData(value);
      if (kind !== null) faults.push(new DataError('CJ_PERSONAL_DATA', this.messages.personalDataCell(kind), at(name)));
      return kind !== null;
    };
    for (const column of this.extra) refused(cell(column.index), column.label);
    // The code is checked before anything may quote it, and a refused code is not kept.
    if (refused(code, fixedColumns.respondent)) return;
    if (!this.columnAccepted(column, record.line, faults)) return;
    let respondent = this.respondents.get(code);
    if (respondent === undefined) {
      respondent = { line: record.line, fields: new Array<string>(this.wideHeader.length).fill(''), lines: new Array<number>(this.wideHeader.length).fill(record.line) };
      respondent.fields[0] = code;
      respondent.fields[1] = cell(this.index.track);
      respondent.fields[2] = cell(this.index.withdrawnAfter);
      this.respondents.set(code, respondent);
    } else {
      // Track and consent belong to the respondent: every row must say the same.
      for (const [field, at2, name] of [
        [1, this.index.track, fixedColumns.track],
        [2, this.index.withdrawnAfter, fixedColumns.withdrawnAfter],
      ] as const) {
        const value = cell(at2);
        // Track values are compared as the wide validator reads them: case-insensitively.
        const same = field === 1 ? value.toLowerCase() === respondent.fields[field]?.toLowerCase() : value === respondent.fields[field];
        if (!same && !refused(value, name)) {
          faults.push(new DataError('CJ_LONG_CONFLICT', this.messages.longConflict(code, name, respondent.line), at(name)));
        }
      }
    }
    if (column === '') return;
    const target = this.position.get(this.survey.columnBySpelling.get(columnKey(column)) ?? '');
    if (target === undefined) {
      this.ignored.add(inputLabel(column, this.index.column));
      if (!this.allowColumns.has(column.toLowerCase())) refused(cell(this.index.value), longColumns.value);
      return;
    }
    if (target < 3) return; // a row that repeats respondent, track or withdrawn_after as an answer
    if (respondent.fields[target] !== '') {
      // The second answer is never stored or validated: check it here.
      if (!refused(cell(this.index.value), longColumns.value)) {
        faults.push(new DataError('CJ_LONG_DUPLICATE', this.messages.longDuplicate(code, column, respondent.lines[target] ?? 0), at(inputLabel(column, this.index.column))));
      }
      return;
    }
    respondent.fields[target] = record.fields[this.index.value] ?? '';
    respondent.lines[target] = record.line;
  }

  /**
   * A long `column` value gets the checks a wide header cell gets: personal data in it is refused
   * by line, and a name that says it holds personal data (`naam`, `geboortedatum`) is refused
   * (once per name) unless the survey knows it or --allow-column vouches for it.
   */
  private columnAccepted(column: string, line: number, faults: DataError[]): boolean {
    const at = { file: this.file, line, column: longColumns.column };
    const kind = findPersonalData(column);
    if (kind !== null) {
      faults.push(new DataError('CJ_PERSONAL_DATA', this.messages.personalDataCell(kind), at));
      return false;
    }
    const key = column.toLowerCase();
    if (this.survey.columnBySpelling.has(columnKey(key)) || this.allowColumns.has(key)) return true;
    const keyword = personalDataColumn(column);
    if (keyword === null) return true;
    if (!this.refusedNames.has(key)) {
      this.refusedNames.add(key);
      faults.push(new DataError('CJ_PERSONAL_DATA_COLUMN', this.messages.personalDataColumn(column, keyword), at));
    }
    return false;
  }

  /** The assembled wide records, in order of each respondent's first row. */
  *records(): Generator<RawRecord> {
    for (const respondent of this.respondents.values()) {
      yield { fields: respondent.fields, line: respondent.line, fieldLines: respondent.lines };
    }
  }
}
