/**
 * Golden files for what people look at (STYLE.md): the comparison figures of haarlem-2016
 * against haarlem-2017, compared byte for byte with test/diff/golden/diff-figuur-N.svg
 * (see test/helpers/golden.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { tempDir } from '../helpers/run.js';
import { fixture2016, fixture2017, runDiff } from './helpers.js';

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));

describe('golden SVGs of haarlem-2016 against haarlem-2017', () => {
  const cwd = tempDir();
  beforeAll(async () => {
    const result = await runDiff([fixture2016, fixture2017, '--quiet'], { cwd });
    expect(result.code, result.stderr).toBe(0);
  }, 120_000);

  it.each(['2', '5', '8'])('diff-figuur-%s.svg', (id) => {
    const name = `diff-figuur-${id}`;
    expectGolden(goldenDir, name, readFileSync(join(cwd, 'cj-diff', `${name}.svg`), 'utf8'));
  });
});
