/**
 * Issue 7, "Nothing lost": whatever bytes arrive, cj either gives a result or a clean error,
 * never a crash or a stack trace; privacy warnings and formula-safe CSV output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturePath, run, stackFrames, tempDir, writeTemp } from '../helpers/run.js';

const fixture = readFileSync(fixturePath);

/** A run is clean when it succeeded, or failed as a data error with messages and no stack. */
async function expectClean(bytes: Uint8Array): Promise<void> {
  const dir = tempDir();
  const file = writeTemp('input.csv', bytes, dir);
  const result = await run(['analyse', file, '--format', 'json'], { cwd: dir });
  expect(stackFrames(result.stderr)).toEqual([]);
  expect(result.stderr).not.toMatch(/internal error|interne fout/);
  if (result.code === 0) {
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  } else {
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^cj: fout: /m);
  }
}

describe('random input never crashes cj', () => {
  it('random bytes: a result or a clean data error', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), expectClean), { numRuns: 150, seed: 7 });
  });

  it('random text with delimiters, quotes and line ends: a result or a clean data error', async () => {
    const pieces = fc.constantFrom(',', ';', '\t', '"', '\n', '\r\n', 'respondent', 'track', 'volwassene', 'positief', 'cv_uploaden', 'é', ' ');
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 200 }), (parts) => expectClean(Buffer.from(parts.join('')))),
      { numRuns: 150, seed: 11 },
    );
  });

  it('random mutations of the fixture: a result or a clean data error', async () => {
    const mutation = fc.record({
      at: fc.nat({ max: fixture.length - 1 }),
      remove: fc.nat({ max: 40 }),
      insert: fc.uint8Array({ maxLength: 12 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        let bytes = Buffer.from(fixture);
        for (const { at, remove, insert } of mutations) {
          const start = Math.min(at, bytes.length);
          bytes = Buffer.concat([bytes.subarray(0, start), Buffer.from(insert), bytes.subarray(start + remove)]);
        }
        await expectClean(bytes);
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});

describe('privacy: small groups', () => {
  it('warns that the youth summary (N=3) may single out a person, below the default --min-cell 3', async () => {
    const result = await run(['analyse', fixturePath, '--format', 'json']);
    const warnings = (result.json as unknown as { warnings: { code: string; message: string }[] }).warnings;
    const small = warnings.filter((warning) => warning.code === 'CJ_SMALL_CELL');
    expect(small).toHaveLength(1);
    expect(small[0]?.message).toContain('jongeren');
  });

  it('--min-cell 1 silences it; a bad --min-cell is a usage error', async () => {
    const quiet = await run(['analyse', fixturePath, '--format', 'json', '--min-cell', '1']);
    const warnings = (quiet.json as unknown as { warnings: { code: string }[] }).warnings;
    expect(warnings.some((warning) => warning.code === 'CJ_SMALL_CELL')).toBe(false);
    const bad = await run(['analyse', fixturePath, '--min-cell', 'drie']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-cell');
  });
});

describe('exclusions.csv is safe to open in a spreadsheet', () => {
  it('escapes cells that begin with = + - @ (formula injection)', async () => {
    const dir = tempDir();
    const csv = [
      'respondent,track,cv_uploaden',
      '=HYPERLINK("x"),volwassene,',
      '+R2,volwassene,positief',
      '-R3,jongere,positief',
      '@R4,volwassene,nvt',
    ].join('\n');
    const file = writeTemp('formulas.csv', csv + '\n', dir);
    const result = await run(['analyse', file], { cwd: dir });
    expect(result.code).toBe(0);
    const exclusions = readFileSync(join(dir, 'out', 'exclusions.csv'), 'utf8').split('\n');
    expect(exclusions[0]).toBe('respondent,line,column,step,rule');
    expect(exclusions).toContain(`"'=HYPERLINK(""x"")",2,cv_uploaden,cv_uploaden,missing`);
    expect(exclusions).toContain("'-R3,4,cv_uploaden,cv_uploaden,other-track");
    expect(exclusions).toContain("'@R4,5,cv_uploaden,cv_uploaden,not-applicable");
    for (const line of exclusions.slice(1)) expect(line).not.toMatch(/^[=+\-@]/);
  });
});
