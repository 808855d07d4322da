/**
 * The CSV reader (readRecords) with its byte path, against an oracle written apart from it:
 * seeded random CSV files whose records and physical lines the generator knows as it writes
 * them, and papaparse's Papa.parse on the whole decoded text for the fields. The files mix what
 * the byte path reads itself (plain and quoted fields, `""`, empty fields, blank lines, trailing
 * delimiters, text outside ASCII, records longer than a 64 KiB chunk) with what it hands to the
 * string path (a line end inside quotes, a CR or LF that is not the file's line end), and the
 * source yields them in chunks of 1, 7, 4096 and 65536 bytes and odd mixes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ByteRecord } from '../../src/input/byte-records.js';
import { messages } from '../../src/messages.js';
import { readRecords, type ByteSource, type InputInfo } from '../../src/input/records.js';
import { seededRandom as random } from '../helpers/random.js';

interface Expected {
  readonly fields: readonly string[];
  readonly line: number;
}

interface Generated {
  readonly text: string;
  readonly delimiter: ',' | ';' | '\t';
  readonly newline: '\n' | '\r\n';
  readonly bom: boolean;
  /** The records a reader must give: the header and every row that is not blank, with the physical line each starts on. */
  readonly records: readonly Expected[];
  readonly long: boolean;
}

// Characters of a plain field: letters, digits, spaces, the other delimiters, and characters of
// 2, 3 and 4 bytes in UTF-8 (so that a chunk may end inside one).
const plainCharacters = [...'abcxyzABZ0123456789', ' ', ' ', '.', '-', '@', ',', ';', '\t', 'é', 'ß', '\u00a0', '中', '€', '😀'];

/** `char` put after the first character of `text` (not inside an emoji's surrogate pair). */
function afterFirst(text: string, char: string): string {
  const [first = '', ...rest] = [...text];
  return first + char + rest.join('');
}

/** A random CSV file, and what it holds, written out by hand: the oracle's first half. */
function generate(seed: number, long: boolean): Generated {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const chance = (p: number): boolean => next() < p;
  const delimiter = pick([',', ';', '\t'] as const);
  const newline = pick(['\n', '\r\n'] as const);
  const bom = chance(0.2);
  const plain = (length: number): string => {
    let text = '';
    while (text.length < length) {
      const char = pick(plainCharacters);
      if (char !== delimiter) text += char;
    }
    // A quote inside an unquoted field is text (never at its start, where it would open quotes).
    if (text.length > 1 && chance(0.05)) text = afterFirst(text, '"');
    return text;
  };
  /** One field: its text as written and its value. */
  const field = (): { written: string; value: string } => {
    const roll = next();
    if (roll < 0.15) return { written: '', value: '' };
    if (roll < 0.6) {
      const value = plain(Math.floor(next() * 12));
      // A stray CR (LF file) or LF (CRLF file) in an unquoted field is text: the string path's.
      if (value.length > 0 && chance(0.01)) {
        const stray = newline === '\n' ? '\r' : '\n';
        const withStray = afterFirst(value, stray);
        return { written: withStray, value: withStray };
      }
      return { written: value, value };
    }
    // Quoted: delimiters, quotes (as ""), and now and then a line end inside (the string path's).
    let value = '';
    const length = Math.floor(next() * 14);
    for (let i = 0; i < length; i++) {
      const r = next();
      value += r < 0.1 ? '"' : r < 0.2 ? delimiter : r < 0.23 ? pick(['\n', '\r\n']) : pick(plainCharacters);
    }
    return { written: `"${value.replaceAll('"', '""')}"`, value };
  };
  const lines: string[] = [];
  const records: Expected[] = [];
  /** Physical lines written so far: every LF ends one (a CR alone, inside a field, does not). */
  let line = 1;
  const write = (written: string, value: readonly string[] | undefined): void => {
    if (value !== undefined && !value.every((cell) => cell.trim() === '')) records.push({ fields: value, line });
    lines.push(written);
    line += 1 + (written.match(/\n/g)?.length ?? 0);
  };
  // Blank lines above the header, then the header: names alone, so it sniffs as the delimiter.
  for (let i = Math.floor(next() * 3) - 1; i > 0; i--) write(pick(['', '  ']), undefined);
  const columns = 2 + Math.floor(next() * 5);
  const header = Array.from({ length: columns }, (_, i) => `kolom${i}`);
  write(header.join(delimiter), header);
  const rows = long ? 40 : 5 + Math.floor(next() * 120);
  for (let row = 0; row < rows; row++) {
    const roll = next();
    if (roll < 0.06) {
      // A blank line: empty, white space, or Excel's row of delimiters.
      const blank = pick(['', ' ', delimiter.repeat(columns - 1), `${delimiter} ${delimiter}`]);
      write(blank, blank.split(delimiter));
      continue;
    }
    const count = Math.max(1, columns + Math.floor(next() * 3) - 1);
    const cells = Array.from({ length: count }, field);
    if (long && (row === 3 || chance(0.08))) {
      // A record longer than a chunk of 64 KiB: it spans two or three of them.
      const value = plain(70_000 + Math.floor(next() * 60_000));
      cells[Math.floor(next() * count)] = { written: value, value };
    }
    // A trailing delimiter: one more, empty field.
    if (chance(0.08)) cells.push({ written: '', value: '' });
    write(
      cells.map((cell) => cell.written).join(delimiter),
      cells.map((cell) => cell.value),
    );
  }
  // A last record ending in a delimiter needs its line end here: without one the reader never
  // ends (a fault of its own, tested below), and one hang would stop every test of this file.
  const finalNewline = chance(0.7) || (lines.at(-1) ?? '').endsWith(delimiter);
  let text = lines.join(newline) + (finalNewline ? newline : '');
  // Without a final line end, a last row of one empty field is no row at all.
  if (!finalNewline && lines.at(-1) === '') text = text.slice(0, -newline.length);
  return { text: (bom ? '\ufeff' : '') + text, delimiter, newline, bom, records, long };
}

/** The bytes of `text` in chunks of the given sizes, in turn, as a file comes in. */
function source(bytes: Uint8Array, sizes: readonly number[]): ByteSource {
  return {
    name: 'random.csv',
    size: bytes.length,
    async *open() {
      let at = 0;
      for (let i = 0; at < bytes.length; i++) {
        const size = sizes[i % sizes.length] as number;
        // A fresh copy in a reused buffer: the reader must use each chunk at once.
        const chunk = Buffer.from(bytes.subarray(at, at + size));
        yield chunk;
        chunk.fill(0x21);
        at += size;
      }
    },
  };
}

interface Read {
  readonly records: Expected[];
  /** Records the byte path gave (ByteRecord), and records of the string path after one of them. */
  readonly byBytes: number;
  readonly backToText: number;
}

async function read(bytes: Uint8Array, sizes: readonly number[]): Promise<Read> {
  const info: InputInfo = { file: '', sha256: '', bytes: 0, encoding: 'utf-8', bom: false, delimiter: ',', rowsRead: 0 };
  const records: Expected[] = [];
  let byBytes = 0;
  let backToText = 0;
  await readRecords(source(bytes, sizes), 'utf-8', info, messages.en, (record) => {
    if (record instanceof ByteRecord) byBytes++;
    else if (byBytes > 0) backToText++;
    records.push({ fields: [...record.fields], line: record.line });
    return true;
  });
  return { records, byBytes, backToText };
}

/** The oracle's second half: papaparse on the whole text, blank rows left out. */
function papaparse(file: Generated): (readonly string[])[] {
  const text = file.bom ? file.text.slice(1) : file.text;
  const result = Papa.parse<string[]>(text, { delimiter: file.delimiter, newline: file.newline, quoteChar: '"' });
  return result.data.filter((fields) => !fields.every((cell) => cell.trim() === ''));
}

// Chunks of 7 bytes and the odd mix have a test of their own (see there).
const smallChunks: readonly (readonly number[])[] = [[1], [4096], [65_536]];
const pooledChunks: readonly (readonly number[])[] = [[7], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]];
const largeChunks: readonly (readonly number[])[] = [[4096], [65_536], [65_535, 7], [10_007, 65_536, 1]];

/** Reads the 150 small files in chunks of each of `plans`; the counts of records by path. */
async function readSmallFiles(plans: readonly (readonly number[])[]): Promise<{ byBytes: number; backToText: number }> {
  let byBytes = 0;
  let backToText = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const file = generate(seed, false);
    // The oracle agrees with itself first: papaparse reads the fields the generator wrote.
    expect(papaparse(file), `seed ${seed}: papaparse and the generator`).toEqual(file.records.map((record) => record.fields));
    const bytes = Buffer.from(file.text, 'utf8');
    for (const sizes of plans) {
      const got = await read(bytes, sizes);
      expect(got.records, `seed ${seed}, chunks ${sizes.join(',')}`).toEqual(file.records);
      byBytes += got.byBytes;
      backToText += got.backToText;
    }
  }
  return { byBytes, backToText };
}

describe('the CSV reader with its byte path, against the generator and papaparse', () => {
  it('gives the fields and lines of 150 random small files, in chunks of 1, 4096 and 65536 bytes', async () => {
    const { byBytes, backToText } = await readSmallFiles(smallChunks);
    // The byte path did read records, and handed over and came back (so both halves were checked).
    expect(byBytes).toBeGreaterThan(1000);
    expect(backToText).toBeGreaterThan(100);
  });

  // Chunks under 4 KiB: Buffer.from and Buffer.allocUnsafe slice Node's shared 8 KiB pool, so
  // two unrelated small buffers share an ArrayBuffer. This found feedBytes (records.ts) copying an
  // unfinished record from the wrong place when it took a shared ArrayBuffer to mean its own
  // workspace (111 of these 300 reads threw NotUtf8 on valid UTF-8); fixed, kept as a regression test.
  it('gives the same in chunks of 7 bytes and of 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5', async () => {
    await readSmallFiles(pooledChunks);
  });

  it('gives the fields and lines of 12 random files with records longer than a 64 KiB chunk', async () => {
    let byBytes = 0;
    for (let seed = 1001; seed <= 1012; seed++) {
      const file = generate(seed, true);
      expect(papaparse(file), `seed ${seed}: papaparse and the generator`).toEqual(file.records.map((record) => record.fields));
      const bytes = Buffer.from(file.text, 'utf8');
      expect(bytes.length).toBeGreaterThan(65_536);
      for (const sizes of largeChunks) {
        const got = await read(bytes, sizes);
        expect(got.records, `seed ${seed}, chunks ${sizes.join(',')}`).toEqual(file.records);
        byBytes += got.byBytes;
      }
    }
    expect(byBytes).toBeGreaterThan(100);
  });

  it('reads hand-written cases at every chunk size: a CRLF split between chunks, a quote at a chunk end, no final line end', async () => {
    const cases: { text: string; records: Expected[] }[] = [
      { text: 'a,b\r\n1,2\r\n\r\n3,"x""y"\r\n', records: [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 2 }, { fields: ['3', 'x"y'], line: 4 }] },
      { text: 'a;b\n"1\n2";3\n4;5', records: [{ fields: ['a', 'b'], line: 1 }, { fields: ['1\n2', '3'], line: 2 }, { fields: ['4', '5'], line: 4 }] },
      { text: 'a\tb\n1\t\n\t\n"é"\t中😀\n', records: [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', ''], line: 2 }, { fields: ['é', '中😀'], line: 4 }] },
      { text: '\ufeffa,b\n1,2,\n"",""\n3,"4"', records: [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2', ''], line: 2 }, { fields: ['3', '4'], line: 4 }] },
    ];
    for (const { text, records } of cases) {
      const bytes = Buffer.from(text, 'utf8');
      for (let size = 1; size <= bytes.length; size++) {
        expect((await read(bytes, [size])).records, `${JSON.stringify(text)} in chunks of ${size}`).toEqual(records);
      }
    }
  });

  // Found here (older than the byte path): the BOM was looked for in the first chunk only, so a
  // first chunk of 1 or 2 bytes left it in the first column's name ('\ufeffa'); the reader now
  // holds the first bytes until it can tell. Kept as a regression test.
  it('takes a BOM off when the first chunk holds less than its 3 bytes', async () => {
    const bytes = Buffer.from('\ufeffa,b\n1,2\n', 'utf8');
    expect((await read(bytes, [1])).records[0]?.fields).toEqual(['a', 'b']);
  });

  // A last record that ends in a delimiter, with no line end after it (`a;b\nx;7;`, as Excel
  // writes empty last cells): this found splitBytes reading past its buffer for ever (the empty
  // last field started at the end of the data, its first byte read as -1); fixed, kept as a
  // regression test. Run in a child process with a time limit, so that a hang fails this test
  // and stops nothing else.
  it('ends on a last record with a trailing delimiter and no final line end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cj-hang-'));
    try {
      const bundle = join(dir, 'records.mjs');
      buildSync({ entryPoints: [fileURLToPath(new URL('../../src/input/records.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
      const script = `import { readRecords } from ${JSON.stringify(bundle)};
        const bytes = Buffer.from('a;b\\nx;7;');
        const info = { file: '', sha256: '', bytes: 0, encoding: 'utf-8', bom: false, delimiter: ',', rowsRead: 0 };
        const fields = [];
        await readRecords({ name: 'x', async *open() { yield bytes; } }, 'utf-8', info, {}, (r) => (fields.push([...r.fields]), true));
        process.stdout.write(JSON.stringify(fields));`;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 3000, encoding: 'utf8', cwd: dir });
      expect(child.signal).toBeNull();
      expect(JSON.parse(child.stdout)).toEqual([['a', 'b'], ['x', '7', '']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
