/**
 * Golden files for what people look at (STYLE.md): the comparison figures of haarlem-2016
 * against haarlem-2017, compared byte for byte with test/diff/golden/diff-figuur-N.svg. On a
 * mismatch the new SVG is written beside the golden file as diff-figuur-N-changed.svg, so a
 * person can open both; UPDATE_GOLDEN=1 rewrites the golden files instead.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run.js';
import { fixture2016, fixture2017, runDiff } from './helpers.js';

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('golden SVGs of haarlem-2016 against haarlem-2017', () => {
  const cwd = tempDir();
  beforeAll(async () => {
    const result = await runDiff([fixture2016, fixture2017, '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
  });

  it.each(['2', '5', '8'])('diff-figuur-%s.svg', (id) => {
    const name = `diff-figuur-${id}`;
    const svg = readFileSync(join(cwd, 'out', `${name}.svg`), 'utf8');
    const golden = join(goldenDir, `${name}.svg`);
    const changed = join(goldenDir, `${name}-changed.svg`);
    mkdirSync(goldenDir, { recursive: true });
    if (update) {
      writeFileSync(golden, svg);
      rmSync(changed, { force: true });
      return;
    }
    if (!existsSync(golden)) {
      writeFileSync(changed, svg);
      expect.fail(`no golden file test/diff/golden/${name}.svg; wrote ${name}-changed.svg beside it: look at it, then run with UPDATE_GOLDEN=1`);
    }
    if (readFileSync(golden, 'utf8') === svg) {
      rmSync(changed, { force: true });
      return;
    }
    writeFileSync(changed, svg);
    expect.fail(`test/diff/golden/${name}.svg differs from what cj draws now; wrote ${name}-changed.svg beside it. Compare the two; if intended, run with UPDATE_GOLDEN=1`);
  });
});
