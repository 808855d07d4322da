/**
 * rapport.html: the page to publish, from the same run as the analyst's index.html. It holds
 * the figures, their tables, footnotes, the grade, the tracks reported apart, the lead times and
 * a note on method; never a respondent code, a file name or hash, or a notice meant for the
 * analyst. Printed, it fills A4 pages with a 16 cm text width (the width PNGs are made for),
 * keeps each figure with its table, and puts the study's name and the page number in the footer.
 */
import type { FigureResult, Results } from '../count/results.js';
import type { Messages } from '../messages.js';
import { BASE_CSS, countsTable, escapeHtml, figureChart, gradeSection, htmlDocument, leadTimeSection, maskedTables, youthSections, type TableStyle } from './html.js';
import { PRINTED_WIDTH_CM } from './print-size.js';
import { safeText } from '../safe-text.js';

export interface RapportOptions {
  readonly messages: Messages;
  /** The lead-time figure, when the results have lead times. */
  readonly leadTimeSvg?: string;
  /**
   * Small-cell masking for publication (--suppress): every count from 1 to `suppressBelow` − 1 in
   * the tables shows as "<suppressBelow", with a note saying so. The figures passed in are drawn
   * by the caller; with masking on they must be drawn from masked results as well.
   */
  readonly suppressBelow?: number;
  /** Sections drawn elsewhere (the breakdowns, masked under --suppress), after the lead times. */
  readonly sections?: readonly string[];
}

/**
 * A CSS string literal: controls and direction overrides neutralised (safeText), quotes and
 * backslashes escaped, `<` `>` `&` written as escapes so no text can close the style element.
 */
export function cssString(text: string): string {
  return `"${[...safeText(text)].map((character) => (/["\\<>&\n\r\f]/.test(character) ? `\\${(character.codePointAt(0) ?? 0).toString(16)} ` : character)).join('')}"`;
}

/** Page layout for print: A4, 2.5 cm side margins (16 cm text), the footer in the margin boxes. */
function printCss(results: Results, m: Messages): string {
  const side = (21 - PRINTED_WIDTH_CM) / 2;
  return `
@page {
  size: A4;
  margin: 18mm ${side}cm 20mm;
  @bottom-left { content: ${cssString(results.survey.name)}; font: 8pt DejaVu Sans, Arial, sans-serif; color: #4d4d4d; }
  @bottom-right { content: ${cssString(m.report.pageNumber)} " " counter(page) " " ${cssString(m.report.pageOf)} " " counter(pages); font: 8pt DejaVu Sans, Arial, sans-serif; color: #4d4d4d; }
}
body { max-width: ${PRINTED_WIDTH_CM + 2}cm; }
.figure-block { margin: 0 0 2rem; break-inside: avoid; page-break-inside: avoid; }
.figure-block .figure { margin: 0; }
.figure-block .chart svg { width: var(--chart-width, 100%); }
.figure-block table.counts { width: 100%; font-size: 0.8rem; }
.figure-block table.counts th, .figure-block table.counts td { padding: 0.15rem 0.4rem; }
/* Category names wrap between words only, each under its own swatch. */
.figure-block table.counts thead th { white-space: normal; hyphens: none; vertical-align: bottom; }
.figure-block table.counts tbody td { white-space: nowrap; }
.figure-block table.counts tbody th { width: 50%; }
.lead-times table { font-size: 0.8rem; }
.lead-times th[scope="row"] { min-width: 12em; }
.lead-times-chart svg { width: 100%; }
tr { break-inside: avoid; page-break-inside: avoid; }
/* Long sections may run on to the next page; what belongs together is kept together inside them. */
section.lead-times, section.youth { break-inside: auto; page-break-inside: auto; }
.lead-times td.text { font-size: 0.75rem; }
.method p { font-size: 0.9rem; margin: 0.25rem 0; }
@media print {
  html, body { font-size: 10pt; }
  body { max-width: none; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12pt; margin-top: 1rem; }
  .figure-block { margin: 0 0 0.8cm; }
}
`;
}

/** No chart is printed taller than this, so a figure with its table stays within about half a page. */
const MAX_CHART_HEIGHT_CM = 12;

/**
 * The printed width of a chart: the text width, or less where that would make it taller than
 * MAX_CHART_HEIGHT_CM (many bars): a figure that fills a page pushes the next one on and leaves
 * the page before it near-empty.
 */
export function chartWidthCm(svg: string): number {
  const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)?.[1]);
  if (!(width > 0 && height > 0)) return PRINTED_WIDTH_CM;
  return Math.min(PRINTED_WIDTH_CM, Math.floor(((MAX_CHART_HEIGHT_CM * width) / height) * 10) / 10);
}

function figureBlock(figure: FigureResult, svg: string, m: Messages, style: TableStyle): string {
  const name = `${m.figure} ${figure.id}`;
  const width = chartWidthCm(svg);
  return [
    `<section class="figure-block" id="figuur-${escapeHtml(figure.id)}"${width < PRINTED_WIDTH_CM ? ` style="--chart-width:${width}cm"` : ''}>`,
    `<figure class="figure" aria-label="${escapeHtml(`${name}: ${figure.title}`)}">`,
    ...figureChart(figure, svg, m),
    '</figure>',
    countsTable(figure, m, style),
    '</section>',
  ].join('\n');
}

function methodSection(results: Results, m: Messages): string {
  const sentences = m.report.method(
    results.input.respondents,
    results.youth.map((track) => track.label),
  );
  return [
    '<section class="method" id="werkwijze">',
    `<h2>${escapeHtml(m.report.methodTitle)}</h2>`,
    `<p>${sentences.map(escapeHtml).join(' ')}</p>`,
    `<p>${escapeHtml(m.page.generatedBy(results.cj.version))}</p>`,
    '</section>',
  ].join('\n');
}

/** The publication page; `svgs[i]` is the SVG of `results.figures[i]`. */
export function renderRapport(results: Results, svgs: readonly string[], options: RapportOptions): string {
  const m = options.messages;
  const style = maskedTables(options.suppressBelow ?? 0, m);
  const body = [
    `<h1>${escapeHtml(results.survey.name)}</h1>`,
    options.suppressBelow === undefined ? '' : `<p class="table-note">${escapeHtml(m.report.maskedNote(options.suppressBelow))}</p>`,
    ...results.figures.map((figure, index) => figureBlock(figure, svgs[index] ?? '', m, style)),
    // The lead times are a figure with its table too: they follow the figures, before the grade.
    leadTimeSection(results, options.leadTimeSvg, m),
    ...(options.sections ?? []),
    gradeSection(results, m),
    ...youthSections(results, m, style),
    methodSection(results, m),
  ].filter((part) => part !== '');
  return htmlDocument(results.survey.name, m, BASE_CSS + printCss(results, m), body);
}
