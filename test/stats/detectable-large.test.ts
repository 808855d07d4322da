/**
 * detectableShift at large N, where its simulation draws the category from a tabulated binomial
 * quantile and the other categories by ratio of uniforms: the smallest detectable change of the
 * chi-square test (the test cj's simulation uses for tables this large) checked against the power
 * from scipy's noncentral chi-square (reference/detectable-large.py, detectable-large.json). As in
 * test/diff/detectable.test.ts: with 400 pairs the simulated power has a standard error of 0,02 at
 * 80%, so the stated change must have power ≥ 0,74, and one point less < 0,86.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectableShift } from '../../src/stats/detectable-shift.js';
import { fisherFreemanHalton } from '../../src/stats/fisher-freeman-halton.js';

interface Case {
  shares: number[];
  category: number;
  n1: number;
  n2: number;
  alpha: number;
  increase: Record<string, number>;
  decrease: Record<string, number>;
}

const reference = JSON.parse(readFileSync(new URL('reference/detectable-large.json', import.meta.url), 'utf8')) as { cases: Case[] };
const chiSquare = (table: number[][]): number => fisherFreemanHalton(table, { method: 'chi-square' }).p;

describe('the detectable change at large N agrees with the noncentral chi-square power (scipy)', () => {
  it.each(reference.cases.map((c) => [`${c.shares.join('/')} at ${c.n1} against ${c.n2}, alpha ${c.alpha}`, c] as const))('%s', (_, c) => {
    const shift = detectableShift(c.shares, c.category, c.n1, c.n2, chiSquare, { alpha: c.alpha });
    for (const [found, power] of [[shift.increase, c.increase], [shift.decrease, c.decrease]] as const) {
      expect(found).not.toBeNull();
      const points = Math.round(100 * found!);
      expect(power[String(points)]).toBeGreaterThanOrEqual(0.74);
      if (points > 1) expect(power[String(points - 1)]).toBeLessThan(0.86);
    }
  });
});
