import { describe, expect, it } from 'vitest';
import { figureFileSpec } from '../../src/render/figures.js';
import { renderPng } from '../../src/render/png.js';
import { renderSvg } from '../../src/render/svg.js';
import { fixtureResults } from './fixture-results.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which a PNG must start with. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('renderPng', () => {
  it('figure 8 as PNG: the signature, twice the SVG size, a plausible file size', async () => {
    const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === '8');
    if (figure === undefined) throw new Error('no figure 8');
    const svg = await renderSvg(figureFileSpec(figure));
    const png = await renderPng(svg);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const svgHeight = Number(/height="(\d+)"/.exec(svg)?.[1]);
    expect(pngSize(png)).toEqual({ width: svgWidth * 2, height: svgHeight * 2 });
    expect(png.byteLength).toBeGreaterThan(20_000);
    expect(png.byteLength).toBeLessThan(500_000);
  });

  it('draws the same pixels every time (fonts from assets/fonts only)', async () => {
    const figure = (await fixtureResults()).figures[0];
    if (figure === undefined) throw new Error('no figure');
    const svg = await renderSvg(figureFileSpec(figure));
    expect(Buffer.from(await renderPng(svg)).equals(Buffer.from(await renderPng(svg)))).toBe(true);
  });
});
