/**
 * Golden files for what people look at (STYLE.md): each figure of the fixture as SVG, compared
 * byte for byte with test/golden/figuur-N.svg. On a mismatch the new SVG is written beside the
 * golden file as figuur-N-changed.svg, so a person can open both; UPDATE_GOLDEN=1 rewrites the
 * golden files instead.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { figureFileName, figureFileSpec } from '../../src/render/figures.js';
import { renderSvg } from '../../src/render/svg.js';
import { fixtureResults } from './fixture-results.js';

const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('golden SVGs of the fixture', () => {
  it.each(['1', '2', '3', '4', '5', '6', '7', '8'])('figuur-%s.svg', async (id) => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === id);
    if (figure === undefined) throw new Error(`the fixture has no figure ${id}`);
    const name = figureFileName(figure);
    const golden = `${goldenDir}${name}.svg`;
    const changed = `${goldenDir}${name}-changed.svg`;
    const svg = await renderSvg(figureFileSpec(figure));
    if (update) {
      writeFileSync(golden, svg);
      rmSync(changed, { force: true });
      return;
    }
    if (!existsSync(golden)) {
      writeFileSync(changed, svg);
      expect.fail(`no golden file test/golden/${name}.svg; wrote test/golden/${name}-changed.svg: look at it, then run npm run update-golden`);
    }
    if (readFileSync(golden, 'utf8') === svg) {
      rmSync(changed, { force: true });
      return;
    }
    writeFileSync(changed, svg);
    expect.fail(
      `test/golden/${name}.svg differs from what cj draws now; wrote test/golden/${name}-changed.svg beside it. ` +
        'Compare the two; if the change is intended, run npm run update-golden',
    );
  });
});
