// References: Rscript test/stats/reference/make-reference.R — t.test(b, a)
// (Welch), coin pvalue(oneway_test(I(2 * x) ~ g, distribution = "exact")) for
// the permutation p, Hedges' g from its formula with lgamma;
// python3 test/stats/reference/make-reference.py — scipy.stats.ttest_ind(b, a,
// equal_var = False) with confidence_interval(0.95), and
// scipy.stats.permutation_test(n_resamples = np.inf) on |mean(b) - mean(a)|
// with alternative 'greater' (pAbsolute) and on mean(b) - mean(a) with
// 'two-sided' (pScipyTwoSided, which doubles the smaller one-sided p).
import fc from 'fast-check';
import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { hedgesG } from '../../src/stats/hedges-g.js';
import { permutationTestMeans } from '../../src/stats/permutation-test-means.js';
import { sampleMoments } from '../../src/stats/sample-moments.js';
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

/** The marks of a case as a histogram, tallied here by hand (value → count, first seen first). */
const tally = (values: readonly number[]): Map<number, number> => {
  const histogram = new Map<number, number>();
  for (const value of values) histogram.set(value, (histogram.get(value) ?? 0) + 1);
  return histogram;
};

describe('the grade\'s tests on mark histograms (no array of marks)', () => {
  it.each(byLabel(r.marks))('permutation p, Welch and Hedges\' g from histograms match R for %s', (_, k) => {
    expectClose(permutationTestMeans(tally(k.a), tally(k.b)).p, k.permutationP ?? 1, EXACT);
    if (k.welch) expectClose(welchTest(tally(k.a), tally(k.b)).p, k.welch.p, APPROXIMATE);
    if (k.hedgesG !== null) expectClose(hedgesG(tally(k.a), tally(k.b)), k.hedgesG ?? Number.NaN, APPROXIMATE);
  });

  it('sampleMoments of a histogram is, to the last bit, simple-statistics on the sorted values (property)', () => {
    const histogram = fc.uniqueArray(fc.tuple(fc.integer({ min: 2, max: 20 }).map((twice) => twice / 2), fc.integer({ min: 0, max: 40 })), { selector: ([mark]) => mark, maxLength: 12 });
    fc.assert(
      fc.property(histogram, (entries) => {
        const values = entries.flatMap(([mark, count]) => new Array<number>(count).fill(mark));
        const moments = sampleMoments(new Map(entries));
        if (values.length === 0) return moments.n === 0;
        return moments.n === values.length && moments.mean === mean(values) && moments.variance === (values.length < 2 ? null : sampleVariance(values));
      }),
    );
  });

  it('a cohort of a million marks: refused as too large for the permutation test before any array, Welch from its sums', () => {
    const a = new Map([[5, 300_000], [6, 400_000], [8, 300_000]]);
    const b = new Map([[5, 290_000], [6, 400_000], [8, 310_000]]);
    expect(() => permutationTestMeans(a, b)).toThrow(/too wide a range/);
    // Means 6.3 and 6.33, variances by hand: Σ count·(x − mean)² / (n − 1).
    const variance = (h: Map<number, number>, m: number): number => [...h].reduce((s, [x, c]) => s + c * (x - m) ** 2, 0) / (1e6 - 1);
    const [va, vb] = [variance(a, 6.3), variance(b, 6.33)];
    const welch = welchTest(a, b);
    expectClose(welch.difference, 0.03, 1e-9);
    expectClose(welch.t, 0.03 / Math.sqrt((va + vb) / 1e6), 1e-6);
  });
});
