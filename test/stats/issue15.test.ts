// The reproductions of issue 15, against two independent computations:
//   Rscript test/stats/reference/issue15.R   → issue15-r.json (fisher.test; Mann–Whitney by
//     enumerating every vector of per-category counts with lchoose)
//   python3 test/stats/reference/issue15.py  → issue15-python.json (both by enumeration in exact
//     integer arithmetic)
// Before: the 2×6 table fell back to chi-square (p = 0.0495, "changed") and the 317 vs 295
// answers to the normal approximation (p = 0.0498); the exact values are 0.0572 and 0.0515.
import { describe, expect, it } from 'vitest';
import { fisherFreemanHalton } from '../../src/stats/fisher-freeman-halton.js';
import { mannWhitneyExact } from '../../src/stats/mann-whitney-exact.js';
import { EXACT, expectClose } from './helpers.js';
import python from './reference/issue15-python.json' with { type: 'json' };
import r from './reference/issue15-r.json' with { type: 'json' };

const codes = (counts: readonly number[]): number[] => counts.flatMap((n, i) => new Array<number>(n).fill(i + 1));
const label = (k: { a: number[]; b: number[] }): string => `${k.a.join('/')} against ${k.b.join('/')}`;

describe('issue 15 reproductions', () => {
  it.each(r.cases.map((k, i) => [label(k), k, python.cases[i]!] as const))('%s: exact FFH and Mann–Whitney p', (_, k, py) => {
    expect(py.a).toEqual(k.a);
    const ffh = fisherFreemanHalton([k.a, k.b]);
    expect(ffh.method).toBe('exact');
    expectClose(ffh.p, k.fisher, EXACT);
    expectClose(ffh.p, py.fisher, EXACT);
    const mw = mannWhitneyExact(codes(k.a), codes(k.b));
    expect(mw.method).toBe('exact');
    expectClose(mw.p, k.mannWhitney, EXACT);
    expectClose(mw.p, py.mannWhitney, EXACT);
  });

  it('the two numbers of the issue: FFH p = 0.0572 where chi-square gave 0.0495; Mann–Whitney 0.0515 where the normal approximation gave 0.0498', () => {
    const [ffhCase, mwCase] = r.cases;
    expect(fisherFreemanHalton([ffhCase!.a, ffhCase!.b]).p.toFixed(4)).toBe('0.0572');
    expect(ffhCase!.chiSquare.toFixed(4)).toBe('0.0495');
    expect(mannWhitneyExact(codes(mwCase!.a), codes(mwCase!.b)).p.toFixed(4)).toBe('0.0515');
    expect(mwCase!.mannWhitneyNormal.toFixed(4)).toBe('0.0498');
  });

  it('stays exact on three categories with thousands per side (R: the same enumeration, scaled counts)', () => {
    // 20 times the 317 against 295 answers: 6 340 against 5 900, exact by the category program.
    const result = mannWhitneyExact(codes([240, 2060, 4040]), codes([440, 1160, 4300]));
    expect(result.method).toBe('exact');
    expect(result.draws).toBe(0);
  });

  it('10 000 per side on 5 categories: a seeded Monte-Carlo p, never a normal approximation, SE as asked', () => {
    const a = codes([2000, 2000, 2000, 2000, 2000]);
    const b = codes([1900, 2100, 2000, 2000, 2000]);
    const result = mannWhitneyExact(a, b, { targetStandardError: 0.0025 });
    expect(result.method).toBe('monte-carlo');
    expect(result.standardError).toBeLessThanOrEqual(0.0025);
    expect(mannWhitneyExact(a, b, { targetStandardError: 0.0025 })).toEqual(result);
  });
});
