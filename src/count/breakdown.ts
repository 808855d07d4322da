/**
 * The routing layer of a breakdown (`--by`, a figure's `by`): every checked row goes to the
 * accumulator of its group, one accumulator per value of the by-column, next to the one that
 * counts the whole. The accumulators are the pipeline's own (src/count/accumulate.ts), used
 * through their public interface, so a group is counted by exactly the rules the whole is.
 */
import { columnKey, fixedColumns, NO_ANSWER, type ResponseRow } from '../contract.js';
import { DataError } from '../errors.js';
import { findPersonalData } from '../input/personal-data.js';
import { fieldOf, type RawRecord } from '../input/records.js';
import type { Messages } from '../messages.js';
import type { Survey } from '../survey/load.js';
import type { BackgroundDefinition } from '../survey/types.js';
import { Accumulator } from './accumulate.js';

/** More groups than this is no breakdown a report prints, and would single people out. */
export const MAX_GROUPS = 50;

/** Where a row's group comes from. */
type GroupSource =
  | { readonly kind: 'rating'; readonly index: number; readonly keys: readonly string[] }
  | { readonly kind: 'track' }
  | { readonly kind: 'cell'; readonly field: number; readonly spellings: ReadonlyMap<string, string> | undefined };

export interface Group {
  readonly key: string;
  readonly accumulator: Accumulator;
}

/** The column a breakdown splits by, as the definition or `--by` names it, resolved once. */
export interface ByColumn {
  /** Lower case, as results name it. */
  readonly column: string;
  readonly background: BackgroundDefinition | undefined;
  /** The figures it splits (indexes into survey.figures). */
  readonly figures: readonly number[];
}

/**
 * The by-columns of a run: `--by` splits every figure; otherwise each figure's own `by`. In the
 * order the figures name them.
 */
export function byColumnsOf(survey: Survey, by: string | undefined): ByColumn[] {
  const wanted = survey.figures.map((figure) => (by ?? figure.by)?.toLowerCase());
  const columns = [...new Set(wanted.filter((column): column is string => column !== undefined))];
  return columns.map((column) => ({
    column,
    background: survey.background.get(column),
    figures: wanted.flatMap((name, index) => (name === column ? [index] : [])),
  }));
}

/** The empty cell's group: a group of its own, never guessed into another. */
export const EMPTY_GROUP = '';

export class GroupRouter {
  readonly groups = new Map<string, Group>();
  private readonly source: GroupSource;

  /**
   * @param header the header's cells (the wide header of a long-shaped file), to find the column in
   * @throws {DataError} CJ_MISSING_COLUMN when the file lacks a by-column that is not a rating column
   */
  constructor(
    private readonly survey: Survey,
    readonly by: ByColumn,
    header: readonly string[],
    private readonly file: string,
    private readonly messages: Messages,
  ) {
    const rating = survey.ratingColumns.findIndex((role) => role.column === by.column);
    const track = survey.columnBySpelling.get(columnKey(by.column)) === fixedColumns.track;
    const role = survey.ratingColumns[rating];
    if (role !== undefined) this.source = { kind: 'rating', index: rating, keys: role.keys };
    else if (track) this.source = { kind: 'track' };
    else {
      const names = new Set([by.column, ...(by.background?.aliases ?? [])].map(columnKey));
      const field = header.findIndex((name) => names.has(columnKey(name)));
      if (field === -1) throw new DataError('CJ_MISSING_COLUMN', messages.byColumnMissing(by.column), { file });
      const values = by.background?.values;
      const spellings =
        values === undefined
          ? undefined
          : new Map(values.flatMap((value) => [value.key, value.label, ...(value.spellings ?? [])].map((spelling) => [spelling.trim().toLowerCase(), value.key] as const)));
      this.source = { kind: 'cell', field, spellings };
    }
  }

  /** The row's group, or a fault (a value outside the declared ones, too many groups). */
  private groupOf(row: ResponseRow, record: RawRecord, faults: DataError[]): string | null {
    const { source } = this;
    if (source.kind === 'rating') return source.keys[row.ratings[source.index] ?? NO_ANSWER] ?? EMPTY_GROUP;
    if (source.kind === 'track') return row.track;
    const raw = fieldOf(record, source.field).trim();
    if (raw === '') return EMPTY_GROUP;
    const spelling = raw.toLowerCase();
    if (source.spellings === undefined) return spelling;
    const key = source.spellings.get(spelling);
    if (key !== undefined) return key;
    // The row validator has refused a cell holding personal data already; never quoted here.
    if (findPersonalData(raw) === null) {
      const accepted = (this.by.background?.values ?? []).map((value) => value.key).join(', ');
      faults.push(new DataError('CJ_INVALID_VALUE', this.messages.badValue(raw, accepted), { file: this.file, line: record.line, column: this.by.column }));
    }
    return null;
  }

  /** Counts a checked row in its group's accumulator. */
  add(row: ResponseRow, record: RawRecord, faults: DataError[]): void {
    const key = this.groupOf(row, record, faults);
    if (key === null) return;
    let group = this.groups.get(key);
    if (group === undefined) {
      if (this.groups.size === MAX_GROUPS) {
        faults.push(new DataError('CJ_TOO_MANY_GROUPS', this.messages.tooManyGroups(this.by.column, MAX_GROUPS), { file: this.file, line: record.line }));
        return;
      }
      // A group's answers left out are listed once, by the whole's accumulator.
      group = { key, accumulator: new Accumulator(this.survey, { wanted: () => false, add: () => undefined }, 0) };
      this.groups.set(key, group);
    }
    group.accumulator.add(row);
  }
}

