/**
 * The overall mark in two cohorts: difference of means with Welch's interval and p, the exact
 * permutation p where the marks allow it, and Hedges' g. Marks come from the distribution
 * (mark → count), the only form a results.json keeps them in, so a CSV and its results.json
 * give the same numbers.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { hedgesG, permutationTestMeans, welchTest } from '../stats/index.js';
import type { CohortGrade } from './cohort.js';
import type { GradeComparison, GradeSide } from './types.js';

/** Every mark as often as it was given, ascending. */
export function marksOf(grade: CohortGrade): number[] {
  return grade.distribution.flatMap(({ mark, count }) => new Array<number>(count).fill(mark));
}

function side(marks: readonly number[]): GradeSide {
  return { n: marks.length, mean: mean([...marks]), sd: marks.length < 2 ? null : sampleStandardDeviation([...marks]) };
}

export type GradeNumbers = Omit<GradeComparison, 'pAdjusted' | 'verdict' | 'direction'>;

/**
 * The grade's numbers, or null when there is nothing to test: fewer than two marks in a cohort,
 * or marks constant in both cohorts and not in half steps (no test applies).
 */
export function compareGrade(a: CohortGrade, b: CohortGrade, confidence: number): GradeNumbers | null {
  const marksA = marksOf(a);
  const marksB = marksOf(b);
  if (marksA.length < 2 || marksB.length < 2) return null;
  const constant = (marks: readonly number[]): boolean => marks.every((mark) => mark === marks[0]);
  const bothConstant = constant(marksA) && constant(marksB);

  const welch = bothConstant ? null : welchTest(marksA, marksB, confidence);
  let permutation: GradeComparison['permutation'];
  if (![...marksA, ...marksB].every((mark) => Number.isInteger(2 * mark))) {
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
    a: side(marksA),
    b: side(marksB),
    difference: mean(marksB) - mean(marksA),
    welch: welch === null ? null : { df: welch.df, t: welch.t, p: welch.p, lower: welch.lower, upper: welch.upper },
    permutation,
    hedgesG: bothConstant ? null : hedgesG(marksA, marksB),
    test,
    p,
  };
}
