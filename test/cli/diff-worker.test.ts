/**
 * `cj diff` of two response files in the built CLI reads the second in a worker thread
 * (src/cli/analyse-worker.ts), and `cj trend` reads its waves two at a time the same way. What
 * they print, write and exit with must be what reading the files in turn gives: the in-process
 * CLI (tests run the sources, which read in turn) is the reference.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, ensureBuilt } from '../helpers/built.js';
import { fixturePath, repoRoot, run, tempDir, writeTemp } from '../helpers/run.js';

const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };
const fixture2017 = join(repoRoot, 'fixtures', 'haarlem-2017.csv');
const fixture2018 = join(repoRoot, 'fixtures', 'haarlem-2018.csv');

function built(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: repoRoot });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the 2016 fixture with one answer no scale knows, on its line `line` (5 unless told). */
function withBadAnswer(name = 'bad.csv', line = 5): string {
  const lines = readFileSync(fixturePath, 'utf8').split('\n');
  lines[line - 1] = (lines[line - 1] ?? '').replace(/,positief,/, ',heel goed,');
  return writeTemp(name, lines.join('\n'));
}

/**
 * `args` run in process (reading in turn) and built (reading apart): both exit with 3, print
 * the same messages and nothing on stdout. Returns the messages.
 */
async function sameFault(args: readonly string[]): Promise<string> {
  const inTurn = await run(args, { cwd: repoRoot });
  const apart = built(args);
  expect(inTurn.code).toBe(3);
  expect(apart.code).toBe(3);
  expect(apart.stderr).toBe(inTurn.stderr);
  expect(apart.stdout).toBe('');
  return apart.stderr;
}

describe('cj diff with the second file read in a worker thread', () => {
  beforeAll(ensureBuilt, 120_000);

  it('gives the JSON that reading the files in turn gives, byte for byte', async () => {
    const args = ['diff', fixturePath, fixture2017, '--format', 'json'];
    const inTurn = await run(args, { cwd: repoRoot });
    const apart = built(args);
    expect(apart.code).toBe(inTurn.code);
    expect(apart.code).toBe(0);
    expect(apart.stdout).toBe(inTurn.stdout);
    expect(apart.stderr).toBe(inTurn.stderr);
  });

  it('writes the same files with --out', async () => {
    const [x, y] = [tempDir(), tempDir()];
    const inTurn = await run(['diff', fixturePath, fixture2017, '--out', join(x, 'out'), '--quiet'], { cwd: repoRoot });
    const apart = built(['diff', fixturePath, fixture2017, '--out', join(y, 'out'), '--quiet']);
    expect(apart.code).toBe(inTurn.code);
    expect(readFileSync(join(y, 'out', 'diff.json'), 'utf8')).toBe(readFileSync(join(x, 'out', 'diff.json'), 'utf8'));
  });

  it("reports a fault of the second file as reading in turn does: file, line, column, exit code 3", async () => {
    expect(await sameFault(['diff', fixturePath, withBadAnswer(), '--format', 'json'])).toContain('bad.csv:5');
  });

  // The built CLI starts its worker with the process (src/cli/early-worker.ts); a run that does
  // not use it must end all the same, neither waiting for it nor leaving it running.
  it('ends as in turn when the worker started with the process is not used: two results.json, an --out that is a file', async () => {
    const dir = tempDir();
    const results = [fixturePath, fixture2017].map((file, index) => {
      const analysed = spawnSync(process.execPath, [bin, 'analyse', file, '--format', 'json'], { encoding: 'utf8', env, cwd: repoRoot });
      return writeTemp(`results-${index}.json`, analysed.stdout, dir);
    });
    for (const args of [
      ['diff', ...results, '--format', 'json'],
      ['diff', fixturePath, fixture2017, '--out', writeTemp('not-a-folder', 'x', dir)],
    ]) {
      const inTurn = await run(args, { cwd: repoRoot });
      const started = Date.now();
      const apart = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: repoRoot, timeout: 60_000 });
      expect(apart.signal, `${args.join(' ')} ran into the timeout`).toBeNull();
      expect(apart.status).toBe(inTurn.code);
      expect(apart.stdout).toBe(inTurn.stdout);
      expect(apart.stderr).toBe(inTurn.stderr);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  });

  it('reports the first file\'s fault, not the second\'s, when both have one (as in turn)', async () => {
    const stderr = await sameFault(['diff', withBadAnswer(), join(tempDir(), 'absent.csv'), '--format', 'json']);
    expect(stderr).toContain('bad.csv:5');
    expect(stderr).not.toContain('absent.csv');
  });
});

describe('cj trend with its waves read two at a time (the second of each pair in a worker thread)', () => {
  beforeAll(ensureBuilt, 120_000);

  it('gives the JSON and the notices that reading the waves in turn gives, byte for byte', async () => {
    const args = ['trend', fixturePath, fixture2017, fixture2018, '--format', 'json'];
    const inTurn = await run(args, { cwd: repoRoot });
    const apart = built(args);
    expect(apart.code).toBe(0);
    expect(inTurn.code).toBe(0);
    expect(apart.stdout).toBe(inTurn.stdout);
    expect(apart.stderr).toBe(inTurn.stderr);
  });

  it.each([
    ['the second wave (read in the worker)', 1],
    ['the third wave (read on the main thread, alone in its pair)', 2],
  ])('reports a fault of %s as reading in turn does: exit code 3, file and line', async (_, bad) => {
    const waves = [fixturePath, fixture2017, fixture2018];
    waves[bad] = withBadAnswer();
    expect(await sameFault(['trend', ...waves, '--format', 'json'])).toContain('bad.csv:5');
  });

  it("reports the first wave's fault, not the second's (read in the worker), when both have one", async () => {
    const second = withBadAnswer('other.csv', 8);
    const stderr = await sameFault(['trend', withBadAnswer(), second, fixture2018, '--format', 'json']);
    expect(stderr).toContain('bad.csv:5');
    expect(stderr).not.toContain('other.csv');
    // The second wave's fault is one the run would report: read with a good first wave, it is.
    expect(built(['trend', fixturePath, second, '--format', 'json']).stderr).toContain('other.csv:8');
  });
});
