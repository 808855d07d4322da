import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type Papa from 'papaparse';
import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';
import { isBlank } from './blank.js';
import { PlacedRecord, type RawRecord } from './raw-record.js';
import { fieldTable, splitBytes } from './byte-records.js';
import { iconvLite, papaparse } from './lazy.js';
import { sniffDelimiter, type Delimiter } from './sniff.js';

/** Where the bytes come from: re-openable, so a file can be read again as Windows-1252. */
export interface ByteSource {
  /** The name shown in messages and results: never an absolute path. */
  readonly name: string;
  /** The bytes in chunks; a chunk may be reused for the next one, so it is used at once. */
  open(): AsyncIterable<Uint8Array>;
  /** Size in bytes, where known: lets the reader size its tables once. */
  readonly size?: number;
  /** Releases what open() keeps between passes (a pipe read once and kept for a second pass). */
  close?(): Promise<void>;
}

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type { RawRecord } from './raw-record.js';

/**
 * A record as splitWellFormed reads it: each field a place in the decoded text, made into a
 * string only when asked. Most cells of a wide file are answers on a scale, only looked up
 * (SpellingTable.of compares them where they are): no string per cell, 26% of a run at 1M rows.
 * `bounds` holds each field's start and end; a quoted field's text (quotes taken off, `""` as
 * `"`) is in `quoted` instead, its bounds -1.
 */
export class TextRecord extends PlacedRecord {
  constructor(
    readonly text: string,
    readonly bounds: readonly number[],
    private readonly quoted: readonly (string | undefined)[] | undefined,
    readonly line: number,
  ) {
    super();
  }

  get size(): number {
    return this.bounds.length >> 1;
  }

  protected make(index: number): string {
    const start = this.bounds[2 * index];
    if (start === undefined) return '';
    if (start < 0) return this.quoted?.[index] ?? '';
    return this.text.slice(start, this.bounds[2 * index + 1]);
  }

  /** Whether every field is empty or white space (a blank line, or Excel's `;;;;`). */
  get blank(): boolean {
    const { bounds, text } = this;
    const first = bounds[0] ?? 0;
    if (first >= 0 && (bounds[1] ?? 0) > first && text.charCodeAt(first) > 32) return false;
    return isBlank(this.fields);
  }
}

/** A record's field as text, '' past its end: without making every field of a TextRecord a string. */
export function fieldOf(record: RawRecord, index: number): string {
  return record instanceof PlacedRecord ? record.field(index) : (record.fields[index] ?? '');
}

/** How many fields a record has. */
export function fieldCount(record: RawRecord): number {
  return record instanceof PlacedRecord ? record.size : record.fields.length;
}

/** What was learned about the file while reading it; complete once the records are consumed. */
export interface InputInfo {
  file: string;
  sha256: string;
  bytes: number;
  encoding: Encoding;
  bom: boolean;
  delimiter: Delimiter;
  /** Records after the header. */
  rowsRead: number;
}

/** Thrown inside the UTF-8 pass when the bytes are not UTF-8: the caller reads again as Windows-1252. */
export class NotUtf8 extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Bytes enough to tell a byte-order mark, and UTF-16 without one (utf16WithoutBom looks at 512). */
const HEAD_BYTES = 512;

interface Decoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

function utf8Decoder(): Decoder {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const guard = (decode: () => string): string => {
    try {
      return decode();
    } catch {
      throw new NotUtf8();
    }
  };
  return {
    write: (chunk) => guard(() => decoder.decode(chunk, { stream: true })),
    end: () => guard(() => decoder.decode()),
  };
}

function utf16Decoder(encoding: 'utf-16le' | 'utf-16be'): Decoder {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

// Node's TextDecoder maps 0x80–0x9F of windows-1252 to C1 controls; iconv-lite has the real table.
function windows1252Decoder(): Decoder {
  const decoder = iconvLite().getDecoder('windows-1252');
  return { write: (chunk) => decoder.write(Buffer.from(chunk)), end: () => decoder.end() ?? '' };
}


const SEP_LINE = /^\s*"?sep=([,;\t])"?\s*$/i;

/**
 * The most characters the header line may take, the blank lines above it together, or one
 * record (a wide row, with any line ends inside its quoted fields). A response file's rows are
 * a few kB; beyond this an input is not a response file, and reading on would cost memory and
 * (re-parsing an unfinished record for every chunk) time that grows with the square of it.
 */
export const MAX_LINE = 1024 * 1024;

const LINE_END = /\r\n|\r|\n/g;

function countLineEnds(text: string): number {
  return text.match(LINE_END)?.length ?? 0;
}

/**
 * UTF-16 written without a byte-order mark, recognised by its zero bytes: text that is mostly
 * ASCII has a zero in every other byte, the second of each pair (LE) or the first (BE).
 */
function utf16WithoutBom(chunk: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(chunk.length, 512) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (chunk[i] === 0) evenZeros++;
    if (chunk[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros * 2 >= pairs && evenZeros * 16 <= pairs) return 'utf-16le';
  if (evenZeros * 2 >= pairs && oddZeros * 16 <= pairs) return 'utf-16be';
  return undefined;
}

/** Where the first zero byte of a chunk is, or -1 (memchr on a Buffer: no cost to speak of). */
function zeroByte(chunk: Uint8Array): number {
  const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return bytes.indexOf(0);
}

/** Where a splitter stopped: the start of the first record it did not hand on, and why. */
interface Stop {
  readonly cursor: number;
  /** At a record it leaves to papaparse (see splitWellFormed). */
  readonly handOver: boolean;
}

/**
 * RFC 4180 records of a piece of text, each handed to `onRow` as soon as it is split (with the
 * count of line ends inside its fields), so that one row lives at a time: fields split at the
 * delimiter by indexOf, quoted fields with `""` and line ends inside, records at the line end
 * named by the header line. On such text it gives what papaparse's Parser gives; it stops and
 * hands over at the first record it leaves to papaparse: text after a closing quote (malformed,
 * or spaces before the delimiter), or a quote still open at the end of the file. Without `last`
 * it stops before a record the text does not finish. `onRow` returns false to stop.
 */
function splitWellFormed(
  text: string,
  delimiter: string,
  newline: string,
  last: boolean,
  onRow: (bounds: number[], quoted: (string | undefined)[] | undefined, lineEnds: number) => boolean,
): Stop {
  const length = text.length;
  const newlineFirst = newline.charCodeAt(0);
  const delimiterCode = delimiter.charCodeAt(0);
  // The character counted as a line end inside a field, as the papaparse path counts it.
  const lineChar = newline === '\r' ? '\r' : '\n';
  let nextDelimiter = text.indexOf(delimiter);
  let nextNewline = text.indexOf(newline);
  let nextLineChar = text.indexOf(lineChar);
  // The record being split: its fields' places (see TextRecord), quoted fields' text apart.
  let bounds: number[] = [];
  let quoted: (string | undefined)[] | undefined;
  let start = 0;
  let at = 0;
  /** The record's fields end at `end` (where its line end starts); the next record starts at `next`. */
  const endRow = (end: number, next: number): boolean => {
    let lineEnds = 0;
    while (nextLineChar !== -1 && nextLineChar < end) {
      lineEnds++;
      nextLineChar = text.indexOf(lineChar, nextLineChar + 1);
    }
    if (nextLineChar !== -1 && nextLineChar < next) nextLineChar = text.indexOf(lineChar, next);
    const fields = bounds;
    const texts = quoted;
    bounds = [];
    quoted = undefined;
    start = at = next;
    return onRow(fields, texts, lineEnds);
  };
  while (at <= length) {
    if (text.charCodeAt(at) === 34) {
      let close = text.indexOf('"', at + 1);
      let escaped = false;
      while (close !== -1 && text.charCodeAt(close + 1) === 34) {
        escaped = true;
        close = text.indexOf('"', close + 2);
      }
      if (close === -1 || (close + 1 === length && !last)) return { cursor: start, handOver: last };
      const inner = text.slice(at + 1, close);
      quoted ??= [];
      quoted[bounds.length >> 1] = escaped ? inner.replaceAll('""', '"') : inner;
      bounds.push(-1, -1);
      const after = close + 1;
      if (after === length) {
        endRow(length, length);
        return { cursor: length, handOver: false };
      }
      const next = text.charCodeAt(after);
      if (next === delimiterCode) {
        at = after + 1;
        if (nextDelimiter !== -1 && nextDelimiter < at) nextDelimiter = text.indexOf(delimiter, at);
        if (nextNewline !== -1 && nextNewline < at) nextNewline = text.indexOf(newline, at);
        continue;
      }
      if (next === newlineFirst && text.startsWith(newline, after)) {
        if (!endRow(after, after + newline.length)) return { cursor: start, handOver: false };
        if (nextDelimiter !== -1 && nextDelimiter < at) nextDelimiter = text.indexOf(delimiter, at);
        nextNewline = text.indexOf(newline, at);
        continue;
      }
      return { cursor: start, handOver: true };
    }
    if (nextDelimiter !== -1 && (nextDelimiter < nextNewline || nextNewline === -1)) {
      bounds.push(at, nextDelimiter);
      at = nextDelimiter + 1;
      nextDelimiter = text.indexOf(delimiter, at);
      continue;
    }
    if (nextNewline !== -1) {
      bounds.push(at, nextNewline);
      if (!endRow(nextNewline, nextNewline + newline.length)) return { cursor: start, handOver: false };
      nextNewline = text.indexOf(newline, at);
      continue;
    }
    // The text ends inside a record: the file's last, or one the next piece of text finishes.
    if (!last) return { cursor: start, handOver: false };
    if (at < length || bounds.length > 0) {
      bounds.push(at, length);
      endRow(length, length);
    }
    return { cursor: length, handOver: false };
  }
  return { cursor: start, handOver: false };
}

/**
 * Bytes → CSV records, streaming: each record is handed to `onRecord` as soon as it is complete;
 * `onRecord` returns false to stop reading. Detects the BOM and the delimiter (from the header
 * line: csv-parse's own detection breaks on a BOM and prefers the comma), and reads RFC 4180
 * quoting with LF, CRLF or CR line ends.
 *
 * Records are split by splitWellFormed as long as the text is well formed, handed on one at a
 * time; from the first record it leaves (a malformed quote, an unterminated one at the end) to
 * the end of the file, by papaparse's core Parser, driven chunk by chunk as before. Papaparse
 * read 2.6 times as many rows a second as csv-parse; the splitter takes 15% less CPU than
 * papaparse for the whole run on 100 000 wide rows, and keeps one row alive, not a chunk of
 * them (`npm run bench` compares cj with both parsers alone).
 * Throws NotUtf8 when encoding is 'utf-8' and the bytes are not.
 */
export async function readRecords(
  source: ByteSource,
  encoding: Encoding,
  info: InputInfo,
  messages: Messages,
  onRecord: (record: RawRecord) => boolean,
): Promise<void> {
  const hash = createHash('sha256');
  let decoder = encoding === 'utf-8' ? utf8Decoder() : windows1252Decoder();
  info.encoding = encoding;
  info.bytes = 0;
  info.rowsRead = 0;
  /** Seen the header; papaparse's Parser is made only when the well-formed splitter hands over. */
  let headerSeen = false;
  let parser: Papa.Parser | undefined;
  let newline: '\n' | '\r' | '\r\n' = '\n';
  let pending = '';
  /** Physical line on which `pending` starts. */
  let line = 1;
  let stopped = false;
  let records = 0;
  let declared: Delimiter | undefined;
  let wellFormed = true;
  /** Characters of blank lines (and a `sep=` line) read before the header. */
  let skipped = 0;
  const fail = (code: string, message: string, at: number): DataError => new DataError(code, message, { file: source.name, line: at });

  const parse = (text: string, last: boolean): void => {
    pending += text;
    if (!headerSeen) {
      // Blank lines above the header are dropped as they arrive (a CR is kept until the next
      // chunk tells whether an LF follows), so that pending holds at most the header line.
      const lead = /^\s*/.exec(pending)?.[0] ?? '';
      let end = Math.max(lead.lastIndexOf('\n'), lead.lastIndexOf('\r')) + 1;
      if (end > 0 && end === pending.length && !last && pending.endsWith('\r')) end--;
      if (end > 0) {
        line += countLineEnds(pending.slice(0, end));
        skipped += end;
        pending = pending.slice(end);
      }
      if (skipped > MAX_LINE) throw fail('CJ_NO_HEADER', messages.headerTooFar(MAX_LINE), line);
      // The header is the first line that is not blank: sniff the delimiter and line end there.
      const header = /^[^\S\r\n]*\S[^\r\n]*(\r\n|\r|\n)?/.exec(pending);
      const complete = header !== null && header[1] !== undefined && !(header[1] === '\r' && header[0].length === pending.length);
      if (!complete && !last) {
        if (pending.length > MAX_LINE) throw fail('CJ_LINE_TOO_LONG', messages.lineTooLong(line, MAX_LINE), line);
        return;
      }
      // Excel writes `sep=;` above the header when asked to name its delimiter: take it, skip it.
      const named = SEP_LINE.exec(header?.[0] ?? '');
      if (named !== null && header !== null) {
        declared = named[1] as Delimiter;
        line += countLineEnds(header[0]);
        skipped += header[0].length;
        pending = pending.slice(header[0].length);
        parse('', last);
        return;
      }
      if ((header?.[0].length ?? 0) > MAX_LINE) throw fail('CJ_LINE_TOO_LONG', messages.lineTooLong(line, MAX_LINE), line);
      info.delimiter = declared ?? sniffDelimiter(header?.[0] ?? '');
      const ending = header?.[1];
      newline = ending === '\r\n' || ending === '\r' ? ending : '\n';
      headerSeen = true;
    }
    const newlineChar = newline === '\r' ? '\r' : '\n';
    if (wellFormed) {
      // The well-formed splitter while it can; from the first record it leaves, papaparse to the end.
      const text = pending;
      const stop = splitWellFormed(text, info.delimiter, newline, last, (bounds, quoted, lineEnds) => {
        const record = new TextRecord(text, bounds, quoted, line);
        line += 1 + lineEnds;
        if (record.blank) return true;
        records++;
        stopped = !onRecord(record);
        return !stopped;
      });
      if (stopped) return;
      pending = pending.slice(stop.cursor);
      wellFormed = !stop.handOver;
    }
    if (wellFormed) {
      checkPendingLength(newlineChar);
      return;
    }
    parser ??= new (papaparse().Parser)({ delimiter: info.delimiter, newline, quoteChar: '"' });
    const result = parser.parse(pending, 0, !last);
    const malformed = new Set<number>();
    let unterminatedRow = -1;
    for (const error of result.errors) {
      if (error.code === 'MissingQuotes') unterminatedRow = error.row ?? -1;
      else if (error.row !== undefined) malformed.add(error.row);
    }
    const rows = result.data as string[][];
    // Line numbers: when the parsed text has as many line ends as rows, no field holds one,
    // and the per-field scan can be skipped (it is the common case, and 10% of the run time).
    const consumed = last ? pending.length : result.meta.cursor;
    let lineEnds = 0;
    for (let at = pending.indexOf(newlineChar); at !== -1 && at < consumed; at = pending.indexOf(newlineChar, at + 1)) lineEnds++;
    const multiLine = lineEnds > rows.length - (last ? 1 : 0);
    for (let index = 0; index < rows.length; index++) {
      const fields = rows[index] as string[];
      let lines = 1;
      if (multiLine) {
        for (const field of fields) {
          for (let at = field.indexOf(newlineChar); at !== -1; at = field.indexOf(newlineChar, at + 1)) lines++;
        }
      }
      const start = line;
      line += lines;
      if (index === unterminatedRow) {
        throw new DataError('CJ_UNTERMINATED_QUOTE', messages.unterminatedQuote(start), { file: source.name, line: start });
      }
      if (isBlank(fields)) continue;
      records++;
      if (!onRecord({ fields, line: start, malformed: malformed.has(index) })) {
        stopped = true;
        return;
      }
    }
    pending = last ? '' : pending.slice(result.meta.cursor);
    checkPendingLength(newlineChar);
  };
  const checkPendingLength = (newlineChar: string): void => {
    if (pending.length <= MAX_LINE) return;
    // An unfinished record this long: a line that never ends, or a quote that never closes
    // (only inside quotes can a line end fail to end the record).
    const inQuotes = pending.includes(newlineChar);
    throw inQuotes
      ? fail('CJ_UNTERMINATED_QUOTE', messages.quotedTooLong(line, MAX_LINE), line)
      : fail('CJ_LINE_TOO_LONG', messages.lineTooLong(line, MAX_LINE), line);
  };

  // The byte path (byte-records.ts): UTF-8 records past the header, while they are plain.
  // `leftover` is the start of a record the last chunk did not finish.
  let byteMode = false;
  let workspace: Buffer = Buffer.allocUnsafeSlow(0);
  const fields = fieldTable();
  let leftover: Buffer = workspace;
  const feedBytes = (chunk: Uint8Array, last: boolean): void => {
    // One buffer for all chunks (the records of the last chunk are gone: each is used at once),
    // the unfinished record moved to its front. At the file's end, a line end after the data:
    // splitBytes scans a field up to a line end.
    const length = leftover.length + chunk.length + (last ? 1 : 0);
    const inWorkspace = leftover.buffer === workspace.buffer && leftover.byteOffset >= workspace.byteOffset && leftover.byteOffset + leftover.length <= workspace.byteOffset + workspace.length;
    if (workspace.length >= length && inWorkspace) {
      workspace.copyWithin(0, leftover.byteOffset - workspace.byteOffset, leftover.byteOffset - workspace.byteOffset + leftover.length);
    } else {
      // Never from Buffer's shared pool: the workspace is this reader's alone.
      const grown = workspace.length >= length ? workspace : Buffer.allocUnsafeSlow(Math.max(length, 2 * workspace.length));
      grown.set(leftover, 0);
      workspace = grown;
    }
    const work = workspace.subarray(0, length);
    work.set(chunk, leftover.length);
    if (last) work[length - 1] = 10;
    // Up to the last line end, the bytes hold whole characters: checked as UTF-8 there.
    const cut = last ? work.length - 1 : work.lastIndexOf(10) + 1;
    if (!isUtf8(work.subarray(0, cut))) throw new NotUtf8();
    const split = splitBytes(work, 0, cut, info.delimiter.charCodeAt(0), newline === '\r\n', last, line, fields, (record) => {
      records++;
      return onRecord(record);
    });
    line = split.line;
    if (split.stopped) {
      stopped = true;
      return;
    }
    leftover = work.subarray(split.cursor, last ? work.length - 1 : work.length);
    if (split.handOver || leftover.length > MAX_LINE) {
      // From this record on, the string path; the bytes before it were whole characters.
      byteMode = false;
      decoder = utf8Decoder();
      const rest = leftover;
      leftover = Buffer.alloc(0);
      parse(decoder.write(rest), false);
      if (last && !stopped) parse(decoder.end(), true);
    }
  };
  /** The string path on `bytes`, and from their last line end on the byte path where it can take over. */
  const feedText = (bytes: Uint8Array): void => {
    const cut = encoding === 'utf-8' && info.encoding === 'utf-8' && wellFormed ? bytes.lastIndexOf(10) + 1 : 0;
    if (cut > 0) {
      parse(decoder.write(bytes.subarray(0, cut)), false);
      if (stopped) return;
      if (headerSeen && wellFormed && pending === '' && newline !== '\r') {
        byteMode = true;
        leftover = Buffer.from(bytes.subarray(cut));
        return;
      }
    }
    parse(decoder.write(bytes.subarray(cut)), false);
  };

  /** One chunk of the bytes, the first told apart by its marks; `counted` bytes read so far. */
  const take = (chunk: Uint8Array, first: boolean): void => {
    let bytes = chunk;
    if (first) {
      info.bom = UTF8_BOM.every((byte, index) => chunk[index] === byte);
      if (info.bom) bytes = chunk.subarray(3);
      // Excel's "Unicode text" is UTF-16 with a byte-order mark: that mark decides, whatever was tried.
      const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : undefined;
      if (utf16 !== undefined) {
        info.bom = true;
        info.encoding = utf16;
        decoder = utf16Decoder(utf16);
        bytes = chunk.subarray(2);
      } else if (!info.bom) {
        const guessed = utf16WithoutBom(chunk);
        if (guessed !== undefined) {
          info.encoding = guessed;
          decoder = utf16Decoder(guessed);
        }
      }
    }
    // A zero byte is no character of a CSV file: a workbook, an image, or /dev/zero.
    if (!info.encoding.startsWith('utf-16')) {
      const zero = zeroByte(chunk);
      if (zero !== -1) throw new DataError('CJ_NOT_TEXT', messages.notText(info.bytes - chunk.length + zero), { file: source.name });
    }
    if (byteMode) feedBytes(bytes, false);
    else feedText(bytes);
  };

  // The first bytes are held until there are enough to tell a byte-order mark and UTF-16 by
  // (a pipe may give them a few at a time), then taken as the first chunk.
  let head: Uint8Array | undefined = new Uint8Array(0);
  for await (const chunk of source.open()) {
    hash.update(chunk);
    info.bytes += chunk.length;
    if (head !== undefined) {
      const joined: Uint8Array = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (joined.length < HEAD_BYTES) {
        head = Uint8Array.from(joined);
        continue;
      }
      head = undefined;
      take(joined, true);
    } else take(chunk, false);
    if (stopped) return;
  }
  if (head !== undefined && head.length > 0) {
    take(head, true);
    if (stopped) return;
  }
  if (byteMode) feedBytes(new Uint8Array(0), true);
  else parse(decoder.end(), true);
  if (records === 0) {
    throw new DataError('CJ_EMPTY_FILE', messages.emptyFile(source.name), { file: source.name });
  }
  info.sha256 = hash.digest('hex');
}
