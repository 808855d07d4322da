/**
 * A comparison as a person reads it in a terminal: per figure and bar both cohorts' counts and
 * shares, the change with its interval, the tests; then the grade, what could not be compared,
 * and the conclusion in sentences.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { displayWidth, formatDays, formatDecimal, padEnd, padStart } from '../format.js';
import { captionWithoutN, changeMark, formatP, formatPWithRelation, formatShare, formatSigned } from '../diff/format.js';
import type { BarComparison, DiffInput, DiffResult, FigureComparison, GradeComparison, LeadTimeComparison, NotCompared } from '../diff/types.js';
import type { Messages } from '../messages.js';
import { safeStrings } from '../safe-text.js';


export function cohortLine(side: 'a' | 'b', input: DiffInput, m: Messages): string {
  const source = input.countedFrom === null ? m.diffSourceCsv(input.file) : m.diffSourceResults(input.file, input.countedFrom.file);
  return m.diffCohort(side, input.label, source, input.respondents);
}

function barLines(bar: BarComparison, diff: DiffResult, m: Messages, chalk: ChalkInstance): string[] {
  const sep = m.decimalSeparator;
  const labelWidth = Math.max(...bar.categories.map((category) => displayWidth(category.label)), 8) + 2;
  const cohortWidth = Math.max(displayWidth(diff.a.label), displayWidth(diff.b.label), 9) + 2;
  const lines = [
    chalk.bold(`  ${bar.label}`),
    chalk.dim(
      '    ' +
        padEnd('', labelWidth) +
        padStart(diff.a.label, cohortWidth) +
        padStart(diff.b.label, cohortWidth) +
        padStart(m.diffChange, 10) +
        '   ' +
        m.diffInterval,
    ),
  ];
  for (const category of bar.categories) {
    const cell = (count: number, share: number): string => padStart(`${count} ${padStart(formatShare(share), 4)}`, cohortWidth);
    const { points, lower, upper } = category.change;
    lines.push(
      '    ' +
        padEnd(category.label, labelWidth) +
        cell(category.a.count, category.a.share) +
        cell(category.b.count, category.b.share) +
        padStart(`${formatSigned(points, 0, sep)} pp`, 10) +
        '   ' +
        chalk.dim(m.diffRange(formatSigned(lower, 0, sep), formatSigned(upper, 0, sep))),
    );
  }
  lines.push(chalk.dim('    ' + padEnd('n', labelWidth) + padStart(`${bar.a.n}     `, cohortWidth) + padStart(`${bar.b.n}     `, cohortWidth)));
  const { contingency, ordinal } = bar;
  const alpha = diff.alpha;
  lines.push(
    `    Fisher-Freeman-Halton (${m.diffMethod(contingency.method, contingency.tables, formatDecimal(contingency.standardError ?? 0, 4, sep))}): ${m.diffPAdjusted(formatPWithRelation(contingency.p, sep, alpha), formatP(contingency.pAdjusted, sep, alpha))}` +
      chalk.dim(` — ${m.diffDecides}`),
  );
  lines.push(
    ordinal === null
      ? chalk.dim(`    ${m.diffNoOrdinal}`)
      : `    Mann-Whitney (${m.diffOrdinalMethod(ordinal.method, ordinal.draws, formatDecimal(ordinal.standardError, 4, sep))}): ${m.diffPAdjusted(formatPWithRelation(ordinal.p, sep, alpha), formatP(ordinal.pAdjusted, sep, alpha))}; Cliff's δ = ${formatSigned(ordinal.cliffsDelta, 2, sep)}` +
          chalk.dim(` — ${m.diffGivesDirection}`),
  );
  if (bar.verdict === 'changed') {
    const paint = bar.direction === 'better' ? chalk.green : bar.direction === 'worse' ? chalk.red : chalk.yellow;
    const arrow = changeMark(bar.direction);
    const words = bar.direction === 'none' ? m.diffChangedNoDirection(diff.b.label) : m.diffDirection(bar.direction, diff.b.label);
    lines.push(paint(`    ${arrow} ${words}`));
  }
  return lines;
}

function figureLines(figure: FigureComparison, diff: DiffResult, m: Messages, chalk: ChalkInstance): string[] {
  const head = `${m.figure} ${figure.id}`;
  const [captionA, captionB] = [captionWithoutN(figure.titleA), captionWithoutN(figure.titleB)];
  const sizes = chalk.dim(`  (N = ${figure.N.a} → ${figure.N.b})`);
  const lines =
    captionA === captionB
      ? [chalk.bold(`${head}  ${captionA}`) + sizes]
      : [chalk.bold(`${head}  a: ${captionA}`), chalk.bold(`${' '.repeat(head.length)}  b: ${captionB}`) + sizes];
  for (const bar of figure.bars) lines.push(...barLines(bar, diff, m, chalk));
  return lines;
}

export function gradeLines(grade: GradeComparison, m: Messages, chalk: ChalkInstance, alpha: number): string[] {
  const sep = m.decimalSeparator;
  const lines = [
    `${chalk.bold(m.grade)}  ${m.diffGradeMeans(formatDecimal(grade.a.mean, 1, sep), formatDecimal(grade.b.mean, 1, sep), formatSigned(grade.difference, 2, sep))}` +
      chalk.dim(`  n = ${grade.a.n}, ${grade.b.n}`),
  ];
  if (grade.welch !== null) {
    lines.push(`  ${m.diffWelch(formatSigned(grade.welch.lower, 2, sep), formatSigned(grade.welch.upper, 2, sep), formatPWithRelation(grade.welch.p, sep))}`);
  }
  if ('skipped' in grade.permutation) lines.push(chalk.dim(`  ${m.diffPermutationSkipped(grade.permutation.skipped)}`));
  lines.push(`  ${m.diffTestName(grade.test)}: ${m.diffPAdjusted(formatPWithRelation(grade.p, sep, alpha), formatP(grade.pAdjusted, sep, alpha))}`);
  if (grade.hedgesG !== null) lines.push(`  Hedges' g = ${formatSigned(grade.hedgesG, 2, sep)}`);
  return lines;
}

export function leadTimeLines(leadTimes: readonly LeadTimeComparison[], diff: DiffResult, m: Messages, chalk: ChalkInstance): string[] {
  const sep = m.decimalSeparator;
  const signedDays = (value: number): string => (value > 0 ? '+' : value < 0 ? '−' : '±') + formatDays(Math.abs(value), m);
  const lines = [chalk.bold(m.diffLeadTimesTitle)];
  for (const segment of leadTimes) {
    lines.push(`  ${m.diffLeadTime(segment.label, formatDays(segment.a.median, m), formatDays(segment.b.median, m), signedDays(segment.b.median - segment.a.median), segment.a.n, segment.b.n)}`);
    const interval = segment.medianDifference;
    lines.push(`    ${interval === null ? chalk.dim(m.diffLeadTimeNoInterval) : m.diffLeadTimeInterval(signedDays(interval.lower), signedDays(interval.upper))}`);
    const test = segment.mannWhitney;
    lines.push(`    Mann-Whitney (${m.diffOrdinalMethod(test.method)}): ${m.diffPAdjusted(formatPWithRelation(test.p, sep), formatP(test.pAdjusted, sep))}`);
    if (segment.verdict === 'changed') {
      const paint = segment.direction === 'better' ? chalk.green : segment.direction === 'worse' ? chalk.red : chalk.yellow;
      lines.push(paint(`    ${changeMark(segment.direction)} ${m.diffLeadTimeChange(segment.direction, diff.b.label)}`));
    }
  }
  lines.push(chalk.dim(`  ${m.diffLeadTimesNote}`));
  return lines;
}

/** What the tests are and which ran: the terminal's and the page's footer. */
export function testLines(diff: DiffResult, m: Messages): string[] {
  const bars = diff.figures.flatMap((figure) => figure.bars);
  const exactTables = bars.filter((bar) => bar.contingency.method === 'exact').length;
  const ordinals = bars.flatMap((bar) => (bar.ordinal === null ? [] : [bar.ordinal]));
  const exactOrdinal = ordinals.filter((ordinal) => ordinal.method === 'exact').length;
  return [
    ...m.diffTestsText(String(diff.alpha).replace('.', m.decimalSeparator), diff.tests.multiplicity.families.change.m, diff.tests.multiplicity.families.ordinal.m).split('\n'),
    m.diffTestsRan(exactTables, bars.length - exactTables, exactOrdinal, ordinals.length - exactOrdinal),
  ];
}

export function renderDiffTerminal(unsafe: DiffResult, m: Messages, color: boolean): string {
  // Labels, file names and sentences quoting them come from input: a terminal obeys an ESC.
  const diff = safeStrings(unsafe);
  const chalk = new Chalk({ level: color ? 3 : 0 });
  const lines = [chalk.bold(m.diffHeading(diff.a.label, diff.b.label)), chalk.dim(cohortLine('a', diff.a, m)), chalk.dim(cohortLine('b', diff.b, m)), ''];
  for (const figure of diff.figures) lines.push(...figureLines(figure, diff, m, chalk), '');
  if (diff.grade !== null) lines.push(...gradeLines(diff.grade, m, chalk, diff.alpha), '');
  if (diff.leadTimes.length > 0) lines.push(...leadTimeLines(diff.leadTimes, diff, m, chalk), '');
  if (diff.notCompared.length > 0) lines.push(...notComparedLines(diff.notCompared, m, chalk), '');
  for (const note of diff.notes) lines.push(chalk.yellow(`${m.notice}: ${note}`));
  if (diff.notes.length > 0) lines.push('');
  lines.push(chalk.bold(m.diffConclusionTitle));
  for (const verdict of diff.verdicts) {
    const paint = verdict.verdict !== 'changed' ? (text: string) => text : verdict.direction === 'worse' ? chalk.red : chalk.green;
    lines.push(paint(`  ${verdict.text}`));
  }
  lines.push(chalk.bold(`  ${m.diffSummary(diff.summary.barsChanged, diff.summary.barsCompared)}`), '');
  lines.push(chalk.dim(m.diffTestsTitle), ...testLines(diff, m).map((line) => chalk.dim(`  ${line}`)));
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

/** What was left out of a comparison (cj diff) or a trend (cj trend), under its heading, each with why. */
export function notComparedLines(entries: readonly NotCompared[], m: Messages, chalk: ChalkInstance): string[] {
  return [chalk.bold(m.diffNotComparedTitle), ...entries.map((entry) => `  ${entry.text}`)];
}
