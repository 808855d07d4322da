import { NO_ANSWER, type ResponseRow } from '../contract.js';
import { DataError, type Location } from '../errors.js';
import type { Messages } from '../messages.js';
import type { Survey } from '../survey/load.js';
import type { ColumnMap } from './header.js';
import type { PersonalDataKind } from '../contract.js';
import { ByteRecord } from './byte-records.js';
import { findPersonalData, mayHoldPersonalDataBytes } from './personal-data.js';
import { fieldCount, fieldOf, type RawRecord } from './records.js';
import { SpellingTable, UNMATCHED } from './spelling-table.js';
import { DuplicateCheck, type DuplicateCheckOptions } from './duplicates.js';

const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// Day and month with or without a leading zero: Dutch Excel writes 14-3-2024.
const DATE_DUTCH = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const GRADE = /^\d{1,2}(?:[.,]\d+)?$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses `2016-03-14`, `14-03-2016` or `14-3-2016` to `2016-03-14`; null when it is none of these or no such day exists. */
export function parseDate(cell: string): string | null {
  const iso = DATE_ISO.exec(cell);
  const dutch = iso === null ? DATE_DUTCH.exec(cell) : null;
  const [year, month, day] = iso !== null ? [iso[1], iso[2], iso[3]] : dutch !== null ? [dutch[3], dutch[2], dutch[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  return isCalendarDate(Number(year), Number(month), Number(day)) ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : null;
}

/** Days since 1970-01-01 of an ISO date (`2016-03-14`), so that two dates subtract to calendar days. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/**
 * findPersonalData of a record's cell (trimmed): a cell of the byte path goes through the
 * pre-filter on its bytes, and becomes a string only when that lets it through.
 */
function personalDataOf(record: RawRecord, index: number): PersonalDataKind | null {
  if (record instanceof ByteRecord && index < record.size && !mayHoldPersonalDataBytes(record.bytes, record.start(index), record.end(index))) return null;
  return findPersonalData(cellOf(record, index));
}

/** A record's cell, trimmed; '' for a column the file lacks (-1). */
function cellOf(record: RawRecord, index: number): string {
  return index < 0 ? '' : fieldOf(record, index).trim();
}

/** Lower case, trimmed, inner runs of white space as one space: how spellings are compared. */
function normaliseSpelling(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Checks each record against the data contract and turns it into a ResponseRow. Faults are
 * returned, not thrown, so that one run reports every fault of a file (up to a limit).
 */
export class RowValidator {
  private readonly seen: DuplicateCheck;
  /** Per rating column: spelling → the category's index among the column's keys, the raw spelling a fast first lookup. */
  private readonly lookups: readonly SpellingTable<number>[];
  /** Track spellings (as survey.trackBySpelling holds them: trimmed, lower case) → track id. */
  private readonly tracks: SpellingTable<string>;
  private readonly accepted: readonly string[];
  private readonly checkUnknown: readonly { index: number; name: string }[];
  /** The dates of every row of a file without date columns (never written to). */
  private readonly noDates: (number | null)[];
  /** Records with fewer fields than the header (read as empty trailing cells). */
  shortRecords = 0;

  constructor(
    private readonly survey: Survey,
    private readonly map: ColumnMap,
    private readonly file: string,
    private readonly messages: Messages,
    allowColumns: ReadonlySet<string>,
    duplicates: DuplicateCheckOptions = {},
  ) {
    this.seen = new DuplicateCheck(duplicates);
    this.lookups = survey.ratingColumns.map((role) => new SpellingTable(Object.entries(role.scale.spellings).map(([spelling, key]) => [spelling, role.keys.indexOf(key)] as const)));
    this.tracks = new SpellingTable(survey.trackBySpelling);
    this.accepted = survey.ratingColumns.map((role) => Object.keys(role.scale.spellings).join(', '));
    this.checkUnknown = map.unknown.filter((column) => !allowColumns.has(column.key));
    this.noDates = new Array<number | null>(survey.steps.length).fill(null);
  }

  /**
   * Adds the repeated respondent codes found only now (past the duplicate check's memory bound)
   * to `faults`, and removes the check's temporary files. Call once, after the last record.
   */
  finish(faults: DataError[]): void {
    for (const duplicate of this.seen.finish()) {
      const location = { file: this.file, line: duplicate.line, column: this.map.names[this.map.respondent] ?? `#${this.map.respondent + 1}` };
      faults.push(new DataError('CJ_DUPLICATE_RESPONDENT', this.messages.duplicateRespondent(duplicate.code, duplicate.firstLine), location));
    }
  }

  /** Removes the duplicate check's temporary files when a run stops early. */
  close(): void {
    this.seen.close();
  }

  validate(record: RawRecord, faults: DataError[]): ResponseRow | null {
    const { line } = record;
    const size = fieldCount(record);
    const { map, messages, survey } = this;
    const before = faults.length;
    if (record.malformed === true) {
      faults.push(new DataError('CJ_MALFORMED_QUOTE', messages.malformedQuote(), { file: this.file, line }));
      return null;
    }
    if (size > map.names.length) {
      const extra = record.fields.slice(map.names.length);
      // Excel writes trailing delimiters after the last column; empty extras lose nothing.
      if (extra.some((field) => field.trim() !== '')) {
        // The extra cells are never shown, but a refusal for personal data says more than a count.
        extra.forEach((field, offset) => {
          const kind = findPersonalData(field.trim());
          if (kind !== null) {
            faults.push(new DataError('CJ_PERSONAL_DATA', messages.personalDataCell(kind), { file: this.file, line, column: `#${map.names.length + offset + 1}` }));
          }
        });
        faults.push(
          new DataError('CJ_TOO_MANY_FIELDS', messages.tooManyFields(size, map.names.length), {
            file: this.file,
            line,
          }),
        );
        return null;
      }
    } else if (size < map.names.length) {
      this.shortRecords++;
    }
    // Where a fault is, is worked out only for a fault (this.locate): a location per cell would
    // be millions of objects. No closure here either: one a row is garbage a row.

    for (const column of this.checkUnknown) {
      const kind = personalDataOf(record, column.index);
      if (kind !== null) faults.push(new DataError('CJ_PERSONAL_DATA', messages.personalDataCell(kind), this.locate(record, column.index)));
    }

    const respondent = cellOf(record, map.respondent);
    if (respondent === '') {
      faults.push(new DataError('CJ_MISSING_RESPONDENT', messages.missingRespondent(), this.locate(record, map.respondent)));
    } else if (!this.refused(respondent, record, map.respondent, faults)) {
      const firstLine = this.seen.add(respondent, record.fieldLines?.[map.respondent] ?? line);
      if (firstLine !== undefined) faults.push(new DataError('CJ_DUPLICATE_RESPONDENT', messages.duplicateRespondent(respondent, firstLine), this.locate(record, map.respondent)));
    }

    // Looked up as written first (no string made), then trimmed and in lower case.
    const written = map.track < 0 ? undefined : this.tracks.of(record, map.track);
    const trackCell = written === undefined ? cellOf(record, map.track) : '';
    const track = written ?? survey.trackBySpelling.get(trackCell) ?? survey.trackBySpelling.get(trackCell.toLowerCase());
    if (track === undefined && !this.refused(trackCell, record, map.track, faults)) {
      const accepted = [...survey.trackBySpelling.keys()].join(', ');
      faults.push(new DataError(trackCell === '' ? 'CJ_MISSING_TRACK' : 'CJ_UNKNOWN_TRACK', messages.badValue(trackCell, accepted), this.locate(record, map.track)));
    }

    const lastStep = survey.steps.length - 1;
    let lastUsableStep = lastStep;
    const withdrawnCell = cellOf(record, map.withdrawnAfter);
    if (withdrawnCell !== '') {
      const step = survey.stepIndex.get(withdrawnCell.toLowerCase());
      if (step === undefined) {
        if (!this.refused(withdrawnCell, record, map.withdrawnAfter, faults)) {
          faults.push(new DataError('CJ_UNKNOWN_STEP', messages.badValue(withdrawnCell, survey.steps.map((s) => s.id).join(', ')), this.locate(record, map.withdrawnAfter)));
        }
      } else {
        lastUsableStep = step;
      }
    }

    const ratings: number[] = new Array<number>(map.ratings.length);
    const { lookups } = this;
    // Looked up as written first (a byte record's all at once, no string made), then normalised.
    const bytePath = record instanceof ByteRecord;
    if (bytePath) SpellingTable.answersOfBytes(record, map.ratings, lookups, ratings);
    for (let i = 0; i < map.ratings.length; i++) {
      const index = map.ratings[i] ?? -1;
      const lookup = lookups[i] as SpellingTable<number>;
      const written = bytePath ? (ratings[i] as number) : index < 0 ? NO_ANSWER : (lookup.of(record, index) ?? UNMATCHED);
      if (written !== UNMATCHED) {
        ratings[i] = written;
        continue;
      }
      let category: number | undefined;
      const raw = fieldOf(record, index);
      if (raw !== '') {
        const spelling = normaliseSpelling(raw);
        category = spelling === '' ? undefined : lookup.get(spelling);
        // Checked and quoted as written, not lower-cased: a postcode's letters are capitals.
        if (spelling !== '' && category === undefined && !this.refused(raw.trim(), record, index, faults)) {
          faults.push(new DataError('CJ_INVALID_VALUE', messages.badValue(raw.trim(), this.accepted[i] ?? ''), this.locate(record, index)));
        }
      }
      ratings[i] = category ?? NO_ANSWER;
    }

    let grade: number | null = null;
    // A mark of one or two digits is read from the byte path's bytes (what GRADE and Number
    // make of the same text); any other mark as text.
    const whole = map.grade >= 0 && record instanceof ByteRecord ? record.smallNumber(map.grade) : -1;
    const typed = whole >= 0 ? '' : cellOf(record, map.grade);
    if (whole >= 0 || typed !== '') {
      const { min, max } = survey.definition.grade;
      const value = whole >= 0 ? whole : GRADE.test(typed) ? Number(typed.replace(',', '.')) : Number.NaN;
      if (Number.isNaN(value) || value < min || value > max) {
        const gradeCell = whole >= 0 ? cellOf(record, map.grade) : typed;
        if (!this.refused(gradeCell, record, map.grade, faults)) {
          faults.push(new DataError('CJ_INVALID_GRADE', messages.badGrade(gradeCell, min, max), this.locate(record, map.grade)));
        }
      } else {
        grade = value;
      }
    }

    // Per step, its date as a day number. The steps follow each other, so a date before an
    // earlier step's date is a fault of the file (a typing error, or day and month swapped).
    // A file without date columns shares one row of empty dates (most files: no array a row).
    const dates: (number | null)[] = map.dates.length === 0 ? this.noDates : new Array<number | null>(survey.steps.length).fill(null);
    let latest: { readonly iso: string; readonly day: number; readonly stepIndex: number } | undefined;
    for (const date of map.dates) {
      const value = cellOf(record, date.index);
      if (value === '') continue;
      const iso = parseDate(value);
      if (iso === null) {
        if (!this.refused(value, record, date.index, faults)) faults.push(new DataError('CJ_INVALID_DATE', messages.badDate(value), this.locate(record, date.index)));
        continue;
      }
      const day = dayNumber(iso);
      if (latest !== undefined && day < latest.day) {
        const earlier = survey.dateColumns[latest.stepIndex] ?? '';
        faults.push(new DataError('CJ_DATE_ORDER', messages.dateBeforeEarlierStep(iso, earlier, latest.iso), this.locate(record, date.index)));
      } else {
        latest = { iso, day, stepIndex: date.stepIndex };
      }
      dates[date.stepIndex] = day;
    }

    if (faults.length > before || track === undefined) return null;
    const row = { line, respondent, track, lastUsableStep, withdrawn: withdrawnCell !== '', ratings, grade, dates };
    const { fieldLines } = record;
    if (fieldLines === undefined) return row;
    const lineOf = (index: number): number => (index < 0 ? line : (fieldLines[index] ?? line));
    const answerLines = [...map.ratings, map.grade].map(lineOf);
    const dateLines = survey.steps.map(() => line);
    for (const date of map.dates) dateLines[date.stepIndex] = lineOf(date.index);
    return { ...row, answerLines, dateLines };
  }

  private locate(record: RawRecord, column: number): Location {
    return { file: this.file, line: record.fieldLines?.[column] ?? record.line, column: this.map.names[column] ?? `#${column + 1}` };
  }

  /**
   * Refuses a cell that holds personal data, naming line and column only; true when it did. Every
   * cell a message would quote comes through here first (valid answers are never quoted).
   */
  private refused(value: string, record: RawRecord, column: number, faults: DataError[]): boolean {
    const kind = findPersonalData(value);
    if (kind === null) return false;
    faults.push(new DataError('CJ_PERSONAL_DATA', this.messages.personalDataCell(kind), this.locate(record, column)));
    return true;
  }
}
