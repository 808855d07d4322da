/**
 * The page of a trend (`index.html` in cj trend's folder): per report figure its small multiples
 * with a table of the bars (n per wave, the trend test, what it shows), the grade per wave and
 * the lead times per wave, in the shell and styles of the report's page (html.ts).
 */
import { changeMark, formatP, formatPWithRelation } from '../diff/format.js';
import type { TrendFigure, TrendResult } from '../diff/trend.js';
import { formatDays, formatDecimal } from '../format.js';
import type { Messages } from '../messages.js';
import { notComparedSection } from './diff-page.js';
import { BASE_CSS, escapeHtml, htmlDocument } from './html.js';

const headRow = (cells: readonly string[], textColumns: readonly number[]): string =>
  `<thead><tr>${cells.map((text, index) => `<th scope="col"${textColumns.includes(index) ? ' class="text"' : ''}>${escapeHtml(text)}</th>`).join('')}</tr></thead>`;

function barTable(figure: TrendFigure, trend: TrendResult, m: Messages): string {
  const sep = m.decimalSeparator;
  const rows = trend.bars
    .filter((bar) => bar.figureId === figure.id)
    .map((bar) => {
      const test = bar.trend;
      const p = test === null ? m.trendNoTest : m.trendTest(test.method, formatPWithRelation(test.p, sep, trend.alpha), formatP(test.pAdjusted, sep, trend.alpha));
      const words = test === null ? '' : test.direction === 'none' ? m.trendDirection('none') : `${changeMark(test.direction)} ${m.trendDirection(test.direction)}`;
      return `<tr><th scope="row">${escapeHtml(bar.label)}</th><td>${escapeHtml(bar.waves.map((wave) => wave.n).join(', '))}</td><td class="text">${escapeHtml(p)}</td><td class="text">${escapeHtml(words)}</td></tr>`;
    });
  return `<table class="counts">${headRow([m.page.bar, 'n', m.resultsPage.test, m.resultsPage.conclusion], [0, 2, 3])}<tbody>${rows.join('')}</tbody></table>`;
}

function gradeTable(trend: TrendResult, m: Messages): string {
  const sep = m.decimalSeparator;
  const rows = trend.waves.map((wave, i) => {
    const grade = trend.grade[i];
    const mean = grade?.mean === null || grade?.mean === undefined ? '–' : formatDecimal(grade.mean, 1, sep);
    const interval = grade?.lower === null || grade?.upper === null || grade === undefined ? '–' : `${formatDecimal(grade.lower, 1, sep)} – ${formatDecimal(grade.upper, 1, sep)}`;
    return `<tr><th scope="row">${escapeHtml(wave.label)}</th><td>${grade?.n ?? 0}</td><td>${escapeHtml(mean)}</td><td>${escapeHtml(interval)}</td></tr>`;
  });
  return `<table class="counts">${headRow([m.resultsPage.wave, 'n', m.page.gradeMean, m.diffInterval], [0])}<tbody>${rows.join('')}</tbody></table>`;
}

function leadTimeTable(trend: TrendResult, m: Messages): string {
  const rows = trend.leadTimes.map((segment) => {
    const cells = segment.waves.map((wave) => `<td>${wave === null ? '–' : `${escapeHtml(formatDays(wave.median, m))} <span class="pct">(n=${wave.n})</span>`}</td>`);
    return `<tr><th scope="row">${escapeHtml(segment.label)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="counts">${headRow([m.leadTimes.segment, ...trend.waves.map((wave) => wave.label)], [0])}<tbody>${rows.join('')}</tbody><caption>${escapeHtml(m.resultsPage.median)}</caption></table>`;
}

const chart = (svg: string): string => `<div class="chart">${svg.trim()}</div>`;

/** The page in the language of `m`; `svgs.figures[i]` is the SVG of `trend.figures[i]`. */
export function renderTrendHtml(trend: TrendResult, svgs: { readonly figures: readonly string[]; readonly grade: string; readonly leadTimes: string | undefined }, m: Messages): string {
  const title = m.resultsPage.trendTitle(trend.waves.map((wave) => wave.label).join(' → '));
  const inputs = trend.waves.map((wave) => `<li>${escapeHtml(`${wave.label}: ${wave.file}, ${wave.respondents} ${m.page.respondents}`)}</li>`).join('');
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<section class="meta"><p>${escapeHtml(m.resultsPage.inputs)}:</p><ul>${inputs}</ul><p>${escapeHtml(m.page.generatedBy(trend.cj.version))}</p></section>`,
    ...trend.figures.map((figure, index) =>
      [
        `<figure class="figure" id="figuur-${escapeHtml(figure.id)}" aria-label="${escapeHtml(`${m.figure} ${figure.id}: ${figure.title}`)}">`,
        // Vega escapes every text and attribute it writes; the SVG is its output, unchanged.
        chart(svgs.figures[index] ?? ''),
        `<figcaption><strong>${escapeHtml(`${m.figure} ${figure.id}`)}</strong> ${escapeHtml(figure.title)}</figcaption>`,
        barTable(figure, trend, m),
        '</figure>',
      ].join('\n'),
    ),
    `<section class="grade" id="rapportcijfer"><h2>${escapeHtml(m.trendFigure.gradeTitle)}</h2>${chart(svgs.grade)}${gradeTable(trend, m)}</section>`,
    svgs.leadTimes === undefined
      ? ''
      : `<section class="lead-times" id="doorlooptijden"><h2>${escapeHtml(m.trendFigure.leadTimesTitle)}</h2><figure class="lead-times-chart">${chart(svgs.leadTimes)}</figure>${leadTimeTable(trend, m)}</section>`,
    notComparedSection(trend.notCompared, m),
    `<section id="toetsen"><h2>${escapeHtml(m.diffTestsTitle)}</h2><p>${escapeHtml(m.trendFigure.note(trend.bars.filter((bar) => bar.trend !== null).length, String(trend.alpha).replace('.', m.decimalSeparator)))}</p><p>${escapeHtml(m.trendFigure.gradeNote)}</p></section>`,
  ].filter((part) => part !== '');
  return htmlDocument(title, m, BASE_CSS, body);
}
