/**
 * Cliff's delta, the ordinal dominance effect size of a over b:
 * δ = P(a > b) - P(a < b) over all nₐ·n_b pairs (Cliff 1993, Psychol. Bull.
 * 114:494-509). Positive when values in a tend to be larger than in b; note
 * that this runs a minus b, the other way round from the "b minus a"
 * differences of the other functions here, so pass (b, a) for that direction.
 * Equals 2U/(nₐn_b) - 1 with U of `mannWhitneyExact(a, b)`.
 *
 * @param a values of the first group
 * @param b values of the second group
 * @returns δ in [-1, 1]
 * @throws {RangeError} if a group is empty or holds NaN
 * @example
 * cliffsDelta([1, 2, 2, 3, 3, 3], [1, 1, 2, 2, 3]).toFixed(4); // => '0.3667'
 */
export function cliffsDelta(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) throw new RangeError('cliffsDelta: both groups need at least one value');
  if (a.some(Number.isNaN) || b.some(Number.isNaN)) throw new RangeError('cliffsDelta: values must not be NaN');
  let dominance = 0;
  for (const x of a) {
    for (const y of b) dominance += Math.sign(x - y);
  }
  return dominance / (a.length * b.length);
}
