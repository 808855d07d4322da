/**
 * Excel and SPSS read directly (issue 12). Every file here was written by the real program, not by
 * cj: fixtures/haarlem-2016.xlsx by Gnumeric's ssconvert, fixtures/xlsx/*.xlsx by XlsxWriter
 * (make-workbooks.py), the .sav/.zsav by PSPP (fixtures/spss/*.sps), the refused .xls/.ods/.pdf by
 * ssconvert. Each holds the answers of fixtures/haarlem-2016.csv, so each must give its numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SavVariable } from '../../src/input/sav.js';
import { analyseJson, fixturePath, repoRoot, run, writeTemp, type Results } from '../helpers/run.js';

const fixture = (...parts: string[]): string => join(repoRoot, 'fixtures', ...parts);

let reference: Results;
beforeAll(async () => {
  reference = await analyseJson(fixturePath);
});

/** Every number of results.json but the input facts and the line numbers of the exclusions. */
function expectSameNumbers(results: Results): void {
  expect(results.figures).toEqual(reference.figures);
  expect(results.grade).toEqual(reference.grade);
  expect(results.youth).toEqual(reference.youth);
  expect(results.exclusionSummary).toEqual(reference.exclusionSummary);
  const withoutLine = (exclusions: Results['exclusions']): unknown[] => exclusions.map(({ line: _, ...rest }) => rest);
  expect(withoutLine(results.exclusions)).toEqual(withoutLine(reference.exclusions));
  expect(results.input.respondents).toBe(reference.input.respondents);
  expect(results.input.respondentsByTrack).toEqual(reference.input.respondentsByTrack);
  expect(results.input.columnsIgnored).toEqual(reference.input.columnsIgnored);
}

const exclusionLine = (results: Results, respondent: string, column: string): number | undefined =>
  results.exclusions.find((exclusion) => exclusion.respondent === respondent && exclusion.column === column)?.line;

describe('the fixture as an Excel workbook gives the CSV numbers', () => {
  it('fixtures/haarlem-2016.xlsx (ssconvert: inline strings, "6,5" text, marks as numbers)', async () => {
    const results = await analyseJson(fixture('haarlem-2016.xlsx'));
    expectSameNumbers(results);
    expect(results.input).toMatchObject({ format: 'xlsx', sheet: 'haarlem-2016.csv', rowsRead: 19 });
    // Line = sheet row: A15 is the 18th respondent under the header in row 1 (the CSV has it on
    // line 20, A12's remark taking two lines).
    expect(exclusionLine(results, 'A15', 'besluit_brief')).toBe(19);
    expect(exclusionLine(reference, 'A15', 'besluit_brief')).toBe(20);
    // Cells missing at a row's end are empty answers, not a short record.
    expect(results.warnings.map((warning) => warning.code)).not.toContain('CJ_SHORT_RECORDS');
  });

  it('XlsxWriter: shared strings, header in row 3, 6.5 a number cell, date cells in d-m-yyyy and format 14', async () => {
    const results = await analyseJson(fixture('xlsx', 'haarlem-2016-shared-strings.xlsx'));
    expectSameNumbers(results);
    // Header in row 3: A15, the 18th respondent, is on row 21.
    expect(exclusionLine(results, 'A15', 'besluit_brief')).toBe(21);
  });

  it('date cells are read as the day they show (YYYY-MM-DD), not as Excel day numbers', async () => {
    const { readXlsx } = await import('../../src/input/xlsx.js');
    const { messages } = await import('../../src/messages.js');
    const records: { fields: readonly string[]; line: number }[] = [];
    await readXlsx(readFileSync(fixture('xlsx', 'haarlem-2016-shared-strings.xlsx')), 'x.xlsx', undefined, messages.en, { sheet: '' }, (record) => {
      records.push(record);
      return true;
    });
    const header = records[0]?.fields ?? [];
    const at = (line: number, column: string): string | undefined => records.find((record) => record.line === line)?.fields[header.indexOf(column)];
    // make-workbooks.py: respondent i (from 0) has 2016-03-01 + i days, and 7 days later.
    expect(at(4, 'cv_uploaden_datum')).toBe('2016-03-01');
    expect(at(4, 'werkplein_melden_datum')).toBe('2016-03-08');
    expect(at(22, 'cv_uploaden_datum')).toBe('2016-03-19');
    expect(at(22, 'werkplein_melden_datum')).toBe('2016-03-26');
    // A02's mark is the number cell 6.5; J01's "7" a number cell; A11's remark cell is absent.
    expect(at(5, 'cijfer')).toBe('6.5');
    expect(at(6, 'cijfer')).toBe('7');
  });

  it('a merged title row and a two-row header with merged cells (second sheet, by name and by number)', async () => {
    for (const sheet of ['Antwoorden', 'antwoorden', '2']) {
      const results = await analyseJson(fixture('xlsx', 'merged-header.xlsx'), ['--sheet', sheet]);
      expectSameNumbers(results);
      expect(results.input).toMatchObject({ sheet: 'Antwoorden' });
      // Title in row 1, header rows 2–3: A15 on row 21.
      expect(exclusionLine(results, 'A15', 'besluit_brief')).toBe(21);
    }
  });

  it('without --sheet the first sheet is read; a sheet that does not exist is a usage error naming the sheets', async () => {
    const first = await run(['validate', fixture('xlsx', 'merged-header.xlsx')]);
    expect(first.code).toBe(3);
    expect(first.stderr).toContain('CJ_MISSING_COLUMN');
    const missing = await run(['validate', fixture('xlsx', 'merged-header.xlsx'), '--sheet', '3', '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--sheet 3: no sheet of that name or number; the workbook has: 1 "Toelichting", 2 "Antwoorden"');
  });

  it('without --sheet a hidden first sheet (a lookup list) is passed over; --sheet 1 still reads it', async () => {
    const results = await analyseJson(fixture('xlsx', 'hidden-first-sheet.xlsx'));
    expectSameNumbers(results);
    expect(results.input).toMatchObject({ sheet: 'Antwoorden' });
    const hidden = await run(['validate', fixture('xlsx', 'hidden-first-sheet.xlsx'), '--sheet', '1']);
    expect(hidden.code).toBe(3);
    expect(hidden.stderr).toContain('CJ_MISSING_COLUMN');
  });

  it('personal data in a cell is refused with row and column, never shown', async () => {
    const result = await run(['validate', fixture('xlsx', 'personal-data.xlsx')]);
    expect(result.code).toBe(3);
    // A07 is the 9th respondent: sheet row 10; opmerking is the 24th column, X.
    expect(result.stderr).toContain('personal-data.xlsx, rij 10, kolom X "opmerking": cel lijkt persoonsgegevens te bevatten (e-mailadres)');
    expect(result.stderr + result.stdout).not.toContain('jansen');
    const english = await run(['validate', fixture('xlsx', 'personal-data.xlsx'), '--lang', 'en']);
    expect(english.stderr).toContain('personal-data.xlsx, row 10, column X "opmerking"');
  });
});

describe('the fixture as an SPSS file (PSPP) gives the CSV numbers', () => {
  for (const [name, path] of [
    ['fixtures/haarlem-2016.sav (bytecode compressed)', fixture('haarlem-2016.sav')],
    ['fixtures/haarlem-2016.zsav (zlib)', fixture('haarlem-2016.zsav')],
    ['fixtures/spss/haarlem-2016-uncompressed.sav', fixture('spss', 'haarlem-2016-uncompressed.sav')],
  ] as const) {
    it(name, async () => {
      const results = await analyseJson(path);
      expectSameNumbers(results);
      // Line = case number: A15 is case 18.
      expect(exclusionLine(results, 'A15', 'besluit_brief')).toBe(18);
    });
  }

  it('keeps the variable labels and the encoding the file declares', async () => {
    const results = (await analyseJson(fixture('haarlem-2016.sav'))) as Results & { input: { variableLabels?: Record<string, string>; characterEncoding?: string } };
    // make-sav.sps: VARIABLE LABELS
    expect(results.input.variableLabels).toEqual({
      respondent: 'Respondentnummer',
      track: 'Traject',
      withdrawn_after: 'Toestemming ingetrokken na stap',
      cv_uploaden: 'Ervaring: cv uploaden op werk.nl',
      mw_vriendelijk: 'De medewerker was vriendelijk',
      cijfer: 'Rapportcijfer voor de dienstverlening',
      opmerking: 'Opmerking (open vraag)',
    });
    expect(results.input.characterEncoding).toBe('utf-8');
  });

  it('codes become their labels, user-missing 9 an empty answer, the very long remark its text', async () => {
    const { readSav } = await import('../../src/input/sav.js');
    const { messages } = await import('../../src/messages.js');
    const records: { fields: readonly string[]; line: number }[] = [];
    readSav(readFileSync(fixture('haarlem-2016.sav')), 'x.sav', messages.en, (record) => {
      records.push(record);
      return true;
    }, []);
    const header = records[0]?.fields ?? [];
    const at = (respondent: string, column: string): string | undefined => records.find((record) => record.fields[0] === respondent)?.fields[header.indexOf(column)];
    expect(header).toContain('werkplein_medewerker'); // a long variable name (record 7.13)
    expect(at('J01', 'cv_uploaden')).toBe('zeer positief'); // code 5
    expect(at('J01', 'rp_bijeenkomst')).toBe(''); // code 9 'geen antwoord', declared missing
    expect(at('J01', 'rp_medewerker')).toBe(''); // system-missing
    expect(at('A11', 'workshop')).toBe('n.v.t.'); // code 8
    expect(at('A02', 'cijfer')).toBe('6.5');
    expect(at('A16', 'withdrawn_after')).toBe('participatiegesprek');
    // The CSV's two-line remark on one line (make-codes.mjs), and A01's 290-character remark
    // across both segments of the A300 variable: `zin 01.` … `zin 29.` then 59 `!`.
    expect(at('A12', 'opmerking')).toBe('Workshop "naar Werk" paste niet bij mijn opleidingsniveau; liever iets op maat.');
    const long = at('A01', 'opmerking') ?? '';
    expect(long).toHaveLength(290);
    expect(long.startsWith('zin 01. zin 02.')).toBe(true);
    expect(long.endsWith(`zin 28. zin 29.${'!'.repeat(59)}`)).toBe(true);
  });

  it('reads names, labels and strings in the encoding the file names (Windows-1252, record 7.20)', async () => {
    const { readSav } = await import('../../src/input/sav.js');
    const { messages } = await import('../../src/messages.js');
    const records: (readonly string[])[] = [];
    const variables: SavVariable[] = [];
    const dictionary = readSav(readFileSync(fixture('spss', 'windows-1252.sav')), 'x.sav', messages.en, (record) => {
      records.push(record.fields);
      return true;
    }, variables);
    // make-encoding.sps
    expect(dictionary.encoding).toBe('windows-1252');
    expect(records).toEqual([
      ['respondent', 'stap', 'plaats'],
      ['A01', 'geüpload', 'Zaandijk'],
      ['A02', 'één gesprek', 'Oosterhout'],
    ]);
    expect(variables.find((variable) => variable.name === 'stap')?.label).toBe('Ervaring: cv geüpload');
  });

  it('a code without a label is a data error naming case and variable', async () => {
    const result = await run(['validate', fixture('spss', 'unlabelled-code.sav')]);
    expect(result.code).toBe(3);
    // make-faulty.sps: A04 (case 5) werkplein_melden = 6
    expect(result.stderr).toContain('unlabelled-code.sav, geval 5, variabele "werkplein_melden": code 6 heeft geen waardelabel');
    const english = await run(['validate', fixture('spss', 'unlabelled-code.sav'), '--lang', 'en']);
    expect(english.stderr).toContain('unlabelled-code.sav, case 5, variable "werkplein_melden": code 6 has no value label');
  });

  it('personal data in a value label is refused with case and variable, never shown', async () => {
    const result = await run(['validate', fixture('spss', 'personal-label.sav')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('personal-label.sav, geval 3, variabele "contactpersoon": cel lijkt persoonsgegevens te bevatten (e-mailadres)');
    expect(result.stderr + result.stdout).not.toContain('vries');
  });
});

describe('files cj cannot read are refused by name, never by their bytes', () => {
  const cases = [
    ['an Excel 97-2003 workbook', fixture('formats', 'haarlem-2016.xls'), 'CJ_UNSUPPORTED_XLS', 'een Excel 97-2003-werkmap (.xls)'],
    ['an OpenDocument spreadsheet', fixture('formats', 'haarlem-2016.ods'), 'CJ_UNSUPPORTED_ODS', 'een OpenDocument-rekenblad (.ods)'],
    ['a PDF', fixture('formats', 'haarlem-2016.pdf'), 'CJ_UNSUPPORTED_PDF', 'een PDF'],
    ['a ZIP holding the CSV', fixture('formats', 'haarlem-2016-csv.zip'), 'CJ_UNSUPPORTED_ZIP', 'een ZIP-archief zonder Excel-werkmap'],
  ] as const;
  for (const [what, path, code, name] of cases) {
    it(what, async () => {
      const result = await run(['analyse', path]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`${name}; cj leest CSV, XLSX en SAV.`);
      expect(result.stderr).toContain(`[${code}]`);
      expect(result.stderr.split('\n').filter((line) => line !== '')).toHaveLength(1);
      // Nothing of the file's content: no header names, no control bytes.
      expect(result.stderr).not.toMatch(/respondent|werkplein|PK|[\u0000-\u0008\u000e-\u001f]/);
    });
  }

  it('binary bytes with a .csv name', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 251);
    const result = await run(['analyse', writeTemp('antwoorden.csv', bytes), '--lang', 'en']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('not a text file but a binary one; cj reads CSV, XLSX and SAV. Save the answers as CSV (UTF-8)');
    expect(result.stderr).toContain('[CJ_NOT_TEXT]');
  });

  it('a .xls renamed .xlsx is told from its bytes', async () => {
    const result = await run(['analyse', writeTemp('antwoorden.xlsx', readFileSync(fixture('formats', 'haarlem-2016.xls')))]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('CJ_UNSUPPORTED_XLS');
  });
});

describe('damaged and hostile files are refused cleanly (exit 3, no stack)', () => {
  const sav = readFileSync(fixture('haarlem-2016.sav'));
  const int32At = (bytes: Uint8Array, value: number, at: number): Uint8Array => {
    const copy = Uint8Array.from(bytes);
    new DataView(copy.buffer).setInt32(at, value, true);
    return copy;
  };
  /** Offset of the first record of a type in the dictionary (PSPP writes them in a fixed order). */
  const recordAt = (type: number, subtype?: number): number => {
    const view = new DataView(sav.buffer, sav.byteOffset, sav.byteLength);
    for (let at = 176; at < sav.length - 8; at += 4) {
      if (view.getInt32(at, true) === type && (subtype === undefined || view.getInt32(at + 4, true) === subtype)) return at;
    }
    throw new Error(`no record ${type}`);
  };

  it.each([
    ['value labels declaring 2 147 483 647 labels', () => int32At(sav, 0x7fffffff, recordAt(3) + 4)],
    ['an extension record declaring 2^31 items', () => int32At(sav, 0x7fffffff, recordAt(7, 13) + 12)],
    ['a variable label longer than the file', () => int32At(sav, 0x7ffffff0, recordAt(2) + 32)],
    ['the file cut in its dictionary', () => sav.subarray(0, 600)],
    ['the file cut in the middle of a case', () => sav.subarray(0, sav.length - 13)],
  ])('%s', async (_, make) => {
    const result = await run(['analyse', writeTemp('hostile.sav', make())]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('[CJ_UNREADABLE_SAV]');
    expect(result.stderr).not.toMatch(/^\s+at\s/m);
  });

  it('every truncation of the SAV is either fewer whole cases or refused as unreadable', async () => {
    const { readSav } = await import('../../src/input/sav.js');
    const { messages } = await import('../../src/messages.js');
    const { DataError } = await import('../../src/errors.js');
    for (let length = 0; length < sav.length; length += 7) {
      let cases = 0;
      try {
        readSav(sav.subarray(0, length), 'x.sav', messages.en, () => {
          cases++;
          return true;
        }, []);
        expect(cases).toBeLessThanOrEqual(20);
      } catch (error) {
        expect(error, `cut at ${length}`).toBeInstanceOf(DataError);
        expect((error as InstanceType<typeof DataError>).code).toBe('CJ_UNREADABLE_SAV');
      }
    }
  });

  it('any bytes changed anywhere in a SAV, ZSAV or XLSX: read, or refused with a data error, never a crash', async () => {
    const { readSav } = await import('../../src/input/sav.js');
    const { readXlsx } = await import('../../src/input/xlsx.js');
    const { messages } = await import('../../src/messages.js');
    const { CjError } = await import('../../src/errors.js');
    const files = [readFileSync(fixture('haarlem-2016.sav')), readFileSync(fixture('haarlem-2016.zsav')), readFileSync(fixture('xlsx', 'merged-header.xlsx'))];
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (which, changes) => {
        const bytes = Uint8Array.from(files[which] as Uint8Array);
        for (const [where, byte] of changes) bytes[Math.floor(where * bytes.length)] = byte;
        try {
          if (which === 2) await readXlsx(bytes, 'x.xlsx', '2', messages.en, { sheet: '' }, () => true);
          else readSav(bytes, 'x.sav', messages.en, () => true, []);
        } catch (error) {
          expect(error).toBeInstanceOf(CjError);
        }
      }),
      { numRuns: 300, seed: 2016 },
    );
  });

  it('a damaged workbook', async () => {
    const xlsx = readFileSync(fixture('haarlem-2016.xlsx'));
    const cut = await run(['analyse', writeTemp('cut.xlsx', xlsx.subarray(0, xlsx.length - 40))]);
    expect(cut.code).toBe(3);
    const garbled = Uint8Array.from(xlsx);
    for (let at = 200; at < 2000; at++) garbled[at] = 0x55;
    const result = await run(['analyse', writeTemp('garbled.xlsx', garbled)]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('CJ_UNREADABLE_XLSX');
  });
});
