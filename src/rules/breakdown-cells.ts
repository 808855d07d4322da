import type { BreakdownResult, MaskedCell } from '../count/results.js';

/**
 * The counts of a published breakdown to mask (statistical disclosure control). Per bar the
 * breakdown publishes a table: a row per group (its n published), a column per shown category
 * (the whole's count of it published in the whole's figure). A count from 1 to minCell − 1 may
 * single out a person (primary); a masked count that is the only one masked in its row or column
 * could be got back by subtraction from the published total, so the smallest other non-zero count
 * of that row or column is masked as well (secondary), until no row or column has exactly one.
 * Zero counts publish nothing about anyone and are never small (as small-cells.ts).
 *
 * @returns every masked count, with why, in figure, bar, group and category order
 */
export function maskedCells(breakdown: BreakdownResult, minCell: number): MaskedCell[] {
  const masked: MaskedCell[] = [];
  breakdown.figures.forEach((figureId, at) => {
    const categories = breakdown.groups[0]?.figures[at]?.categories ?? [];
    const bars = breakdown.groups[0]?.figures[at]?.bars ?? [];
    bars.forEach((bar, barIndex) => {
      const count = (g: number, c: number): number => breakdown.groups[g]?.figures[at]?.bars[barIndex]?.counts[categories[c]?.key ?? ''] ?? 0;
      const rows = breakdown.groups.length;
      const columns = categories.length;
      const reason: ('small' | 'secondary' | undefined)[][] = Array.from({ length: rows }, (_, g) =>
        Array.from({ length: columns }, (_, c) => (count(g, c) > 0 && count(g, c) < minCell ? 'small' : undefined)),
      );
      // Masks the smallest unmasked non-zero count among the cells; false when there is none.
      const maskSmallest = (cells: readonly [number, number][]): boolean => {
        const open = cells.filter(([g, c]) => reason[g]?.[c] === undefined && count(g, c) > 0).sort((a, b) => count(a[0], a[1]) - count(b[0], b[1]));
        const first = open[0];
        if (first === undefined) return false;
        (reason[first[0]] as (string | undefined)[])[first[1]] = 'secondary';
        return true;
      };
      for (let changed = true; changed; ) {
        changed = false;
        for (let g = 0; g < rows; g++) {
          const cells = Array.from({ length: columns }, (_, c): [number, number] => [g, c]);
          if (cells.filter(([, c]) => reason[g]?.[c] !== undefined).length === 1) changed = maskSmallest(cells) || changed;
        }
        for (let c = 0; c < columns; c++) {
          const cells = Array.from({ length: rows }, (_, g): [number, number] => [g, c]);
          if (cells.filter(([g]) => reason[g]?.[c] !== undefined).length === 1) changed = maskSmallest(cells) || changed;
        }
      }
      reason.forEach((row, g) =>
        row.forEach((why, c) => {
          if (why === undefined) return;
          masked.push({ figureId, column: bar.column, group: breakdown.groups[g]?.key ?? '', category: categories[c]?.key ?? '', reason: why });
        }),
      );
    });
  });
  return masked;
}
