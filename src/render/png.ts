/**
 * SVG → PNG with resvg, drawing text only with the DejaVu Sans that ships in assets/fonts: no
 * system fonts, so a PNG looks the same on every machine. Its width is the figure's printed
 * width (16 cm, print-size.ts) at the dots per inch asked for, its height in proportion.
 */
import { DEFAULT_DPI, printedPixelWidth } from './print-size.js';
import { fontFiles } from './svg.js';

export async function renderPng(svg: string, dpi: number = DEFAULT_DPI): Promise<Uint8Array> {
  const { Resvg } = (await import('@resvg/resvg-js')).default;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: printedPixelWidth(dpi) },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [fontFiles.regular, fontFiles.bold],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  });
  return withResolution(new Uint8Array(resvg.render().asPng()), dpi);
}

/** Width and height in pixels, from the IHDR chunk a PNG starts with. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The PNG with a pHYs chunk after its header: `dpi` in pixels per metre, so Word, LibreOffice
 * and an image viewer place it at its printed width without being told (PNG spec, 11.3.5.3).
 */
function withResolution(png: Uint8Array, dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // unit: the metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  // Signature (8 bytes) and IHDR (4 length + 4 type + 13 data + 4 CRC) come first.
  const afterHeader = 8 + 25;
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, afterHeader), 0);
  out.set(chunk, afterHeader);
  out.set(png.subarray(afterHeader), afterHeader + chunk.length);
  return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as PNG chunks use it); zlib.crc32 is missing from older Node 20 releases. */
function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
