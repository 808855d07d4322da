/**
 * Lead times in `cj diff fixtures/haarlem-2016.csv fixtures/haarlem-2017.csv`: per segment the
 * change in median days with its exact bootstrap interval and the exact Mann–Whitney test of the
 * day counts, checked against scipy (python3 test/stats/reference/lead-times.py writes
 * lead-times-scipy.json: an exact rank-sum distribution counted in integers by another
 * algorithm, scipy's permutation_test, and scipy's bootstrap with 2e6 resamples).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffResult, LeadTimeComparison } from '../../src/diff/types.js';
import scipy from '../stats/reference/lead-times-scipy.json' with { type: 'json' };
import { run, tempDir, writeTemp } from '../helpers/run.js';
import { parseCsv, writeCsv } from '../helpers/table.js';
import { diffJson, fixture2016, fixture2017, runDiff } from './helpers.js';

let diff: DiffResult;
beforeAll(async () => {
  diff = await diffJson(fixture2016, fixture2017);
});

function segment(id: string, of: DiffResult = diff): LeadTimeComparison {
  const found = of.leadTimes.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no lead time ${id}`);
  return found;
}

const ids = ['poortmodel', 'afhandeling', 'totaal'] as const;

describe('the change in median lead time, haarlem-2016 → haarlem-2017', () => {
  it('totaal: median 38 → 26 days, −12, 95% interval −17 to −3,5: shorter in 2017', () => {
    const totaal = segment('totaal');
    expect([totaal.a.median, totaal.b.median]).toEqual([38, 26]);
    expect(totaal.medianDifference).toEqual({ difference: -12, lower: -17, upper: -3.5 });
    expect(totaal.verdict).toBe('changed');
    expect(totaal.direction).toBe('better');
  });

  it.each(ids)('%s: the medians and the bootstrap interval equal scipy\'s (percentile, 2e6 resamples)', (id) => {
    const reference = scipy.segments[id];
    const found = segment(id);
    expect([found.a.n, found.b.n]).toEqual([reference.a.length, reference.b.length]);
    expect([found.a.median, found.b.median]).toEqual([reference.medianA, reference.medianB]);
    expect(found.medianDifference?.lower).toBe(reference.bootstrapPercentile.lower);
    expect(found.medianDifference?.upper).toBe(reference.bootstrapPercentile.upper);
  });

  it.each(ids)('%s: Mann–Whitney U, W and the exact two-sided p equal the reference', (id) => {
    const reference = scipy.segments[id].mannWhitney;
    const test = segment(id).mannWhitney;
    expect(test.method).toBe('exact');
    expect([test.U, test.W]).toEqual([reference.U, reference.W]);
    expect(test.p).toBeCloseTo(reference.p, 12);
    if ('permutationTestP' in reference) expect(test.p).toBeCloseTo(reference.permutationTestP, 12);
  });

  it('Holm over the three segments (p 0,0019, 0,0070, 0,0035 → ×3, ×1, ×2)', () => {
    const p = ids.map((id) => scipy.segments[id].mannWhitney.p);
    expect(segment('poortmodel').mannWhitney.pAdjusted).toBeCloseTo(3 * (p[0] ?? 0), 12);
    expect(segment('totaal').mannWhitney.pAdjusted).toBeCloseTo(2 * (p[2] ?? 0), 12);
    expect(segment('afhandeling').mannWhitney.pAdjusted).toBeCloseTo(Math.max(p[1] ?? 0, 2 * (p[2] ?? 0)), 12);
  });

  it('a family apart: the ratings\' verdicts and --fail-on-change are as without lead times', () => {
    expect(diff.summary.barsChanged).toBe(1);
    expect(diff.tests.multiplicity.families.change.m).toBe(20);
    expect(diff.tests.leadTimes).toContain('exact bootstrap');
  });

  it('the terminal says it in days, with the interval', async () => {
    const result = await runDiff([fixture2016, fixture2017, '--quiet', '--out', tempDir()]);
    expect(result.stdout).toContain('Totaal: mediaan 38 → 26 dagen (−12); n = 12, 14');
    expect(result.stdout).toContain('95%-BI van het verschil in medianen −17 tot −3,5 dagen (exacte bootstrap)');
    expect(result.stdout).toContain('▲ korter in 2017');
  });

  it('from the two results.json of cj analyse: the same lead-time comparison', async () => {
    const cwd = tempDir();
    for (const [file, out] of [[fixture2016, 'r2016'], [fixture2017, 'r2017']] as const) {
      expect((await run(['analyse', file, '--out', out, '--no-figures'], { cwd })).code).toBe(0);
    }
    const fromResults = await diffJson(join(cwd, 'r2016', 'results.json'), join(cwd, 'r2017', 'results.json'));
    expect(fromResults.leadTimes).toEqual(diff.leadTimes);
  });

  it('a results.json whose distribution does not add up to n is refused, naming the path', async () => {
    const cwd = tempDir();
    expect((await run(['analyse', fixture2016, '--out', 'r', '--no-figures'], { cwd })).code).toBe(0);
    const results = JSON.parse(readFileSync(join(cwd, 'r', 'results.json'), 'utf8')) as { leadTimes: { segments: { n: number }[] } };
    const first = results.leadTimes.segments[0];
    if (first !== undefined) first.n += 1;
    writeTemp('bad.json', JSON.stringify(results), cwd);
    const result = await runDiff([join(cwd, 'bad.json'), fixture2017]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('/leadTimes/segments/0/n');
  });
});

describe('cohorts without dates', () => {
  it('no lead times to compare: leadTimes is empty and the terminal has no such section', async () => {
    const records = parseCsv(readFileSync(fixture2017, 'utf8'));
    const keep = (records[0] ?? []).map((name, index) => (name.endsWith('_datum') ? -1 : index)).filter((index) => index >= 0);
    const text = writeCsv(records.map((record) => keep.map((index) => record[index] ?? '')));
    const cwd = tempDir();
    const path = writeTemp('haarlem-2017.csv', text, cwd);
    const withoutDates = await diffJson(fixture2016, path);
    expect(withoutDates.leadTimes).toEqual([]);
    const printed = await runDiff([fixture2016, path, '--quiet', '--out', join(cwd, 'out')]);
    expect(printed.stdout).not.toContain('Doorlooptijden');
  });
});
