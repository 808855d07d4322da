/**
 * Every figure file of one run: per figure its SVG, its Vega-Lite spec and optionally a PNG, and
 * one HTML page with all of them. Plain data in, named contents out; the CLI writes them.
 */
import type { FigureResult, Results } from '../count/results.js';
import { messages, type Messages } from '../messages.js';
import { breakdownCsv } from './breakdown-csv.js';
import { breakdownSection } from './breakdown-html.js';
import { breakdownFileName, breakdownSpec } from './breakdown-spec.js';
import { figureSpec } from './figure-spec.js';
import { divergingSpec, withSegmentLabels, type BarLabels, type FigureLayout } from './layout-spec.js';
import { renderHtml } from './html.js';
import { LEAD_TIME_FILE, leadTimeSpec } from './lead-time-spec.js';
import { renderPng } from './png.js';
import { jsonText } from '../safe-text.js';
import { renderSvg, textWidth } from './svg.js';

export interface FigureFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

export interface FigureFileOptions {
  /** Also draw each figure as PNG (slower: resvg rasterises every SVG). */
  readonly png: boolean;
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
  return `figuur-${figure.id.replace(/[^0-9A-Za-z_-]/g, '_')}`;
}

/**
 * `figuur-N.svg`, `figuur-N.vl.json` (pretty JSON, trailing newline) and, with `png`,
 * `figuur-N.png` for every figure in Results order; `doorlooptijden.*` when the results have
 * lead times; then `index.html`.
 */
export async function renderFigureFiles(results: Results, options: FigureFileOptions): Promise<FigureFile[]> {
  const files: FigureFile[] = [];
  const svgs: string[] = [];
  for (const figure of results.figures) {
    const name = figureFileName(figure);
    const spec =
      options.layout === 'diverging'
        ? divergingSpec(figure, options.messages ?? messages.nl, textWidth, options.labels ?? 'count')
        : withSegmentLabels(figureFileSpec(figure, options.messages), figure, options.labels ?? 'count', textWidth);
    const svg = await renderSvg(spec);
    svgs.push(svg);
    files.push({ name: `${name}.svg`, content: svg }, { name: `${name}.vl.json`, content: `${jsonText(spec)}\n` });
    if (options.png) files.push({ name: `${name}.png`, content: await renderPng(svg) });
  }
  let leadTimeSvg: string | undefined;
  if (results.leadTimes !== undefined) {
    const spec = leadTimeSpec(results.leadTimes, options.messages ?? messages.nl, (text, fontSize) => textWidth(text, fontSize));
    leadTimeSvg = await renderSvg(spec);
    files.push({ name: `${LEAD_TIME_FILE}.svg`, content: leadTimeSvg }, { name: `${LEAD_TIME_FILE}.vl.json`, content: `${jsonText(spec)}\n` });
    if (options.png) files.push({ name: `${LEAD_TIME_FILE}.png`, content: await renderPng(leadTimeSvg) });
  }
  // Each breakdown: a figure per split figure, its CSV, and a section of the page.
  const m = options.messages ?? messages.nl;
  const sections: string[] = [];
  for (const breakdown of results.breakdowns ?? []) {
    const breakdownSvgs: string[] = [];
    for (const figureId of breakdown.figures) {
      const spec = breakdownSpec(results, breakdown, figureId, { messages: m, measureText: textWidth, labels: options.labels ?? 'percent' });
      const svg = await renderSvg(spec);
      breakdownSvgs.push(svg);
      const name = breakdownFileName(breakdown, figureId);
      files.push({ name: `${name}.svg`, content: svg }, { name: `${name}.vl.json`, content: `${jsonText(spec)}\n` });
      if (options.png) files.push({ name: `${name}.png`, content: await renderPng(svg) });
    }
    files.push({ name: `${breakdownFileName(breakdown, '').replace(/-figuur-$/, '')}.csv`, content: breakdownCsv(results, breakdown, m) });
    sections.push(breakdownSection(results, breakdown, breakdownSvgs, m));
  }
  files.push({ name: 'index.html', content: renderHtml(results, svgs, options.messages, leadTimeSvg, sections) });
  return files;
}
