import type { TrackSummary } from '../count/results.js';

/**
 * Breakdowns apart from the figures (a track reported apart, such as the youth) whose smallest
 * published count is below `minCell`: with so few, a reader who knows the group may recognise a
 * person. Zero counts publish nothing about anyone and are not small cells.
 */
export function smallCells(groups: readonly TrackSummary[], minCell: number): { label: string; smallest: number }[] {
  return groups.flatMap((group) => {
    const counts = [group.respondents, ...group.bars.flatMap((bar) => Object.values(bar.counts))].filter((count) => count > 0);
    const smallest = Math.min(...counts);
    return counts.length > 0 && smallest < minCell ? [{ label: group.label, smallest }] : [];
  });
}
