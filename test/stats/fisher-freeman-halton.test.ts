// References: Rscript test/stats/reference/make-reference.R — fisher.test(m,
// workspace = 2e8)$p.value (network algorithm, exact) and chisq.test(m,
// correct = FALSE)$p.value on the table without zero rows and columns;
// python3 test/stats/reference/make-reference.py — scipy.stats.fisher_exact for the 2×2 tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareP, fisherFreemanHalton, tablesAtLeast } from '../../src/stats/fisher-freeman-halton.js';
import { APPROXIMATE, EXACT, expectClose } from './helpers.js';
import r from './reference/r.json' with { type: 'json' };
import scipy from './reference/scipy.json' with { type: 'json' };

const name = (table: number[][]): string => JSON.stringify(table);

/** Tables with the margins of [[1,8,7],[3,8,5]]: row 1 holds 16 of the columns' 4, 16 and 12. */
function surveyTableCount(): number {
  let count = 0;
  for (let first = 0; first <= 4; first++) {
    const rest = 16 - first;
    for (let second = Math.max(0, rest - 12); second <= Math.min(16, rest); second++) count++;
  }
  return count;
}

describe('fisherFreemanHalton', () => {
  it.each(r.fisher.map((k) => [name(k.table), k] as const))('matches R fisher.test for %s', (_, { table, p }) => {
    const result = fisherFreemanHalton(table);
    expect(result.method).toBe('exact');
    expectClose(result.p, p, EXACT);
  });

  it.each(scipy.fisher2x2.map((k) => [name(k.table), k] as const))('matches scipy fisher_exact for %s', (_, k) => {
    expectClose(fisherFreemanHalton(k.table).p, k.p ?? Number.NaN, EXACT);
  });

  it('counts the tables it enumerates: 2×3 survey table', () => {
    expect(fisherFreemanHalton([[1, 8, 7], [3, 8, 5]]).tables).toBe(surveyTableCount());
  });

  it('drops a zero column and a zero row without changing p', () => {
    const plain = fisherFreemanHalton([[1, 8, 7], [3, 8, 5]]);
    expect(fisherFreemanHalton([[1, 8, 0, 7], [3, 8, 0, 5]])).toEqual(plain);
    expect(fisherFreemanHalton([[0, 0, 0], [1, 8, 7], [3, 8, 5]])).toEqual(plain);
  });

  it('gives p = 1 from a single table when only one row or column is left', () => {
    expect(fisherFreemanHalton([[12, 4], [0, 0]])).toEqual({ p: 1, method: 'exact', tables: 1, standardError: 0 });
    expect(fisherFreemanHalton([[0, 3], [0, 5]])).toEqual({ p: 1, method: 'exact', tables: 1, standardError: 0 });
  });

  it('is the same for the transposed table (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }), {
          minLength: 2,
          maxLength: 3,
        }),
        (table) => {
          const transposed = table[0]!.map((_, j) => table.map((row) => row[j]!));
          return Math.abs(fisherFreemanHalton(table).p - fisherFreemanHalton(transposed).p) < 1e-12;
        },
      ),
    );
  });

  it.each(r.chiSquare.map((k) => [name(k.table), k] as const))(
    'matches R chisq.test(correct = FALSE) for %s with method chi-square',
    (_, { table, p }) => {
      const result = fisherFreemanHalton(table, { method: 'chi-square' });
      expect(result).toMatchObject({ method: 'chi-square', tables: 0 });
      expectClose(result.p, p, APPROXIMATE);
    },
  );

  it.each(r.fisherMonteCarlo.map((k) => [name(k.table), k] as const))(
    'estimates R exact p within 4 standard errors by Monte-Carlo for %s',
    (_, { table, p }) => {
      const result = fisherFreemanHalton(table, { maxWork: 10 });
      expect(result.method).toBe('monte-carlo');
      expect(result.tables).toBe(10000);
      expect(Math.abs(result.p - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 10000));
    },
  );

  it('repeats a Monte-Carlo estimate for the same seed', () => {
    const table = [[8, 10, 12, 6, 4], [9, 11, 7, 10, 5]];
    const first = fisherFreemanHalton(table, { method: 'monte-carlo', seed: 7, replicates: 2000 });
    expect(fisherFreemanHalton(table, { method: 'monte-carlo', seed: 7, replicates: 2000 })).toEqual(first);
    expect(fisherFreemanHalton(table, { method: 'monte-carlo', seed: 8, replicates: 2000 }).p).not.toBe(first.p);
  });

  it('enumerates when forced even above maxTables', () => {
    const result = fisherFreemanHalton([[1, 8, 7], [3, 8, 5]], { method: 'exact', maxWork: 1 });
    expect(result).toMatchObject({ method: 'exact', tables: surveyTableCount() });
  });

  it('rejects ragged tables and counts that are not non-negative integers', () => {
    expect(() => fisherFreemanHalton([[1, 2], [3]])).toThrow(RangeError);
    expect(() => fisherFreemanHalton([[1, -2], [3, 4]])).toThrow(RangeError);
    expect(() => fisherFreemanHalton([[1, 2.5], [3, 4]])).toThrow(RangeError);
    expect(() => fisherFreemanHalton([])).toThrow(RangeError);
  });

  it('bounds the number of tables from below: never above the count of the tables enumerated one by one (property)', () => {
    // Margins of tables with 3 or 4 rows and 3 to 5 columns of counts up to 2, small enough to enumerate.
    const tableOf = fc.integer({ min: 3, max: 4 }).chain((rows) =>
      fc.integer({ min: rows, max: 5 }).chain((columns) => fc.array(fc.array(fc.nat({ max: 2 }), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })),
    );
    let compared = 0;
    fc.assert(
      fc.property(tableOf, (table) => {
        const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
        const columnTotals = (table[0] ?? []).map((_, j) => table.reduce((a, row) => a + (row[j] ?? 0), 0));
        if (rowTotals.some((n) => n === 0) || columnTotals.some((n) => n === 0)) return;
        const count = fisherFreemanHalton(table, { method: 'exact' }).tables;
        const bound = tablesAtLeast(rowTotals, columnTotals, Number.POSITIVE_INFINITY);
        expect(bound).toBeGreaterThanOrEqual(1);
        expect(bound).toBeLessThanOrEqual(count);
        // Past a bound below the count it says Infinity only when the count is past it too.
        const below = Math.max(1, Math.floor(count / 2));
        if (tablesAtLeast(rowTotals, columnTotals, below) === Number.POSITIVE_INFINITY) expect(count).toBeGreaterThan(below);
        compared++;
      }),
      { numRuns: 300, seed: 20261201 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('leaves a 3×40 table of a breakdown with 40 groups to Monte-Carlo without counting its tables, as before', () => {
    // 3 categories × 40 groups of 5 000 answers: far more than a million tables.
    const table = [0, 1, 2].map((row) => Array.from({ length: 40 }, (_, group) => 30 + ((group * 7 + row * 11) % 17)));
    const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
    const columnTotals = (table[0] ?? []).map((_, j) => table.reduce((a, row) => a + (row[j] ?? 0), 0));
    expect(tablesAtLeast(rowTotals, columnTotals, 1e6)).toBe(Number.POSITIVE_INFINITY);
    const result = fisherFreemanHalton(table, { seed: 1, replicates: 1000 });
    expect(result.method).toBe('monte-carlo');
    expect(result.tables).toBe(1000);
  });
});

describe('chiSquareP (the power simulation’s test of each simulated table)', () => {
  it.each(r.chiSquare.map((k) => [name(k.table), k] as const))('matches R chisq.test(correct = FALSE) for %s', (_, { table, p }) => {
    expectClose(chiSquareP(table), p, APPROXIMATE);
  });

  it('leaves out a row and a column with a zero total, as R does once they are removed', () => {
    const reference = r.chiSquare.find((k) => name(k.table) === '[[1,8,7],[3,8,5]]')!;
    expectClose(chiSquareP([[0, 0, 0, 0], [1, 0, 8, 7], [3, 0, 8, 5]]), reference.p, APPROXIMATE);
  });

  it('is 1 when fewer than two rows or columns have answers', () => {
    expect(chiSquareP([[3, 4, 5], [0, 0, 0]])).toBe(1);
    expect(chiSquareP([[3, 0], [4, 0]])).toBe(1);
    expect(chiSquareP([[0, 0], [0, 0]])).toBe(1);
  });

  it('gives a table with zero rows and columns the p of the table without them, to the last bit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((rows) =>
          fc.integer({ min: 2, max: 5 }).chain((columns) =>
            fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
          ),
        ),
        (table) => {
          // The zero rows and columns taken out here, by hand.
          const rows = table.filter((row) => row.some((count) => count > 0));
          const columns = table[0]!.map((_, j) => j).filter((j) => table.some((row) => row[j]! > 0));
          const reduced = rows.map((row) => columns.map((j) => row[j]!));
          const expected = reduced.length < 2 || columns.length < 2 ? 1 : chiSquareP(reduced);
          return Object.is(chiSquareP(table), expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
