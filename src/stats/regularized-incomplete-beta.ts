import { gammaln } from 'simple-statistics';

const EPSILON = Number.EPSILON;
const TINY = 1e-300;
const MAX_ITERATIONS = 10000;

/** Continued fraction for I_x(a, b) (Numerical Recipes betacf), modified Lentz method. */
function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) return h;
  }
  throw new Error(`regularizedIncompleteBeta: no convergence for x = ${x}, a = ${a}, b = ${b}`);
}

/**
 * Regularized incomplete beta function
 * I_x(a, b) = B(x; a, b)/B(a, b) = ∫₀ˣ tᵃ⁻¹(1-t)ᵇ⁻¹ dt / B(a, b).
 *
 * Press et al., Numerical Recipes (3rd ed.), §6.4: the prefactor
 * xᵃ(1-x)ᵇ/B(a, b) in log space times a continued fraction evaluated by the
 * modified Lentz method, using I_x(a, b) = 1 - I₁₋ₓ(b, a) for
 * x > (a+1)/(a+b+2) so that the fraction converges fast.
 *
 * @param x a number in [0, 1]
 * @param a first shape parameter, a > 0
 * @param b second shape parameter, b > 0
 * @returns I_x(a, b), in [0, 1]
 * @throws {RangeError} if x is outside [0, 1] or a or b is not positive, or {Error} if the fraction does not converge
 * @example
 * regularizedIncompleteBeta(0.5, 2, 2).toFixed(12); // => '0.500000000000'
 * regularizedIncompleteBeta(0.25, 1, 3).toFixed(15); // => (1 - 0.75 ** 3).toFixed(15)
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) {
    throw new RangeError(`regularizedIncompleteBeta: need 0 <= x <= 1, a > 0, b > 0; got x = ${x}, a = ${a}, b = ${b}`);
  }
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logPrefactor = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(logPrefactor) * continuedFraction(x, a, b)) / a;
  }
  return 1 - (Math.exp(logPrefactor) * continuedFraction(1 - x, b, a)) / b;
}
