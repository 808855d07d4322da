/**
 * Golden files for what people look at (STYLE.md): each figure of the fixture as SVG, compared
 * byte for byte with test/golden/figuur-N.svg (see test/helpers/golden.ts).
 */
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { figureFileName, figureFileSpec } from '../../src/render/figures.js';
import { renderSvg } from '../../src/render/svg.js';
import { expectGolden } from '../helpers/golden.js';
import { fixtureResults } from './fixture-results.js';

const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));

describe('golden SVGs of the fixture', () => {
  it.each(['1', '2', '3', '4', '5', '6', '7', '8'])('figuur-%s.svg', async (id) => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === id);
    if (figure === undefined) throw new Error(`the fixture has no figure ${id}`);
    expectGolden(goldenDir, figureFileName(figure), await renderSvg(figureFileSpec(figure)));
  });
});
