import { describe, expect, it } from 'vitest';
import { FingerprintBuilder, mergeFingerprints, overlapOf, SKETCH_SIZE } from '../../src/count/fingerprint.js';

const SALT = 'a'.repeat(64);

function sketch(codes: Iterable<string>, salt = SALT) {
  const builder = new FingerprintBuilder(salt);
  for (const code of codes) builder.add(code);
  return builder.finish();
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => `R${from + i}`);
}

describe('respondent fingerprint (bottom-k sketch)', () => {
  it('holds no code, only hex digits, at most k hashes', () => {
    const fingerprint = sketch(range(0, 5000));
    expect(fingerprint.hashes).toMatch(/^[0-9a-f]+$/);
    expect(fingerprint.hashes).not.toContain('R1');
    expect(fingerprint.hashes.length).toBe(14 * SKETCH_SIZE);
    expect(fingerprint.respondents).toBe(5000);
  });

  it('small sets: any shared respondent is found; disjoint sets share nothing (complete check)', () => {
    expect(overlapOf(sketch(range(0, 1300)), sketch(range(1300, 1500)))).toEqual({ shared: 0, check: 'complete' });
    expect(overlapOf(sketch(range(0, 1300)), sketch([...range(1300, 1500), 'R17']))).toEqual({ shared: 1, check: 'complete' });
  });

  it('large sets: an overlap of 10% is found in the sample; disjoint sets are never taken for overlapping', () => {
    const a = sketch(range(0, 50_000));
    expect(overlapOf(a, sketch(range(45_000, 95_000))).shared).toBeGreaterThan(0);
    expect(overlapOf(a, sketch(range(50_000, 100_000)))).toEqual({ shared: 0, check: 'sampled' });
  });

  it('the sketch of a union is the merge of the sketches, whatever the order of the codes', () => {
    const codes = range(0, 9000);
    const merged = mergeFingerprints([sketch(codes.slice(0, 4000)), sketch(codes.slice(4000))]);
    expect(merged).toEqual(sketch([...codes].reverse()));
  });

  it('another salt (another definition) gives other hashes', () => {
    expect(sketch(range(0, 10)).hashes).not.toBe(sketch(range(0, 10), 'b'.repeat(64)).hashes);
  });
});
