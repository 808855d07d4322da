/**
 * `cj trend` as a person reads it in a terminal: per bar the share of each category per wave with
 * its interval, the trend test and what it shows; then the grade per wave.
 */
import { Chalk } from 'chalk';
import { formatDays, formatDecimal, padEnd, padStart } from '../format.js';
import { formatP, formatPWithRelation, formatShare } from '../diff/format.js';
import type { TrendResult } from '../diff/trend.js';
import type { Messages } from '../messages.js';
import { safeStrings } from '../safe-text.js';
import { notComparedLines } from './diff-terminal.js';


export function renderTrendTerminal(unsafe: TrendResult, m: Messages, color: boolean): string {
  // Labels and file names come from input: a terminal obeys an ESC.
  const trend = safeStrings(unsafe);
  const chalk = new Chalk({ level: color ? 3 : 0 });
  const sep = m.decimalSeparator;
  const labels = trend.waves.map((wave) => wave.label);
  const width = Math.max(...labels.map((label) => label.length), 16) + 2;
  const lines = [chalk.bold(m.trendHeading(labels.join(' → '))), ''];
  for (const bar of trend.bars) {
    lines.push(chalk.bold(`${m.figure} ${bar.figureId}, ${bar.label}`));
    const categoryWidth = Math.max(...(bar.waves[0]?.categories ?? []).map((category) => category.label.length), 8) + 2;
    lines.push(chalk.dim(`    ${padEnd('', categoryWidth)}${labels.map((label) => padStart(label, width)).join('')}`));
    (bar.waves[0]?.categories ?? []).forEach((category, j) => {
      const cells = bar.waves.map((wave) => {
        const share = wave.categories[j]!;
        return padStart(`${formatShare(share.share)} (${formatShare(share.lower)}–${formatShare(share.upper)})`, width);
      });
      lines.push(`    ${padEnd(category.label, categoryWidth)}${cells.join('')}`);
    });
    lines.push(chalk.dim(`    ${padEnd('n', categoryWidth)}${bar.waves.map((wave) => padStart(String(wave.n), width)).join('')}`));
    if (bar.trend === null) {
      lines.push(chalk.dim(`    ${m.trendNoTest}`));
    } else {
      const { trend: test } = bar;
      const words = m.trendDirection(test.direction);
      const paint = test.direction === 'up' ? chalk.green : test.direction === 'down' ? chalk.red : (text: string) => text;
      lines.push(`    ${m.trendTest(test.method, formatPWithRelation(test.p, sep, trend.alpha), formatP(test.pAdjusted, sep, trend.alpha))}: ${paint(words)}`);
    }
    lines.push('');
  }
  lines.push(chalk.bold(m.grade));
  trend.grade.forEach((grade, i) => {
    const mean = grade.mean === null ? '–' : formatDecimal(grade.mean, 1, sep);
    const interval = grade.lower === null || grade.upper === null ? '' : `(${m.diffInterval} ${formatDecimal(grade.lower, 1, sep)}–${formatDecimal(grade.upper, 1, sep)})`;
    lines.push(`  ${m.trendGrade(labels[i] ?? '', mean, interval, grade.n)}`);
  });
  if (trend.leadTimes.length > 0) {
    lines.push('', chalk.bold(m.diffLeadTimesTitle));
    for (const segment of trend.leadTimes) {
      const medians = segment.waves.map((wave) => (wave === null ? '–' : formatDays(wave.median, m))).join(' → ');
      lines.push(`  ${m.trendLeadTime(segment.label, medians, segment.waves.map((wave) => wave?.n ?? 0).join(', '))}`);
    }
  }
  if (trend.notCompared.length > 0) lines.push('', ...notComparedLines(trend.notCompared, m, chalk));
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
