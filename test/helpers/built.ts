/**
 * The built CLI (`bin/cj.js` and `dist/bundle`), for tests that run it as a user's shell does:
 * built when missing, or when built before a part these tests need existed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_FILE } from '../../src/cli/output.js';
import { repoRoot } from './run.js';

export const bin = join(repoRoot, 'bin', 'cj.js');
const bundleDir = join(repoRoot, 'dist', 'bundle');

export function ensureBuilt(): void {
  const current =
    existsSync(join(bundleDir, 'cj.cjs')) &&
    existsSync(join(bundleDir, 'analyse-worker.cjs')) &&
    readdirSync(bundleDir).some((file) => file.endsWith('.cjs') && readFileSync(join(bundleDir, file), 'utf8').includes(JOURNAL_FILE));
  if (current) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
