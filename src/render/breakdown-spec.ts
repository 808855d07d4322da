/**
 * A breakdown's figure: small multiples in the report's style, one panel per bar, a row for the
 * whole and one per group, each row 100% of its answers (groups differ in size, so counts would
 * not compare). With --suppress the masked counts of a row are drawn as one grey segment at its
 * end, with no number: neither the figure nor its spec holds a masked count.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { NonNormalizedSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { BarResult, BreakdownResult, CategoryResult, FigureResult } from '../count/results.js';
import type { Messages } from '../messages.js';
import { safeStrings } from '../safe-text.js';
import { barAxis, LABEL_FONT_SIZE, segmentText, textLayer, type BarLabels } from './layout-spec.js';
import { figureFrame, footnoteBlock, FOOTNOTE_FONT_SIZE, PLOT_WIDTH, wrapText, segmentLayers, segmentStyle, textColorOn, type MeasureText } from './figure-spec.js';
import { fileNamePart } from './file-name.js';

/** The grey of masked counts: legible on white, apart from every category colour of the report. */
export const MASKED_COLOR = '#d9d9d9';
const ROW_STEP = 22;

export interface BreakdownSpecOptions {
  readonly messages: Messages;
  readonly measureText: MeasureText;
  readonly labels: BarLabels;
}

/** The key of a cell of a breakdown, as the masked set holds it. */
export function cellKey(column: string, group: string, category: string): string {
  return JSON.stringify([column, group, category]);
}

/** The base name of a breakdown figure's files: `uitsplitsing-gemeente-figuur-1`. */
export function breakdownFileName(breakdown: BreakdownResult, figureId: string): string {
  return `${breakdownBaseName(breakdown)}-figuur-${fileNamePart(figureId)}`;
}

/** The base name of a breakdown's files: `uitsplitsing-doelgroep` (its CSV adds `.csv`). */
export function breakdownBaseName(breakdown: BreakdownResult): string {
  return `uitsplitsing-${fileNamePart(breakdown.column)}`;
}

interface Row {
  readonly label: string;
  readonly group: string | null;
  readonly bar: BarResult;
}

export function breakdownSpec(results: { readonly figures: readonly FigureResult[] }, unsafe: BreakdownResult, figureId: string, options: BreakdownSpecOptions): TopLevelSpec {
  const breakdown = safeStrings(unsafe);
  const m = options.messages;
  const at = breakdown.figures.indexOf(figureId);
  const whole = safeStrings(results.figures.find((figure) => figure.id === figureId) as FigureResult);
  const masked = new Set(breakdown.disclosure.masked ? breakdown.disclosure.cells.filter((cell) => cell.figureId === figureId).map((cell) => cellKey(cell.column, cell.group, cell.category)) : []);
  const categories: CategoryResult[] = [...whole.categories, ...(masked.size > 0 ? [{ key: '', label: m.maskedLabel, color: MASKED_COLOR }] : [])];
  const values: object[] = [];
  const panels: NonNormalizedSpec[] = [];
  let gutter = 0;
  whole.bars.forEach((wholeBar, barOrder) => {
    const rows: Row[] = [
      { label: `${m.total} (n=${wholeBar.n})`, group: null, bar: wholeBar },
      ...breakdown.groups.map((group) => {
        const bar = group.figures[at]?.bars[barOrder] as BarResult;
        return { label: `${group.label} (n=${bar.n})`, group: group.key, bar };
      }),
    ];
    rows.forEach((row, rowOrder) => {
      gutter = Math.max(gutter, options.measureText(row.label, 12));
      let start = 0;
      let hidden = 0;
      const isMasked = (key: string): boolean => row.group !== null && masked.has(cellKey(wholeBar.column, row.group, key));
      whole.categories.forEach((category, categoryOrder) => {
        const percentage = row.bar.percentages[category.key] ?? 0;
        if (isMasked(category.key)) {
          hidden += percentage;
          return;
        }
        const count = row.bar.counts[category.key] ?? 0;
        const text = segmentText(count, percentage, options.labels);
        const share = row.bar.n === 0 ? 0 : count / row.bar.n;
        values.push({
          barOrder,
          row: row.label,
          rowOrder,
          category: category.label,
          categoryOrder,
          shown: count > 0,
          start,
          end: start + percentage,
          middle: start + percentage / 2,
          text,
          textShown: count > 0 && share * PLOT_WIDTH >= options.measureText(text, LABEL_FONT_SIZE) + 6,
          ...(({ textColor, outlined }) => ({ textColor, outlined }))(segmentStyle(count, share, category.color, options.measureText)),
          description: `${row.label}, ${category.label}: ${text}`,
        });
        start += percentage;
      });
      if (hidden > 0) {
        values.push({
          barOrder,
          row: row.label,
          rowOrder,
          category: m.maskedLabel,
          categoryOrder: whole.categories.length,
          shown: true,
          start,
          end: start + hidden,
          middle: start + hidden / 2,
          text: '',
          textShown: false,
          textColor: textColorOn(MASKED_COLOR),
          outlined: false,
          description: `${row.label}, ${m.maskedLabel}`,
        });
      }
    });
    const [bars] = segmentLayers(categories, { domain: [0, 100], title: m.percentAxis, values: [0, 20, 40, 60, 80, 100] });
    panels.push({
      title: { text: wholeBar.label, fontSize: 12, fontWeight: 'bold', anchor: 'start' },
      width: PLOT_WIDTH,
      height: { step: ROW_STEP },
      transform: [{ filter: { field: 'barOrder', equal: barOrder } }],
      encoding: {
        y: barAxis('row', 'rowOrder', { paddingInner: 0.25, paddingOuter: 0.1 }) as never,
      },
      layer: [
        { ...(bars as object), transform: [{ filter: { field: 'shown', equal: true } }] } as never,
        textLayer() as never,
      ],
    });
  });
  const width = gutter + 8 + PLOT_WIDTH;
  const note = [breakdown.differences.sentence, ...(masked.size > 0 ? [m.maskedNote(breakdown.disclosure.minCell)] : [])].flatMap((text) =>
    wrapText(text, (line) => options.measureText(line, FOOTNOTE_FONT_SIZE) <= width),
  );
  const footnote = footnoteBlock(note, gutter + 8);
  const frame = figureFrame({
    description: `${m.figure} ${figureId}: ${whole.title}, ${m.breakdownHeading(breakdown.label)}`,
    title: { text: `${m.figure} ${figureId} · ${m.breakdownHeading(breakdown.label)}`, subtitle: whole.title },
    values,
    parts: [...panels, footnote],
  });
  // One legend for all panels, under the last.
  return { ...frame, resolve: { legend: { color: 'shared' } } } as TopLevelSpec;
}
