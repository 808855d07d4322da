import { normalQuantile } from './normal-quantile.js';

/** A two-sided confidence interval for a proportion. */
export interface ProportionInterval {
  lower: number;
  upper: number;
}

/**
 * Wilson score confidence interval for a binomial proportion.
 *
 * Wilson (1927), JASA 22:209-212: with p̂ = x/n and z = Φ⁻¹(1 - α/2),
 * (p̂ + z²/2n ± z·√(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n).
 * The interval of R's `prop.test(x, n, correct = FALSE)`. The bounds are
 * exactly 0 for x = 0 and exactly 1 for x = n.
 *
 * @param successes number of successes x, an integer in [0, n]
 * @param n number of trials, a positive integer
 * @param confidence confidence level 1 - α, in (0, 1); default 0.95
 * @returns the lower and upper bound
 * @throws {RangeError} if n is not a positive integer, x not an integer in [0, n], or confidence not in (0, 1)
 * @example
 * wilsonInterval(3, 16).lower.toFixed(6); // => '0.065916'
 * wilsonInterval(0, 15).lower; // => 0
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`wilsonInterval: n must be a positive integer, got ${n}`);
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: successes must be an integer in [0, ${n}], got ${successes}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`wilsonInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const pHat = successes / n;
  const centre = pHat + z2 / (2 * n);
  const halfWidth = z * Math.sqrt((pHat * (1 - pHat)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    lower: successes === 0 ? 0 : Math.max(0, (centre - halfWidth) / denominator),
    upper: successes === n ? 1 : Math.min(1, (centre + halfWidth) / denominator),
  };
}
