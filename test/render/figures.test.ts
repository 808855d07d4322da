import { describe, expect, it } from 'vitest';
import { renderFigureFiles } from '../../src/render/figures.js';
import { fixtureResults } from './fixture-results.js';

describe('renderFigureFiles', () => {
  it('without png: figuur-N.svg and figuur-N.vl.json per figure in Results order, the lead times, then index.html and rapport.html', async () => {
    const files = await renderFigureFiles(await fixtureResults(), { png: false });
    const expected = ['1', '2', '3', '4', '5', '6', '7', '8'].flatMap((id) => [`figuur-${id}.svg`, `figuur-${id}.vl.json`]);
    expect(files.map((file) => file.name)).toEqual([...expected, 'doorlooptijden.svg', 'doorlooptijden.vl.json', 'index.html', 'rapport.html']);
  });

  it('results without lead times (no segments or no dates): no doorlooptijden files', async () => {
    const { leadTimes: _leadTimes, ...withoutLeadTimes } = await fixtureResults();
    const files = await renderFigureFiles(withoutLeadTimes, { png: false });
    expect(files.filter((file) => file.name.startsWith('doorlooptijden'))).toEqual([]);
  });

  it('with png: a figuur-N.png beside each SVG', async () => {
    const files = await renderFigureFiles(await fixtureResults(), { png: true });
    const pngs = files.filter((file) => file.name.endsWith('.png'));
    expect(pngs.map((file) => file.name)).toEqual([...['1', '2', '3', '4', '5', '6', '7', '8'].map((id) => `figuur-${id}.png`), 'doorlooptijden.png']);
    for (const png of pngs) expect(png.content).toBeInstanceOf(Uint8Array);
  });

  it('the .vl.json is pretty JSON with a trailing newline, its data inline', async () => {
    const files = await renderFigureFiles(await fixtureResults(), { png: false });
    const spec = files.find((file) => file.name === 'figuur-1.vl.json');
    if (spec === undefined || typeof spec.content !== 'string') throw new Error('no figuur-1.vl.json');
    expect(spec.content.endsWith('}\n')).toBe(true);
    expect(spec.content).toContain('\n  "$schema": "https://vega.github.io/schema/vega-lite/v6.json",\n');
    const parsed = JSON.parse(spec.content) as { data: { values: { bar: string; count: number }[] } };
    expect(parsed.data.values.map((row) => row.count)).toEqual([1, 8, 7]);
    expect(parsed.data.values[0]?.bar).toBe('Cv uploaden werk.nl');
  });

  it('names files by a figure id that cannot leave the folder', async () => {
    const results = await fixtureResults();
    const [figure] = results.figures;
    if (figure === undefined) throw new Error('no figure');
    const files = await renderFigureFiles({ ...results, figures: [{ ...figure, id: '../1' }] }, { png: false });
    expect(files.map((file) => file.name)).toEqual(['figuur-___1.svg', 'figuur-___1.vl.json', 'doorlooptijden.svg', 'doorlooptijden.vl.json', 'index.html', 'rapport.html']);
  });
});
