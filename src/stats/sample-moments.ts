import { mean, sampleVariance } from 'simple-statistics';

/** A sample as its values, or as a histogram: value → how often, in the order the values come. */
export type Sample = readonly number[] | ReadonlyMap<number, number>;

export interface SampleMoments {
  readonly n: number;
  /** NaN for an empty sample. */
  readonly mean: number;
  /** Sample variance Σ(x − x̄)²/(n − 1); null below two values. */
  readonly variance: number | null;
}

/**
 * Size, mean and sample variance of a sample, to the last bit what simple-statistics' `mean`
 * and `sampleVariance` give for its values: for a histogram the same sums in the same order
 * (the mean's compensated sum, then the squared deviations), each value repeated as often as it
 * was given, without an array of them.
 *
 * @param sample the values, or a histogram (value → count, counts non-negative integers)
 * @returns n, the mean (NaN when n is 0) and the sample variance (null for fewer than two values)
 * @example
 * sampleMoments(new Map([[5, 2], [7, 2]])); // => { n: 4, mean: 6, variance: 1.3333333333333333 }
 */
export function sampleMoments(sample: Sample): SampleMoments {
  if (Array.isArray(sample)) {
    const values = sample as readonly number[];
    if (values.length === 0) return { n: 0, mean: Number.NaN, variance: null };
    return { n: values.length, mean: mean([...values]), variance: values.length < 2 ? null : sampleVariance([...values]) };
  }
  const entries = [...(sample as ReadonlyMap<number, number>)].filter(([, count]) => count > 0);
  let n = 0;
  for (const [, count] of entries) n += count;
  if (n === 0) return { n: 0, mean: Number.NaN, variance: null };
  // simple-statistics' sum: start at the first value, add the rest with a Neumaier correction.
  let total = 0;
  let correction = 0;
  let started = false;
  for (const [value, count] of entries) {
    let i = 0;
    if (!started) {
      total = value;
      started = true;
      i = 1;
    }
    for (; i < count; i++) {
      const transition = total + value;
      correction += Math.abs(total) >= Math.abs(value) ? total - transition + value : value - transition + total;
      total = transition;
    }
  }
  const average = (total + correction) / n;
  if (n < 2) return { n, mean: average, variance: null };
  let squares = 0;
  for (const [value, count] of entries) {
    const deviation = value - average;
    for (let i = 0; i < count; i++) squares += deviation * deviation;
  }
  return { n, mean: average, variance: squares / (n - 1) };
}
