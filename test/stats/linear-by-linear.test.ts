// References: Rscript test/stats/reference/linear-by-linear.R — every table with the observed
// margins enumerated in base R, weighted by its hypergeometric probability (linear-by-linear-r.json).
import { describe, expect, it } from 'vitest';
import { linearByLinear } from '../../src/stats/linear-by-linear.js';
import { EXACT, expectClose } from './helpers.js';
import r from './reference/linear-by-linear-r.json' with { type: 'json' };

describe('linearByLinear', () => {
  it.each(r.cases.map((k) => [JSON.stringify(k.table), k] as const))('matches R enumeration for %s', (_, k) => {
    const result = linearByLinear(k.table);
    expect(result.method).toBe('exact');
    expectClose(result.p, k.p, EXACT);
  });

  it.each(r.cases.map((k) => [JSON.stringify(k.table), k] as const))('Monte-Carlo within 4 standard errors of R for %s', (_, k) => {
    const result = linearByLinear(k.table, undefined, undefined, { maxWork: 0, replicates: 20000 });
    expect(result.method).toBe('monte-carlo');
    expect(Math.abs(result.p - k.p)).toBeLessThanOrEqual(4 * Math.sqrt((k.p * (1 - k.p)) / 20000) + 1 / 20001);
  });

  it('statistic and expectation by hand: [[3, 1], [1, 3]] has T = 3 + 2 + 2 + 12 = 19 and E = (1·4 + 2·4)(1·4 + 2·4)/8 = 18', () => {
    expect(linearByLinear([[3, 1], [1, 3]])).toMatchObject({ statistic: 19, expected: 18 });
  });

  it('rejects bad tables and scores', () => {
    expect(() => linearByLinear([])).toThrow(RangeError);
    expect(() => linearByLinear([[1, 2], [3]])).toThrow(RangeError);
    expect(() => linearByLinear([[1, 2], [3, 4]], [1, 1.5])).toThrow(RangeError);
  });
});
