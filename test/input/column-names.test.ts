/**
 * Column names in the language of the file (issue 12): the fixed columns under their Dutch names,
 * a definition's own aliases, spaces for underscores and any case; two cells that stand for one
 * column are refused, naming both.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseJson, bar, figure, fixturePath, run, writeTemp, type Results } from '../helpers/run.js';
import { parseCsv, writeCsv } from '../helpers/table.js';
import { duinstadDefinition, duinstadResponsesPath } from '../survey/duinstad.js';

/** The file's records with header cells renamed. */
function renamed(path: string, names: Readonly<Record<string, string>>): string {
  const [header = [], ...records] = parseCsv(readFileSync(path, 'utf8'));
  return writeCsv([header.map((name) => names[name] ?? name), ...records]);
}

/** What the report says, without what names the file. */
const numbers = (results: Results): unknown => ({ figures: results.figures, grade: results.grade, youth: results.youth, exclusions: results.exclusions });

describe('the fixed columns under their Dutch names', () => {
  it('Respondentnummer, Traject, Ingetrokken_na and `CV Uploaden` give the report of the fixture', async () => {
    const path = writeTemp(
      'haarlem-nl.csv',
      renamed(fixturePath, { respondent: 'Respondentnummer', track: 'Traject', withdrawn_after: 'Ingetrokken_na', cv_uploaden: 'CV Uploaden' }),
    );
    const results = await analyseJson(path);
    // Figure 1 of the 2016 report: 1 negative, 8 neutral, 7 positive, N = 16.
    expect(bar(results, '1', 'cv_uploaden').counts).toEqual({ negatief: 1, neutraal: 8, positief: 7, nvt: 0 });
    expect(figure(results, '1').N).toBe(16);
    expect(results.input.columnsIgnored).toEqual(['opmerking']);
    expect(numbers(results)).toEqual(numbers(await analyseJson(fixturePath)));
  });

  it('respondent_nr is the respondent too', async () => {
    const path = writeTemp('haarlem-nr.csv', renamed(fixturePath, { respondent: 'respondent_nr' }));
    expect((await analyseJson(path)).input.respondents).toBe(19);
  });

  it('`track` and `Traject` both in the header: refused, naming both', async () => {
    const [header = [], ...records] = parseCsv(readFileSync(fixturePath, 'utf8'));
    const text = writeCsv([[...header, 'Traject'], ...records.map((record) => [...record, record[1] ?? ''])]);
    const result = await run(['validate', writeTemp('twice.csv', text)]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('kolommen "track" en "Traject" staan allebei voor kolom track');
    expect(result.stderr).toContain('CJ_DUPLICATE_COLUMN');
  });
});

describe("a definition's aliases", () => {
  const definition = (): ReturnType<typeof duinstadDefinition> => {
    const base = duinstadDefinition();
    return {
      ...base,
      columnAliases: { respondent: ['Respondent ID'], track: ['Doelgroep'] },
      figures: base.figures.map((fig) =>
        fig.id === '1' ? { ...fig, bars: fig.bars.map((b, i) => (i === 0 ? { ...b, aliases: ['Aanmelden via de website'] } : b)) } : fig,
      ),
      grade: { ...base.grade, aliases: ['Rapportcijfer'] },
    };
  };

  it('an export under its platform names gives the numbers of the file under the defined names', async () => {
    const survey = writeTemp('duinstad.json', JSON.stringify(definition()));
    const path = writeTemp(
      'export.csv',
      renamed(duinstadResponsesPath, {
        respondent: 'RESPONDENT ID',
        track: 'doelgroep',
        aanmelden_website: 'Aanmelden via de website',
        cijfer_totaal: 'rapportcijfer',
        aanmelden_balie: 'Aanmelden Balie',
      }),
    );
    const results = await analyseJson(path, ['--survey', survey]);
    const original = await analyseJson(duinstadResponsesPath, ['--survey', survey]);
    expect(results.input.respondents).toBe(12);
    expect(results.input.columnsIgnored).toEqual([]);
    expect(numbers(results)).toEqual(numbers(original));
  });

  it('an alias that already names another column is a definition error with its path', async () => {
    const base = definition();
    const clash = { ...base, grade: { ...base.grade, aliases: ['Aanmelden balie'] } };
    const result = await run(['validate', duinstadResponsesPath, '--survey', writeTemp('clash.json', JSON.stringify(clash))]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('/grade/aliases/0: de naam "Aanmelden balie" staat al voor kolom aanmelden_balie');
  });
});

describe('long-shaped files', () => {
  /** Long rows of the Duinstad file: one per non-empty answer. */
  function longText(columnName: (name: string) => string, trackOf: (track: string, index: number) => string): string {
    const [header = [], ...records] = parseCsv(readFileSync(duinstadResponsesPath, 'utf8'));
    const rows: string[][] = [['Respondentnummer', 'Traject', 'ingetrokken_na', 'column', 'value']];
    for (const record of records) {
      let index = 0;
      header.forEach((name, at) => {
        const value = record[at] ?? '';
        if (at < 3 || value === '') return;
        rows.push([record[0] ?? '', trackOf(record[1] ?? '', index++), record[2] ?? '', columnName(name), value]);
      });
    }
    return writeCsv(rows);
  }

  it('`column` values and the fixed columns resolve as in a wide header; track values in any case', async () => {
    const survey = writeTemp('duinstad.json', JSON.stringify(duinstadDefinition()));
    const path = writeTemp(
      'long.csv',
      longText(
        (name) => name.replace(/_/g, ' ').toUpperCase(),
        (track, index) => (index % 2 === 0 ? track.toUpperCase() : track),
      ),
    );
    const results = await analyseJson(path, ['--survey', survey]);
    const wide = await analyseJson(duinstadResponsesPath, ['--survey', survey]);
    expect(results.input.respondents).toBe(12);
    expect({ figures: results.figures, grade: results.grade }).toEqual({ figures: wide.figures, grade: wide.grade });
  });
});
