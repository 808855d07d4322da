/**
 * The fullest the table gets before it doubles. Linear probing stays short up to about this
 * (3.8 slots looked at on average to add a new code at 0.7, 2.5 at 0.5), and a million codes
 * fit 2^21 slots (16 MB) instead of 2^22 (33 MB) under the usual limit of one half.
 */
const MAX_LOAD = 0.7;

/**
 * A set of respondent codes in two typed arrays: a million codes take 16 MB instead of the
 * ~80 MB of a Set of strings, so memory grows by 11 to 23 bytes a code (8 bytes a slot, 35–70% of slots in use). A code is kept as two
 * independent 32-bit hashes (FNV-1a and a murmur-style mix); two different codes are taken for
 * the same only if both collide, about once in 10^19 pairs. The line of the first occurrence is
 * not kept: it would cost another 8 MB a million codes, and the code itself finds it.
 */
export class SeenIds {
  private capacity = 1 << 12;
  private size = 0;
  /** 0 in both arrays marks an empty slot; a code hashing to (0, 0) is stored as (0, 1). */
  private hashA = new Uint32Array(this.capacity);
  private hashB = new Uint32Array(this.capacity);

  /** Adds a code; returns false when it was there already. */
  add(code: string): boolean {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < code.length; i++) {
      const unit = code.charCodeAt(i);
      a = Math.imul(a ^ unit, 0x01000193);
      b = Math.imul(b ^ unit, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a >>>= 0;
    b = b >>> 0 || (a === 0 ? 1 : 0);
    const mask = this.capacity - 1;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const seenA = this.hashA[slot] ?? 0;
      const seenB = this.hashB[slot] ?? 0;
      if (seenA === 0 && seenB === 0) break;
      if (seenA === a && seenB === b) return false;
      slot = (slot + 1) & mask;
    }
    this.hashA[slot] = a;
    this.hashB[slot] = b;
    if (++this.size > this.capacity * MAX_LOAD) this.grow();
    return true;
  }

  /**
   * Makes room for `expected` codes in one step. Growing by doubling leaves the previous arrays
   * to the garbage collector, which frees typed arrays late: on a million codes that is 8 MB
   * more at the peak than the table itself.
   */
  reserve(expected: number): void {
    let capacity = this.capacity;
    while (expected > capacity * MAX_LOAD) capacity *= 2;
    if (capacity > this.capacity) this.grow(capacity);
  }

  private grow(capacity = this.capacity * 2): void {
    const { hashA, hashB } = this;
    this.capacity = capacity;
    this.hashA = new Uint32Array(this.capacity);
    this.hashB = new Uint32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let old = 0; old < hashA.length; old++) {
      const a = hashA[old] ?? 0;
      const b = hashB[old] ?? 0;
      if (a === 0 && b === 0) continue;
      let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while ((this.hashA[slot] ?? 0) !== 0 || (this.hashB[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.hashA[slot] = a;
      this.hashB[slot] = b;
    }
  }
}
