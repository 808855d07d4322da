/**
 * The file as spreadsheets and survey tools write it (DATA-CONTRACT.md "The file"): Dutch Excel's
 * Windows-1252 with `;` and CRLF, UTF-8 with a BOM, tabs, quoting, any column order, blank lines.
 * Each variant of the fixture must give the fixture's figures and grade, and the JSON must say
 * what was detected.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseJson, excelFixturePath, fixturePath, run, tempDir, writeTemp, type Results } from '../helpers/run.js';
import { parseCsv, writeCsv } from '../helpers/table.js';

let reference: Results;
let records: string[][];
beforeAll(async () => {
  reference = await analyseJson(fixturePath);
  records = parseCsv(readFileSync(fixturePath, 'utf8'));
});

function expectSameNumbers(results: Results): void {
  expect(results.figures).toEqual(reference.figures);
  expect(results.grade).toEqual(reference.grade);
  expect(results.youth).toEqual(reference.youth);
  // The Excel file writes its dates as Dutch Excel does (1-2-2016): the same lead times.
  expect(results.leadTimes).toEqual(reference.leadTimes);
  expect(reference.leadTimes?.segments.map((segment) => segment.n)).toEqual([11, 14, 12]);
  expect(results.input.respondents).toBe(19);
}

/** The fixture's records with a remark that holds the delimiter, quotes and a line break. */
function withAwkwardRemark(eol: string): string[][] {
  const copy = records.map((record) => [...record]);
  const remark = copy[0]?.indexOf('opmerking') ?? -1;
  const a03 = copy.find((record) => record[0] === 'A03');
  if (a03 === undefined || remark < 0) throw new Error('fixture changed: no A03 or opmerking');
  a03[remark] = `Eerst "snel", toen traag;${eol}daarna\tweer, goed`;
  return copy;
}

describe('fixtures/haarlem-2016-excel.csv (Dutch Excel: Windows-1252, no BOM, `;`, CRLF)', () => {
  const bytes = readFileSync(excelFixturePath);

  it('is what Dutch Excel writes: no BOM, `;`, CRLF, é/ë/ü as single bytes, not valid UTF-8', () => {
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('latin1').split('\r\n')[0]).toMatch(/^respondent;track;withdrawn_after;/);
    expect(bytes.toString('latin1')).toContain('\r\n');
    for (const byte of [0xe9, 0xeb, 0xfc]) expect(bytes.includes(byte), `byte 0x${byte.toString(16)}`).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(iconv.decode(bytes, 'windows-1252')).toContain('geüpload, één gesprek');
  });

  it('gives the same figures and grade as the fixture', async () => {
    expectSameNumbers(await analyseJson(excelFixturePath));
  });

  it('says it was read as Windows-1252 with `;`, without BOM', async () => {
    const results = await analyseJson(excelFixturePath);
    expect(results.input.encoding).toBe('windows-1252');
    expect(results.input.delimiter).toBe(';');
    expect(results.input.bom).toBe(false);
    expect(results.warnings.map((w) => w.message).join('\n')).toMatch(/Windows-1252/);
  });

  it('input.sha256 is the hash of the file\'s bytes', async () => {
    const results = await analyseJson(excelFixturePath);
    expect(results.input.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('a long Windows-1252 file whose only non-UTF-8 byte comes late', () => {
  it('is read again from the start: counts and exclusions.csv hold each row once', async () => {
    const copies = 80;
    const [header, ...rows] = records;
    const remark = header?.indexOf('opmerking') ?? -1;
    const many: string[][] = [header ?? []];
    for (let copy = 1; copy <= copies; copy++) {
      for (const row of rows) many.push(row.map((value, i) => (i === 0 ? `${value}-${copy}` : value)));
    }
    const last = many[many.length - 1];
    if (last !== undefined) last[remark] = 'één laatste opmerking';
    const bytes = iconv.encode(writeCsv(many, ';', '\r\n'), 'windows-1252');
    expect(bytes.length).toBeGreaterThan(300 * 1024);
    expect(bytes.indexOf(0xe9)).toBeGreaterThan(bytes.length - 100);

    const cwd = tempDir();
    writeTemp('groot.csv', bytes, cwd);
    const results = await analyseJson('groot.csv', [], { cwd });
    expect(results.input.encoding).toBe('windows-1252');
    expect(results.input.respondents).toBe(19 * copies);
    for (const [index, fig] of results.figures.entries()) {
      expect(fig.N, `figure ${fig.id}`).toBe((reference.figures[index]?.N ?? 0) * copies);
      for (const [b, found] of fig.bars.entries()) {
        const one = reference.figures[index]?.bars[b];
        for (const [category, count] of Object.entries(one?.counts ?? {})) expect(found.counts[category], `${found.column} ${category}`).toBe(count * copies);
      }
    }
    expect(results.grade.n).toBe(18 * copies);
    expect(results.grade.display).toBe('6,1');

    const text = await run(['analyse', 'groot.csv'], { cwd });
    expect(text.code, text.stderr).toBe(0);
    const lines = readFileSync(join(cwd, 'out', 'exclusions.csv'), 'utf8').trimEnd().split('\n');
    expect(lines.length - 1).toBe(reference.exclusions.length * copies);
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe('variants of the fixture, made in the test', () => {
  it('the fixture itself: UTF-8, `,`, no BOM', () => {
    expect(reference.input.encoding).toBe('utf-8');
    expect(reference.input.delimiter).toBe(',');
    expect(reference.input.bom).toBe(false);
  });

  it('UTF-8 with BOM, `;`, CRLF', async () => {
    const text = '\ufeff' + writeCsv(withAwkwardRemark('\r\n'), ';', '\r\n');
    const results = await analyseJson(writeTemp('bom.csv', text));
    expectSameNumbers(results);
    expect(results.input.encoding).toBe('utf-8');
    expect(results.input.bom).toBe(true);
    expect(results.input.delimiter).toBe(';');
  });

  it('tab-delimited', async () => {
    const results = await analyseJson(writeTemp('tabs.tsv', writeCsv(withAwkwardRemark('\n'), '\t')));
    expectSameNumbers(results);
    expect(results.input.delimiter).toBe('\t');
  });

  it('every field quoted, a remark holding the delimiter, quotes and a line break', async () => {
    for (const [delimiter, eol] of [
      [',', '\n'],
      [';', '\r\n'],
      ['\t', '\r\n'],
    ] as const) {
      const results = await analyseJson(writeTemp('quoted.csv', writeCsv(withAwkwardRemark(eol), delimiter, eol, true)));
      expectSameNumbers(results);
      expect(results.input.delimiter).toBe(delimiter);
    }
  });

  it('Windows-1252 with `,` and LF', async () => {
    const copy = withAwkwardRemark('\n');
    const remark = copy[0]?.indexOf('opmerking') ?? -1;
    const a01 = copy.find((record) => record[0] === 'A01');
    if (a01 !== undefined) a01[remark] = 'Prettig ontvangen, één keer moest ik wachten; geen ideeën.';
    const results = await analyseJson(writeTemp('latin.csv', iconv.encode(writeCsv(copy), 'windows-1252')));
    expectSameNumbers(results);
    expect(results.input.encoding).toBe('windows-1252');
    expect(results.input.delimiter).toBe(',');
  });

  it('columns in another order', async () => {
    const width = records[0]?.length ?? 0;
    // A fixed shuffle: reversed, then the two halves swapped, so respondent and track are not first.
    const reversed = Array.from({ length: width }, (_, i) => width - 1 - i);
    const order = [...reversed.slice(width >> 1), ...reversed.slice(0, width >> 1)];
    const shuffled = records.map((record) => order.map((i) => record[i] ?? ''));
    expect(shuffled[0]?.[0]).not.toBe('respondent');
    const results = await analyseJson(writeTemp('order.csv', writeCsv(shuffled)));
    expectSameNumbers(results);
  });

  it('blank lines between the rows and at the end are skipped', async () => {
    const text = writeCsv(records).replace(/\n(A0[2-5])/g, '\n\n$1') + '\n\n';
    const results = await analyseJson(writeTemp('blank.csv', text));
    expectSameNumbers(results);
  });

  it('blank CRLF lines in a `;` file are skipped', async () => {
    const text = writeCsv(records, ';', '\r\n').replace(/\r\n(J0\d)/g, '\r\n\r\n$1') + '\r\n';
    const results = await analyseJson(writeTemp('blank.csv', text));
    expectSameNumbers(results);
    expect(results.input.delimiter).toBe(';');
  });

  it('a blank line before the header is skipped, and the delimiter still found', async () => {
    const text = '\r\n' + writeCsv(records, ';', '\r\n');
    const results = await analyseJson(writeTemp('lead.csv', text));
    expectSameNumbers(results);
    expect(results.input.delimiter).toBe(';');
  });

  it('lines holding only spaces are blank lines too', async () => {
    const text = writeCsv(records).replace(/\n(A0[2-5])/g, '\n   \n$1');
    const results = await analyseJson(writeTemp('spaces.csv', text));
    expectSameNumbers(results);
  });
});
