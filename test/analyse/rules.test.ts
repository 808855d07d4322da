/**
 * The rules of DATA-CONTRACT.md ("Rules the analysis applies"), each on a small table written
 * here: youth split, withdrawn consent, n.v.t. shown or left out, missing, N, and the accounting of
 * every cell. The property tests at the end check the same rules on random tables against an
 * oracle written from the contract.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoriesOf, figureSpecs, stepIndex, steps, type Step } from '../helpers/contract.js';
import { analyseJson, bar, figure, run, tempDir, writeTemp, type Results } from '../helpers/run.js';
import { agreementColumns, csv, experienceColumns, neutralRow, parseCsv, type Row } from '../helpers/table.js';

async function analyseRows(rows: readonly Row[]): Promise<Results> {
  return analyseJson(writeTemp('data.csv', csv(rows)));
}

const allPositive = (): Row => {
  const row: Row = {};
  for (const column of experienceColumns) row[column] = 'positief';
  for (const column of agreementColumns) row[column] = 'mee eens';
  return row;
};

const adultFigures = figureSpecs.filter((spec) => !spec.youthCounted);

describe('rule 1: youth split', () => {
  const rows = [neutralRow('A1'), neutralRow('J1', 'jongere', { ...allPositive(), cijfer: '9' })];

  it('youth answers on the columns of figures 1–7 are not counted there', async () => {
    const results = await analyseRows(rows);
    for (const spec of adultFigures) {
      expect(figure(results, spec.id).N, `figure ${spec.id}`).toBe(1);
      for (const column of spec.columns) {
        const found = bar(results, spec.id, column);
        expect(found.counts['positief'], column).toBe(0);
        expect(found.counts['neutraal'], column).toBe(1);
        expect(found.n, column).toBe(1);
        expect(found.leftOut['other-track'], column).toBe(1);
      }
    }
  });

  it('youth answers count in figure 8 and the grade', async () => {
    const results = await analyseRows(rows);
    expect(figure(results, '8').N).toBe(2);
    for (const column of agreementColumns) {
      expect(bar(results, '8', column).counts['eens'], column).toBe(1);
      expect(bar(results, '8', column).counts['neutraal'], column).toBe(1);
      expect(bar(results, '8', column).n, column).toBe(2);
    }
    expect(results.grade.n).toBe(2);
    expect(results.grade.mean).toBe(7.5);
    expect(results.grade.display).toBe('7,5');
  });

  it('youth answers appear in the youth summary', async () => {
    const results = await analyseRows(rows);
    expect(results.youth).toHaveLength(1);
    const youth = results.youth[0];
    expect(youth?.track).toBe('jongere');
    expect(youth?.respondents).toBe(1);
    for (const column of experienceColumns) {
      expect(youth?.bars.find((b) => b.column === column)?.counts['positief'], column).toBe(1);
    }
    expect(youth?.grade.n).toBe(1);
    expect(youth?.grade.mean).toBe(9);
  });

  it('each youth answer left out of figures 1–7 is listed, and none of figure 8 or the mark', async () => {
    const results = await analyseRows(rows);
    const listed = results.exclusions.filter((e) => e.respondent === 'J1');
    expect(listed.map((e) => e.column).sort()).toEqual([...experienceColumns].sort());
    for (const exclusion of listed) expect(exclusion.rule).toBe('other-track');
    expect(listed.every((e) => e.line === 3)).toBe(true);
  });

  it('figures 1–4 carry no footnote for the youth (the report: N=16, no footnote), figure 8 names them', async () => {
    const results = await analyseRows(rows);
    for (const id of ['1', '2', '3', '4']) expect(figure(results, id).footnote, `figure ${id}`).toBeNull();
    expect(figure(results, '8').footnote).toContain('jongeren (N= 1)');
  });
});

describe('rule 2: withdrawn consent', () => {
  const rows = [
    neutralRow('A1'),
    neutralRow('W1', 'volwassene', { ...allPositive(), withdrawn_after: 'participatiegesprek', cijfer: '10' }),
  ];

  it('answers up to and including the step are counted', async () => {
    const results = await analyseRows(rows);
    for (const id of ['1', '2', '3', '4']) {
      expect(figure(results, id).N, `figure ${id}`).toBe(2);
      for (const found of figure(results, id).bars) expect(found.counts['positief'], found.column).toBe(1);
    }
  });

  it('answers after the step are left out even though the file holds them', async () => {
    const results = await analyseRows(rows);
    for (const id of ['5', '6', '7']) {
      expect(figure(results, id).N, `figure ${id}`).toBe(1);
      for (const found of figure(results, id).bars) {
        expect(found.counts['positief'], found.column).toBe(0);
        expect(found.leftOut['withdrawn-consent'], found.column).toBe(1);
      }
    }
  });

  it('figure 8 and the mark are always after the step: left out', async () => {
    const results = await analyseRows(rows);
    expect(figure(results, '8').N).toBe(1);
    for (const found of figure(results, '8').bars) expect(found.counts['eens'], found.column).toBe(0);
    expect(results.grade.n).toBe(1);
    expect(results.grade.mean).toBe(6);
  });

  it('every answer left out is listed with respondent, line, column and rule', async () => {
    const results = await analyseRows(rows);
    const listed = results.exclusions.filter((e) => e.respondent === 'W1');
    expect(listed.map((e) => e.column).sort()).toEqual(
      ['workshop', 'workshop_medewerker', 'aanvraag_invullen', 'aanvraag_medewerker', 'besluit_brief', ...agreementColumns, 'cijfer'].sort(),
    );
    for (const exclusion of listed) {
      expect(exclusion.rule).toBe('withdrawn-consent');
      expect(exclusion.line).toBe(3);
    }
  });

  it('figures 5 and 6 say so in the report\'s words', async () => {
    const results = await analyseRows(rows);
    expect(figure(results, '5').footnote).toBe('* Gegevens van één aanvrager mogen niet mee genomen worden');
    expect(figure(results, '6').footnote).toBe('* Gegevens van één aanvrager mogen niet mee genomen worden');
    expect(figure(results, '5').title).toBe('Oordeel Workshop naar Werk en medewerker (N=1)*');
  });

  it.each(steps.map((step) => [step]))('withdrawn after %s: exactly the steps up to it count', async (step: Step) => {
    const results = await analyseRows([
      neutralRow('A1'),
      neutralRow('W1', 'volwassene', { ...allPositive(), withdrawn_after: step, cijfer: '10' }),
    ]);
    for (const spec of figureSpecs) {
      const usable = stepIndex(spec.step) <= stepIndex(step);
      const positive = spec.scale === 'experience' ? 'positief' : 'eens';
      for (const column of spec.columns) {
        expect(bar(results, spec.id, column).counts[positive], `${column} after ${step}`).toBe(usable ? 1 : 0);
      }
      expect(figure(results, spec.id).N, `figure ${spec.id}`).toBe(usable ? 2 : 1);
    }
    expect(results.grade.n).toBe(step === 'eindgesprek' ? 2 : 1);
  });

  it('a youth who withdrew: the youth summary keeps only the steps up to the withdrawal', async () => {
    const results = await analyseRows([
      neutralRow('A1'),
      neutralRow('J1', 'jongere', { ...allPositive(), withdrawn_after: 'werkplein_melden', cijfer: '9' }),
    ]);
    const youth = results.youth[0];
    const positive = (column: string): number | undefined => youth?.bars.find((b) => b.column === column)?.counts['positief'] ?? 0;
    expect(positive('cv_uploaden')).toBe(1);
    expect(positive('werkplein_melden')).toBe(1);
    expect(positive('werkplein_medewerker')).toBe(1);
    for (const column of experienceColumns.slice(3)) expect(positive(column), column).toBe(0);
    expect(figure(results, '8').N).toBe(1);
    expect(results.grade.n).toBe(1);
    expect(youth?.grade.n).toBe(0);
  });

  it('a youth who withdrew: an empty cell at the withdrawal step is missing in the youth summary, one after it is not', async () => {
    // withdrawn_after = werkplein_melden: that step's answers may be used, so its empty cells
    // are missing answers; the next step's (rechten_plichten) are not the youth's to account for.
    const results = await analyseRows([
      neutralRow('A1'),
      neutralRow('J1', 'jongere', { withdrawn_after: 'werkplein_melden', werkplein_medewerker: '', rp_medewerker: '' }),
    ]);
    const youth = results.youth[0];
    const youthBar = (column: string) => youth?.bars.find((b) => b.column === column);
    expect(youthBar('werkplein_medewerker')?.missing).toBe(1);
    expect(youthBar('werkplein_melden')?.missing).toBe(0);
    expect(youthBar('werkplein_melden')?.counts['neutraal']).toBe(1);
    expect(youthBar('rp_medewerker')?.missing ?? 0).toBe(0);
    expect(youthBar('rp_bijeenkomst')?.counts['neutraal'] ?? 0).toBe(0);
  });
});

describe('rule 3: n.v.t. shown or left out', () => {
  const notApplicable = (): Row => {
    const row: Row = {};
    for (const column of experienceColumns) row[column] = 'nvt';
    for (const column of agreementColumns) row[column] = 'nvt';
    return row;
  };
  const rows = [neutralRow('A1', 'volwassene', notApplicable()), neutralRow('A2')];

  it('figures 2 and 5 show n.v.t. as a category of its own, counted in N', async () => {
    const results = await analyseRows(rows);
    for (const id of ['2', '5']) {
      expect(figure(results, id).N, `figure ${id}`).toBe(2);
      expect(figure(results, id).footnote, `figure ${id}`).toBeNull();
      for (const found of figure(results, id).bars) {
        expect(found.counts['nvt'], found.column).toBe(1);
        expect(found.n, found.column).toBe(2);
        expect(found.percentages['nvt'], found.column).toBe(50);
      }
    }
  });

  it('figures 1, 3, 4, 6, 7 and 8 leave n.v.t. out of N and say so in a footnote', async () => {
    const results = await analyseRows(rows);
    for (const id of ['1', '3', '4', '6', '7', '8']) {
      const found = figure(results, id);
      expect(found.N, `figure ${id}`).toBe(1);
      expect(found.footnote, `figure ${id}`).not.toBeNull();
      expect(found.title.endsWith('*'), `figure ${id}: ${found.title}`).toBe(true);
      for (const b of found.bars) {
        expect(b.n, b.column).toBe(1);
        expect(b.leftOut['not-applicable'], b.column).toBe(1);
      }
    }
  });

  it('every n.v.t. left out is listed; none of figures 2 and 5', async () => {
    const results = await analyseRows(rows);
    const listed = results.exclusions.filter((e) => e.rule === 'not-applicable');
    const shown = new Set(['werkplein_melden', 'werkplein_medewerker', 'workshop', 'workshop_medewerker']);
    const expected = [...experienceColumns.filter((c) => !shown.has(c)), ...agreementColumns].sort();
    expect(listed.map((e) => e.column).sort()).toEqual(expected);
    expect(listed.every((e) => e.respondent === 'A1' && e.line === 2)).toBe(true);
  });

  it('n.v.t. on one bar and an answer on the other: in N, the bar shows its own n', async () => {
    const results = await analyseRows([neutralRow('A1', 'volwassene', { rp_bijeenkomst: 'nvt', rp_medewerker: 'positief' }), neutralRow('A2')]);
    expect(figure(results, '3').N).toBe(2);
    expect(bar(results, '3', 'rp_bijeenkomst').n).toBe(1);
    expect(bar(results, '3', 'rp_medewerker').n).toBe(2);
  });
});

describe('missing answers', () => {
  const rows = [
    neutralRow('A1', 'volwassene', { cv_uploaden: '', werkplein_melden: '', rp_bijeenkomst: '', rp_medewerker: '', mw_proces: '', cijfer: '' }),
    neutralRow('A2'),
  ];

  it('an empty cell is never counted as neutral, and is counted in missing', async () => {
    const results = await analyseRows(rows);
    const cv = bar(results, '1', 'cv_uploaden');
    expect(cv.counts['neutraal']).toBe(1);
    expect(cv.n).toBe(1);
    expect(cv.missing).toBe(1);
    const melden = bar(results, '2', 'werkplein_melden');
    expect(melden.counts['neutraal']).toBe(1);
    expect(melden.n).toBe(1);
    expect(melden.missing).toBe(1);
    expect(bar(results, '8', 'mw_proces').counts['neutraal']).toBe(1);
    expect(bar(results, '8', 'mw_proces').missing).toBe(1);
  });

  it('an empty mark is not a mark', async () => {
    const results = await analyseRows(rows);
    expect(results.grade.n).toBe(1);
    expect(results.grade.mean).toBe(6);
  });

  it('rule 4: N counts respondents with at least one counted answer', async () => {
    const results = await analyseRows(rows);
    expect(figure(results, '1').N).toBe(1);
    // A1 answered the contact medewerker question of figure 2 only: in N, the empty bar shows n 1.
    expect(figure(results, '2').N).toBe(2);
    expect(bar(results, '2', 'werkplein_medewerker').n).toBe(2);
    // A1 left every cell of figure 3 empty: not in N.
    expect(figure(results, '3').N).toBe(1);
    expect(figure(results, '8').N).toBe(2);
  });

  it('a respondent with nothing at all counts in no figure and no grade', async () => {
    const results = await analyseRows([{ respondent: 'A1', track: 'volwassene' }, neutralRow('A2')]);
    for (const spec of figureSpecs) expect(figure(results, spec.id).N, `figure ${spec.id}`).toBe(1);
    expect(results.grade.n).toBe(1);
    expect(results.input.respondents).toBe(2);
  });
});

describe('rule 5: every exclusion accounted for', () => {
  const rows = [
    neutralRow('A1'),
    neutralRow('A2', 'volwassene', { cv_uploaden: 'nvt', besluit_brief: 'nvt', workshop: 'nvt', mw_service: 'nvt' }),
    neutralRow('W1', 'volwassene', { withdrawn_after: 'rechten_plichten', pg_gesprek: '' }),
    neutralRow('J1', 'jongere', { rp_bijeenkomst: '', rp_medewerker: '' }),
    neutralRow('J2', 'youth', { withdrawn_after: 'workshop' }),
    neutralRow('A3', 'adult', { werkplein_melden: '', mw_inleven: '', cijfer: '' }),
  ];

  it('each left-out count of a bar matches the listed exclusions of its column and rule', async () => {
    const results = await analyseRows(rows);
    for (const spec of figureSpecs) {
      for (const found of figure(results, spec.id).bars) {
        for (const rule of ['other-track', 'withdrawn-consent', 'not-applicable']) {
          const listed = results.exclusions.filter((e) => e.column === found.column && e.rule === rule).length;
          expect(found.leftOut[rule] ?? 0, `${found.column} ${rule}`).toBe(listed);
        }
      }
    }
  });

  it('every exclusion names a respondent of the file, its line, a column and a rule', async () => {
    const results = await analyseRows(rows);
    const lineOf = new Map(rows.map((row, index) => [row['respondent'], index + 2]));
    expect(results.exclusions.length).toBeGreaterThan(0);
    for (const exclusion of results.exclusions) {
      expect(lineOf.get(exclusion.respondent), JSON.stringify(exclusion)).toBe(exclusion.line);
      expect([...experienceColumns, ...agreementColumns, 'cijfer']).toContain(exclusion.column);
      expect(['other-track', 'withdrawn-consent', 'not-applicable', 'missing']).toContain(exclusion.rule);
      expect(steps as readonly string[]).toContain(exclusion.step);
    }
    const { total, byRule, listed } = results.exclusionSummary;
    expect(listed).toBe(results.exclusions.length);
    expect(total).toBe(results.exclusions.length);
    expect(Object.values(byRule).reduce((sum, n) => sum + n, 0)).toBe(total);
  });

  it('counted + left out + missing accounts for every cell of the file', async () => {
    const results = await analyseRows(rows);
    for (const spec of figureSpecs) {
      for (const column of spec.columns) {
        const found = bar(results, spec.id, column);
        const answers = rows.filter((row) => (row[column] ?? '') !== '').length;
        const leftOut = ['other-track', 'withdrawn-consent', 'not-applicable'].reduce((sum, rule) => sum + (found.leftOut[rule] ?? 0), 0);
        // Every answer in the file is counted or left out by a rule; nothing is dropped silently.
        expect(found.n + leftOut, `${column}: answers`).toBe(answers);
        // Every empty cell of a respondent the bar covers is reported as missing.
        const covered = rows.filter((row) => {
          const youth = row['track'] === 'jongere' || row['track'] === 'youth';
          const withdrawn = row['withdrawn_after'];
          const usable = withdrawn === undefined || stepIndex(spec.step) <= stepIndex(withdrawn as Step);
          return (spec.youthCounted || !youth) && usable;
        });
        expect(found.missing, `${column}: missing`).toBe(covered.filter((row) => (row[column] ?? '') === '').length);
      }
    }
  });

  it('a text run writes the same exclusions to out/exclusions.csv', async () => {
    const cwd = tempDir();
    writeTemp('data.csv', csv(rows), cwd);
    const text = await run(['analyse', 'data.csv'], { cwd });
    expect(text.code).toBe(0);
    const json = await analyseJson('data.csv', [], { cwd });
    const records = parseCsv(readFileSync(join(cwd, 'out', 'exclusions.csv'), 'utf8'));
    expect(records[0]).toEqual(['respondent', 'line', 'column', 'step', 'rule']);
    expect(records.slice(1)).toEqual(json.exclusions.map((e) => [e.respondent, String(e.line), e.column, e.step, e.rule]));
  });
});

/* ---------- property tests: the rules on random tables, against an oracle from the contract ---------- */

const experienceValues = ['negatief', 'neutraal', 'positief', 'nvt', ''] as const;
const agreementValues = ['mee oneens', 'neutraal', 'mee eens', 'nvt', ''] as const;
const agreementCategory: Record<string, string> = { 'mee oneens': 'oneens', neutraal: 'neutraal', 'mee eens': 'eens', nvt: 'nvt' };

const rowArbitrary = fc.record({
  track: fc.constantFrom('volwassene', 'jongere'),
  withdrawnAfter: fc.option(fc.constantFrom(...steps), { nil: undefined, freq: 3 }),
  experience: fc.array(fc.constantFrom(...experienceValues), { minLength: experienceColumns.length, maxLength: experienceColumns.length }),
  agreement: fc.array(fc.constantFrom(...agreementValues), { minLength: agreementColumns.length, maxLength: agreementColumns.length }),
  mark: fc.option(fc.integer({ min: 10, max: 100 }), { nil: undefined, freq: 4 }),
});
type RandomRow = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toRows(random: readonly RandomRow[]): Row[] {
  return random.map((r, index) => {
    const row: Row = { respondent: `R${index + 1}`, track: r.track };
    if (r.withdrawnAfter !== undefined) row['withdrawn_after'] = r.withdrawnAfter;
    experienceColumns.forEach((column, i) => (row[column] = r.experience[i] ?? ''));
    agreementColumns.forEach((column, i) => (row[column] = r.agreement[i] ?? ''));
    // Marks 1,0 … 10,0 with one decimal, written with a decimal comma as Dutch Excel does.
    if (r.mark !== undefined) row['cijfer'] = (r.mark / 10).toFixed(1).replace('.', ',');
    return row;
  });
}

interface OracleBar {
  counts: Record<string, number>;
  n: number;
  missing: number;
  leftOut: Record<string, number>;
}

/** Rules 1–4 of the data contract, applied the slow and obvious way. */
function oracle(rows: readonly Row[]): { figures: Map<string, { N: number; bars: Map<string, OracleBar> }>; marks: number[] } {
  const figures = new Map<string, { N: number; bars: Map<string, OracleBar> }>();
  for (const spec of figureSpecs) {
    const bars = new Map<string, OracleBar>();
    for (const column of spec.columns) bars.set(column, { counts: {}, n: 0, missing: 0, leftOut: {} });
    let N = 0;
    for (const row of rows) {
      const youth = row['track'] === 'jongere';
      const withdrawn = row['withdrawn_after'];
      const usable = withdrawn === undefined || stepIndex(spec.step) <= stepIndex(withdrawn as Step);
      let counted = false;
      for (const column of spec.columns) {
        const tally = bars.get(column) as OracleBar;
        const raw = row[column] ?? '';
        const value = spec.scale === 'agreement' ? (agreementCategory[raw] ?? raw) : raw;
        const leave = (rule: string): void => void (tally.leftOut[rule] = (tally.leftOut[rule] ?? 0) + 1);
        if (youth && !spec.youthCounted) {
          if (raw !== '') leave('other-track');
        } else if (!usable) {
          if (raw !== '') leave('withdrawn-consent');
        } else if (raw === '') {
          tally.missing++;
        } else if (value === 'nvt' && !spec.showsNotApplicable) {
          leave('not-applicable');
        } else {
          tally.counts[value] = (tally.counts[value] ?? 0) + 1;
          tally.n++;
          counted = true;
        }
      }
      if (counted) N++;
    }
    figures.set(spec.id, { N, bars });
  }
  const marks = rows
    .filter((row) => (row['cijfer'] ?? '') !== '' && (row['withdrawn_after'] ?? 'eindgesprek') === 'eindgesprek')
    .map((row) => Number((row['cijfer'] as string).replace(',', '.')));
  return { figures, marks };
}

describe('properties on random tables', () => {
  it('figures, N, missing, left out and the grade agree with an oracle written from the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArbitrary, { minLength: 1, maxLength: 12 }), async (random) => {
        const rows = toRows(random);
        const results = await analyseRows(rows);
        const expected = oracle(rows);
        for (const spec of figureSpecs) {
          const want = expected.figures.get(spec.id);
          expect(figure(results, spec.id).N, `figure ${spec.id} N`).toBe(want?.N);
          for (const column of spec.columns) {
            const got = bar(results, spec.id, column);
            const w = want?.bars.get(column) as OracleBar;
            const shown = spec.showsNotApplicable ? [...categoriesOf(spec), 'nvt'] : categoriesOf(spec);
            for (const category of shown) expect(got.counts[category] ?? 0, `${column} ${category}`).toBe(w.counts[category] ?? 0);
            expect(got.n, `${column} n`).toBe(w.n);
            expect(got.missing, `${column} missing`).toBe(w.missing);
            for (const rule of ['other-track', 'withdrawn-consent', 'not-applicable']) {
              expect(got.leftOut[rule] ?? 0, `${column} ${rule}`).toBe(w.leftOut[rule] ?? 0);
            }
          }
        }
        expect(results.grade.n).toBe(expected.marks.length);
        if (expected.marks.length > 0) {
          expect(results.grade.mean).toBeCloseTo(expected.marks.reduce((a, b) => a + b, 0) / expected.marks.length, 9);
        } else {
          expect(results.grade.mean).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('row order never changes a count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArbitrary, { minLength: 2, maxLength: 10 }).chain((random) =>
          fc.tuple(fc.constant(random), fc.shuffledSubarray(random.map((_, i) => i), { minLength: random.length, maxLength: random.length })),
        ),
        async ([random, order]) => {
          const rows = toRows(random);
          const shuffled = order.map((i) => rows[i] as Row);
          const a = await analyseRows(rows);
          const b = await analyseRows(shuffled);
          expect(b.figures).toEqual(a.figures);
          expect(b.grade).toEqual(a.grade);
          expect(b.youth).toEqual(a.youth);
        },
      ),
      { numRuns: 25 },
    );
  });
});
