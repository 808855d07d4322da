import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/**
 * Cumulative distribution function of Student's t distribution with df
 * degrees of freedom (df need not be an integer, as with Welch's test).
 *
 * Via the regularized incomplete beta function (Abramowitz & Stegun
 * 26.7.1): P(T > |t|) = ½·I_{df/(df+t²)}(df/2, ½) in the tails (t² ≥ df),
 * and P(0 < T < |t|) = ½·I_{t²/(df+t²)}(½, df/2) near the centre, so that
 * neither a small tail nor a value near ½ is found by cancellation. For a
 * two-sided p-value use `2 * studentTCdf(-Math.abs(t), df)`.
 *
 * @param t a real number
 * @param df degrees of freedom, df > 0
 * @returns P(T ≤ t)
 * @throws {RangeError} if df is not a positive finite number
 * @example
 * studentTCdf(0, 7); // => 0.5
 * studentTCdf(-1, 1).toFixed(12); // => '0.250000000000'
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`studentTCdf: df must be a positive finite number, got ${df}`);
  }
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const t2 = t * t;
  if (t2 < df) {
    const centre = 0.5 * regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2);
    return t >= 0 ? 0.5 + centre : 0.5 - centre;
  }
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
