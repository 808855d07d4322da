/** Largest remainder (Hamilton), each case worked out by hand: floor the exact shares, then hand the missing points to the largest remainders, earlier category first on a tie. */
import { describe, expect, it } from 'vitest';
import { largestRemainder } from '../../src/stats/largest-remainder.js';

describe('largestRemainder', () => {
  it.each([
    // 33.3 each: floors 33+33+33 = 99, one point to the first of three equal remainders
    [[1, 1, 1], [34, 33, 33]],
    // 33.3 / 66.7: floors 33 + 66 = 99, the point to the larger remainder (0.67)
    [[1, 2], [33, 67]],
    // of 16: 31.25 / 18.75 / 50: floors 99, the point to 18.75
    [[5, 3, 8], [31, 19, 50]],
    // of 7: 14.29 each, floors 98: two points to the first two
    [[1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]],
    // figure 2, contact medewerker, n.v.t. shown: 2/10/2/2 of 16 = 12.5/62.5/12.5/12.5, all remainders 0.5
    [[2, 10, 2, 2], [13, 63, 12, 12]],
    // exact shares stay exact
    [[1, 3], [25, 75]],
    [[0, 7, 0], [0, 100, 0]],
    [[0, 0], [0, 0]],
  ])('%j gives %j', (counts, expected) => {
    const result = largestRemainder(counts);
    expect(result).toEqual(expected);
    if (counts.some((count) => count > 0)) expect(result.reduce((sum, value) => sum + value, 0)).toBe(100);
  });

  it('exact integer ties at a million respondents: three equal thirds', () => {
    expect(largestRemainder([333_333, 333_333, 333_333])).toEqual([34, 33, 33]);
  });
});
