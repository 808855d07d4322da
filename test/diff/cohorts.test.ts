/**
 * What either side of `cj diff` may be: a response file, or a results.json of `cj analyse` (found
 * by name or by content), with the same numbers either way; and cohorts counted with different
 * definitions or columns, compared on what both have, the rest named.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contingencyTest } from '../../src/diff/bar.js';
import type { DiffResult } from '../../src/diff/types.js';
import { run, tempDir, writeTemp } from '../helpers/run.js';
import { parseCsv, writeCsv } from '../helpers/table.js';
import { comparedBar, diffJson, fixture2016, fixture2017 } from './helpers.js';

// cj diff runs whole comparisons, with a power simulation per bar: on a shared machine more than 5 s.
vi.setConfig({ testTimeout: 60_000 });

/** The parts of a comparison that come from the data, not from how the files were given. */
const numbers = (diff: DiffResult) => ({
  figures: diff.figures,
  grade: diff.grade,
  notCompared: diff.notCompared,
  verdicts: diff.verdicts,
  summary: diff.summary,
  tests: diff.tests,
});

/** `cj analyse <csv> --format json` written to a file; the JSON text is returned as an object. */
async function resultsFile(csv: string, name: string, dir: string): Promise<{ path: string; json: Record<string, unknown> }> {
  const result = await run(['analyse', csv, '--format', 'json', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  return { path: writeTemp(name, result.stdout, dir), json: JSON.parse(result.stdout) as Record<string, unknown> };
}

let fromCsv: DiffResult;
beforeAll(async () => {
  fromCsv = await diffJson(fixture2016, fixture2017);
});

describe('a results.json as either side', () => {
  it('gives the same numbers as the response file it was counted from', async () => {
    const dir = tempDir();
    const baseline = await resultsFile(fixture2016, 'results.json', dir);
    const diff = await diffJson(baseline.path, fixture2017);
    expect(numbers(diff)).toEqual(numbers(fromCsv));
    expect(diff.a.kind).toBe('results');
    expect(diff.a.label).toBe('2016');
    expect(diff.a.countedFrom?.sha256).toBe(fromCsv.a.sha256);
    expect(diff.a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(diff.a.sha256).not.toBe(fromCsv.a.sha256);
  });

  it('on both sides, and found by its content when its name does not end in .json', async () => {
    const dir = tempDir();
    const a = await resultsFile(fixture2016, 'baseline.txt', dir);
    const b = await resultsFile(fixture2017, 'nieuw', dir);
    const diff = await diffJson(a.path, b.path);
    expect(numbers(diff)).toEqual(numbers(fromCsv));
    expect([diff.a.kind, diff.b.kind]).toEqual(['results', 'results']);
  });

  it('is refused with exit 3 when its schemaVersion is not the one this cj writes', async () => {
    const dir = tempDir();
    const { json } = await resultsFile(fixture2016, 'results.json', dir);
    const path = writeTemp('old.json', JSON.stringify({ ...json, schemaVersion: 0 }), dir);
    const result = await run(['diff', path, fixture2017, '--format', 'json']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('schemaVersion 0');
    expect(result.stderr).toContain('CJ_DIFF_SCHEMA_VERSION');
  });

  it.each([
    ['not JSON at all', '{"schemaVersion": 1,', 'CJ_DIFF_NOT_JSON'],
    ['JSON without figures', '{"schemaVersion": 1, "cj": {"version": "0.1.0"}}', 'CJ_DIFF_NOT_RESULTS'],
    ['a bar whose n is not its counts', null, 'CJ_DIFF_NOT_RESULTS'],
  ])('is refused with exit 3 when it is %s', async (_, text, code) => {
    const dir = tempDir();
    let content = text;
    if (content === null) {
      const { json } = await resultsFile(fixture2016, 'results.json', dir);
      const figures = json['figures'] as { bars: { n: number }[] }[];
      const first = figures[0]?.bars[0];
      if (first !== undefined) first.n += 1;
      content = JSON.stringify(json);
    }
    const path = writeTemp('broken.json', content, dir);
    const result = await run(['diff', path, fixture2017, '--format', 'json']);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain('broken.json');
    expect(result.stderr).toContain(code);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('cohorts with different definitions or columns', () => {
  it('a response file without the workshop columns: Figure 5 is not compared, the rest is', async () => {
    const records = parseCsv(readFileSync(fixture2017, 'utf8'));
    const header = records[0] ?? [];
    const keep = header.map((name, index) => (name === 'workshop' || name === 'workshop_medewerker' ? -1 : index)).filter((index) => index >= 0);
    const path = writeTemp('haarlem-2017.csv', writeCsv(records.map((record) => keep.map((index) => record[index] ?? ''))));
    const diff = await diffJson(fixture2016, path);
    expect(diff.figures.map((figure) => figure.id)).toEqual(['1', '2', '3', '4', '6', '7', '8']);
    expect(diff.notCompared.map((entry) => [entry.figureId, entry.column, entry.reason])).toEqual([
      ['5', 'workshop', 'column-absent-in-b'],
      ['5', 'workshop_medewerker', 'column-absent-in-b'],
    ]);
    expect(diff.notCompared[0]?.text).toBe('Figuur 5, Workshop naar Werk: de kolom ontbreekt in 2017');
    expect(diff.summary.barsCompared).toBe(17);
  });

  it('another definition: figures matched by id, bars by column, and what cannot be compared is named', async () => {
    const dir = tempDir();
    const { json } = await resultsFile(fixture2017, 'results.json', dir);
    type Bar = { column: string; label: string; n: number; counts: Record<string, number> };
    type Figure = { id: string; showNotApplicable: boolean; categories: { key: string }[]; bars: Bar[] };
    const figures = json['figures'] as Figure[];
    const byId = (id: string): Figure => figures.find((figure) => figure.id === id) as Figure;
    // Figure 7 dropped; a new figure 9; Figure 2 without its n.v.t. category; a bar of Figure 8 renamed.
    const edited = {
      ...json,
      survey: { name: 'Customer Journey 2017 (eigen vragenlijst)', language: 'nl' },
      figures: [
        ...figures.filter((figure) => figure.id !== '7' && figure.id !== '2'),
        {
          ...byId('2'),
          showNotApplicable: false,
          categories: byId('2').categories.slice(0, 3),
          bars: byId('2').bars.map((bar) => ({ ...bar, n: bar.n - (bar.counts['nvt'] ?? 0) })),
        },
        { ...byId('7'), id: '9' },
      ].map((figure) =>
        figure.id === '8'
          ? { ...figure, bars: figure.bars.map((bar) => (bar.column === 'mw_meedenken' ? { ...bar, column: 'mw_meedenken_2017' } : bar)) }
          : figure,
      ),
    };
    const path = writeTemp('eigen.json', JSON.stringify(edited), dir);
    const diff = await diffJson(fixture2016, path);
    expect(diff.figures.map((figure) => figure.id)).toEqual(['1', '3', '4', '5', '6', '8']);
    expect(diff.notCompared.map((entry) => [entry.figureId, entry.column, entry.reason])).toEqual([
      ['2', null, 'categories-differ'],
      ['7', null, 'figure-only-in-a'],
      ['8', 'mw_meedenken', 'bar-only-in-a'],
      ['8', 'mw_meedenken_2017', 'bar-only-in-b'],
      ['9', null, 'figure-only-in-b'],
    ]);
    expect(diff.notes).toEqual([
      'de twee zijn geteld met verschillende vragenlijsten ("Customer Journey bijstand, gemeente Haarlem 2016 (I&O Research)" en "Customer Journey 2017 (eigen vragenlijst)"); vergeleken is alleen wat in beide staat: figuren met hetzelfde nummer, balken met dezelfde kolom',
    ]);
    // What is compared keeps the numbers of the full comparison.
    expect(comparedBar(diff, '5', 'workshop').contingency.p).toBe(comparedBar(fromCsv, '5', 'workshop').contingency.p);
    expect(diff.tests.multiplicity.families.change.m).toBe(fromCsv.tests.multiplicity.families.change.m - 4);
  });

  it('a grade in another column is not compared, and said so', async () => {
    const dir = tempDir();
    const { json } = await resultsFile(fixture2017, 'results.json', dir);
    const path = writeTemp('r.json', JSON.stringify({ ...json, grade: { ...(json['grade'] as object), column: 'rapportcijfer' } }), dir);
    const diff = await diffJson(fixture2016, path);
    expect(diff.grade).toBeNull();
    expect(diff.notCompared.at(-1)).toEqual({
      figureId: null,
      column: null,
      reason: 'grade-column-differs',
      text: 'Rapportcijfer: andere kolom (cijfer en rapportcijfer)',
    });
    expect(diff.tests.multiplicity.families.change.m).toBe(19);
  });

  it('only n.v.t. in one cohort: the table is tested, the order is not, and the Mann–Whitney family is one smaller', async () => {
    const dir = tempDir();
    const { json } = await resultsFile(fixture2017, 'results.json', dir);
    type Figure = { id: string; bars: { column: string; n: number; counts: Record<string, number> }[] };
    const figures = (json['figures'] as Figure[]).map((figure) => ({
      ...figure,
      bars: figure.bars.map((bar) => (bar.column === 'workshop' ? { ...bar, n: 17, counts: { negatief: 0, neutraal: 0, positief: 0, nvt: 17 } } : bar)),
    }));
    const path = writeTemp('r.json', JSON.stringify({ ...json, figures }), dir);
    const diff = await diffJson(fixture2016, path);
    const bar = comparedBar(diff, '5', 'workshop');
    expect(bar.ordinal).toBeNull();
    expect(bar.direction).toBe('none');
    expect(bar.contingency.method).toBe('exact');
    expect(bar.verdict).toBe('changed');
    expect(diff.verdicts.find((verdict) => verdict.column === 'workshop')?.text).toContain('anders verdeeld in 2017');
    expect(diff.tests.multiplicity.families.ordinal.m).toBe(18);
  });

  it('marks that are not whole or half numbers: the permutation test is skipped, Welch decides', async () => {
    const dir = tempDir();
    const { json } = await resultsFile(fixture2017, 'results.json', dir);
    const distribution = [
      { mark: 6.25, count: 4 },
      { mark: 7.75, count: 6 },
    ];
    const path = writeTemp('r.json', JSON.stringify({ ...json, grade: { ...(json['grade'] as object), n: 10, distribution } }), dir);
    const diff = await diffJson(fixture2016, path);
    expect(diff.grade?.permutation).toEqual({ skipped: 'marks-not-half-steps' });
    expect(diff.grade?.test).toBe('welch');
    expect(diff.grade?.p).toBe(diff.grade?.welch?.p);
  });
});

describe('the table test says which test ran, and is never chi-square', () => {
  it('exact by the network algorithm for a 2×6 table with 1 480 884 tables (R fisher.test: 0.057191369113387673)', () => {
    // Rscript test/stats/reference/issue15.R: fisher.test(rbind(a, b), workspace = 2e8)$p.value
    const result = contingencyTest([[16, 6, 3, 9, 7, 5], [10, 14, 13, 11, 15, 14]], 1);
    expect(result).toMatchObject({ method: 'exact', tables: 1480884, standardError: 0 });
    expect(Math.abs(result.p - 0.057191369113387673)).toBeLessThan(1e-12);
  });

  it('a seeded Monte-Carlo estimate beyond that, its standard error at most alpha/20, the same on every run', () => {
    const table = [
      [3000, 3100, 2900, 3000, 5],
      [3050, 3000, 2950, 2900, 0],
    ];
    const first = contingencyTest(table, 1);
    expect(first.method).toBe('monte-carlo');
    expect(first.tables).toBeGreaterThanOrEqual(10_000);
    expect(first.standardError).toBeLessThanOrEqual(0.05 / 20);
    expect(first.standardError).toBeCloseTo(Math.sqrt((first.p * (1 - first.p)) / first.tables), 15);
    expect(contingencyTest(table, 1)).toEqual(first);
    // At alpha 0.01 the cap of 200 000 draws may come first, but only for a p far from alpha.
    const strict = contingencyTest(table, 1, 0.01);
    const precise = (strict.standardError ?? 1) <= 0.01 / 20;
    const farAndCapped = strict.tables === 200_000 && strict.p - 4 * (strict.standardError ?? 1) > 0.01;
    expect(precise || farAndCapped).toBe(true);
  });

  it('full enumeration for a survey-sized table', () => {
    expect(contingencyTest([[1, 9, 3, 2], [0, 2, 14, 1]], 1)).toMatchObject({ method: 'exact', tables: 96 });
  });
});

describe('a cohort against itself', () => {
  it('has no change anywhere and every p = 1', async () => {
    const diff = await diffJson(fixture2016, fixture2016);
    const bars = diff.figures.flatMap((figure) => figure.bars);
    expect(bars).toHaveLength(19);
    for (const bar of bars) {
      for (const category of bar.categories) expect(category.change.points).toBe(0);
      expect(bar.contingency.p).toBe(1);
      expect(bar.contingency.pAdjusted).toBe(1);
      expect(bar.ordinal?.p).toBe(1);
      expect(bar.ordinal?.cliffsDelta).toBe(0);
      expect(bar.verdict).toBe('no-evidence');
      expect(bar.direction).toBe('none');
    }
    expect(diff.grade?.difference).toBe(0);
    expect(diff.grade?.welch?.p).toBe(1);
    expect(diff.grade?.p).toBe(1);
    expect(diff.grade?.hedgesG).toBe(0);
    expect(diff.summary.changed).toBe(false);
    expect([diff.a.label, diff.b.label]).toEqual(['a: haarlem-2016', 'b: haarlem-2016']);
  });
});
