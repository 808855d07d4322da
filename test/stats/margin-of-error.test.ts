import { describe, expect, it } from 'vitest';
import { marginOfError } from '../../src/stats/margin-of-error.js';
import { requiredSampleSize } from '../../src/stats/required-sample-size.js';

// Hand values (Cochran 1977, §3.4 and §4.4), z = qnorm(0.975) = 1.959963984540054 in R.
const z = 1.959963984540054;

describe('marginOfError', () => {
  it('n = 100, no population: 1.96 × √(0.25/100) = 0.0979982', () => {
    expect(marginOfError(100)).toBeCloseTo(z * 0.05, 14);
  });
  it('n = 100 of N = 400: × √(300/399) = 0.0849752', () => {
    expect(marginOfError(100, 400)).toBeCloseTo(z * 0.05 * Math.sqrt(300 / 399), 14);
    expect(marginOfError(100, 400)).toBeCloseTo(0.0849752, 7);
  });
  it('everyone answered: no sampling error', () => {
    expect(marginOfError(50, 50)).toBe(0);
  });
  it('at a share of 0.8: 1.96 × √(0.16/n)', () => {
    expect(marginOfError(64, undefined, 0.8)).toBeCloseTo(z * 0.05, 14);
  });
  it('refuses a population smaller than n, and n = 0', () => {
    expect(() => marginOfError(10, 5)).toThrow(RangeError);
    expect(() => marginOfError(0)).toThrow(RangeError);
  });
});

describe('requiredSampleSize', () => {
  it('±5% without a population: 384.15 → 385', () => {
    expect(requiredSampleSize(0.05)).toBe(385);
  });
  it('±5% of 1000: 384.15 / (1 + 383.15/1000) = 277.7 → 278', () => {
    expect(requiredSampleSize(0.05, 1000)).toBe(278);
  });
  it('the size it gives reaches the margin, one fewer does not', () => {
    for (const N of [118, 442, 560, 2742]) {
      const n = requiredSampleSize(0.05, N);
      expect(marginOfError(n, N)).toBeLessThanOrEqual(0.05);
      expect(marginOfError(n - 1, N)).toBeGreaterThan(0.05);
    }
  });
});
