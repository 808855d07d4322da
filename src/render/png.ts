/**
 * SVG → PNG with resvg, drawing text only with the DejaVu Sans that ships in assets/fonts: no
 * system fonts, so a PNG looks the same on every machine.
 */
import { fontFiles } from './svg.js';

/** Pixels per SVG unit: sharp enough for a printed page at the figure's width. */
const ZOOM = 2;

export async function renderPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = (await import('@resvg/resvg-js')).default;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: ZOOM },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [fontFiles.regular, fontFiles.bold],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}
