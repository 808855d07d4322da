/**
 * "Smallest detectable change" (issue 15): the change in the best category that the deciding
 * test, Fisher–Freeman–Halton at the Holm-adjusted alpha it faces (alpha/m), detects with 80%
 * power. Checked here against the exact power, computed independently of cj's simulation: every
 * pair of cohorts (all compositions of n₁ and n₂ over the categories) weighted by its multinomial
 * probability, the test run on each table. With 400 simulations cj's power has a standard error
 * of 0,02 at 80%, so the stated change must have exact power ≥ 0,74, one point less < 0,86.
 */
import { describe, expect, it, vi } from 'vitest';
import { stated } from '../../src/diff/compare.js';
import type { CategoryChange, Detectable } from '../../src/diff/types.js';
import { fisherFreemanHalton } from '../../src/stats/fisher-freeman-halton.js';
import { compare } from './build.js';

// cj diff runs whole comparisons, with a power simulation per bar: on a shared machine more than 5 s.
vi.setConfig({ testTimeout: 60_000 });

/** Every way to spread n answers over k categories. */
function compositions(n: number, k: number): number[][] {
  if (k === 1) return [[n]];
  const out: number[][] = [];
  for (let first = 0; first <= n; first++) for (const rest of compositions(n - first, k - 1)) out.push([first, ...rest]);
  return out;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

function multinomial(counts: readonly number[], shares: readonly number[]): number {
  const n = counts.reduce((s, x) => s + x, 0);
  let log = logFactorial(n);
  counts.forEach((x, j) => {
    log -= logFactorial(x);
    if (x > 0) log += x * Math.log(shares[j]!);
  });
  return counts.some((x, j) => x > 0 && shares[j] === 0) ? 0 : Math.exp(log);
}

/** Exact probability that FFH gives p < alpha when a ~ M(n1, shares) and b ~ M(n2, shares moved by delta in `category`). */
function exactPower(shares: number[], category: number, delta: number, n1: number, n2: number, alpha: number): number {
  const target = shares[category]! + delta;
  const rest = 1 - shares[category]!;
  const moved = shares.map((x, j) => (j === category ? target : (x * (1 - target)) / rest));
  const cache = new Map<string, boolean>();
  const as = compositions(n1, shares.length).map((a) => ({ a, p: multinomial(a, shares) })).filter(({ p }) => p > 0);
  const bs = compositions(n2, shares.length).map((b) => ({ b, p: multinomial(b, moved) })).filter(({ p }) => p > 1e-12);
  let power = 0;
  for (const { a, p: pa } of as) {
    for (const { b, p: pb } of bs) {
      const key = `${a.join(',')}|${b.join(',')}`;
      let rejects = cache.get(key);
      if (rejects === undefined) cache.set(key, (rejects = fisherFreemanHalton([a, b]).p < alpha));
      if (rejects) power += pa * pb;
    }
  }
  return power;
}

describe('the smallest detectable change has 80% power under the deciding test at the Holm alpha', () => {
  it('one bar, 16 against 17 answers (alpha 0,05): exact power at the stated rise ≥ 0,74 and one point less < 0,86', () => {
    const diff = compare([[3, 6, 7]], [[4, 5, 8]]);
    const { detectable } = diff.figures[0]!.bars[0]!;
    expect(detectable).toMatchObject({ test: 'fisher-freeman-halton', alpha: 0.05, power: 0.8, simulations: 400 });
    const rise = detectable.increasePoints!;
    const shares = [3 / 16, 6 / 16, 7 / 16];
    expect(exactPower(shares, 2, rise / 100, 16, 17, 0.05)).toBeGreaterThanOrEqual(0.74);
    expect(exactPower(shares, 2, (rise - 1) / 100, 16, 17, 0.05)).toBeLessThan(0.86);
    const fall = detectable.decreasePoints!;
    expect(exactPower(shares, 2, -fall / 100, 16, 17, 0.05)).toBeGreaterThanOrEqual(0.74);
    expect(exactPower(shares, 2, -(fall - 1) / 100, 16, 17, 0.05)).toBeLessThan(0.86);
  });

  it('four bars: the first bar faces alpha/4 after Holm, and needs a larger change', () => {
    const one = compare([[3, 6, 7]], [[4, 5, 8]]).figures[0]!.bars[0]!.detectable;
    const four = compare([[3, 6, 7], [5, 5, 6], [2, 7, 7], [6, 6, 4]], [[4, 5, 8], [5, 6, 6], [3, 7, 7], [6, 5, 6]]).figures[0]!.bars[0]!.detectable;
    expect(four.alpha).toBe(0.05 / 4);
    expect(four.increasePoints!).toBeGreaterThan(one.increasePoints!);
    const shares = [3 / 16, 6 / 16, 7 / 16];
    expect(exactPower(shares, 2, four.increasePoints! / 100, 16, 17, 0.0125)).toBeGreaterThanOrEqual(0.74);
    expect(exactPower(shares, 2, (four.increasePoints! - 1) / 100, 16, 17, 0.0125)).toBeLessThan(0.86);
  });
});

describe('"no rise at all": Figure 1 "Cv uploaden" of the fixtures, 1/8/7 against 17 answers, at alpha/20', () => {
  it('even the largest rise the scale allows (+56 points, to 99,75%) has exact power below 0,8 (0,76)', () => {
    expect(exactPower([1 / 16, 8 / 16, 7 / 16], 2, 0.56, 16, 17, 0.05 / 20)).toBeLessThan(0.8);
  });
});

describe('never a detectable change smaller than a change shown as not demonstrable', () => {
  const detectable: Detectable = {
    category: 'positief',
    label: 'Positief',
    increasePoints: 30,
    decreasePoints: 25,
    simulated: { increasePoints: 30, decreasePoints: 25 },
    flooredAtObserved: false,
    test: 'fisher-freeman-halton',
    alpha: 0.05,
    power: 0.8,
    simulations: 400,
  };
  const change = (points: number): CategoryChange[] => [
    { key: 'positief', label: 'Positief', a: { count: 0, share: 0 }, b: { count: 0, share: 0 }, change: { points, lower: 0, upper: 0 } },
  ];

  it('states the observed rise (rounded up) when the simulated one is smaller and the bar did not change', () => {
    expect(stated(detectable, change(34.2), 'no-evidence')).toMatchObject({ increasePoints: 35, decreasePoints: 25, flooredAtObserved: true });
    expect(stated(detectable, change(-27), 'not-after-correction')).toMatchObject({ increasePoints: 30, decreasePoints: 27, flooredAtObserved: true });
    expect(stated(detectable, change(12), 'no-evidence')).toEqual(detectable);
    expect(stated(detectable, change(34.2), 'changed')).toEqual(detectable);
  });

  it('and says so in words: "even the observed change … was not demonstrable"', async () => {
    const { barVerdictText } = await import('../../src/diff/verdicts.js');
    const { messages } = await import('../../src/messages.js');
    const diff = compare([[3, 6, 7]], [[4, 5, 8]]);
    const bar = diff.figures[0]!.bars[0]!;
    const floored = { ...bar, detectable: { ...bar.detectable, increasePoints: 99, flooredAtObserved: true } };
    expect(barVerdictText(floored, messages.en, { a: 'a', b: 'b' }, 1, 0.8, 0.05)).toContain(
      "With these N (16 and 17), even the observed change of 99 percentage points in 'Positief' was not demonstrable.",
    );
  });
});
