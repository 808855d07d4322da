import { hypergeometricSample } from './hypergeometric-sample.js';
import { hypergeometricTails, type HypergeometricTails } from './hypergeometric-tails.js';
import { logFactorials } from './log-factorials.js';
import { monteCarloEstimate } from './monte-carlo-estimate.js';
import { mulberry32 } from './mulberry32.js';
import { regularizedGammaQ } from './regularized-gamma-q.js';

export type ContingencyMethod = 'exact' | 'monte-carlo' | 'chi-square';

export interface FisherFreemanHaltonOptions {
  /**
   * 'auto' (default): exact when the work stays within `maxWork`, Monte-Carlo otherwise.
   */
  method?: 'auto' | ContingencyMethod;
  /**
   * Most work 'auto' spends on the exact p: nodes of the network (two-row tables) or tables
   * enumerated (larger tables); default 1e6, under a second.
   */
  maxWork?: number;
  /** Seed of the Monte-Carlo generator; default 1. */
  seed?: number;
  /** Fewest simulated tables B for Monte-Carlo; default 10000. */
  replicates?: number;
  /**
   * Monte-Carlo draws on (in batches of 1000) until the standard error of p is at most this;
   * default 0 (stop at `replicates`).
   */
  targetStandardError?: number;
  /** Most simulated tables, whatever the standard error; default 1e6. */
  maxReplicates?: number;
  /**
   * What 'auto' does past `maxWork`: 'monte-carlo' (default), or 'chi-square' where a quick
   * approximate p is enough (e.g. inside a power simulation of many tables).
   */
  fallback?: 'monte-carlo' | 'chi-square';
}

export interface FisherFreemanHaltonResult {
  p: number;
  method: ContingencyMethod;
  /** Tables with the observed margins (exact), simulated (Monte-Carlo), or 0 (chi-square). */
  tables: number;
  /** Standard error of a Monte-Carlo p, √(p(1-p)/B); 0 for an exact p, null for chi-square. */
  standardError: number | null;
}

/** The relative tolerance of R's fisher.test for "as or less probable". */
const RELATIVE_TOLERANCE = 1e-7;
const BATCH = 1000;
/** Up to this many tables, enumeration beats the network algorithm. */
const SMALL = 2000;

/**
 * Exact test of independence for an r×c contingency table: Freeman and
 * Halton (1951), Biometrika 38:141-149, the r×c extension of Fisher's test.
 *
 * Conditional on both margins a table has the multivariate hypergeometric
 * probability P = ∏rᵢ!∏cⱼ! / (N!∏nᵢⱼ!), computed in log space. The p-value
 * is the total probability of the tables with P ≤ P_obs·(1 + 1e-7), the
 * tolerance R's fisher.test uses. Rows and columns with a zero total are
 * dropped first; a table left with fewer than two rows or columns has only
 * one table and gives { p: 1, method: 'exact', tables: 1, standardError: 0 }.
 *
 * A table with two rows (or two columns) is summed by the network algorithm
 * of Mehta and Patel (1983, JASA 78:427-434) over its columns: a node is a
 * column and the row-1 total still to place; paths with the same probability
 * so far are merged; a node whose every completion is as improbable as the
 * observed table adds the completions' total probability at once (by
 * Vandermonde's identity), one whose every completion is more probable is
 * dropped; the longest and shortest completions come from a dynamic program
 * over the columns. Larger tables, and tables with at most 2000 tables with their
 * margins, are enumerated table by table.
 *
 * When the work would pass `maxWork`, the p-value is estimated from B tables
 * drawn with the observed margins (each cell a hypergeometric draw given the
 * cells before it) as (1 + #{P_sim ≤ P_obs·(1 + 1e-7)})/(B + 1), as R's
 * `fisher.test(simulate.p.value = TRUE)` does, with its standard error.
 * Method 'chi-square' gives Pearson's asymptotic test without continuity
 * correction instead.
 *
 * @param table counts, one array per row, all rows the same length; non-negative integers
 * @param options method, maxWork, seed, replicates, targetStandardError and maxReplicates
 * @returns the p-value, the method used, the number of tables behind it and the standard error
 * @throws {RangeError} if the table is empty, ragged, or holds a count that is not a non-negative integer
 * @example
 * fisherFreemanHalton([[1, 8, 7], [3, 8, 5]]).p.toFixed(6); // => '0.559724'
 * fisherFreemanHalton([[1, 8, 7], [3, 8, 5]]).tables; // => 65
 * fisherFreemanHalton([[16, 6, 3, 9, 7, 5], [10, 14, 13, 11, 15, 14]]).p.toFixed(6); // => '0.057191'
 */
export function fisherFreemanHalton(
  table: readonly (readonly number[])[],
  options: FisherFreemanHaltonOptions = {},
): FisherFreemanHaltonResult {
  const method = options.method ?? 'auto';
  const maxWork = options.maxWork ?? 1e6;
  const seed = options.seed ?? 1;
  const replicates = options.replicates ?? 10000;
  const maxReplicates = Math.max(replicates, options.maxReplicates ?? 1e6);
  const targetStandardError = options.targetStandardError ?? 0;
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new RangeError(`fisherFreemanHalton: replicates must be a positive integer, got ${replicates}`);
  }

  const counts = dropEmptyMargins(validate(table));
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  if (rows < 2 || columns < 2) {
    return { p: 1, method: 'exact', tables: 1, standardError: 0 };
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

  if (method !== 'monte-carlo') {
    const bound = method === 'exact' ? Number.POSITIVE_INFINITY : maxWork;
    // A few thousand tables are summed faster one by one than the network can be set up.
    // With three rows or more, a count that is surely past the bound is not counted (work of its own).
    const atLeast = rowTotals.length > 2 && bound < Number.POSITIVE_INFINITY ? tablesAtLeast(rowTotals, columnTotals, bound) : 0;
    const few =
      rowTotals.length === 2
        ? countTwoRowTables(rowTotals[0]!, columnTotals, SMALL) <= SMALL
        : atLeast <= SMALL && countTables(rowTotals, columnTotals, logFactorial, SMALL) <= SMALL;
    const exact =
      rowTotals.length === 2 && !few
        ? network(rowTotals, columnTotals, oriented[0]!, logFactorial, bound)
        : few || (atLeast <= bound && countTables(rowTotals, columnTotals, logFactorial, bound) <= bound)
          ? enumerate(rowTotals, columnTotals, logFactorial, threshold)
          : null;
    if (exact !== null) return exact;
    if (method === 'auto' && options.fallback === 'chi-square') return chiSquare(oriented);
  }
  return monteCarlo(rowTotals, columnTotals, logFactorial, threshold, { replicates, maxReplicates, targetStandardError, seed });
}

function validate(table: readonly (readonly number[])[]): readonly (readonly number[])[] {
  const columns = table[0]?.length ?? 0;
  if (columns === 0) throw new RangeError('fisherFreemanHalton: the table has no cells');
  for (let i = 0; i < table.length; i++) {
    const row = table[i]!;
    if (row.length !== columns) {
      throw new RangeError(`fisherFreemanHalton: row ${i} has ${row.length} cells, row 0 has ${columns}`);
    }
    for (let j = 0; j < columns; j++) {
      const n = row[j]!;
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`fisherFreemanHalton: cell [${i}][${j}] must be a non-negative integer, got ${n}`);
      }
    }
  }
  return table;
}

/** A copy of the table without the rows and columns whose total is zero. */
function dropEmptyMargins(table: readonly (readonly number[])[]): number[][] {
  const columns = table[0]!.length;
  const keptColumns: number[] = [];
  for (let j = 0; j < columns; j++) {
    for (const row of table) {
      if (row[j]! > 0) {
        keptColumns.push(j);
        break;
      }
    }
  }
  const kept: number[][] = [];
  for (const row of table) {
    const copy = keptColumns.map((j) => row[j]!);
    if (sum(copy) > 0) kept.push(copy);
  }
  return kept;
}

function transpose(table: number[][]): number[][] {
  return table[0]!.map((_, j) => table.map((row) => row[j]!));
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
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

/**
 * A lower bound on the number of tables with these margins (three rows or more), in a few steps
 * where counting them takes up to `bound` (countTables). One table with the margins is made (each
 * row but the last spread over the columns in proportion to what they have left), and tables
 * that differ from it only in rows 1 and 2 are counted, two ways, the larger count kept:
 * - each cell of row 1 (but in one column) lowered by 0 … dⱼ, and the one column, the one with
 *   most in row 2, taking what they give up (row 2 changing to match): ∏(dⱼ + 1) tables, with
 *   dⱼ at most the cell and Σdⱼ at most row 2's cell of that column, so every cell stays ≥ 0;
 * - rows 1 and 2 set free in the first m columns, m = 2, 3, …, holding the sums of those cells:
 *   the two-row tables there, counted while that takes few steps.
 * Each of those is one of the tables, so a count past `bound` here (Infinity) is one there too,
 * and countTables would return Infinity.
 */
export function tablesAtLeast(rowTotals: readonly number[], columnTotals: readonly number[], bound: number): number {
  const left = columnTotals.slice();
  const table = rowTotals.map(() => new Array<number>(left.length).fill(0));
  let pool = sum(left);
  for (let i = 0; i < rowTotals.length - 1; i++) {
    const total = rowTotals[i]!;
    const row = table[i]!;
    let rest = total;
    for (let j = 0; j < left.length && pool > 0; j++) {
      const share = Math.min(left[j]!, Math.floor((total * left[j]!) / pool), rest);
      row[j]! += share;
      left[j]! -= share;
      rest -= share;
    }
    // What rounding left over goes to the columns with the most left (there is room: rest ≤ Σ left).
    while (rest > 0) {
      let most = 0;
      for (let j = 1; j < left.length; j++) if (left[j]! > left[most]!) most = j;
      const share = Math.min(rest, Math.max(1, Math.floor(rest / left.length)), left[most]!);
      row[most]! += share;
      left[most]! -= share;
      rest -= share;
    }
    pool -= total;
  }
  table[rowTotals.length - 1] = left;
  const [first = [], second = []] = table;
  let taker = 0;
  for (let j = 1; j < second.length; j++) if (second[j]! > second[taker]!) taker = j;
  const each = Math.floor(second[taker]! / Math.max(1, columnTotals.length - 1));
  let lowered = 1;
  for (let j = 0; j < first.length && lowered <= bound; j++) if (j !== taker) lowered *= Math.min(first[j]!, each) + 1;
  if (lowered > bound) return Number.POSITIVE_INFINITY;
  let found = lowered;
  for (let m = 2; m <= columnTotals.length; m++) {
    let r1 = 0;
    let steps = 0;
    const columns: number[] = [];
    for (let j = 0; j < m; j++) {
      r1 += first[j]!;
      columns.push(first[j]! + second[j]!);
    }
    for (const c of columns) steps += (r1 + 1) * (c + 1);
    if (steps > 1e5) break;
    found = Math.max(found, countTwoRowTables(r1, columns, bound));
    if (found === Number.POSITIVE_INFINITY) break;
  }
  return found;
}

/**
 * The number of two-row tables with these margins (first row total r₁), or Infinity once it
 * passes `bound` or would take more than 1e5 steps to count.
 */
function countTwoRowTables(r1: number, columnTotals: number[], bound: number): number {
  let steps = 0;
  for (const c of columnTotals) steps += (r1 + 1) * (c + 1);
  if (steps > 1e5) return Number.POSITIVE_INFINITY;
  // ways[s]: fillings of the columns so far with s in the first row.
  let ways = new Float64Array(r1 + 1);
  ways[0] = 1;
  for (const c of columnTotals) {
    const next = new Float64Array(r1 + 1);
    for (let s = 0; s <= r1; s++) {
      if (ways[s] === 0) continue;
      for (let x = 0; x <= c && s + x <= r1; x++) next[s + x]! += ways[s]!;
    }
    ways = next;
  }
  return ways[r1]! > bound ? Number.POSITIVE_INFINITY : ways[r1]!;
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
  return { p: Math.min(1, asExtreme / all), method: 'exact', tables, standardError: 0 };
}

interface MonteCarloOptions {
  replicates: number;
  maxReplicates: number;
  targetStandardError: number;
  seed: number;
}

function monteCarlo(
  rowTotals: number[],
  columnTotals: number[],
  logFactorial: Float64Array,
  threshold: number,
  options: MonteCarloOptions,
): FisherFreemanHaltonResult {
  const random = mulberry32(options.seed);
  const rows = rowTotals.length;
  const lastColumn = columnTotals.length - 1;
  const rowLeft = new Array<number>(rows).fill(0);
  const total = sum(rowTotals);
  let hits = 0;
  let draws = 0;
  const estimate = (): { p: number; standardError: number } => monteCarloEstimate(hits, draws);
  for (;;) {
    // A uniform table with these margins, column by column: the cell of row i is a
    // hypergeometric draw of what the column has left from rows i, i+1, … (Patefield's order).
    for (let i = 0; i < rows; i++) rowLeft[i] = rowTotals[i]!;
    let pool = total;
    let logDenominator = 0;
    for (let j = 0; j < lastColumn; j++) {
      let columnLeft = columnTotals[j]!;
      let below = pool;
      for (let i = 0; i < rows - 1; i++) {
        below -= rowLeft[i]!;
        const x = hypergeometricSample(random, rowLeft[i]!, below, columnLeft, logFactorial);
        logDenominator += logFactorial[x]!;
        rowLeft[i]! -= x;
        columnLeft -= x;
      }
      logDenominator += logFactorial[columnLeft]!;
      rowLeft[rows - 1]! -= columnLeft;
      pool -= columnTotals[j]!;
    }
    for (let i = 0; i < rows; i++) logDenominator += logFactorial[rowLeft[i]!]!;
    if (-logDenominator <= threshold) hits++;
    draws++;
    if (draws >= options.replicates && draws % BATCH === 0) {
      const { standardError } = estimate();
      if (options.targetStandardError === 0 || standardError <= options.targetStandardError || draws >= options.maxReplicates) break;
    } else if (draws >= options.maxReplicates) {
      break;
    }
  }
  return { ...estimate(), method: 'monte-carlo', tables: draws };
}

/**
 * The exact p of a two-row table by the network algorithm; null when it would take more than
 * `bound` nodes. Scores are S = Σⱼ log C(cⱼ, xⱼ) over the first row's cells xⱼ: P = e^S / C(N, r₁).
 */
function network(
  rowTotals: number[],
  columnTotals: number[],
  observedRow: readonly number[],
  logFactorial: Float64Array,
  bound: number,
): FisherFreemanHaltonResult | null {
  const lf = logFactorial;
  const logChoose = (n: number, x: number): number => lf[n]! - lf[x]! - lf[n - x]!;
  // Small columns first: the two largest are summed in closed form at the end.
  const order = columnTotals.map((_, j) => j).sort((i, j) => columnTotals[i]! - columnTotals[j]!);
  const c = order.map((j) => columnTotals[j]!);
  const k = c.length;
  const r1 = rowTotals[0]!;
  const total = r1 + rowTotals[1]!;
  let observed = 0;
  order.forEach((j, position) => (observed += logChoose(c[position]!, observedRow[j]!)));
  const threshold = observed + Math.log1p(RELATIVE_TOLERANCE);
  const after = new Array<number>(k + 1).fill(0);
  for (let j = k - 1; j >= 0; j--) after[j] = after[j + 1]! + c[j]!;
  const [A, B] = [c[k - 2]!, c[k - 1]!];

  // The dynamic program over the columns costs Σⱼ (states × column total) and the tails of the
  // last two columns (A + 1)(B + 1): refuse both before starting.
  let work = (A + 1) * (B + 1);
  for (let j = 0; j < k; j++) work += (Math.min(r1, after[j]!) + 1) * (c[j]! + 1);
  if (work > bound) return null;
  // longest[j][s], shortest[j][s]: the largest and smallest Σ log C(cᵢ, xᵢ) over the columns
  // i ≥ j with Σ xᵢ = s; ways[j][s]: how many such fillings there are.
  const longest: Float64Array[] = new Array<Float64Array>(k + 1);
  const shortest: Float64Array[] = new Array<Float64Array>(k + 1);
  const ways: Float64Array[] = new Array<Float64Array>(k + 1);
  longest[k] = new Float64Array(1);
  shortest[k] = new Float64Array(1);
  ways[k] = Float64Array.of(1);
  for (let j = k - 1; j >= 0; j--) {
    const states = Math.min(r1, after[j]!) + 1;
    const high = new Float64Array(states).fill(Number.NEGATIVE_INFINITY);
    const low = new Float64Array(states).fill(Number.POSITIVE_INFINITY);
    const count = new Float64Array(states);
    const next = { high: longest[j + 1]!, low: shortest[j + 1]!, count: ways[j + 1]! };
    for (let s = 0; s < states; s++) {
      const top = Math.min(c[j]!, s);
      for (let x = Math.max(0, s - after[j + 1]!); x <= top; x++) {
        const rest = s - x;
        if (rest >= next.count.length) continue;
        const here = logChoose(c[j]!, x);
        if (here + next.high[rest]! > high[s]!) high[s] = here + next.high[rest]!;
        if (here + next.low[rest]! < low[s]!) low[s] = here + next.low[rest]!;
        count[s]! += next.count[rest]!;
      }
    }
    longest[j] = high;
    shortest[j] = low;
    ways[j] = count;
  }

  // The last two columns with s still to place: x in the first, s - x in the second, with the
  // hypergeometric probabilities h(x) = C(A, x)C(B, s - x)/C(A + B, s), summed from each end.
  const tails = new Map<number, HypergeometricTails>();
  const tailsOf = (s: number): HypergeometricTails => {
    let found = tails.get(s);
    if (found === undefined) tails.set(s, (found = hypergeometricTails(A, B, s, lf)));
    return found;
  };
  const logAll = logChoose(total, r1);
  let p = 0;
  let visited = 0;
  const lastTwo = (s: number, past: number, paths: number): void => {
    const limit = threshold - past;
    const score = (x: number): number => logChoose(A, x) + logChoose(B, s - x);
    const low = Math.max(0, s - B);
    const high = Math.min(A, s);
    const mode = Math.min(high, Math.max(low, Math.floor(((s + 1) * (A + 1)) / (A + B + 2))));
    // score rises up to the mode and falls after it: the x with score ≤ limit are two tails.
    let lo = low;
    let hi = mode;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (score(mid) <= limit) lo = mid + 1;
      else hi = mid;
    }
    const leftEnd = score(lo) <= limit ? lo : lo - 1; // last x of the left tail, or low - 1
    lo = mode;
    hi = high;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (score(mid) <= limit) hi = mid - 1;
      else lo = mid;
    }
    const rightStart = score(lo) <= limit ? lo : lo + 1; // first x of the right tail, or high + 1
    const { from, below: left, above: right } = tailsOf(s);
    let share = 0;
    if (rightStart <= leftEnd + 1) {
      share = 1; // every x qualifies: the probabilities h sum to 1
    } else {
      if (leftEnd >= low) share += left[leftEnd - from]!;
      if (rightStart <= high) share += right[rightStart - from]!;
    }
    if (share > 0) p += paths * share * Math.exp(past + logChoose(A + B, s) - logAll);
  };
  const visit = (j: number, s: number, past: number): boolean => {
    if (++visited > bound) return false;
    if (j === k - 2) {
      lastTwo(s, past, 1);
      return true;
    }
    if (past + longest[j]![s]! <= threshold) {
      // Every completion is at most as probable as the observed table: Vandermonde's
      // Σ ∏ C(cᵢ, xᵢ) = C(Σ cᵢ, s) sums them all.
      p += Math.exp(past + logChoose(after[j]!, s) - logAll);
      return true;
    }
    if (past + shortest[j]![s]! > threshold) return true;
    const top = Math.min(c[j]!, s);
    for (let x = Math.max(0, s - after[j + 1]!); x <= top; x++) {
      if (!visit(j + 1, s - x, past + logChoose(c[j]!, x))) return false;
    }
    return true;
  };
  if (!visit(0, r1, 0)) return null;
  return { p: Math.min(1, p), method: 'exact', tables: ways[0]![r1]!, standardError: 0 };
}

function chiSquare(counts: readonly (readonly number[])[]): FisherFreemanHaltonResult {
  return { p: chiSquareP(counts), method: 'chi-square', tables: 0, standardError: null };
}

/**
 * Pearson's asymptotic p (no continuity correction) of a table of non-negative whole counts, left
 * unchecked: for the tables a power simulation makes, many thousands a bar. A row or column with
 * a zero total is left out, as fisherFreemanHalton drops it (adding its zeros to a total changes
 * no bit); a table left with fewer than two rows or columns has p = 1.
 */
export function chiSquareP(counts: readonly (readonly number[])[]): number {
  // Loops rather than array methods: a power simulation calls this for every simulated table.
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const rowTotals = new Float64Array(rows);
  const columnTotals = new Float64Array(columns);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const row = counts[i]!;
    for (let j = 0; j < columns; j++) {
      rowTotals[i]! += row[j]!;
      columnTotals[j]! += row[j]!;
    }
    total += rowTotals[i]!;
  }
  let keptRows = 0;
  let keptColumns = 0;
  for (let i = 0; i < rows; i++) if (rowTotals[i]! > 0) keptRows++;
  for (let j = 0; j < columns; j++) if (columnTotals[j]! > 0) keptColumns++;
  if (keptRows < 2 || keptColumns < 2) return 1;
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    if (rowTotals[i] === 0) continue;
    const row = counts[i]!;
    for (let j = 0; j < columns; j++) {
      if (columnTotals[j] === 0) continue;
      const expected = (rowTotals[i]! * columnTotals[j]!) / total;
      statistic += (row[j]! - expected) ** 2 / expected;
    }
  }
  const df = (keptRows - 1) * (keptColumns - 1);
  return regularizedGammaQ(df / 2, statistic / 2);
}
