// References: Rscript test/stats/reference/make-reference.R — t.test(b, a)
// (Welch), coin pvalue(oneway_test(I(2 * x) ~ g, distribution = "exact")) for
// the permutation p, Hedges' g from its formula with lgamma;
// python3 test/stats/reference/make-reference.py — scipy.stats.ttest_ind(b, a,
// equal_var = False) with confidence_interval(0.95), and
// scipy.stats.permutation_test(n_resamples = np.inf) on |mean(b) - mean(a)|
// with alternative 'greater' (pAbsolute) and on mean(b) - mean(a) with
// 'two-sided' (pScipyTwoSided, which doubles the smaller one-sided p).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hedgesG } from '../../src/stats/hedges-g.js';
import { permutationTestMeans } from '../../src/stats/permutation-test-means.js';
import { welchTest } from '../../src/stats/welch-test.js';
import { APPROXIMATE, EXACT, expectClose } from './helpers.js';
import r from './reference/r.json' with { type: 'json' };
import scipy from './reference/scipy.json' with { type: 'json' };

const label = (a: number[], b: number[]): string => `${a.join(' ')} | ${b.join(' ')}`;
const byLabel = <T extends { a: number[]; b: number[] }>(cases: T[]) => cases.map((k) => [label(k.a, k.b), k] as const);

describe('permutationTestMeans (b minus a)', () => {
  it.each(byLabel(r.marks))('matches R (coin, exact) for %s', (_, k) => {
    const result = permutationTestMeans(k.a, k.b);
    // coin gives no p when all values are equal; then every split is as extreme.
    expectClose(result.p, k.permutationP ?? 1, EXACT);
    const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
    expectClose(result.difference, mean(k.b) - mean(k.a), 1e-12);
  });

  it.each(byLabel(scipy.permutation))('matches scipy permutation_test on |mean(b) - mean(a)| for %s', (_, k) => {
    expectClose(permutationTestMeans(k.a, k.b).p, k.pAbsolute ?? Number.NaN, EXACT);
  });

  it.each(byLabel(scipy.permutation.filter((k) => k.a.length === k.b.length)))(
    "equals scipy's doubled one-sided p when the groups are the same size: %s",
    (_, k) => {
      expectClose(permutationTestMeans(k.a, k.b).p, k.pScipyTwoSided ?? Number.NaN, EXACT);
    },
  );

  it('is symmetric in the groups (property)', () => {
    const marks = fc.array(
      fc.integer({ min: 2, max: 20 }).map((twice) => twice / 2),
      { minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(marks, marks, (a, b) => {
        const ab = permutationTestMeans(a, b);
        const ba = permutationTestMeans(b, a);
        return Math.abs(ab.p - ba.p) < 1e-12 && ab.difference === -ba.difference && ab.p > 0 && ab.p <= 1 + 1e-12;
      }),
    );
  });

  it('throws a clear error for marks that are not whole or half numbers', () => {
    expect(() => permutationTestMeans([6, 7.25], [8])).toThrow(/a\[1\] = 7\.25 is not a whole or half number/);
    expect(() => permutationTestMeans([6], [Number.NaN])).toThrow(RangeError);
    expect(() => permutationTestMeans([], [8])).toThrow(RangeError);
  });
});

describe('welchTest (b minus a)', () => {
  const rWelch = r.marks.flatMap((k) =>
    k.welch && k.welch90 ? [{ a: k.a, b: k.b, ...k.welch, ci90: k.welch90 }] : [],
  );

  it.each(byLabel(rWelch))('matches R t.test(b, a) for %s', (_, k) => {
    const result = welchTest(k.a, k.b);
    expectClose(result.difference, k.difference, APPROXIMATE);
    expectClose(result.df, k.df, APPROXIMATE);
    expectClose(result.t, k.t, APPROXIMATE);
    expectClose(result.p, k.p, APPROXIMATE);
    expectClose(result.lower, k.lower, APPROXIMATE);
    expectClose(result.upper, k.upper, APPROXIMATE);
    const ci90 = welchTest(k.a, k.b, 0.9);
    expectClose(ci90.lower, k.ci90.lower, APPROXIMATE);
    expectClose(ci90.upper, k.ci90.upper, APPROXIMATE);
  });

  it.each(byLabel(scipy.welch))('matches scipy ttest_ind(b, a, equal_var=False) for %s', (_, k) => {
    const result = welchTest(k.a, k.b);
    expectClose(result.t, k.t ?? Number.NaN, APPROXIMATE);
    expectClose(result.df, k.df ?? Number.NaN, APPROXIMATE);
    expectClose(result.p, k.p ?? Number.NaN, APPROXIMATE);
    expectClose(result.lower, k.lower ?? Number.NaN, APPROXIMATE);
    expectClose(result.upper, k.upper ?? Number.NaN, APPROXIMATE);
  });

  it('rejects groups of one and two constant groups', () => {
    expect(() => welchTest([7], [6, 8])).toThrow(RangeError);
    expect(() => welchTest([7, 7], [6, 6])).toThrow(/constant/);
  });
});

describe('hedgesG (b minus a)', () => {
  it.each(byLabel(r.marks.filter((k) => k.hedgesG !== null)))('matches the R formula for %s', (_, k) => {
    expectClose(hedgesG(k.a, k.b), k.hedgesG ?? Number.NaN, APPROXIMATE);
  });

  it('is close to the approximate correction 1 - 3/(4(n_a + n_b) - 9)', () => {
    const a = [6, 7, 5.5, 8, 7, 6.5, 8, 9, 5, 7, 7.5, 6, 8, 7, 6, 10];
    const b = [7, 8, 8.5, 9, 6, 7, 8, 7.5, 8, 9, 6.5, 7, 8, 10, 8];
    const g = hedgesG(a, b);
    const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
    const ss = (v: number[]): number => v.reduce((s, x) => s + (x - mean(v)) ** 2, 0);
    const d = (mean(b) - mean(a)) / Math.sqrt((ss(a) + ss(b)) / (a.length + b.length - 2));
    expectClose(g, d * (1 - 3 / (4 * (a.length + b.length) - 9)), 1e-4 * Math.abs(d));
  });

  it('rejects too few values and constant groups', () => {
    expect(() => hedgesG([1], [2, 3])).toThrow(RangeError);
    expect(() => hedgesG([1, 1], [2, 2])).toThrow(/constant/);
  });
});
