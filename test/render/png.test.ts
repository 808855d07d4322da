import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { figureFileSpec } from '../../src/render/figures.js';
import { renderPng } from '../../src/render/png.js';
import { renderSvg } from '../../src/render/svg.js';
import { fixtureResults } from './fixture-results.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The chunks of a PNG, read apart from the code that wrote them. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    found.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const header = chunks(png)[0];
  expect(header?.type).toBe('IHDR');
  const view = new DataView(header!.data.buffer, header!.data.byteOffset, 8);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

async function figure8Svg(): Promise<string> {
  const figure = (await fixtureResults()).figures.find((candidate) => candidate.id === '8');
  if (figure === undefined) throw new Error('no figure 8');
  return renderSvg(figureFileSpec(figure));
}

describe('renderPng', () => {
  // Printed width 16 cm (A4, 2.5 cm margins). By hand: 300 × 16 / 2.54 = 1889.76 → 1890 px;
  // 150 dpi: 944.88 → 945; 600 dpi: 3779.53 → 3780. pHYs per metre: 300 / 0.0254 = 11811.02 → 11811.
  it.each([
    [300, 1890, 11811],
    [150, 945, 5906],
    [600, 3780, 23622],
  ])('figure 8 at %i dpi: %i px wide (dpi × 16 cm), height in proportion, pHYs %i per metre', async (dpi, width, perMetre) => {
    const svg = await figure8Svg();
    const png = await renderPng(svg, dpi);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const svgHeight = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const size = pngSize(png);
    expect(size.width).toBe(width);
    expect(Math.abs(size.height - (svgHeight * width) / svgWidth)).toBeLessThanOrEqual(1);
    const phys = chunks(png).find((chunk) => chunk.type === 'pHYs');
    expect(phys).toBeDefined();
    const view = new DataView(phys!.data.buffer, phys!.data.byteOffset, 9);
    expect([view.getUint32(0), view.getUint32(4), view.getUint8(8)]).toEqual([perMetre, perMetre, 1]);
    // The image data is intact after the inserted chunk.
    const data = Buffer.concat(chunks(png).filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data));
    expect(inflateSync(data).length).toBeGreaterThan(width * size.height);
  });

  it('is a PNG Python reads: the chunk CRCs hold and the resolution is 300 dpi', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cj-png-'));
    try {
      writeFileSync(join(dir, 'f.png'), await renderPng(await figure8Svg()));
      // An independent reader: zlib.crc32 of every chunk, and pHYs as dots per inch.
      const script = [
        'import struct, sys, zlib',
        'b = open(sys.argv[1], "rb").read(); i = 8; out = []',
        'while i < len(b):',
        '    n, = struct.unpack(">I", b[i:i+4]); t = b[i+4:i+8]; d = b[i+8:i+8+n]; c, = struct.unpack(">I", b[i+8+n:i+12+n])',
        '    assert zlib.crc32(t + d) == c, t',
        '    if t == b"pHYs": out.append(round(struct.unpack(">I", d[:4])[0] * 0.0254))',
        '    i += 12 + n',
        'print(out[0])',
      ].join('\n');
      expect(execFileSync('python3', ['-c', script, join(dir, 'f.png')], { encoding: 'utf8' }).trim()).toBe('300');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws the same pixels every time (fonts from assets/fonts only)', async () => {
    const figure = (await fixtureResults()).figures[0];
    if (figure === undefined) throw new Error('no figure');
    const svg = await renderSvg(figureFileSpec(figure));
    expect(Buffer.from(await renderPng(svg)).equals(Buffer.from(await renderPng(svg)))).toBe(true);
  });
});
