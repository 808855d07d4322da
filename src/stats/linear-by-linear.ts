import { hypergeometricSample } from './hypergeometric-sample.js';
import { logFactorials } from './log-factorials.js';
import { monteCarloEstimate } from './monte-carlo-estimate.js';
import { mulberry32 } from './mulberry32.js';

export interface LinearByLinearOptions {
  /** Most states of the exact dynamic program; beyond it a seeded Monte-Carlo p. Default 2e5. */
  maxWork?: number;
  /** Seed of the Monte-Carlo generator; default 1. */
  seed?: number;
  /** Simulated tables of the Monte-Carlo p; default 20000. */
  replicates?: number;
}

export interface LinearByLinearResult {
  /** T = Σᵢⱼ uᵢ vⱼ nᵢⱼ of the observed table. */
  statistic: number;
  /** E[T] given both margins: Σᵢⱼ uᵢ vⱼ rᵢ cⱼ / N. */
  expected: number;
  /** Two-sided p: P(|T - E[T]| ≥ |t - E[T]|) given both margins. */
  p: number;
  method: 'exact' | 'monte-carlo';
  /** Standard error of a Monte-Carlo p; 0 when exact. */
  standardError: number;
}

/**
 * The linear-by-linear association test of an r×c table with ordered rows and columns (the
 * exact Cochran–Armitage trend test when one side has two levels): with integer scores uᵢ for
 * the rows (e.g. waves 1, 2, 3) and vⱼ for the columns (answer categories 1 … k), the
 * statistic T = Σ uᵢ vⱼ nᵢⱼ; its null distribution given both margins (every table with
 * multivariate hypergeometric probability ∏rᵢ!∏cⱼ!/(N!∏nᵢⱼ!)) is a dynamic program over the
 * rows, state (column totals left, T so far), as coin's `lbl_test(distribution = "exact")`
 * computes. Two-sided p = P(|T − E[T]| ≥ |t − E[T]|), compared exactly (integer scores). Past
 * `maxWork` states, a seeded Monte-Carlo estimate (1 + hits)/(B + 1) over tables drawn with the
 * observed margins.
 *
 * @param table counts, rows in order (e.g. waves), columns in order (worst to best)
 * @param rowScores integer score per row; default 1, 2, …
 * @param columnScores integer score per column; default 1, 2, …
 * @param options maxWork, seed, replicates
 * @returns the statistic, its expectation, the two-sided p, the method and its standard error
 * @throws {RangeError} if the table is empty or ragged, holds a count that is not a non-negative integer, or a score that is not an integer
 * @example
 * linearByLinear([[3, 1], [1, 3]]).p.toFixed(6); // => '0.485714'
 */
export function linearByLinear(
  table: readonly (readonly number[])[],
  rowScores: readonly number[] = table.map((_, i) => i + 1),
  columnScores: readonly number[] = (table[0] ?? []).map((_, j) => j + 1),
  options: LinearByLinearOptions = {},
): LinearByLinearResult {
  const columns = table[0]?.length ?? 0;
  if (table.length === 0 || columns === 0) throw new RangeError('linearByLinear: the table has no cells');
  for (const row of table) {
    if (row.length !== columns) throw new RangeError('linearByLinear: rows of different lengths');
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError(`linearByLinear: count ${n} is not a non-negative integer`);
  }
  if (![...rowScores, ...columnScores].every(Number.isInteger) || rowScores.length !== table.length || columnScores.length !== columns) {
    throw new RangeError('linearByLinear: one integer score per row and per column');
  }
  const rowTotals = table.map((row) => row.reduce((s, n) => s + n, 0));
  const columnTotals = columnScores.map((_, j) => table.reduce((s, row) => s + row[j]!, 0));
  const total = rowTotals.reduce((s, n) => s + n, 0);
  let statistic = 0;
  table.forEach((row, i) => row.forEach((n, j) => (statistic += rowScores[i]! * columnScores[j]! * n)));
  let sumU = 0;
  let sumV = 0;
  rowTotals.forEach((r, i) => (sumU += rowScores[i]! * r));
  columnTotals.forEach((c, j) => (sumV += columnScores[j]! * c));
  const expected = total === 0 ? 0 : (sumU * sumV) / total;
  // Compare N·|T − E| in integers: N·T − ΣuΣv.
  const observed = Math.abs(total * statistic - sumU * sumV);
  const extreme = (t: number): boolean => Math.abs(total * t - sumU * sumV) >= observed;
  const lf = logFactorials(total);
  const logChoose = (n: number, x: number): number => lf[n]! - lf[x]! - lf[n - x]!;

  // Exact: rows one by one; a row of total r takes from the columns' remaining totals a
  // multivariate hypergeometric sample, ∏ C(left_j, x_j) / C(Σ left, r).
  const maxWork = options.maxWork ?? 2e5;
  let states = new Map<string, { left: number[]; t: number; probability: number }>([
    [`${columnTotals.join(',')}|0`, { left: columnTotals.slice(), t: 0, probability: 1 }],
  ]);
  let work = 0;
  // The first row alone is enumerated from one state: when its tables pass maxWork, the program
  // gives up there. Counted first without making a state a table, that decision (the same one)
  // costs nothing of note; at large N it was nearly all of cj trend's time.
  let exact = table.length < 2 || !rowTablesExceed(columnTotals, rowTotals[0]!, maxWork);
  for (let i = 0; i < table.length - 1 && exact; i++) {
    const next = new Map<string, { left: number[]; t: number; probability: number }>();
    const r = rowTotals[i]!;
    for (const { left, t, probability } of states.values()) {
      const pool = left.reduce((s, n) => s + n, 0);
      const logAll = logChoose(pool, r);
      const take = new Array<number>(columns).fill(0);
      const fill = (j: number, need: number, logWays: number, score: number): void => {
        if (!exact) return;
        if (j === columns - 1) {
          if (need > left[j]!) return;
          take[j] = need;
          if (++work > maxWork) {
            exact = false;
            return;
          }
          const rest = left.map((n, k) => n - take[k]!);
          const nextT = t + rowScores[i]! * (score + columnScores[j]! * need);
          const key = `${rest.join(',')}|${nextT}`;
          const add = probability * Math.exp(logWays + logChoose(left[j]!, need) - logAll);
          const found = next.get(key);
          if (found) found.probability += add;
          else next.set(key, { left: rest, t: nextT, probability: add });
          return;
        }
        let after = 0;
        for (let k = j + 1; k < columns; k++) after += left[k]!;
        for (let x = Math.max(0, need - after); x <= Math.min(need, left[j]!); x++) {
          take[j] = x;
          fill(j + 1, need - x, logWays + logChoose(left[j]!, x), score + columnScores[j]! * x);
        }
      };
      fill(0, r, 0, 0);
    }
    states = next;
  }
  if (exact) {
    // The last row takes what is left.
    const last = rowScores[table.length - 1]!;
    let p = 0;
    for (const { left, t, probability } of states.values()) {
      let score = 0;
      left.forEach((n, j) => (score += columnScores[j]! * n));
      if (extreme(t + last * score)) p += probability;
    }
    return { statistic, expected, p: Math.min(1, p), method: 'exact', standardError: 0 };
  }

  const random = mulberry32(options.seed ?? 1);
  const replicates = options.replicates ?? 20000;
  let hits = 0;
  for (let b = 0; b < replicates; b++) {
    const left = columnTotals.slice();
    let pool = total;
    let t = 0;
    for (let i = 0; i < table.length; i++) {
      let need = rowTotals[i]!;
      let rest = pool;
      for (let j = 0; j < columns; j++) {
        rest -= left[j]!;
        const x = j === columns - 1 ? need : hypergeometricSample(random, left[j]!, rest, need, lf);
        t += rowScores[i]! * columnScores[j]! * x;
        left[j]! -= x;
        need -= x;
      }
      pool -= rowTotals[i]!;
    }
    if (extreme(t)) hits++;
  }
  return { statistic, expected, ...monteCarloEstimate(hits, replicates), method: 'monte-carlo' };
}

/**
 * Whether the ways of taking a row of total `r` from columns with `left` (each x_j ≤ left_j,
 * Σ x_j = r: the first row's leaves of the exact program, which counts each as one of its work)
 * number more than `limit`. Walked as the program walks them, without a state each; stops at
 * limit + 1. Every path the walk takes ends in a leaf (x_j is kept to what the columns after can
 * still take), so it visits at most (limit + 1) × columns places.
 */
export function rowTablesExceed(left: readonly number[], r: number, limit: number): boolean {
  const columns = left.length;
  const after = new Array<number>(columns).fill(0);
  for (let j = columns - 2; j >= 0; j--) after[j] = after[j + 1]! + left[j + 1]!;
  let count = 0;
  const walk = (j: number, need: number): boolean => {
    if (j === columns - 1) return need <= left[j]! && ++count > limit;
    for (let x = Math.max(0, need - after[j]!); x <= Math.min(need, left[j]!); x++) if (walk(j + 1, need - x)) return true;
    return false;
  };
  return walk(0, r);
}
