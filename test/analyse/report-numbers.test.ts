/**
 * Every number the Haarlem 2016 report prints (P) or forces (I), asserted one by one on the
 * fixture. The expected values are copied by hand from docs/reference.md; they are never
 * read from src/ or from the survey definition the code reads. Numbers the fixture chose (C) are
 * asserted apart at the end, so a change to the fixture shows up next to its README.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseJson, bar, figure, fixturePath, type Results } from '../helpers/run.js';

let results: Results;
beforeAll(async () => {
  results = await analyseJson(fixturePath);
});

type Provenance = 'P' | 'I' | 'C';
type Expectation = readonly [figureId: string, barLabel: string, column: string, category: string, count: number, provenance: Provenance];

/** Each count of REFERENCE.md's figure table that is P or I, as (figure, bar, category, count, provenance). */
const printedOrInferred: readonly Expectation[] = [
  ['1', 'Cv uploaden werk.nl', 'cv_uploaden', 'negatief', 1, 'P'],
  ['1', 'Cv uploaden werk.nl', 'cv_uploaden', 'neutraal', 8, 'P'],
  ['1', 'Cv uploaden werk.nl', 'cv_uploaden', 'positief', 7, 'P'],

  ['2', 'melden op het Werkplein', 'werkplein_melden', 'negatief', 1, 'P'],
  ['2', 'melden op het Werkplein', 'werkplein_melden', 'neutraal', 8, 'I'],
  ['2', 'melden op het Werkplein', 'werkplein_melden', 'positief', 5, 'I'],
  ['2', 'melden op het Werkplein', 'werkplein_melden', 'nvt', 2, 'P'],
  ['2', 'contact medewerker', 'werkplein_medewerker', 'neutraal', 10, 'P'],
  ['2', 'contact medewerker', 'werkplein_medewerker', 'positief', 2, 'P'],

  ['3', 'bijeenkomst', 'rp_bijeenkomst', 'negatief', 3, 'P'],
  ['3', 'bijeenkomst', 'rp_bijeenkomst', 'neutraal', 8, 'P'],
  ['3', 'bijeenkomst', 'rp_bijeenkomst', 'positief', 5, 'P'],
  ['3', 'contact medewerker', 'rp_medewerker', 'negatief', 0, 'I'],
  ['3', 'contact medewerker', 'rp_medewerker', 'neutraal', 9, 'P'],
  ['3', 'contact medewerker', 'rp_medewerker', 'positief', 7, 'P'],

  ['4', 'gesprek', 'pg_gesprek', 'negatief', 3, 'P'],
  ['4', 'gesprek', 'pg_gesprek', 'neutraal', 8, 'P'],
  ['4', 'gesprek', 'pg_gesprek', 'positief', 5, 'P'],
  ['4', 'contact medewerker', 'pg_medewerker', 'negatief', 0, 'I'],
  ['4', 'contact medewerker', 'pg_medewerker', 'neutraal', 9, 'P'],
  ['4', 'contact medewerker', 'pg_medewerker', 'positief', 7, 'P'],

  ['5', 'Workshop naar Werk', 'workshop', 'negatief', 1, 'P'],
  ['5', 'Workshop naar Werk', 'workshop', 'positief', 3, 'P'],
  ['5', 'contact medewerker', 'workshop_medewerker', 'negatief', 0, 'I'],
  ['5', 'contact medewerker', 'workshop_medewerker', 'neutraal', 9, 'I'],
  ['5', 'contact medewerker', 'workshop_medewerker', 'positief', 4, 'P'],
  ['5', 'contact medewerker', 'workshop_medewerker', 'nvt', 2, 'P'],

  ['6', 'invullen aanvraagformulier', 'aanvraag_invullen', 'negatief', 0, 'P'],
  ['6', 'invullen aanvraagformulier', 'aanvraag_invullen', 'neutraal', 8, 'P'],
  ['6', 'invullen aanvraagformulier', 'aanvraag_invullen', 'positief', 7, 'P'],
  ['6', 'contact medewerker', 'aanvraag_medewerker', 'negatief', 0, 'P'],
  ['6', 'contact medewerker', 'aanvraag_medewerker', 'neutraal', 8, 'P'],
  ['6', 'contact medewerker', 'aanvraag_medewerker', 'positief', 7, 'P'],

  ['7', 'brief met besluit', 'besluit_brief', 'negatief', 0, 'I'],
  ['7', 'brief met besluit', 'besluit_brief', 'neutraal', 9, 'P'],
  ['7', 'brief met besluit', 'besluit_brief', 'positief', 5, 'P'],

  ['8', 'vriendelijk', 'mw_vriendelijk', 'eens', 10, 'P'],
  ['8', 'deskundig', 'mw_deskundig', 'eens', 9, 'P'],
  ['8', 'proces', 'mw_proces', 'eens', 6, 'P'],
];

describe('the report\'s counts, bar by bar', () => {
  for (const [id, label, column, category, count, provenance] of printedOrInferred) {
    it(`Figure ${id}, "${label}": ${category} = ${count} (${provenance})`, () => {
      const found = bar(results, id, column);
      expect(found.label).toBe(label);
      expect(found.counts[category]).toBe(count);
    });
  }

  it('Figure 2, "contact medewerker": negatief + nvt = 4 (I)', () => {
    const found = bar(results, '2', 'werkplein_medewerker');
    expect((found.counts['negatief'] ?? 0) + (found.counts['nvt'] ?? 0)).toBe(4);
  });

  it('Figure 5, "Workshop naar Werk": neutraal + nvt = 11 (I)', () => {
    const found = bar(results, '5', 'workshop');
    expect((found.counts['neutraal'] ?? 0) + (found.counts['nvt'] ?? 0)).toBe(11);
  });

  it('Figure 7, "brief met besluit": n = 14 (P)', () => {
    expect(bar(results, '7', 'besluit_brief').n).toBe(14);
  });

  for (const [column, label] of [
    ['mw_vriendelijk', 'vriendelijk'],
    ['mw_deskundig', 'deskundig'],
    ['mw_proces', 'proces'],
  ] as const) {
    it(`Figure 8, "${label}": n = 18, "van de achttien" (I)`, () => {
      expect(bar(results, '8', column).n).toBe(18);
    });
  }

  it('Figure 8: mee-eens counts of vriendelijk, deskundig, proces are 10, 9, 6 (P)', () => {
    const eens = ['mw_vriendelijk', 'mw_deskundig', 'mw_proces'].map((column) => bar(results, '8', column).counts['eens']);
    expect(eens).toEqual([10, 9, 6]);
  });
});

describe('N per figure', () => {
  for (const [id, N] of [
    ['1', 16],
    ['2', 16],
    ['3', 16],
    ['4', 16],
    ['5', 15],
    ['6', 15],
    ['7', 14],
    ['8', 18],
  ] as const) {
    it(`Figure ${id}: N = ${N} (P)`, () => {
      expect(figure(results, id).N).toBe(N);
    });
  }

  it('Figures 1, 3, 4, 6: every bar\'s n equals the figure\'s N (I: one N per title, nothing missing)', () => {
    for (const id of ['1', '3', '4', '6']) {
      for (const found of figure(results, id).bars) expect(found.n, `figure ${id} ${found.column}`).toBe(figure(results, id).N);
    }
  });
});

describe('titles as the report prints them', () => {
  for (const [id, title] of [
    ['1', 'Oordeel uploaden CV op werk.nl (N= 16)'],
    ['2', 'Oordeel melden op het Werkplein en contact medewerker (n= 16)'],
    ['3', 'Oordeel bijeenkomst Rechten en Plichten en medewerker (n= 16)'],
    ['4', 'Oordeel Participatiegesprek en medewerker (N= 16)'],
    ['5', 'Oordeel Workshop naar Werk en medewerker (N=15)*'],
    ['6', 'Oordeel invullen aanvraagformulier (N=15)*'],
    ['7', 'Oordeel besluit (N=14)*'],
    ['8', 'Beoordeling medewerker (N=18)*'],
  ] as const) {
    it(`Figure ${id}: title "${title}" (P)`, () => {
      expect(figure(results, id).title).toBe(title);
    });
  }
});

describe('footnotes as the report prints them', () => {
  for (const id of ['1', '2', '3', '4']) {
    it(`Figure ${id}: no footnote (I: N=16, nothing left out)`, () => {
      expect(figure(results, id).footnote).toBeNull();
    });
  }

  for (const id of ['5', '6']) {
    it(`Figure ${id}: footnote "* Gegevens van één aanvrager mogen niet mee genomen worden" (P)`, () => {
      expect(figure(results, id).footnote).toBe('* Gegevens van één aanvrager mogen niet mee genomen worden');
    });
  }

  it('Figure 7: footnote on the withdrawn applicant and the one who no longer needed the benefit (P)', () => {
    expect(figure(results, '7').footnote).toBe(
      '* Gegevens van één aanvrager mogen niet meegenomen worden en één aanvrager had op het moment van besluit de bijstandsuitkering niet meer nodig',
    );
  });

  it('Figure 8: footnote on the withdrawn applicant and the youth (N= 3) (P)', () => {
    expect(figure(results, '8').footnote).toBe(
      '* Gegevens van één aanvrager mogen niet meegenomen worden. De beoordeling van de jongeren (N= 3) is mee genomen.',
    );
  });
});

describe('the overall grade', () => {
  it('Grade: display "6,1" (P)', () => {
    expect(results.grade.display).toBe('6,1');
  });

  it('Grade: n = 18, the usable respondents of both tracks as Figure 8 counts them (C: cj\'s definition)', () => {
    expect(results.grade.n).toBe(18);
  });

  it('Grade: the mean rounds to 6,1 with one decimal (P)', () => {
    expect(results.grade.mean).not.toBeNull();
    expect(results.grade.mean as number).toBeGreaterThanOrEqual(6.05);
    expect(results.grade.mean as number).toBeLessThan(6.15);
  });
});

describe('participants', () => {
  it('Participants: 19 respondents (P)', () => {
    expect(results.input.respondents).toBe(19);
    expect(results.input.rowsRead).toBe(19);
  });

  it('Participants: 3 youth (P)', () => {
    expect(results.input.respondentsByTrack['jongere']).toBe(3);
    expect(results.youth).toHaveLength(1);
    expect(results.youth[0]?.respondents).toBe(3);
  });

  it('Participants: 16 adults (I)', () => {
    expect(results.input.respondentsByTrack['volwassene']).toBe(16);
  });

  it('Participants: one adult withdrew after the participatiegesprek (P: one withdrew; I: adult, step)', () => {
    const withdrawn = results.exclusions.filter((e) => e.rule === 'withdrawn-consent');
    const who = [...new Set(withdrawn.map((e) => e.respondent))];
    expect(who).toHaveLength(1);
    // Nothing up to and including the participatiegesprek is left out for consent.
    for (const step of ['werknl_aanmelden', 'cv_uploaden', 'werkplein_melden', 'rechten_plichten', 'participatiegesprek']) {
      expect(withdrawn.filter((e) => e.step === step)).toEqual([]);
    }
  });

  it('Participants: the youth are counted in Figure 8 and the grade only: 15 adults + 3 youth = 18 (I, letter "15 volwassenen en 3 jongeren")', () => {
    expect(results.grade.byTrack['volwassene']?.n).toBe(15);
    expect(results.grade.byTrack['jongere']?.n).toBe(3);
  });
});

/** Not in the report: what the fixture chose where the report is silent (fixtures/README.md). */
describe('the fixture\'s choices', () => {
  const chosen: readonly Expectation[] = [
    ['2', 'contact medewerker', 'werkplein_medewerker', 'negatief', 2, 'C'],
    ['2', 'contact medewerker', 'werkplein_medewerker', 'nvt', 2, 'C'],
    ['5', 'Workshop naar Werk', 'workshop', 'neutraal', 9, 'C'],
    ['5', 'Workshop naar Werk', 'workshop', 'nvt', 2, 'C'],
    ['7', 'brief met besluit', 'besluit_brief', 'nvt', 1, 'C'],
  ];
  for (const [id, label, column, category, count, provenance] of chosen) {
    it(`Figure ${id}, "${label}": ${category} = ${count} (${provenance})`, () => {
      expect(bar(results, id, column).counts[category]).toBe(count);
    });
  }

  it('Figure 8: neutraal / oneens of every statement (C)', () => {
    const split = Object.fromEntries(
      figure(results, '8').bars.map((b) => [b.column, [b.counts['oneens'], b.counts['neutraal'], b.counts['eens']]]),
    );
    expect(split).toEqual({
      mw_vriendelijk: [2, 6, 10],
      mw_deskundig: [2, 7, 9],
      mw_proces: [3, 9, 6],
      mw_inleven: [2, 8, 8],
      mw_service: [1, 8, 9],
      mw_meedenken: [3, 8, 7],
      mw_bereikbaarheid: [4, 9, 5],
    });
  });

  it('Grade: 18 marks summing to 110, mean 6,11 (C)', () => {
    const sum = results.grade.distribution.reduce((total, { mark, count }) => total + mark * count, 0);
    expect(sum).toBe(110);
    expect(results.grade.mean).toBeCloseTo(110 / 18, 10);
  });

  it('Exclusions name physical lines: A15 on line 20, A16 on line 21, after A12\'s two-line remark (C)', () => {
    expect(results.exclusions.filter((e) => e.respondent === 'A15').map((e) => e.line)).toEqual([20]);
    expect(new Set(results.exclusions.filter((e) => e.respondent === 'A16').map((e) => e.line))).toEqual(new Set([21]));
  });

  it('Participants: the one who withdrew is A16, after participatiegesprek (C)', () => {
    expect([...new Set(results.exclusions.filter((e) => e.rule === 'withdrawn-consent').map((e) => e.respondent))]).toEqual(['A16']);
  });
});
