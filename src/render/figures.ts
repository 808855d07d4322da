/**
 * Every figure file of one run: per figure its SVG, its Vega-Lite spec and optionally a PNG, and
 * one HTML page with all of them. Plain data in, named contents out; the CLI writes them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FigureResult, Results } from '../count/results.js';
import { messages, type Messages } from '../messages.js';
import { breakdownCsv } from './breakdown-csv.js';
import { breakdownSection } from './breakdown-html.js';
import { breakdownBaseName, breakdownFileName, breakdownSpec } from './breakdown-spec.js';
import { figureSpec } from './figure-spec.js';
import { divergingSpec, withSegmentLabels, type BarLabels, type FigureLayout } from './layout-spec.js';
import { renderHtml } from './html.js';
import { LEAD_TIME_FILE, leadTimeSpec } from './lead-time-spec.js';
import { pngSize, renderPng } from './png.js';
import { renderRapport } from './rapport.js';
import { jsonText } from '../safe-text.js';
import { renderSvg, textWidth } from './svg.js';
import { fileNamePart } from './file-name.js';

export interface FigureFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

export interface FigureFileOptions {
  /** Also draw each figure as PNG (slower: resvg rasterises every SVG). */
  readonly png: boolean;
  /** Dots per inch of the PNGs at the figure's printed width (16 cm); 300 when absent. */
  readonly dpi?: number;
  /** Also write rapport.docx, the publication page as a Word document (its figures as PNGs). */
  readonly docx?: boolean;
  /** Texts around the figures (titles, axis, the page); Dutch, the report's language, by default. */
  readonly messages?: Messages;
  /** What the segments say (--labels): the report's figures counts, breakdowns percentages by default. */
  readonly labels?: BarLabels;
  /** --layout: the report's stacked bars, or diverging around neutral. */
  readonly layout?: FigureLayout;
}

/** The spec of a figure as the files hold it: laid out with the metrics of the shipped font. */
export function figureFileSpec(figure: FigureResult, m: Messages = messages.nl): ReturnType<typeof figureSpec> {
  return figureSpec(figure, {
    texts: { figure: m.figure, respondentsAxis: m.respondentsAxis },
    measureText: (text, fontSize) => textWidth(text, fontSize),
  });
}

/** The base name of a figure's files: `figuur-1` for figure "1". */
export function figureFileName(figure: FigureResult): string {
  // Figure ids come from a user's definition: keep them from naming a path outside out/.
  return `figuur-${fileNamePart(figure.id)}`;
}

/**
 * One figure's files from its spec: `<name>.svg`, `<name>.vl.json` (pretty JSON, trailing
 * newline) and, with `png`, `<name>.png`; and its SVG for the page.
 */
export async function specFiles(
  name: string,
  spec: TopLevelSpec,
  png: boolean,
  raster: { readonly dpi?: number; readonly always?: boolean } = {},
): Promise<{ files: FigureFile[]; svg: string; png?: Uint8Array }> {
  const svg = await renderSvg(spec);
  const files: FigureFile[] = [{ name: `${name}.svg`, content: svg }, { name: `${name}.vl.json`, content: `${jsonText(spec)}\n` }];
  // The PNG is drawn once: for --png, or when another file (the Word document) needs it.
  if (!png && raster.always !== true) return { files, svg };
  const image = await renderPng(svg, raster.dpi);
  if (png) files.push({ name: `${name}.png`, content: image });
  return { files, svg, png: image };
}

/**
 * `figuur-N.svg`, `figuur-N.vl.json` (pretty JSON, trailing newline) and, with `png`,
 * `figuur-N.png` for every figure in Results order; `doorlooptijden.*` when the results have
 * lead times; then `index.html` (the analyst's page) and `rapport.html` (the page to publish);
 * with `docx`, `rapport.docx`.
 */
export async function renderFigureFiles(results: Results, options: FigureFileOptions): Promise<FigureFile[]> {
  const m = options.messages ?? messages.nl;
  const files: FigureFile[] = [];
  const svgs: string[] = [];
  const pngs: Uint8Array[] = [];
  // The Word document needs every figure as PNG, --png or not; each is drawn once.
  const raster = { ...(options.dpi === undefined ? {} : { dpi: options.dpi }), always: options.docx === true };
  for (const figure of results.figures) {
    const spec =
      options.layout === 'diverging'
        ? divergingSpec(figure, m, textWidth, options.labels ?? 'count')
        : withSegmentLabels(figureFileSpec(figure, m), figure, options.labels ?? 'count', textWidth);
    const drawn = await specFiles(figureFileName(figure), spec, options.png, raster);
    svgs.push(drawn.svg);
    files.push(...drawn.files);
    if (drawn.png !== undefined) pngs.push(drawn.png);
  }
  let leadTimeSvg: string | undefined;
  let leadTimePng: Uint8Array | undefined;
  if (results.leadTimes !== undefined) {
    const drawn = await specFiles(LEAD_TIME_FILE, leadTimeSpec(results.leadTimes, m, (text, fontSize) => textWidth(text, fontSize)), options.png, raster);
    leadTimeSvg = drawn.svg;
    leadTimePng = drawn.png;
    files.push(...drawn.files);
  }
  // Each breakdown: a figure per split figure, its CSV, and a section of the pages.
  const sections: string[] = [];
  for (const breakdown of results.breakdowns ?? []) {
    const breakdownSvgs: string[] = [];
    for (const figureId of breakdown.figures) {
      const spec = breakdownSpec(results, breakdown, figureId, { messages: m, measureText: textWidth, labels: options.labels ?? 'percent' });
      const drawn = await specFiles(breakdownFileName(breakdown, figureId), spec, options.png, raster);
      breakdownSvgs.push(drawn.svg);
      files.push(...drawn.files);
    }
    files.push({ name: `${breakdownBaseName(breakdown)}.csv`, content: breakdownCsv(results, breakdown, m) });
    sections.push(breakdownSection(results, breakdown, breakdownSvgs, m));
  }
  files.push(
    { name: 'index.html', content: renderHtml(results, svgs, m, leadTimeSvg, sections) },
    { name: 'rapport.html', content: renderRapport(results, svgs, { messages: m, sections, ...(leadTimeSvg === undefined ? {} : { leadTimeSvg }) }) },
  );
  if (options.docx === true) {
    // docx loads only here: a run without --docx never pays for it.
    const { renderDocx } = await import('./docx.js');
    const figure = (png: Uint8Array): { png: Uint8Array; width: number; height: number } => ({ png, ...pngSize(png) });
    const content = await renderDocx(results, {
      messages: m,
      figures: pngs.map(figure),
      ...(leadTimePng === undefined ? {} : { leadTimes: figure(leadTimePng) }),
    });
    files.push({ name: 'rapport.docx', content });
  }
  return files;
}
