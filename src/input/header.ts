import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';
import type { Survey } from '../survey/load.js';
import { fixedColumns } from './columns.js';
import { personalDataColumn } from './personal-data.js';


/** Which field of a record holds what: the header, matched once. */
export interface ColumnMap {
  /** Column names as the header spells them, for messages. */
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
  readonly unknown: readonly { readonly index: number; readonly name: string }[];
  /** Rating columns the survey defines that the file lacks. */
  readonly absent: readonly string[];
}

/**
 * Matches the header to the survey: names case-insensitive and trimmed, order free
 * (DATA-CONTRACT "The file"). Refuses columns named as personal data unless allowed.
 */
export function matchHeader(
  fields: readonly string[],
  survey: Survey,
  file: string,
  line: number,
  allowColumns: ReadonlySet<string>,
  messages: Messages,
): { map: ColumnMap; faults: DataError[] } {
  const faults: DataError[] = [];
  const names = fields.map((field) => field.trim());
  const position = new Map<string, number>();
  const known = new Set<string>([
    ...Object.values(fixedColumns),
    ...survey.ratingColumns.map((role) => role.column),
    survey.definition.grade.column.toLowerCase(),
    ...survey.steps.map((step) => `${step.id}${survey.definition.dateSuffix}`.toLowerCase()),
  ]);
  const unknown: { index: number; name: string }[] = [];
  names.forEach((name, index) => {
    const key = name.toLowerCase();
    const at = { file, line, column: name };
    if (position.has(key) && key !== '') {
      faults.push(new DataError('CJ_DUPLICATE_COLUMN', messages.duplicateColumn(name), at));
      return;
    }
    position.set(key, index);
    if (known.has(key)) return;
    const personal = allowColumns.has(key) ? null : personalDataColumn(name);
    if (personal !== null) {
      faults.push(new DataError('CJ_PERSONAL_DATA_COLUMN', messages.personalDataColumn(name, personal), at));
      return;
    }
    unknown.push({ index, name: name === '' ? `#${index + 1}` : name });
  });
  const find = (name: string): number => position.get(name.toLowerCase()) ?? -1;
  for (const required of [fixedColumns.respondent, fixedColumns.track]) {
    if (find(required) === -1) {
      faults.push(new DataError('CJ_MISSING_COLUMN', messages.missingColumn(required, names), { file, line }));
    }
  }
  const ratings = survey.ratingColumns.map((role) => find(role.column));
  const dates: { index: number; stepIndex: number }[] = [];
  survey.steps.forEach((step, stepIndex) => {
    const index = find(`${step.id}${survey.definition.dateSuffix}`);
    if (index !== -1) dates.push({ index, stepIndex });
  });
  return {
    map: {
      names: names.map((name, index) => (name === '' ? `#${index + 1}` : name)),
      respondent: find(fixedColumns.respondent),
      track: find(fixedColumns.track),
      withdrawnAfter: find(fixedColumns.withdrawnAfter),
      ratings,
      grade: find(survey.definition.grade.column),
      dates,
      unknown,
      absent: survey.ratingColumns.filter((_, index) => ratings[index] === -1).map((role) => role.column),
    },
    faults,
  };
}
