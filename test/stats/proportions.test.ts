// References: Rscript test/stats/reference/make-reference.R — prop.test(x, n,
// correct = FALSE)$conf.int for Wilson; Newcombe's method 10 coded in R from
// the paper's formulas (without prop.test).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombeDifference } from '../../src/stats/newcombe-difference.js';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';
import { APPROXIMATE, expectClose } from './helpers.js';
import r from './reference/r.json' with { type: 'json' };

describe('wilsonInterval', () => {
  it.each(r.wilson)('matches R prop.test for $x/$n at $confidence', ({ x, n, confidence, lower, upper }) => {
    const interval = wilsonInterval(x, n, confidence);
    expectClose(interval.lower, lower, APPROXIMATE);
    expectClose(interval.upper, upper, APPROXIMATE);
  });

  it('has bounds in [0, 1] that contain p̂ (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        ([x, n], confidence) => {
          const { lower, upper } = wilsonInterval(x, n, confidence);
          return 0 <= lower && lower <= x / n && x / n <= upper && upper <= 1;
        },
      ),
    );
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
  });
});

describe('newcombeDifference (b minus a)', () => {
  it.each(r.newcombe)('matches the R coding of method 10 for $xa/$na vs $xb/$nb', (k) => {
    const result = newcombeDifference(k.xa, k.na, k.xb, k.nb, k.confidence);
    expectClose(result.difference, k.difference, APPROXIMATE);
    expectClose(result.lower, k.lower, APPROXIMATE);
    expectClose(result.upper, k.upper, APPROXIMATE);
  });

  // Newcombe (1998), Stat. Med. 17:873-890, table II, method 10, to the four
  // decimals printed there; the paper's p1 - p2 is our b minus a with b = its first sample.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('reproduces the paper for %i/%i vs %i/%i', (x1, n1, x2, n2, lower, upper) => {
    const result = newcombeDifference(x2, n2, x1, n1);
    expectClose(result.lower, lower, 5e-5);
    expectClose(result.upper, upper, 5e-5);
  });

  it('is antisymmetric in its cohorts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([xa, na], [xb, nb]) => {
          const ab = newcombeDifference(xa, na, xb, nb);
          const ba = newcombeDifference(xb, nb, xa, na);
          return (
            Math.abs(ab.lower + ba.upper) < 1e-12 &&
            Math.abs(ab.upper + ba.lower) < 1e-12 &&
            ab.lower <= ab.difference &&
            ab.difference <= ab.upper &&
            ab.lower >= -1 &&
            ab.upper <= 1
          );
        },
      ),
    );
  });
});
