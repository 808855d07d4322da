/**
 * A small seeded pseudo-random number generator, so that a Monte-Carlo
 * p-value is the same on every run with the same seed.
 *
 * Mulberry32 (Tommy Ettinger, 2017): a 32-bit state advanced by a Weyl
 * sequence (+0x6D2B79F5) and mixed by two multiply-xorshift rounds. Period
 * 2³²; enough for resampling, not for cryptography.
 *
 * @param seed any number; only its low 32 bits are used
 * @returns a function giving the next number in [0, 1) on each call
 * @example
 * const random = mulberry32(1);
 * random(); // => 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
