/**
 * Issue 6: a study other than Haarlem 2016 runs from a definition file alone. The invented
 * Duinstad 2017 study (fixtures/duinstad-2017/) has five steps, one track, a five-category scale
 * and four figures; every number below is counted by hand in its README.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, stackFrames, tempDir } from '../helpers/run.js';
import { duinstadResponsesPath, duinstadSurveyPath, full, fullFigure, type FullResults } from './duinstad.js';

const categoryKeys = ['zeer_ontevreden', 'ontevreden', 'neutraal', 'tevreden', 'zeer_tevreden'];

async function analyseDuinstad(extra: readonly string[] = []): Promise<FullResults> {
  const result = await run(['analyse', duinstadResponsesPath, '--survey', duinstadSurveyPath, '--format', 'json', ...extra]);
  if (result.code !== 0 || result.json === undefined) throw new Error(`cj analyse exited ${result.code}\n${result.stderr}`);
  expect(stackFrames(result.stderr)).toEqual([]);
  return full(result.json);
}

/** Counts in the scale's order, then n.v.t., as the README's tables give them. */
function counts(zo: number, o: number, neu: number, t: number, zt: number, nvt: number): Record<string, number> {
  return { zeer_ontevreden: zo, ontevreden: o, neutraal: neu, tevreden: t, zeer_tevreden: zt, nvt };
}

describe('Duinstad 2017 from its definition file (nl)', () => {
  let results: FullResults;
  beforeAll(async () => {
    results = await analyseDuinstad();
  });

  it('reads 12 respondents of the one track, D07 withdrawn after the intake, no warnings', () => {
    expect(results.survey.name).toBe('Klanttevredenheid Werk en Inkomen, gemeente Duinstad 2017 (fictief voorbeeld)');
    expect(results.input.respondents).toBe(12);
    expect(results.input.respondentsByTrack).toEqual({ klant: 12 });
    expect(results.input.withdrawn).toEqual([{ respondent: 'D07', withdrawnAfter: 'intake' }]);
    expect(results.input.columnsIgnored).toEqual([]);
    expect(results.input.columnsAbsent).toEqual([]);
    expect(results.warnings).toEqual([]);
  });

  it('has four figures, in the definition order', () => {
    expect(results.figures.map((f) => f.id)).toEqual(['1', '2', '3', '4']);
  });

  it('every figure draws the five categories in the scale order with their labels', () => {
    for (const f of results.figures) {
      const expectedKeys = f.showNotApplicable ? [...categoryKeys, 'nvt'] : categoryKeys;
      expect(f.categories.map((c) => c.key), `figure ${f.id}`).toEqual(expectedKeys);
      expect(f.categories.slice(0, 5).map((c) => c.label), `figure ${f.id}`).toEqual([
        'zeer ontevreden',
        'ontevreden',
        'neutraal',
        'tevreden',
        'zeer tevreden',
      ]);
      for (const b of f.bars) expect(Object.keys(b.counts), `figure ${f.id} ${b.column}`).toEqual([...categoryKeys, 'nvt']);
    }
    expect(fullFigure(results, '1').categories[5]).toEqual({ key: 'nvt', label: 'n.v.t.', color: '#f2f2f2' });
  });

  describe('figure 1 (n.v.t. shown, counted in N)', () => {
    it('figure 1: N = 12, title without asterisk, no footnote', () => {
      const f = fullFigure(results, '1');
      expect(f.N).toBe(12);
      expect(f.title).toBe('Oordeel aanmelden: website en balie (N=12)');
      expect(f.footnote).toBeNull();
      expect(f.showNotApplicable).toBe(true);
    });

    it('figure 1, bar aanmelden_website: 1/1/2/6/2, n.v.t. 0, n = 12, percentages 8/8/17/50/17', () => {
      const b = fullFigure(results, '1').bars[0];
      expect(b?.label).toBe('aanmelden via de website');
      expect(b?.counts).toEqual(counts(1, 1, 2, 6, 2, 0));
      expect(b?.n).toBe(12);
      expect(b?.missing).toBe(0);
      expect(b?.percentages).toEqual({ ...counts(8, 8, 17, 50, 17, 0) });
    });

    it('figure 1, bar aanmelden_balie: 0/1/2/3/2, n.v.t. 3 counted, n = 11, one empty (D08)', () => {
      const b = fullFigure(results, '1').bars[1];
      expect(b?.label).toBe('ontvangst aan de balie');
      expect(b?.counts).toEqual(counts(0, 1, 2, 3, 2, 3));
      expect(b?.n).toBe(11);
      expect(b?.missing).toBe(1);
      expect(b?.leftOut).toEqual({ missing: 1 });
      expect(Object.values(b?.percentages ?? {}).reduce((sum, p) => sum + p, 0)).toBe(100);
    });
  });

  describe('figure 2 (n.v.t. left out)', () => {
    it('figure 2: N = 10 (D05 only n.v.t., D10 no answer), footnote on n.v.t.', () => {
      const f = fullFigure(results, '2');
      expect(f.N).toBe(10);
      expect(f.respondentsLeftOut).toEqual({ withdrawnConsent: 0, onlyNotApplicable: 1, noAnswer: 1 });
      expect(f.title).toBe('Oordeel intakegesprek en medewerker (N=10)*');
      expect(f.footnote).toBe('* Bij één klant was er geen intakegesprek (n.v.t.).');
    });

    it('figure 2, bar intake_gesprek: 1/2/3/3/1, n.v.t. 1 left out, n = 10, one empty', () => {
      const b = fullFigure(results, '2').bars[0];
      expect(b?.counts).toEqual(counts(1, 2, 3, 3, 1, 1));
      expect(b?.n).toBe(10);
      expect(b?.missing).toBe(1);
      expect(b?.leftOut).toEqual({ missing: 1, 'not-applicable': 1 });
      expect(Object.keys(b?.percentages ?? {})).toEqual(categoryKeys);
    });

    it('figure 2, bar intake_medewerker: 1/1/2/3/2, n.v.t. 2 left out, n = 9, one empty', () => {
      const b = fullFigure(results, '2').bars[1];
      expect(b?.label).toBe('contact medewerker');
      expect(b?.counts).toEqual(counts(1, 1, 2, 3, 2, 2));
      expect(b?.n).toBe(9);
      expect(b?.missing).toBe(1);
      expect(b?.leftOut).toEqual({ missing: 1, 'not-applicable': 2 });
    });
  });

  describe('figure 3 (withdrawn consent and n.v.t.)', () => {
    it('figure 3: N = 9, footnote joins both causes with " en "', () => {
      const f = fullFigure(results, '3');
      expect(f.N).toBe(9);
      expect(f.respondentsLeftOut).toEqual({ withdrawnConsent: 1, onlyNotApplicable: 2, noAnswer: 0 });
      expect(f.title).toBe('Oordeel brief met besluit (N=9)*');
      expect(f.footnote).toBe(
        '* Gegevens van één klant mogen niet worden gebruikt en twee klanten hadden nog geen besluit ontvangen (n.v.t.).',
      );
    });

    it('figure 3, bar besluit_brief: 0/1/2/5/1, n.v.t. 2 left out, D07 left out, percentages 0/11/22/56/11', () => {
      const b = fullFigure(results, '3').bars[0];
      expect(b?.counts).toEqual(counts(0, 1, 2, 5, 1, 2));
      expect(b?.n).toBe(9);
      expect(b?.missing).toBe(0);
      expect(b?.leftOut).toEqual({ 'withdrawn-consent': 1, 'not-applicable': 2 });
      expect(b?.percentages).toEqual({ zeer_ontevreden: 0, ontevreden: 11, neutraal: 22, tevreden: 56, zeer_tevreden: 11 });
    });
  });

  describe('figure 4 (three bars, joiner ". ")', () => {
    it('figure 4: N = 10 (D07 withdrawn, D08 only n.v.t.), footnote with the definition\'s joiner', () => {
      const f = fullFigure(results, '4');
      expect(f.N).toBe(10);
      expect(f.respondentsLeftOut).toEqual({ withdrawnConsent: 1, onlyNotApplicable: 1, noAnswer: 0 });
      expect(f.title).toBe('Oordeel nazorggesprek (N=10)*');
      expect(f.footnote).toBe('* Gegevens van één klant mogen niet worden gebruikt. Bij één klant was er geen nazorggesprek (n.v.t.).');
    });

    it.each([
      ['nazorg_gesprek', 'nazorggesprek', counts(0, 2, 2, 4, 2, 1), 10, 0],
      ['nazorg_medewerker', 'contact medewerker', counts(0, 2, 2, 4, 2, 1), 10, 0],
      ['nazorg_afspraken', 'gemaakte afspraken', counts(1, 1, 2, 5, 0, 1), 9, 1],
    ])('figure 4, bar %s (%s)', (column, label, expected, n, missing) => {
      const b = fullFigure(results, '4').bars.find((bar) => bar.column === column);
      expect(b?.label).toBe(label);
      expect(b?.counts).toEqual(expected);
      expect(b?.n).toBe(n);
      expect(b?.missing).toBe(missing);
      expect(b?.leftOut['withdrawn-consent']).toBe(1);
      expect(b?.leftOut['not-applicable']).toBe(1);
    });
  });

  describe('grade (cijfer_totaal)', () => {
    it('grade: n = 10, mean 6.5 shown as "6,5", median 7, min 3, max 9', () => {
      expect(results.grade.column).toBe('cijfer_totaal');
      expect(results.grade.tracks).toEqual(['klant']);
      expect(results.grade.n).toBe(10);
      expect(results.grade.mean).toBe(6.5);
      expect(results.grade.display).toBe('6,5');
      expect(results.grade.median).toBe(7);
      expect(results.grade.min).toBe(3);
      expect(results.grade.max).toBe(9);
    });

    it('grade: sd = √(31/9)', () => {
      expect(results.grade.sd).toBeCloseTo(Math.sqrt(31 / 9), 12);
    });

    it('grade: distribution 3, 4.5, 5, 6, 7×2, 7.5, 8×2, 9 (D07\'s 2 left out, D10 empty)', () => {
      expect(results.grade.distribution).toEqual([
        { mark: 3, count: 1 },
        { mark: 4.5, count: 1 },
        { mark: 5, count: 1 },
        { mark: 6, count: 1 },
        { mark: 7, count: 2 },
        { mark: 7.5, count: 1 },
        { mark: 8, count: 2 },
        { mark: 9, count: 1 },
      ]);
      expect(Object.keys(results.grade.byTrack)).toEqual(['klant']);
    });
  });

  it('one track: no youth summary', () => {
    expect(results.youth).toEqual([]);
  });

  it('exclusions: 5 withdrawn-consent, 8 not-applicable, 5 missing; D07\'s answers on line 8', () => {
    expect(results.exclusionSummary).toEqual({
      total: 18,
      byRule: { missing: 5, 'not-applicable': 8, 'withdrawn-consent': 5 },
      listed: 18,
    });
    const d07 = results.exclusions.filter((e) => e.respondent === 'D07');
    expect(d07.map((e) => e.column)).toEqual(['besluit_brief', 'nazorg_gesprek', 'nazorg_medewerker', 'nazorg_afspraken', 'cijfer_totaal']);
    expect(new Set(d07.map((e) => e.line))).toEqual(new Set([8]));
    expect(new Set(d07.map((e) => e.rule))).toEqual(new Set(['withdrawn-consent']));
    expect(results.exclusions.filter((e) => e.rule === 'missing').map((e) => `${e.respondent} ${e.column}`)).toEqual([
      'D08 aanmelden_balie',
      'D10 intake_gesprek',
      'D10 intake_medewerker',
      'D10 cijfer_totaal',
      'D12 nazorg_afspraken',
    ]);
  });
});

describe('Duinstad 2017 with --lang en', () => {
  let results: FullResults;
  beforeAll(async () => {
    results = await analyseDuinstad(['--lang', 'en']);
  });

  it('every text has a translation: no CJ_UNTRANSLATED notice', () => {
    expect(results.warnings.map((w) => w.code)).not.toContain('CJ_UNTRANSLATED');
    expect(results.survey.name).toBe('Client satisfaction Work and Income, municipality of Duinstad 2017 (invented example)');
  });

  it('captions in English, with N and the asterisk filled in', () => {
    expect(results.figures.map((f) => f.title)).toEqual([
      'Rating of registration: website and front desk (N=12)',
      'Rating of the intake interview and staff (N=10)*',
      'Rating of the decision letter (N=9)*',
      'Rating of the follow-up interview (N=10)*',
    ]);
  });

  it('footnotes in English, counts in English words', () => {
    expect(results.figures.map((f) => f.footnote)).toEqual([
      null,
      '* For one client there was no intake interview (n/a).',
      '* Data of one client may not be used and two clients had not yet received a decision (n/a).',
      '* Data of one client may not be used. For one client there was no follow-up interview (n/a).',
    ]);
  });

  it('category and bar labels in English; keys unchanged', () => {
    expect(fullFigure(results, '1').categories.map((c) => `${c.key}=${c.label}`)).toEqual([
      'zeer_ontevreden=very dissatisfied',
      'ontevreden=dissatisfied',
      'neutraal=neutral',
      'tevreden=satisfied',
      'zeer_tevreden=very satisfied',
      'nvt=n/a',
    ]);
    expect(results.figures.flatMap((f) => f.bars.map((b) => b.label))).toEqual([
      'registering via the website',
      'reception at the front desk',
      'intake interview',
      'contact with staff',
      'decision letter',
      'follow-up interview',
      'contact with staff',
      'agreements made',
    ]);
  });

  it('the same numbers as in Dutch; the grade with a decimal point ("6.5")', async () => {
    const dutch = await analyseDuinstad();
    expect(results.figures.map((f) => [f.N, f.bars.map((b) => b.counts)])).toEqual(dutch.figures.map((f) => [f.N, f.bars.map((b) => b.counts)]));
    expect(results.grade.display).toBe('6.5');
    expect(results.grade.mean).toBe(dutch.grade.mean);
  });
});

describe('Duinstad 2017 without --format json', () => {
  it('writes out/results.json in the working folder, the same as the JSON on stdout', async () => {
    const cwd = tempDir();
    const result = await run(['analyse', duinstadResponsesPath, '--survey', duinstadSurveyPath], { cwd });
    expect(result.code).toBe(0);
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(result.stdout).toContain('Oordeel brief met besluit (N=9)*');
    const written = join(cwd, 'out', 'results.json');
    expect(existsSync(written)).toBe(true);
    expect(existsSync(join(cwd, 'out', 'exclusions.csv'))).toBe(true);
    const fromFile = JSON.parse(readFileSync(written, 'utf8')) as FullResults;
    const fromStdout = await analyseDuinstad();
    expect(fromFile).toEqual(fromStdout);
    expect(fullFigure(fromFile, '3').N).toBe(9);
  });

  it('exclusions.csv lists the 18 answers left out', async () => {
    const cwd = tempDir();
    expect((await run(['analyse', duinstadResponsesPath, '--survey', duinstadSurveyPath], { cwd })).code).toBe(0);
    const lines = readFileSync(join(cwd, 'out', 'exclusions.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('respondent,line,column,step,rule');
    expect(lines).toHaveLength(19);
    expect(lines).toContain('D07,8,cijfer_totaal,nazorg,withdrawn-consent');
  });
});
