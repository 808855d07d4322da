/**
 * `cj diff` of two response files in the built CLI reads the second in a worker thread
 * (src/cli/analyse-worker.ts). What it prints, writes and exits with must be what reading them
 * in turn gives: the in-process CLI (tests run the sources, which read in turn) is the reference.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, ensureBuilt } from '../helpers/built.js';
import { fixturePath, repoRoot, run, tempDir, writeTemp } from '../helpers/run.js';

const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };
const fixture2017 = join(repoRoot, 'fixtures', 'haarlem-2017.csv');

function built(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: repoRoot });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the 2016 fixture with one answer no scale knows, on its line 5. */
function withBadAnswer(): string {
  const lines = readFileSync(fixturePath, 'utf8').split('\n');
  lines[4] = (lines[4] ?? '').replace(/,positief,/, ',heel goed,');
  return writeTemp('bad.csv', lines.join('\n'));
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
    const bad = withBadAnswer();
    const args = ['diff', fixturePath, bad, '--format', 'json'];
    const inTurn = await run(args, { cwd: repoRoot });
    const apart = built(args);
    expect(inTurn.code).toBe(3);
    expect(apart.code).toBe(3);
    expect(apart.stderr).toBe(inTurn.stderr);
    expect(apart.stderr).toContain('bad.csv:5');
    expect(apart.stdout).toBe('');
  });

  it('reports the first file\'s fault, not the second\'s, when both have one (as in turn)', async () => {
    const bad = withBadAnswer();
    const missing = join(tempDir(), 'absent.csv');
    const args = ['diff', bad, missing, '--format', 'json'];
    const inTurn = await run(args, { cwd: repoRoot });
    const apart = built(args);
    expect(apart.code).toBe(inTurn.code);
    expect(apart.stderr).toBe(inTurn.stderr);
    expect(apart.stderr).toContain('bad.csv:5');
    expect(apart.stderr).not.toContain('absent.csv');
  });
});
