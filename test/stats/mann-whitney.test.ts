// References: Rscript test/stats/reference/make-reference.R — coin
// pvalue(wilcox_test(x ~ g, distribution = "exact")) for the exact p,
// wilcox.test(a, b, exact = FALSE, correct = TRUE) for U, mean(sign(outer(a, b, "-"))) for Cliff's delta;
// python3 test/stats/reference/make-reference.py — scipy.stats.permutation_test
// (n_resamples = np.inf) on |W - E[W]| with alternative 'greater', for the
// cases small enough to enumerate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliffsDelta } from '../../src/stats/cliffs-delta.js';
import { mannWhitneyExact } from '../../src/stats/mann-whitney-exact.js';
import { doubledMidranks } from '../../src/stats/midranks.js';
import { EXACT, expectClose } from './helpers.js';
import r from './reference/r.json' with { type: 'json' };
import scipy from './reference/scipy.json' with { type: 'json' };

const label = (a: number[], b: number[]): string => `${a.join(' ')} | ${b.join(' ')}`;

describe('mannWhitneyExact', () => {
  it.each(r.mannWhitney.map((k) => [label(k.a, k.b), k] as const))('matches R (coin) for %s', (_, k) => {
    const result = mannWhitneyExact(k.a, k.b);
    expect(result.method).toBe('exact');
    expect(result.U).toBe(k.U);
    expect(result.W).toBe(k.W);
    // coin gives no p when every value is tied; then every split is as extreme.
    expectClose(result.p, k.p ?? 1, EXACT);
  });

  it.each(scipy.mannWhitney.map((k) => [label(k.a, k.b), k] as const))(
    'matches scipy permutation_test on |W - E[W]| for %s',
    (_, k) => {
      expectClose(mannWhitneyExact(k.a, k.b).p, k.pAbsolute ?? Number.NaN, EXACT);
    },
  );

  it.each(r.mannWhitney.filter((k) => k.p !== null).map((k) => [label(k.a, k.b), k] as const))(
    'estimates coin\'s exact p by Monte-Carlo within 4 standard errors beyond maxWork for %s',
    (_, k) => {
      const result = mannWhitneyExact(k.a, k.b, { maxWork: 0, replicates: 20000 });
      expect(result.method).toBe('monte-carlo');
      const p = k.p ?? Number.NaN;
      // The estimate (1 + hits)/(B + 1) is never 0; its own standard error is its yardstick.
      expect(Math.abs(result.p - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / 20000) + 1 / 20001);
      expectClose(result.standardError, Math.sqrt((result.p * (1 - result.p)) / 20000), 1e-15);
    },
  );

  it('gives the same p with the groups swapped, and U_a + U_b = n_a·n_b (property)', () => {
    const likert = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(likert, likert, (a, b) => {
        const ab = mannWhitneyExact(a, b);
        const ba = mannWhitneyExact(b, a);
        return Math.abs(ab.p - ba.p) < 1e-12 && ab.U + ba.U === a.length * b.length && ab.p > 0 && ab.p <= 1 + 1e-12;
      }),
    );
  });

  it('rejects an empty group', () => {
    expect(() => mannWhitneyExact([], [1, 2])).toThrow(RangeError);
    expect(() => mannWhitneyExact([1, Number.NaN], [1, 2])).toThrow(RangeError);
  });
});

describe('doubledMidranks', () => {
  it('gives tied values the mean of their ranks, doubled', () => {
    expect(doubledMidranks([3, 1, 3, 2, 1])).toEqual([9, 3, 9, 6, 3]);
    expect(doubledMidranks([])).toEqual([]);
  });
});

describe('cliffsDelta (a over b)', () => {
  it.each(r.mannWhitney.map((k) => [label(k.a, k.b), k] as const))('matches R for %s', (_, k) => {
    expectClose(cliffsDelta(k.a, k.b), k.cliffsDelta, 1e-12);
  });

  it('equals 2U/(n_a n_b) - 1 and changes sign with the groups (property)', () => {
    const values = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const delta = cliffsDelta(a, b);
        const { U } = mannWhitneyExact(a, b);
        return Math.abs(delta - ((2 * U) / (a.length * b.length) - 1)) < 1e-12 && delta === -cliffsDelta(b, a);
      }),
    );
  });
});
