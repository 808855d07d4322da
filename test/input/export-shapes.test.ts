/**
 * Files as spreadsheets and survey tools write them, beyond the fixture's shapes: Excel's
 * `sep=;` line, Excel's "Unicode text" (UTF-16 with a byte-order mark, tab-separated), plural
 * track names. Each must give the fixture's numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseJson, fixturePath, writeTemp } from '../helpers/run.js';

const text = readFileSync(fixturePath, 'utf8');
const rows = text.trimEnd().split('\n');

/** The fixture with `;` between cells (the fixture quotes cells that hold a comma). */
const semicolons = (): string[] =>
  rows.map((row) => {
    let out = '';
    let quoted = false;
    for (const char of row) {
      if (char === '"') quoted = !quoted;
      out += char === ',' && !quoted ? ';' : char;
    }
    return out;
  });

async function sameAsFixture(file: string): Promise<Record<string, unknown>> {
  const expected = await analyseJson(fixturePath);
  const actual = await analyseJson(file);
  expect(actual.figures).toEqual(expected.figures);
  expect(actual.grade).toEqual(expected.grade);
  return actual.input as unknown as Record<string, unknown>;
}

describe('exports as analysts send them', () => {
  it('a `sep=;` line above the header (Excel) names the delimiter and is skipped', async () => {
    const file = writeTemp('sep.csv', ['sep=;', ...semicolons()].join('\r\n') + '\r\n');
    const input = await sameAsFixture(file);
    expect(input['delimiter']).toBe(';');
  });

  it('UTF-16 little-endian with a BOM, tab-separated (Excel "Unicode text")', async () => {
    const tabbed = semicolons().map((row) => row.replace(/;/g, '\t'));
    const body = Buffer.from(tabbed.join('\r\n') + '\r\n', 'utf16le');
    const file = writeTemp('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    const input = await sameAsFixture(file);
    expect(input['encoding']).toBe('utf-16le');
    expect(input['delimiter']).toBe('\t');
  });

  it('UTF-16 big-endian with a BOM', async () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1] ?? 0;
      be[i + 1] = le[i] ?? 0;
    }
    const file = writeTemp('unicode-be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const input = await sameAsFixture(file);
    expect(input['encoding']).toBe('utf-16be');
  });

  it('plural track names (volwassenen, jongeren) and odd letter case are the same tracks', async () => {
    const renamed = rows.map((row, index) =>
      index === 0 ? row : row.replace(',volwassene,', ',Volwassenen,').replace(',jongere,', ',JONGEREN,'),
    );
    await sameAsFixture(writeTemp('plural.csv', renamed.join('\n') + '\n'));
  });
});
