/**
 * The terminal tables of satisfaction, response and breakdowns: the whole and its groups side by
 * side, each share with its 95% interval, and the sentence the tests between the groups allow.
 */
import { Chalk } from 'chalk';
import type { PopulationShare, SatisfactionResult, SatisfiedBar } from '../count/results.js';
import type { Results } from '../count/results.js';
import { displayWidth, formatDecimal, padEnd, padStart, percent, percentOne } from '../format.js';
import type { Messages } from '../messages.js';
import { safeStrings } from '../safe-text.js';

function shareCell(bar: SatisfiedBar | undefined): string {
  if (bar?.share === null || bar === undefined) return '–';
  return `${percent(bar.share)} (${Math.round(100 * (bar.lower ?? 0))}–${percent(bar.upper ?? 0)})`;
}

function responseCell(share: PopulationShare | null | undefined, messages: Messages): string {
  return share === null || share === undefined ? '' : `${percentOne(share.responseRate, messages)} ±${percentOne(share.marginOfError, messages)}`;
}

/** "Per statement, satisfaction lies between 72% and 83%." over the bars of some figures. */
export function satisfactionSentence(figures: readonly SatisfactionResult[], messages: Messages): string | null {
  const ranges = figures.flatMap((figure) => (figure.range === null ? [] : [figure.range]));
  if (ranges.length === 0) return null;
  const low = Math.min(...ranges.map((range) => range.low));
  const high = Math.max(...ranges.map((range) => range.high));
  const lower = Math.min(...ranges.map((range) => range.lower));
  const upper = Math.max(...ranges.map((range) => range.upper));
  const main = percent(low) === percent(high) ? messages.satisfactionOne(percent(low)) : messages.satisfactionRange(percent(low), percent(high));
  return `${main} ${messages.satisfactionIntervals(percent(lower), percent(upper))}`;
}

/** Satisfaction, response and every breakdown; `summary` adds the range sentences (--summary). */
export function renderBreakdownTerminal(unsafe: Results, messages: Messages, color: boolean, summary: boolean): string {
  // What these tables print from, made safe (not the whole results: the exclusions, the input, ...).
  const results = safeStrings({ figures: unsafe.figures, population: unsafe.population, satisfaction: unsafe.satisfaction, breakdowns: unsafe.breakdowns });
  const chalk = new Chalk({ level: color ? 3 : 0 });
  const lines: string[] = [''];
  const { population } = results;
  if (population !== undefined) {
    lines.push(chalk.bold(messages.responseRate(messages.total, population.respondents, population.size, percentOne(population.responseRate, messages), percentOne(population.marginOfError, messages), population.kind)));
    if (population.previous !== null) {
      const { previous } = population;
      const difference = previous.difference;
      const from = previous.source === 'definition' ? messages.previousFromDefinition : previous.source;
      const source = difference === null ? from : `${from}; ${messages.previousResponseDifference(formatDecimal(difference.points, 1, messages.decimalSeparator), formatDecimal(difference.lower, 1, messages.decimalSeparator), formatDecimal(difference.upper, 1, messages.decimalSeparator))}`;
      lines.push(messages.previousResponse(percent(population.responseRate), percent(previous.responseRate), source));
    }
    lines.push('');
  }
  const satisfaction = results.satisfaction ?? [];
  const breakdowns = results.breakdowns ?? [];
  const figureTitle = (id: string): string => results.figures.find((figure) => figure.id === id)?.title ?? id;
  // Figures not split get the whole's shares alone; split figures show them beside the groups.
  const split = new Set(breakdowns.flatMap((breakdown) => breakdown.figures));
  const alone = satisfaction.filter((figure) => !split.has(figure.figureId));
  for (const figure of alone) {
    lines.push(chalk.bold(`${messages.figure} ${figure.figureId}  ${figureTitle(figure.figureId)}`));
    const width = Math.max(...figure.bars.map((bar) => displayWidth(bar.label)));
    for (const bar of figure.bars) lines.push(`  ${padEnd(bar.label, width)}  ${padStart(shareCell(bar), 14)} ${chalk.dim(messages.satisfiedHeading)}  n = ${bar.n}`);
    lines.push('');
  }
  for (const breakdown of breakdowns) {
    lines.push(chalk.bold(messages.breakdownHeading(breakdown.label)));
    const columns = [messages.total, ...breakdown.groups.map((group) => group.label)];
    const cellWidth = Math.max(16, ...columns.map(displayWidth)) + 2;
    for (const figureId of breakdown.figures) {
      const whole = results.figures.find((figure) => figure.id === figureId);
      const wholeSatisfaction = satisfaction.find((figure) => figure.figureId === figureId);
      if (whole === undefined) continue;
      const labelWidth = Math.max(...whole.bars.map((bar) => displayWidth(bar.label)), displayWidth(messages.figure) + 8);
      lines.push(`  ${chalk.bold(`${messages.figure} ${figureId}  ${whole.title}`)}`);
      lines.push(chalk.dim(`  ${padEnd('', labelWidth)}${columns.map((column) => padStart(column, cellWidth)).join('')}`));
      const groupsN = breakdown.groups.map((group) => String(group.figures[breakdown.figures.indexOf(figureId)]?.N ?? 0));
      lines.push(`  ${padEnd('N', labelWidth)}${[String(whole.N), ...groupsN].map((cell) => padStart(cell, cellWidth)).join('')}`);
      whole.bars.forEach((bar, barIndex) => {
        const at = breakdown.figures.indexOf(figureId);
        const cells =
          wholeSatisfaction === undefined
            ? [String(bar.n), ...breakdown.groups.map((group) => String(group.figures[at]?.bars[barIndex]?.n ?? 0))]
            : [
                shareCell(wholeSatisfaction.bars[barIndex]),
                ...breakdown.groups.map((group) => shareCell(group.satisfaction.find((figure) => figure.figureId === figureId)?.bars[barIndex])),
              ];
        lines.push(`  ${padEnd(bar.label, labelWidth)}${cells.map((cell) => padStart(cell, cellWidth)).join('')}`);
      });
      lines.push('');
    }
    if (breakdown.groups.some((group) => group.population !== null)) {
      const cells = [responseCell(population, messages), ...breakdown.groups.map((group) => responseCell(group.population, messages))];
      lines.push(`  ${padEnd(messages.responseHeading, 24)}${cells.map((cell) => padStart(cell, cellWidth)).join('')}`);
    }
    lines.push(`  ${breakdown.differences.sentence}`, '');
  }
  if (summary) {
    for (const figure of satisfaction) {
      const sentence = satisfactionSentence([figure], messages);
      if (sentence !== null) lines.push(`${messages.figure} ${figure.figureId}: ${sentence}`);
    }
    const all = satisfactionSentence(satisfaction, messages);
    if (all !== null) lines.push(chalk.bold(all));
    for (const breakdown of breakdowns) {
      for (const group of breakdown.groups) {
        const sentence = satisfactionSentence(group.satisfaction, messages);
        if (sentence !== null) lines.push(`${group.label}: ${sentence}`);
      }
    }
    lines.push('');
  }
  return lines.length === 1 ? '' : lines.join('\n') + '\n';
}
