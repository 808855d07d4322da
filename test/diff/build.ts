/**
 * Cohorts built in a test, compared in-process: one figure, bars with the counts given (worst
 * category first), a grade of one mark (not tested) so that the bars alone make the Holm families.
 */
import type { Cohort } from '../../src/diff/cohort.js';
import { compareCohorts } from '../../src/diff/compare.js';
import type { DiffInput, DiffResult } from '../../src/diff/types.js';
import { messages } from '../../src/messages.js';

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

