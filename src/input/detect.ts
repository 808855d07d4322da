/**
 * Which kind of file this is, from its first bytes (never from its name), and the reader for it:
 * CSV text, an Excel workbook (.xlsx/.xlsm) or an SPSS system file (.sav/.zsav). Every reader
 * hands the pipeline the same records, header first; what cj cannot read is refused by name,
 * never by printing its bytes.
 */
import { createHash } from 'node:crypto';
import { DataError, DataErrors, type Location } from '../errors.js';
import type { Messages, UnsupportedKind } from '../messages.js';
import { readRecords, type ByteSource, type Encoding, type InputInfo, type RawRecord } from './records.js';
import type { SavVariable } from './sav.js';

// The readers of workbooks and SPSS files (and node:zlib with them) load when the bytes say one
// is read: a CSV run does without them.
const sav = (): Promise<typeof import('./sav.js')> => import('./sav.js');
const xlsx = (): Promise<typeof import('./xlsx.js')> => import('./xlsx.js');
const zip = (): Promise<typeof import('./zip.js')> => import('./zip.js');

export type InputKind = 'csv' | 'xlsx' | 'sav' | UnsupportedKind;

/** A workbook or SPSS file is read into memory whole (the sheet itself is inflated in pieces): at most this. */
export const MAX_BINARY_BYTES = 1024 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((byte, index) => bytes[index] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** The kind of file from its first bytes; a ZIP is told apart by `classifyZip` once it is read. */
export function sniffKind(head: Uint8Array): InputKind | 'zip' {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, ascii('$FL2')) || startsWith(head, ascii('$FL3'))) return 'sav';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(head, ascii('%PDF'))) return 'pdf';
  // Anything else is read as text: the text reader tells UTF-16 without a byte-order mark by its
  // zero bytes, and refuses any other zero byte as no text (CJ_NOT_TEXT), wherever in the file.
  return 'csv';
}

/** An Excel workbook, an OpenDocument file (its first entry names its type), or another ZIP. */
export async function classifyZip(bytes: Uint8Array): Promise<'xlsx' | 'ods' | 'zip'> {
  const { inflateEntry, NotReadableZip, readZipDirectory } = await zip();
  let entries;
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    // A damaged workbook still names its parts in its local headers: read on, to be told it is damaged.
    if (error instanceof NotReadableZip) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('xl/workbook.xml') ? 'xlsx' : 'zip';
    throw error;
  }
  if (entries.has('xl/workbook.xml')) return 'xlsx';
  const mimetype = entries.get('mimetype');
  if (mimetype !== undefined) {
    let type = '';
    try {
      for await (const chunk of inflateEntry(bytes, mimetype, 200)) type += new TextDecoder().decode(chunk);
    } catch {
      return 'zip';
    }
    if (type.startsWith('application/vnd.oasis.opendocument')) return 'ods';
  }
  return 'zip';
}

async function readHead(source: ByteSource): Promise<Uint8Array> {
  for await (const chunk of source.open()) return Uint8Array.from(chunk.subarray(0, 16));
  return new Uint8Array(0);
}

/** The whole file, hashed as it is read; refused beyond MAX_BINARY_BYTES. */
async function readWhole(source: ByteSource, info: InputInfo, messages: Messages, what: string): Promise<Uint8Array> {
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of source.open()) {
    bytes += chunk.length;
    if (bytes > MAX_BINARY_BYTES) {
      throw new DataError('CJ_FILE_TOO_LARGE', messages.formatTooLarge(source.name, what, `${MAX_BINARY_BYTES / 1024 / 1024} MB`), { file: source.name });
    }
    hash.update(chunk);
    chunks.push(Uint8Array.from(chunk));
  }
  info.bytes = bytes;
  info.sha256 = hash.digest('hex');
  return Buffer.concat(chunks);
}

/** Extra input facts of a workbook or SPSS file, for results.json. */
export interface FormatInfo {
  /** What the file was read as, when not CSV (a CSV's results keep the shape they had). */
  format?: 'xlsx' | 'sav';
  /** XLSX: the sheet read. */
  sheet?: string;
  /** SAV: the character encoding the file declares (record 7.20, else its code page). */
  characterEncoding?: string;
  /** SAV: each variable's label, where it has one (for drafting a definition). */
  variableLabels?: Record<string, string>;
}

/** How locations of faults in this file are written: sheet rows and letters, or cases and variables. */
export type Locate = (location: Location) => Location;

/**
 * Reads any input cj knows, record by record, as `readRecords` does for CSV; `sheet` picks the
 * sheet of a workbook (ignored for other files). Returns how to word the location of a fault.
 * Throws a DataError naming the kind of file when it is one cj cannot read.
 */
export async function readInput(
  source: ByteSource,
  encoding: Encoding,
  info: InputInfo & FormatInfo,
  messages: Messages,
  sheet: string | undefined,
  onRecord: (record: RawRecord) => boolean,
): Promise<Locate> {
  const kind = sniffKind(await readHead(source));
  if (kind === 'csv') {
    await readRecords(source, encoding, info, messages, onRecord);
    return (location) => location;
  }
  const refuse = (unsupported: UnsupportedKind): DataError =>
    new DataError(`CJ_UNSUPPORTED_${unsupported.toUpperCase()}`, messages.unsupportedFormat(source.name, unsupported), { file: source.name });
  if (kind !== 'zip' && kind !== 'sav') throw refuse(kind === 'xlsx' ? 'zip' : kind);
  const bytes = await readWhole(source, info, messages, kind === 'sav' ? 'SAV' : 'XLSX');
  info.encoding = 'utf-8';
  info.bom = false;
  info.rowsRead = 0;
  if (kind === 'zip') {
    const zip = await classifyZip(bytes);
    if (zip !== 'xlsx') throw refuse(zip);
    info.format = 'xlsx';
    const state = { sheet: '' };
    let records = 0;
    let header: readonly string[] = [];
    const { columnLetter, readXlsx } = await xlsx();
    const layout = await readXlsx(bytes, source.name, sheet, messages, state, (record) => {
      if (records++ === 0) header = record.fields.map((name) => name.trim().toLowerCase());
      return onRecord(record);
    });
    info.sheet = state.sheet;
    if (records === 0) throw new DataError('CJ_EMPTY_FILE', messages.emptyFile(`${source.name} [${state.sheet}]`), { file: source.name });
    return (location) => {
      const index = location.column === undefined ? -1 : header.indexOf(location.column.trim().toLowerCase());
      const numbered = location.column === undefined ? -1 : /^#(\d+)$/.exec(location.column)?.[1];
      const at = index !== -1 ? index : numbered !== undefined && numbered !== -1 ? Number(numbered) - 1 : -1;
      return { ...location, unit: 'row', ...(at === -1 ? {} : { columnLetter: columnLetter(layout.firstColumn + at) }) };
    };
  }
  info.format = 'sav';
  const variables: SavVariable[] = [];
  const { readSav } = await sav();
  const dictionary = readSav(bytes, source.name, messages, onRecord, variables);
  const known: readonly string[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
  if (known.includes(dictionary.encoding)) info.encoding = dictionary.encoding as Encoding;
  info.characterEncoding = dictionary.encoding;
  const labels = variables.filter((variable) => variable.label !== '').map((variable) => [variable.name, variable.label] as const);
  if (labels.length > 0) info.variableLabels = Object.fromEntries(labels);
  return (location) => ({ ...location, unit: 'case' });
}

/** The faults of a run with their locations worded for the file they are in. */
export function locateFaults(faults: readonly DataError[], locate: Locate): DataError[] {
  return faults.map((fault) => {
    const location = locate(fault.location);
    return location === fault.location ? fault : new DataError(fault.code, fault.message, location);
  });
}

/** A thrown DataError or DataErrors with its locations worded for the file. */
export function locateError(error: unknown, locate: Locate): unknown {
  if (error instanceof DataErrors) return new DataErrors(locateFaults(error.errors, locate), error.truncated);
  if (error instanceof DataError) return locateFaults([error], locate)[0];
  return error;
}
