/**
 * An SPSS system file (.sav, and .zsav) → the same records as a CSV file: the variable names as
 * the header (line 0), then one record a case, `line` the case number. Written from the PSPP
 * manual's chapter "System File Format", not from a library: no reader on the registry checked
 * the counts a file declares, and a hostile file must not make cj allocate what it declares.
 *
 * Values: a code on a variable with value labels becomes its label (`1` → "zeer negatief"), so
 * the definition's spellings apply; a user-missing code and system-missing are empty (a missing
 * answer); a code without a label on a labelled variable is a data error naming case and
 * variable; numbers without labels are numbers ("6.5"); dates (DATE, ADATE, EDATE, SDATE,
 * DATETIME… formats) are YYYY-MM-DD; strings are trimmed of SPSS's padding.
 */
import { inflateSync } from 'node:zlib';
import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';
import { iconvLite } from './lazy.js';
import { findPersonalData } from './personal-data.js';
import type { RawRecord } from './records.js';

export interface SavVariable {
  /** The long name (record 7.13), else the short one. */
  name: string;
  /** The variable label, '' when none. */
  label: string;
  /** 0 numeric, else the string's width in bytes. */
  width: number;
  /** Position of the first 8-byte unit of the variable in a case. */
  readonly unit: number;
  /** How many 8-byte units the variable's data takes (several segments for a very long string). */
  units: number;
  /** Print format type (PSPP's table: 5 F, 20 DATE, 23 ADATE …). */
  readonly format: number;
  /** Value labels: numeric code (as a string of its number) or trimmed string → label. */
  readonly labels: Map<string, string>;
  /** Discrete user-missing values, as for `labels`. */
  readonly missing: Set<string>;
  /** Numeric codes already turned into cell text (at most CELL_CACHE of them): a survey has few. */
  readonly cells: Map<number, string>;
  /** User-missing range, numeric only. */
  missingRange?: readonly [number, number];
}

export interface SavDictionary {
  readonly variables: readonly SavVariable[];
  /** The character encoding of names, labels and strings (record 7.20, else 7.3). */
  readonly encoding: string;
}

/** A file cj cannot read as SPSS: too short for what it declares, or an unknown record. */
class Broken extends Error {}

/** Bytes read with bounds: a declared count or length beyond the file's end throws Broken. */
class Cursor {
  at = 0;
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly little: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  need(count: number): void {
    if (!Number.isSafeInteger(count) || count < 0 || this.at + count > this.bytes.length) throw new Broken('beyond the end of the file');
  }

  int32(): number {
    this.need(4);
    const value = this.view.getInt32(this.at, this.little);
    this.at += 4;
    return value;
  }

  float64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.at, this.little);
    this.at += 8;
    return value;
  }

  take(count: number): Uint8Array {
    this.need(count);
    const slice = this.bytes.subarray(this.at, this.at + count);
    this.at += count;
    return slice;
  }

  skip(count: number): void {
    this.need(count);
    this.at += count;
  }

  /** `count` items of `size` bytes each: refused before anything is allocated when they cannot fit. */
  items(count: number, size: number): number {
    if (count < 0 || count * size > this.bytes.length - this.at) throw new Broken('declared count beyond the end of the file');
    return count;
  }
}

/** Windows code page numbers of record 7.3 → an encoding iconv-lite knows. */
function codePage(code: number): string {
  if (code === 65001 || code === 2 || code === 3) return 'utf-8';
  if (code === 20127) return 'ascii';
  if (code >= 28591 && code <= 28605) return `iso-8859-${code - 28590}`;
  return `windows-${code}`;
}

/** Print format types that hold a date: DATE, DATETIME, ADATE, JDATE, EDATE, SDATE, YMDHMS. */
const DATE_FORMATS = new Set([20, 22, 23, 24, 38, 39, 41]);
/** SPSS dates are seconds since 14 October 1582. */
const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);

function spssDate(seconds: number): string | null {
  const date = new Date(SPSS_EPOCH_MS + Math.floor(seconds / 86_400) * 86_400_000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** A number as cj reads it: shortest decimal, a whole number without a point. */
const numberText = (value: number): string => String(value);

/** The header of a system file, the dictionary, and the first byte of the data. */
function readDictionary(bytes: Uint8Array): { cursor: Cursor; dictionary: SavDictionary; compression: number; bias: number; caseUnits: number; sysmis: number } {
  if (bytes.length < 176) throw new Broken('shorter than the file header');
  const layoutLittle = new DataView(bytes.buffer, bytes.byteOffset + 64, 4).getInt32(0, true);
  const cursor = new Cursor(bytes, layoutLittle === 2 || layoutLittle === 3);
  cursor.skip(64);
  const layout = cursor.int32();
  if (layout !== 2 && layout !== 3) throw new Broken('unknown layout code');
  cursor.int32(); // nominal case size: recomputed from the variables
  const compression = cursor.int32();
  if (compression < 0 || compression > 2) throw new Broken('unknown compression');
  cursor.int32(); // weight index
  cursor.int32(); // number of cases: not trusted, the data is read to its end
  const bias = cursor.float64();
  cursor.skip(9 + 8 + 64 + 3);

  const raw: { width: number; shortName: Uint8Array; label: Uint8Array | null; format: number; missingCount: number; missing: (number | Uint8Array)[] }[] = [];
  const rawLabels: { values: Uint8Array[]; labels: Uint8Array[]; indexes: number[] }[] = [];
  let encodingName: string | undefined;
  let codePageName: string | undefined;
  let longNames: Uint8Array | undefined;
  let veryLong: Uint8Array | undefined;
  const longLabels: Uint8Array[] = [];
  const longMissing: Uint8Array[] = [];
  let sysmis = -Number.MAX_VALUE;

  for (;;) {
    const type = cursor.int32();
    if (type === 2) {
      const width = cursor.int32();
      const hasLabel = cursor.int32();
      const missingCount = cursor.int32();
      const format = cursor.int32();
      cursor.int32(); // write format
      const shortName = cursor.take(8);
      let label: Uint8Array | null = null;
      if (hasLabel === 1) {
        const length = cursor.int32();
        label = cursor.take(length);
        cursor.skip((4 - (length % 4)) % 4);
      }
      if (missingCount < -3 || missingCount > 3 || missingCount === -1) throw new Broken('bad missing-value count');
      const missing: (number | Uint8Array)[] = [];
      for (let index = 0; index < Math.abs(missingCount); index++) missing.push(width === 0 ? cursor.float64() : cursor.take(8));
      if (width < -1 || width > 255) throw new Broken('bad variable width');
      raw.push({ width, shortName, label, format: (format >> 16) & 0xff, missingCount, missing });
    } else if (type === 3) {
      const count = cursor.items(cursor.int32(), 9);
      const values: Uint8Array[] = [];
      const labels: Uint8Array[] = [];
      for (let index = 0; index < count; index++) {
        values.push(cursor.take(8));
        const length = cursor.take(1)[0] ?? 0;
        labels.push(cursor.take(length));
        cursor.skip((8 - ((length + 1) % 8)) % 8);
      }
      if (cursor.int32() !== 4) throw new Broken('value labels without their variables');
      const variableCount = cursor.items(cursor.int32(), 4);
      const indexes: number[] = [];
      for (let index = 0; index < variableCount; index++) indexes.push(cursor.int32() - 1);
      rawLabels.push({ values, labels, indexes });
    } else if (type === 6) {
      cursor.skip(cursor.items(cursor.int32(), 80) * 80);
    } else if (type === 7) {
      const subtype = cursor.int32();
      const size = cursor.int32();
      const count = cursor.int32();
      if (size < 0 || count < 0) throw new Broken('bad extension record');
      const data = cursor.take(cursor.items(count, size) * size);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if (subtype === 3 && size === 4 && count >= 8) codePageName = codePage(view.getInt32(28, cursor.little));
      else if (subtype === 4 && size === 8 && count >= 1) sysmis = view.getFloat64(0, cursor.little);
      else if (subtype === 13) longNames = data;
      else if (subtype === 14) veryLong = data;
      else if (subtype === 20) encodingName = new TextDecoder('latin1').decode(data).trim().toLowerCase();
      else if (subtype === 21) longLabels.push(data);
      else if (subtype === 22) longMissing.push(data);
    } else if (type === 999) {
      cursor.int32();
      break;
    } else {
      throw new Broken('unknown record type');
    }
  }

  const encoding = encodingName ?? codePageName ?? 'windows-1252';
  if (!iconvLite().encodingExists(encoding)) throw new Broken(`unknown encoding ${encoding}`);
  const decode = (data: Uint8Array): string => iconvLite().decode(Buffer.from(data), encoding);
  const trimEnd = (text: string): string => text.replace(/[\s\0]+$/, '');

  // Variables: a string's continuation records (width -1) are units of the variable before them.
  const variables: SavVariable[] = [];
  const byUnit = new Map<number, SavVariable>();
  const byShortName = new Map<string, SavVariable>();
  raw.forEach((record, unit) => {
    if (record.width === -1) {
      const last = variables[variables.length - 1];
      if (last === undefined) throw new Broken('continuation without a variable');
      last.units++;
      return;
    }
    const shortName = trimEnd(decode(record.shortName));
    const variable: SavVariable = {
      name: shortName,
      label: record.label === null ? '' : decode(record.label).trim(),
      width: record.width,
      unit,
      units: 1,
      format: record.format,
      labels: new Map(),
      missing: new Set(),
      cells: new Map(),
    };
    if (record.width === 0) {
      if (record.missingCount < 0) {
        const [low, high, discrete] = record.missing as number[];
        variable.missingRange = [low ?? 0, high ?? 0];
        if (discrete !== undefined) variable.missing.add(numberText(discrete));
      } else for (const value of record.missing as number[]) variable.missing.add(numberText(value));
    } else for (const value of record.missing as Uint8Array[]) variable.missing.add(decode(value).trim());
    variables.push(variable);
    byUnit.set(unit, variable);
    byShortName.set(shortName.toUpperCase(), variable);
  });

  for (const { values, labels, indexes } of rawLabels) {
    for (const index of indexes) {
      const variable = byUnit.get(index);
      if (variable === undefined) throw new Broken('value labels for no variable');
      values.forEach((value, at) => {
        const key = variable.width === 0 ? numberText(new DataView(value.buffer, value.byteOffset, 8).getFloat64(0, cursor.little)) : decode(value).trim();
        variable.labels.set(key, decode(labels[at] ?? new Uint8Array()).trim());
      });
    }
  }

  // Very long strings (over 255 bytes) are stored as segments, each its own variable of width ≤ 255.
  if (veryLong !== undefined) {
    for (const pair of decode(veryLong).split(/\0\t?|\t/)) {
      const match = /^([^=]+)=0*(\d+)/.exec(pair);
      if (match === null) continue;
      const variable = byShortName.get((match[1] ?? '').trim().toUpperCase());
      const width = Number(match[2]);
      if (variable === undefined || width <= 255 || width > 32767) continue;
      const segments = Math.ceil(width / 252);
      const at = variables.indexOf(variable);
      const parts = variables.splice(at + 1, segments - 1);
      if (parts.length !== segments - 1) throw new Broken('very long string without its segments');
      variable.width = width;
      variable.units = parts.reduce((sum, part) => sum + part.units, variable.units);
    }
  }

  if (longNames !== undefined) {
    for (const pair of decode(longNames).split('\t')) {
      const equals = pair.indexOf('=');
      if (equals === -1) continue;
      const variable = byShortName.get(pair.slice(0, equals).trim().toUpperCase());
      if (variable !== undefined) variable.name = pair.slice(equals + 1).replace(/\0+$/, '').trim();
    }
  }

  const byName = new Map(variables.map((variable) => [variable.name.toUpperCase(), variable]));
  // Labels and missing values of strings longer than 8 bytes (records 7.21, 7.22).
  for (const data of longLabels) {
    const records = new Cursor(data, cursor.little);
    while (records.at < data.length) {
      const variable = byName.get(decode(records.take(records.int32())).trim().toUpperCase());
      records.int32(); // width
      const count = records.items(records.int32(), 8);
      for (let index = 0; index < count; index++) {
        const value = decode(records.take(records.int32())).trim();
        const label = decode(records.take(records.int32())).trim();
        variable?.labels.set(value, label);
      }
    }
  }
  for (const data of longMissing) {
    const records = new Cursor(data, cursor.little);
    while (records.at < data.length) {
      const variable = byName.get(decode(records.take(records.int32())).trim().toUpperCase());
      const count = records.take(1)[0] ?? 0;
      // PSPP writes the value length once, then the values; older writers repeat it before each.
      const length = records.int32();
      for (let index = 0; index < count; index++) variable?.missing.add(decode(records.take(length)).trim());
    }
  }

  const caseUnits = raw.length;
  if (caseUnits === 0) throw new Broken('no variables');
  return { cursor, dictionary: { variables, encoding }, compression, bias, caseUnits, sysmis };
}

/** Pulls the data of the cases 8 bytes at a time, through the bytecode (and zlib) compression. */
interface CaseData {
  /**
   * The next 8-byte unit of the case data, or null at the end of the data. The unit returned is
   * reused for the next one (a case has millions of them): it is read at once.
   */
  next(): Unit | null;
}

type Unit = { kind: 'number'; value: number } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'sysmis' };
const SYSMIS_UNIT: Unit = { kind: 'sysmis' };

const SPACES: Uint8Array = new Uint8Array(8).fill(0x20);

function rawUnits(cursor: Cursor): CaseData {
  const unit = { kind: 'bytes' as const, bytes: SPACES };
  return {
    next() {
      if (cursor.at + 8 > cursor.bytes.length) return null;
      unit.bytes = cursor.take(8);
      return unit;
    },
  };
}

/** Bytecode: a block of 8 codes, each a small number, a raw unit, spaces, system-missing or the end. */
function bytecodeUnits(source: Cursor | (() => Cursor | null), bias: number): CaseData {
  let data: Cursor | null = typeof source === 'function' ? source() : source;
  const pull = (count: number): Uint8Array | null => {
    if (data !== null && data.bytes.length - data.at >= count) return data.take(count);
    // Across zlib blocks a code block or a unit may start in one and end in the next.
    let bytes: Uint8Array = new Uint8Array(0);
    while (data !== null && bytes.length < count) {
      const available = Math.min(count - bytes.length, data.bytes.length - data.at);
      const part = data.take(available);
      bytes = bytes.length === 0 && available === count ? part : concat(bytes, part);
      if (bytes.length < count) data = typeof source === 'function' ? source() : null;
    }
    return bytes.length === count ? bytes : null;
  };
  let codes: Uint8Array | null = null;
  let position = 8;
  const number = { kind: 'number' as const, value: 0 };
  const raw = { kind: 'bytes' as const, bytes: SPACES };
  const spaces: Unit = { kind: 'bytes', bytes: SPACES };
  return {
    next() {
      for (;;) {
        if (position === 8) {
          codes = pull(8);
          position = 0;
          if (codes === null) return null;
        }
        const code = codes?.[position++] ?? 252;
        if (code === 0) continue;
        if (code === 252) {
          codes = null;
          position = 8;
          data = null;
          return null;
        }
        if (code === 253) {
          const bytes = pull(8);
          if (bytes === null) throw new Broken('data ends inside a value');
          raw.bytes = bytes;
          return raw;
        }
        if (code === 254) return spaces;
        if (code === 255) return SYSMIS_UNIT;
        number.value = code - bias;
        return number;
      }
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** The largest zlib block PSPP or SPSS writes is 4 MiB inflated; more is refused. */
const MAX_ZLIB_BLOCK = 64 * 1024 * 1024;

function int64Of(bytes: Uint8Array, little: boolean): number {
  const value = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigInt64(0, little);
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Broken('bad offset');
  return Number(value);
}

/** ZSAV: the bytecode stream in zlib blocks listed by a trailer; one block inflated at a time. */
function zlibBlocks(cursor: Cursor): () => Cursor | null {
  const headerAt = cursor.at;
  const zheader = cursor.take(24);
  if (int64Of(zheader.subarray(0, 8), cursor.little) !== headerAt) throw new Broken('bad zlib header');
  const trailerAt = int64Of(zheader.subarray(8, 16), cursor.little);
  const trailerLength = int64Of(zheader.subarray(16, 24), cursor.little);
  const trailer = new Cursor(cursor.bytes, cursor.little);
  trailer.at = trailerAt;
  trailer.need(trailerLength);
  trailer.skip(16); // bias, zero
  const blockSize = trailer.int32();
  const blocks = trailer.items(trailer.int32(), 24);
  if (blockSize <= 0 || blockSize > MAX_ZLIB_BLOCK) throw new Broken('bad zlib block size');
  let index = 0;
  return () => {
    if (index >= blocks) return null;
    index++;
    trailer.skip(8); // where the block's bytes go in the inflated stream: they follow one another
    const at = int64Of(trailer.take(8), cursor.little);
    const inflatedSize = trailer.int32();
    const compressedSize = trailer.int32();
    if (inflatedSize < 0 || inflatedSize > blockSize || compressedSize < 0) throw new Broken('bad zlib block');
    const block = new Cursor(cursor.bytes, cursor.little);
    block.at = at;
    const compressed = block.take(compressedSize);
    let inflated: Uint8Array;
    try {
      inflated = inflateSync(compressed, { maxOutputLength: Math.max(1, inflatedSize) });
    } catch {
      throw new Broken('corrupt zlib block');
    }
    if (inflated.length !== inflatedSize) throw new Broken('zlib block of another size than declared');
    return new Cursor(inflated, cursor.little);
  };
}

/**
 * Reads a system file held in `bytes`: the variable names as the header (line 0), then each
 * case (line = its number from 1). `variables` receives the dictionary (names, labels).
 */
export function readSav(
  bytes: Uint8Array,
  file: string,
  messages: Messages,
  onRecord: (record: RawRecord) => boolean,
  variables: SavVariable[],
): SavDictionary {
  let parsed;
  try {
    parsed = readDictionary(bytes);
  } catch (error) {
    if (error instanceof Broken) throw new DataError('CJ_UNREADABLE_SAV', messages.unreadableFormat(file, 'SAV'), { file });
    throw error;
  }
  const { cursor, dictionary, compression, bias, caseUnits, sysmis } = parsed;
  variables.push(...dictionary.variables);
  const decode = (data: Uint8Array): string => iconvLite().decode(Buffer.from(data), dictionary.encoding);
  if (!onRecord({ fields: dictionary.variables.map((variable) => variable.name), line: 0 })) return dictionary;

  try {
    const units = compression === 0 ? rawUnits(cursor) : compression === 1 ? bytecodeUnits(cursor, bias) : bytecodeUnits(zlibBlocks(cursor), bias);
    const little = cursor.little;
    const scratch = new Uint8Array(8);
    const scratchView = new DataView(scratch.buffer);
    const asNumber = (unit: Unit): number | null => {
      if (unit.kind === 'number') return unit.value;
      if (unit.kind === 'sysmis') return null;
      scratch.set(unit.bytes);
      const value = scratchView.getFloat64(0, little);
      return value === sysmis || Number.isNaN(value) ? null : value;
    };
    const stringBytes = new Uint8Array(Math.max(8, ...dictionary.variables.map((variable) => variable.units * 8)));
    for (let caseNumber = 1; ; caseNumber++) {
      const fields: string[] = [];
      let unitIndex = 0;
      for (const variable of dictionary.variables) {
        if (variable.width === 0) {
          const unit = units.next();
          if (unit === null) {
            if (unitIndex === 0) return dictionary;
            throw new Broken('the last case is cut short');
          }
          unitIndex++;
          fields.push(numericCell(variable, asNumber(unit), caseNumber, file, messages));
          continue;
        }
        // A string: its units in order. A very long string is cut into segments of 256 bytes that
        // each hold 255 bytes of it (the segment count is the width over 252, SPSS's own rule).
        let length = 0;
        for (let index = 0; index < variable.units; index++) {
          const unit = units.next();
          if (unit === null) {
            if (unitIndex === 0) return dictionary;
            throw new Broken('the last case is cut short');
          }
          unitIndex++;
          const bytes = unit.kind === 'bytes' ? unit.bytes : SPACES;
          const inSegment = (index % 32) * 8;
          const keep = variable.width > 255 ? Math.min(8, 255 - inSegment) : 8;
          stringBytes.set(bytes.subarray(0, keep), length);
          length += keep;
        }
        const text = decode(stringBytes.subarray(0, Math.min(length, variable.width))).replace(/[ \0]+$/, '');
        fields.push(variable.missing.has(text.trim()) ? '' : variable.labels.get(text.trim()) ?? text);
      }
      if (unitIndex !== caseUnits) throw new Broken('case size does not match the variables');
      if (!onRecord({ fields, line: caseNumber })) return dictionary;
    }
  } catch (error) {
    if (error instanceof Broken) throw new DataError('CJ_UNREADABLE_SAV', messages.unreadableFormat(file, 'SAV'), { file });
    throw error;
  }
}

const CELL_CACHE = 4096;

function numericCell(variable: SavVariable, value: number | null, caseNumber: number, file: string, messages: Messages): string {
  if (value === null) return '';
  const cached = variable.cells.get(value);
  if (cached !== undefined) return cached;
  const text = codeText(variable, value, caseNumber, file, messages);
  if (variable.cells.size < CELL_CACHE) variable.cells.set(value, text);
  return text;
}

function codeText(variable: SavVariable, value: number, caseNumber: number, file: string, messages: Messages): string {
  const key = numberText(value);
  if (variable.missing.has(key)) return '';
  const range = variable.missingRange;
  if (range !== undefined && value >= range[0] && value <= range[1]) return '';
  if (variable.labels.size > 0) {
    const label = variable.labels.get(key);
    if (label !== undefined) return label;
    throw new DataError('CJ_UNLABELLED_CODE', messages.unlabelledCode(findPersonalData(key) === null ? key : null), {
      file,
      line: caseNumber,
      column: variable.name,
      unit: 'case',
    });
  }
  if (DATE_FORMATS.has(variable.format)) return spssDate(value) ?? key;
  return key;
}
