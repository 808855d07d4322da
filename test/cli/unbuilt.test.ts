/**
 * bin/cj.js in a checkout whose CLI is not built (an install that ran no scripts, a removed
 * dist/): it says so, in the run's language, with exit code 70 (internal error), and prints no
 * stack trace.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/run.js';

/** A folder with bin/ as the repository has it, and `dist/bundle/` as given (absent by default). */
function unbuilt(bundleFiles: readonly string[] = []): string {
  // As bin/cj.js sees its folder: with symbolic links resolved (macOS's /tmp).
  const root = realpathSync(tempDir());
  mkdirSync(join(root, 'bin'));
  for (const file of ['cj.js', 'package.json']) copyFileSync(join(repoRoot, 'bin', file), join(root, 'bin', file));
  if (bundleFiles.length > 0) {
    mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });
    for (const file of bundleFiles) writeFileSync(join(root, 'dist', 'bundle', file), '');
  }
  return root;
}

function run(root: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'cj.js'), ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/cj.js without a built CLI', () => {
  it.each([[['analyse', 'data.csv']], [['--version']], [['--help']]])('cj %j: exit 70, the Dutch message naming the folder and the fix, no stack trace', (args) => {
    const root = unbuilt();
    const { status, stdout, stderr } = run(root, args);
    expect(status).toBe(70);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cj: interne fout: de CLI is niet gebouwd (${join(root, 'dist', 'bundle')} ontbreekt of is onvolledig): voer \`npm run build\` uit in ${root}\n`);
  });

  it('in English with --lang en, also as --lang=en', () => {
    const root = unbuilt();
    for (const lang of [['--lang', 'en'], ['--lang=en']]) {
      const { status, stderr } = run(root, ['analyse', 'data.csv', ...lang]);
      expect(status).toBe(70);
      expect(stderr).toBe(`cj: internal error: the CLI is not built (${join(root, 'dist', 'bundle')} is missing or incomplete): run \`npm run build\` in ${root}\n`);
    }
  });

  it('a build missing one of its two start files is not built either', () => {
    for (const present of [['start.cjs'], ['start.json']]) {
      const { status, stderr } = run(unbuilt(present), ['--version']);
      expect(status).toBe(70);
      expect(stderr).toContain('de CLI is niet gebouwd');
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });
});
