/**
 * `cj trend` over three invented Haarlem waves (fixtures/haarlem-2016.csv, -2017.csv, -2018.csv;
 * 2018 is invented, see fixtures/README.md). References: the trend p of Figure 2 "contact
 * medewerker" from Rscript test/stats/reference/linear-by-linear.R (every table with the
 * margins enumerated in base R); the grade interval from R's t.test; Wilson bounds by formula.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrendResult } from '../../src/diff/trend.js';
import { repoRoot, run, tempDir, writeTemp } from '../helpers/run.js';
import r from '../stats/reference/linear-by-linear-r.json' with { type: 'json' };
import { fixture2016, fixture2017 } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const fixture2018 = join(repoRoot, 'fixtures', 'haarlem-2018.csv');
let trend: TrendResult;
beforeAll(async () => {
  const result = await run(['trend', fixture2016, fixture2017, fixture2018, '--format', 'json', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  trend = JSON.parse(result.stdout) as TrendResult;
});

describe('cj trend over three waves', () => {
  it('names the waves by the words of their file names that differ, compares every bar the three share', () => {
    expect(trend.waves.map((wave) => wave.label)).toEqual(['2016', '2017', '2018']);
    expect(trend.bars).toHaveLength(19);
    expect(trend.notCompared).toEqual([]);
  });

  it('Figure 2 "contact medewerker": counts per wave, the exact trend p as R enumerates it, better over the waves', () => {
    const bar = trend.bars.find((candidate) => candidate.column === 'werkplein_medewerker')!;
    expect(bar.waves.map((wave) => wave.categories.map((category) => category.count))).toEqual([
      [2, 10, 2, 2],
      [0, 4, 11, 2],
      [0, 2, 13, 2],
    ]);
    const reference = r.cases.find((k) => JSON.stringify(k.table) === JSON.stringify([[2, 10, 2], [0, 4, 11], [0, 2, 13]]))!;
    expect(bar.trend?.method).toBe('exact');
    expect(Math.abs((bar.trend?.p ?? 1) - reference.p)).toBeLessThan(1e-9);
    expect(bar.trend?.pAdjusted).toBeLessThan(0.05);
    expect(bar.trend?.direction).toBe('up');
  });

  it('shares with their 95% Wilson interval (0 of 17: upper bound z²/(n + z²))', () => {
    const bar = trend.bars.find((candidate) => candidate.column === 'werkplein_medewerker')!;
    const none = bar.waves[1]!.categories[0]!;
    const z = 1.959963984540054;
    expect(none).toMatchObject({ count: 0, share: 0, lower: 0 });
    expect(Math.abs(none.upper - (z * z) / (17 + z * z))).toBeLessThan(1e-12);
  });

  it('the grade per wave with the t interval of R t.test', () => {
    // Rscript -e 'x <- c(rep(3,1),rep(4,2),rep(5,2),rep(5.5,1),rep(6,3),rep(6.5,1),rep(7,5),rep(8,3)); print(t.test(x)$conf.int, digits=17)'
    const [first] = trend.grade;
    expect(first?.n).toBe(18);
    expect(Math.abs((first?.lower ?? 0) - 5.3846638018941437)).toBeLessThan(1e-9);
    expect(Math.abs((first?.upper ?? 0) - 6.8375584203280768)).toBeLessThan(1e-9);
  });

  it('prints a table per bar and the grade, with the labels given', async () => {
    const result = await run(['trend', fixture2016, fixture2017, fixture2018, '--quiet', '--lang', 'en', '--label', '2016', '--label', '2017', '--label', '2018']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Trend over the waves 2016 → 2017 → 2018');
    expect(result.stdout).toMatch(/trend \(linear-by-linear, exact\): p < 0\.001, Holm-adjusted < 0\.001: demonstrably better over the waves/);
    expect(result.stdout).toContain('2016: mean 6.1 (95% CI 5.4–6.8) (n = 18)');
  });

  it('refuses one wave, and a --label count that does not match, with exit 2', async () => {
    expect((await run(['trend', fixture2016])).code).toBe(2);
    expect((await run(['trend', fixture2016, fixture2017, '--label', 'x'])).code).toBe(2);
  });
});

/** The 2018 wave with one column's answers left empty on every line (its header kept). */
function withEmptyColumn(column: string): string {
  const [header = '', ...rows] = readFileSync(fixture2018, 'utf8').split('\n');
  const at = header.split(',').indexOf(column);
  expect(at).toBeGreaterThan(0);
  // The columns before it hold no commas (codes, tracks, steps, ratings): split there only.
  const blank = (line: string): string => {
    const fields = line.split(',');
    if (fields.length <= at) return line;
    fields[at] = '';
    return fields.join(',');
  };
  return writeTemp('wave.csv', [header, ...rows.map(blank)].join('\n'), tempDir());
}

describe('cj trend says what it leaves out, as cj diff does', () => {
  it('a bar one wave has no answers for is left out of the trend and listed with why, in JSON, terminal and page', async () => {
    const third = withEmptyColumn('besluit_brief');
    const labels = ['--label', '2016', '--label', '2017', '--label', 'zonder besluit'];
    const json = await run(['trend', fixture2016, fixture2017, third, '--format', 'json', '--quiet', ...labels]);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as TrendResult;
    expect(result.bars).toHaveLength(18);
    expect(result.bars.some((bar) => bar.column === 'besluit_brief')).toBe(false);
    expect(result.figures.some((figure) => figure.id === '7')).toBe(false);
    expect(result.notCompared).toEqual([
      { figureId: '7', column: 'besluit_brief', reason: 'no-answers-in-b', text: 'Figuur 7, brief met besluit: geen antwoorden in zonder besluit' },
    ]);

    const out = join(tempDir(), 'out');
    const text = await run(['trend', fixture2016, fixture2017, third, '--out', out, '--quiet', ...labels]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Niet vergeleken\n  Figuur 7, brief met besluit: geen antwoorden in zonder besluit\n');
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('<section id="niet-vergeleken"><h2>Niet vergeleken</h2><ul><li>Figuur 7, brief met besluit: geen antwoorden in zonder besluit</li></ul></section>');
  });
});
