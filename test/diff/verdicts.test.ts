/**
 * Verdicts that say which test ran and follow the evidence (issue 15), on cohorts built in the
 * test: one figure, bars with the counts given, a grade of one mark (not tested) so that the
 * bars alone make the Holm families. Reference p-values: Rscript test/stats/reference/issue15.R
 * and python3 test/stats/reference/issue15.py (test/stats/reference/issue15-*.json).
 */
import { describe, expect, it, vi } from 'vitest';
import { messages } from '../../src/messages.js';
import { renderDiffTerminal } from '../../src/render/diff-terminal.js';
import { cohort, compare } from './build.js';
import { fixture2017 } from './helpers.js';

// cj diff runs whole comparisons, with a power simulation per bar: on a shared machine more than 5 s.
vi.setConfig({ testTimeout: 60_000 });

describe('the verdict names the test that ran', () => {
  it('exact: the 2×6 reproduction reads "Fisher-Freeman-Halton, exact: p = 0.057" and no demonstrable change', () => {
    const diff = compare([[16, 6, 3, 9, 7, 5]], [[10, 14, 13, 11, 15, 14]]);
    const bar = diff.figures[0]!.bars[0]!;
    expect(bar.contingency.method).toBe('exact');
    expect(Math.abs(bar.contingency.p - 0.057191369113387673)).toBeLessThan(1e-12); // R fisher.test
    expect(bar.verdict).toBe('no-evidence');
    expect(diff.summary.changed).toBe(false);
    expect(diff.verdicts[0]!.text).toContain('no demonstrable change (Fisher-Freeman-Halton, exact: p = 0.057)');
  });

  it('Monte-Carlo: the sentence and the footer say so, with the standard error', () => {
    const a = [3000, 3100, 2900, 3000, 5];
    const b = [3050, 3000, 2950, 2900, 0];
    const diff = compare([a], [b]);
    const bar = diff.figures[0]!.bars[0]!;
    expect(bar.contingency.method).toBe('monte-carlo');
    expect(diff.verdicts[0]!.text).toMatch(/Fisher-Freeman-Halton, Monte Carlo \(standard error 0\.00\d\d\): p [=<]/);
    const text = renderDiffTerminal(diff, messages.en, false);
    expect(text).toContain('Ran: Fisher-Freeman-Halton exact for 0 and Monte Carlo for 1 bar;');
  });

  it('the footer counts the exact tests', () => {
    const diff = compare([[4, 0, 3], [1, 2, 3]], [[3, 12, 2], [2, 2, 2]], 'nl');
    expect(renderDiffTerminal(diff, messages.nl, false)).toContain('Uitgevoerd: Fisher-Freeman-Halton exact bij 2 en Monte-Carlo bij 0 balken; Mann-Whitney exact bij 2 en Monte-Carlo bij 0.');
  });
});

describe('verdicts that follow the evidence', () => {
  it('4/0/3 against 3/12/2: only the distribution changed (FFH p = 0.0030), Mann–Whitney p = 0.62: no direction', () => {
    const diff = compare([[4, 0, 3]], [[3, 12, 2]]);
    const bar = diff.figures[0]!.bars[0]!;
    // Rscript test/stats/reference/issue15.R: fisher.test 0.0029644268774703239, exact MW 0.61877643714028152
    expect(Math.abs(bar.contingency.p - 0.0029644268774703239)).toBeLessThan(1e-12);
    expect(Math.abs((bar.ordinal?.p ?? 0) - 0.61877643714028152)).toBeLessThan(1e-12);
    expect(bar.ordinal?.cliffsDelta).toBeGreaterThan(0); // the sign that used to make it "better"
    expect(bar).toMatchObject({ verdict: 'changed', direction: 'none', decidedBy: 'fisher-freeman-halton', directionBy: null });
    const text = diff.verdicts[0]!.text;
    expect(text).toContain('distributed differently in b, without a demonstrable direction');
    expect(text).toContain('Mann-Whitney, exact: p = 0.62');
    expect(text).not.toMatch(/better|worse/);
    expect(renderDiffTerminal(diff, messages.en, false)).toContain('◆ distributed differently in b, without a demonstrable direction');
    expect(compare([[4, 0, 3]], [[3, 12, 2]], 'nl').verdicts[0]!.text).toContain('anders verdeeld in b, zonder aantoonbare richting');
  });

  it('a direction only from a significant Mann–Whitney test after Holm', () => {
    // 2/8/10 against 12/6/2: both tests far below 0.05 (b is worse).
    const diff = compare([[2, 8, 10]], [[12, 6, 2]]);
    const bar = diff.figures[0]!.bars[0]!;
    expect(bar.ordinal!.pAdjusted).toBeLessThan(0.05);
    expect(bar).toMatchObject({ verdict: 'changed', direction: 'worse', directionBy: 'mann-whitney' });
    expect(diff.verdicts[0]!.text).toContain('rated worse in b');
  });

  it('a significant Mann–Whitney beside "no demonstrable change" says why it does not decide (2×6 reproduction: MW p = 0.0455)', () => {
    const diff = compare([[16, 6, 3, 9, 7, 5]], [[10, 14, 13, 11, 15, 14]]);
    const bar = diff.figures[0]!.bars[0]!;
    // python3 test/stats/reference/issue15.py: exact MW 0.04553055968171923
    expect(Math.abs((bar.ordinal?.p ?? 0) - 0.04553055968171923)).toBeLessThan(1e-12);
    expect(bar).toMatchObject({ verdict: 'no-evidence', direction: 'none', ordinalAloneSignificant: true });
    expect(diff.verdicts[0]!.text).toContain(
      'Mann-Whitney, exact: p = 0.046, Holm-adjusted 0.046 points to a shift, but does not decide: whether a bar changed is decided by the Fisher-Freeman-Halton test',
    );
  });

  it('says which test decides, in the terminal too', () => {
    const text = renderDiffTerminal(compare([[4, 0, 3]], [[3, 12, 2]]), messages.en, false);
    expect(text).toMatch(/Fisher-Freeman-Halton \(exact, 33 tables\): p = 0\.003, Holm-adjusted 0\.003 — decides whether the bar changed/);
    expect(text).toMatch(/Mann-Whitney \(exact\): p = 0\.62, Holm-adjusted 0\.62; Cliff's δ = \+0\.\d\d — gives the direction, only if the bar changed/);
  });
});

describe('a p just under alpha is never printed as alpha', () => {
  it('adds decimals, or says "< alpha"', async () => {
    const { formatP, formatPWithRelation } = await import('../../src/diff/format.js');
    expect(formatP(0.0499, ',')).toBe('0,0499');
    expect(formatP(0.04996, ',')).toBe('0,04996');
    expect(formatP(0.0499999999, ',')).toBe('< 0,05');
    expect(formatPWithRelation(0.0499999999, ',')).toBe('p < 0,05');
    expect(formatP(0.05, ',')).toBe('0,050');
    expect(formatP(0.0504, ',')).toBe('0,050'); // not below alpha, and reads so
    expect(formatP(0.0099, '.', 0.01)).toBe('0.0099');
    expect(formatP(0.0004, '.', 0.01)).toBe('< 0.001');
    expect(formatP(0.00095, '.', 0.001)).toBe('0.00095');
  });
});

describe('cj diff --fail-on-change on the 2×6 reproduction', () => {
  it('exits 0: exact p = 0.057, no demonstrable change (chi-square gave 0.0495 and exit 1)', async () => {
    const { run, tempDir, writeTemp } = await import('../helpers/run.js');
    const dir = tempDir();
    const result = await run(['analyse', fixture2017, '--format', 'json', '--quiet']);
    const template = JSON.parse(result.stdout) as Record<string, unknown>;
    const write = (name: string, counts: readonly number[]): string => {
      const figure = cohort(name, [counts]).figures[0]!;
      const figures = [{ ...figure, footnote: null, scale: 'ervaring', bars: figure.bars.map((bar) => ({ ...bar, missing: 0 })) }];
      const grade = { ...(template['grade'] as object), n: 1, distribution: [{ mark: 7, count: 1 }] };
      return writeTemp(`${name}.json`, JSON.stringify({ ...template, figures, grade }), dir);
    };
    const a = write('golf-a', [16, 6, 3, 9, 7, 5]);
    const b = write('golf-b', [10, 14, 13, 11, 15, 14]);
    const failOnChange = await run(['diff', a, b, '--fail-on-change', '--quiet', '--out', `${dir}/out`]);
    expect(failOnChange.code, failOnChange.stderr).toBe(0);
    expect(failOnChange.stdout).toContain('geen aantoonbare verandering (Fisher-Freeman-Halton, exact: p = 0,057)');
  });
});
