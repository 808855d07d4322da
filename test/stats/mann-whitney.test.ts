// References: Rscript test/stats/reference/make-reference.R — coin
// pvalue(wilcox_test(x ~ g, distribution = "exact")) for the exact p,
// wilcox.test(a, b, exact = FALSE, correct = TRUE) for U, mean(sign(outer(a, b, "-"))) for Cliff's delta;
// python3 test/stats/reference/make-reference.py — scipy.stats.permutation_test
// (n_resamples = np.inf) on |W - E[W]| with alternative 'greater', for the
// cases small enough to enumerate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliffsDelta } from '../../src/stats/cliffs-delta.js';
import { mannWhitneyCounts } from '../../src/stats/mann-whitney-counts.js';
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

describe('mannWhitneyCounts: the same test on the counts per category', () => {
  /** Counts per distinct pooled value, ascending: tallied here from the case's values. */
  const countsOf = (a: readonly number[], b: readonly number[]): [number[], number[]] => {
    const values = [...new Set([...a, ...b])].sort((x, y) => x - y);
    return [values.map((v) => a.filter((x) => x === v).length), values.map((v) => b.filter((x) => x === v).length)];
  };

  it.each(r.mannWhitney.map((k) => [label(k.a, k.b), k] as const))('matches R (coin) for %s', (_, k) => {
    const result = mannWhitneyCounts(...countsOf(k.a, k.b));
    expect(result.U).toBe(k.U);
    expect(result.W).toBe(k.W);
    expectClose(result.p, k.p ?? 1, EXACT);
  });

  it('a category empty in both groups changes nothing (it has no answers to rank)', () => {
    const withGap = mannWhitneyCounts([1, 0, 2, 3], [2, 0, 2, 1]);
    const without = mannWhitneyCounts([1, 2, 3], [2, 2, 1]);
    expect(withGap).toEqual(without);
    expect(without.p.toFixed(12)).toBe((106 / 231).toFixed(12));
  });

  it('a bar of a million answers a side: decided without filling the exact tails, Monte-Carlo within its standard error', () => {
    const result = mannWhitneyCounts([300_000, 400_000, 300_000], [290_000, 400_000, 310_000], { seed: 1, replicates: 10_000 });
    expect(result.method).toBe('monte-carlo');
    expect(result.draws).toBe(10_000);
    // The normal approximation with ties (a yardstick written apart): z = (U − nₐn_b/2)/σ_U.
    const n = 2e6;
    const ties = [590_000, 800_000, 610_000].reduce((s, t) => s + t ** 3 - t, 0);
    const sigma = Math.sqrt(((1e12) / 12) * (n + 1 - ties / (n * (n - 1))));
    const z = Math.abs(result.U - 1e12 / 2) / sigma;
    expect(z).toBeGreaterThan(5); // b is better by 2 points of 'best': far from the null
    expect(result.p).toBeLessThan(1e-3);
  });

  it('rejects counts that are not whole, an empty group and unequal lengths', () => {
    expect(() => mannWhitneyCounts([1.5, 2], [1, 2])).toThrow(RangeError);
    expect(() => mannWhitneyCounts([0, 0], [1, 2])).toThrow(/empty/);
    expect(() => mannWhitneyCounts([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
