/**
 * Lead times from the `<step>_datum` columns. The fixture's dates are invented to match the
 * council's evaluation of the Poortmodel (fixtures/README.md, "Dates"): on average 11 days from
 * reporting at the Werkplein through the Workshop naar Werk, at most 26 days to handle an
 * application, 36 days on average from reporting to the decision, all within 8 weeks (56 days).
 * Expected values are counted by hand from the README's table; p90 and the Wilson intervals come
 * from R (commands next to them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LeadTimeResult } from '../../src/count/results.js';
import { analyseJson, fixturePath, run, stackFrames, tempDir, writeTemp, type Results } from '../helpers/run.js';
import { parseCsv, writeCsv } from '../helpers/table.js';

let results: Results;
beforeAll(async () => {
  results = await analyseJson(fixturePath);
});

function segment(of: Results, id: string, track?: string): LeadTimeResult {
  const leadTimes = of.leadTimes;
  if (leadTimes === undefined) throw new Error('no leadTimes in the results');
  const segments = track === undefined ? leadTimes.segments : leadTimes.byTrack[track]?.segments;
  const found = segments?.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no lead time ${id}`);
  return found;
}

/** The fixture's records with one cell changed (by respondent and column). */
function fixtureWith(changes: readonly [respondent: string, column: string, value: string][]): string {
  const records = parseCsv(readFileSync(fixturePath, 'utf8'));
  const header = records[0] ?? [];
  for (const [respondent, column, value] of changes) {
    const record = records.find((candidate) => candidate[0] === respondent);
    const index = header.indexOf(column);
    if (record === undefined || index < 0) throw new Error(`no ${respondent} or ${column}`);
    record[index] = value;
  }
  return writeCsv(records);
}

describe('the evaluation\'s numbers, by name', () => {
  it('Poortmodel (werkplein_melden → workshop): on average 11 days', () => {
    const poortmodel = segment(results, 'poortmodel');
    expect(poortmodel.mean).toBe(11);
    expect(poortmodel.n).toBe(11);
  });

  it('afhandeling (aanvraagformulier → besluit): at most 26 days', () => {
    const afhandeling = segment(results, 'afhandeling');
    expect(afhandeling.max).toBe(26);
    expect(afhandeling.n).toBe(14);
  });

  it('totaal (werkplein_melden → besluit): on average 36 days, all within the 56-day term', () => {
    const totaal = segment(results, 'totaal');
    expect(totaal.mean).toBe(36);
    expect(totaal.n).toBe(12);
    expect(totaal.legalTermDays).toBe(56);
    expect(totaal.withinTerm?.count).toBe(12);
    expect(totaal.withinTerm?.share).toBe(1);
  });

  it('calendar days, R type 7 percentiles, said so in the JSON', () => {
    expect(results.leadTimes?.unit).toBe('calendar days');
    expect(results.leadTimes?.percentile).toBe('R quantile type 7');
    expect(results.leadTimes?.track).toBe('volwassene');
  });

  it('the terminal prints 11, 26 and 36 days, in calendar days', async () => {
    const { stdout, code } = await run(['analyse', fixturePath, '--no-figures']);
    expect(code).toBe(0);
    expect(stdout).toContain('Doorlooptijden in kalenderdagen');
    const row = (label: string): string[] => (stdout.split('\n').find((line) => line.includes(`${label}:`)) ?? '').trim().split(/\s{2,}/);
    // segment, n, mean, median, p90, max, within term
    expect(row('Poortmodel').slice(1, 6)).toEqual(['11', '11', '11', '14', '16']);
    expect(row('Afhandeling aanvraag').slice(1, 6)).toEqual(['14', '20,7', '20,5', '25,7', '26']);
    expect(row('Totaal').slice(1, 6)).toEqual(['12', '36', '38', '44,7', '47']);
  });
});

describe('median, p90 and the share within the term', () => {
  // R: p <- c(9,12,10,14,16,8,11,13,7,10,11); h <- c(20,24,18,26,22,15,21,25,14,19,23,26,17,20)
  //    t <- c(32,40,30,45,41,25,36,41,22,31,42,47); quantile(x, 0.9, type = 7), median(x)
  it.each([
    ['poortmodel', 11, 14, 7],
    ['afhandeling', 20.5, 25.7, 14],
    ['totaal', 38, 44.7, 22],
  ])('%s: median %s, p90 %s (R), min %s', (id, median, p90, min) => {
    const found = segment(results, id);
    expect(found.median).toBe(median);
    expect(found.p90).toBeCloseTo(p90, 10);
    expect(found.min).toBe(min);
  });

  it('the Wilson interval of 12 of 12 and 14 of 14 (R: prop.test(x, n, correct = FALSE)$conf.int)', () => {
    expect(segment(results, 'totaal').withinTerm?.lower).toBeCloseTo(0.757505993345, 10);
    expect(segment(results, 'totaal').withinTerm?.upper).toBe(1);
    expect(segment(results, 'afhandeling').withinTerm?.lower).toBeCloseTo(0.784689197262, 10);
  });

  it('Poortmodel has no legal term: no share', () => {
    expect(segment(results, 'poortmodel').legalTermDays).toBeNull();
    expect(segment(results, 'poortmodel').withinTerm).toBeNull();
  });

  it('the distribution holds every respondent once', () => {
    const totaal = segment(results, 'totaal');
    expect(totaal.distribution.reduce((sum, entry) => sum + entry.count, 0)).toBe(12);
    expect(totaal.distribution.find((entry) => entry.days === 41)?.count).toBe(2);
  });
});

describe('who is counted', () => {
  it('A16 withdrew after the participatiegesprek: left out of every segment that ends later', () => {
    for (const id of ['poortmodel', 'afhandeling', 'totaal']) expect(segment(results, id).withdrawnConsent).toBe(1);
  });

  it('a missing date leaves the respondent out as missing: A11/A12 (no workshop), A13/A14 (no melden), A15 (no besluit)', () => {
    expect(segment(results, 'poortmodel').missing).toBe(4);
    expect(segment(results, 'afhandeling').missing).toBe(1);
    expect(segment(results, 'totaal').missing).toBe(3);
  });

  it('the youth are reported apart, as their ratings are: no workshop, and one of three past 56 days', () => {
    expect(segment(results, 'poortmodel', 'jongere').n).toBe(0);
    expect(segment(results, 'poortmodel', 'jongere').missing).toBe(3);
    const totaal = segment(results, 'totaal', 'jongere');
    expect(totaal.n).toBe(3);
    expect(totaal.mean).toBe(55);
    expect(totaal.max).toBe(57);
    expect(totaal.withinTerm?.count).toBe(2);
    // R: prop.test(2, 3, correct = FALSE)$conf.int
    expect(totaal.withinTerm?.lower).toBeCloseTo(0.207659600802, 10);
    expect(totaal.withinTerm?.upper).toBeCloseTo(0.93850805528, 10);
    expect(results.leadTimes?.byTrack['volwassene']).toBeUndefined();
  });

  it('no date is listed as left out by the youth split, and the fixture\'s exclusions stay 24 / 13 / 1', () => {
    expect(results.exclusions.filter((e) => e.column.endsWith('_datum'))).toEqual([]);
    expect(results.exclusionSummary.byRule).toEqual({ 'other-track': 24, 'withdrawn-consent': 13, 'not-applicable': 1 });
  });

  it('a date after the withdrawal step is left out (rule 2) and listed with its column', async () => {
    const cwd = tempDir();
    writeTemp('data.csv', fixtureWith([['A16', 'besluit_datum', '2016-04-29']]), cwd);
    const withDate = await analyseJson('data.csv', [], { cwd });
    const listed = withDate.exclusions.filter((e) => e.column === 'besluit_datum');
    expect(listed).toEqual([{ respondent: 'A16', line: 21, column: 'besluit_datum', step: 'besluit', rule: 'withdrawn-consent' }]);
    expect(withDate.exclusionSummary.byRule['withdrawn-consent']).toBe(14);
    expect(segment(withDate, 'totaal')).toEqual(segment(results, 'totaal'));
  });
});

describe('dates that break the contract', () => {
  it('a date before an earlier step\'s date is a data fault: exit 3, line, column and what was expected', async () => {
    const cwd = tempDir();
    // A01 reported on 2016-02-01; a workshop on 2016-01-28 is before it.
    writeTemp('data.csv', fixtureWith([['A01', 'workshop_datum', '28-1-2016']]), cwd);
    const result = await run(['analyse', 'data.csv'], { cwd });
    expect(result.code).toBe(3);
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(result.stderr).toContain('data.csv:2, kolom "workshop_datum"');
    expect(result.stderr).toContain('datum 2016-01-28 ligt vóór participatiegesprek_datum (2016-02-06); verwacht 2016-02-06 of later');
    expect(result.stderr).toContain('[CJ_DATE_ORDER]');
  });

  it('in English', async () => {
    const cwd = tempDir();
    writeTemp('data.csv', fixtureWith([['A02', 'besluit_datum', '2016-02-18']]), cwd);
    const result = await run(['analyse', 'data.csv', '--lang', 'en'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('date 2016-02-18 is before aanvraagformulier_datum (2016-02-19); expected 2016-02-19 or later');
  });

  it('the same day twice is no fault (0 days)', async () => {
    const cwd = tempDir();
    writeTemp('data.csv', fixtureWith([['A01', 'besluit_datum', '2016-02-13']]), cwd);
    const sameDay = await analyseJson('data.csv', [], { cwd });
    expect(segment(sameDay, 'afhandeling').min).toBe(0);
  });
});

describe('files without lead times', () => {
  it('no date columns: no leadTimes and no lead-time figure', async () => {
    const records = parseCsv(readFileSync(fixturePath, 'utf8'));
    const keep = (records[0] ?? []).map((name, index) => (name.endsWith('_datum') ? -1 : index)).filter((index) => index >= 0);
    const cwd = tempDir();
    writeTemp('data.csv', writeCsv(records.map((record) => keep.map((index) => record[index] ?? ''))), cwd);
    const result = await run(['analyse', 'data.csv', '--out', 'out'], { cwd });
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(join(cwd, 'out', 'results.json'), 'utf8')) as Results;
    expect(written.leadTimes).toBeUndefined();
    expect(() => readFileSync(join(cwd, 'out', 'doorlooptijden.svg'))).toThrow();
  });
});

describe('the figure', () => {
  it('doorlooptijden.svg draws the 56-day term and the n of each segment; the spec has a rule at 56', async () => {
    const cwd = tempDir();
    const result = await run(['analyse', fixturePath, '--out', 'out'], { cwd });
    expect(result.code).toBe(0);
    const svg = readFileSync(join(cwd, 'out', 'doorlooptijden.svg'), 'utf8');
    for (const text of ['Poortmodel (n=11)', 'Afhandeling aanvraag (n=14)', 'Totaal (n=12)', '56 dagen', 'kalenderdagen']) expect(svg).toContain(text);
    const spec = JSON.parse(readFileSync(join(cwd, 'out', 'doorlooptijden.vl.json'), 'utf8')) as { data: { values: { kind: string; days: number }[] } };
    expect(spec.data.values.filter((value) => value.kind === 'term').map((value) => value.days)).toEqual([56, 56]);
    const html = readFileSync(join(cwd, 'out', 'index.html'), 'utf8');
    expect(html).toContain('id="doorlooptijden"');
    expect(html).toContain('Doorlooptijden in kalenderdagen');
  });
});

describe('long-shaped input', () => {
  it('dates as rows: the lead time counted, and a date after the withdrawal left out naming its own row\'s line', async () => {
    const text = [
      'respondent,track,withdrawn_after,column,value',
      'R1,volwassene,,werkplein_melden_datum,2016-03-01',
      'R2,volwassene,participatiegesprek,werkplein_melden_datum,2016-03-02',
      'R1,volwassene,,besluit_datum,15-4-2016',
      'R2,volwassene,participatiegesprek,besluit_datum,2016-04-20',
      'R1,volwassene,,aanvraagformulier_datum,2016-03-20',
      '',
    ].join('\n');
    const cwd = tempDir();
    writeTemp('long.csv', text, cwd);
    const long = await analyseJson('long.csv', [], { cwd });
    // R1: 1 March → 15 April: 30 days to 31 March, then 15 (45); 20 March → 15 April: 11 + 15 (26).
    expect(segment(long, 'totaal').distribution).toEqual([{ days: 45, count: 1 }]);
    expect(segment(long, 'afhandeling').distribution).toEqual([{ days: 26, count: 1 }]);
    expect(segment(long, 'totaal').withdrawnConsent).toBe(1);
    expect(long.exclusions.filter((e) => e.column.endsWith('_datum'))).toEqual([{ respondent: 'R2', line: 5, column: 'besluit_datum', step: 'besluit', rule: 'withdrawn-consent' }]);
  });
});
