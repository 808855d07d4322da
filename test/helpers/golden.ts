/**
 * Golden files for what people look at (STYLE.md, as Observable Plot's test/output): compare an
 * output byte for byte with its golden file; on a mismatch write `<name>-changed.svg` beside it,
 * so a person can open both, and fail. UPDATE_GOLDEN=1 (`npm run update-golden`) rewrites the
 * golden file instead.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './run.js';

export function expectGolden(dir: string, name: string, svg: string): void {
  const golden = join(dir, `${name}.svg`);
  const changed = join(dir, `${name}-changed.svg`);
  const shown = relative(repoRoot, golden);
  mkdirSync(dir, { recursive: true });
  if (process.env['UPDATE_GOLDEN'] === '1') {
    writeFileSync(golden, svg);
    rmSync(changed, { force: true });
    return;
  }
  if (existsSync(golden) && readFileSync(golden, 'utf8') === svg) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, svg);
  expect.fail(
    existsSync(golden)
      ? `${shown} differs from what cj draws now; wrote ${name}-changed.svg beside it. Compare the two; if the change is intended, run npm run update-golden`
      : `no golden file ${shown}; wrote ${name}-changed.svg beside it: look at it, then run npm run update-golden`,
  );
}
