/**
 * The command line around `cj analyse`: help, version, usage errors, colour, the JSON and the
 * files of a text run, determinism, no machine paths in results; and a few end-to-end runs of
 * bin/cj.js for the wiring.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, repoRoot, run, stackFrames, tempDir, writeTemp } from '../helpers/run.js';

const ansi = /\u001b\[/;
const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  it('--help exits 0 and shows examples', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('analyse');
    expect(result.stdout).toMatch(/Examples|Voorbeelden/);
    expect(result.stdout).toContain('cj analyse');
  });

  it('analyse --help exits 0 and shows examples', async () => {
    const result = await run(['analyse', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples|Voorbeelden/);
    expect(result.stdout).toContain('--format');
    expect(result.stdout).toContain('--allow-column');
  });

  it('--version prints the package version', async () => {
    const result = await run(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(packageVersion);
  });

  it('the results carry the same version', async () => {
    const result = await run(['analyse', fixturePath, '--format', 'json']);
    expect(result.json?.cj.version).toBe(packageVersion);
    expect(result.json?.schemaVersion).toBe(1);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['analyse', 'data.csv', '--bogus'], '--bogus'],
    [['analyse', 'data.csv', '--format', 'xml'], 'xml'],
    [['analyse'], 'file'],
    [['frobnicate'], 'frobnicate'],
    [['analyse', 'data.csv', '--max-errors', 'nul'], 'max-errors'],
  ])('cj %j', async (args, named) => {
    const cwd = tempDir();
    writeTemp('data.csv', readFileSync(fixturePath), cwd);
    const result = await run(args, { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(named);
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});

describe('text output', () => {
  it('prints every figure\'s title and the grade, and writes out/results.json and out/exclusions.csv', async () => {
    const cwd = tempDir();
    const result = await run(['analyse', fixturePath], { cwd });
    expect(result.code, result.stderr).toBe(0);
    for (const title of [
      'Oordeel uploaden CV op werk.nl (N= 16)',
      'Oordeel Workshop naar Werk en medewerker (N=15)*',
      'Oordeel besluit (N=14)*',
      'Beoordeling medewerker (N=18)*',
    ]) {
      expect(result.stdout).toContain(title);
    }
    expect(result.stdout).toContain('6,1');
    expect(existsSync(join(cwd, 'out', 'results.json'))).toBe(true);
    expect(existsSync(join(cwd, 'out', 'exclusions.csv'))).toBe(true);
  });

  it('--out chooses the folder', async () => {
    const cwd = tempDir();
    const result = await run(['analyse', fixturePath, '--out', 'rapport/2016'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'rapport', '2016', 'results.json'))).toBe(true);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('an --out that cannot be a folder exits 5', async () => {
    const cwd = tempDir();
    writeTemp('blocked', 'a file, not a folder', cwd);
    const result = await run(['analyse', fixturePath, '--out', 'blocked'], { cwd });
    expect(result.code).toBe(5);
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('has no ANSI escapes when stdout is not a terminal', async () => {
    const result = await run(['analyse', fixturePath], { isTTY: false });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ansi);
    expect(result.stderr).not.toMatch(ansi);
  });

  it('colours on a terminal, and NO_COLOR turns it off', async () => {
    const coloured = await run(['analyse', fixturePath], { isTTY: true });
    expect(coloured.stdout).toMatch(ansi);
    const plain = await run(['analyse', fixturePath], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(ansi);
    expect(plain.stderr).not.toMatch(ansi);
  });

  it('--no-color turns colour off on a terminal', async () => {
    const plain = await run(['analyse', fixturePath, '--no-color'], { isTTY: true });
    expect(plain.stdout).not.toMatch(ansi);
  });

  it('errors on a non-terminal have no ANSI escapes either', async () => {
    const result = await run(['analyse', 'nope.csv']);
    expect(result.code).toBe(3);
    expect(result.stderr).not.toMatch(ansi);
  });
});

describe('results', () => {
  it('--format json prints exactly what a text run writes to out/results.json', async () => {
    const cwd = tempDir();
    writeTemp('data.csv', readFileSync(fixturePath), cwd);
    const json = await run(['analyse', 'data.csv', '--format', 'json'], { cwd });
    expect(json.code).toBe(0);
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    const text = await run(['analyse', 'data.csv'], { cwd });
    expect(text.code).toBe(0);
    expect(readFileSync(join(cwd, 'out', 'results.json'), 'utf8')).toBe(json.stdout);
  });

  it('two runs give byte-identical results.json and exclusions.csv', async () => {
    const cwd = tempDir();
    writeTemp('data.csv', readFileSync(fixturePath), cwd);
    await run(['analyse', 'data.csv', '--out', 'a'], { cwd });
    await run(['analyse', 'data.csv', '--out', 'b'], { cwd });
    for (const name of ['results.json', 'exclusions.csv']) {
      const a = readFileSync(join(cwd, 'a', name));
      const b = readFileSync(join(cwd, 'b', name));
      expect(a.length, name).toBeGreaterThan(0);
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('the same input from another folder gives the same results', async () => {
    const first = await run(['analyse', fixturePath, '--format', 'json']);
    const second = await run(['analyse', fixturePath, '--format', 'json']);
    expect(first.stdout).toBe(second.stdout);
  });

  it('results hold no absolute path: the temp dir and the repository never appear', async () => {
    const cwd = tempDir();
    const absoluteOut = join(cwd, 'uit');
    const text = await run(['analyse', fixturePath, '--out', absoluteOut], { cwd });
    expect(text.code, text.stderr).toBe(0);
    const written = readFileSync(join(absoluteOut, 'results.json'), 'utf8') + readFileSync(join(absoluteOut, 'exclusions.csv'), 'utf8');
    const json = await run(['analyse', fixturePath, '--format', 'json'], { cwd });
    for (const output of [written, json.stdout, text.stdout]) {
      expect(output).not.toContain(cwd);
      expect(output).not.toContain(repoRoot);
      expect(output).not.toContain(cwd.split('/').pop() as string);
    }
    expect(json.json?.input.file).toBe('haarlem-2016.csv');
  });

  it('a relative path is kept as given', async () => {
    const result = await run(['analyse', relative(repoRoot, fixturePath), '--format', 'json'], { cwd: repoRoot });
    expect(result.json?.input.file).toBe('fixtures/haarlem-2016.csv');
    expect(result.stdout).not.toContain(repoRoot);
  });
});

describe('end to end: node bin/cj.js', () => {
  const bin = join(repoRoot, 'bin', 'cj.js');
  const cj = (args: readonly string[], cwd = tempDir()) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });

  it('analyse --format json on the fixture: exit 0, the report\'s N and grade', () => {
    const result = cj(['analyse', fixturePath, '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { figures: { N: number }[]; grade: { display: string } };
    expect(json.figures.map((f) => f.N)).toEqual([16, 16, 16, 16, 15, 15, 14, 18]);
    expect(json.grade.display).toBe('6,1');
  });

  it('a text run writes out/ in the working directory', () => {
    const cwd = tempDir();
    const result = cj(['analyse', fixturePath], cwd);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Beoordeling medewerker (N=18)*');
    expect(result.stdout).not.toMatch(ansi);
    expect(existsSync(join(cwd, 'out', 'results.json'))).toBe(true);
  });

  it('a bad file: exit 3, one line per fault, no stack trace', () => {
    const cwd = tempDir();
    writeTemp('data.csv', 'respondent,track\nA1,kind\n', cwd);
    const result = cj(['analyse', 'data.csv'], cwd);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('data.csv:2');
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('--help, -h, --version and -V print what the CLI itself prints, without loading it', async () => {
    const help = (await run(['--help'])).stdout;
    expect(help).toContain('cj analyse');
    for (const flag of ['--help', '-h']) expect(cj([flag]).stdout, flag).toBe(help);
    for (const flag of ['--version', '-V']) expect(cj([flag]).stdout, flag).toBe(`${packageVersion}\n`);
    // With anything else on the line the CLI runs: `--help` of a command is its own.
    expect(cj(['analyse', '--help']).stdout).toContain('--allow-column');
  });

  it('--version and an unknown option', () => {
    expect(cj(['--version']).stdout.trim()).toBe(packageVersion);
    expect(cj(['analyse', fixturePath, '--bogus']).status).toBe(2);
  });
});
