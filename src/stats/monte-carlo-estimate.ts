/**
 * A Monte-Carlo p-value and its standard error: (1 + hits)/(draws + 1), the estimate that counts
 * the observed table among the draws and so is never 0 (Davison & Hinkley 1997, §4.2.1; R's
 * fisher.test with simulate.p.value), with the binomial standard error √(p(1 − p)/draws).
 *
 * @param hits draws at least as extreme as the observed statistic, 0 … draws
 * @param draws tables or splits drawn, ≥ 1
 * @returns the estimate and its standard error
 * @example
 * monteCarloEstimate(0, 9999).p; // => 0.0001
 * monteCarloEstimate(499, 999).p; // => 0.5
 * monteCarloEstimate(499, 999).standardError.toFixed(6); // => Math.sqrt(0.25 / 999).toFixed(6)
 */
export function monteCarloEstimate(hits: number, draws: number): { p: number; standardError: number } {
  const p = (1 + hits) / (draws + 1);
  return { p, standardError: Math.sqrt((p * (1 - p)) / draws) };
}
