/** When does a table need the note that rounding to 100 split equal counts? Each case by hand. */
import { describe, expect, it } from 'vitest';
import type { FigureResult } from '../../src/count/results.js';
import { tiesRoundedApart } from '../../src/render/rounding.js';

const categories = ['a', 'b', 'c', 'd'].map((key) => ({ key, label: key, color: '#000000' }));

/** One bar with these counts and percentages (written out by hand, not computed). */
function figure(counts: number[], percentages: number[]): Pick<FigureResult, 'bars' | 'categories'> {
  const keyed = (values: number[]): Record<string, number> => Object.fromEntries(values.map((value, index) => [categories[index]?.key ?? '', value]));
  return {
    categories: categories.slice(0, counts.length),
    bars: [{ label: 'x', column: 'x', n: counts.reduce((sum, count) => sum + count, 0), missing: 0, counts: keyed(counts), percentages: keyed(percentages), leftOut: {} }],
  };
}

describe('tiesRoundedApart', () => {
  it.each([
    // 1, 1, 1 of 3: 33.3% each, rounded to 34, 33, 33 so they add up to 100: equal counts split.
    [[1, 1, 1], [34, 33, 33], true],
    // 2, 10, 2, 2 of 16: 12.5, 62.5, 12.5, 12.5 → 13, 63, 12, 12: the three 2s are 13, 12, 12.
    [[2, 10, 2, 2], [13, 63, 12, 12], true],
    // 2, 8, 8 of 18: 11.1, 44.4, 44.4 → 11, 45, 44.
    [[2, 8, 8], [11, 45, 44], true],
    // 2, 2 of 4: 50 and 50, exact.
    [[2, 2], [50, 50], false],
    // 1, 8, 7 of 16: no two counts equal.
    [[1, 8, 7], [6, 50, 44], false],
    // 0, 7, 0: the equal zeros are both 0%.
    [[0, 7, 0], [0, 100, 0], false],
  ])('%j as %j: note %s', (counts, percentages, note) => {
    expect(tiesRoundedApart(figure(counts, percentages))).toBe(note);
  });
});
