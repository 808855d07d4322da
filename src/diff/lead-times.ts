/**
 * Lead times of two cohorts compared segment by segment (matched by id): the change in median
 * days with its exact bootstrap percentile interval, and an exact Mann–Whitney test of the day
 * counts, Holm-corrected within the lead-time segments. A family of its own: the verdicts on the
 * ratings and `--fail-on-change` are not affected by it.
 */
import { holm, mannWhitneyCounts, medianDifferenceInterval } from '../stats/index.js';
import { monteCarloSettings } from './bar.js';
import type { Cohort, CohortLeadTime } from './cohort.js';
import type { LeadTimeComparison, Verdict } from './types.js';

function histogramOf(segment: CohortLeadTime): Map<number, number> {
  return new Map(segment.distribution.filter((entry) => entry.count > 0).map((entry) => [entry.days, entry.count]));
}

/** Both histograms as counts per distinct day, the days ascending: the rank test's categories. */
function countsPerDay(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): [number[], number[]] {
  const days = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  return [days.map((day) => a.get(day) ?? 0), days.map((day) => b.get(day) ?? 0)];
}

function median(histogram: ReadonlyMap<number, number>, n: number): number {
  const sorted = [...histogram].sort(([x], [y]) => x - y);
  const at = (position: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen > position) return value;
    }
    return sorted[sorted.length - 1]?.[0] ?? 0;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

export function compareLeadTimes(a: Cohort, b: Cohort, options: { readonly alpha: number; readonly confidence: number; readonly seed: number }): LeadTimeComparison[] {
  const { alpha, confidence } = options;
  const byId = new Map((b.leadTimes?.segments ?? []).map((segment) => [segment.id, segment]));
  const pairs = (a.leadTimes?.segments ?? []).flatMap((segmentA) => {
    const segmentB = byId.get(segmentA.id);
    return segmentB === undefined || segmentA.n === 0 || segmentB.n === 0 ? [] : [[segmentA, segmentB] as const];
  });
  const raw = pairs.map(([segmentA, segmentB]) => {
    const histogramA = histogramOf(segmentA);
    const histogramB = histogramOf(segmentB);
    let interval: LeadTimeComparison['medianDifference'] = null;
    try {
      interval = medianDifferenceInterval(histogramA, histogramB, confidence);
    } catch (error) {
      // Beyond the sizes an exact bootstrap enumerates (thousands of distinct days): no interval.
      if (!(error instanceof RangeError)) throw error;
    }
    // Exact over the distinct days; past the program's work limit a seeded Monte-Carlo p, as for the ratings.
    const test = mannWhitneyCounts(...countsPerDay(histogramA, histogramB), monteCarloSettings(alpha, options.seed));
    return { segmentA, segmentB, histogramA, histogramB, interval, test };
  });
  const adjusted = holm(raw.map(({ test }) => test.p));
  return raw.map(({ segmentA, segmentB, histogramA, histogramB, interval, test }, index): LeadTimeComparison => {
    const pAdjusted = adjusted[index] ?? 1;
    const medianA = median(histogramA, segmentA.n);
    const medianB = median(histogramB, segmentB.n);
    const verdict: Verdict = pAdjusted < alpha ? 'changed' : test.p < alpha ? 'not-after-correction' : 'no-evidence';
    return {
      id: segmentA.id,
      label: segmentB.label,
      a: { n: segmentA.n, median: medianA },
      b: { n: segmentB.n, median: medianB },
      medianDifference: interval,
      mannWhitney: { U: test.U, W: test.W, p: test.p, pAdjusted, method: test.method, standardError: test.standardError, draws: test.draws },
      verdict,
      // Fewer days is better: a journey that takes less time.
      direction: medianB < medianA ? 'better' : medianB > medianA ? 'worse' : 'none',
    };
  });
}
