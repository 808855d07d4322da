/**
 * The fast path of a UTF-8 CSV file's body: records split from the bytes, no string per cell.
 * Each field is kept as its place in the chunk's bytes, so that an answer's spelling is looked up
 * in SpellingTable by its length, first and last byte and a byte comparison, and only the cells
 * that are read as text (the respondent code, the track, the mark, free text) become strings. On
 * the bytes it handles it gives the records splitWellFormed gives the same text
 * (test/input/byte-records.test.ts holds the two together); at the first record it does not
 * handle (a line end inside quotes, text after a closing quote, a line end other than the
 * header's) it stops, and the string path (records.ts) reads on from that record. The header is
 * read by the string path, always.
 */
import { isBlank } from './blank.js';
import { PlacedRecord } from './raw-record.js';

/** indexOf's -1 (none) as a place after every other. */
function after(index: number): number {
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

/** What a field's slots in ByteRecord.table hold: start, end, kind. */
export const SLOTS = 3;
/** A field's kind: as written, quoted (quotes off), quoted with `""` inside. */
export const PLAIN = 0;
const QUOTED = 1;
const ESCAPED = 2;

/** Buffer's own decoding of a range (what toString('utf8', start, end) calls, without its checks). */
type Utf8Slicing = Buffer & { utf8Slice(start: number, end: number): string };

/**
 * One record of the byte path: its fields are places in `bytes` (see the module comment), a
 * buffer the reader fills again with the next chunk: a record is valid while it is handed on
 * (onRecord), and what is kept of it must be made a string there.
 */
export class ByteRecord extends PlacedRecord {
  constructor(
    readonly bytes: Buffer,
    /** The same bytes as a plain Uint8Array (a Buffer's elements are read through a subclass). */
    readonly view: Uint8Array,
    /** The same bytes for reading four at a time. */
    readonly words: DataView,
    /** Per field SLOTS numbers from `offset` on: start, end, kind. */
    readonly table: Int32Array,
    readonly offset: number,
    readonly size: number,
    readonly line: number,
  ) {
    super();
  }

  protected make(index: number): string {
    if (index >= this.size) return '';
    const at = this.offset + index * SLOTS;
    const start = this.table[at] as number;
    const end = this.table[at + 1] as number;
    if (start === end) return '';
    const text = (this.bytes as Utf8Slicing).utf8Slice(start, end);
    return this.table[at + 2] === ESCAPED ? text.replaceAll('""', '"') : text;
  }

  /** Field `index` when it is written as one or two ASCII digits (unquoted, nothing else): its value; otherwise -1. */
  smallNumber(index: number): number {
    if (index >= this.size) return -1;
    const at = this.offset + index * SLOTS;
    if (this.table[at + 2] !== PLAIN) return -1;
    const start = this.table[at] as number;
    const length = (this.table[at + 1] as number) - start;
    const first = (this.bytes[start] as number) - 48;
    if (length < 1 || length > 2 || first < 0 || first > 9) return -1;
    if (length === 1) return first;
    const second = (this.bytes[start + 1] as number) - 48;
    return second < 0 || second > 9 ? -1 : first * 10 + second;
  }

  /**
   * Where field `index`'s bytes start and end in `bytes` (of a quoted field: between its quotes,
   * with any `""` as written). `index` < size.
   */
  start(index: number): number {
    return this.table[this.offset + index * SLOTS] as number;
  }

  end(index: number): number {
    return this.table[this.offset + index * SLOTS + 1] as number;
  }

  /** Whether every field is empty or white space (a blank line, or Excel's `;;;;`). */
  get blank(): boolean {
    const start = this.table[this.offset] as number;
    if (this.table[this.offset + 2] === PLAIN && (this.table[this.offset + 1] as number) > start && (this.bytes[start] as number) > 32) return false;
    return isBlank(this.fields);
  }
}

/**
 * The places of the fields splitBytes finds, kept for the next chunk (its records are gone by
 * then): one table for a whole file, not one a chunk (at 64 KiB chunks, gigabytes a million rows).
 */
export interface FieldTable {
  table: Int32Array;
}

/** A table for splitBytes: room for the fields of a chunk of 64 KiB of short cells; it grows as needed. */
export function fieldTable(): FieldTable {
  return { table: new Int32Array(SLOTS * 16_384) };
}

/** Where splitBytes stopped: the first byte of the first record it did not hand on. */
export interface ByteStop {
  readonly cursor: number;
  /** At a record it leaves to the string path; otherwise at an unfinished record (or the end). */
  readonly handOver: boolean;
}

/**
 * Splits the records of `bytes` from `from` to `to` (RFC 4180, `delimiter` a byte, line ends
 * `newline`: LF or CRLF), handing each to `onRecord` with its place in the file (`line`, one
 * physical line each: a record with a line end inside quotes is handed over). Without `last` it
 * stops before a record the bytes do not finish. `onRecord` returns false to stop; so does
 * splitBytes then, with handOver false. The byte before `to` must be a line end (LF), or, with
 * `last`, the byte at `to` (one past the data): the scan of a field stops there unchecked.
 */
export function splitBytes(
  bytes: Buffer,
  from: number,
  to: number,
  delimiter: number,
  crlf: boolean,
  last: boolean,
  firstLine: number,
  fields: FieldTable,
  onRecord: (record: ByteRecord) => boolean,
): ByteStop & { readonly line: number; readonly stopped: boolean } {
  let { table } = fields;
  // The next LF and CR at or after a quoted field's start (searched for only there, and again
  // only once passed): a line end inside quotes is the string path's.
  let nextLineEnd = -1;
  let nextCarriage = -1;
  let used = 0;
  let line = firstLine;
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let at = from;
  const stop = (cursor: number, handOver: boolean, stopped = false): ByteStop & { line: number; stopped: boolean } => ({ cursor, handOver, line, stopped });
  while (at < to) {
    const recordStart = at;
    const offset = used;
    let size = 0;
    let i = at;
    // One field per turn; `ended` once the record's line end (or the end of the bytes) is passed.
    let ended = false;
    while (!ended) {
      if (used + SLOTS > table.length) {
        const grown = new Int32Array(table.length * 2);
        grown.set(table);
        table = grown;
        fields.table = grown;
      }
      let start = i;
      let end: number;
      let kind = PLAIN;
      // At `to` (a field after the last delimiter of the file) this reads the line end after the data.
      let code = view[i] as number;
      if (code === 34) {
        let close = bytes.indexOf(34, i + 1);
        kind = QUOTED;
        while (close !== -1 && close + 1 < to && bytes[close + 1] === 34) {
          kind = ESCAPED;
          close = bytes.indexOf(34, close + 2);
        }
        // The closing quote, and the byte after it, must be in sight; at the file's end, an unclosed quote is the string path's.
        if (close === -1 || close >= to || (close + 1 >= to && !last)) return last ? stop(recordStart, true) : stop(recordStart, false);
        if (nextLineEnd < i) nextLineEnd = after(bytes.indexOf(10, i));
        if (nextCarriage < i) nextCarriage = after(bytes.indexOf(13, i));
        if (nextLineEnd < close || nextCarriage < close) return stop(recordStart, true);
        start = i + 1;
        end = close;
        i = close + 1;
        code = i < to ? (bytes[i] as number) : -1;
        if (code !== delimiter && code !== 10 && code !== 13 && code !== -1) return stop(recordStart, true);
      } else {
        // No bound to check: a line end comes first (`bytes` ends with one; see the caller's contract).
        while (code !== delimiter && code !== 10 && code !== 13) code = view[++i] as number;
        end = i;
        if (i >= to) code = -1;
      }
      table[used] = start;
      table[used + 1] = end;
      table[used + 2] = kind;
      used += SLOTS;
      size++;
      if (code === delimiter) {
        i++;
        continue;
      }
      if (code === -1) {
        // The bytes end inside the record: the file's last record, or one the next chunk finishes.
        if (!last) return stop(recordStart, false);
        ended = true;
      } else if (code === 10) {
        if (crlf) return stop(recordStart, true);
        i++;
        ended = true;
      } else {
        // A carriage return: the line end of a CRLF file, anything else is the string path's.
        if (!crlf) return stop(recordStart, true);
        if (i + 1 >= to) {
          if (!last) return stop(recordStart, false);
          return stop(recordStart, true);
        }
        if (bytes[i + 1] !== 10) return stop(recordStart, true);
        i += 2;
        ended = true;
      }
    }
    at = i;
    const record = new ByteRecord(bytes, view, words, table, offset, size, line);
    line++;
    if (size === 1 && table[offset] === table[offset + 1] && table[offset + 2] === PLAIN) continue;
    if (record.blank) continue;
    if (!onRecord(record)) return stop(at, false, true);
  }
  return stop(at, false);
}
