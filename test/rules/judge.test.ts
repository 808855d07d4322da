/**
 * The rules of docs/data-contract.md on single answers, each case written out by hand: which rule
 * an answer falls to, in which order the rules apply, and when there is nothing to account for.
 */
import { describe, expect, it } from 'vitest';
import { coversTrack, exclusionRules, judge, stepUsable, type Cell } from '../../src/rules/judge.js';

const adult = { track: 'volwassene', lastUsableStep: 7 };
const youthWithdrawnAt3 = { track: 'jongere', lastUsableStep: 3 };
const adultWithdrawnAt3 = { track: 'volwassene', lastUsableStep: 3 };
const cell = (overrides: Partial<Cell>): Cell => ({
  row: adult,
  tracks: ['volwassene'],
  stepIndex: 2,
  value: 'positief',
  notApplicableKey: 'nvt',
  showsNotApplicable: false,
  ...overrides,
});

describe('the rules, in the order the contract lists them', () => {
  it('are listed as other-track, withdrawn-consent, missing, not-applicable', () => {
    expect(exclusionRules).toEqual(['other-track', 'withdrawn-consent', 'missing', 'not-applicable']);
  });

  it('an answer no rule leaves out is counted, n.v.t. included where the figure shows it', () => {
    expect(judge(cell({}))).toBe('counted');
    expect(judge(cell({ value: 'nvt', showsNotApplicable: true }))).toBe('counted');
  });

  it('rule 1 before rule 2: a youth answer after the youth withdrew falls to other-track', () => {
    expect(judge(cell({ row: youthWithdrawnAt3, stepIndex: 5 }))).toBe('other-track');
  });

  it('rule 2 before missing and n.v.t.: after a withdrawal an n.v.t. falls to withdrawn-consent', () => {
    expect(judge(cell({ row: adultWithdrawnAt3, stepIndex: 5, value: 'nvt' }))).toBe('withdrawn-consent');
  });

  it('the withdrawal step itself is usable, the next one is not', () => {
    expect(judge(cell({ row: adultWithdrawnAt3, stepIndex: 3 }))).toBe('counted');
    expect(judge(cell({ row: adultWithdrawnAt3, stepIndex: 4 }))).toBe('withdrawn-consent');
    expect(stepUsable(adultWithdrawnAt3, 3)).toBe(true);
    expect(stepUsable(adultWithdrawnAt3, 4)).toBe(false);
  });

  it('an empty cell is missing where the respondent counts, and nothing to account for where not', () => {
    expect(judge(cell({ value: null }))).toBe('missing');
    expect(judge(cell({ value: null, row: youthWithdrawnAt3 }))).toBeNull();
    expect(judge(cell({ value: null, row: adultWithdrawnAt3, stepIndex: 6 }))).toBeNull();
  });

  it('rule 3: n.v.t. is left out where the figure does not show it; the grade has no n.v.t.', () => {
    expect(judge(cell({ value: 'nvt' }))).toBe('not-applicable');
    expect(judge(cell({ value: 7, notApplicableKey: null }))).toBe('counted');
    expect(judge(cell({ value: null, notApplicableKey: null }))).toBe('missing');
  });

  it('a figure that counts both tracks covers the youth', () => {
    expect(coversTrack(['volwassene', 'jongere'], 'jongere')).toBe(true);
    expect(coversTrack(['volwassene'], 'jongere')).toBe(false);
    expect(judge(cell({ row: { track: 'jongere', lastUsableStep: 7 }, tracks: ['volwassene', 'jongere'] }))).toBe('counted');
  });
});
