// Cody (1969), "Rational Chebyshev approximations for the error function",
// Math. Comp. 23:631-637; the three ranges and coefficients are those of his
// ANORM routine, which R's pnorm also uses.
const A = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
] as const;
const B = [
  47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956,
] as const;
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
] as const;
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
] as const;
const INV_SQRT_2PI = 0.398942280401432677939946059934;

/** exp(-y²/2) without the rounding error of squaring y: y = y₀ + δ with y₀ a multiple of 1/16. */
function gaussianKernel(y: number): number {
  const y0 = Math.trunc(y * 16) / 16;
  const del = (y - y0) * (y + y0);
  return Math.exp(-y0 * y0 * 0.5) * Math.exp(-del * 0.5);
}

/**
 * Standard normal cumulative distribution function Φ(z) = P(Z ≤ z), to about
 * 1e-16 relative accuracy in both tails.
 *
 * Uses Cody's (1969) rational Chebyshev approximations: a rational function
 * of z² for |z| ≤ 0.674, exp(-z²/2)·R(|z|) for |z| ≤ √32, and
 * exp(-z²/2)/|z|·(1/√(2π) - R(1/z²)) beyond. The far tail is computed
 * directly, so for a two-sided p-value use `2 * normalCdf(-Math.abs(z))`
 * rather than `1 - normalCdf(z)`.
 *
 * @param z a real number
 * @returns Φ(z), in [0, 1]
 * @example
 * normalCdf(1.959963984540054).toFixed(12); // => '0.975000000000'
 * normalCdf(-10).toExponential(12); // => '7.619853024161e-24'
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const y = Math.abs(z);
  if (y <= 0.67448975) {
    const zsq = z * z;
    let num = A[4] * zsq;
    let den = zsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * zsq;
      den = (den + B[i]!) * zsq;
    }
    return 0.5 + (z * (num + A[3])) / (den + B[3]);
  }
  let tail: number;
  if (y <= Math.sqrt(32)) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    tail = ((num + C[7]) / (den + D[7])) * gaussianKernel(y);
  } else if (y < 37.5193) {
    const ysq = 1 / (y * y);
    let num = P[5] * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * ysq;
      den = (den + Q[i]!) * ysq;
    }
    const r = (ysq * (num + P[4])) / (den + Q[4]);
    tail = ((INV_SQRT_2PI - r) / y) * gaussianKernel(y);
  } else {
    tail = 0;
  }
  return z > 0 ? 1 - tail : tail;
}
