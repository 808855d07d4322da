import { expect } from 'vitest';

/**
 * Asserts |actual - expected| <= tolerance, or <= tolerance·|expected| when
 * relative (for far tails, where an absolute tolerance says nothing).
 */
export function expectClose(actual: number, expected: number, tolerance: number, relative = false): void {
  const allowed = relative ? tolerance * Math.abs(expected) : tolerance;
  const error = Math.abs(actual - expected);
  if (!(error <= allowed)) {
    expect.fail(`expected ${actual} to be within ${allowed} of ${expected} (off by ${error})`);
  }
}

/** Tolerance for exact tests (Fisher, permutation, Mann–Whitney). */
export const EXACT = 1e-9;
/** Tolerance for everything else. */
export const APPROXIMATE = 1e-6;
