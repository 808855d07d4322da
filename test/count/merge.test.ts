/**
 * cj merge: results added up equal the results of one analysis of all the respondents, for any
 * split of any file (a property), and for the KTO's two municipalities; results that share a
 * respondent or come from another definition are refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repoRoot, run, tempDir, writeTemp } from '../helpers/run.js';

const ktoDir = join(repoRoot, 'fixtures', 'kto-2016');
const ktoSurvey = join(ktoDir, 'survey.json');

/** What an analysis and a merge must agree on: everything but where the bytes came from and the lines of listed exclusions. */
function counted(text: string): string {
  const results = JSON.parse(text) as Record<string, unknown> & { input: Record<string, unknown>; exclusionSummary: Record<string, unknown> };
  const { respondents, respondentsByTrack, withdrawn, withdrawnTotal } = results.input;
  const { exclusions: _exclusions, mergedFrom: _mergedFrom, cj: _cj, ...rest } = results;
  const { listed: _listed, ...summary } = results.exclusionSummary;
  return JSON.stringify({ ...rest, input: { respondents, respondentsByTrack, withdrawn, withdrawnTotal }, exclusionSummary: summary });
}

async function analyse(file: string, cwd: string, extra: readonly string[] = []): Promise<string> {
  const result = await run(['analyse', file, '--format', 'json', ...extra], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

async function merge(files: readonly string[], cwd: string, extra: readonly string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(['merge', ...files, ...extra], { cwd });
}

// The built-in Haarlem definition, read as data: its steps, rating columns and answers.
const haarlem = JSON.parse(readFileSync(join(repoRoot, 'src', 'survey', 'definitions', 'haarlem-2016.json'), 'utf8')) as {
  steps: { id: string }[];
  figures: { scale: string; bars: { column: string }[] }[];
};
const columns = haarlem.figures.flatMap((figure) => figure.bars.map((bar) => ({ column: bar.column, scale: figure.scale })));
const answers: Record<string, string[]> = {
  ervaring: ['', 'negatief', 'neutraal', 'positief', 'nvt'],
  instemming: ['', 'helemaal mee oneens', 'mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens', 'nvt'],
};

const row = fc.record({
  youth: fc.boolean(),
  withdrawn: fc.option(fc.integer({ min: 0, max: haarlem.steps.length - 1 }), { nil: undefined }),
  ratings: fc.tuple(...columns.map((c) => fc.integer({ min: 0, max: (answers[c.scale]?.length ?? 1) - 1 }))),
  mark: fc.option(fc.integer({ min: 10, max: 100 }), { nil: undefined }),
});

function csv(rows: readonly { youth: boolean; withdrawn: number | undefined; ratings: number[]; mark: number | undefined }[], offset: number): string {
  const header = ['respondent', 'track', 'withdrawn_after', ...columns.map((c) => c.column), 'cijfer'].join(',');
  const lines = rows.map((r, i) =>
    [
      `R${offset + i}`,
      r.youth ? 'jongere' : 'volwassene',
      r.withdrawn === undefined ? '' : haarlem.steps[r.withdrawn]?.id,
      ...r.ratings.map((a, j) => answers[columns[j]?.scale ?? '']?.[a] ?? ''),
      r.mark === undefined ? '' : `"${(r.mark / 10).toFixed(1).replace('.', ',')}"`,
    ].join(','),
  );
  return [header, ...lines].join('\n') + '\n';
}

describe('cj merge adds up exactly', () => {
  it('property: merge(analyse(a), analyse(b)) has the bytes of analyse(a ++ b), for any rows split anywhere, with and without --by', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(row, { minLength: 1, maxLength: 12 }), fc.boolean(), async (a, b, split) => {
        const by = split ? ['--by', 'track'] : [];
        const cwd = tempDir();
        writeTemp('a.csv', csv(a, 0), cwd);
        writeTemp('b.csv', csv(b, a.length), cwd);
        writeTemp('ab.csv', csv([...a, ...b], 0), cwd);
        writeTemp('a.json', await analyse('a.csv', cwd, by), cwd);
        writeTemp('b.json', await analyse('b.csv', cwd, by), cwd);
        const whole = await analyse('ab.csv', cwd, by);
        const merged = await merge(['a.json', 'b.json'], cwd);
        expect(merged.code, merged.stderr).toBe(0);
        expect(counted(merged.stdout)).toBe(counted(whole));
      }),
      { numRuns: 30, seed: 14 },
    );
  }, 240_000);

  it('KTO 2016: Haarlem merged with Zandvoort equals the analysis of both, groups, tests and fingerprint included', async () => {
    const cwd = tempDir();
    const survey = ['--survey', ktoSurvey];
    writeTemp('h.json', await analyse(join(ktoDir, 'haarlem.csv'), cwd, survey), cwd);
    writeTemp('z.json', await analyse(join(ktoDir, 'zandvoort.csv'), cwd, survey), cwd);
    const whole = await analyse(join(ktoDir, 'responses.csv'), cwd, survey);
    const merged = await merge(['h.json', 'z.json', '-o', 'kto.json', '--format', 'json', ...survey], cwd);
    expect(merged.code, merged.stderr).toBe(0);
    expect(counted(merged.stdout)).toBe(counted(whole));
    expect(readFileSync(join(cwd, 'kto.json'), 'utf8')).toBe(merged.stdout);
    const parsed = JSON.parse(merged.stdout) as { mergedFrom: { file: string; respondents: number }[]; grade: { mean: number; sd: number } };
    expect(parsed.mergedFrom.map((part) => [part.file, part.respondents])).toEqual([['h.json', 1120], ['z.json', 196]]);
    // The mean and sd of all marks, computed here from the CSV: not an average of the two means.
    const marks = readFileSync(join(ktoDir, 'responses.csv'), 'utf8').trim().split('\n').slice(1)
      .map((line) => line.split(';').at(-1) ?? '').filter((cell) => cell !== '').map((cell) => Number(cell.replace(',', '.')));
    const mean = marks.reduce((s, x) => s + x, 0) / marks.length;
    const sd = Math.sqrt(marks.reduce((s, x) => s + (x - mean) ** 2, 0) / (marks.length - 1));
    expect(parsed.grade.mean).toBeCloseTo(mean, 12);
    expect(parsed.grade.sd).toBeCloseTo(sd, 12);
  }, 60_000);

  it('refuses results that share respondents, naming both files, without quoting a code', async () => {
    const cwd = tempDir();
    writeTemp('h.json', await analyse(join(ktoDir, 'haarlem.csv'), cwd, ['--survey', ktoSurvey]), cwd);
    writeTemp('all.json', await analyse(join(ktoDir, 'responses.csv'), cwd, ['--survey', ktoSurvey]), cwd);
    const result = await merge(['h.json', 'all.json', '--survey', ktoSurvey], cwd);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('h.json en all.json tellen minstens 1120 respondenten allebei');
    expect(result.stderr).not.toMatch(/K0\d{4}/);
  }, 60_000);

  it('refuses results of another definition', async () => {
    const cwd = tempDir();
    writeTemp('h.json', await analyse(join(ktoDir, 'haarlem.csv'), cwd, ['--survey', ktoSurvey]), cwd);
    writeTemp('z.json', await analyse(join(ktoDir, 'zandvoort.csv'), cwd, ['--survey', ktoSurvey]), cwd);
    const result = await merge(['h.json', 'z.json'], cwd);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('h.json: een andere vragenlijstdefinitie dan --survey');
  }, 60_000);

  it('one file is a usage error (exit 2)', async () => {
    const result = await merge(['a.json'], tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('twee of meer');
  });
});

describe('cj merge --help', () => {
  it('lists only options merge uses: none of reading response files', async () => {
    const { stdout, code } = await run(['merge', '--help']);
    expect(code).toBe(0);
    for (const option of ['--survey', '--lang', '--min-cell', '--out', '--format']) expect(stdout).toContain(option);
    for (const option of ['--sheet', '--allow-column', '--max-errors']) expect(stdout).not.toContain(option);
    const refused = await run(['merge', 'a.json', 'b.json', '--sheet', '2']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--sheet');
  });
});
