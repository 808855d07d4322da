export { bootstrapMedianDistribution } from './bootstrap-median-distribution.js';
export { cliffsDelta } from './cliffs-delta.js';
export { binomialQuantile } from './binomial-quantile.js';
export { binomialQuantiles } from './binomial-quantiles.js';
export { binomialSample } from './binomial-sample.js';
export { detectableShift, type DetectableShift, type DetectableShiftOptions } from './detectable-shift.js';
export {
  chiSquareP,
  fisherFreemanHalton,
  type ContingencyMethod,
  type FisherFreemanHaltonOptions,
  type FisherFreemanHaltonResult,
} from './fisher-freeman-halton.js';
export { hedgesG } from './hedges-g.js';
export { histogramQuantile } from './histogram-quantile.js';
export { histogramSummary } from './histogram-summary.js';
export { holm } from './holm.js';
export { hypergeometricSample } from './hypergeometric-sample.js';
export { hypergeometricTails, type HypergeometricTails } from './hypergeometric-tails.js';
export { largestRemainder } from './largest-remainder.js';
export { marginOfError } from './margin-of-error.js';
export { linearByLinear, type LinearByLinearOptions, type LinearByLinearResult } from './linear-by-linear.js';
export { medianDifferenceInterval, type MedianDifference } from './median-difference-interval.js';
export { logFactorials } from './log-factorials.js';
export { mannWhitneyCounts, type MannWhitneyOptions, type MannWhitneyResult } from './mann-whitney-counts.js';
export { mannWhitneyExact } from './mann-whitney-exact.js';
export { doubledMidranks } from './midranks.js';
export { monteCarloEstimate } from './monte-carlo-estimate.js';
export { mulberry32 } from './mulberry32.js';
export { newcombeDifference, type ProportionDifference } from './newcombe-difference.js';
export { normalCdf } from './normal-cdf.js';
export { normalQuantile } from './normal-quantile.js';
export { permutationTestMeans, type PermutationTestResult } from './permutation-test-means.js';
export { sampleMoments, type Sample, type SampleMoments } from './sample-moments.js';
export { ratioOfUniforms } from './ratio-of-uniforms.js';
export { regularizedGammaQ } from './regularized-gamma-q.js';
export { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';
export { studentTCdf } from './student-t-cdf.js';
export { studentTQuantile } from './student-t-quantile.js';
export { requiredSampleSize } from './required-sample-size.js';
export { subsetSumCounts } from './subset-sum-counts.js';
export { welchTest, type WelchTestResult } from './welch-test.js';
export { wilsonInterval, type ProportionInterval } from './wilson-interval.js';
