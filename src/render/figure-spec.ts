/**
 * One figure of the report as a Vega-Lite spec: horizontal stacked bars, one per bar label, the
 * count printed inside each segment, the x axis in respondents from 0 to N. The data are written
 * into the spec, so a `figuur-N.vl.json` opens as it is in the Vega editor.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { NonNormalizedSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { CategoryResult, FigureResult } from '../count/results.js';
import { messages } from '../messages.js';
import { rgbOf } from '../color.js';
import { safeStrings } from '../safe-text.js';

/** The words a figure prints besides the data; the figures follow the survey's language. */
export interface FigureTexts {
  /** "Figuur", before the figure's id in the title. */
  readonly figure: string;
  /** Title of the x axis. */
  readonly respondentsAxis: string;
}

export const figureTextsNl: FigureTexts = { figure: messages.nl.figure, respondentsAxis: messages.nl.respondentsAxis };

/** Width in pixels of one line of text at a font size, as the figure's font draws it. */
export type MeasureText = (text: string, fontSize: number) => number;

export interface FigureSpecOptions {
  readonly texts?: FigureTexts;
  /** Lays out the footnote and decides which counts fit; default: 0.6 em a character. */
  readonly measureText?: MeasureText;
}

const estimateWidth: MeasureText = (text, fontSize) => [...text].length * 0.6 * fontSize;

/** Fonts found on every desktop and in the font cj ships for PNGs (assets/fonts). */
export const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
export const BACKGROUND = '#ffffff';
const TEXT_DARK = '#000000';
export const TEXT_MAIN = '#1a1a1a';
const TEXT_MUTED = '#333333';
const TEXT_LIGHT = '#ffffff';
/** Outline for segments too close to the background to show their own edge (n.v.t. #f2f2f2). */
const OUTLINE = '#8c8c8c';
const OUTLINE_BELOW_CONTRAST = 1.5;

/** Width of the plot area of every cj figure, report or comparison. */
export const PLOT_WIDTH = 420;
const BAR_STEP = 34;
/** Bar labels wrap at this width, so a long statement does not squeeze the bars. */
const LABEL_MAX_WIDTH = 240;
const LABEL_LINE_HEIGHT = 14;
/** Between the lines of a wrapped bar label; the axis splits its labels here. */
const LINE_BREAK = '\n';
const COUNT_FONT_SIZE = 11;
const BAR_LABEL_FONT_SIZE = 12;
const BAR_LABEL_PADDING = 8;
export const FOOTNOTE_FONT_SIZE = 10;
const FOOTNOTE_LINE_HEIGHT = 13;

/** WCAG 2 relative luminance of an sRGB hex colour. */
export function relativeLuminance(color: string): number {
  const [r, g, b] = rgbOf(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on the fill. */
export function textColorOn(fill: string): string {
  return contrastRatio(fill, TEXT_DARK) >= contrastRatio(fill, TEXT_LIGHT) ? TEXT_DARK : TEXT_LIGHT;
}

/** Breaks text at spaces into lines that `fits` accepts (a word too long for a line stays whole). */
export function wrapText(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && !fits(`${line} ${word}`)) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** One segment of one bar: the row of the spec's inline data. */
/** The fields of one segment that segmentLayers draws: every cj bar chart's data rows have them. */
export interface SegmentFields {
  readonly bar: string;
  readonly barOrder: number;
  readonly category: string;
  readonly categoryOrder: number;
  readonly count: number;
  /** Where the segment starts and ends on the x axis. */
  readonly start: number;
  readonly end: number;
  readonly middle: number;
  /** Whether the count fits inside the segment; an empty segment shows none. */
  readonly countShown: boolean;
  readonly textColor: string;
  readonly outlined: boolean;
  /** What a screen reader says for the segment. */
  readonly description: string;
}

export interface SegmentDatum extends SegmentFields {
  readonly percentage: number;
}

/**
 * Bar labels as the y axis shows them: the bar's full statement where the definition gives one
 * (`De medewerkers leefden zich in mijn situatie in`, not `inleven`), else its label, broken into
 * lines of at most LABEL_MAX_WIDTH (joined with a line break, split again by the axis). A bar
 * whose own n differs from the figure's N shows its n (DATA-CONTRACT rule 4). Two bars of one
 * figure with the same label would be drawn as one, so a repeated label gets its column added.
 */
function barLabels(figure: FigureResult, measure: MeasureText): string[] {
  const seen = new Map<string, number>();
  const shown = figure.bars.map((bar) => bar.text ?? bar.label);
  for (const label of shown) seen.set(label, (seen.get(label) ?? 0) + 1);
  return figure.bars.map((bar, index) => {
    const text = shown[index] ?? bar.label;
    const label = (seen.get(text) ?? 0) > 1 ? `${text} (${bar.column})` : text;
    const withN = bar.n === figure.N ? label : `${label} (n=${bar.n})`;
    return wrapText(withN, (line) => measure(line, BAR_LABEL_FONT_SIZE) <= LABEL_MAX_WIDTH).join(LINE_BREAK);
  });
}

/**
 * How a segment is drawn: whether its count fits inside (3 px of fill either side), the text
 * colour legible on its fill, and whether it needs an outline to stand out from the background.
 * `share` is the segment's part of the plot width (0–1).
 */
export function segmentStyle(count: number, share: number, color: string, measure: MeasureText): { countShown: boolean; textColor: string; outlined: boolean } {
  return {
    countShown: count > 0 && share * PLOT_WIDTH >= measure(String(count), COUNT_FONT_SIZE) + 6,
    textColor: textColorOn(color),
    outlined: contrastRatio(color, BACKGROUND) < OUTLINE_BELOW_CONTRAST,
  };
}

export function segmentData(figure: FigureResult, measure: MeasureText = estimateWidth): SegmentDatum[] {
  const N = Math.max(figure.N, 1);
  const labels = barLabels(figure, measure);
  return figure.bars.flatMap((bar, barOrder) => {
    let start = 0;
    return figure.categories.map((category: CategoryResult, categoryOrder) => {
      const count = bar.counts[category.key] ?? 0;
      const percentage = bar.percentages[category.key] ?? 0;
      const end = start + count;
      const label = labels[barOrder] ?? bar.label;
      const datum: SegmentDatum = {
        bar: label,
        barOrder,
        category: category.label,
        categoryOrder,
        count,
        percentage,
        start,
        end,
        middle: (start + end) / 2,
        ...segmentStyle(count, count / N, category.color, measure),
        description: `${label.split(LINE_BREAK).join(' ')}, ${category.label}: ${count} (${percentage}%)`,
      };
      start = end;
      return datum;
    });
  });
}

/**
 * The Vega-Lite spec of one figure as the report draws it.
 *
 * Segments follow `figure.categories`: Negatief, Neutraal, Positief, then n.v.t. where the
 * figure shows it. Figure 8's legend in the report reads "(helemaal) mee eens / neutraal /
 * (helemaal) mee oneens"; we keep the order the Results give (oneens, neutraal, eens), so that
 * in every figure the negative answers are on the left and the positive ones on the right.
 */
export function figureSpec(unsafe: FigureResult, options: FigureSpecOptions = {}): TopLevelSpec {
  // Every text of the figure ends in SVG, where XML 1.0 forbids most controls even escaped.
  const figure = safeStrings(unsafe);
  const texts = options.texts ?? figureTextsNl;
  const measure = options.measureText ?? estimateWidth;
  const N = Math.max(figure.N, 1);
  // The footnote starts under the bar labels, at the figure's left edge like the title.
  const labels = barLabels(figure, measure);
  const labelLines = labels.map((label) => label.split(LINE_BREAK));
  // Every figure gets the same gutter (wider only for a word longer than a line), so all figures
  // are equally wide and print at one scale: the same text size on the page and in every PNG.
  const labelGutter = Math.max(LABEL_MAX_WIDTH, ...labelLines.flat().map((line) => measure(line, BAR_LABEL_FONT_SIZE))) + BAR_LABEL_PADDING;
  // A bar is tall enough for its label's lines, and every bar of a figure as tall as the tallest.
  const barStep = Math.max(BAR_STEP, Math.max(...labelLines.map((lines) => lines.length)) * LABEL_LINE_HEIGHT + 16);
  const footnoteWidth = labelGutter + PLOT_WIDTH;
  const footnoteLines = figure.footnote === null ? [] : wrapText(figure.footnote, (line) => measure(line, FOOTNOTE_FONT_SIZE) <= footnoteWidth);
  const chart: NonNormalizedSpec = {
    width: PLOT_WIDTH,
    height: { step: barStep },
    encoding: {
      y: {
        field: 'bar',
        type: 'nominal',
        // Sorting by a number, not by a list of labels: labels never enter an expression.
        sort: { field: 'barOrder', op: 'min' },
        title: null,
        axis: {
          domain: false,
          ticks: false,
          labelLimit: 0,
          labelPadding: BAR_LABEL_PADDING,
          labelFontSize: BAR_LABEL_FONT_SIZE,
          labelLineHeight: LABEL_LINE_HEIGHT,
          // One fixed expression: a label is only ever data to it, split where barLabels broke it.
          labelExpr: "split(datum.label, '\\n')",
          minExtent: labelGutter,
        },
        scale: { paddingInner: 0.3, paddingOuter: 0.15 },
      },
    },
    layer: segmentLayers(figure.categories, { domain: [0, N], title: texts.respondentsAxis, tickMinStep: 1 }),
  };
  const footnote = footnoteLines.length === 0 ? [] : [footnoteBlock(footnoteLines, labelGutter)];
  return figureFrame({
    description: `${texts.figure} ${figure.id}: ${figure.title}`,
    title: { text: `${texts.figure} ${figure.id}`, subtitle: figure.title },
    values: segmentData(figure, measure),
    parts: [chart, ...footnote],
  });
}

/**
 * The two layers of every cj bar chart: the coloured segments with their legend, and the counts
 * printed inside the segments that have room. Data fields: start, end, middle, count, category,
 * categoryOrder, countShown, textColor, outlined (and description where a reader needs one).
 */
export function segmentLayers(
  categories: readonly CategoryResult[],
  x: { readonly domain: [number, number]; readonly title: string; readonly tickMinStep?: number; readonly values?: number[] },
): NonNullable<Extract<NonNormalizedSpec, { layer: unknown }>['layer']> {
  const axis = {
    title: x.title,
    ...(x.tickMinStep === undefined ? {} : { tickMinStep: x.tickMinStep }),
    ...(x.values === undefined ? {} : { values: x.values }),
    format: 'd',
    grid: true,
    gridColor: '#e6e6e6',
  };
  return [
    {
      transform: [{ filter: { field: 'count', gt: 0 } }],
      mark: { type: 'bar', strokeWidth: 1 },
      encoding: {
        x: {
          field: 'start',
          type: 'quantitative',
          scale: { domain: x.domain, nice: false, zero: true },
          axis,
        },
        x2: { field: 'end' },
        color: {
          field: 'category',
          type: 'nominal',
          scale: { domain: categories.map((category) => category.label), range: categories.map((category) => category.color) },
          legend: {
            orient: 'bottom',
            direction: 'horizontal',
            title: null,
            symbolType: 'square',
            symbolSize: 120,
            symbolStrokeColor: OUTLINE,
            symbolStrokeWidth: 0.5,
            labelFontSize: 11,
            labelLimit: 0,
            columnPadding: 16,
          },
        },
        stroke: { condition: { test: { field: 'outlined', equal: true }, value: OUTLINE }, value: null },
        order: { field: 'categoryOrder' },
        description: { field: 'description' },
      },
    },
    {
      transform: [{ filter: { field: 'countShown', equal: true } }],
      // The bar segment already tells a screen reader its count.
      mark: { type: 'text', fontSize: COUNT_FONT_SIZE, baseline: 'middle', align: 'center', aria: false },
      encoding: {
        x: { field: 'middle', type: 'quantitative' },
        text: { field: 'count', type: 'quantitative' },
        color: { field: 'textColor', type: 'nominal', scale: null },
      },
    },
  ];
}

/** Footnote lines under a chart, starting at the figure's left edge (`offset` left of the plot). */
export function footnoteBlock(lines: readonly string[], offset: number): NonNormalizedSpec {
  return {
    width: PLOT_WIDTH,
    height: lines.length * FOOTNOTE_LINE_HEIGHT,
    data: { values: [{}] },
    mark: {
      type: 'text',
      text: [...lines],
      align: 'left',
      baseline: 'top',
      fontSize: FOOTNOTE_FONT_SIZE,
      lineHeight: FOOTNOTE_LINE_HEIGHT,
      color: TEXT_MUTED,
    },
    encoding: { x: { value: -offset }, y: { value: 0 } },
  };
}

/** A whole cj figure: title and subtitle, inline data, the parts stacked, the house style. */
export function figureFrame(figure: {
  readonly description: string;
  readonly title: { readonly text: string; readonly subtitle: string | string[] };
  readonly values: readonly object[];
  readonly parts: NonNormalizedSpec[];
}): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: figure.description,
    title: { text: figure.title.text, subtitle: figure.title.subtitle },
    data: { values: [...figure.values] },
    background: BACKGROUND,
    padding: 12,
    vconcat: figure.parts,
    // The legend belongs under the bars, above the footnote.
    resolve: { legend: { color: 'independent' } },
    spacing: 16,
    config: {
      font: FONT_FAMILY,
      view: { stroke: null },
      axis: { labelColor: TEXT_MAIN, titleColor: TEXT_MAIN, labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
      legend: { labelColor: TEXT_MAIN },
      title: { anchor: 'start', color: TEXT_MAIN, fontSize: 15, subtitleFontSize: 12, subtitleColor: TEXT_MAIN, subtitlePadding: 4, offset: 14 },
    },
  };
}
