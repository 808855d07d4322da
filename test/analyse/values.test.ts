/**
 * Every spelling DATA-CONTRACT.md ("Values", "The file") promises to read, each on its own small
 * table; header names in any case and order; unknown columns passed over with a notice.
 */
import { describe, expect, it } from 'vitest';
import { analyseJson, bar, run, tempDir, writeTemp, type Results } from '../helpers/run.js';
import { csv, fullHeader, neutralRow, type Row } from '../helpers/table.js';

async function analyseRows(rows: readonly Row[], header?: readonly string[]): Promise<Results> {
  return analyseJson(writeTemp('data.csv', csv(rows, header)));
}

describe('experience ratings (figures 1–7)', () => {
  // Figure 2 shows n.v.t., so every spelling lands in a category the JSON shows.
  it.each([
    ['negatief', 'negatief'],
    ['Negatief', 'negatief'],
    ['NEGATIEF', 'negatief'],
    ['zeer negatief', 'negatief'],
    ['Zeer Negatief', 'negatief'],
    ['negative', 'negatief'],
    ['Negative', 'negatief'],
    ['1', 'negatief'],
    ['2', 'negatief'],
    ['neutraal', 'neutraal'],
    ['NEUTRAAL', 'neutraal'],
    ['neutral', 'neutraal'],
    ['Neutral', 'neutraal'],
    ['3', 'neutraal'],
    ['positief', 'positief'],
    ['Positief', 'positief'],
    ['zeer positief', 'positief'],
    ['ZEER POSITIEF', 'positief'],
    ['positive', 'positief'],
    ['POSITIVE', 'positief'],
    ['4', 'positief'],
    ['5', 'positief'],
    ['nvt', 'nvt'],
    ['NVT', 'nvt'],
    ['n.v.t.', 'nvt'],
    ['N.V.T.', 'nvt'],
    ['n/a', 'nvt'],
    ['N/A', 'nvt'],
    ['na', 'nvt'],
    ['NA', 'nvt'],
  ])('"%s" is read as %s', async (spelling, category) => {
    const results = await analyseRows([neutralRow('A1', 'volwassene', { werkplein_melden: spelling })]);
    const found = bar(results, '2', 'werkplein_melden');
    expect(found.counts[category]).toBe(1);
    expect(found.n).toBe(1);
    expect(found.missing).toBe(0);
  });

  it('the same spellings hold on every column of figures 1–7 (here: zeer negatief, 5, N/A)', async () => {
    const row: Row = {};
    for (const column of ['cv_uploaden', 'rp_bijeenkomst', 'pg_medewerker', 'aanvraag_invullen', 'besluit_brief']) row[column] = 'zeer negatief';
    const results = await analyseRows([
      neutralRow('A1', 'volwassene', row),
      neutralRow('A2', 'volwassene', { cv_uploaden: '5', workshop: 'N/A', workshop_medewerker: '4' }),
    ]);
    expect(bar(results, '1', 'cv_uploaden').counts).toMatchObject({ negatief: 1, positief: 1 });
    expect(bar(results, '3', 'rp_bijeenkomst').counts['negatief']).toBe(1);
    expect(bar(results, '4', 'pg_medewerker').counts['negatief']).toBe(1);
    expect(bar(results, '6', 'aanvraag_invullen').counts['negatief']).toBe(1);
    expect(bar(results, '7', 'besluit_brief').counts['negatief']).toBe(1);
    expect(bar(results, '5', 'workshop').counts['nvt']).toBe(1);
    expect(bar(results, '5', 'workshop_medewerker').counts['positief']).toBe(1);
  });
});

describe('agreement ratings (figure 8)', () => {
  it.each([
    ['helemaal mee oneens', 'oneens'],
    ['Helemaal Mee Oneens', 'oneens'],
    ['mee oneens', 'oneens'],
    ['MEE ONEENS', 'oneens'],
    ['neutraal', 'neutraal'],
    ['Neutraal', 'neutraal'],
    ['mee eens', 'eens'],
    ['Mee eens', 'eens'],
    ['helemaal mee eens', 'eens'],
    ['HELEMAAL MEE EENS', 'eens'],
    ['1', 'oneens'],
    ['2', 'oneens'],
    ['3', 'neutraal'],
    ['4', 'eens'],
    ['5', 'eens'],
  ])('"%s" is read as %s', async (spelling, category) => {
    const results = await analyseRows([neutralRow('A1', 'volwassene', { mw_deskundig: spelling }), neutralRow('A2')]);
    const found = bar(results, '8', 'mw_deskundig');
    expect(found.counts[category]).toBe(category === 'neutraal' ? 2 : 1);
    expect(found.n).toBe(2);
  });

  it('"nvt" is read as n.v.t. and left out of figure 8\'s n', async () => {
    const results = await analyseRows([neutralRow('A1', 'volwassene', { mw_deskundig: 'nvt' }), neutralRow('A2')]);
    const found = bar(results, '8', 'mw_deskundig');
    expect(found.counts['nvt']).toBe(1);
    expect(found.n).toBe(1);
    expect(found.leftOut['not-applicable']).toBe(1);
  });
});

describe('marks', () => {
  it.each([
    ['6,5', 6.5, '6,5'],
    ['6.5', 6.5, '6,5'],
    ['7', 7, '7,0'],
    ['1', 1, '1,0'],
    ['10', 10, '10,0'],
    ['10,0', 10, '10,0'],
    ['5,25', 5.25, '5,3'],
  ])('"%s" is the mark %d, shown as %s', async (cell, mark, display) => {
    const results = await analyseRows([neutralRow('A1', 'volwassene', { cijfer: cell })]);
    expect(results.grade.n).toBe(1);
    expect(results.grade.mean).toBe(mark);
    expect(results.grade.display).toBe(display);
  });

  it('decimal comma and decimal point in one file average together', async () => {
    const results = await analyseRows([
      neutralRow('A1', 'volwassene', { cijfer: '6,5' }),
      neutralRow('A2', 'volwassene', { cijfer: '7.5' }),
      neutralRow('A3', 'volwassene', { cijfer: '5' }),
    ]);
    expect(results.grade.mean).toBeCloseTo(19 / 3, 12);
    expect(results.grade.display).toBe('6,3');
  });
});

describe('tracks', () => {
  it.each([
    ['volwassene', 'volwassene'],
    ['adult', 'volwassene'],
    ['jongere', 'jongere'],
    ['youth', 'jongere'],
  ])('"%s" is the track %s', async (spelling, track) => {
    const results = await analyseRows([neutralRow('A1', spelling)]);
    expect(results.input.respondentsByTrack[track]).toBe(1);
    expect(results.input.respondents).toBe(1);
  });
});

describe('header names', () => {
  const rows = [
    neutralRow('A1', 'volwassene', { cv_uploaden: 'positief', cijfer: '8' }),
    neutralRow('J1', 'jongere', { mw_proces: 'mee eens', cijfer: '7' }),
    neutralRow('W1', 'volwassene', { withdrawn_after: 'workshop', besluit_brief: 'negatief' }),
  ];

  it('match in any letter case, with spaces around them, in any order', async () => {
    const plain = await analyseRows(rows);
    const shuffled = [...fullHeader].reverse();
    const renamed = shuffled.map((name, index) => {
      const cased = index % 3 === 0 ? name.toUpperCase() : index % 3 === 1 ? name[0]?.toUpperCase() + name.slice(1) : name;
      return index % 2 === 0 ? `  ${cased} ` : cased;
    });
    const text = csv(rows, shuffled).replace(/^[^\n]*/, renamed.join(','));
    const results = await analyseJson(writeTemp('data.csv', text));
    expect(results.figures).toEqual(plain.figures);
    expect(results.grade).toEqual(plain.grade);
    expect(results.input.columnsIgnored).toEqual([]);
  });

  it('<step>_datum columns are known, in both date spellings', async () => {
    const header = [...fullHeader, 'cv_uploaden_datum', 'besluit_datum'];
    const results = await analyseRows(
      [
        neutralRow('A1', 'volwassene', { cv_uploaden_datum: '2016-03-14', besluit_datum: '14-04-2016' }),
        neutralRow('A2', 'volwassene', { cv_uploaden_datum: '', besluit_datum: '2016-04-20' }),
      ],
      header,
    );
    expect(results.input.columnsIgnored).toEqual([]);
    expect(results.input.respondents).toBe(2);
  });

  it('optional columns may be absent: no withdrawn_after, no cijfer, only some rating columns', async () => {
    const header = ['respondent', 'track', 'cv_uploaden', 'mw_vriendelijk'];
    const results = await analyseRows([neutralRow('A1'), neutralRow('A2', 'volwassene', { cv_uploaden: 'positief' })], header);
    expect(bar(results, '1', 'cv_uploaden').counts).toMatchObject({ neutraal: 1, positief: 1 });
    expect(bar(results, '8', 'mw_vriendelijk').n).toBe(2);
    expect(results.grade.n).toBe(0);
  });
});

describe('unknown columns', () => {
  const header = [...fullHeader, 'opmerking', 'interviewer_code'];
  const rows = [
    neutralRow('A1', 'volwassene', { opmerking: 'Alles ging vlot, dank u.', interviewer_code: 'I-07' }),
    neutralRow('A2', 'volwassene', { opmerking: '', interviewer_code: 'I-03' }),
  ];

  it('are passed over: the figures are those of the file without them', async () => {
    const without = await analyseRows(rows);
    const withExtra = await analyseRows(rows, header);
    expect(withExtra.figures).toEqual(without.figures);
    expect(withExtra.grade).toEqual(without.grade);
  });

  it('are named in the JSON and in a warning', async () => {
    const results = await analyseRows(rows, header);
    expect(results.input.columnsIgnored).toEqual(['opmerking', 'interviewer_code']);
    const notice = results.warnings.map((w) => w.message).join('\n');
    expect(notice).toContain('opmerking');
    expect(notice).toContain('interviewer_code');
  });

  it('are named in a notice on stderr, and the run succeeds', async () => {
    const cwd = tempDir();
    writeTemp('data.csv', csv(rows, header), cwd);
    const result = await run(['analyse', 'data.csv'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('opmerking');
    expect(result.stderr).toContain('interviewer_code');
  });
});
