// References: Rscript test/stats/reference/make-reference.R — p.adjust(p, "holm").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holm } from '../../src/stats/holm.js';
import { expectClose } from './helpers.js';
import r from './reference/r.json' with { type: 'json' };

describe('holm', () => {
  it.each(r.holm.map((k) => [k.p.join(', '), k] as const))(
    'matches R p.adjust(holm) for [%s]',
    (_, { p, adjusted }) => {
      const result = holm(p);
      expect(result).toHaveLength(adjusted.length);
      result.forEach((value, i) => expectClose(value, adjusted[i]!, 1e-12));
    },
  );

  it('is at least the raw p, at most 1, and monotone in the order of the raw p (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), (p) => {
        const adjusted = holm(p);
        const order = p.map((_, i) => i).sort((i, j) => p[i]! - p[j]!);
        return (
          adjusted.every((value, i) => value >= p[i]! && value <= 1) &&
          order.every((index, k) => k === 0 || adjusted[index]! >= adjusted[order[k - 1]!]!)
        );
      }),
    );
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => holm([0.5, 1.2])).toThrow(RangeError);
    expect(() => holm([Number.NaN])).toThrow(RangeError);
  });
});
