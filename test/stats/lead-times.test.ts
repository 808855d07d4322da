// The exact bootstrap of medians against brute force in R: every one of the nⁿ resamples of
// each sample enumerated (Rscript test/stats/reference/lead-times.R writes lead-times-r.json).
import { describe, expect, it } from 'vitest';
import { bootstrapMedianDistribution } from '../../src/stats/bootstrap-median-distribution.js';
import { medianDifferenceInterval } from '../../src/stats/median-difference-interval.js';
import r from './reference/lead-times-r.json' with { type: 'json' };

function histogramOf(values: readonly number[]): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const value of values) histogram.set(value, (histogram.get(value) ?? 0) + 1);
  return histogram;
}

describe('bootstrapMedianDistribution equals the enumeration of every resample (R)', () => {
  it.each(r.medians.map((entry) => [entry.x.join(', '), entry] as const))('x = %s', (_, entry) => {
    const distribution = bootstrapMedianDistribution(histogramOf(entry.x));
    expect(distribution.map((point) => point.value)).toEqual(entry.value);
    distribution.forEach((point, index) => expect(point.probability).toBeCloseTo(entry.probability[index] ?? Number.NaN, 13));
  });

  it('sums to 1 for a larger sample with ties, odd and even n', () => {
    for (const n of [999, 1000]) {
      const values = Array.from({ length: n }, (_, i) => (i * 37) % 61);
      const total = bootstrapMedianDistribution(histogramOf(values)).reduce((sum, point) => sum + point.probability, 0);
      expect(total).toBeCloseTo(1, 10);
    }
  });

  it('one value: the median is that value with certainty', () => {
    expect(bootstrapMedianDistribution(new Map([[7, 4]]))).toEqual([{ value: 7, probability: 1 }]);
  });
});

describe('medianDifferenceInterval equals R\'s brute-force percentile interval', () => {
  it.each(r.differences.map((entry) => [entry.a.join(', '), entry.b.join(', '), entry] as const))('a = %s; b = %s', (_, __, entry) => {
    const result = medianDifferenceInterval(histogramOf(entry.a), histogramOf(entry.b));
    expect(result).toEqual({ difference: entry.difference, lower: entry.lower, upper: entry.upper });
  });

  it('refuses an empty side and a confidence outside (0, 1)', () => {
    expect(() => medianDifferenceInterval(new Map(), new Map([[1, 1]]))).toThrow(RangeError);
    expect(() => medianDifferenceInterval(new Map([[1, 1]]), new Map([[1, 1]]), 1)).toThrow(RangeError);
  });
});
