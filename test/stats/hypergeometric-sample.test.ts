// hypergeometricSample against the hypergeometric probabilities C(K,x)C(F,n-x)/C(K+F,n), written
// here from binomial coefficients; and detectableShift's argument checks.
import { describe, expect, it } from 'vitest';
import { detectableShift } from '../../src/stats/detectable-shift.js';
import { hypergeometricSample } from '../../src/stats/hypergeometric-sample.js';
import { mulberry32 } from '../../src/stats/mulberry32.js';

/** C(K, x)·C(F, n − x)/C(K + F, n), from this test's own table of log(i!). */
function probability(lf: Float64Array, successes: number, failures: number, draws: number, x: number): number {
  const logChoose = (n: number, k: number): number => lf[n]! - lf[k]! - lf[n - k]!;
  return Math.exp(logChoose(successes, x) + logChoose(failures, draws - x) - logChoose(successes + failures, draws));
}

describe('hypergeometricSample', () => {
  it.each([
    [7, 13, 9],
    [40, 60, 30],
    [3, 200, 50],
    [150, 150, 299],
    // variance 100 and more: the ratio-of-uniforms branch, each mirror of numpy's arrangement
    [2000, 3000, 2500],
    [6000, 2000, 7000],
    [3000, 6000, 1200],
    [50_000, 70_000, 90_000],
  ])('draws %i successes and %i failures, %i drawn, with the hypergeometric frequencies', (successes, failures, draws) => {
    const lf = new Float64Array(successes + failures + 1);
    for (let i = 2; i < lf.length; i++) lf[i] = lf[i - 1]! + Math.log(i);
    const random = mulberry32(3);
    const B = 40_000;
    const seen = new Map<number, number>();
    for (let b = 0; b < B; b++) {
      const x = hypergeometricSample(random, successes, failures, draws, lf);
      expect(x).toBeGreaterThanOrEqual(Math.max(0, draws - failures));
      expect(x).toBeLessThanOrEqual(Math.min(draws, successes));
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    for (let x = Math.max(0, draws - failures); x <= Math.min(draws, successes); x++) {
      const p = probability(lf, successes, failures, draws, x);
      // Five binomial standard errors, plus a little for the rarest values.
      expect(Math.abs((seen.get(x) ?? 0) / B - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / B) + 1e-4);
    }
  });
});

describe('detectableShift', () => {
  it('rejects shares that do not sum to 1, a category out of range, and empty cohorts', () => {
    const test = (): number => 1;
    expect(() => detectableShift([0.5, 0.4], 0, 10, 10, test)).toThrow(RangeError);
    expect(() => detectableShift([0.5, 0.5], 2, 10, 10, test)).toThrow(RangeError);
    expect(() => detectableShift([0.5, 0.5], 0, 0, 10, test)).toThrow(RangeError);
  });

  it('finds nothing when the test never rejects, and the smallest step when it always does', () => {
    expect(detectableShift([0.2, 0.3, 0.5], 2, 20, 20, () => 1, { simulations: 20 })).toEqual({ increase: null, decrease: null });
    expect(detectableShift([0.2, 0.3, 0.5], 2, 20, 20, () => 0, { simulations: 20 })).toEqual({ increase: 0.01, decrease: 0.01 });
  });
});
