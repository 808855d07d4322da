/**
 * One error boundary: every command throws, main reports once, in the language of the options
 * commander parsed for that command (`--lang en` and `--lang=en` alike), with the documented exit code.
 */
import { describe, expect, it } from 'vitest';
import { run, stackFrames, tempDir, writeTemp } from '../helpers/run.js';

describe('errors are reported once, in the run\'s language', () => {
  it.each([
    [['analyse', 'missing.csv'], 'nl', 3],
    [['analyse', 'missing.csv', '--lang', 'en'], 'en', 3],
    [['analyse', 'missing.csv', '--lang=en'], 'en', 3],
    [['validate', 'missing.csv', '--lang=en'], 'en', 3],
    [['diff', 'missing.csv', 'other.csv', '--lang=en'], 'en', 3],
  ])('%j: %s, exit %i', async (args, lang, code) => {
    const result = await run(args, { cwd: tempDir() });
    expect(result.code).toBe(code);
    const line = result.stderr.split('\n').find((text) => text.includes('missing.csv')) ?? '';
    expect(line).toContain(lang === 'en' ? 'cj: error: missing.csv: no such file' : 'cj: fout: missing.csv: bestand bestaat niet');
    expect(result.stderr.match(/missing\.csv/g)).toHaveLength(1);
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('survey check of a definition that is not JSON: exit 4, in English with --lang=en', async () => {
    const cwd = tempDir();
    writeTemp('kapot.json', '{ "name": ', cwd);
    const dutch = await run(['survey', 'check', 'kapot.json'], { cwd });
    const english = await run(['survey', 'check', 'kapot.json', '--lang=en'], { cwd });
    expect(dutch.code).toBe(4);
    expect(english.code).toBe(4);
    expect(dutch.stderr).toMatch(/^cj: fout: /m);
    expect(english.stderr).toMatch(/^cj: error: /m);
  });

  it('init under a file: exit 5, said as a write failure, not a read failure', async () => {
    const cwd = tempDir();
    writeTemp('bestand', 'x', cwd);
    const result = await run(['init', 'bestand/studie', '--lang=en'], { cwd });
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/^cj: error: /m);
    expect(result.stderr).not.toMatch(/cannot be read/);
  });
});
