/**
 * A set of respondent codes that remembers the line each was first seen on, in typed arrays:
 * a million codes take about 24 MB instead of the ~80 MB of a Set of strings, so memory stays
 * flat as files grow. Codes are kept as two independent 32-bit hashes; two different codes are
 * taken for the same only if both collide (about 1 in 10^19 per pair).
 */
export class SeenIds {
  private capacity = 1 << 12;
  private size = 0;
  private hashA = new Uint32Array(this.capacity);
  private hashB = new Uint32Array(this.capacity);
  /** 0 marks an empty slot, so lines are stored as given (always ≥ 1). */
  private lines = new Uint32Array(this.capacity);

  /** Adds a code; returns the line it was seen on before, or 0 when it is new. */
  add(code: string, line: number): number {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < code.length; i++) {
      const unit = code.charCodeAt(i);
      a = Math.imul(a ^ unit, 0x01000193);
      b = Math.imul(b ^ unit, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a >>>= 0;
    b >>>= 0;
    const mask = this.capacity - 1;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const seen = this.lines[slot] ?? 0;
      if (seen === 0) break;
      if (this.hashA[slot] === a && this.hashB[slot] === b) return seen;
      slot = (slot + 1) & mask;
    }
    this.hashA[slot] = a;
    this.hashB[slot] = b;
    this.lines[slot] = line;
    if (++this.size * 2 > this.capacity) this.grow();
    return 0;
  }

  private grow(): void {
    const { hashA, hashB, lines } = this;
    this.capacity *= 2;
    this.hashA = new Uint32Array(this.capacity);
    this.hashB = new Uint32Array(this.capacity);
    this.lines = new Uint32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let old = 0; old < lines.length; old++) {
      const line = lines[old] ?? 0;
      if (line === 0) continue;
      const a = hashA[old] ?? 0;
      const b = hashB[old] ?? 0;
      let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while ((this.lines[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.hashA[slot] = a;
      this.hashB[slot] = b;
      this.lines[slot] = line;
    }
  }
}
