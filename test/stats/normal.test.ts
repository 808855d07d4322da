// References: Rscript test/stats/reference/make-reference.R (qnorm, pnorm) and
// python3 test/stats/reference/make-reference.py (scipy.stats.norm.ppf, .cdf).
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/stats/normal-cdf.js';
import { normalQuantile } from '../../src/stats/normal-quantile.js';
import { expectClose } from './helpers.js';
import r from './reference/r.json' with { type: 'json' };
import scipy from './reference/scipy.json' with { type: 'json' };

describe('normalQuantile', () => {
  it('gives 1.959963984540054 for 0.975 to 1e-15', () => {
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-15);
  });

  it.each(r.normalQuantile)('matches R qnorm($p) to 1e-15 relative', ({ p, q }) => {
    expectClose(normalQuantile(p), q, 1e-15, true);
  });

  it.each(scipy.normalQuantile)('matches scipy norm.ppf($p) to 2e-15 relative', ({ p, q }) => {
    expectClose(normalQuantile(p), q ?? Number.NaN, 2e-15, true);
  });

  it('is -Infinity at 0, Infinity at 1 and rejects p outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('normalCdf', () => {
  it.each(r.normalCdf)('matches R pnorm($z) to 1e-15 relative', ({ z, p }) => {
    expectClose(normalCdf(z), p, 1e-15, true);
  });

  // scipy's ndtr loses the last digits below z = -10 (R and mpmath agree with Cody there).
  it.each(scipy.normalCdf)('matches scipy norm.cdf($z) to 1e-12 relative', ({ z, p }) => {
    expectClose(normalCdf(z), p ?? Number.NaN, 1e-12, true);
  });

  it('inverts normalQuantile', () => {
    for (const p of [1e-12, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975]) {
      expectClose(normalCdf(normalQuantile(p)), p, 1e-13, true);
    }
  });
});
