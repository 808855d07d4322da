/** Stadlober's constants of the table mountain hat: 2√(2/e) and 3 − 2√(3/e). */
const D1 = 1.7155277699214135;
const D2 = 0.8989161620588988;

/**
 * One draw from a discrete distribution on 0, 1, 2, … with a log-concave probability function
 * (the binomial, the hypergeometric), by Stadlober's ratio of uniforms with a table mountain hat
 * (Stadlober 1989, "Sampling from Poisson, binomial and hypergeometric distributions: ratio of
 * uniforms as a simple and fast alternative", Math. Stat. und Informatik 303; Stadlober 1990,
 * J. Comput. Appl. Math. 31:181–189; the arrangement of numpy's hypergeometric HRUA). A try
 * takes two uniforms u, v and the candidate ⌊a + h(v − ½)/u⌋ with a = μ + ½ and
 * h = 2√(2/e)·√(σ² + ½) + 3 − 2√(3/e); it is accepted when u² ≤ f(x)/f(mode), with the squeezes
 * u(4 − u) − 3 ≤ T (accept) and u(u − T) ≥ 1 (reject) on T = log(f(x)/f(mode)) sparing most
 * logarithms. About 1.3 tries a draw, whatever μ and σ: exact in O(1). Candidates more than 16
 * standard deviations above the mean (probability far below 1e-50) are never drawn.
 *
 * @param random uniform numbers in [0, 1)
 * @param mean the distribution's mean μ
 * @param variance its variance σ²
 * @param end one more than the largest value of the support
 * @param logRatio log(f(x)/f(mode)) for a whole x in 0 … end − 1, f the probability function
 * @returns the draw, a whole number in 0 … end − 1
 * @example
 * // Binomial(2, ½): f = ¼, ½, ¼; u = 0.9, v = 0.5 gives the candidate ⌊1.5⌋ = 1, accepted
 * const values = [0.9, 0.5];
 * ratioOfUniforms(() => values.shift(), 1, 0.5, 3, (x) => (x === 1 ? 0 : -Math.LN2)); // => 1
 */
export function ratioOfUniforms(random: () => number, mean: number, variance: number, end: number, logRatio: (x: number) => number): number {
  const a = mean + 0.5;
  const c = Math.sqrt(variance + 0.5);
  const h = D1 * c + D2;
  const bound = Math.min(end, Math.floor(a + 16 * c));
  for (;;) {
    const u = random();
    const v = random();
    if (u === 0) continue;
    const candidate = a + (h * (v - 0.5)) / u;
    if (candidate < 0 || candidate >= bound) continue;
    const x = Math.floor(candidate);
    const t = logRatio(x);
    if (u * (4 - u) - 3 <= t) return x;
    if (u * (u - t) >= 1) continue;
    if (2 * Math.log(u) <= t) return x;
  }
}
