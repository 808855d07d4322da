import type { ExclusionRule, ResponseRow } from '../contract.js';

/** Rule 1, youth split: whether a figure (or the grade) that counts `tracks` counts this respondent. */
export function coversTrack(tracks: readonly string[], track: string): boolean {
  return tracks.includes(track);
}

/** Rule 2, withdrawn consent: whether the respondent's answers at this step may be used. */
export function stepUsable(row: Pick<ResponseRow, 'lastUsableStep'>, stepIndex: number): boolean {
  return stepIndex <= row.lastUsableStep;
}

/** One answer of one respondent, and what the figure (or the grade) it belongs to counts. */
export interface Cell {
  readonly row: Pick<ResponseRow, 'track' | 'lastUsableStep'>;
  /** The tracks the figure counts. */
  readonly tracks: readonly string[];
  readonly stepIndex: number;
  /** The category key, the mark, or null for an empty cell. */
  readonly value: string | number | null;
  /** The scale's n.v.t. key, or null where there is none (the grade). */
  readonly notApplicableKey: string | null;
  readonly showsNotApplicable: boolean;
}

/**
 * The rules in the order they are applied: an answer is accounted to the first rule that leaves
 * it out (a youth's answer after a withdrawal is `other-track`, never `withdrawn-consent`).
 * Reports list the rules in this order too.
 */
const rules: readonly (readonly [ExclusionRule, (cell: Cell) => boolean])[] = [
  ['other-track', (cell) => !coversTrack(cell.tracks, cell.row.track)],
  ['withdrawn-consent', (cell) => !stepUsable(cell.row, cell.stepIndex)],
  ['missing', (cell) => cell.value === null],
  // Rule 3: n.v.t. is left out of figures that do not show it as a category.
  ['not-applicable', (cell) => cell.value !== null && cell.value === cell.notApplicableKey && !cell.showsNotApplicable],
];

export const exclusionRules: readonly ExclusionRule[] = rules.map(([rule]) => rule);

/**
 * What happens to one answer: counted, left out by a rule, or null when there is nothing to
 * account for (an empty cell of a respondent whom rule 1 or 2 leaves out anyway).
 */
export function judge(cell: Cell): 'counted' | ExclusionRule | null {
  for (const [rule, leavesOut] of rules) {
    if (!leavesOut(cell)) continue;
    return cell.value === null && rule !== 'missing' ? null : rule;
  }
  return 'counted';
}
