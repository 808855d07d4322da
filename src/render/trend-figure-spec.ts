/**
 * The figures of `cj trend`, in the house style of the report's figures (figure-spec.ts):
 *
 * - per report figure, small multiples: a row per bar, a column per answer category, in each cell
 *   the share per wave as a dot with its 95% Wilson interval as a line, the dots joined; the row's
 *   title names the bar, its n per wave and the trend test, and starts with ▲ or ▼ when the trend
 *   is demonstrable (after Holm), so the mark is read without colour;
 * - the grade: the mean mark per wave with its 95% t interval;
 * - the lead times: per segment of the main track, every respondent's days per wave as dots, the
 *   median as a tick (as the report's lead-time figure, lead-time-spec.ts).
 *
 * The data are written into each spec, so a `.vl.json` opens as it is in the Vega editor.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { NonNormalizedSpec } from 'vega-lite/types_unstable/spec/index.js';
import { changeMark, formatP, formatPWithRelation } from '../diff/format.js';
import type { TrendBar, TrendFigure, TrendResult } from '../diff/trend.js';
import { formatDays, formatDecimal } from '../format.js';
import type { Messages } from '../messages.js';
import { safeStrings } from '../safe-text.js';
import { hexColor } from '../color.js';
import { BACKGROUND, FOOTNOTE_FONT_SIZE, PLOT_WIDTH, TEXT_MAIN, contrastRatio, figureFrame, footnoteBlock, wrapText, type MeasureText } from './figure-spec.js';
import { DOT_AREA, DOT_COLOR, ticks } from './lead-time-spec.js';
import { fileNamePart } from './file-name.js';

const CELL_HEIGHT = 90;
const CELL_SPACING = 10;
const AXIS_FONT_SIZE = 10;
const TITLE_FONT_SIZE = 12;
/** Lines and interval rules need 3:1 against the background (WCAG 1.4.11); paler categories are drawn in this grey. */
const LINE_FALLBACK = '#737373';
const POINT_OUTLINE = '#4d4d4d';
const ROW_STEP = 26;
/** Room the y axis of the small multiples takes left of the plot: its labels and title. */
const Y_AXIS_ROOM = 44;

/** A quantitative position channel without its field, shared by the layers of a chart. */
interface QuantitativeAxis {
  readonly type: 'quantitative';
  readonly scale: { domain: number[]; nice: boolean; zero?: boolean };
  readonly axis: Record<string, unknown>;
}

const alphaText = (alpha: number, m: Messages): string => String(alpha).replace('.', m.decimalSeparator);

/**
 * The title over a bar's small multiples: its label (with ▲ or ▼ and the words when the trend is
 * demonstrable), then n per wave and the trend test, wrapped to the figure's width.
 */
function barTitle(bar: TrendBar, trend: TrendResult, m: Messages, measure: MeasureText): string[] {
  const sep = m.decimalSeparator;
  const n = `n = ${bar.waves.map((wave) => wave.n).join(', ')}`;
  const test = bar.trend;
  const [head, detail] =
    test === null
      ? [bar.label, `${n}; ${m.trendNoTest}`]
      : [
          test.direction === 'none' ? bar.label : `${changeMark(test.direction)} ${bar.label}: ${m.trendDirection(test.direction)}`,
          `${n}; ${m.trendTest(test.method, formatPWithRelation(test.p, sep, trend.alpha), formatP(test.pAdjusted, sep, trend.alpha))}${test.direction === 'none' ? `: ${m.trendDirection('none')}` : ''}`,
        ];
  const fits = (line: string): boolean => measure(line, TITLE_FONT_SIZE) <= PLOT_WIDTH + Y_AXIS_ROOM;
  return [...wrapText(head, fits), ...wrapText(detail, fits)];
}

/** The x axis of waves: labels turned when they do not fit side by side. */
function waveAxis(labels: readonly string[], width: number, measure: MeasureText): Record<string, unknown> {
  const widest = Math.max(...labels.map((label) => measure(label, AXIS_FONT_SIZE)), 0);
  const turned = widest > width / Math.max(labels.length, 1) - 4;
  return { title: null, labelFontSize: AXIS_FONT_SIZE, labelLimit: 0, ticks: false, domain: false, ...(turned ? { labelAngle: -40, labelAlign: 'right' } : { labelAngle: 0 }) };
}

export function trendFigureSpec(unsafeFigure: TrendFigure, unsafeTrend: TrendResult, m: Messages, measure: MeasureText): TopLevelSpec {
  // Labels from input end in SVG, where XML 1.0 forbids most controls.
  const figure = safeStrings(unsafeFigure);
  const trend = safeStrings(unsafeTrend);
  const bars = trend.bars.filter((bar) => bar.figureId === figure.id);
  const labels = trend.waves.map((wave) => wave.label);
  const k = figure.categories.length;
  const cellWidth = Math.floor((PLOT_WIDTH - Y_AXIS_ROOM - (k - 1) * CELL_SPACING) / Math.max(k, 1));
  const values = bars.flatMap((bar, barOrder) =>
    bar.waves.flatMap((wave, waveOrder) =>
      wave.categories.map((share, categoryOrder) => {
        const color = hexColor(figure.categories[categoryOrder]?.color ?? BACKGROUND);
        return {
          barOrder,
          wave: labels[waveOrder] ?? String(waveOrder + 1),
          waveOrder,
          category: share.label,
          categoryOrder,
          share: 100 * share.share,
          lower: 100 * share.lower,
          upper: 100 * share.upper,
          fill: color,
          line: contrastRatio(color, BACKGROUND) >= 3 ? color : LINE_FALLBACK,
          description: `${bar.label}, ${labels[waveOrder] ?? ''}, ${share.label}: ${share.count} / ${wave.n} (${Math.round(100 * share.share)}%, 95% ${Math.round(100 * share.lower)}–${Math.round(100 * share.upper)}%)`,
        };
      }),
    ),
  );
  const x = { field: 'wave', type: 'ordinal', sort: { field: 'waveOrder', op: 'min' }, axis: waveAxis(labels, cellWidth, measure) } as const;
  const y = { type: 'quantitative', scale: { domain: [0, 100], nice: false }, axis: { title: m.trendFigure.axis, values: [0, 50, 100], grid: true, gridColor: '#e6e6e6', labelFontSize: AXIS_FONT_SIZE } } satisfies QuantitativeAxis;
  const rows: NonNormalizedSpec[] = bars.map((bar, barOrder) => ({
    transform: [{ filter: { field: 'barOrder', equal: barOrder } }],
    title: { text: barTitle(bar, trend, m, measure), anchor: 'start', fontSize: TITLE_FONT_SIZE, fontWeight: 'normal', color: TEXT_MAIN, offset: 6, lineHeight: 16 },
    facet: {
      column: {
        field: 'category',
        type: 'nominal',
        // Sorting by a number, not by a list of labels: labels never enter an expression.
        sort: { field: 'categoryOrder', op: 'min' },
        title: null,
        header: { labelFontSize: 11, labelColor: TEXT_MAIN, labelLimit: cellWidth },
      },
    },
    spec: {
      width: cellWidth,
      height: CELL_HEIGHT,
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' }, color: { field: 'line', type: 'nominal', scale: null }, description: { field: 'description' } },
        },
        {
          mark: { type: 'line', strokeWidth: 1.5, aria: false },
          encoding: { x, y: { ...y, field: 'share' }, color: { field: 'line', type: 'nominal', scale: null } },
        },
        {
          mark: { type: 'point', filled: true, size: 50, stroke: POINT_OUTLINE, strokeWidth: 0.8, opacity: 1, aria: false },
          encoding: { x, y: { ...y, field: 'share' }, fill: { field: 'fill', type: 'nominal', scale: null } },
        },
      ],
    },
    spacing: CELL_SPACING,
  }));
  const tests = bars.filter((bar) => bar.trend !== null).length;
  const footnote = wrapText(m.trendFigure.note(trend.bars.filter((bar) => bar.trend !== null).length, alphaText(trend.alpha, m)), (line) => measure(line, FOOTNOTE_FONT_SIZE) <= PLOT_WIDTH);
  const marked = bars.filter((bar) => bar.trend !== null && bar.trend.direction !== 'none').length;
  return figureFrame({
    description: `${m.figure} ${figure.id}: ${labels.join(' → ')}; ${figure.title}`,
    title: { text: `${m.figure} ${figure.id}: ${labels.join(' → ')}`, subtitle: [figure.title, `${m.trendFigure.marked(marked, tests)}`] },
    values,
    parts: [...rows, footnoteBlock(footnote, Y_AXIS_ROOM)],
  });
}

/** The mean mark per wave with its 95% t interval, the mean printed beside its dot. */
export function trendGradeSpec(unsafeTrend: TrendResult, m: Messages, measure: MeasureText): TopLevelSpec {
  const trend = safeStrings(unsafeTrend);
  const sep = m.decimalSeparator;
  const waves = trend.waves.map((wave, waveOrder) => ({ wave: `${wave.label} (n = ${trend.grade[waveOrder]?.n ?? 0})`, waveOrder, grade: trend.grade[waveOrder] }));
  const values = waves.flatMap(({ wave, waveOrder, grade }) =>
    grade === undefined || grade.mean === null
      ? []
      : [
          {
            wave,
            waveOrder,
            mean: grade.mean,
            lower: grade.lower ?? grade.mean,
            upper: grade.upper ?? grade.mean,
            meanText: formatDecimal(grade.mean, 1, sep),
            description: `${wave}: ${formatDecimal(grade.mean, 1, sep)}${grade.lower === null || grade.upper === null ? '' : ` (95% ${formatDecimal(grade.lower, 1, sep)}–${formatDecimal(grade.upper, 1, sep)})`}`,
          },
        ],
  );
  const low = Math.max(1, Math.floor(Math.min(10, ...values.map((value) => value.lower))) - 1);
  const high = Math.min(10, Math.ceil(Math.max(1, ...values.map((value) => value.upper))) + 1);
  const x = { field: 'wave', type: 'ordinal', sort: { field: 'waveOrder', op: 'min' }, axis: waveAxis(waves.map((wave) => wave.wave), PLOT_WIDTH, measure) } as const;
  const y = { type: 'quantitative', scale: { domain: [low, high], nice: false, zero: false }, axis: { title: m.trendFigure.gradeAxis, tickMinStep: 1, format: 'd', grid: true, gridColor: '#e6e6e6' } } satisfies QuantitativeAxis;
  const chart: NonNormalizedSpec = {
    width: PLOT_WIDTH,
    height: 200,
    layer: [
      { mark: { type: 'rule', strokeWidth: 2, color: DOT_COLOR }, encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' }, description: { field: 'description' } } },
      { mark: { type: 'line', strokeWidth: 1.5, color: DOT_COLOR, aria: false }, encoding: { x, y: { ...y, field: 'mean' } } },
      { mark: { type: 'point', filled: true, size: 60, color: DOT_COLOR, stroke: '#ffffff', strokeWidth: 1, opacity: 1, aria: false }, encoding: { x, y: { ...y, field: 'mean' } } },
      { mark: { type: 'text', align: 'left', dx: 8, fontSize: 11, color: TEXT_MAIN, aria: false }, encoding: { x, y: { ...y, field: 'mean' }, text: { field: 'meanText' } } },
    ],
  };
  const footnote = wrapText(m.trendFigure.gradeNote, (line) => measure(line, FOOTNOTE_FONT_SIZE) <= PLOT_WIDTH);
  return figureFrame({
    description: `${m.trendFigure.gradeTitle}: ${values.map((value) => value.description).join('; ')}`,
    title: { text: m.trendFigure.gradeTitle, subtitle: trend.waves.map((wave) => wave.label).join(' → ') },
    values,
    parts: [chart, footnoteBlock(footnote, Y_AXIS_ROOM)],
  });
}

/** Lead times per segment and wave: every respondent a dot (same days: a larger dot), the median a tick. */
export function trendLeadTimeSpec(unsafeTrend: TrendResult, m: Messages, measure: MeasureText): TopLevelSpec {
  const trend = safeStrings(unsafeTrend);
  const t = m.leadTimes;
  const labels = trend.waves.map((wave) => wave.label);
  const rowLabel = (waveOrder: number, n: number): string => `${labels[waveOrder] ?? ''} (n=${n})`;
  const values = trend.leadTimes.flatMap((segment, segmentOrder) =>
    segment.waves.flatMap((wave, waveOrder) => {
      if (wave === null) return [];
      const row = { segment: segment.label, segmentOrder, wave: rowLabel(waveOrder, wave.n), waveOrder };
      return [
        ...wave.distribution.map(({ days, count }) => ({ ...row, kind: 'dot', days, count, description: `${segment.label}, ${row.wave}: ${t.days(formatDays(days, m))}, ${count}×` })),
        { ...row, kind: 'median', days: wave.median, description: `${segment.label}, ${row.wave}: ${t.median} ${t.days(formatDays(wave.median, m))}` },
      ];
    }),
  );
  const highest = Math.max(1, ...values.map((value) => value.days));
  const domain: [number, number] = [0, Math.ceil((highest + 1) / 7) * 7];
  const gutter = Math.max(...values.map((value) => measure(value.wave, 11)), 0) + 8;
  const x = { field: 'days', type: 'quantitative', scale: { domain, nice: false, zero: true }, axis: { title: t.axis, format: 'd', values: ticks(domain[1]), grid: true, gridColor: '#e6e6e6' } } as const;
  // One chart per segment, stacked: each lists its own waves with their own n (concatenated views keep their own y scales).
  const charts: NonNormalizedSpec[] = trend.leadTimes.map((segment, segmentOrder) => ({
    transform: [{ filter: { field: 'segmentOrder', equal: segmentOrder } }],
    title: { text: segment.label, anchor: 'start', fontSize: TITLE_FONT_SIZE, fontWeight: 'normal', color: TEXT_MAIN, offset: 6 },
    width: PLOT_WIDTH,
    height: { step: ROW_STEP },
    encoding: {
      y: { field: 'wave', type: 'nominal', sort: { field: 'waveOrder', op: 'min' }, title: null, axis: { domain: false, ticks: false, labelLimit: 0, labelPadding: 8, labelFontSize: 11 }, scale: { paddingInner: 0.2, paddingOuter: 0.1 } },
    },
    layer: [
      {
        transform: [{ filter: { field: 'kind', equal: 'dot' } }],
        mark: { type: 'circle', color: DOT_COLOR, opacity: 0.75, stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: { x, size: { field: 'count', type: 'quantitative', scale: { type: 'linear', domain: [0, 1], range: [0, DOT_AREA], clamp: false }, legend: null }, description: { field: 'description' } },
      },
      {
        transform: [{ filter: { field: 'kind', equal: 'median' } }],
        mark: { type: 'tick', color: TEXT_MAIN, thickness: 2, bandSize: ROW_STEP * 0.7 },
        encoding: { x, description: { field: 'description' } },
      },
    ],
  }));
  const footnote = wrapText(m.trendFigure.leadTimesNote, (line) => measure(line, FOOTNOTE_FONT_SIZE) <= gutter + PLOT_WIDTH);
  return figureFrame({
    description: `${m.trendFigure.leadTimesTitle}: ${labels.join(' → ')}`,
    title: { text: m.trendFigure.leadTimesTitle, subtitle: labels.join(' → ') },
    values,
    parts: [...charts, footnoteBlock(footnote, gutter)],
  });
}

/** The base names of the trend's files: `trend-figuur-5` for figure "5", the grade and the lead times. */
export function trendFigureFileName(figure: TrendFigure): string {
  // Figure ids come from a user's definition: keep them from naming a path outside the folder.
  return `trend-figuur-${fileNamePart(figure.id)}`;
}
export const TREND_GRADE_FILE = 'trend-rapportcijfer';
export const TREND_LEAD_TIME_FILE = 'trend-doorlooptijden';
