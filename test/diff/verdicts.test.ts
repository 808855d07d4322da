/**
 * Verdicts that say which test ran and follow the evidence (issue 15), on cohorts built in the
 * test: one figure, bars with the counts given, a grade of one mark (not tested) so that the
 * bars alone make the Holm families. Reference p-values: Rscript test/stats/reference/issue15.R
 * and python3 test/stats/reference/issue15.py (test/stats/reference/issue15-*.json).
 */
import { describe, expect, it } from 'vitest';
import type { Cohort } from '../../src/diff/cohort.js';
import { compareCohorts } from '../../src/diff/compare.js';
import type { DiffInput, DiffResult } from '../../src/diff/types.js';
import { messages } from '../../src/messages.js';
import { renderDiffTerminal } from '../../src/render/diff-terminal.js';

const SCALES: Record<number, string[]> = {
  3: ['negatief', 'neutraal', 'positief'],
  6: ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'],
  5: ['k1', 'k2', 'k3', 'k4', 'k5'],
};

/** A cohort with one figure whose bars have these counts, worst category first. */
export function cohort(name: string, bars: readonly (readonly number[])[]): Cohort {
  const keys = SCALES[bars[0]!.length]!;
  const sum = (counts: readonly number[]): number => counts.reduce((s, n) => s + n, 0);
  return {
    schemaVersion: 1,
    cj: { version: 'test' },
    survey: { name: 'test', language: 'nl' },
    input: { file: `${name}.csv`, sha256: '0'.repeat(64), respondents: Math.max(...bars.map(sum)), columnsAbsent: [] },
    figures: [
      {
        id: '1',
        title: 'Oordeel',
        N: Math.max(...bars.map(sum)),
        showNotApplicable: false,
        categories: keys.map((key) => ({ key, label: key === 'positief' ? 'Positief' : key, color: '#000000' })),
        bars: bars.map((counts, i) => ({
          label: `vraag ${i + 1}`,
          column: `v${i + 1}`,
          n: sum(counts),
          counts: Object.fromEntries(keys.map((key, j) => [key, counts[j]!])),
        })),
      },
    ],
    grade: { column: 'cijfer', n: 1, distribution: [{ mark: 7, count: 1 }] },
  };
}

const input = (label: string): DiffInput => ({
  label,
  file: `${label}.csv`,
  kind: 'csv',
  sha256: '0'.repeat(64),
  bytes: 0,
  survey: 'test',
  respondents: 0,
  countedFrom: null,
  warnings: [],
});

export function compare(a: readonly (readonly number[])[], b: readonly (readonly number[])[], lang: 'nl' | 'en' = 'en', alpha = 0.05): DiffResult {
  return compareCohorts(cohort('a', a), cohort('b', b), { a: input('a'), b: input('b') }, { alpha, seed: 1, messages: messages[lang], version: 'test' });
}

describe('the verdict names the test that ran', () => {
  it('exact: the 2×6 reproduction reads "Fisher-Freeman-Halton, exact: p = 0.057" and no demonstrable change', () => {
    const diff = compare([[16, 6, 3, 9, 7, 5]], [[10, 14, 13, 11, 15, 14]]);
    const bar = diff.figures[0]!.bars[0]!;
    expect(bar.contingency.method).toBe('exact');
    expect(Math.abs(bar.contingency.p - 0.057191369113387673)).toBeLessThan(1e-12); // R fisher.test
    expect(bar.verdict).toBe('no-evidence');
    expect(diff.summary.changed).toBe(false);
    expect(diff.verdicts[0]!.text).toContain('no demonstrable change (Fisher-Freeman-Halton, exact: p = 0.057)');
  });

  it('Monte-Carlo: the sentence and the footer say so, with the standard error', () => {
    const a = [3000, 3100, 2900, 3000, 5];
    const b = [3050, 3000, 2950, 2900, 0];
    const diff = compare([a], [b]);
    const bar = diff.figures[0]!.bars[0]!;
    expect(bar.contingency.method).toBe('monte-carlo');
    expect(diff.verdicts[0]!.text).toMatch(/Fisher-Freeman-Halton, Monte Carlo \(standard error 0\.00\d\d\): p [=<]/);
    const text = renderDiffTerminal(diff, messages.en, false);
    expect(text).toContain('Ran: Fisher-Freeman-Halton exact for 0 and Monte Carlo for 1 bar;');
  });

  it('the footer counts the exact tests', () => {
    const diff = compare([[4, 0, 3], [1, 2, 3]], [[3, 12, 2], [2, 2, 2]], 'nl');
    expect(renderDiffTerminal(diff, messages.nl, false)).toContain('Uitgevoerd: Fisher-Freeman-Halton exact bij 2 en Monte-Carlo bij 0 balken; Mann-Whitney exact bij 2 en Monte-Carlo bij 0.');
  });
});
