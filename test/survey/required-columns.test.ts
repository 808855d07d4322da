/**
 * A defined column the file lacks is an error unless the definition marks it optional, and a
 * header cell close to it is named as what was probably meant (issue 12): `Loket uitleg` must not
 * silently become an empty bar while `cj validate` says `geldig`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin, lookAlike } from '../../src/input/look-alike.js';
import { fixturePath, run, writeTemp } from '../helpers/run.js';
import { parseCsv, writeCsv } from '../helpers/table.js';
import { duinstadDefinition, duinstadResponsesPath } from './duinstad.js';
import type { SurveyDefinition } from '../../src/survey/types.js';

/** The file's records with header cells renamed (to '' : the column dropped). */
function edited(path: string, names: Readonly<Record<string, string>>): string {
  const [header = [], ...records] = parseCsv(readFileSync(path, 'utf8'));
  const keep = header.map((name, index) => (names[name] === '' ? -1 : index)).filter((index) => index >= 0);
  return writeCsv([keep.map((index) => names[header[index] ?? ''] ?? header[index] ?? ''), ...records.map((record) => keep.map((index) => record[index] ?? ''))]);
}

/** Duinstad with one bar's column renamed and its `optional` set. */
function definitionWith(column: string, optional: boolean | undefined): string {
  const base = duinstadDefinition();
  const definition: SurveyDefinition = {
    ...base,
    figures: base.figures.map((fig) => ({
      ...fig,
      bars: fig.bars.map((b) => (b.column === 'aanmelden_balie' ? { ...b, column, ...(optional === undefined ? {} : { optional }) } : b)),
    })),
  };
  return writeTemp('survey.json', JSON.stringify(definition));
}

describe('edit distance', () => {
  it('counts inserts, deletes and replacements (kitten → sitting is 3, by hand)', () => {
    expect(editDistanceWithin('kitten', 'sitting', 3)).toBe(3);
    expect(editDistanceWithin('kitten', 'sitting', 2)).toBe(3);
    expect(editDistanceWithin('loket_uitlg', 'loket_uitleg', 2)).toBe(1);
    expect(editDistanceWithin('', 'ab', 2)).toBe(2);
    expect(editDistanceWithin('abc', 'abc', 2)).toBe(0);
  });

  it('a look-alike is within two edits after case, spaces, underscores and hyphens', () => {
    expect(lookAlike(['loket_uitleg'], ['opmerking', 'Loket-Uitleg'])).toBe('Loket-Uitleg');
    expect(lookAlike(['loket_uitleg'], ['loket uitlegg', 'loket_uitleg!'])).toBe('loket uitlegg');
    expect(lookAlike(['loket_uitleg'], ['loket'])).toBeNull();
    expect(lookAlike(['track', 'traject'], ['trajekt'])).toBe('trajekt');
  });
});

describe('a defined column the file lacks', () => {
  const responses = (names: Readonly<Record<string, string>>): string => writeTemp('responses.csv', edited(duinstadResponsesPath, names));

  it('is an error in validate and in analyse (exit 3) when the definition does not mark it optional', async () => {
    const survey = definitionWith('aanmelden_balie', undefined);
    for (const command of ['validate', 'analyse']) {
      const result = await run([command, responses({ aanmelden_balie: '' }), '--survey', survey]);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toContain('CJ_MISSING_COLUMN');
      expect(result.stderr).toContain('kolom "aanmelden_balie" uit de definitie ontbreekt in het bestand');
      expect(result.stderr).not.toContain('lijkt op');
    }
  });

  it('the grade too, in English with --lang en', async () => {
    const result = await run(['validate', responses({ cijfer_totaal: '' }), '--survey', definitionWith('aanmelden_balie', undefined), '--lang', 'en']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('column "cijfer_totaal" of the definition is missing from the file');
  });

  it('is a notice, not an error, when marked optional', async () => {
    const result = await run(['validate', responses({ aanmelden_balie: '' }), '--survey', definitionWith('aanmelden_balie', true)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('kolommen uit de vragenlijst die het bestand niet heeft: aanmelden_balie');
  });

  it('a header within two edits is named: `kolom "Loket-uitleg" lijkt op "loket_uitleg"`', async () => {
    const file = responses({ aanmelden_balie: 'Loket-uitleg' });
    const required = await run(['validate', file, '--survey', definitionWith('loket_uitleg', false)]);
    expect(required.code).toBe(3);
    expect(required.stderr).toContain('kolom "Loket-uitleg" lijkt op "loket_uitleg"');
    // Optional does not make a look-alike pass unnoticed either.
    const optional = await run(['validate', file, '--survey', definitionWith('loket_uitleg', true)]);
    expect(optional.code).toBe(3);
    expect(optional.stderr).toContain('CJ_COLUMN_LOOKS_LIKE');
    expect(optional.stderr).toContain('kolom "Loket-uitleg" lijkt op "loket_uitleg"');
    expect(optional.stderr).not.toContain('geldig');
  });

  it('`Loket uitleg` (a space for the underscore) is the column itself, counted', async () => {
    const survey = definitionWith('loket_uitleg', false);
    const result = await run(['analyse', responses({ aanmelden_balie: 'Loket uitleg' }), '--survey', survey, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const balie = result.json?.figures.find((f) => f.id === '1')?.bars.find((b) => b.column === 'loket_uitleg');
    const original = await run(['analyse', duinstadResponsesPath, '--survey', definitionWith('aanmelden_balie', false), '--format', 'json']);
    expect(balie?.n).toBeGreaterThan(0);
    expect(balie?.counts).toEqual(original.json?.figures.find((f) => f.id === '1')?.bars.find((b) => b.column === 'aanmelden_balie')?.counts);
  });

  it('the built-in definition (rating columns optional, as data contract 1 says): `cv-uploaden` is named, not passed over', async () => {
    const result = await run(['validate', writeTemp('haarlem.csv', edited(fixturePath, { cv_uploaden: 'cv-uploaden' }))]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('kolom "cv-uploaden" lijkt op "cv_uploaden"');
  });

  it('a required fixed column gets its look-alike, also near an alias: `Trajekt` (one edit from `traject`)', async () => {
    const result = await run(['validate', writeTemp('haarlem.csv', edited(fixturePath, { track: 'Trajekt' }))]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('verplichte kolom "track" ontbreekt; kolom "Trajekt" lijkt op "track"');
  });
});

describe('personal data is never suggested', () => {
  it('a header cell holding an e-mail address two edits from a missing column is not named', async () => {
    const survey = definitionWith('jan_example_nl', false);
    const file = writeTemp('responses.csv', edited(duinstadResponsesPath, { aanmelden_balie: 'jan@example.nl' }));
    const result = await run(['validate', file, '--survey', survey]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('kolom "jan_example_nl" uit de definitie ontbreekt in het bestand');
    expect(result.stderr).not.toContain('jan@');
    expect(result.stderr).not.toContain('lijkt op');
  });

  it('a header named as personal data (`naam_loket`) is refused, and not offered for a missing `naam_locket`', async () => {
    const survey = definitionWith('naam_locket', false);
    const file = writeTemp('responses.csv', edited(duinstadResponsesPath, { aanmelden_balie: 'naam_loket' }));
    const result = await run(['validate', file, '--survey', survey]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('CJ_PERSONAL_DATA_COLUMN');
    expect(result.stderr).toContain('kolom "naam_locket" uit de definitie ontbreekt in het bestand');
    expect(result.stderr).not.toContain('lijkt op');
  });
});
