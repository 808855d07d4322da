import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataErrors } from '../../src/errors.js';
import { DuplicateCheck, type Duplicate } from '../../src/input/duplicates.js';
import type { ByteSource } from '../../src/input/records.js';
import { messages } from '../../src/messages.js';
import { analyse } from '../../src/pipeline.js';
import { builtInSurvey } from '../../src/survey/load.js';
import { fixturePath } from '../helpers/run.js';

/** The oracle, written apart from the check: a Map of code → first line, in reading order. */
function oracle(codes: readonly string[]): Duplicate[] {
  const first = new Map<string, number>();
  const found: Duplicate[] = [];
  codes.forEach((code, index) => {
    const line = index + 2;
    const seen = first.get(code);
    if (seen === undefined) first.set(code, line);
    else found.push({ code, firstLine: seen, line });
  });
  return found;
}

/** Runs the check over `codes` (line = index + 2): the repeats found at once and at the end. */
function check(codes: readonly string[], inMemory: number, partitions: number): Duplicate[] {
  const duplicates = new DuplicateCheck({ inMemory, partitions });
  const found: Duplicate[] = [];
  codes.forEach((code, index) => {
    const firstLine = duplicates.add(code, index + 2);
    if (firstLine !== undefined) found.push({ code, firstLine, line: index + 2 });
  });
  return [...found, ...duplicates.finish()].sort((a, b) => a.line - b.line);
}

// Other runs of cj may have folders of their own there: only new ones that stay count.
const existing = new Set(readdirSync(tmpdir()));
const leftovers = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('cj-respondents-') && !existing.has(name));

describe('DuplicateCheck, the exact duplicate-respondent check in bounded memory', () => {
  it('finds exactly the repeats a Map finds, with both lines, in memory and past a tiny bound (property)', () => {
    // Codes from a small alphabet repeat often; long and non-ASCII codes cross the buffer edges.
    const code = fc.oneof(fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', 'c', 'é', '😀') }), fc.string({ maxLength: 3000 }));
    fc.assert(
      fc.property(fc.array(code, { maxLength: 400 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 7 }), (codes, inMemory, partitions) => {
        expect(check(codes, inMemory, partitions)).toEqual(oracle(codes));
      }),
      { numRuns: 150, seed: 13 },
    );
    expect(leftovers()).toEqual([]);
  });

  it('finds repeats that fall in different partitions and repeats of codes spilled from memory', () => {
    // 3 in memory, then spilled: R0 and R1 are repeated after the spill, R7 and R8 after it too.
    const codes = ['R0', 'R1', 'R2', 'R3', 'R0', 'R7', 'R8', 'R1', 'R8', 'R7', 'R0'];
    const found = check(codes, 3, 4);
    expect(found).toEqual([
      { code: 'R0', firstLine: 2, line: 6 },
      { code: 'R1', firstLine: 3, line: 9 },
      { code: 'R8', firstLine: 8, line: 10 },
      { code: 'R7', firstLine: 7, line: 11 },
      { code: 'R0', firstLine: 2, line: 12 },
    ]);
  });

  it('keeps 200 000 distinct codes apart past the bound, and removes its files (also on close)', () => {
    const duplicates = new DuplicateCheck({ inMemory: 1000, partitions: 16 });
    for (let i = 0; i < 200_000; i++) duplicates.add(`R${i}`, i + 2);
    // Its files are used by their open handles, with no name left on disk (not so on Windows).
    if (process.platform !== 'win32') expect(leftovers()).toEqual([]);
    expect(duplicates.finish()).toEqual([]);
    const stopped = new DuplicateCheck({ inMemory: 2, partitions: 2 });
    for (const code of ['a', 'b', 'c']) stopped.add(code, 1);
    stopped.close();
    expect(leftovers()).toEqual([]);
  });
});

describe('a whole analysis with the duplicate check past its memory bound', () => {
  const fixture = readFileSync(fixturePath, 'utf8');
  // The fixture's records one a line: its one remark across two lines (quoted) is left out.
  const [header = '', ...lines] = fixture.trimEnd().split('\n');
  const rows = lines.filter((line) => /^[AJ]\d\d,/.test(line) && !line.includes('"opmerking') && (line.match(/"/g) ?? []).length % 2 === 0);
  const source = (text: string): ByteSource => ({
    name: 'spill.csv',
    async *open() {
      yield Buffer.from(text);
    },
  });
  const options = {
    survey: builtInSurvey(messages.en, 'en'),
    messages: messages.en,
    version: 'test',
    allowColumns: new Set<string>(),
    faultLimit: 50,
    listLimit: 10_000,
    minCell: 3,
    duplicates: { inMemory: 2, partitions: 3 },
  };

  it('names the code, its first line and the repeating line, as the in-memory check does', async () => {
    // The first data row again at the end and the third again in the middle.
    const copied = [...rows.slice(0, 5), rows[2] ?? '', ...rows.slice(5), rows[0] ?? ''];
    const text = `${header}\n${copied.join('\n')}\n`;
    const codeOf = (row: string): string => row.split(',')[0] ?? '';
    const expected = oracle(copied.map(codeOf)).map((d) => `${d.line}:${d.code}:${d.firstLine}`);
    expect(expected.length).toBe(2);
    for (const bound of [{ inMemory: 2, partitions: 3 }, { inMemory: 1_000, partitions: 3 }]) {
      const error = await analyse(source(text), { ...options, duplicates: bound }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DataErrors);
      const faults = (error as DataErrors).errors;
      const found = faults.map((fault) => {
        expect(fault.code).toBe('CJ_DUPLICATE_RESPONDENT');
        expect(fault.location?.column).toBe('respondent');
        const [, code = '', first = ''] = /"([^"]*)".*first at (\d+)/.exec(fault.message) ?? [];
        return `${fault.location?.line}:${code}:${first}`;
      });
      expect(found).toEqual(expected);
    }
    expect(leftovers()).toEqual([]);
  });

  it('reads a file without repeats to the same results past the bound as in memory', async () => {
    const text = `${header}\n${rows.join('\n')}\n`;
    const spilled = await analyse(source(text), options);
    const inMemory = await analyse(source(text), { ...options, duplicates: { inMemory: 1_000, partitions: 3 } });
    expect(spilled.input.rowsRead).toBe(rows.length);
    expect(spilled).toEqual(inMemory);
  });
});
