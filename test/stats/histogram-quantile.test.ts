/**
 * histogramQuantile against R's quantile(type = 7), R's default. Values from R 4.x:
 *   x <- c(0,0,1,3,3,3,7,8,12,12,20,41,41,41,41,60)
 *   sprintf("%.12g", quantile(x, c(0,0.1,0.25,0.5,0.9,0.95,0.99,1), type=7))
 *   # "0" "0.5" "3" "10" "41" "45.75" "57.15" "60"
 *   quantile(5, c(0.1, 0.9), type = 7)   # 5 5
 */
import { describe, expect, it } from 'vitest';
import { histogramQuantile } from '../../src/stats/histogram-quantile.js';

function histogramOf(values: readonly number[]): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const value of values) histogram.set(value, (histogram.get(value) ?? 0) + 1);
  return histogram;
}

describe('histogramQuantile equals R quantile(type = 7)', () => {
  const x = histogramOf([0, 0, 1, 3, 3, 3, 7, 8, 12, 12, 20, 41, 41, 41, 41, 60]);
  it.each([
    [0, 0],
    [0.1, 0.5],
    [0.25, 3],
    [0.5, 10],
    [0.9, 41],
    [0.95, 45.75],
    [0.99, 57.15],
    [1, 60],
  ])('p = %s gives %s', (p, expected) => {
    expect(histogramQuantile(x, p)).toBeCloseTo(expected, 10);
  });

  it('one value: every quantile is that value', () => {
    expect(histogramQuantile(new Map([[5, 1]]), 0.1)).toBe(5);
    expect(histogramQuantile(new Map([[5, 1]]), 0.9)).toBe(5);
  });

  it('no values: null', () => {
    expect(histogramQuantile(new Map(), 0.9)).toBeNull();
  });

  it('a p outside [0, 1] is refused', () => {
    expect(() => histogramQuantile(x, 1.5)).toThrow(RangeError);
    expect(() => histogramQuantile(x, Number.NaN)).toThrow(RangeError);
  });
});
