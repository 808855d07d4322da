// References: Rscript test/stats/reference/linear-by-linear.R — every table with the observed
// margins enumerated in base R, weighted by its hypergeometric probability (linear-by-linear-r.json).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearByLinear, rowTablesExceed } from '../../src/stats/linear-by-linear.js';
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

/** The ways of taking r from columns holding `left` (0 ≤ x_j ≤ left_j, Σ x_j = r), one column at a time over every sum: the test's own count. */
function waysByColumns(left: readonly number[], r: number): bigint {
  let ways: bigint[] = Array.from({ length: r + 1 }, (_, s) => (s === 0 ? 1n : 0n));
  for (const cap of left) {
    ways = ways.map((_, s) => {
      let total = 0n;
      for (let x = 0; x <= Math.min(cap, s); x++) total += ways[s - x]!;
      return total;
    });
  }
  return ways[r]!;
}

describe('linearByLinear gives up on the exact program where it did, without walking it', () => {
  it('rowTablesExceed says whether the ways of the first row pass the limit (against a count column by column)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }), fc.nat(60), fc.nat(400), (left, share, limit) => {
        const r = Math.min(share, left.reduce((a, b) => a + b, 0));
        expect(rowTablesExceed(left, r, limit)).toBe(waysByColumns(left, r) > BigInt(limit));
      }),
      { numRuns: 500 },
    );
  });

  it('by hand: [[2, 1], [1, 2]] has 4 ways for its first row (0–3 from the first column), so maxWork 3 is Monte-Carlo and 4 exact', () => {
    expect(linearByLinear([[2, 1], [1, 2]], undefined, undefined, { maxWork: 3 }).method).toBe('monte-carlo');
    expect(linearByLinear([[2, 1], [1, 2]], undefined, undefined, { maxWork: 4 }).method).toBe('exact');
  });

  it('a wave table of 300 000 answers goes to Monte-Carlo (its first row alone has some 5·10^9 ways), within 4 standard errors of the asymptotic p', () => {
    const table = [
      [20_000, 30_000, 50_000],
      [20_100, 30_000, 49_900],
      [20_050, 30_100, 49_850],
    ];
    const result = linearByLinear(table, undefined, undefined, { replicates: 2000 });
    expect(result.method).toBe('monte-carlo');
    // scipy: M² = (N − 1)·r² = 0.327618 (r: Pearson's of the scores 1–3 over the 300 000 answers), chi2.sf(M², 1) = 0.567065.
    const asymptotic = 0.567065;
    expect(Math.abs(result.p - asymptotic)).toBeLessThanOrEqual(4 * Math.sqrt((asymptotic * (1 - asymptotic)) / 2000));
  });
});
