import type { ResponseRow } from '../input/validate.js';
import type { FigureDefinition } from '../survey/types.js';

/** Why an answer was left out (DATA-CONTRACT "Rules the analysis applies"). */
export type ExclusionRule = 'other-track' | 'withdrawn-consent' | 'not-applicable' | 'missing';

/** Rule order matters: an answer is accounted to the first rule that leaves it out. */
export const exclusionRules: readonly ExclusionRule[] = ['other-track', 'withdrawn-consent', 'missing', 'not-applicable'];

/**
 * What happens to one cell of one respondent in one figure: counted, left out by a rule, or
 * nothing to account for (an empty cell of a respondent the figure does not cover).
 *
 * - rule 1, youth split: a track the figure does not count;
 * - rule 2, withdrawn consent: a step after `withdrawn_after`;
 * - missing: an empty cell, never counted as neutral;
 * - rule 3, n.v.t.: left out of figures that do not show it.
 */
export function judgeAnswer(
  row: ResponseRow,
  figure: FigureDefinition,
  stepIndex: number,
  value: string | null,
  notApplicableKey: string,
): 'counted' | ExclusionRule | null {
  if (!figure.tracks.includes(row.track)) return value === null ? null : 'other-track';
  if (stepIndex > row.lastUsableStep) return value === null ? null : 'withdrawn-consent';
  if (value === null) return 'missing';
  if (value === notApplicableKey && !figure.showNotApplicable) return 'not-applicable';
  return 'counted';
}

/** The grade follows rules 1 and 2 as the figure of its step does. */
export function judgeGrade(
  row: ResponseRow,
  tracks: readonly string[],
  stepIndex: number,
): 'counted' | 'other-track' | 'withdrawn-consent' | 'missing' | null {
  if (!tracks.includes(row.track)) return row.grade === null ? null : 'other-track';
  if (stepIndex > row.lastUsableStep) return row.grade === null ? null : 'withdrawn-consent';
  return row.grade === null ? 'missing' : 'counted';
}
