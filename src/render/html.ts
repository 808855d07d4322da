/**
 * One self-contained page with every figure of a run: the SVGs and the CSS inline, nothing
 * fetched, so `index.html` opens from a USB stick or an e-mail and prints on A4.
 */
import { formatMark, gradeLine as gradeText, leadTimeCells } from '../format.js';
import type { FigureResult, GradeSummary, LeadTimeResult, Results } from '../count/results.js';
import { messages, type Messages } from '../messages.js';
import { exclusionRules } from '../rules/judge.js';
import { hexColor } from '../color.js';
import { BACKGROUND, FONT_FAMILY } from './figure-spec.js';
import { safeText } from '../safe-text.js';
import { tiesRoundedApart } from './rounding.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML content and attribute values: every character with a meaning in markup escaped,
 * and every control or direction override neutralised (safeText): HTML is XML's cousin, and a
 * page is read on screens that honour a bidi override.
 */
export function escapeHtml(text: string): string {
  return safeText(text).replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}


/**
 * How a page writes the counts of its tables. The analyst's page shows every count; the
 * publication page may mask small ones (--suppress) and names each bar by its full statement.
 */
/**
 * A category's colour swatch and label for a table header. A browser may break a line after any
 * inline block, so the swatch and the label's first word are one unbreakable span: a header
 * that wraps keeps its swatch with its words.
 */
function swatchedLabel(category: { readonly label: string; readonly color: string }): string {
  const [first = '', ...rest] = category.label.split(' ');
  const swatch = `<span class="swatch" style="background:${escapeHtml(hexColor(category.color))}"></span>`;
  return `<span class="nowrap">${swatch}${escapeHtml(first)}</span>${rest.length === 0 ? '' : ` ${escapeHtml(rest.join(' '))}`}`;
}

export interface TableStyle {
  /** A count as the table shows it, or null to show it as it is. */
  readonly mask: (count: number) => string | null;
  /** The row header of a bar. */
  readonly rowLabel: (bar: FigureResult['bars'][number]) => string;
}

export const analystTables: TableStyle = { mask: () => null, rowLabel: (bar) => bar.label };

/** Masks counts from 1 to `below` − 1 as "<below" (zero stays: it singles out no one). */
export function maskedTables(below: number, m: Messages): TableStyle {
  return { mask: (count) => (count > 0 && count < below ? m.report.maskedCell(below) : null), rowLabel: (bar) => bar.text ?? bar.label };
}

export function countsTable(figure: FigureResult, m: Messages, style: TableStyle = analystTables): string {
  const showMissing = figure.bars.some((bar) => bar.missing > 0);
  const head = [
    `<th scope="col" class="text">${escapeHtml(m.page.bar)}</th>`,
    ...figure.categories.map((category) => `<th scope="col">${swatchedLabel(category)}</th>`),
    `<th scope="col">${escapeHtml(m.page.total)}</th>`,
    ...(showMissing ? [`<th scope="col">${escapeHtml(m.missing)}</th>`] : []),
  ];
  const rows = figure.bars.map((bar) => {
    const cells = figure.categories.map((category) => {
      const count = bar.counts[category.key] ?? 0;
      const masked = style.mask(count);
      if (masked !== null) return `<td>${escapeHtml(masked)}</td>`;
      const percentage = bar.percentages[category.key] ?? 0;
      return `<td>${count} <span class="pct">(${percentage}%)</span></td>`;
    });
    const cell = (count: number): string => escapeHtml(style.mask(count) ?? String(count));
    return `<tr><th scope="row">${escapeHtml(style.rowLabel(bar))}</th>${cells.join('')}<td>${cell(bar.n)}</td>${showMissing ? `<td>${cell(bar.missing)}</td>` : ''}</tr>`;
  });
  return [
    '<table class="counts">',
    `<caption>${escapeHtml(m.page.tableCaption(figure.id))}</caption>`,
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    tiesRoundedApart(figure) ? `<p class="table-note">${escapeHtml(m.report.roundingNote)}</p>` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The figure as the page shows it: the SVG, a caption for screen readers. */
export function figureChart(figure: FigureResult, svg: string, m: Messages): string[] {
  return [
    // Vega escapes every text and attribute it writes; the SVG is its output, unchanged.
    `<div class="chart">${svg.trim()}</div>`,
    // The SVG shows title and footnote; the caption gives them as text to screen readers and search.
    `<figcaption><strong>${escapeHtml(`${m.figure} ${figure.id}`)}</strong> ${escapeHtml(figure.title)}${figure.footnote === null ? '' : ` <span class="footnote">${escapeHtml(figure.footnote)}</span>`}</figcaption>`,
  ];
}

function figureSection(figure: FigureResult, svg: string, m: Messages): string {
  const name = `${m.figure} ${figure.id}`;
  const left = figure.respondentsLeftOut;
  const leftOut = [
    [m.page.withdrawnConsent, left.withdrawnConsent],
    [m.page.onlyNotApplicable, left.onlyNotApplicable],
    [m.page.noAnswer, left.noAnswer],
  ] as const;
  const leftOutText = leftOut
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${count} ${count === 1 ? m.page.respondent : m.page.respondents} (${escapeHtml(label)})`)
    .join('; ');
  return [
    `<figure class="figure" id="figuur-${escapeHtml(figure.id)}" aria-label="${escapeHtml(`${name}: ${figure.title}`)}">`,
    ...figureChart(figure, svg, m),
    countsTable(figure, m),
    leftOutText === '' ? '' : `<p class="left-out">${escapeHtml(m.page.respondentsLeftOutOfFigures)}: ${leftOutText}</p>`,
    '</figure>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function countCell(count: number, style: TableStyle): string {
  return escapeHtml(style.mask(count) ?? String(count));
}

function gradeLine(grade: GradeSummary, m: Messages): string {
  return escapeHtml(gradeText(grade, m));
}

function distributionTable(grade: GradeSummary, m: Messages): string {
  if (grade.distribution.length === 0) return '';
  const marks = grade.distribution.map(({ mark: value }) => `<th scope="col">${formatMark(value, m)}</th>`).join('');
  const counts = grade.distribution.map(({ count }) => `<td>${count}</td>`).join('');
  return [
    '<table class="distribution">',
    `<thead><tr><th scope="row">${escapeHtml(m.page.mark)}</th>${marks}</tr></thead>`,
    `<tbody><tr><th scope="row">${escapeHtml(m.page.marksGiven)}</th>${counts}</tr></tbody>`,
    '</table>',
  ].join('\n');
}

export function gradeSection(results: Results, m: Messages): string {
  const { grade } = results;
  const byTrack = Object.entries(grade.byTrack).map(([track, summary]) => `<li>${escapeHtml(track)}: ${gradeLine(summary, m)}</li>`);
  return [
    '<section class="grade" id="rapportcijfer">',
    `<h2>${escapeHtml(m.grade)}</h2>`,
    grade.display === null ? '' : `<p class="grade-display">${escapeHtml(grade.display)}</p>`,
    `<p>${gradeLine(grade, m)}${grade.min === null || grade.max === null ? '' : `; ${escapeHtml(m.page.gradeRange)} ${formatMark(grade.min, m)} – ${formatMark(grade.max, m)}`}</p>`,
    distributionTable(grade, m),
    byTrack.length > 1 ? `<ul>${byTrack.join('')}</ul>` : '',
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function youthSections(results: Results, m: Messages, style: TableStyle = analystTables): string[] {
  return results.youth.map((youth) => {
    // Every answer a track reported apart gave, n.v.t. included, in the order of its scales.
    const columns = new Map<string, string>();
    for (const bar of youth.bars) for (const category of bar.categories) if (!columns.has(category.key)) columns.set(category.key, category.label);
    const keys = [...columns.keys()];
    const head = [
      `<th scope="col">${escapeHtml(m.page.figureColumn)}</th>`,
      `<th scope="col" class="text">${escapeHtml(m.page.bar)}</th>`,
      ...keys.map((key) => `<th scope="col">${escapeHtml(columns.get(key) ?? key)}</th>`),
      `<th scope="col">${escapeHtml(m.missing)}</th>`,
    ];
    const rows = youth.bars.map(
      (bar) =>
        `<tr><td>${escapeHtml(bar.figureId)}</td><th scope="row">${escapeHtml(bar.label)}</th>${keys.map((key) => `<td>${countCell(bar.counts[key] ?? 0, style)}</td>`).join('')}<td>${countCell(bar.missing, style)}</td></tr>`,
    );
    return [
      `<section class="youth" id="apart-${escapeHtml(youth.track)}">`,
      `<h2>${escapeHtml(m.youthTitle(youth.label, youth.respondents))}</h2>`,
      '<table class="counts">',
      `<thead><tr>${head.join('')}</tr></thead>`,
      `<tbody>${rows.join('')}</tbody>`,
      '</table>',
      `<p>${escapeHtml(m.marks)}: ${gradeLine(youth.grade, m)}</p>`,
      '</section>',
    ].join('\n');
  });
}

function leftOutSection(results: Results, m: Messages): string {
  const { byRule } = results.exclusionSummary;
  const rules = exclusionRules.filter((rule) => (byRule[rule] ?? 0) > 0);
  const withdrawn = results.input.withdrawn;
  const lines = ['<section class="left-out" id="weggelaten">', `<h2>${escapeHtml(m.leftOutTitle)}</h2>`];
  if (rules.length === 0 && withdrawn.length === 0) lines.push(`<p>${escapeHtml(m.nothingLeftOut)}</p>`);
  if (rules.length > 0) {
    const rows = rules.map((rule) => `<tr><td>${byRule[rule] ?? 0}</td><th scope="row">${escapeHtml(m.ruleNames[rule])}</th></tr>`);
    lines.push(`<table class="rules"><thead><tr><th scope="col">${escapeHtml(m.page.counts)}</th><th scope="col" class="text">${escapeHtml(m.page.rule)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  if (withdrawn.length > 0) {
    // The page names the first 50; results.json and exclusions.csv have them all.
    const more = results.input.withdrawnTotal > Math.min(withdrawn.length, 50) ? '<li>…</li>' : '';
    const who = withdrawn.slice(0, 50).map((entry) => `<li>${escapeHtml(m.withdrawnEntry(entry.respondent, entry.withdrawnAfter))}</li>`).join('') + more;
    lines.push(`<p>${escapeHtml(m.withdrawnRespondents(results.input.withdrawnTotal))}:</p>`, `<ul>${who}</ul>`);
  }
  lines.push('</section>');
  return lines.join('\n');
}

function leadTimeTable(segments: readonly LeadTimeResult[], m: Messages): string {
  const t = m.leadTimes;
  const head = [t.segment, t.n, t.mean, t.median, t.p90, t.max, t.withinTerm].map((text, index) => `<th scope="col"${index === 0 || index === 6 ? ' class="text"' : ''}>${escapeHtml(text)}</th>`);
  const rows = segments.map((segment) => {
    const cells = leadTimeCells(segment, m);
    const label = `${segment.label}: ${segment.fromLabel} → ${segment.toLabel}`;
    const notCounted = cells.notCounted === '' ? '' : ` <span class="pct">(${escapeHtml(cells.notCounted)})</span>`;
    const numbers = [cells.n, cells.mean, cells.median, cells.p90, cells.max].map((value) => `<td>${escapeHtml(value)}</td>`).join('');
    return `<tr><th scope="row">${escapeHtml(label)}</th>${numbers}<td class="text">${escapeHtml(cells.withinTerm)}${notCounted}</td></tr>`;
  });
  return `<table class="counts"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The lead times: the figure and table of the main track, then each track reported apart. */
export function leadTimeSection(results: Results, svg: string | undefined, m: Messages): string {
  const { leadTimes } = results;
  if (leadTimes === undefined) return '';
  const t = m.leadTimes;
  const lines = [
    '<section class="lead-times" id="doorlooptijden">',
    `<h2>${escapeHtml(t.title(leadTimes.trackLabel))}</h2>`,
    // On paper the figure stays with its table; the tracks reported apart may follow overleaf.
    '<div class="keep-together">',
    svg === undefined ? '' : `<figure class="lead-times-chart"><div class="chart">${svg}</div></figure>`,
    leadTimeTable(leadTimes.segments, m),
    '</div>',
  ];
  for (const apart of Object.values(leadTimes.byTrack)) {
    lines.push(`<h3>${escapeHtml(t.apartTitle(apart.label))}</h3>`, leadTimeTable(apart.segments, m));
  }
  lines.push(`<p class="left-out">${escapeHtml(t.note)}</p>`, '</section>');
  return lines.filter((line) => line !== '').join('\n');
}

export const BASE_CSS = `
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT_FAMILY}; color: #1a1a1a; background: ${BACKGROUND}; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
.meta { color: #333; font-size: 0.9rem; margin: 0 0 1.5rem; }
.figure { margin: 0 0 2.5rem; break-inside: avoid; page-break-inside: avoid; }
.lead-times-chart { margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.keep-together { break-inside: avoid; page-break-inside: avoid; }
.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
caption { text-align: left; color: #333; padding-bottom: 0.25rem; }
th, td { border-bottom: 1px solid #d0d0d0; padding: 0.2rem 0.6rem; text-align: right; font-variant-numeric: tabular-nums; }
th[scope="row"] { text-align: left; font-weight: normal; }
th.text, td.text { text-align: left; }
thead th { font-weight: bold; border-bottom: 1px solid #737373; }
.pct { color: #4d4d4d; }
.nowrap { white-space: nowrap; }
.swatch { display: inline-block; width: 0.7em; height: 0.7em; margin-right: 0.3em; border: 0.5px solid #8c8c8c; vertical-align: baseline; }
p.left-out, p.table-note { font-size: 0.85rem; color: #333; margin: 0.25rem 0; }
.grade-display { font-size: 2.2rem; font-weight: bold; margin: 0; }
section { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
`;

/**
 * The page: every figure (SVG, its counts with percentages, its footnote), the grade, the
 * tracks reported apart and what was left out. `svgs[i]` is the SVG of `results.figures[i]`.
 */
/** The page in the language of `m` (the run's --lang; Dutch by default, as the report). */
export function renderHtml(results: Results, svgs: readonly string[], m: Messages = messages.nl, leadTimeSvg?: string, sections: readonly string[] = []): string {
  const input = results.input;
  const byTrack = Object.entries(input.respondentsByTrack)
    .map(([track, n]) => `${n} ${track}`)
    .join(', ');
  const warnings = results.warnings.map((warning) => `<li>${escapeHtml(warning.message)}</li>`).join('');
  const body = [
    `<h1>${escapeHtml(results.survey.name)}</h1>`,
    `<p class="meta">${escapeHtml(m.page.inputTitle)}: ${escapeHtml(input.file)} (sha256 ${escapeHtml(input.sha256.slice(0, 12))}…). ${escapeHtml(m.respondentsRead(input.respondents, byTrack))}. ${escapeHtml(m.page.generatedBy(results.cj.version))} ${escapeHtml(m.report.publicationNote)}</p>`,
    warnings === '' ? '' : `<section class="warnings"><h2>${escapeHtml(m.page.warningsTitle)}</h2><ul>${warnings}</ul></section>`,
    ...results.figures.map((figure, index) => figureSection(figure, svgs[index] ?? '', m)),
    gradeSection(results, m),
    ...youthSections(results, m),
    leadTimeSection(results, leadTimeSvg, m),
    // Breakdowns (src/render/breakdown-html.ts), HTML already.
    ...sections,
    leftOutSection(results, m),
  ].filter((part) => part !== '');
  return htmlDocument(results.survey.name, m, BASE_CSS, body);
}

/** A whole self-contained page: no script, no link, nothing fetched. */
export function htmlDocument(title: string, m: Messages, css: string, body: readonly string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${m.page.htmlLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
