/**
 * Issue 10, "Personal data: never printed, never written". Every cell, header cell and long-shape
 * `column` value is checked for personal data before a message may quote it. Each case below is
 * a file holding one personal value in one place: cj must refuse it (exit 3), name the line and
 * the column, and the value must appear nowhere: not on stdout, not on stderr, not in any file
 * cj writes, whichever command reads the file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir, writeTemp } from '../helpers/run.js';

// Each value is personal data by the contract's own definition (DATA-CONTRACT "Personal data"):
const email = 'jan.jansen@example.nl';
const bsn = '123456782'; // 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8−1·2 = 154 = 14·11
const iban = 'NL91ABNA0417164300'; // the ISO 13616 example account, mod 97 = 1
const phone = '06-12345678';
const postcode = '2011 RD 12';

const wideHeader = 'respondent,track,withdrawn_after,cv_uploaden,cijfer,cv_uploaden_datum,opmerking';
const longHeader = 'respondent,track,withdrawn_after,column,value';

interface Case {
  readonly name: string;
  readonly csv: string;
  /** What must never be shown (also checked lower-cased, and without spaces). */
  readonly secret: string;
  readonly line: number;
  /** The column as the location names it. */
  readonly column: string;
  readonly code: string;
}

const cases: readonly Case[] = [
  {
    name: 'long shape: a respondent code that is an e-mail address, with a conflicting track (was printed by CJ_LONG_CONFLICT)',
    csv: [longHeader, `${email},volwassene,,cv_uploaden,positief`, `${email},jongere,,cijfer,7`].join('\n'),
    secret: email,
    line: 2,
    column: 'respondent',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'long shape: a respondent code that is an e-mail address, answering a question twice (was printed by CJ_LONG_DUPLICATE)',
    csv: [longHeader, `A1,volwassene,,cv_uploaden,positief`, `${email},volwassene,,cv_uploaden,positief`, `${email},volwassene,,cv_uploaden,neutraal`].join('\n'),
    secret: email,
    line: 3,
    column: 'respondent',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'long shape: a `column` value geboortedatum is refused like a wide column of that name',
    csv: [longHeader, 'A1,volwassene,,cv_uploaden,positief', 'A1,volwassene,,geboortedatum,14-03-1971'].join('\n'),
    secret: '14-03-1971',
    line: 3,
    column: 'column',
    code: 'CJ_PERSONAL_DATA_COLUMN',
  },
  {
    name: 'long shape: a `column` value naam is refused like a wide column of that name',
    csv: [longHeader, 'A1,volwassene,,naam,Jan Jansen', 'A1,volwassene,,cv_uploaden,positief'].join('\n'),
    secret: 'Jan Jansen',
    line: 2,
    column: 'column',
    code: 'CJ_PERSONAL_DATA_COLUMN',
  },
  {
    name: 'long shape: a `column` value that is itself an e-mail address',
    csv: [longHeader, 'A1,volwassene,,cv_uploaden,positief', `A1,volwassene,,${email},ja`].join('\n'),
    secret: email,
    line: 3,
    column: 'column',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'long shape: a phone number as the track of a later row (a conflict that would not quote it, still refused)',
    csv: [longHeader, 'A1,volwassene,,cv_uploaden,positief', `A1,${phone},,cijfer,7`].join('\n'),
    secret: phone,
    line: 3,
    column: 'track',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'long shape: a second answer to the same question that is a BSN',
    csv: [longHeader, 'A1,volwassene,,cv_uploaden,positief', `A1,volwassene,,cv_uploaden,${bsn}`].join('\n'),
    secret: bsn,
    line: 3,
    column: 'value',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'long shape: an e-mail address in an extra header column of a long file',
    csv: [`${longHeader},notitie`, `A1,volwassene,,cv_uploaden,positief,${email}`].join('\n'),
    secret: email,
    line: 2,
    column: 'notitie',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'long shape: an IBAN as a header cell of a long file',
    csv: [`${longHeader},${iban}`, 'A1,volwassene,,cv_uploaden,positief,'].join('\n'),
    secret: iban,
    line: 1,
    column: '#6',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a header cell that is an e-mail address (was written to results.json and index.html, exit 0)',
    csv: [`respondent,track,cv_uploaden,${email}`, 'A1,volwassene,positief,x'].join('\n'),
    secret: email,
    line: 1,
    column: '#4',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a header cell that is an IBAN',
    csv: [`respondent,track,${iban},cv_uploaden`, 'A1,volwassene,,positief'].join('\n'),
    secret: iban,
    line: 1,
    column: '#3',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a header cell that is a BSN',
    csv: [`respondent,track,cv_uploaden,${bsn}`, 'A1,volwassene,positief,'].join('\n'),
    secret: bsn,
    line: 1,
    column: '#4',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'an unknown column whose name holds an e-mail address (would be listed as passed over)',
    csv: [`respondent,track,cv_uploaden,opmerking van ${email}`, 'A1,volwassene,positief,goed'].join('\n'),
    secret: email,
    line: 1,
    column: '#4',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a file without a header row: its first row is data, and was listed as the columns found',
    csv: [`A1,volwassene,,positief,7,,${email}`, 'A2,volwassene,,neutraal,6,,'].join('\n'),
    secret: email,
    line: 1,
    column: '#7',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a postcode with house number in a rating column (was echoed lower-cased)',
    csv: [wideHeader, `A1,volwassene,,${postcode},7,,`].join('\n'),
    secret: postcode,
    line: 2,
    column: 'cv_uploaden',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a BSN as the track',
    csv: [wideHeader, 'A1,volwassene,,positief,7,,', `A2,${bsn},,positief,7,,`].join('\n'),
    secret: bsn,
    line: 3,
    column: 'track',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a phone number in withdrawn_after',
    csv: [wideHeader, `A1,volwassene,${phone},positief,7,,`].join('\n'),
    secret: phone,
    line: 2,
    column: 'withdrawn_after',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'an e-mail address as the mark (cijfer)',
    csv: [wideHeader, `A1,volwassene,,positief,${email},,`].join('\n'),
    secret: email,
    line: 2,
    column: 'cijfer',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'an IBAN in a date column',
    csv: [wideHeader, `A1,volwassene,,positief,7,${iban},`].join('\n'),
    secret: iban,
    line: 2,
    column: 'cv_uploaden_datum',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a respondent code that is an e-mail address, twice (wide): refused, never reported as a duplicate',
    csv: [wideHeader, `${email},volwassene,,positief,7,,`, `${email},volwassene,,neutraal,6,,`].join('\n'),
    secret: email,
    line: 3,
    column: 'respondent',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'an IBAN in a field beyond the last column of the header',
    csv: [wideHeader, `A1,volwassene,,positief,7,,,${iban}`].join('\n'),
    secret: iban,
    line: 2,
    column: '#8',
    code: 'CJ_PERSONAL_DATA',
  },
  {
    name: 'a BSN hidden behind a long, otherwise harmless unknown value: shortening must not free it',
    // 31 characters, then the BSN glued to letters (no BSN); cut at 40, the letters fall off.
    csv: [wideHeader, `A1,volwassene,,${'x'.repeat(30)} ${bsn}abc,7,,`].join('\n'),
    secret: bsn,
    line: 2,
    column: 'cv_uploaden',
    code: 'CJ_INVALID_VALUE',
  },
];

/** Every file under a folder but one, read as text. */
function filesUnder(dir: string, except: string): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (path === except) continue;
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, except));
    else found.push({ path, text: readFileSync(path, 'utf8') });
  }
  return found;
}

/** The forms a value could leak in: as written, lower-cased (as spellings are compared), without spaces. */
const formsOf = (secret: string): string[] => [...new Set([secret, secret.toLowerCase(), secret.replace(/ /g, '')])];

describe('personal data is refused by line and column, and shown nowhere', () => {
  it.each(cases)('$name', async (testCase) => {
    const cwd = tempDir();
    const file = writeTemp('input.csv', `${testCase.csv}\n`, cwd);
    const runs = [
      await run(['analyse', 'input.csv'], { cwd }),
      await run(['analyse', 'input.csv', '--format', 'json'], { cwd }),
      await run(['analyse', 'input.csv', '--lang', 'en'], { cwd }),
      await run(['validate', 'input.csv'], { cwd }),
      await run(['diff', 'input.csv', 'input.csv'], { cwd }),
    ];
    for (const result of runs) {
      expect(result.code, result.stderr).toBe(3);
      const columnWord = result === runs[2] ? 'column' : 'kolom';
      expect(result.stderr).toContain(`input.csv:${testCase.line}, ${columnWord} "${testCase.column}": `);
      expect(result.stderr).toContain(`[${testCase.code}]`);
    }
    const written = filesUnder(cwd, file);
    for (const secret of formsOf(testCase.secret)) {
      for (const result of runs) {
        expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain(secret);
      }
      for (const { path, text } of written) expect(text, path).not.toContain(secret);
    }
  });

  it('a file without a header row does not list its first row as the columns found', async () => {
    const cwd = tempDir();
    writeTemp('input.csv', 'A1,volwassene,,positief,7,,Jan de Vries\n', cwd);
    const result = await run(['analyse', 'input.csv'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('[CJ_MISSING_COLUMN]');
    expect(result.stderr).toContain('geen kopregel');
    // A name no pattern can recognise: only not listing the row keeps it private.
    expect(result.stderr).not.toContain('Jan de Vries');
    expect(result.stderr).not.toContain('volwassene');
  });

  it('a header with one required column lists the columns found, but not a refused one', async () => {
    const cwd = tempDir();
    writeTemp('input.csv', `respondent,cv_uploaden,${email}\nA1,positief,\n`, cwd);
    const result = await run(['analyse', 'input.csv'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('verplichte kolom "track" ontbreekt; gevonden kolommen: respondent, cv_uploaden, #3');
    expect(result.stderr).not.toContain(email);
  });

  it('--allow-column lets a long-shape `column` value through as it does a wide column', async () => {
    const cwd = tempDir();
    writeTemp('input.csv', [longHeader, 'A1,volwassene,,cv_uploaden,positief', 'A1,volwassene,,naam_medewerker,Petra'].join('\n') + '\n', cwd);
    const refused = await run(['analyse', 'input.csv', '--format', 'json'], { cwd });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('input.csv:3, kolom "column": kolom "naam_medewerker" lijkt persoonsgegevens te bevatten ("naam")');
    const allowed = await run(['analyse', 'input.csv', '--format', 'json', '--allow-column', 'naam_medewerker'], { cwd });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.json?.input.columnsIgnored).toEqual(['naam_medewerker']);
  });

  it('each refused `column` name is reported once, not once per row', async () => {
    const cwd = tempDir();
    const rows = ['A1', 'A2', 'A3'].flatMap((code) => [`${code},volwassene,,cv_uploaden,positief`, `${code},volwassene,,geboortedatum,01-01-1970`]);
    writeTemp('input.csv', [longHeader, ...rows].join('\n') + '\n', cwd);
    const result = await run(['analyse', 'input.csv', '--format', 'json'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr.match(/\[CJ_PERSONAL_DATA_COLUMN\]/g)).toHaveLength(1);
    expect(result.stderr).toContain('input.csv:3, kolom "column"');
  });
});

describe('what a message quotes of the input is short and cannot steer the terminal', () => {
  it('a rating value with an ANSI escape is quoted with the escape written out, never raw', async () => {
    const cwd = tempDir();
    writeTemp('input.csv', `${wideHeader}\nA1,volwassene,,\u001b[31mrood\u001b[0m,7,,\n`, cwd);
    const result = await run(['analyse', 'input.csv'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('onbekende waarde "\\u001b[31mrood\\u001b[0m"');
    expect(result.stderr).not.toContain('\u001b');
  });

  it('C1 controls (a one-character CSI) and a right-to-left override are written out too', async () => {
    const cwd = tempDir();
    writeTemp('input.csv', `${wideHeader}\nA1,volwassene,,a\u009b2Jb\u202ec,7,,\n`, cwd);
    const result = await run(['analyse', 'input.csv'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('onbekende waarde "a\\u009b2Jb\\u202ec"');
    expect(result.stderr).not.toMatch(/[\u0080-\u009f\u202e]/);
  });

  it('a long value is cut to 40 characters and an ellipsis', async () => {
    const cwd = tempDir();
    const long = 'abcdefghij'.repeat(10);
    writeTemp('input.csv', `${wideHeader}\nA1,volwassene,,${long},7,,\n`, cwd);
    const result = await run(['analyse', 'input.csv'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`onbekende waarde "${long.slice(0, 40)}…"`);
    expect(result.stderr).not.toContain(long.slice(0, 41));
  });

  it('an unknown column named with escapes is passed over, listed with the escapes written out', async () => {
    const cwd = tempDir();
    writeTemp('input.csv', 'respondent,track,cv_uploaden,x\u001b]0;titel\u0007y\nA1,volwassene,positief,z\n', cwd);
    const result = await run(['analyse', 'input.csv'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('overgeslagen: x\\u001b]0;titel\\u0007y');
    expect(result.stderr).not.toContain('\u001b');
    const results = JSON.parse(readFileSync(join(cwd, 'out', 'results.json'), 'utf8')) as { input: { columnsIgnored: string[] } };
    expect(results.input.columnsIgnored).toEqual(['x\\u001b]0;titel\\u0007y']);
  });

  it('a column name in a location is cut like a value', async () => {
    const cwd = tempDir();
    const name = `vraag_${'q'.repeat(60)}`;
    writeTemp('input.csv', `respondent,track,${name},${name}\nA1,volwassene,,\n`, cwd);
    const result = await run(['analyse', 'input.csv'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`kolom "${name.slice(0, 40)}…": kolom "${name.slice(0, 40)}…" staat twee keer in de kopregel`);
  });

  it('a header of many unknown columns lists twenty and counts the rest', async () => {
    const cwd = tempDir();
    const names = Array.from({ length: 25 }, (_, i) => `extra${i + 1}`);
    writeTemp('input.csv', `respondent,track,${names.join(',')}\nA1,volwassene${','.repeat(25)}\n`, cwd);
    const result = await run(['analyse', 'input.csv', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`overgeslagen: ${names.slice(0, 20).join(', ')} en 5 andere`);
    expect(result.json?.input.columnsIgnored).toEqual(names);
  });
});
