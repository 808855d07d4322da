/** The shape STYLE.md asks for: data flows one way, so no two modules of src/ import each other, even through others. */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers/run.js';

it('src/ has no import cycle (type imports included)', () => {
  const result = spawnSync(process.execPath, ['scripts/import-cycles.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  expect(result.stdout).toBe('no import cycles in src/\n');
  expect(result.status).toBe(0);
});
