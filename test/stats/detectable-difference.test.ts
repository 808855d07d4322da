// References: Rscript test/stats/reference/make-reference.R — Cohen's h and
// the arcsine back-transform coded in R with qnorm, and h from
// pwr::pwr.2p2n.test(n1, n2, sig.level, power) (hPwr).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectableDifference } from '../../src/stats/detectable-difference.js';
import { normalCdf } from '../../src/stats/normal-cdf.js';
import { expectClose } from './helpers.js';
import r from './reference/r.json' with { type: 'json' };

describe('detectableDifference', () => {
  it.each(r.detectable)('matches R for p1 = $p1, n = $n1 and $n2, alpha $alpha, power $power', (k) => {
    const result = detectableDifference(k.p1, k.n1, k.n2, k.alpha, k.power);
    expectClose(result.h, k.h, 1e-12);
    if (k.increase === null) expect(result.increase).toBeNull();
    else expectClose(result.increase ?? Number.NaN, k.increase, 1e-12);
    if (k.decrease === null) expect(result.decrease).toBeNull();
    else expectClose(result.decrease ?? Number.NaN, k.decrease, 1e-12);
    // pwr also counts rejections in the wrong direction, so its h is a little different.
    expectClose(result.h, k.hPwr, 5e-5);
  });

  it('has the asked-for power, ignoring the wrong-direction tail (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 5, max: 2000 }),
        fc.integer({ min: 5, max: 2000 }),
        (p1, n1, n2) => {
          const { h, increase, decrease } = detectableDifference(p1, n1, n2);
          const power = normalCdf(h / Math.sqrt(1 / n1 + 1 / n2) - 1.959963984540054);
          const toAngle = (p: number): number => 2 * Math.asin(Math.sqrt(p));
          return (
            Math.abs(power - 0.8) < 1e-9 &&
            (increase === null || Math.abs(toAngle(p1 + increase) - toAngle(p1) - h) < 1e-9) &&
            (decrease === null || Math.abs(toAngle(p1) - toAngle(p1 - decrease) - h) < 1e-9)
          );
        },
      ),
    );
  });

  it('rejects arguments out of range', () => {
    expect(() => detectableDifference(1.2, 16, 15)).toThrow(RangeError);
    expect(() => detectableDifference(0.5, 0, 15)).toThrow(RangeError);
    expect(() => detectableDifference(0.5, 16, 15, 0)).toThrow(RangeError);
    expect(() => detectableDifference(0.5, 16, 15, 0.05, 1)).toThrow(RangeError);
  });
});
