/**
 * One run of `cj analyse`, stage by stage. Each stage is one call; the bytes stream through
 * stages 1–4 a record at a time, so only counts are kept, never the rows.
 */
import { Accumulator } from './count/accumulate.js';
import { byColumnsOf, GroupRouter } from './count/breakdown.js';
import { assembleCounts, buildResults } from './count/assemble.js';
import { FingerprintBuilder } from './count/fingerprint.js';
import { columnKey } from './contract.js';
import type { Exclusion, Results, Warning } from './count/results.js';
import { DataError, DataErrors } from './errors.js';
import { matchHeader } from './input/header.js';
import { isLongShape, LongAssembler } from './input/long-shape.js';
import { NotUtf8, type ByteSource, type Encoding, type InputInfo, type RawRecord } from './input/records.js';
import { locateFaults, readInput, type FormatInfo } from './input/detect.js';
import type { DuplicateCheckOptions } from './input/duplicates.js';
import { RowValidator } from './input/validate.js';
import type { Messages } from './messages.js';
import type { Survey } from './survey/load.js';

export interface ExclusionLog {
  /** Called once per answer left out, in file order. */
  add(exclusion: Exclusion): void;
  /** Forget everything: the file is being read again (as Windows-1252). */
  reset(): void;
}

export interface AnalyseOptions {
  readonly survey: Survey;
  readonly messages: Messages;
  readonly version: string;
  /** Columns the analyst vouches for: not refused as personal data (lower case). */
  readonly allowColumns: ReadonlySet<string>;
  /** Stop after this many data faults. */
  readonly faultLimit: number;
  /** Keep at most this many exclusions (and withdrawn respondents) in the results. */
  readonly listLimit: number;
  readonly exclusionLog?: ExclusionLog;
  /** Bytes read so far, for a progress line. */
  readonly onProgress?: (bytes: number) => void;
  /** Warn when a count in a breakdown that could single out a person is below this (--min-cell). */
  readonly minCell: number;
  /** The sheet of a workbook to read (--sheet: a name or a number from 1); the first when absent. */
  readonly sheet?: string;
  /** Split every figure by this column (--by); otherwise each figure by its own `by`. */
  readonly by?: string;
  /** --suppress: mask small counts of breakdowns, and what would reveal them, in what is published. */
  readonly suppress?: boolean;
  /** Last year's respondents and population (--previous), for the change in response rate. */
  readonly previous?: { readonly respondents: number; readonly size: number; readonly source: string };
  /** Internal, for tests: the memory bound of the duplicate-respondent check (src/input/duplicates.ts). */
  readonly duplicates?: DuplicateCheckOptions;
}

/** Excel's own limit of columns: a header with more is no survey export, and each column costs memory. */
const MAX_COLUMNS = 16_384;

async function analyseAs(source: ByteSource, encoding: Encoding, options: AnalyseOptions): Promise<Results> {
  const { survey, messages } = options;
  const info: InputInfo & FormatInfo = { file: source.name, sha256: '', bytes: 0, encoding, bom: false, delimiter: ',', rowsRead: 0 };
  const faults: DataError[] = [];
  const listed: Exclusion[] = [];
  const warnings: Warning[] = [];
  const accumulator = new Accumulator(
    survey,
    {
      wanted: () => listed.length < options.listLimit || options.exclusionLog !== undefined,
      add: (exclusion) => {
        if (listed.length < options.listLimit) listed.push(Accumulator.keep(exclusion));
        options.exclusionLog?.add(exclusion);
      },
    },
    options.listLimit,
  );
  let header: ReturnType<typeof matchHeader> | undefined;
  let validator: RowValidator | undefined;
  let long: LongAssembler | undefined;
  let truncated = false;
  const byColumns = byColumnsOf(survey, options.by);
  let routers: GroupRouter[] = [];
  const fingerprint = new FingerprintBuilder(survey.definitionSha256);

  const checkAndCount = (record: RawRecord): boolean => {
    // 3. record → checked, normalised row
    const row = validator?.validate(record, faults) ?? null;
    if (faults.length >= options.faultLimit) {
      truncated = true;
      return false;
    }
    // 4. rules and counts: youth split, withdrawn consent, missing, n.v.t.; dates → lead times
    if (row !== null && faults.length === 0) {
      accumulator.add(row);
      fingerprint.add(row.respondent);
      // 4a. the same row to its group's accumulator, per by-column
      for (const router of routers) router.add(row, record, faults);
    }
    return true;
  };

  // 1. bytes → records: CSV (encoding, BOM, delimiter, RFC 4180 quoting), XLSX or SAV, told by the bytes
  let locate: Awaited<ReturnType<typeof readInput>>;
  try {
    locate = await readInput(source, encoding, info, messages, options.sheet, (record) => {
    if (header === undefined) {
      if (record.fields.length > MAX_COLUMNS) {
        throw new DataError('CJ_TOO_MANY_COLUMNS', messages.tooManyColumns(record.fields.length, MAX_COLUMNS), { file: source.name, line: record.line });
      }
      // 2. header → column map (personal-data column names refused here); a long-shaped file
      //    (one answer per row) is assembled into wide records first.
      long = isLongShape(record.fields, survey)
        ? new LongAssembler(record.fields, survey, source.name, messages, options.allowColumns, record.line, options.faultLimit)
        : undefined;
      header = matchHeader(long?.wideHeader ?? record.fields, survey, source.name, record.line, options.allowColumns, messages, options.faultLimit);
      faults.push(...(long?.headerFaults ?? []), ...header.faults);
      truncated = faults.length >= options.faultLimit;
      validator = new RowValidator(survey, header.map, source.name, messages, options.allowColumns, options.duplicates);
      const fields = long?.wideHeader ?? record.fields;
      routers = byColumns.map((by) => new GroupRouter(survey, by, fields, source.name, messages));
      return faults.length === 0;
    }
    info.rowsRead++;
    if ((info.rowsRead & 4095) === 0) options.onProgress?.(info.bytes);
    if (long === undefined) return checkAndCount(record);
    long.add(record, faults);
    truncated = faults.length >= options.faultLimit;
    return !truncated;
  });
    if (long !== undefined && faults.length === 0) {
      for (const record of long.records()) if (!checkAndCount(record)) break;
    }
    if (!truncated && validator !== undefined) {
      const before = faults.length;
      validator.finish(faults);
      // Repeats found at the end go among the other faults by line (a stable sort keeps the rest in order).
      if (faults.length > before) faults.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
    }
  } finally {
    validator?.close();
  }
  if (faults.length > 0) throw new DataErrors(locateFaults(faults.slice(0, options.faultLimit), locate), truncated);
  if (header === undefined || info.rowsRead === 0) {
    throw new DataError('CJ_NO_ROWS', messages.headerOnly(), { file: source.name });
  }

  // 5.–7. tallies → figures, grade, youth, lead times, satisfaction, response, breakdowns (count/assemble.ts)
  const counted = assembleCounts(
    survey,
    accumulator.tallies,
    routers.map((router) => ({ by: router.by, groups: new Map([...router.groups].map(([key, group]) => [key, group.accumulator.tallies])) })),
    { messages, minCell: options.minCell, suppress: options.suppress === true, hasDates: header.map.dates.length > 0, ...(options.previous === undefined ? {} : { previous: options.previous }) },
  );

  // 6. what the reader must know about the input
  const { map } = header;
  const warn = (code: string, message: string): void => void warnings.push({ code, message });
  if (encoding === 'windows-1252') warn('CJ_READ_AS_WINDOWS_1252', messages.readAsWindows1252(source.name));
  if (info.encoding.startsWith('utf-16') && !info.bom) warn('CJ_READ_AS_UTF16', messages.readAsUtf16(source.name, info.encoding.toUpperCase()));
  // Background and by-columns are read, not passed over.
  const used = new Set([...survey.background.keys(), ...byColumns.map((by) => by.column), ...byColumns.flatMap((by) => by.background?.aliases ?? [])].map(columnKey));
  const ignored = [...map.unknown.filter((column) => !used.has(columnKey(column.key))).map((column) => column.name), ...(long?.ignored ?? [])];
  if (ignored.length > 0) warn('CJ_COLUMNS_IGNORED', messages.columnsIgnored(ignored));
  if (map.absent.length > 0) warn('CJ_COLUMNS_ABSENT', messages.columnsAbsent(map.absent));
  if ((validator?.shortRecords ?? 0) > 0) warn('CJ_SHORT_RECORDS', messages.shortRecords(validator?.shortRecords ?? 0));
  if (survey.untranslated.length > 0) warn('CJ_UNTRANSLATED', messages.untranslated(survey.lang, survey.untranslated));
  warnings.push(...counted.countWarnings);
  if (options.allowColumns.size > 0) warn('CJ_COLUMNS_ALLOWED', messages.columnsAllowed([...options.allowColumns].sort()));

  const { tallies } = accumulator;
  return buildResults({
    survey,
    version: options.version,
    input: {
      ...info,
      respondents: tallies.respondents,
      respondentsByTrack: Object.fromEntries(survey.tracks.map((track) => [track.id, tallies.respondentsByTrack.get(track.id) ?? 0])),
      withdrawn: tallies.withdrawn,
      withdrawnTotal: tallies.withdrawnTotal,
      shape: long === undefined ? 'wide' : 'long',
      columnsIgnored: ignored,
      columnsAbsent: map.absent,
      allowedColumns: [...options.allowColumns].sort(),
    },
    counted,
    exclusions: listed,
    warnings,
    fingerprint: fingerprint.finish(),
  });
}

/** Analyses one response file: UTF-8 first, and again as Windows-1252 when it is not UTF-8. */
export async function analyse(source: ByteSource, options: AnalyseOptions): Promise<Results> {
  try {
    return await analyseAs(source, 'utf-8', options);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    options.exclusionLog?.reset();
    return await analyseAs(source, 'windows-1252', options);
  } finally {
    await source.close?.();
  }
}
