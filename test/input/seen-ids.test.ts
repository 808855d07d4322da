import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../src/input/seen-ids.js';

describe('SeenIds, the duplicate-respondent check', () => {
  it('says a code is new exactly when a Set has not seen it (property), with or without reserve', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), fc.nat({ max: 5000 }), (codes, reserve) => {
        const plain = new SeenIds();
        const reserved = new SeenIds();
        reserved.reserve(reserve);
        const reference = new Set<string>();
        for (const code of codes) {
          const expected = !reference.has(code);
          reference.add(code);
          expect(plain.add(code)).toBe(expected);
          expect(reserved.add(code)).toBe(expected);
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('keeps 200 000 distinct codes apart through every growth, and finds each again', () => {
    // One assertion over the whole run, not 200 000: an expect() per code made the test slow
    // enough to time out on a loaded machine.
    const seen = new SeenIds();
    const wronglyKnown: number[] = [];
    for (let i = 0; i < 200_000; i++) if (!seen.add(`R${i}`)) wronglyKnown.push(i);
    expect(wronglyKnown).toEqual([]);
    const wronglyNew: number[] = [];
    for (let i = 0; i < 200_000; i += 997) if (seen.add(`R${i}`)) wronglyNew.push(i);
    expect(wronglyNew).toEqual([]);
  });
});
