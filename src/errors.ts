/**
 * Errors are part of the interface (STYLE.md): a stable `code` for programs, a sentence for
 * people, and where it happened. The CLI turns each into one line and an exit code; anything
 * that is not a CjError is a bug.
 */

export const ExitCode = {
  ok: 0,
  /** `--check` found outputs that would change; `cj diff --fail-on-change` found a change. */
  changed: 1,
  usage: 2,
  data: 3,
  definition: 4,
  /** An output could not be written. */
  output: 5,
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Location {
  readonly file?: string;
  /** 1-based physical line in the file where the record starts. */
  readonly line?: number;
  /** The column's name as the header spells it. */
  readonly column?: string;
  /** A workbook or SPSS file: `line` is a sheet row or a case, and the column has a letter or is a variable. */
  readonly unit?: 'row' | 'case';
  /** The column's letter in the sheet (XLSX). */
  readonly columnLetter?: string;
}

/** The words of a location in the run's language (messages.ts). */
export interface LocationWords {
  readonly locationRow: string;
  readonly locationCase: string;
  readonly locationColumn: string;
  readonly locationLine: string;
  readonly locationVariable: string;
}

export abstract class CjError extends Error {
  abstract readonly exitCode: ExitCode;
  constructor(
    readonly code: string,
    message: string,
    readonly location: Location = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input data file breaks the data contract. */
export class DataError extends CjError {
  readonly exitCode = ExitCode.data;
}

/** A survey definition is invalid. */
export class DefinitionError extends CjError {
  readonly exitCode = ExitCode.definition;
}

/** The command line asks for something that cannot be done. */
export class UsageError extends CjError {
  readonly exitCode = ExitCode.usage;
}

/** An output file or folder could not be written. */
export class OutputError extends CjError {
  readonly exitCode = ExitCode.output;
}

/** Several data faults of one file, reported together (up to a limit). */
export class DataErrors extends CjError {
  readonly exitCode = ExitCode.data;
  constructor(
    readonly errors: readonly DataError[],
    readonly truncated: boolean,
  ) {
    super('CJ_DATA_ERRORS', `${errors.length}${truncated ? '+' : ''} data error(s)`);
  }
}

/**
 * Where a fault happened, as `file:line, column "x"`; in a workbook `file, row 7, column B "x"`,
 * in an SPSS file `file, case 12, variable "x"`.
 */
export function formatLocation(location: Location, words?: LocationWords): string {
  if (location.unit !== undefined && words !== undefined) {
    const parts = [location.file ?? ''];
    if (location.line !== undefined && location.line > 0) parts.push(`${location.unit === 'row' ? words.locationRow : words.locationCase} ${location.line}`);
    if (location.column !== undefined) {
      const letter = location.columnLetter === undefined ? '' : `${location.columnLetter} `;
      parts.push(`${location.unit === 'row' ? words.locationColumn : words.locationVariable} ${letter}"${location.column}"`);
    }
    return parts.filter((part) => part !== '').join(', ');
  }
  const parts: string[] = [];
  if (location.file !== undefined) {
    parts.push(location.line !== undefined ? `${location.file}:${location.line}` : location.file);
  } else if (location.line !== undefined) {
    parts.push(`${words?.locationLine ?? 'line'} ${location.line}`);
  }
  // In the run's language: no English "column" inside a Dutch message.
  if (location.column !== undefined) parts.push(`${words?.locationColumn ?? 'column'} "${location.column}"`);
  return parts.join(', ');
}
