import { createHash } from 'node:crypto';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { DataError } from '../errors.js';
import type { Messages } from '../messages.js';
import { sniffDelimiter, type Delimiter } from './sniff.js';

/** Where the bytes come from: re-openable, so a file can be read again as Windows-1252. */
export interface ByteSource {
  /** The name shown in messages and results: never an absolute path. */
  readonly name: string;
  open(): AsyncIterable<Uint8Array>;
}

export type Encoding = 'utf-8' | 'windows-1252';

/** One CSV record with the physical line it starts on. */
export interface RawRecord {
  readonly fields: readonly string[];
  readonly line: number;
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

// Node's TextDecoder maps 0x80–0x9F of windows-1252 to C1 controls; iconv-lite has the real table.
function windows1252Decoder(): Decoder {
  const decoder = iconv.getDecoder('windows-1252');
  return { write: (chunk) => decoder.write(Buffer.from(chunk)), end: () => decoder.end() ?? '' };
}

/**
 * Bytes → CSV records, streaming. Detects the BOM, the delimiter (from the header line: csv-parse's
 * own detection breaks on a BOM and prefers the comma), and reads RFC 4180 quoting with LF or CRLF.
 * Throws NotUtf8 when encoding is 'utf-8' and the bytes are not.
 */
export async function* readRecords(
  source: ByteSource,
  encoding: Encoding,
  info: InputInfo,
  messages: Messages,
): AsyncGenerator<RawRecord> {
  const hash = createHash('sha256');
  const decoder = encoding === 'utf-8' ? utf8Decoder() : windows1252Decoder();
  info.encoding = encoding;
  info.bytes = 0;
  info.rowsRead = 0;
  let parser: ReturnType<typeof parse> | undefined;
  let pending = '';
  let firstChunk = true;
  const queue: RawRecord[] = [];
  let parseError: CsvError | undefined;
  let lastEndLine = 0;

  const startParser = (headerText: string): ReturnType<typeof parse> => {
    info.delimiter = sniffDelimiter(headerText);
    const created = parse({
      delimiter: info.delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    });
    created.on('data', (data: { record: string[]; info: { lines: number } }) => {
      let newlines = 0;
      for (const field of data.record) {
        if (field.includes('\n')) newlines += field.split('\n').length - 1;
      }
      lastEndLine = data.info.lines;
      queue.push({ fields: data.record, line: data.info.lines - newlines });
    });
    created.on('error', (error: CsvError) => {
      parseError = error;
    });
    return created;
  };

  const feed = (text: string): void => {
    if (parser === undefined) {
      pending += text;
      const newline = pending.indexOf('\n');
      if (newline === -1) return;
      parser = startParser(pending.slice(0, newline));
      text = pending;
      pending = '';
    }
    if (parseError === undefined) parser.write(text);
  };

  const drain = function* (): Generator<RawRecord> {
    while (queue.length > 0) yield queue.shift() as RawRecord;
    if (parseError !== undefined) throw csvFault(parseError, source.name, lastEndLine, messages);
  };

  for await (const chunk of source.open()) {
    hash.update(chunk);
    info.bytes += chunk.length;
    let bytes = chunk;
    if (firstChunk) {
      firstChunk = false;
      info.bom = UTF8_BOM.every((byte, index) => chunk[index] === byte);
      if (info.bom) bytes = chunk.subarray(3);
    }
    feed(decoder.write(bytes));
    yield* drain();
  }
  feed(decoder.end());
  if (parser === undefined) {
    if (pending.trim() === '') throw new DataError('CJ_EMPTY_FILE', messages.emptyFile(source.name), { file: source.name });
    parser = startParser(pending);
    parser.write(pending);
  }
  await new Promise<void>((resolve) => {
    parser?.end(resolve);
    parser?.on('error', () => resolve());
  });
  yield* drain();
  info.sha256 = hash.digest('hex');
}

function csvFault(error: CsvError, file: string, lastEndLine: number, messages: Messages): DataError {
  const line = lastEndLine + 1;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new DataError('CJ_UNTERMINATED_QUOTE', messages.unterminatedQuote(line), { file, line });
  }
  return new DataError('CJ_CSV_' + error.code.replace(/^CSV_/, ''), messages.csvError(error.message), { file, line });
}
