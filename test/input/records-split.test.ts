import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { messages } from '../../src/messages.js';
import { readRecords, type ByteSource, type InputInfo } from '../../src/input/records.js';

type Read = { records: { fields: readonly string[]; line: number; malformed: boolean }[] } | { error: string; line: number | undefined };

/** The text in pieces of the given sizes, as a file would come in chunks. */
function source(text: string, sizes: readonly number[]): ByteSource {
  const bytes = new TextEncoder().encode(text);
  return {
    name: 'split.csv',
    async *open() {
      let at = 0;
      for (let i = 0; at < bytes.length; i++) {
        const size = Math.max(1, sizes[i % sizes.length] ?? 1);
        yield bytes.subarray(at, at + size);
        at += size;
      }
    },
  };
}

async function read(text: string, sizes: readonly number[]): Promise<Read> {
  const info: InputInfo = { file: '', sha256: '', bytes: 0, encoding: 'utf-8', bom: false, delimiter: ',', rowsRead: 0 };
  const records: { fields: readonly string[]; line: number; malformed: boolean }[] = [];
  try {
    await readRecords(source(text, sizes), 'utf-8', info, messages.en, (record) => {
      records.push({ fields: [...record.fields], line: record.line, malformed: record.malformed === true });
      return true;
    });
  } catch (error) {
    if (error instanceof DataError) return { error: error.code, line: error.location.line };
    throw error;
  }
  return { records };
}

/**
 * The oracle: papaparse's Parser on the whole text at once, with the rules of the data contract
 * written out here: a record starts on the line after the line ends of the records before it
 * (one each, plus those inside its fields), blank records are skipped, text after a closing
 * quote marks the record malformed, a quote open at the end is an unterminated quote.
 */
function oracle(text: string, newline: '\n' | '\r\n'): Read {
  const result = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' }).parse(text, 0, false);
  const rows = result.data as string[][];
  const records: { fields: readonly string[]; line: number; malformed: boolean }[] = [];
  let line = 1;
  for (const [index, fields] of rows.entries()) {
    const start = line;
    line += 1 + fields.reduce((sum, field) => sum + field.split('\n').length - 1, 0);
    if (result.errors.some((error: Papa.ParseError) => error.code === 'MissingQuotes' && error.row === index)) return { error: 'CJ_UNTERMINATED_QUOTE', line: start };
    if (fields.every((field) => field.trim() === '')) continue;
    const malformed = result.errors.some((error: Papa.ParseError) => error.code !== 'MissingQuotes' && error.row === index);
    records.push({ fields, line: start, malformed });
  }
  return { records };
}

describe('bytes → records: the well-formed splitter and papaparse', () => {
  it('give the same records, lines and faults on random text in random chunks (property)', async () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '"', ';'), maxLength: 4 }),
      fc.string({ unit: fc.constantFrom('a', ',', '\n', '\r\n', '""', ' '), maxLength: 4 }).map((inner) => `"${inner}"`),
      fc.constantFrom('', '"a"b', '"a" ', '"open', 'x"y'),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const file = fc.tuple(fc.constantFrom('\n' as const, '\r\n' as const), fc.array(row, { maxLength: 6 }), fc.boolean());
    const sizes = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(file, sizes, async ([newline, rows, endsWithNewline], chunkSizes) => {
        const text = ['h1,h2', ...rows].join(newline) + (endsWithNewline ? newline : '');
        expect(await read(text, chunkSizes)).toEqual(oracle(text, newline));
      }),
      { numRuns: 1500 },
    );
  });

  it('read a quoted field across chunks with line ends and doubled quotes inside', async () => {
    const text = 'respondent,opmerking\nR1,"een ""mooie""\nregel, twee"\nR2,x\n';
    const expected = { records: [
      { fields: ['respondent', 'opmerking'], line: 1, malformed: false },
      { fields: ['R1', 'een "mooie"\nregel, twee'], line: 2, malformed: false },
      { fields: ['R2', 'x'], line: 4, malformed: false },
    ] };
    for (const size of [1, 2, 3, 7, 64]) expect(await read(text, [size])).toEqual(expected);
  });
});
