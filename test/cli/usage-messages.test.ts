/**
 * Commander's complaints about a command line, said in the run's language (Dutch unless --lang en
 * or --lang=en), one line with the command's --help to see, exit 2 (issue 12).
 */
import { describe, expect, it } from 'vitest';
import { run, stackFrames } from '../helpers/run.js';

describe('usage errors in the run\'s language', () => {
  it.each([
    [['analyse', 'x.csv', '--bogus'], 'cj: fout: onbekende optie --bogus (zie cj analyse --help)'],
    [['analyse', 'x.csv', '--bogus', '--lang=en'], 'cj: error: unknown option --bogus (see cj analyse --help)'],
    [['analyse', 'x.csv', '--bogus', '--lang', 'en'], 'cj: error: unknown option --bogus (see cj analyse --help)'],
    [['analyse', '--format', 'xml', 'x.csv'], 'cj: fout: -f, --format <format>: "xml" kan niet; kies uit text, json (zie cj analyse --help)'],
    [['nothing'], 'cj: fout: onbekende opdracht nothing (zie cj --help)'],
    [['analyse'], 'cj: fout: het argument <file> ontbreekt (zie cj analyse --help)'],
    [['analyse', 'a.csv', 'b.csv'], 'cj: fout: te veel argumenten voor cj analyse (zie cj analyse --help)'],
    [['analyse', 'x.csv', '--out'], 'cj: fout: -o, --out <dir> mist zijn waarde (zie cj analyse --help)'],
    [['diff', 'a.csv', '--lang', 'en'], 'cj: error: missing argument <b> (see cj diff --help)'],
  ])('%j', async (args, line) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${line}\n`);
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('no English commander sentence in a Dutch run', async () => {
    const result = await run(['validate', 'x.csv', '--max-errors']);
    expect(result.stderr).not.toMatch(/error:|argument missing|unknown|option '/);
  });
});
