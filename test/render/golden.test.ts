/**
 * Golden files for what people look at (STYLE.md): each figure of the fixture as SVG, compared
 * byte for byte with test/golden/figuur-N.svg (see test/helpers/golden.ts).
 */
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { figureFileName, figureFileSpec } from '../../src/render/figures.js';
import { LEAD_TIME_FILE, leadTimeSpec } from '../../src/render/lead-time-spec.js';
import { messages } from '../../src/messages.js';
import { renderSvg, textWidth } from '../../src/render/svg.js';
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

describe('golden SVG of the lead times', () => {
  it('doorlooptijden.svg: the fixture\'s three segments with the 56-day term', async () => {
    const { leadTimes } = await fixtureResults();
    if (leadTimes === undefined) throw new Error('the fixture has no lead times');
    expectGolden(goldenDir, LEAD_TIME_FILE, await renderSvg(leadTimeSpec(leadTimes, messages.nl, (text, size) => textWidth(text, size))));
  });
});
