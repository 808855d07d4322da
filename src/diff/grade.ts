/**
 * The overall mark in two cohorts: difference of means with Welch's interval and p, the exact
 * permutation p where the marks allow it, and Hedges' g. Marks come from the distribution
 * (mark → count), the only form a results.json keeps them in, so a CSV and its results.json
 * give the same numbers.
 */
import { hedgesG, permutationTestMeans, sampleMoments, welchTest } from '../stats/index.js';
import type { CohortGrade } from './cohort.js';
import type { GradeComparison, GradeSide } from './types.js';

/** The marks as a histogram, mark → count, in the distribution's order: the tests' input, and the trend's interval. */
export function histogramOf(grade: CohortGrade): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const { mark, count } of grade.distribution) if (count > 0) histogram.set(mark, (histogram.get(mark) ?? 0) + count);
  return histogram;
}

function side(marks: ReadonlyMap<number, number>): GradeSide {
  const { n, mean, variance } = sampleMoments(marks);
  return { n, mean, sd: variance === null ? null : Math.sqrt(variance) };
}

export type GradeNumbers = Omit<GradeComparison, 'pAdjusted' | 'verdict' | 'direction'>;

/**
 * The grade's numbers, or null when there is nothing to test: fewer than two marks in a cohort,
 * or marks constant in both cohorts and not in half steps (no test applies).
 */
export function compareGrade(a: CohortGrade, b: CohortGrade, confidence: number): GradeNumbers | null {
  const marksA = histogramOf(a);
  const marksB = histogramOf(b);
  const [sideA, sideB] = [side(marksA), side(marksB)];
  if (sideA.n < 2 || sideB.n < 2) return null;
  const bothConstant = marksA.size === 1 && marksB.size === 1;

  const welch = bothConstant ? null : welchTest(marksA, marksB, confidence);
  let permutation: GradeComparison['permutation'];
  if (![...marksA.keys(), ...marksB.keys()].every((mark) => Number.isInteger(2 * mark))) {
    permutation = { skipped: 'marks-not-half-steps' };
  } else {
    try {
      permutation = { p: permutationTestMeans(marksA, marksB).p };
    } catch (error) {
      // The marks are in half steps (checked above), so the only refusal left is the size guard.
      if (!(error instanceof RangeError)) throw error;
      permutation = { skipped: 'too-large' };
    }
  }
  const test = 'p' in permutation ? 'permutation' : 'welch';
  const p = 'p' in permutation ? permutation.p : welch?.p;
  if (p === undefined) return null;
  return {
    column: b.column,
    a: sideA,
    b: sideB,
    difference: sideB.mean - sideA.mean,
    welch: welch === null ? null : { df: welch.df, t: welch.t, p: welch.p, lower: welch.lower, upper: welch.upper },
    permutation,
    hedgesG: bothConstant ? null : hedgesG(marksA, marksB),
    test,
    p,
  };
}
