import { gammaln } from 'simple-statistics';

const EPSILON = Number.EPSILON;
const TINY = 1e-300;
const MAX_ITERATIONS = 10000;

/**
 * Upper regularized incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a); the
 * chi-square survival function is Q(df/2, χ²/2).
 *
 * Press et al., Numerical Recipes (3rd ed.), §6.2: for x < a + 1 the series
 * P(a, x) = e⁻ˣxᵃ/Γ(a) · Σ xⁿ/(a(a+1)…(a+n)) and Q = 1 - P; otherwise the
 * continued fraction for Q, evaluated by the modified Lentz method.
 *
 * @param a shape, a > 0
 * @param x a number ≥ 0
 * @returns Q(a, x), in [0, 1]
 * @throws {RangeError} if a ≤ 0 or x < 0, or {Error} if the expansion does not converge
 * @example
 * regularizedGammaQ(1, 2).toFixed(15); // => Math.exp(-2).toFixed(15)
 * // chi-square with 1 df beyond its 95% point 3.8415
 * regularizedGammaQ(0.5, 3.841458820694124 / 2).toFixed(12); // => '0.050000000000'
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) {
    throw new RangeError(`regularizedGammaQ: need a > 0 and x >= 0, got a = ${a}, x = ${x}`);
  }
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logPrefactor = -x + a * Math.log(x) - gammaln(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) {
        return 1 - sum * Math.exp(logPrefactor);
      }
    }
  } else {
    let b = x + 1 - a;
    let c = 1 / TINY;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i <= MAX_ITERATIONS; i++) {
      const an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) d = TINY;
      c = b + an / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      const delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) <= EPSILON) return Math.exp(logPrefactor) * h;
    }
  }
  throw new Error(`regularizedGammaQ: no convergence for a = ${a}, x = ${x}`);
}
