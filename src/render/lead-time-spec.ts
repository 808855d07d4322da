/**
 * The lead-time figure: per segment of the main track, every respondent's lead time as a dot
 * on a line of calendar days (a strip plot; respondents with the same number of days stack up
 * as a larger dot), the median as a tick, and the legal term as a red rule. The data are
 * written into the spec, so `doorlooptijden.vl.json` opens as it is in the Vega editor.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { NonNormalizedSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { LeadTimesResult } from '../count/results.js';
import { formatDays } from '../format.js';
import type { Messages } from '../messages.js';
import { safeStrings } from '../safe-text.js';
import { FOOTNOTE_FONT_SIZE, PLOT_WIDTH, TEXT_MAIN, figureFrame, footnoteBlock, wrapText, type MeasureText } from './figure-spec.js';

const ROW_STEP = 44;
const LABEL_FONT_SIZE = 12;
const LABEL_PADDING = 8;
export const DOT_COLOR = '#1f5a96';
/** The rule of the legal term: red, as a limit is drawn, and dashed so it reads without colour. */
const TERM_COLOR = '#c0392b';
/** Dot area in px² for one respondent; a dot of k respondents has k times the area. */
export const DOT_AREA = 36;

/** The base name of the lead-time figure's files. */
export const LEAD_TIME_FILE = 'doorlooptijden';

/** A segment as the y axis shows it: its label and n. */
function rowLabel(label: string, n: number): string {
  return `${label} (n=${n})`;
}

/**
 * The Vega-Lite spec of the lead-time figure for the main track. The x axis runs from 0 to the
 * largest of every lead time and every legal term, so the term is always on the figure.
 */
export function leadTimeSpec(unsafe: LeadTimesResult, m: Messages, measure: MeasureText): TopLevelSpec {
  const leadTimes = safeStrings(unsafe);
  const t = m.leadTimes;
  const rows = leadTimes.segments.map((segment, order) => ({ segment, order, label: rowLabel(segment.label, segment.n) }));
  const dots = rows.flatMap(({ segment, order, label }) =>
    segment.distribution.map(({ days, count }) => ({
      kind: 'dot',
      segment: label,
      order,
      days,
      count,
      description: `${label}: ${t.days(formatDays(days, m))}, ${count}×`,
    })),
  );
  const medians = rows
    .filter(({ segment }) => segment.median !== null)
    .map(({ segment, order, label }) => ({
      kind: 'median',
      segment: label,
      order,
      days: segment.median,
      description: `${label}: ${t.median} ${t.days(formatDays(segment.median, m))}`,
    }));
  const terms = rows
    .filter(({ segment }) => segment.legalTermDays !== null)
    .map(({ segment, order, label }) => ({
      kind: 'term',
      segment: label,
      order,
      days: segment.legalTermDays,
      termLabel: t.days(String(segment.legalTermDays ?? 0)),
      description: `${label}: ${t.term(segment.legalTermDays ?? 0)}`,
    }));
  const highest = Math.max(1, ...leadTimes.segments.flatMap((segment) => [segment.max ?? 0, segment.legalTermDays ?? 0]));
  // Room right of the highest value for the term's label ("56 dagen"), then up to a whole week.
  const domain: [number, number] = [0, Math.ceil((highest + 8) / 7) * 7];
  const gutter = Math.max(...rows.map((row) => measure(row.label, LABEL_FONT_SIZE)), 0) + LABEL_PADDING;
  const y = {
    field: 'segment',
    type: 'nominal',
    sort: { field: 'order', op: 'min' },
    title: null,
    axis: { domain: false, ticks: false, labelLimit: 0, labelPadding: LABEL_PADDING, labelFontSize: LABEL_FONT_SIZE },
    scale: { paddingInner: 0.2, paddingOuter: 0.1 },
  } as const;
  const x = { field: 'days', type: 'quantitative', scale: { domain, nice: false, zero: true } } as const;
  const chart: NonNormalizedSpec = {
    width: PLOT_WIDTH,
    height: { step: ROW_STEP },
    encoding: { y },
    layer: [
      {
        transform: [{ filter: { field: 'kind', equal: 'term' } }],
        mark: { type: 'rule', color: TERM_COLOR, strokeWidth: 2, strokeDash: [4, 3] },
        encoding: {
          x: { ...x, axis: { title: t.axis, format: 'd', values: ticks(domain[1]), grid: true, gridColor: '#e6e6e6' } },
          // From the top of the segment's band to its bottom: a limit across the row.
          y: { ...y, bandPosition: 0 },
          y2: { field: 'segment', bandPosition: 1 },
          description: { field: 'description' },
        },
      },
      {
        transform: [{ filter: { field: 'kind', equal: 'term' } }],
        mark: { type: 'text', color: TERM_COLOR, fontSize: FOOTNOTE_FONT_SIZE, align: 'left', baseline: 'top', dx: 4, dy: -ROW_STEP * 0.4 + 2, aria: false },
        encoding: { x, text: { field: 'termLabel' } },
      },
      {
        transform: [{ filter: { field: 'kind', equal: 'dot' } }],
        mark: { type: 'circle', color: DOT_COLOR, opacity: 0.75, stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x,
          size: { field: 'count', type: 'quantitative', scale: { type: 'linear', domain: [0, 1], range: [0, DOT_AREA], clamp: false }, legend: null },
          description: { field: 'description' },
        },
      },
      {
        transform: [{ filter: { field: 'kind', equal: 'median' } }],
        mark: { type: 'tick', color: TEXT_MAIN, thickness: 2, bandSize: ROW_STEP * 0.6 },
        encoding: { x, description: { field: 'description' } },
      },
    ],
  };
  const footnoteWidth = gutter + PLOT_WIDTH;
  const footnote = wrapText(`${t.legend} ${t.note}`, (line) => measure(line, FOOTNOTE_FONT_SIZE) <= footnoteWidth);
  const n = rows.map(({ segment }) => `${segment.label} n=${segment.n}`).join(', ');
  return figureFrame({
    description: `${t.caption(leadTimes.trackLabel)}; ${n}`,
    title: { text: t.caption(leadTimes.trackLabel), subtitle: n },
    values: [...terms, ...dots, ...medians],
    parts: [chart, footnoteBlock(footnote, gutter)],
  });
}

/** Axis ticks every week (every four weeks past twenty weeks): the legal term counts weeks. */
export function ticks(end: number): number[] {
  const step = end > 140 ? 28 : 7;
  const values: number[] = [];
  for (let value = 0; value <= end; value += step) values.push(value);
  return values;
}
