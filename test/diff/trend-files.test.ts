/**
 * What `cj trend` writes: its own folder (cj-trend/, never analyse's out/), through the journaled
 * batch (a failed run leaves the earlier files whole), `--check`, `--png`, the page; the figures'
 * numbers checked against the Wilson formula and R's t.test written here, and golden SVGs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrendResult } from '../../src/diff/trend.js';
import { expectGolden } from '../helpers/golden.js';
import { repoRoot, run, tempDir } from '../helpers/run.js';
import { fixture2016, fixture2017 } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const fixture2018 = join(repoRoot, 'fixtures', 'haarlem-2018.csv');
const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));
const cwd = tempDir();
const folder = join(cwd, 'cj-trend');
let printed = '';

interface Datum {
  readonly barOrder: number;
  readonly wave: string;
  readonly category: string;
  readonly share: number;
  readonly lower: number;
  readonly upper: number;
}

const specData = <T>(name: string): T[] => (JSON.parse(readFileSync(join(folder, name), 'utf8')) as { data: { values: T[] } }).data.values;

/** The 95% Wilson interval by its formula, written apart from the code. */
function wilson(x: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = ((z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)));
  return [centre - half, centre + half];
}

beforeAll(async () => {
  const result = await run(['trend', fixture2016, fixture2017, fixture2018, '--png'], { cwd });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain('trend geschreven in cj-trend');
  printed = result.stdout;
}, 120_000);

describe('cj trend writes its own folder', () => {
  it('cj-trend/: trend.json, per report figure SVG, spec and PNG, the grade, the lead times and the page; no out/', () => {
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    const figures = ['1', '2', '3', '4', '5', '6', '7', '8'].map((id) => `trend-figuur-${id}`);
    const drawn = [...figures, 'trend-rapportcijfer', 'trend-doorlooptijden'].flatMap((name) => [`${name}.svg`, `${name}.vl.json`, `${name}.png`]);
    expect(readdirSync(folder).sort()).toEqual(['.cj-manifest.json', ...drawn, 'index.html', 'trend.json'].sort());
    const manifest = JSON.parse(readFileSync(join(folder, '.cj-manifest.json'), 'utf8')) as { trend: string[] };
    expect(manifest.trend).toHaveLength(drawn.length + 2);
    // A PNG starts with its signature.
    expect([...readFileSync(join(folder, 'trend-figuur-2.png')).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('trend.json is what --format json prints', async () => {
    const json = await run(['trend', fixture2016, fixture2017, fixture2018, '--format', 'json', '--quiet']);
    expect(readFileSync(join(folder, 'trend.json'), 'utf8')).toBe(json.stdout);
  });

  it('Figure 2 "contact medewerker": the shares and Wilson intervals drawn, per wave, and the mark of its trend', () => {
    const values = specData<Datum>('trend-figuur-2.vl.json').filter((datum) => datum.barOrder === 1 && datum.category === 'Positief');
    // Positief: 2 of 16, 11 of 17, 13 of 17 (trend.test.ts has the counts).
    expect(values.map((datum) => datum.wave)).toEqual(['2016', '2017', '2018']);
    [
      [2, 16],
      [11, 17],
      [13, 17],
    ].forEach(([x, n], i) => {
      const [lower, upper] = wilson(x!, n!);
      expect(Math.abs(values[i]!.share - (100 * x!) / n!)).toBeLessThan(1e-9);
      expect(Math.abs(values[i]!.lower - 100 * lower)).toBeLessThan(1e-9);
      expect(Math.abs(values[i]!.upper - 100 * upper)).toBeLessThan(1e-9);
    });
    const svg = readFileSync(join(folder, 'trend-figuur-2.svg'), 'utf8');
    expect(svg).toContain('▲ contact medewerker: aantoonbaar beter over de golven');
    expect(svg).toContain('1 van de 2 balken met een aantoonbare trend');
    // The other bar of the figure shows no trend after Holm: no mark before it.
    expect(svg).not.toContain('▲ melden op het Werkplein');
  });

  it('the grade per wave: mean and 95% interval of R t.test', () => {
    const [first] = specData<{ mean: number; lower: number; upper: number }>('trend-rapportcijfer.vl.json');
    // Rscript -e 'x <- c(rep(3,1),rep(4,2),rep(5,2),rep(5.5,1),rep(6,3),rep(6.5,1),rep(7,5),rep(8,3)); print(t.test(x)$conf.int, digits=17); print(mean(x), digits=17)'
    expect(Math.abs(first!.lower - 5.3846638018941437)).toBeLessThan(1e-9);
    expect(Math.abs(first!.upper - 6.8375584203280768)).toBeLessThan(1e-9);
    expect(Math.abs(first!.mean - 110 / 18)).toBeLessThan(1e-9);
  });

  it('the lead times per wave: the medians of the evaluation (totaal 38 → 26 days), none for 2018 which has no dates', () => {
    const trend = JSON.parse(readFileSync(join(folder, 'trend.json'), 'utf8')) as TrendResult;
    const medians = Object.fromEntries(trend.leadTimes.map((segment) => [segment.id, segment.waves.map((wave) => wave?.median ?? null)]));
    expect(Object.values(medians)).toEqual([
      [11, 8, null],
      [20.5, 16.5, null],
      [38, 26, null],
    ]);
    const totals = trend.leadTimes[2]!.waves.map((wave) => wave?.distribution.reduce((sum, entry) => sum + entry.count, 0) ?? 0);
    expect(totals).toEqual([trend.leadTimes[2]!.waves[0]!.n, trend.leadTimes[2]!.waves[1]!.n, 0]);
    expect(printed).toContain('Totaal: mediaan 38 → 26 → – dagen (n = 12, 14, 0)');
  });

  it('the page holds every figure and the tables, in Dutch', () => {
    const page = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(page.match(/<svg/g)).toHaveLength(10);
    expect(page).toContain('Trend over de golven 2016 → 2017 → 2018');
    expect(page).toContain('▲ aantoonbaar beter over de golven');
    expect(page).not.toMatch(/<(?:script|link)\b/);
  });

  it.each(['trend-figuur-2', 'trend-rapportcijfer', 'trend-doorlooptijden'])('golden %s.svg', (name) => {
    expectGolden(goldenDir, name, readFileSync(join(folder, `${name}.svg`), 'utf8'));
  });
});

describe('--check and a failed run', () => {
  it('--check right after a run: nothing would change, exit 0; with other labels the files that would change, exit 1; writes nothing', async () => {
    const clean = await run(['trend', fixture2016, fixture2017, fixture2018, '--png', '--check'], { cwd });
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stderr).toContain('cj-trend');
    const before = readFileSync(join(folder, 'trend.json'), 'utf8');
    const changed = await run(['trend', fixture2016, fixture2017, fixture2018, '--check', '--lang', 'en', '--label', 'A', '--label', 'B', '--label', 'C'], { cwd });
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('cj-trend/trend.json');
    // Without --png the PNGs of the last run would go.
    expect(changed.stderr).toContain('would be removed: cj-trend/trend-figuur-2.png');
    expect(readFileSync(join(folder, 'trend.json'), 'utf8')).toBe(before);
  });

  it('a run that fails (a wave missing) leaves the earlier files whole, exit 3', async () => {
    const before = readdirSync(folder).sort();
    const failed = await run(['trend', fixture2016, fixture2017, join(cwd, 'missing.csv')], { cwd });
    expect(failed.code).toBe(3);
    expect(readdirSync(folder).sort()).toEqual(before);
  });
});
