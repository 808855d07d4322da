/**
 * The page of a comparison (`index.html` in cj diff's folder): every comparison figure with a
 * table of its bars (n, the deciding test, the conclusion), the grade, the lead times, what was
 * not compared and the tests, in the shell and styles of the report's page (html.ts).
 */
import { Chalk } from 'chalk';
import { changeMark, formatP, formatPWithRelation } from '../diff/format.js';
import type { DiffResult, FigureComparison, NotCompared } from '../diff/types.js';
import type { Messages } from '../messages.js';
import { cohortLine, gradeLines, leadTimeLines, testLines } from './diff-terminal.js';
import { BASE_CSS, escapeHtml, htmlDocument } from './html.js';

/** The terminal's line builders without colour: the page says the same in the same words. */
const plain = new Chalk({ level: 0 });

const paragraphs = (lines: readonly string[]): string => lines.map((line) => `<p>${escapeHtml(line.trim())}</p>`).join('\n');

function barTable(figure: FigureComparison, diff: DiffResult, m: Messages): string {
  const sep = m.decimalSeparator;
  const head = [m.page.bar, 'n', m.resultsPage.test, m.resultsPage.conclusion].map(
    (text, index) => `<th scope="col"${index === 0 || index === 3 ? ' class="text"' : ''}>${escapeHtml(text)}</th>`,
  );
  const rows = figure.bars.map((bar) => {
    const test = m.diffPAdjusted(formatPWithRelation(bar.contingency.p, sep, diff.alpha), formatP(bar.contingency.pAdjusted, sep, diff.alpha));
    const verdict = diff.verdicts.find((line) => line.figureId === figure.id && line.column === bar.column);
    const words =
      bar.verdict !== 'changed'
        ? m.diffGradeConclusion(bar.verdict, 'none', diff.b.label, diff.tests.multiplicity.families.change.m)
        : `${changeMark(bar.direction)} ${bar.direction === 'none' ? m.diffChangedNoDirection(diff.b.label) : m.diffDirection(bar.direction, diff.b.label)}`;
    const cells = [`${bar.a.n} → ${bar.b.n}`, `Fisher-Freeman-Halton: ${test}`].map((text) => `<td>${escapeHtml(text)}</td>`).join('');
    return `<tr><th scope="row">${escapeHtml(bar.label)}</th>${cells}<td class="text" title="${escapeHtml(verdict?.text ?? '')}">${escapeHtml(words)}</td></tr>`;
  });
  return `<table class="counts"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function figureSection(figure: FigureComparison, svg: string, diff: DiffResult, m: Messages): string {
  const name = `${m.figure} ${figure.id}`;
  return [
    `<figure class="figure" id="figuur-${escapeHtml(figure.id)}" aria-label="${escapeHtml(`${name}: ${diff.a.label} → ${diff.b.label}`)}">`,
    // Vega escapes every text and attribute it writes; the SVG is its output, unchanged.
    `<div class="chart">${svg.trim()}</div>`,
    `<figcaption><strong>${escapeHtml(name)}</strong> ${escapeHtml(figure.titleB)}</figcaption>`,
    barTable(figure, diff, m),
    '</figure>',
  ].join('\n');
}

/** The page in the language of `m`; `svgs[i]` is the SVG of `diff.figures[i]`. */
export function renderDiffHtml(diff: DiffResult, svgs: readonly string[], m: Messages): string {
  const title = m.resultsPage.diffTitle(diff.a.label, diff.b.label);
  const conclusions = diff.verdicts.map((line) => `<li>${escapeHtml(line.verdict === 'changed' ? `${changeMark(line.direction)} ${line.text}` : line.text)}</li>`);
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${[cohortLine('a', diff.a, m), cohortLine('b', diff.b, m)].map(escapeHtml).join('<br>')}<br>${escapeHtml(m.page.generatedBy(diff.cj.version))}</p>`,
    diff.notes.length === 0 ? '' : `<section class="warnings"><h2>${escapeHtml(m.page.warningsTitle)}</h2><ul>${diff.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul></section>`,
    ...diff.figures.map((figure, index) => figureSection(figure, svgs[index] ?? '', diff, m)),
    diff.grade === null ? '' : `<section class="grade" id="rapportcijfer"><h2>${escapeHtml(m.grade)}</h2>${paragraphs(gradeLines(diff.grade, m, plain, diff.alpha).slice(1))}</section>`,
    diff.leadTimes.length === 0 ? '' : `<section class="lead-times" id="doorlooptijden"><h2>${escapeHtml(m.diffLeadTimesTitle)}</h2>${paragraphs(leadTimeLines(diff.leadTimes, diff, m, plain).slice(1))}</section>`,
    notComparedSection(diff.notCompared, m),
    `<section id="conclusie"><h2>${escapeHtml(m.diffConclusionTitle)}</h2><ul>${conclusions.join('')}</ul><p><strong>${escapeHtml(m.diffSummary(diff.summary.barsChanged, diff.summary.barsCompared))}</strong></p></section>`,
    `<section id="toetsen"><h2>${escapeHtml(m.diffTestsTitle)}</h2>${paragraphs(testLines(diff, m))}</section>`,
  ].filter((part) => part !== '');
  return htmlDocument(title, m, BASE_CSS, body);
}

/** What was left out of a comparison (cj diff) or a trend (cj trend), each with why; '' when nothing was. */
export function notComparedSection(entries: readonly NotCompared[], m: Messages): string {
  if (entries.length === 0) return '';
  return `<section id="niet-vergeleken"><h2>${escapeHtml(m.diffNotComparedTitle)}</h2><ul>${entries.map((entry) => `<li>${escapeHtml(entry.text)}</li>`).join('')}</ul></section>`;
}
