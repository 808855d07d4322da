/**
 * Long-shaped input (one answer per row: respondent, track, withdrawn_after, column, value),
 * recognised from the header. The long form of fixtures/haarlem-2016.csv is built here from the
 * wide file, one row per non-empty answer, and must give the same report. Faults and exclusions
 * name the line of the answer's own row.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, run, stackFrames, tempDir, writeTemp, type Exclusion, type Results } from '../helpers/run.js';
import { cell, parseCsv } from '../helpers/table.js';

const fixed = ['respondent', 'track', 'withdrawn_after'] as const;

interface LongRow {
  readonly respondent: string;
  readonly track: string;
  readonly withdrawnAfter: string;
  readonly column: string;
  readonly value: string;
}

interface LongFile {
  readonly text: string;
  /** The physical line of each row, keyed `respondent column`. */
  readonly lineOf: ReadonlyMap<string, number>;
}

type Order = 'by respondent' | 'by question';

/** Every non-empty answer of the wide fixture as one long row, in file order. */
function longRowsOfFixture(): LongRow[] {
  const [header = [], ...records] = parseCsv(readFileSync(fixturePath, 'utf8'));
  const at = (name: string): number => header.indexOf(name);
  const rows: LongRow[] = [];
  for (const record of records) {
    header.forEach((column, index) => {
      const value = record[index] ?? '';
      if ((fixed as readonly string[]).includes(column) || value === '') return;
      rows.push({
        respondent: record[at('respondent')] ?? '',
        track: record[at('track')] ?? '',
        withdrawnAfter: record[at('withdrawn_after')] ?? '',
        column,
        value,
      });
    });
  }
  return rows;
}

function sortRows(rows: readonly LongRow[], order: Order): LongRow[] {
  const key = (row: LongRow): string => (order === 'by respondent' ? `${row.respondent}\u0000${row.column}` : `${row.column}\u0000${row.respondent}`);
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Writes long rows as CSV and notes the physical line each starts on (a remark may span two). */
function writeLong(rows: readonly LongRow[]): LongFile {
  const lines = ['respondent,track,withdrawn_after,column,value'];
  const lineOf = new Map<string, number>();
  let line = 2;
  for (const row of rows) {
    const text = [row.respondent, row.track, row.withdrawnAfter, row.column, row.value].map((field) => cell(field)).join(',');
    lineOf.set(`${row.respondent} ${row.column}`, line);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
    lines.push(text);
  }
  return { text: lines.join('\n') + '\n', lineOf };
}

async function analyse(text: string, name = 'long.csv'): Promise<Results & { input: { shape: string } }> {
  const cwd = tempDir();
  writeTemp(name, text, cwd);
  const result = await run(['analyse', name, '--format', 'json'], { cwd });
  if (result.code !== 0 || result.json === undefined) throw new Error(`cj analyse exited ${result.code}\n${result.stderr}`);
  return result.json as Results & { input: { shape: string } };
}

/** The results without `input`, and the exclusions without their line, in a fixed order. */
function comparable(results: Results): unknown {
  const { input: _input, exclusions, ...rest } = results;
  const withoutLine = exclusions.map(({ line: _line, ...exclusion }) => exclusion);
  const key = (e: Omit<Exclusion, 'line'>): string => `${e.respondent} ${e.column} ${e.rule}`;
  return { ...rest, exclusions: withoutLine.sort((a, b) => (key(a) < key(b) ? -1 : 1)) };
}

let wide: Results & { input: { shape: string } };
beforeAll(async () => {
  wide = await analyse(readFileSync(fixturePath, 'utf8'), 'haarlem-2016.csv');
});

describe.each<Order>(['by respondent', 'by question'])('the Haarlem fixture in long shape, sorted %s', (order) => {
  const long = writeLong(sortRows(longRowsOfFixture(), order));
  let results: Results & { input: { shape: string } };
  beforeAll(async () => {
    results = await analyse(long.text);
  });

  it('input.shape is "long" (and "wide" for the wide file)', () => {
    expect(results.input.shape).toBe('long');
    expect(wide.input.shape).toBe('wide');
  });

  it('the same respondents, by track', () => {
    expect(results.input.respondents).toBe(19);
    expect(results.input.respondentsByTrack).toEqual(wide.input.respondentsByTrack);
  });

  it('the same JSON as the wide file, except input and the lines of the exclusions', () => {
    expect(comparable(results)).toEqual(comparable(wide));
  });

  it('figure 5 and the grade, as the report prints them', () => {
    const figure5 = results.figures.find((f) => f.id === '5');
    expect(figure5?.N).toBe(15);
    expect(figure5?.title).toBe('Oordeel Workshop naar Werk en medewerker (N=15)*');
    expect(results.grade.display).toBe(wide.grade.display);
  });

  it('the lead times of the evaluation: Poortmodel mean 11, afhandeling max 26, totaal mean 36 days', () => {
    const byId = new Map(results.leadTimes?.segments.map((segment) => [segment.id, segment]));
    expect(byId.get('poortmodel')?.mean).toBe(11);
    expect(byId.get('afhandeling')?.max).toBe(26);
    expect(byId.get('totaal')?.mean).toBe(36);
    expect(results.leadTimes).toEqual(wide.leadTimes);
  });

  it('the remark column is passed over with a notice, as in the wide file', () => {
    expect(results.input.columnsIgnored).toEqual(['opmerking']);
    expect(results.warnings.find((w) => w.code === 'CJ_COLUMNS_IGNORED')?.message).toContain('opmerking');
  });

  it.each([
    ['A16', 'workshop', 'withdrawn-consent'],
    ['A16', 'mw_vriendelijk', 'withdrawn-consent'],
    ['A16', 'cijfer', 'withdrawn-consent'],
    ['J01', 'cv_uploaden', 'other-track'],
    ['A15', 'besluit_brief', 'not-applicable'],
  ])('the exclusion of %s %s names the line of that answer\'s row', (respondent, column, rule) => {
    const exclusion = results.exclusions.find((e) => e.respondent === respondent && e.column === column);
    expect(exclusion?.rule).toBe(rule);
    expect(exclusion?.line).toBe(long.lineOf.get(`${respondent} ${column}`));
  });

  it('every exclusion of an answer the file holds names that answer\'s line', () => {
    const held = results.exclusions.filter((e) => long.lineOf.has(`${e.respondent} ${e.column}`));
    expect(held.length).toBeGreaterThan(30);
    const wrong = held.filter((e) => e.line !== long.lineOf.get(`${e.respondent} ${e.column}`));
    expect(wrong.map((e) => `${e.respondent} ${e.column}: line ${e.line}, expected ${long.lineOf.get(`${e.respondent} ${e.column}`)}`)).toEqual([]);
  });
});

describe('faults in long-shaped files name the line of the answer\'s row', () => {
  const rows = sortRows(longRowsOfFixture(), 'by respondent');

  async function faultsOf(text: string): Promise<{ code: number; stdout: string; stderr: string; cwd: string }> {
    const cwd = tempDir();
    writeTemp('long.csv', text, cwd);
    const result = await run(['analyse', 'long.csv'], { cwd });
    expect(stackFrames(result.stderr)).toEqual([]);
    return { ...result, cwd };
  }

  it('an unknown value: exit 3, the line of that row and the column it answers', async () => {
    const changed = rows.map((row) => (row.respondent === 'A05' && row.column === 'werkplein_melden' ? { ...row, value: 'misschien' } : row));
    const long = writeLong(changed);
    const line = long.lineOf.get('A05 werkplein_melden');
    const result = await faultsOf(long.text);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`long.csv:${line}, kolom "werkplein_melden": onbekende waarde "misschien"`);
    expect(result.stderr).toContain('[CJ_INVALID_VALUE]');
  });

  it('an unknown value in the grade, on a late row of the respondent', async () => {
    const changed = rows.map((row) => (row.respondent === 'A03' && row.column === 'cijfer' ? { ...row, value: '11' } : row));
    const long = writeLong(changed);
    const result = await faultsOf(long.text);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`long.csv:${long.lineOf.get('A03 cijfer')}, kolom "cijfer"`);
    expect(result.stderr).toContain('[CJ_INVALID_GRADE]');
  });

  it('a conflicting track for the same respondent: the line of the row that disagrees', async () => {
    const changed = rows.map((row) => (row.respondent === 'A05' && row.column === 'pg_gesprek' ? { ...row, track: 'jongere' } : row));
    const long = writeLong(changed);
    const first = Math.min(...[...long.lineOf].filter(([key]) => key.startsWith('A05 ')).map(([, line]) => line));
    const result = await faultsOf(long.text);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `long.csv:${long.lineOf.get('A05 pg_gesprek')}, kolom "track": respondent "A05" heeft hier een andere waarde in kolom track dan op regel ${first}`,
    );
    expect(result.stderr).toContain('[CJ_LONG_CONFLICT]');
  });

  it('a conflicting withdrawn_after for the same respondent', async () => {
    const changed = rows.map((row) => (row.respondent === 'A16' && row.column === 'workshop' ? { ...row, withdrawnAfter: '' } : row));
    const long = writeLong(changed);
    const result = await faultsOf(long.text);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`long.csv:${long.lineOf.get('A16 workshop')}, kolom "withdrawn_after"`);
  });

  it('the same question answered twice: the line of the second answer, naming the first', async () => {
    const again = rows.find((row) => row.respondent === 'A05' && row.column === 'werkplein_melden');
    if (again === undefined) throw new Error('A05 has no werkplein_melden answer');
    const long = writeLong(rows);
    const line = long.text.split('\n').length; // the appended row's line: after the last line of the file
    const result = await faultsOf(long.text + [again.respondent, again.track, again.withdrawnAfter, again.column, 'positief'].join(',') + '\n');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `long.csv:${line}, kolom "werkplein_melden": respondent "A05" beantwoordde werkplein_melden al op regel ${long.lineOf.get('A05 werkplein_melden')}`,
    );
    expect(result.stderr).toContain('[CJ_LONG_DUPLICATE]');
  });

  it('nothing is written when the long file has faults', async () => {
    const changed = rows.map((row) => (row.respondent === 'A05' && row.column === 'werkplein_melden' ? { ...row, value: 'misschien' } : row));
    const result = await faultsOf(writeLong(changed).text);
    expect(result.code).toBe(3);
    // The output folder may be made before the data is read; it stays empty.
    expect(readdirSync(result.cwd).filter((name) => name !== 'out')).toEqual(['long.csv']);
    if (existsSync(join(result.cwd, 'out'))) expect(readdirSync(join(result.cwd, 'out'))).toEqual([]);
  });

  it('`column` values the survey does not know are passed over with a notice', async () => {
    const extra: LongRow[] = [
      { respondent: 'A01', track: 'volwassene', withdrawnAfter: '', column: 'toelichting', value: 'prima' },
      { respondent: 'J02', track: 'jongere', withdrawnAfter: '', column: 'toelichting', value: 'goed' },
    ];
    const long = writeLong([...rows, ...extra]);
    const cwd = tempDir();
    writeTemp('long.csv', long.text, cwd);
    const result = await run(['analyse', 'long.csv', '--format', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.json?.input.columnsIgnored).toEqual(['opmerking', 'toelichting']);
    expect(result.stderr).toContain('cj: let op: kolommen die de vragenlijst niet kent, overgeslagen: opmerking, toelichting');
    expect(result.json?.figures).toEqual(wide.figures);
  });
});
