/**
 * Bad input: every fault is a data error (exit 3) with a message on stderr that names the file,
 * the line and the column and says what was expected; never a stack trace, nothing on stdout,
 * nothing written to out/. Personal data is refused without its value ever being printed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, stackFrames, tempDir, writeTemp, type RunResult } from '../helpers/run.js';
import { csv, fullHeader, neutralRow, type Row } from '../helpers/table.js';

interface Where {
  readonly line?: number;
  readonly column?: string;
}

/** Writes `data.csv` into a fresh working directory and runs `cj analyse data.csv` there. */
async function analyseText(text: string | Uint8Array, extra: readonly string[] = [], format: 'json' | 'text' = 'json'): Promise<RunResult & { cwd: string }> {
  const cwd = tempDir();
  writeTemp('data.csv', text, cwd);
  const args = format === 'json' ? ['analyse', 'data.csv', '--format', 'json', ...extra] : ['analyse', 'data.csv', ...extra];
  return { ...(await run(args, { cwd })), cwd };
}

/** The promises every data error keeps, and where it says it happened. */
function expectDataError(result: RunResult & { cwd?: string }, where: Where, file = 'data.csv'): void {
  expect(result.code, result.stderr).toBe(3);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(file);
  if (where.line !== undefined) expect(result.stderr).toContain(`${file}:${where.line}`);
  if (where.column !== undefined) expect(result.stderr).toContain(where.column);
  expect(stackFrames(result.stderr)).toEqual([]);
  expect(result.stderr).not.toMatch(/internal|intern/i);
  // A failed run writes nothing: no results, no exclusions, no temporary files left behind.
  if (result.cwd !== undefined && existsSync(join(result.cwd, 'out'))) expect(readdirSync(join(result.cwd, 'out'))).toEqual([]);
}

const rowsWith = (...rows: Row[]): string => csv([neutralRow('A1'), ...rows]);

describe('files that cannot be read', () => {
  it('a path that does not exist', async () => {
    const result = await run(['analyse', 'nope.csv', '--format', 'json']);
    expectDataError(result, {}, 'nope.csv');
  });

  it('a directory', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'responses.csv'));
    const result = await run(['analyse', 'responses.csv', '--format', 'json'], { cwd });
    expectDataError(result, {}, 'responses.csv');
  });

  it('an empty file', async () => {
    const result = await analyseText('');
    expectDataError(result, {});
    expect(result.stderr).toMatch(/leeg|empty/);
  });

  it('a header without rows', async () => {
    const result = await analyseText(fullHeader.join(',') + '\n');
    expectDataError(result, {});
    expect(result.stderr).toMatch(/kopregel|header/);
  });

  it('a text run on a bad file writes no out/ folder', async () => {
    const result = await analyseText('', [], 'text');
    expectDataError(result, {});
  });
});

describe('files that are not a table', () => {
  it('a row with too many fields', async () => {
    const text = rowsWith(neutralRow('A2')).replace(/\nA2,([^\n]*)\n/, '\nA2,$1,te veel\n');
    const result = await analyseText(text);
    expectDataError(result, { line: 3 });
    expect(result.stderr).toContain(String(fullHeader.length));
    expect(result.stderr).toContain(String(fullHeader.length + 1));
  });

  it('an unterminated quote names the line where the quoted field opens', async () => {
    const lines = csv([neutralRow('A1'), neutralRow('A2'), neutralRow('A3'), neutralRow('A4'), neutralRow('A5'), neutralRow('A6')]).split('\n');
    // A3's mark opens a quote on line 4 that is never closed: the rest of the file is inside it.
    lines[3] = (lines[3] ?? '').replace(/,6$/, ',"7');
    const result = await analyseText(lines.join('\n'));
    expectDataError(result, { line: 4 });
  });

  it('an unterminated quote on the last line names that line', async () => {
    const text = rowsWith(neutralRow('A2')) + '"A3,volwassene\n';
    const result = await analyseText(text);
    expectDataError(result, { line: 4 });
  });

  it('a column named twice', async () => {
    const header = [...fullHeader, 'CIJFER'];
    const result = await analyseText(csv([neutralRow('A1', 'volwassene', { CIJFER: '7' })], header));
    expectDataError(result, { line: 1, column: 'CIJFER' });
  });

  it('a missing required column: track', async () => {
    const header = fullHeader.filter((name) => name !== 'track');
    const result = await analyseText(csv([neutralRow('A1')], header));
    expectDataError(result, { line: 1, column: 'track' });
  });

  it('a missing required column: respondent', async () => {
    const header = fullHeader.filter((name) => name !== 'respondent');
    const result = await analyseText(csv([neutralRow('A1')], header));
    expectDataError(result, { line: 1, column: 'respondent' });
  });
});

describe('cells that break the contract', () => {
  it('a duplicate respondent names the code and the second line', async () => {
    const result = await analyseText(rowsWith(neutralRow('A2'), neutralRow('A1')));
    expectDataError(result, { line: 4, column: 'respondent' });
    expect(result.stderr).toContain('"A1"');
  });

  it('an unknown track lists the accepted tracks', async () => {
    const result = await analyseText(rowsWith(neutralRow('A2', 'kind')));
    expectDataError(result, { line: 3, column: 'track' });
    expect(result.stderr).toContain('"kind"');
    expect(result.stderr).toContain('volwassene');
    expect(result.stderr).toContain('jongere');
  });

  it('an unknown step in withdrawn_after lists the steps', async () => {
    const result = await analyseText(rowsWith(neutralRow('A2', 'volwassene', { withdrawn_after: 'intake' })));
    expectDataError(result, { line: 3, column: 'withdrawn_after' });
    expect(result.stderr).toContain('"intake"');
    expect(result.stderr).toContain('participatiegesprek');
  });

  it('an unknown value names the value and the accepted values', async () => {
    const result = await analyseText(rowsWith(neutralRow('A2', 'volwassene', { werkplein_melden: 'goed' })));
    expectDataError(result, { line: 3, column: 'werkplein_melden' });
    expect(result.stderr).toContain('"goed"');
    for (const accepted of ['negatief', 'neutraal', 'positief', 'nvt']) expect(result.stderr).toContain(accepted);
  });

  it('an unknown value on figure 8 lists the agreement values', async () => {
    const result = await analyseText(rowsWith(neutralRow('A2', 'volwassene', { mw_inleven: 'soms' })));
    expectDataError(result, { line: 3, column: 'mw_inleven' });
    expect(result.stderr).toContain('"soms"');
    expect(result.stderr).toContain('mee eens');
  });

  it.each(['0', '11', 'zes', '10,5', '-3'])('the mark "%s" is outside 1–10', async (mark) => {
    const result = await analyseText(rowsWith(neutralRow('A2', 'volwassene', { cijfer: mark })));
    expectDataError(result, { line: 3, column: 'cijfer' });
    expect(result.stderr).toContain(`"${mark}"`);
    expect(result.stderr).toMatch(/1\D+10/);
  });

  it('a date that is no date', async () => {
    const header = [...fullHeader, 'besluit_datum'];
    const result = await analyseText(csv([neutralRow('A1', 'volwassene', { besluit_datum: '31-02-2016' })], header));
    expectDataError(result, { line: 2, column: 'besluit_datum' });
    expect(result.stderr).toContain('2016-03-14');
  });

  it('an empty respondent code', async () => {
    const result = await analyseText(rowsWith(neutralRow('', 'volwassene')));
    expectDataError(result, { line: 3, column: 'respondent' });
  });

  it('the line is the physical line, after a remark with a line break and a blank line', async () => {
    const header = [...fullHeader, 'opmerking'];
    const text = csv([neutralRow('A1', 'volwassene', { opmerking: 'eerste regel\ntweede regel' }), neutralRow('A2'), neutralRow('A3', 'volwassene', { cijfer: 'zes' })], header);
    const withBlank = text.replace('\nA2,', '\n\nA2,');
    // header 1, A1 on 2–3, blank 4, A2 on 5, A3 on 6
    const result = await analyseText(withBlank);
    expectDataError(result, { line: 6, column: 'cijfer' });
  });

  it('several faults in one file are all reported, each with its line', async () => {
    const text = csv([
      neutralRow('A1', 'volwassene', { werkplein_melden: 'goed' }),
      neutralRow('A2', 'kind'),
      neutralRow('A3', 'volwassene', { cijfer: '11' }),
      neutralRow('A1'),
      neutralRow('A5', 'volwassene', { withdrawn_after: 'intake' }),
    ]);
    const result = await analyseText(text);
    expectDataError(result, {});
    for (const [line, column] of [
      [2, 'werkplein_melden'],
      [3, 'track'],
      [4, 'cijfer'],
      [5, 'respondent'],
      [6, 'withdrawn_after'],
    ] as const) {
      const message = result.stderr.split('\n').find((l) => l.includes(`data.csv:${line}`));
      expect(message, `line ${line}`).toBeDefined();
      expect(message).toContain(column);
    }
  });
});

describe('personal data', () => {
  it.each(['naam', 'email', 'Naam', 'E-mail adres', 'telefoon', 'postcode', 'geboortedatum'])(
    'a column named "%s" is refused without printing its cells',
    async (name) => {
      const header = [...fullHeader, name];
      const result = await analyseText(csv([neutralRow('A1', 'volwassene', { [name]: 'Petronella Geheim' })], header));
      expectDataError(result, { line: 1, column: name });
      expect(result.stderr).not.toContain('Petronella');
    },
  );

  const values: readonly (readonly [string, string])[] = [
    ['an e-mail address', 'p.geheim@example.nl'],
    ['a valid BSN', '111222333'],
    ['a mobile phone number', '06-12345678'],
    ['an IBAN', 'NL91ABNA0417164300'],
    ['a postcode with house number', '2011 RD 12'],
  ];

  it.each(values)('a remark holding %s (%s) is refused with line and column, the value never printed', async (_, value) => {
    const header = [...fullHeader, 'opmerking'];
    const text = csv([neutralRow('A1', 'volwassene', { opmerking: 'prima' }), neutralRow('A2', 'volwassene', { opmerking: value })], header);
    const result = await analyseText(text, [], 'text');
    expectDataError(result, { line: 3, column: 'opmerking' });
    expect(result.stderr).not.toContain(value);
  });

  it.each(values)('a remark with %s inside a sentence is refused too', async (_, value) => {
    const header = [...fullHeader, 'opmerking'];
    const text = csv([neutralRow('A1', 'volwassene', { opmerking: `Graag terugbellen, zie ${value} voor contact.` })], header);
    const result = await analyseText(text);
    expectDataError(result, { line: 2, column: 'opmerking' });
    expect(result.stderr).not.toContain(value);
  });

  it.each(values)('%s in a rating, mark or respondent cell is refused and never printed', async (_, value) => {
    for (const override of [{ werkplein_melden: value }, { cijfer: value }, { respondent: value }, { withdrawn_after: value }] as Row[]) {
      const result = await analyseText(csv([neutralRow('A1', 'volwassene', override)]));
      expect(result.code, JSON.stringify(override)).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr, JSON.stringify(override)).not.toContain(value);
      expect(result.stderr).toContain('data.csv:2');
    }
  });

  it('--allow-column lets a column the analyst vouches for through, with a notice', async () => {
    const header = [...fullHeader, 'naam_locatie'];
    const text = csv([neutralRow('A1', 'volwassene', { naam_locatie: 'Werkplein Zijlweg' })], header);
    const refused = await analyseText(text);
    expectDataError(refused, { line: 1, column: 'naam_locatie' });
    const allowed = await analyseText(text, ['--allow-column', 'naam_locatie']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.json?.input.respondents).toBe(1);
    expect(allowed.stderr).toContain('naam_locatie');
  });

  it('--allow-column matches the column name in any case', async () => {
    const header = [...fullHeader, 'Naam_Locatie'];
    const text = csv([neutralRow('A1', 'volwassene', { Naam_Locatie: 'Werkplein Zijlweg' })], header);
    const allowed = await analyseText(text, ['--allow-column', 'naam_locatie']);
    expect(allowed.code, allowed.stderr).toBe(0);
  });
});

describe('a failed run after a good one', () => {
  it('leaves the good run\'s out/ files byte for byte', async () => {
    const cwd = tempDir();
    writeTemp('good.csv', csv([neutralRow('A1'), neutralRow('J1', 'jongere', { withdrawn_after: 'besluit' })]), cwd);
    const good = await run(['analyse', 'good.csv'], { cwd });
    expect(good.code, good.stderr).toBe(0);
    const outDir = join(cwd, 'out');
    const before = Object.fromEntries(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name))]));
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['exclusions.csv', 'results.json', 'figuur-1.svg', 'index.html']));

    const header = [...fullHeader, 'opmerking'];
    for (const bad of [
      csv([neutralRow('A1', 'volwassene', { cijfer: 'zes' })]),
      csv([neutralRow('A1', 'volwassene', { opmerking: 'mail p.geheim@example.nl' })], header),
      csv([neutralRow('A1'), neutralRow('A2')]) + '"A3,volwassene\n',
      '',
    ]) {
      writeTemp('bad.csv', bad, cwd);
      const failed = await run(['analyse', 'bad.csv'], { cwd });
      expect(failed.code).toBe(3);
      const after = Object.fromEntries(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name))]));
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const name of Object.keys(before)) expect(after[name]?.equals(before[name] as Buffer), name).toBe(true);
    }
  });
});
