/** Stadlober's constants of the table mountain hat: 2√(2/e) and 3 − 2√(3/e). */
const D1 = 1.7155277699214135;
const D2 = 0.8989161620588988;

/** log f(x) of ratioOfUniforms' form, up to a constant. */
function logMass(x: number, lf: ArrayLike<number>, logOdds: number, a: number, b: number, c: number): number {
  return x * logOdds - lf[x]! - lf[a - x]! - (b < 0 ? 0 : lf[b - x]! + lf[c + x]!);
}

/**
 * One draw from the binomial or the hypergeometric distribution by Stadlober's ratio of uniforms
 * with a table mountain hat (Stadlober 1989, "Sampling from Poisson, binomial and hypergeometric
 * distributions: ratio of uniforms as a simple and fast alternative", Math. Stat. und Informatik
 * 303; Stadlober 1990, J. Comput. Appl. Math. 31:181–189; the arrangement of numpy's
 * hypergeometric HRUA), for a probability function of the form
 *
 *   f(x) ∝ e^(x·logOdds) / (x!·(a − x)!·(b − x)!·(c + x)!), the last two factors only when b ≥ 0:
 *
 * the binomial(n, p) is a = n, b = −1, logOdds = log(p/(1 − p)); the hypergeometric (x of n drawn
 * from M successes among N) is a = M, b = n, c = N − M − n, logOdds = 0. A try takes two uniforms
 * u, v and the candidate ⌊μ + ½ + h(v − ½)/u⌋ with h = 2√(2/e)·√(σ² + ½) + 3 − 2√(3/e); it is
 * accepted when u² ≤ f(x)/f(mode), with the squeezes u(4 − u) − 3 ≤ T (accept) and u(u − T) ≥ 1
 * (reject) on T = log(f(x)/f(mode)) sparing most logarithms. About 1.3 tries a draw, whatever μ
 * and σ: exact in O(1). Candidates more than 16 standard deviations above the mean (probability
 * far below 1e-50) are never drawn. The form is given by numbers, not a function, so a draw
 * allocates nothing: Monte-Carlo tests make millions.
 *
 * @param random uniform numbers in [0, 1)
 * @param mean the distribution's mean μ
 * @param variance its variance σ²
 * @param mode its mode
 * @param end one more than the largest value of the support
 * @param logFactorial log(i!) for every i the form reaches (logFactorials)
 * @param logOdds, a, b, c the form above
 * @returns the draw, a whole number in 0 … end − 1
 * @example
 * // Binomial(2, ½): f = ¼, ½, ¼; u = 0.9, v = 0.5 gives the candidate ⌊1.5⌋ = 1, accepted
 * const values = [0.9, 0.5];
 * ratioOfUniforms(() => values.shift(), 1, 0.5, 1, 3, [0, 0, Math.log(2)], 0, 2, -1, 0); // => 1
 */
export function ratioOfUniforms(
  random: () => number,
  mean: number,
  variance: number,
  mode: number,
  end: number,
  logFactorial: ArrayLike<number>,
  logOdds: number,
  a: number,
  b: number,
  c: number,
): number {
  const lf = logFactorial;
  const atMode = logMass(mode, lf, logOdds, a, b, c);
  const centre = mean + 0.5;
  const scale = Math.sqrt(variance + 0.5);
  const h = D1 * scale + D2;
  const bound = Math.min(end, Math.floor(centre + 16 * scale));
  for (;;) {
    const u = random();
    const v = random();
    if (u === 0) continue;
    const candidate = centre + (h * (v - 0.5)) / u;
    if (candidate < 0 || candidate >= bound) continue;
    const x = Math.floor(candidate);
    const t = logMass(x, lf, logOdds, a, b, c) - atMode;
    if (u * (4 - u) - 3 <= t) return x;
    if (u * (u - t) >= 1) continue;
    if (2 * Math.log(u) <= t) return x;
  }
}
