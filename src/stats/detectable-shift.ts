import { binomialQuantile } from './binomial-quantile.js';
import { binomialQuantiles } from './binomial-quantiles.js';
import { binomialSample } from './binomial-sample.js';
import { logFactorials } from './log-factorials.js';
import { mulberry32 } from './mulberry32.js';

/** Variance of an "other" category's conditional binomial from which on it is drawn in O(1). */
const INVERSION_LIMIT = 100;

export interface DetectableShiftOptions {
  /** Level the test must reach, e.g. the Holm-adjusted alpha it faces; default 0.05. */
  alpha?: number;
  /** Probability of detection; default 0.8. */
  power?: number;
  /** Simulated pairs of cohorts per shift tried; default 400. */
  simulations?: number;
  /** Seed of the simulation; default 1. */
  seed?: number;
}

export interface DetectableShift {
  /** Smallest rise of the category's share (whole percentage points, as a proportion) detected with the power; null if none up to 100%. */
  increase: number | null;
  /** Smallest fall, likewise; null if none down to 0%. */
  decrease: number | null;
}

/**
 * The smallest change in one category's share that a given test detects with the given power,
 * by simulation: "with these N, only a change of at least X points could be detected".
 *
 * Cohort a is drawn from `shares` (n₁ answers), cohort b (n₂) from the same shares with the
 * category moved by δ and the other categories scaled in proportion (sharing the change equally
 * when they were all 0). The test gets the 2×k table of each simulated pair; power(δ) is the
 * share of pairs with p < alpha. Changes are tried in whole percentage points, doubling from one
 * point until one is detected, then by bisection below it (a large cohort needs two or three
 * tries), with common random numbers: a cohort is drawn as a multinomial by conditional binomials
 * (the category first, then the others in turn from what is left), each from one uniform that
 * every δ reuses, the category's by inversion, so b's count in the category never falls as δ
 * grows, power(δ) stays nearly monotone, and the answer is the same on every run. The category's
 * quantile function is tabulated once per size and share (binomialQuantiles); another category
 * whose conditional binomial has a variance of 100 or more is drawn in O(1) by ratio of uniforms
 * (binomialSample) from a generator seeded with its uniform, below that by inversion of the
 * uniform. A draw costs k table look-ups and samples, not n uniforms nor a special function: a
 * million answers a side simulate as fast as forty. A shift is tried on the pairs until the
 * outcome is certain.
 *
 * @param shares the distribution of cohort a over the k categories, summing to 1
 * @param category index of the category whose share moves
 * @param n1 answers in cohort a, ≥ 1
 * @param n2 answers in cohort b, ≥ 1
 * @param test the p-value of a 2×k table (rows a and b)
 * @param options alpha, power, simulations and seed
 * @returns the smallest detectable increase and decrease, as proportions in whole percentage points
 * @throws {RangeError} if shares do not sum to 1, category is out of range, or n₁, n₂ < 1
 * @example
 * // A stand-in test that rejects whenever the two cohorts' first cells differ:
 * const test = (table) => (table[0][0] === table[1][0] ? 1 : 0);
 * detectableShift([0.5, 0.5], 0, 40, 40, test, { simulations: 50 }).increase; // => 0.01
 */
export function detectableShift(
  shares: readonly number[],
  category: number,
  n1: number,
  n2: number,
  test: (table: number[][]) => number,
  options: DetectableShiftOptions = {},
): DetectableShift {
  const total = shares.reduce((s, x) => s + x, 0);
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`detectableShift: shares must sum to 1, got ${total}`);
  if (!(category >= 0 && category < shares.length)) throw new RangeError(`detectableShift: no category ${category}`);
  if (!(n1 >= 1 && n2 >= 1)) throw new RangeError(`detectableShift: n1 and n2 must be at least 1, got ${n1}, ${n2}`);
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const simulations = options.simulations ?? 400;
  const random = mulberry32(options.seed ?? 1);
  const k = shares.length;
  const others = shares.map((_, j) => j).filter((j) => j !== category);
  const rest = 1 - shares[category]!;
  // The other categories' shares among themselves: fixed whatever δ is.
  const relative = others.map((j) => (rest > 0 ? shares[j]! / rest : 1 / others.length));

  // Every simulated cohort of one size and share draws its category from one binomial: its
  // quantile function is tabulated once (binomialQuantiles).
  const quantiles = new Map<string, (u: number) => number>();
  const quantileOf = (n: number, target: number): ((u: number) => number) => {
    const key = `${n} ${target}`;
    let quantile = quantiles.get(key);
    if (quantile === undefined) quantiles.set(key, (quantile = binomialQuantiles(n, target)));
    return quantile;
  };
  const logFactorial = logFactorials(Math.max(n1, n2));
  // `quantile` draws the category's count (quantileOf(n, its share)): looked up once per share tried.
  const counts = (uniforms: Float64Array, n: number, quantile: (u: number) => number): number[] => {
    const row = new Array<number>(k).fill(0);
    let left = n - (row[category] = quantile(uniforms[0]!));
    // The others share what is left in their fixed proportions, one conditional binomial each.
    let mass = 1;
    others.forEach((j, i) => {
      const share = relative[i]!;
      // A share of 0 takes nothing, also once the shares left add up to 0 (0 / 0 would be NaN).
      const p = share <= 0 ? 0 : Math.min(1, share / mass);
      let taken = left;
      if (i < others.length - 1) {
        taken =
          left * p * (1 - p) < INVERSION_LIMIT
            ? binomialQuantile(uniforms[i + 1]!, left, p)
            : binomialSample(mulberry32(uniforms[i + 1]! * 2 ** 32), left, p, logFactorial);
      }
      row[j] = taken;
      left -= taken;
      mass -= share;
    });
    return row;
  };
  const draw = (): Float64Array => {
    const u = new Float64Array(k);
    for (let i = 0; i < k; i++) u[i] = random();
    return u;
  };
  const quantileA = quantileOf(n1, shares[category]!);
  const pairs = Array.from({ length: simulations }, () => {
    const a = counts(draw(), n1, quantileA);
    return { a, b: draw() };
  });
  const detects = (delta: number): boolean => {
    const target = Math.min(1, Math.max(0, shares[category]! + delta));
    const needed = power * simulations;
    const quantileB = quantileOf(n2, target);
    let hits = 0;
    let tried = 0;
    // Stops as soon as the outcome is certain: the same answer as testing every pair.
    for (const { a, b } of pairs) {
      if (test([a, counts(b, n2, quantileB)]) < alpha) hits++;
      tried++;
      if (hits >= needed) return true;
      if (hits + simulations - tried < needed) return false;
    }
    return hits >= needed;
  };
  // Smallest whole number of points in 1 … max with detects(±points/100): doubling from 1 until
  // one detects, then bisection below it. Large cohorts detect 1 or 2 points: two or three tries.
  const search = (sign: 1 | -1, max: number): number | null => {
    if (max < 1) return null;
    let lo = 1;
    let hi = 1;
    while (!detects((sign * hi) / 100)) {
      if (hi === max) return null;
      lo = hi + 1;
      hi = Math.min(max, 2 * hi);
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (detects((sign * mid) / 100)) hi = mid;
      else lo = mid + 1;
    }
    return lo / 100;
  };
  const p1 = shares[category]!;
  return {
    increase: search(1, Math.floor((1 - p1) * 100 + 1e-9)),
    decrease: search(-1, Math.floor(p1 * 100 + 1e-9)),
  };
}
