/**
 * One figure of a comparison as a Vega-Lite spec: per bar the two cohorts as horizontal stacked
 * bars one above the other, counts inside the segments, in the colours, font and layout of the
 * report's figures (figure-spec.ts). The x axis is the share of answers, not respondents: the two
 * cohorts differ in N, and only shares can be read against each other.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { NonNormalizedSpec } from 'vega-lite/types_unstable/spec/index.js';
import { captionWithoutN, changeMark, formatP, formatPWithRelation } from '../diff/format.js';
import type { DiffResult, FigureComparison } from '../diff/types.js';
import type { Messages } from '../messages.js';
import {
  BACKGROUND,
  FOOTNOTE_FONT_SIZE,
  PLOT_WIDTH,
  TEXT_MAIN,
  figureFrame,
  footnoteBlock,
  segmentLayers,
  segmentStyle,
  wrapText,
  type MeasureText,
  type SegmentFields,
} from './figure-spec.js';
import { hexColor } from '../color.js';
import { safeStrings } from '../safe-text.js';
import { fileNamePart } from './file-name.js';

const COHORT_STEP = 22;
const LABEL_FONT_SIZE = 11;
const HEADER_FONT_SIZE = 12;

/** One segment of one cohort's bar; start and end in percent of the cohort's answers on the bar. */
export interface DiffSegmentDatum extends SegmentFields {
  readonly cohort: string;
  readonly cohortOrder: number;
}

/**
 * The header over each bar: its label and n, the deciding test's p; a bar that changed
 * demonstrably (the table test after Holm) starts with its mark and says so in words.
 */
function barHeaders(figure: FigureComparison, diff: DiffResult, m: Messages): string[] {
  const alpha = diff.alpha;
  const seen = new Map<string, number>();
  for (const bar of figure.bars) seen.set(bar.label, (seen.get(bar.label) ?? 0) + 1);
  return figure.bars.map((bar) => {
    const label = (seen.get(bar.label) ?? 0) > 1 ? `${bar.label} (${bar.column})` : bar.label;
    const sep = m.decimalSeparator;
    const p = formatPWithRelation(bar.contingency.p, sep, alpha);
    const numbers = `(n = ${bar.a.n} → ${bar.b.n}; ${m.diffPAdjusted(bar.contingency.method === 'exact' ? p : p.replace(/^p [=<]/, (relation) => (relation === 'p =' ? 'p ≈' : relation)), formatP(bar.contingency.pAdjusted, sep, alpha))})`;
    if (bar.verdict !== 'changed') return `${label}   ${numbers}`;
    const words = bar.direction === 'none' ? m.diffChangedNoDirection(diff.b.label) : m.diffDirection(bar.direction, diff.b.label);
    return `${changeMark(bar.direction)} ${label}: ${words}   ${numbers}`;
  });
}

export function diffSegmentData(figure: FigureComparison, diff: DiffResult, m: Messages, measure: MeasureText): DiffSegmentDatum[] {
  const headers = barHeaders(figure, diff, m);
  return figure.bars.flatMap((bar, barOrder) =>
    (['a', 'b'] as const).flatMap((side, cohortOrder) => {
      const n = bar[side].n;
      let start = 0;
      return bar.categories.map((change, categoryOrder) => {
        const color = hexColor(figure.categories[categoryOrder]?.color ?? BACKGROUND);
        const { count } = change[side];
        const end = start + (100 * count) / n;
        const datum: DiffSegmentDatum = {
          bar: headers[barOrder] ?? bar.label,
          barOrder,
          cohort: diff[side].label,
          cohortOrder,
          category: change.label,
          categoryOrder,
          count,
          start,
          end,
          middle: (start + end) / 2,
          ...segmentStyle(count, (end - start) / 100, color, measure),
          description: `${bar.label}, ${diff[side].label}, ${change.label}: ${count} (${Math.round(end - start)}%)`,
        };
        start = end;
        return datum;
      });
    }),
  );
}

/** A black frame around both cohorts' bars of a bar that changed demonstrably: seen without colour. */
export interface DiffFrameDatum {
  readonly bar: string;
  readonly barOrder: number;
  readonly cohort: string;
  readonly cohortOrder: number;
  readonly frame: true;
}

function frameData(figure: FigureComparison, diff: DiffResult, m: Messages): DiffFrameDatum[] {
  const headers = barHeaders(figure, diff, m);
  return figure.bars.flatMap((bar, barOrder) =>
    bar.verdict !== 'changed'
      ? []
      : (['a', 'b'] as const).map((side, cohortOrder) => ({ bar: headers[barOrder] ?? bar.label, barOrder, cohort: diff[side].label, cohortOrder, frame: true as const })),
  );
}

export function diffFigureSpec(unsafeFigure: FigureComparison, unsafeDiff: DiffResult, m: Messages, measure: MeasureText): TopLevelSpec {
  // Labels and file names from input end in SVG, where XML 1.0 forbids most controls.
  const figure = safeStrings(unsafeFigure);
  const diff = safeStrings(unsafeDiff);
  const captionA = captionWithoutN(figure.titleA);
  const captionB = captionWithoutN(figure.titleB);
  const subtitle = captionA === captionB ? [captionA] : [`a: ${captionA}`, `b: ${captionB}`];
  const cohortLabelWidth = Math.max(...(['a', 'b'] as const).map((side) => measure(diff[side].label, LABEL_FONT_SIZE))) + 8;
  const footnoteWidth = cohortLabelWidth + PLOT_WIDTH;
  const methods = new Set(figure.bars.map((bar) => bar.contingency.method));
  const method = methods.size === 1 ? [...methods][0] : 'mixed';
  const note = `${m.diffFigureNote(diff.tests.multiplicity.families.change.m, method)} ${m.diffFigureMarks(String(diff.alpha).replace('.', m.decimalSeparator))}`;
  const footnoteLines = wrapText(note, (line) => measure(line, FOOTNOTE_FONT_SIZE) <= footnoteWidth);
  const changed = figure.bars.filter((bar) => bar.verdict === 'changed').length;
  const bars: NonNormalizedSpec = {
    facet: {
      row: {
        field: 'bar',
        type: 'nominal',
        // Sorting by a number, not by a list of labels: labels never enter an expression.
        sort: { field: 'barOrder', op: 'min' },
        title: null,
        header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left', labelFontSize: HEADER_FONT_SIZE, labelColor: TEXT_MAIN, labelLimit: 0, labelPadding: 4 },
      },
    },
    spec: {
      width: PLOT_WIDTH,
      height: { step: COHORT_STEP },
      encoding: {
        y: {
          field: 'cohort',
          type: 'nominal',
          sort: { field: 'cohortOrder', op: 'min' },
          title: null,
          axis: { domain: false, ticks: false, labelLimit: 0, labelPadding: 8, labelFontSize: LABEL_FONT_SIZE },
          scale: { paddingInner: 0.25, paddingOuter: 0.1 },
        },
      },
      layer: [
        ...segmentLayers(figure.categories, { domain: [0, 100], title: m.diffAxis, values: [0, 25, 50, 75, 100] }),
        {
          transform: [{ filter: { field: 'frame', equal: true } }],
          mark: { type: 'rect', fill: null, stroke: TEXT_MAIN, strokeWidth: 2, aria: false },
          encoding: { x: { datum: 0, type: 'quantitative' }, x2: { datum: 100 } },
        },
      ],
    },
    spacing: 10,
  };
  return figureFrame({
    description: `${m.figure} ${figure.id}: ${diff.a.label} → ${diff.b.label}`,
    title: { text: `${m.figure} ${figure.id}: ${diff.a.label} → ${diff.b.label}`, subtitle: [...subtitle, m.diffSummary(changed, figure.bars.length)] },
    values: [...diffSegmentData(figure, diff, m, measure), ...frameData(figure, diff, m)],
    parts: [bars, footnoteBlock(footnoteLines, cohortLabelWidth)],
  });
}

/** The base name of a figure's comparison file: `diff-figuur-5` for figure "5". */
export function diffFigureFileName(figure: FigureComparison): string {
  // Figure ids come from a user's definition: keep them from naming a path outside out/.
  return `diff-figuur-${fileNamePart(figure.id)}`;
}
