/**
 * The presentation options of the report's figures: what the numbers inside the segments say
 * (--labels) and the diverging layout (--layout diverging), centred on the neutral category with
 * n.v.t. apart, beside the report's stacked layout (figure-spec.ts, which stays as it is).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { NonNormalizedSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { FigureResult } from '../count/results.js';
import type { Messages } from '../messages.js';
import { safeStrings } from '../safe-text.js';
import { largestRemainder } from '../stats/largest-remainder.js';
import { figureFrame, footnoteBlock, FOOTNOTE_FONT_SIZE, PLOT_WIDTH, segmentData, segmentLayers, segmentStyle, wrapText, type MeasureText } from './figure-spec.js';

export type FigureLayout = 'stacked' | 'diverging';

/** What a segment's number says: --labels. */
export type BarLabels = 'percent' | 'count' | 'both';

/** The figure-spec's count font size, so numbers inside segments look alike in every figure. */
export const LABEL_FONT_SIZE = 11;

/** The text inside a segment, as --labels asks. */
export function segmentText(count: number, percentage: number, labels: BarLabels): string {
  return labels === 'count' ? String(count) : labels === 'percent' ? `${percentage}%` : `${count} (${percentage}%)`;
}
const BAR_STEP = 34;

/**
 * The y encoding of a cj bar chart: one band per `field`, in the order of `orderField` (a number,
 * so no label enters an expression), labels in full at the report's size.
 */
export function barAxis(field: string, orderField: string, scale: { readonly paddingInner: number; readonly paddingOuter: number }): object {
  return {
    field,
    type: 'nominal',
    sort: { field: orderField, op: 'min' },
    title: null,
    axis: { domain: false, ticks: false, labelLimit: 0, labelPadding: 8, labelFontSize: 12 },
    scale,
  };
}

/** The text layer of a bar chart, printing the datum's `text` where `textShown`. */
export function textLayer(): NonNormalizedSpec {
  return {
    transform: [{ filter: { field: 'textShown', equal: true } }],
    mark: { type: 'text', fontSize: LABEL_FONT_SIZE, baseline: 'middle', align: 'center', aria: false },
    encoding: {
      x: { field: 'middle', type: 'quantitative' },
      text: { field: 'text', type: 'nominal' },
      color: { field: 'textColor', type: 'nominal', scale: null },
    },
  } as NonNormalizedSpec;
}

/**
 * The report's stacked figure with `labels` inside the segments: the data gain a `text` (and
 * whether it fits), and the count layer prints it. `count` is the report's own and left as is.
 */
export function withSegmentLabels(spec: TopLevelSpec, figure: FigureResult, labels: BarLabels, measure: MeasureText): TopLevelSpec {
  if (labels === 'count') return spec;
  const N = Math.max(figure.N, 1);
  const data = segmentData(safeStrings(figure), measure).map((datum) => {
    const text = segmentText(datum.count, datum.percentage, labels);
    return { ...datum, text, textShown: datum.count > 0 && (datum.count / N) * PLOT_WIDTH >= measure(text, LABEL_FONT_SIZE) + 6 };
  });
  const frame = spec as unknown as { vconcat: { layer?: unknown[] }[] };
  const [chart, ...rest] = frame.vconcat;
  const layer = chart?.layer ?? [];
  return { ...spec, data: { values: data }, vconcat: [{ ...chart, layer: [layer[0], textLayer()] }, ...rest] } as unknown as TopLevelSpec;
}

/**
 * A figure as a diverging bar chart: per bar the answers with an opinion as 100%, the negative
 * categories left of zero, the positive right, the middle (neutral) category of an odd scale
 * across zero; n.v.t. is no opinion and stands apart, after the bar's label.
 */
export function divergingSpec(unsafe: FigureResult, m: Messages, measure: MeasureText, labels: BarLabels): TopLevelSpec {
  const figure = safeStrings(unsafe);
  const notApplicable = figure.showNotApplicable ? figure.categories[figure.categories.length - 1] : undefined;
  const categories = figure.categories.filter((category) => category !== notApplicable);
  const middle = categories.length % 2 === 1 ? (categories.length - 1) / 2 : -1;
  const values: object[] = [];
  const barLabels = figure.bars.map((bar) => {
    const apart = notApplicable === undefined ? 0 : (bar.counts[notApplicable.key] ?? 0);
    return apart === 0 ? bar.label : `${bar.label} (${notApplicable?.label ?? ''}: ${apart})`;
  });
  figure.bars.forEach((bar, barOrder) => {
    const counts = categories.map((category) => bar.counts[category.key] ?? 0);
    const n = counts.reduce((sum, count) => sum + count, 0);
    if (n === 0) return;
    const shares = counts.map((count) => (100 * count) / n);
    const whole = largestRemainder(counts);
    const half = categories.length / 2;
    // The left edge: every category before the middle, and half of the middle one.
    let start = -shares.reduce((sum, share, index) => sum + (index < Math.floor(half) ? share : index === middle ? share / 2 : 0), 0);
    categories.forEach((category, categoryOrder) => {
      const count = counts[categoryOrder] ?? 0;
      const share = shares[categoryOrder] ?? 0;
      const text = segmentText(count, whole[categoryOrder] ?? 0, labels);
      values.push({
        bar: barLabels[barOrder],
        barOrder,
        category: category.label,
        categoryOrder,
        count,
        start,
        end: start + share,
        middle: start + share / 2,
        text,
        textShown: count > 0 && (share / 200) * PLOT_WIDTH >= measure(text, LABEL_FONT_SIZE) + 6,
        ...(({ textColor, outlined }) => ({ textColor, outlined }))(segmentStyle(count, share / 200, category.color, measure)),
        description: `${barLabels[barOrder] ?? ''}, ${category.label}: ${text}`,
      });
      start += share;
    });
  });
  const gutter = Math.max(...barLabels.map((label) => measure(label, 12)), 0) + 8;
  const [bars] = segmentLayers(categories, { domain: [-100, 100], title: m.percentAxis, values: [-100, -50, 0, 50, 100] });
  const chart = {
    width: PLOT_WIDTH,
    height: { step: BAR_STEP },
    encoding: {
      y: barAxis('bar', 'barOrder', { paddingInner: 0.3, paddingOuter: 0.15 }),
    },
    layer: [
      bars,
      textLayer(),
    ],
  } as unknown as NonNormalizedSpec;
  const footnoteLines = figure.footnote === null ? [] : wrapText(figure.footnote, (line) => measure(line, FOOTNOTE_FONT_SIZE) <= gutter + PLOT_WIDTH);
  const spec = figureFrame({
    description: `${m.figure} ${figure.id}: ${figure.title}`,
    title: { text: `${m.figure} ${figure.id}`, subtitle: figure.title },
    values,
    parts: [chart, ...(footnoteLines.length === 0 ? [] : [footnoteBlock(footnoteLines, gutter)])],
  });
  // The axis reads 100% either side of zero.
  const axisConfig = (spec as { config?: object }).config ?? {};
  return { ...spec, config: { ...axisConfig, axisX: { labelExpr: "abs(datum.value) + '%'" } } } as TopLevelSpec;
}
