/**
 * A whole `cj analyse` run on a CSV read by the byte path against the same content read by the
 * string path. A file with CR line ends never takes the byte path (records.ts switches to it
 * only for LF and CRLF), and CR-only text has as many bytes and lines as the LF text, so the
 * two runs must agree on everything but the file's SHA-256. The byte path takes over after the
 * first chunk of 64 KiB, so every file here is larger than that and the rows that matter come
 * after it.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { findPersonalData } from '../../src/input/personal-data.js';
import { casesInTests } from '../helpers/test-cases.js';
import { fixturePath, run, tempDir, writeTemp, type RunResult } from '../helpers/run.js';
import { seededRandom as random } from '../helpers/random.js';

// How many records the byte path hands on (splitBytes, wrapped): shows which path read a run.
const byteRecords = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/input/byte-records.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/input/byte-records.js')>();
  const splitBytes: typeof original.splitBytes = (bytes, from, to, delimiter, crlf, last, firstLine, fields, onRecord) =>
    original.splitBytes(bytes, from, to, delimiter, crlf, last, firstLine, fields, (record) => {
      byteRecords.count++;
      return onRecord(record);
    });
  return { ...original, splitBytes };
});

/** `analyse`, and how many records of it the byte path read. */
async function analyseCounting(text: string, args: readonly string[] = []): Promise<{ result: RunResult; byBytes: number }> {
  byteRecords.count = 0;
  const result = await analyse(text, args);
  return { result, byBytes: byteRecords.count };
}

/** The fixture's header and data rows (papaparse reads it: one remark spans two lines). */
const [columns = [], ...rows] = Papa.parse<string[]>(readFileSync(fixturePath, 'utf8').trimEnd(), { delimiter: ',', newline: '\n' }).data;
const header = columns.join(',');
/** A cell as written in a CSV file: quoted where it holds a comma or a quote. */
const csvCell = (cell: string): string => (/[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const ratingColumns = columns.map((name, index) => ({ name, index })).filter(({ index }) => index >= 3 && index < columns.indexOf('cijfer'));
const remarkColumn = columns.indexOf('opmerking');

const remarks = ['', '', 'Het ging vlot', 'Workshop "naar Werk" paste niet; liever op maat', 'Fijn, één gesprek was genoeg', 'Prima geholpen ☺'];

/**
 * A wide file of `count` respondents: each row one of the fixture's rows (so its track, dates and
 * mark belong together) with each answer taken from a random row, a unique respondent code, and
 * a remark now and then; LF line ends.
 */
function wideFile(count: number, seed: number): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const lines = [header];
  for (let i = 0; i < count; i++) {
    const row = [...pick(rows)];
    row[0] = `R${String(i + 1).padStart(6, '0')}`;
    for (const { index } of ratingColumns) row[index] = pick(rows)[index] ?? '';
    row[remarkColumn] = pick(remarks);
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The same text with another line end. */
const withLineEnds = (text: string, newline: string): string => text.replaceAll('\n', newline);

/** `cj analyse` on `text` saved as `name`, in a directory of its own. */
async function analyse(text: string, args: readonly string[] = []): Promise<RunResult> {
  return run(['analyse', writeTemp('antwoorden.csv', text, tempDir()), '--format', 'json', ...args]);
}

/** The results with the one field that differs by line end taken out: the SHA-256 of the bytes. */
function apartFromHash(result: RunResult): unknown {
  expect(result.code, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout) as { input: Record<string, unknown> };
  expect(json.input.sha256).toMatch(/^[0-9a-f]{64}$/);
  delete json.input.sha256;
  return json;
}

describe('cj analyse: the byte path and the string path give the same results', () => {
  it.each([
    [2_000, 1],
    [3_500, 2],
    [900, 3],
  ])('on a wide file of %i respondents (seed %i), LF and CRLF (byte path) as CR (string path)', async (count, seed) => {
    const text = wideFile(count, seed);
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 65_536);
    const lf = await analyseCounting(text);
    const cr = await analyseCounting(withLineEnds(text, '\r'));
    // All but the first chunk's rows by the byte path; none with CR line ends.
    expect(lf.byBytes).toBeGreaterThan(count - 300);
    expect(cr.byBytes).toBe(0);
    const byBytes = apartFromHash(lf.result);
    const byText = apartFromHash(cr.result);
    expect(byBytes).toEqual(byText);
    // CRLF is read by the byte path too; its byte count differs by one per line, so it is left out as well.
    const crlf = apartFromHash(await analyse(withLineEnds(text, '\r\n'))) as { input: Record<string, unknown> };
    expect(crlf.input.bytes).toBe(Buffer.byteLength(text) + count + 1);
    delete crlf.input.bytes;
    delete (byText as { input: Record<string, unknown> }).input.bytes;
    expect(crlf).toEqual(byText);
    // The run read every respondent (so the comparison is of a real analysis, not of an error).
    expect((byText as { input: { rowsRead: number } }).input.rowsRead).toBe(count);
  });
});

/** Lines the run refused for personal data in the remark column, from its English messages. */
function refusedLines(result: RunResult): number[] {
  return [...result.stderr.matchAll(/^cj: error: antwoorden\.csv:(\d+), column "opmerking": cell looks like personal data .*\[CJ_PERSONAL_DATA\]$/gm)].map((match) => Number(match[1]));
}

describe('cj analyse refuses the same personal data on the byte path and the string path', () => {
  it('on every case in the tests, put in the remark column after the first 64 KiB', async () => {
    // Cells a CSV can hold on one line; quoted where they hold a delimiter or a quote.
    const cases = casesInTests().filter((cell) => !/[\r\n]/.test(cell) && cell.trim() !== '');
    const refused = cases.filter((cell) => findPersonalData(cell.trim()) !== null);
    expect(refused.length).toBeGreaterThan(20);
    const padding = wideFile(400, 7).trimEnd();
    expect(Buffer.byteLength(padding)).toBeGreaterThan(65_536);
    const firstLine = 402;
    const lines = cases.map((cell, i) => {
      const row = [...(rows[i % rows.length] as string[])];
      row[0] = `P${String(i + 1).padStart(6, '0')}`;
      row[remarkColumn] = cell;
      return row.map(csvCell).join(',');
    });
    const text = `${padding}\n${lines.join('\n')}\n`;
    const args = ['--lang', 'en', '--max-errors', '100000'];
    const lf = await analyseCounting(text, args);
    const cr = await analyseCounting(withLineEnds(text, '\r'), args);
    // Every case row came through the byte path in the first run, none in the second.
    expect(lf.byBytes).toBeGreaterThanOrEqual(cases.length);
    expect(cr.byBytes).toBe(0);
    const byBytes = lf.result;
    const byText = cr.result;
    expect(byBytes.code).toBe(byText.code);
    expect(byBytes.stderr).toBe(byText.stderr);
    // The oracle: the lines whose remark findPersonalData refuses, computed here on the text.
    const expected = cases.flatMap((cell, i) => (findPersonalData(cell.trim()) !== null ? [firstLine + i] : []));
    expect(refusedLines(byBytes)).toEqual(expected);
    // Nothing else was refused: every message is one of those.
    expect(byBytes.stderr.split('\n').filter((line) => line.includes('[CJ_')).length).toBe(expected.length);
    expect(byBytes.code).not.toBe(0);
  });
});
