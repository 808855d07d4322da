import { Chalk, type ChalkInstance } from 'chalk';
import type { FigureResult, LeadTimeResult, Results } from '../count/results.js';
import { exclusionRules } from '../rules/judge.js';
import { displayWidth, formatMark, gradeLine, leadTimeCells, padEnd, padStart } from '../format.js';
import type { Messages } from '../messages.js';
import { safeStrings } from '../safe-text.js';
import { rgbOf } from '../color.js';

const BAR_WIDTH = 32;
const WITHDRAWN_SHOWN = 10;
/** Without colour the segments differ by shade, in the figure's category order (n.v.t. last). */
const SHADES = ['▓', '░', '█', '▒', '▚'];
const NOT_APPLICABLE_SHADE = '·';


function segments(figure: FigureResult, counts: Readonly<Record<string, number>>, chalk: ChalkInstance): string {
  const N = Math.max(figure.N, 1);
  let drawn = 0;
  let used = 0;
  let out = '';
  figure.categories.forEach((category, index) => {
    const count = counts[category.key] ?? 0;
    // Cumulative rounding, so the segments of a full bar always fill the width exactly.
    drawn += count;
    const end = Math.round((drawn / N) * BAR_WIDTH);
    const cells = end - used;
    used = end;
    if (cells <= 0) return;
    const isNotApplicable = index === figure.categories.length - 1 && figure.showNotApplicable;
    const shade = isNotApplicable ? NOT_APPLICABLE_SHADE : (SHADES[index] ?? '#');
    out += chalk.level > 0 ? chalk.bgRgb(...rgbOf(category.color))(' '.repeat(cells)) : shade.repeat(cells);
  });
  return padEnd(out, BAR_WIDTH);
}

function figureTable(figure: FigureResult, messages: Messages, chalk: ChalkInstance): string[] {
  const lines = [chalk.bold(`${messages.figure} ${figure.id}  ${figure.title}`)];
  const labelWidth = Math.max(...figure.bars.map((bar) => displayWidth(bar.label)), 4);
  const cellWidth = Math.max(...figure.categories.map((category) => displayWidth(category.label)), 9);
  const head =
    '  ' +
    padEnd('', labelWidth) +
    figure.categories.map((category) => padStart(category.label, cellWidth + 1)).join('') +
    padStart('n', 5) +
    padStart(messages.missing, 7);
  lines.push(chalk.dim(head));
  for (const bar of figure.bars) {
    const cells = figure.categories.map((category) => {
      const count = bar.counts[category.key] ?? 0;
      return padStart(`${count} ${chalk.dim(`(${bar.percentages[category.key] ?? 0}%)`)}`, cellWidth + 1);
    });
    lines.push(
      '  ' +
        padEnd(bar.label, labelWidth) +
        cells.join('') +
        padStart(String(bar.n), 5) +
        padStart(bar.missing > 0 ? String(bar.missing) : '', 7) +
        '  ' +
        segments(figure, bar.counts, chalk),
    );
  }
  const legend = figure.categories
    .map((category, index) => {
      const isNotApplicable = index === figure.categories.length - 1 && figure.showNotApplicable;
      const key = chalk.level > 0 ? chalk.bgRgb(...rgbOf(category.color))('  ') : (isNotApplicable ? NOT_APPLICABLE_SHADE : (SHADES[index] ?? '#')).repeat(2);
      return `${key} ${category.label}`;
    })
    .join('   ');
  lines.push('  ' + chalk.dim(legend));
  if (figure.footnote !== null) lines.push('  ' + chalk.italic(figure.footnote));
  return lines;
}

/** A table of lead times: a row per segment, the numbers right-aligned. */
function leadTimeTable(title: string, segments: readonly LeadTimeResult[], messages: Messages, chalk: ChalkInstance): string[] {
  const m = messages.leadTimes;
  const labels = segments.map((segment) => `${segment.label}: ${segment.fromLabel} → ${segment.toLabel}`);
  const labelWidth = Math.max(...labels.map(displayWidth), displayWidth(m.segment));
  const numbers = [m.n, m.mean, m.median, m.p90, m.max] as const;
  const width = Math.max(...numbers.map(displayWidth), 5) + 2;
  const lines = [chalk.bold(title), chalk.dim('  ' + padEnd(m.segment, labelWidth) + numbers.map((head) => padStart(head, width)).join('') + '  ' + m.withinTerm)];
  segments.forEach((segment, index) => {
    const cells = leadTimeCells(segment, messages);
    const values = [cells.n, cells.mean, cells.median, cells.p90, cells.max];
    const notCounted = cells.notCounted === '' ? '' : chalk.dim(`  (${cells.notCounted})`);
    lines.push('  ' + padEnd(labels[index] ?? '', labelWidth) + values.map((value) => padStart(value, width)).join('') + '  ' + cells.withinTerm + notCounted);
  });
  return lines;
}

/**
 * The results as a person reads them in a terminal: a table per figure, the grade, the rest.
 * Every text from input (labels, track ids, respondent codes) is neutralised first: a terminal
 * obeys an ESC it is given.
 */
export function renderTerminal(unsafe: Results, messages: Messages, color: boolean): string {
  const results = safeStrings(unsafe);
  const chalk = new Chalk({ level: color ? 3 : 0 });
  const lines: string[] = [];
  const byTrack = Object.entries(results.input.respondentsByTrack)
    .map(([track, n]) => `${n} ${track}`)
    .join(', ');
  lines.push(chalk.dim(messages.respondentsRead(results.input.respondents, byTrack)), '');
  for (const figure of results.figures) lines.push(...figureTable(figure, messages, chalk), '');

  const { grade } = results;
  lines.push(chalk.bold(messages.grade) + '  ' + gradeLine(grade, messages));
  const distribution = grade.distribution.map(({ mark, count }) => `${formatMark(mark, messages)}×${count}`);
  if (distribution.length > 0) lines.push('  ' + chalk.dim(distribution.join('  ')));
  lines.push('');

  for (const youth of results.youth) {
    lines.push(chalk.bold(messages.youthTitle(youth.label, youth.respondents)));
    const labelWidth = Math.max(...youth.bars.map((bar) => bar.label.length + bar.figureId.length + 3), 10);
    for (const bar of youth.bars) {
      const counts = bar.categories.map((category) => `${category.label} ${bar.counts[category.key] ?? 0}`).join('  ');
      lines.push(`  ${padEnd(`${bar.figureId}: ${bar.label}`, labelWidth)}  ${counts}${bar.missing > 0 ? `  (${messages.missing} ${bar.missing})` : ''}`);
    }
    lines.push(`  ${messages.marks}: ${gradeLine(youth.grade, messages)}`, '');
  }

  if (results.leadTimes !== undefined) {
    const { leadTimes } = results;
    lines.push(...leadTimeTable(messages.leadTimes.title(leadTimes.trackLabel), leadTimes.segments, messages, chalk));
    for (const apart of Object.values(leadTimes.byTrack)) {
      lines.push('', ...leadTimeTable(messages.leadTimes.apartTitle(apart.label), apart.segments, messages, chalk));
    }
    lines.push('  ' + chalk.dim(messages.leadTimes.note), '');
  }

  lines.push(chalk.bold(messages.leftOutTitle));
  const { byRule } = results.exclusionSummary;
  const rules = exclusionRules.filter((rule) => (byRule[rule] ?? 0) > 0);
  if (rules.length === 0 && results.input.withdrawn.length === 0) lines.push('  ' + messages.nothingLeftOut);
  for (const rule of rules) lines.push(`  ${padStart(messages.answers(byRule[rule] ?? 0), 14)}  ${messages.ruleNames[rule]}`);
  if (results.input.withdrawn.length > 0) {
    // A terminal names the first few; results.json and exclusions.csv have them all.
    const shown = results.input.withdrawn.slice(0, WITHDRAWN_SHOWN);
    const who = shown.map((entry) => messages.withdrawnEntry(entry.respondent, entry.withdrawnAfter)).join(', ');
    const more = results.input.withdrawnTotal > shown.length ? ', …' : '';
    lines.push(`  ${messages.withdrawnRespondents(results.input.withdrawnTotal)}: ${who}${more}`);
  }
  return lines.join('\n') + '\n';
}
