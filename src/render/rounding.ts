/**
 * Whole percentages that add up to 100 (largest remainder, src/stats/largest-remainder.ts) can
 * give two equal counts of one bar different percentages: 2, 10, 2, 2 of 16 are 13%, 63%, 12%,
 * 12%. A table that shows them says so in a note under it, rather than leave a reader to wonder.
 */
import type { FigureResult } from '../count/results.js';

/** Whether some bar of the figure shows two equal counts with different percentages. */
export function tiesRoundedApart(figure: Pick<FigureResult, 'bars' | 'categories'>): boolean {
  return figure.bars.some((bar) => {
    const byCount = new Map<number, number>();
    for (const { key } of figure.categories) {
      const count = bar.counts[key] ?? 0;
      const percentage = bar.percentages[key] ?? 0;
      const seen = byCount.get(count);
      if (seen !== undefined && seen !== percentage) return true;
      byCount.set(count, percentage);
    }
    return false;
  });
}
