/**
 * A fingerprint of the set of respondents: enough to tell whether two results count a respondent
 * twice, never the codes. It is a bottom-k sketch (Cohen & Kaplan 2007): each code is hashed with
 * a salt (the definition's SHA-256), and the k smallest hashes are kept.
 *
 * Why this: the sketch of a union is the bottom k of the two sketches' union, so results merge
 * exactly (merge(analyse(a), analyse(b)) has the sketch analyse(a ++ b) has), and it stays a
 * fixed size however many respondents there are.
 *
 * - Up to k respondents the sketch holds every hash: an overlap is always found (no false
 *   negatives), and two different codes are taken for one only when their 53-bit hashes collide
 *   (probability about nₐ·n_b / 2⁵³: 2·10⁻¹⁰ for two sets of 1 300).
 * - Beyond k, the sketches are compared below the smaller of their largest hashes, a random
 *   sample of about k/n of each set: an overlap of d respondents is missed with probability about
 *   (1 − k/n)^d (with k = 2 048 and n = 100 000, d = 200 is found with probability 0.98).
 * - A hash does not give the code back, but whoever holds a code and the definition can test
 *   whether it is in the set; codes that can be listed (1, 2, 3, …) can all be tested. The
 *   codes are pseudonyms already (data contract); this adds no way to find a person.
 */

/** Hashes kept: 2 048 × 14 hex digits is 28 kB of results.json at most. */
export const SKETCH_SIZE = 2048;
const HEX_DIGITS = 14;

/**
 * A 53-bit hash of a string with a 32-bit seed (cyrb53, public domain): well mixed, and cheap
 * enough for a million rows where a cryptographic hash per row is not (8 s on this machine).
 */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export interface RespondentFingerprint {
  readonly method: 'bottom-k cyrb53';
  readonly k: number;
  /** Respondents the set holds. */
  readonly respondents: number;
  /** The smallest hashes, ascending, 14 hex digits each, joined. */
  readonly hashes: string;
}

/** The sorted, distinct smallest `SKETCH_SIZE` of some hashes. */
function bottom(hashes: number[]): number[] {
  hashes.sort((a, b) => a - b);
  const kept: number[] = [];
  for (const value of hashes) {
    if (kept.length === SKETCH_SIZE) break;
    if (kept[kept.length - 1] !== value) kept.push(value);
  }
  return kept;
}

/** Builds the sketch a respondent at a time, in memory of at most twice its size. */
export class FingerprintBuilder {
  private hashes: number[] = [];
  private ceiling = Number.POSITIVE_INFINITY;
  private readonly seed: number;
  respondents = 0;

  /** @param salt hex digits (the definition's SHA-256): one study's sketches compare, another's do not. */
  constructor(salt: string) {
    this.seed = Number.parseInt(salt.slice(0, 8), 16) | 0;
  }

  add(respondent: string): void {
    this.respondents++;
    const value = hash53(respondent, this.seed);
    if (value >= this.ceiling) return;
    this.hashes.push(value);
    if (this.hashes.length >= 2 * SKETCH_SIZE) {
      this.hashes = bottom(this.hashes);
      this.ceiling = this.hashes[this.hashes.length - 1] ?? Number.POSITIVE_INFINITY;
      // Equal to the largest kept hash is kept already; only smaller ones can enter.
    }
  }

  finish(): RespondentFingerprint {
    return fingerprintOf(bottom(this.hashes), this.respondents);
  }
}

function fingerprintOf(hashes: readonly number[], respondents: number): RespondentFingerprint {
  return { method: 'bottom-k cyrb53', k: SKETCH_SIZE, respondents, hashes: hashes.map((value) => value.toString(16).padStart(HEX_DIGITS, '0')).join('') };
}

function hashesOf(fingerprint: RespondentFingerprint): number[] {
  const values: number[] = [];
  for (let at = 0; at < fingerprint.hashes.length; at += HEX_DIGITS) values.push(Number.parseInt(fingerprint.hashes.slice(at, at + HEX_DIGITS), 16));
  return values;
}

/** Whether a sketch holds every respondent's hash (so a comparison with it is complete). */
function complete(fingerprint: RespondentFingerprint, values: readonly number[]): boolean {
  return values.length === fingerprint.respondents;
}

export interface Overlap {
  /** Hashes found in both sketches: respondents counted twice (at least as many). */
  readonly shared: number;
  /** `complete` when both sketches hold every hash; `sampled` when the check saw only part of the sets. */
  readonly check: 'complete' | 'sampled';
}

/** The hashes two sketches share where both see every respondent's hash (below both ceilings). */
export function overlapOf(a: RespondentFingerprint, b: RespondentFingerprint): Overlap {
  const va = hashesOf(a);
  const vb = hashesOf(b);
  const ceilingOf = (fingerprint: RespondentFingerprint, values: number[]): number =>
    complete(fingerprint, values) ? Number.POSITIVE_INFINITY : (values[values.length - 1] ?? Number.POSITIVE_INFINITY);
  const ceiling = Math.min(ceilingOf(a, va), ceilingOf(b, vb));
  const inB = new Set(vb);
  const shared = va.filter((value) => value <= ceiling && inB.has(value)).length;
  return { shared, check: complete(a, va) && complete(b, vb) ? 'complete' : 'sampled' };
}

/** The sketch of the union of disjoint sets: what one analysis of all their respondents makes. */
export function mergeFingerprints(fingerprints: readonly RespondentFingerprint[]): RespondentFingerprint {
  const all = fingerprints.flatMap(hashesOf);
  return fingerprintOf(bottom(all), fingerprints.reduce((sum, f) => sum + f.respondents, 0));
}
