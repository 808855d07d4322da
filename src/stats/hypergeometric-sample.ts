import { ratioOfUniforms } from './ratio-of-uniforms.js';

/** Variance from which on a draw is by ratio of uniforms rather than by walking from the mode. */
const WALK_LIMIT = 100;

/**
 * One draw from the hypergeometric distribution: how many of `draws` items taken without
 * replacement from `successes` + `failures` items are successes. Exact in both regimes:
 *
 * - variance below 100 (a few answers, or a draw near one end): inversion that starts at the
 *   mode and walks outwards, alternating up and down with the ratio of neighbouring
 *   probabilities; one uniform, about as many steps as the standard deviation;
 * - from 100 on: Stadlober's ratio of uniforms (ratioOfUniforms; HRUA, as numpy's
 *   `Generator.hypergeometric`), two uniforms per try and about 1.3 tries per draw whatever the
 *   counts: a million answers cost what a hundred do.
 *
 * `logFactorial[n]` must hold log(n!) up to successes + failures.
 *
 * @param random uniform numbers in [0, 1) (e.g. mulberry32)
 * @param successes items that count, ≥ 0
 * @param failures the other items, ≥ 0
 * @param draws items taken, 0 … successes + failures
 * @param logFactorial log(n!) for n = 0 … successes + failures
 * @returns the number of successes drawn
 * @example
 * const lf = [0, 0, Math.log(2), Math.log(6), Math.log(24)];
 * hypergeometricSample(() => 0.5, 2, 2, 4, lf); // => 2
 * hypergeometricSample(() => 0.1, 2, 2, 2, lf); // => 1
 */
export function hypergeometricSample(
  random: () => number,
  successes: number,
  failures: number,
  draws: number,
  logFactorial: ArrayLike<number>,
): number {
  const low = Math.max(0, draws - failures);
  const high = Math.min(draws, successes);
  if (low >= high) return low;
  const total = successes + failures;
  if ((draws * successes * failures * (total - draws)) / (total * total * Math.max(1, total - 1)) >= WALK_LIMIT) {
    return byRatioOfUniforms(random, successes, failures, draws, logFactorial);
  }
  const mode = Math.min(high, Math.max(low, Math.floor(((draws + 1) * (successes + 1)) / (total + 2))));
  const lf = logFactorial;
  const atMode = Math.exp(
    lf[successes]! - lf[mode]! - lf[successes - mode]! +
      lf[failures]! - lf[draws - mode]! - lf[failures - draws + mode]! -
      (lf[total]! - lf[draws]! - lf[total - draws]!),
  );
  let u = random() - atMode;
  if (u < 0) return mode;
  let up = mode;
  let down = mode;
  let pUp = atMode;
  let pDown = atMode;
  while (up < high || down > low) {
    if (up < high) {
      pUp *= ((successes - up) * (draws - up)) / ((up + 1) * (failures - draws + up + 1));
      up++;
      u -= pUp;
      if (u < 0) return up;
    }
    if (down > low) {
      pDown *= (down * (failures - draws + down)) / ((successes - down + 1) * (draws - down + 1));
      down--;
      u -= pDown;
      if (u < 0) return down;
    }
  }
  // Only rounding leaves u ≥ 0 here (the probabilities sum to 1 within 1e-15).
  return mode;
}

/**
 * The ratio-of-uniforms draw for a variance of at least WALK_LIMIT, in numpy's arrangement: drawn
 * for the smaller of successes and failures and the smaller of draws and what is left, then
 * mapped back.
 */
function byRatioOfUniforms(random: () => number, successes: number, failures: number, draws: number, lf: ArrayLike<number>): number {
  const total = successes + failures;
  const sample = Math.min(draws, total - draws);
  const fewer = Math.min(successes, failures);
  const more = total - fewer;
  const p = fewer / total;
  const variance = ((total - sample) * sample * p * (more / total)) / (total - 1);
  const mode = Math.floor(((sample + 1) * (fewer + 1)) / (total + 2));
  let x = ratioOfUniforms(random, sample * p, variance, mode, Math.min(sample, fewer) + 1, lf, 0, fewer, sample, more - sample);
  if (successes > failures) x = sample - x;
  return sample < draws ? successes - x : x;
}
