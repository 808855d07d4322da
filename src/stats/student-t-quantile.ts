import { gammaln } from 'simple-statistics';
import { normalQuantile } from './normal-quantile.js';
import { studentTCdf } from './student-t-cdf.js';

function studentTDensity(t: number, df: number): number {
  return Math.exp(
    gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/**
 * Quantile of Student's t distribution: the t with P(T ≤ t) = p.
 *
 * Solves P(T > t) = min(p, 1 - p) for t ≥ 0 by Newton's method on the
 * upper tail (derivative: minus the density), kept inside a bracket that is
 * halved whenever a Newton step leaves it, until successive values agree to
 * 1e-12 (relative for |t| > 1); the sign follows from symmetry. Starts from
 * the normal quantile.
 *
 * @param p a probability in [0, 1]
 * @param df degrees of freedom, df > 0 (need not be an integer)
 * @returns the quantile; ±Infinity for p = 0 or 1
 * @throws {RangeError} if p is outside [0, 1] or df is not a positive finite number
 * @example
 * studentTQuantile(0.975, 10).toFixed(12); // => '2.228138851986'
 * studentTQuantile(0.75, 1).toFixed(12); // => '1.000000000000'
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`studentTQuantile: df must be a positive finite number, got ${df}`);
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  const target = Math.min(p, 1 - p);
  const upperTail = (t: number): number => studentTCdf(-t, df);

  let low = 0;
  let high = Math.max(1, -normalQuantile(target));
  while (upperTail(high) > target) {
    low = high;
    high *= 2;
  }
  let t = Math.min(Math.max(-normalQuantile(target), low), high);
  for (let iteration = 0; iteration < 200; iteration++) {
    const excess = upperTail(t) - target;
    if (excess > 0) low = t;
    else high = t;
    let next = t + excess / studentTDensity(t, df);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-12 * Math.max(1, Math.abs(t))) {
      t = next;
      break;
    }
    t = next;
  }
  return p < 0.5 ? -t : t;
}
