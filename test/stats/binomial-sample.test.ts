// binomialSample (ratio of uniforms) against the binomial probabilities C(n,x)pˣ(1−p)ⁿ⁻ˣ, written
// here from this test's own table of log(i!): frequencies of 40 000 draws per case, and the mean
// and variance of the draws against np and np(1 − p).
import { describe, expect, it } from 'vitest';
import { binomialSample } from '../../src/stats/binomial-sample.js';
import { mulberry32 } from '../../src/stats/mulberry32.js';

function logFactorialTable(n: number): Float64Array {
  const lf = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) lf[i] = lf[i - 1]! + Math.log(i);
  return lf;
}

describe('binomialSample', () => {
  it.each([
    [20, 0.3],
    [1000, 0.5],
    [5000, 0.13],
    [5000, 0.87],
    [250_000, 0.37],
  ])('Binomial(%i, %s): 40 000 draws with the binomial frequencies', (n, p) => {
    const lf = logFactorialTable(n);
    const random = mulberry32(11);
    const B = 40_000;
    const seen = new Map<number, number>();
    let sum = 0;
    let squares = 0;
    for (let b = 0; b < B; b++) {
      const x = binomialSample(random, n, p, lf);
      expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
      seen.set(x, (seen.get(x) ?? 0) + 1);
      sum += x;
      squares += x * x;
    }
    const sd = Math.sqrt(n * p * (1 - p));
    for (let x = Math.max(0, Math.floor(n * p - 6 * sd)); x <= Math.min(n, Math.ceil(n * p + 6 * sd)); x++) {
      const probability = Math.exp(lf[n]! - lf[x]! - lf[n - x]! + x * Math.log(p) + (n - x) * Math.log1p(-p));
      expect(Math.abs((seen.get(x) ?? 0) / B - probability)).toBeLessThanOrEqual(5 * Math.sqrt((probability * (1 - probability)) / B) + 1e-4);
    }
    const mean = sum / B;
    const variance = squares / B - mean * mean;
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(B));
    // The variance of a sample variance is about 2σ⁴/B for a near-normal distribution.
    expect(Math.abs(variance - sd * sd)).toBeLessThan(5 * sd * sd * Math.sqrt(2 / B));
  });

  it('edges: no trials, p of 0 or 1; refuses p outside [0, 1]', () => {
    const lf = logFactorialTable(10);
    expect(binomialSample(Math.random, 0, 0.4, lf)).toBe(0);
    expect(binomialSample(Math.random, 10, 0, lf)).toBe(0);
    expect(binomialSample(Math.random, 10, 1, lf)).toBe(10);
    expect(() => binomialSample(Math.random, 10, 1.2, lf)).toThrow(RangeError);
  });
});
