/**
 * rapport.docx: the publication page as a Word document, in its order: per figure a Heading 2,
 * the figure as a PNG 16 cm wide (alt text: its title and counts), a Caption, the footnote and
 * the table of counts; then the lead times, the grade, the tracks reported apart and the method.
 * Word's own styles (Heading 1, Heading 2, Caption), nothing of cj's, so an analyst pastes it
 * into the house style. Made with `docx` (loaded only for --docx); the same results give the
 * same bytes: fixed document properties and fixed times in the ZIP.
 */
import type { FigureResult, Results } from '../count/results.js';
import { formatMark, gradeLine, leadTimeCells } from '../format.js';
import type { Messages } from '../messages.js';
import { safeText } from '../safe-text.js';
import { analystTables, escapeHtml, maskedTables, type TableStyle } from './html.js';
import { PRINTED_WIDTH_CM } from './print-size.js';
import { tiesRoundedApart } from './rounding.js';

export interface DocxFigure {
  readonly png: Uint8Array;
  /** The PNG's size in pixels, for its height on the page. */
  readonly width: number;
  readonly height: number;
}

export interface DocxOptions {
  readonly messages: Messages;
  /** `figures[i]` is the PNG of `results.figures[i]`. */
  readonly figures: readonly DocxFigure[];
  readonly leadTimes?: DocxFigure;
  /** As rapport.html's: counts from 1 to k − 1 masked (--suppress). */
  readonly suppressBelow?: number;
}

/** Word draws images in pixels at 96 to the inch: 16 cm is 605 of them. */
const PRINTED_WIDTH_PX = Math.round((PRINTED_WIDTH_CM / 2.54) * 96);
const SIDE_MARGIN = '2.5cm';
/** Tables in 9 pt (Word counts font sizes in half points). */
const TABLE_FONT_HALF_POINTS = 18;
/** The text width in twips (1/1440 inch), as Word measures tables. */
const TEXT_WIDTH_TWIPS = Math.round((PRINTED_WIDTH_CM / 2.54) * 1440);

/** One figure's words for a screen reader: title, then each bar's counts per category. */
export function figureAltText(figure: FigureResult, m: Messages): string {
  const rows = figure.bars.map(
    (bar) => `${bar.text ?? bar.label}: ${figure.categories.map((category) => `${category.label} ${bar.counts[category.key] ?? 0}`).join(', ')}`,
  );
  return safeText(m.report.figureAlt(`${m.figure} ${figure.id}`, figure.title, rows));
}

/** Sets every entry's DOS time and date in a ZIP to 1980-01-01 00:00, so a run's bytes repeat. */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let end = out.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('docx: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('docx: bad central directory');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DATE_1980_01_01, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DATE_1980_01_01, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** The Word document of a run. */
export async function renderDocx(results: Results, options: DocxOptions): Promise<Uint8Array> {
  const docx = await import('docx');
  const { AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const m = options.messages;
  const style: TableStyle = options.suppressBelow === undefined ? { ...analystTables, rowLabel: (bar) => bar.text ?? bar.label } : maskedTables(options.suppressBelow, m);
  const text = (value: string): string => safeText(value);
  const heading = (value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): InstanceType<typeof Paragraph> =>
    new Paragraph({ heading: level, keepNext: true, children: [new TextRun(text(value))] });
  const caption = (value: string, keepNext = false): InstanceType<typeof Paragraph> => new Paragraph({ style: 'Caption', keepNext, children: [new TextRun(text(value))] });
  const plain = (value: string, keepNext = false): InstanceType<typeof Paragraph> => new Paragraph({ keepNext, children: [new TextRun(text(value))] });
  // Every row but the last keeps with the next, so a table stays on one page with its figure
  // above it, and the chain of kept paragraphs ends with it: the next figure may start anywhere.
  const cell = (value: string, header: boolean, alignRight: boolean, keepNext: boolean): InstanceType<typeof TableCell> =>
    new TableCell({
      children: [new Paragraph({ alignment: alignRight ? AlignmentType.RIGHT : AlignmentType.LEFT, keepNext, children: [new TextRun({ text: text(value), bold: header, size: TABLE_FONT_HALF_POINTS })] })],
    });
  /** `shares`: each column's part of the 16 cm; by default the first (the names) 40%, the counts the rest. */
  const table = (head: readonly string[], rows: readonly (readonly string[])[], shares?: readonly number[]): InstanceType<typeof Table> =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: (shares ?? [0.4, ...head.slice(1).map(() => 0.6 / Math.max(head.length - 1, 1))]).map((share) => Math.round(TEXT_WIDTH_TWIPS * share)),
      rows: [
        new TableRow({ tableHeader: true, children: head.map((value, index) => cell(value, true, index > 0, rows.length > 0)) }),
        ...rows.map((row, at) => new TableRow({ children: row.map((value, index) => cell(value, false, index > 0, at < rows.length - 1)) })),
      ],
    });
  // Drawing ids numbered here: docx's own counter runs on across documents of one process.
  let drawings = 0;
  const image = (figure: DocxFigure, alt: string, name: string): InstanceType<typeof Paragraph> =>
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: figure.png,
          transformation: { width: PRINTED_WIDTH_PX, height: Math.round((PRINTED_WIDTH_PX * figure.height) / figure.width) },
          altText: { id: String(++drawings), name: text(name), title: text(name), description: alt },
        }),
      ],
    });
  const count = (value: number): string => style.mask(value) ?? String(value);

  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [heading(results.survey.name, HeadingLevel.HEADING_1)];
  if (options.suppressBelow !== undefined) children.push(plain(m.report.maskedNote(options.suppressBelow)));
  results.figures.forEach((figure, index) => {
    const name = `${m.figure} ${figure.id}`;
    const png = options.figures[index];
    children.push(heading(figure.title, HeadingLevel.HEADING_2));
    if (png !== undefined) children.push(image(png, figureAltText(figure, m), name));
    children.push(caption(`${name}. ${figure.title}`, true));
    if (figure.footnote !== null) children.push(plain(figure.footnote, true));
    children.push(caption(m.page.tableCaption(figure.id), true));
    const showMissing = figure.bars.some((bar) => bar.missing > 0);
    children.push(
      table(
        [m.page.bar, ...figure.categories.map((category) => category.label), m.page.total, ...(showMissing ? [m.missing] : [])],
        figure.bars.map((bar) => [
          style.rowLabel(bar),
          ...figure.categories.map((category) => {
            const value = bar.counts[category.key] ?? 0;
            return style.mask(value) ?? `${value} (${bar.percentages[category.key] ?? 0}%)`;
          }),
          count(bar.n),
          ...(showMissing ? [count(bar.missing)] : []),
        ]),
      ),
    );
    if (tiesRoundedApart(figure)) children.push(plain(m.report.roundingNote));
  });

  if (results.leadTimes !== undefined) {
    const t = m.leadTimes;
    children.push(heading(t.title(results.leadTimes.trackLabel), HeadingLevel.HEADING_2));
    if (options.leadTimes !== undefined) children.push(image(options.leadTimes, text(t.legend), t.caption(results.leadTimes.trackLabel)));
    const segmentRows = (segments: NonNullable<Results['leadTimes']>['segments']): string[][] =>
      segments.map((segment) => {
        const cells = leadTimeCells(segment, m);
        return [`${segment.label}: ${segment.fromLabel} → ${segment.toLabel}`, cells.n, cells.mean, cells.median, cells.p90, cells.max, cells.notCounted === '' ? cells.withinTerm : `${cells.withinTerm} (${cells.notCounted})`];
      });
    const head = [t.segment, t.n, t.mean, t.median, t.p90, t.max, t.withinTerm];
    // The segment's steps and the share within the legal term are sentences; the numbers are short.
    const shares = [0.3, 0.06, 0.1, 0.1, 0.08, 0.08, 0.28];
    children.push(table(head, segmentRows(results.leadTimes.segments), shares));
    for (const apart of Object.values(results.leadTimes.byTrack)) children.push(heading(t.apartTitle(apart.label), HeadingLevel.HEADING_3), table(head, segmentRows(apart.segments), shares));
    children.push(plain(t.note));
  }

  const { grade } = results;
  children.push(heading(m.grade, HeadingLevel.HEADING_2));
  if (grade.display !== null) children.push(new Paragraph({ children: [new TextRun({ text: grade.display, bold: true, size: 44 })] }));
  children.push(plain(gradeLine(grade, m)));
  if (grade.distribution.length > 0) {
    children.push(table([m.page.mark, ...grade.distribution.map(({ mark }) => formatMark(mark, m))], [[m.page.marksGiven, ...grade.distribution.map(({ count: given }) => String(given))]]));
  }
  for (const [track, summary] of Object.entries(grade.byTrack)) {
    if (Object.keys(grade.byTrack).length > 1) children.push(plain(`${track}: ${gradeLine(summary, m)}`));
  }

  for (const youth of results.youth) {
    children.push(heading(m.youthTitle(youth.label, youth.respondents), HeadingLevel.HEADING_2));
    const columns = new Map<string, string>();
    for (const bar of youth.bars) for (const category of bar.categories) if (!columns.has(category.key)) columns.set(category.key, category.label);
    children.push(
      table(
        [m.page.figureColumn, m.page.bar, ...columns.values(), m.missing],
        youth.bars.map((bar) => [bar.figureId, bar.label, ...[...columns.keys()].map((key) => count(bar.counts[key] ?? 0)), count(bar.missing)]),
      ),
      plain(`${m.marks}: ${gradeLine(youth.grade, m)}`),
    );
  }

  children.push(heading(m.report.methodTitle, HeadingLevel.HEADING_2), plain(m.report.method(results.input.respondents, results.youth.map((track) => track.label)).join(' ')));
  children.push(plain(m.page.generatedBy(results.cj.version)));

  const document = new Document({
    title: text(results.survey.name),
    creator: 'cj',
    lastModifiedBy: 'cj',
    sections: [
      {
        properties: { page: { size: { width: '21cm', height: '29.7cm' }, margin: { top: '2cm', bottom: '2cm', left: SIDE_MARGIN, right: SIDE_MARGIN } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [new TextRun({ text: `${text(results.survey.name)}\t${m.report.pageNumber} `, size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 })],
                tabStops: [{ type: 'right', position: TEXT_WIDTH_TWIPS }],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  // Core properties without the clock: created and modified are what Word would read as "unknown".
  const core = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeHtml(results.survey.name)}</dc:title><dc:creator>cj</dc:creator><cp:lastModifiedBy>cj</cp:lastModifiedBy>`,
    '</cp:coreProperties>',
  ].join('');
  const buffer = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }]);
  return fixZipTimes(new Uint8Array(buffer));
}
