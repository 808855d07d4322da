/**
 * A breakdown as CSV (`uitsplitsing-<column>.csv`): per figure, bar and group (the whole first)
 * its n and the count of every shown category. With --suppress a masked count is written as `x`,
 * as statistics offices mark a count kept back.
 */
import type { BreakdownResult, Results } from '../count/results.js';
import type { Messages } from '../messages.js';
import { cellKey } from './breakdown-spec.js';
import { csvLine } from './csv.js';

export const MASKED_CELL = 'x';

export function breakdownCsv(results: Results, breakdown: BreakdownResult, m: Messages): string {
  const masked = new Set(breakdown.disclosure.masked ? breakdown.disclosure.cells.map((cell) => cellKey(cell.column, cell.group, cell.category)) : []);
  const lines: string[] = [];
  const categoryKeys = [...new Set(breakdown.figures.flatMap((id) => results.figures.find((figure) => figure.id === id)?.categories.map((c) => c.key) ?? []))];
  lines.push(csvLine(['figure', 'column', 'group', 'n', ...categoryKeys]));
  breakdown.figures.forEach((figureId, at) => {
    const whole = results.figures.find((figure) => figure.id === figureId);
    whole?.bars.forEach((bar, barIndex) => {
      const shown = new Set(whole.categories.map((category) => category.key));
      lines.push(csvLine([figureId, bar.column, m.total, bar.n, ...categoryKeys.map((key) => (shown.has(key) ? (bar.counts[key] ?? 0) : ''))]));
      for (const group of breakdown.groups) {
        const groupBar = group.figures[at]?.bars[barIndex];
        const cells = categoryKeys.map((key) => {
          if (!shown.has(key)) return '';
          return masked.has(cellKey(bar.column, group.key, key)) ? MASKED_CELL : (groupBar?.counts[key] ?? 0);
        });
        lines.push(csvLine([figureId, bar.column, group.label, groupBar?.n ?? 0, ...cells]));
      }
    });
  });
  return lines.join('');
}
