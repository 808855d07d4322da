import { mulberry32 } from './mulberry32.js';
import { regularizedGammaQ } from './regularized-gamma-q.js';

export type ContingencyMethod = 'exact' | 'monte-carlo' | 'chi-square';

export interface FisherFreemanHaltonOptions {
  /**
   * 'auto' (default): exact when the number of tables with the observed
   * margins is at most `maxTables`, Monte-Carlo otherwise.
   */
  method?: 'auto' | ContingencyMethod;
  /** Largest number of tables 'auto' enumerates; default 1e6. */
  maxTables?: number;
  /** Seed of the Monte-Carlo generator; default 1. */
  seed?: number;
  /** Number of simulated tables B for Monte-Carlo; default 10000. */
  replicates?: number;
}

export interface FisherFreemanHaltonResult {
  p: number;
  method: ContingencyMethod;
  /** Tables enumerated (exact), simulated (Monte-Carlo), or 0 (chi-square). */
  tables: number;
}

/** The relative tolerance of R's fisher.test for "as or less probable". */
const RELATIVE_TOLERANCE = 1e-7;

/**
 * Exact test of independence for an r×c contingency table: Freeman and
 * Halton (1951), Biometrika 38:141-149, the r×c extension of Fisher's test.
 *
 * Conditional on both margins a table has the multivariate hypergeometric
 * probability P = ∏rᵢ!∏cⱼ! / (N!∏nᵢⱼ!), computed in log space. The p-value
 * is the total probability of the tables with P ≤ P_obs·(1 + 1e-7), found by
 * enumerating every table with the observed margins; the tolerance is the
 * one R's fisher.test uses. Rows and columns with a zero total are dropped
 * first (they are zero in every table); a table left with fewer than two
 * rows or columns has only one table and gives { p: 1, method: 'exact', tables: 1 }
 * whatever the method asked for.
 *
 * When there are more than `maxTables` tables (counted exactly beforehand by
 * dynamic programming over the columns, which stops once the bound is
 * passed), the p-value is estimated from B tables drawn uniformly with the
 * observed margins (a seeded shuffle) as (1 + #{P_sim ≤ P_obs·(1 + 1e-7)})/(B + 1),
 * as R's `fisher.test(simulate.p.value = TRUE)` does. Method 'chi-square'
 * gives Pearson's asymptotic test without continuity correction instead.
 *
 * @param table counts, one array per row, all rows the same length; non-negative integers
 * @param options method, maxTables, seed and replicates
 * @returns the p-value, the method used and the number of tables behind it
 * @throws {RangeError} if the table is empty, ragged, or holds a count that is not a non-negative integer
 * @example
 * fisherFreemanHalton([[1, 8, 7], [3, 8, 5]]).p.toFixed(6); // => '0.559724'
 * fisherFreemanHalton([[1, 8, 7], [3, 8, 5]]).tables; // => 65
 */
export function fisherFreemanHalton(
  table: readonly (readonly number[])[],
  options: FisherFreemanHaltonOptions = {},
): FisherFreemanHaltonResult {
  const method = options.method ?? 'auto';
  const maxTables = options.maxTables ?? 1e6;
  const seed = options.seed ?? 1;
  const replicates = options.replicates ?? 10000;
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new RangeError(`fisherFreemanHalton: replicates must be a positive integer, got ${replicates}`);
  }

  const counts = dropEmptyMargins(validate(table));
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  if (rows < 2 || columns < 2) {
    return { p: 1, method: 'exact', tables: 1 };
  }
  if (method === 'chi-square') return chiSquare(counts);

  // Fewer rows than columns keeps the number of free cells per column small.
  const oriented = rows <= columns ? counts : transpose(counts);
  const rowTotals = oriented.map((row) => sum(row));
  const columnTotals = oriented[0]!.map((_, j) => sum(oriented.map((row) => row[j]!)));
  const total = sum(rowTotals);
  const logFactorial = logFactorials(total);
  const logObserved = -sum(oriented.map((row) => sum(row.map((n) => logFactorial[n]!))));
  const threshold = logObserved + Math.log1p(RELATIVE_TOLERANCE);

  const enumerable =
    method === 'exact' ||
    (method === 'auto' && countTables(rowTotals, columnTotals, logFactorial, maxTables) <= maxTables);
  if (enumerable) return enumerate(rowTotals, columnTotals, logFactorial, threshold);
  return monteCarlo(rowTotals, columnTotals, logFactorial, threshold, replicates, seed);
}

function validate(table: readonly (readonly number[])[]): number[][] {
  const columns = table[0]?.length ?? 0;
  if (columns === 0) throw new RangeError('fisherFreemanHalton: the table has no cells');
  return table.map((row, i) => {
    if (row.length !== columns) {
      throw new RangeError(`fisherFreemanHalton: row ${i} has ${row.length} cells, row 0 has ${columns}`);
    }
    return row.map((n, j) => {
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`fisherFreemanHalton: cell [${i}][${j}] must be a non-negative integer, got ${n}`);
      }
      return n;
    });
  });
}

function dropEmptyMargins(table: number[][]): number[][] {
  const keptColumns = table[0]!.map((_, j) => j).filter((j) => table.some((row) => row[j]! > 0));
  return table.filter((row) => sum(row) > 0).map((row) => keptColumns.map((j) => row[j]!));
}

function transpose(table: number[][]): number[][] {
  return table[0]!.map((_, j) => table.map((row) => row[j]!));
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function logFactorials(n: number): Float64Array {
  const result = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) result[i] = result[i - 1]! + Math.log(i);
  return result;
}

/**
 * Calls `visit` with every way to split `columnTotal` over the rows within
 * the remaining row totals `rowLeft` (which it updates in place) such that
 * the later columns can still be filled, and the sum of log(nᵢⱼ!) for the column.
 */
function forEachColumnFill(
  rowLeft: number[],
  columnTotal: number,
  logFactorial: Float64Array,
  visit: (logDenominator: number) => void,
): void {
  const last = rowLeft.length - 1;
  const fill = (i: number, columnLeft: number, logDenominator: number): void => {
    if (i === last) {
      rowLeft[i]! -= columnLeft;
      visit(logDenominator + logFactorial[columnLeft]!);
      rowLeft[i]! += columnLeft;
      return;
    }
    let below = 0;
    for (let k = i + 1; k <= last; k++) below += rowLeft[k]!;
    const high = Math.min(columnLeft, rowLeft[i]!);
    for (let v = Math.max(0, columnLeft - below); v <= high; v++) {
      rowLeft[i]! -= v;
      fill(i + 1, columnLeft - v, logDenominator + logFactorial[v]!);
      rowLeft[i]! += v;
    }
  };
  fill(0, columnTotal, 0);
}

/**
 * The number of tables with these margins, or Infinity once it is known to
 * exceed `bound`. Counts fillings column by column, merging equal remaining
 * row totals; every partial filling completes to at least one table, so the
 * work stays proportional to min(count, bound).
 */
function countTables(
  rowTotals: number[],
  columnTotals: number[],
  logFactorial: Float64Array,
  bound: number,
): number {
  let states = new Map<string, { rowLeft: number[]; ways: number }>([
    [rowTotals.join(','), { rowLeft: rowTotals.slice(), ways: 1 }],
  ]);
  for (let j = 0; j < columnTotals.length - 1; j++) {
    const next = new Map<string, { rowLeft: number[]; ways: number }>();
    let partialFillings = 0;
    for (const { rowLeft, ways } of states.values()) {
      forEachColumnFill(rowLeft, columnTotals[j]!, logFactorial, () => {
        const key = rowLeft.join(',');
        const state = next.get(key);
        if (state) state.ways += ways;
        else next.set(key, { rowLeft: rowLeft.slice(), ways });
        partialFillings += ways;
      });
      if (partialFillings > bound) return Number.POSITIVE_INFINITY;
    }
    states = next;
  }
  let count = 0;
  for (const { ways } of states.values()) count += ways;
  return count;
}

function enumerate(
  rowTotals: number[],
  columnTotals: number[],
  logFactorial: Float64Array,
  threshold: number,
): FisherFreemanHaltonResult {
  const total = sum(rowTotals);
  const logNumerator =
    sum(rowTotals.map((n) => logFactorial[n]!)) + sum(columnTotals.map((n) => logFactorial[n]!)) - logFactorial[total]!;
  const rowLeft = rowTotals.slice();
  const lastColumn = columnTotals.length - 1;
  let tables = 0;
  let all = 0;
  let asExtreme = 0;
  const fillFrom = (j: number, logDenominator: number): void => {
    if (j === lastColumn) {
      let d = logDenominator;
      for (const n of rowLeft) d += logFactorial[n]!;
      const probability = Math.exp(logNumerator - d);
      tables++;
      all += probability;
      if (-d <= threshold) asExtreme += probability;
      return;
    }
    forEachColumnFill(rowLeft, columnTotals[j]!, logFactorial, (columnLog) =>
      fillFrom(j + 1, logDenominator + columnLog),
    );
  };
  fillFrom(0, 0);
  return { p: Math.min(1, asExtreme / all), method: 'exact', tables };
}

function monteCarlo(
  rowTotals: number[],
  columnTotals: number[],
  logFactorial: Float64Array,
  threshold: number,
  replicates: number,
  seed: number,
): FisherFreemanHaltonResult {
  const random = mulberry32(seed);
  // One entry per respondent, holding its column; a uniform shuffle dealt out
  // row by row is a uniform draw of a table with these margins.
  const columnOf: number[] = [];
  columnTotals.forEach((n, j) => {
    for (let k = 0; k < n; k++) columnOf.push(j);
  });
  const cells = new Int32Array(rowTotals.length * columnTotals.length);
  let hits = 0;
  for (let b = 0; b < replicates; b++) {
    for (let i = columnOf.length - 1; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      const swap = columnOf[i]!;
      columnOf[i] = columnOf[k]!;
      columnOf[k] = swap;
    }
    cells.fill(0);
    let position = 0;
    rowTotals.forEach((n, i) => {
      for (let k = 0; k < n; k++) cells[i * columnTotals.length + columnOf[position++]!]! += 1;
    });
    let logDenominator = 0;
    for (const n of cells) logDenominator += logFactorial[n]!;
    if (-logDenominator <= threshold) hits++;
  }
  return { p: (1 + hits) / (replicates + 1), method: 'monte-carlo', tables: replicates };
}

function chiSquare(counts: number[][]): FisherFreemanHaltonResult {
  const rowTotals = counts.map((row) => sum(row));
  const columnTotals = counts[0]!.map((_, j) => sum(counts.map((row) => row[j]!)));
  const total = sum(rowTotals);
  let statistic = 0;
  counts.forEach((row, i) =>
    row.forEach((observed, j) => {
      const expected = (rowTotals[i]! * columnTotals[j]!) / total;
      statistic += (observed - expected) ** 2 / expected;
    }),
  );
  const df = (counts.length - 1) * (columnTotals.length - 1);
  return { p: regularizedGammaQ(df / 2, statistic / 2), method: 'chi-square', tables: 0 };
}
