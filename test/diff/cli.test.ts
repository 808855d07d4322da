/**
 * The command line around `cj diff`: help, the files of a text run, colour, determinism, the
 * exit codes of --fail-on-change, and bad input.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run, stackFrames, tempDir, writeTemp } from '../helpers/run.js';
import { fixture2016, fixture2017, runDiff } from './helpers.js';

// cj diff runs whole comparisons, with a power simulation per bar: on a shared machine more than 5 s.
vi.setConfig({ testTimeout: 60_000 });

const ansi = /\u001b\[/;

describe('help', () => {
  it('cj --help lists diff; cj diff --help shows its options and examples', async () => {
    expect((await run(['--help'])).stdout).toContain('diff');
    const result = await run(['diff', '--help']);
    expect(result.code).toBe(0);
    for (const option of ['--format', '--out', '--alpha', '--fail-on-change', '--lang', '--seed']) expect(result.stdout).toContain(option);
    expect(result.stdout).toContain('$ cj diff fixtures/haarlem-2016.csv fixtures/haarlem-2017.csv');
  });
});

describe('text output', () => {
  it('prints the tables and the conclusion, and writes diff.json, the figures and the page into cj-diff/, never out/', async () => {
    const cwd = tempDir();
    const result = await runDiff([fixture2016, fixture2017], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Vergelijking van 2016 (a) met 2017 (b)');
    expect(result.stdout).toContain('Figuur 5  Oordeel Workshop naar Werk en medewerker  (N = 15 → 17)');
    expect(result.stdout).toContain('Fisher-Freeman-Halton (exact, 96 tabellen): p = 0,001, na Holm 0,024');
    expect(result.stdout).toContain('▲ beter beoordeeld in 2017');
    expect(result.stdout).toContain('1 van de 19 balken aantoonbaar veranderd');
    expect(result.stdout).not.toMatch(ansi);
    expect(result.stderr).toContain('vergelijking geschreven in cj-diff');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    const files = readdirSync(join(cwd, 'cj-diff')).sort();
    const figures = ['1', '2', '3', '4', '5', '6', '7', '8'].flatMap((id) => [`diff-figuur-${id}.svg`, `diff-figuur-${id}.vl.json`]);
    expect(files).toEqual(['.cj-manifest.json', ...figures, 'diff.json', 'index.html'].sort());
    const svg = readFileSync(join(cwd, 'cj-diff', 'diff-figuur-5.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    for (const text of ['Figuur 5: 2016 → 2017', '▲ Workshop naar Werk: beter beoordeeld in 2017   (n = 15 → 17; p = 0,001, na Holm 0,024)', 'contact medewerker   (n = 15 → 17; p = 0,23, na Holm 1,00)', '>14<', 'fill="#1f5f99"']) expect(svg).toContain(text);
    const json = await runDiff([fixture2016, fixture2017, '--format', 'json'], { cwd });
    expect(readFileSync(join(cwd, 'cj-diff', 'diff.json'), 'utf8')).toBe(json.stdout);
  });

  it('--out DIR and --lang en', async () => {
    const cwd = tempDir();
    const result = await runDiff([fixture2016, fixture2017, '--out', 'vergelijking', '--lang', 'en'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Comparing 2016 (a) with 2017 (b)');
    expect(result.stdout).toContain('rated better in 2017');
    expect(existsSync(join(cwd, 'vergelijking', 'diff.json'))).toBe(true);
    expect(existsSync(join(cwd, 'cj-diff'))).toBe(false);
  });

  it('colour on a terminal, none with NO_COLOR or --no-color', async () => {
    expect((await runDiff([fixture2016, fixture2017], { isTTY: true })).stdout).toMatch(ansi);
    expect((await runDiff([fixture2016, fixture2017], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runDiff([fixture2016, fixture2017, '--no-color'], { isTTY: true })).stdout).not.toMatch(ansi);
  });
});

describe('the folder of cj diff', () => {
  it('--png and the page; --check after it exits 0, after another cohort lists what would change (exit 1); a failed run leaves the files whole', async () => {
    const cwd = tempDir();
    const result = await runDiff([fixture2016, fixture2017, '--png', '--out', 'vergelijking'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const folder = join(cwd, 'vergelijking');
    const png = readFileSync(join(folder, 'diff-figuur-5.png'));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const page = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(page.match(/<svg/g)).toHaveLength(8);
    expect(page).toContain('Vergelijking 2016 → 2017');
    // The changed bar is marked in its table row as in its figure, in words.
    expect(page).toContain('▲ beter beoordeeld in 2017');
    expect(page).not.toMatch(/<(?:script|link)\b/);
    const clean = await runDiff([fixture2016, fixture2017, '--png', '--out', 'vergelijking', '--check'], { cwd });
    expect(clean.code, clean.stderr).toBe(0);
    const before = readdirSync(folder).sort();
    const changed = await runDiff([fixture2016, fixture2016, '--out', 'vergelijking', '--check', '--lang', 'en'], { cwd });
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('would change: vergelijking/diff.json');
    expect(changed.stderr).toContain('would be removed: vergelijking/diff-figuur-5.png');
    const failed = await runDiff([fixture2016, join(cwd, 'missing.csv'), '--out', 'vergelijking'], { cwd });
    expect(failed.code).toBe(3);
    expect(readdirSync(folder).sort()).toEqual(before);
  }, 120_000);
});

describe('determinism', () => {
  it('two runs print the same JSON and draw the same SVG bytes', async () => {
    const [first, second] = [await runDiff([fixture2016, fixture2017, '--format', 'json']), await runDiff([fixture2016, fixture2017, '--format', 'json'])];
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const [dirA, dirB] = [tempDir(), tempDir()];
    await runDiff([fixture2016, fixture2017], { cwd: dirA });
    await runDiff([fixture2016, fixture2017], { cwd: dirB });
    for (const name of readdirSync(join(dirA, 'cj-diff'))) {
      expect(readFileSync(join(dirB, 'cj-diff', name), 'utf8'), name).toBe(readFileSync(join(dirA, 'cj-diff', name), 'utf8'));
    }
  });

  it('names no absolute path in the JSON', async () => {
    const result = await runDiff([fixture2016, fixture2017, '--format', 'json']);
    expect(result.stdout).not.toContain(tempDir().split('/').slice(0, 2).join('/') + '/');
    expect(result.diff?.a.file).toBe('haarlem-2016.csv');
  });
});

describe('--fail-on-change', () => {
  it('exits 1 when an adjusted p is below --alpha, and still prints the comparison', async () => {
    const result = await runDiff([fixture2016, fixture2017, '--format', 'json', '--fail-on-change']);
    expect(result.code).toBe(1);
    expect(result.diff?.summary.changed).toBe(true);
  });

  it('exits 0 when nothing passes a stricter --alpha (Figure 5: Holm-adjusted p 0,024)', async () => {
    const result = await runDiff([fixture2016, fixture2017, '--format', 'json', '--fail-on-change', '--alpha', '0.01']);
    expect(result.code).toBe(0);
    expect(result.diff?.alpha).toBe(0.01);
    expect(result.diff?.summary.changed).toBe(false);
  });

  it('exits 0 for a cohort against itself, and 0 without the flag whatever changed', async () => {
    expect((await runDiff([fixture2016, fixture2016, '--format', 'json', '--fail-on-change'])).code).toBe(0);
    expect((await runDiff([fixture2016, fixture2017, '--format', 'json'])).code).toBe(0);
  });

  it('a text run writes its files before it exits 1', async () => {
    const cwd = tempDir();
    const result = await runDiff([fixture2016, fixture2017, '--fail-on-change'], { cwd });
    expect(result.code).toBe(1);
    expect(existsSync(join(cwd, 'cj-diff', 'diff.json'))).toBe(true);
  });
});

describe('bad input', () => {
  it('a missing file: exit 3, one clear line, nothing on stdout, nothing written', async () => {
    const cwd = tempDir();
    const result = await runDiff(['bestaat-niet.csv', fixture2017], { cwd });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cj: fout: bestaat-niet.csv: bestand bestaat niet [CJ_NO_SUCH_FILE]\n');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('the second file missing, in English', async () => {
    const result = await runDiff([fixture2016, 'missing.json', '--lang', 'en']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('missing.json: no such file');
  });

  it('a response file that breaks the data contract: exit 3 naming file, line and column', async () => {
    const cwd = tempDir();
    const lines = readFileSync(fixture2017, 'utf8').split('\n');
    lines[2] = lines[2]?.replace('positief', 'supergoed') ?? '';
    writeTemp('kapot.csv', lines.join('\n'), cwd);
    const result = await runDiff([fixture2016, 'kapot.csv', '--format', 'json'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('kapot.csv:3');
    expect(result.stderr).toContain('supergoed');
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it.each([
    [['--alpha', '0'], '--alpha'],
    [['--alpha', 'vijf procent'], '--alpha'],
    [['--seed', '-1'], '--seed'],
    [['--format', 'xml'], 'xml'],
  ])('usage error %j: exit 2', async (extra, named) => {
    const result = await runDiff([fixture2016, fixture2017, ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(named);
    expect(result.stdout).toBe('');
  });

  it('one file only: exit 2', async () => {
    expect((await runDiff([fixture2016])).code).toBe(2);
  });
});
