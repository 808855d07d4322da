/**
 * detectableShift when the shares left for the other categories add up to 0 (every answer of
 * cohort a in one category, another category moving): it drew a binomial with p = 0 / 0 and
 * threw, so that `cj diff` of two cohorts of one respondent each stopped with an internal error.
 */
import { describe, expect, it } from 'vitest';
import { detectableShift } from '../../src/stats/detectable-shift.js';
import { run, writeTemp } from '../helpers/run.js';

describe('detectableShift with shares of 0 after the others', () => {
  it('draws the categories of share 0 as empty and finds the change by hand', () => {
    // Cohort a: one answer, always in category 1; category 0 moves. A stand-in test rejects when
    // b's first cell differs from a's (0), so power(δ) is P(Binomial(1, δ) = 1) = δ: the smallest
    // rise detected with power 0.8 is 80 points, within the spread of 400 simulated uniforms
    // (the 80th percentile of 400 uniforms has a standard error of √(0.8·0.2/400) = 0.02: three allowed).
    const test = (table: number[][]): number => (table[0]?.[0] === table[1]?.[0] ? 1 : 0);
    const found = detectableShift([0, 1, 0, 0], 0, 1, 1, test);
    expect(found.increase).not.toBeNull();
    expect(found.increase as number).toBeGreaterThanOrEqual(0.74);
    expect(found.increase as number).toBeLessThanOrEqual(0.86);
    // Below 0% there is nothing to detect.
    expect(found.decrease).toBeNull();
  });

  it('cj diff of two cohorts of one respondent each gives its comparison, no internal error', async () => {
    // The first respondents of the benchmark's generated files (test/bench/generate.mjs, seeds
    // 2016 and 2017): with one answer a side, each bar has one category of share 1, the rest 0.
    const header = 'respondent,track,withdrawn_after,cv_uploaden,werkplein_melden,werkplein_medewerker,rp_bijeenkomst,rp_medewerker,pg_gesprek,pg_medewerker,workshop,workshop_medewerker,aanvraag_invullen,aanvraag_medewerker,besluit_brief,mw_vriendelijk,mw_deskundig,mw_proces,mw_inleven,mw_service,mw_meedenken,mw_bereikbaarheid,cijfer,opmerking';
    const a = writeTemp('a.csv', `${header}\nR00000001,volwassene,,positief,negatief,,neutraal,positief,neutraal,positief,positief,zeer positief,positief,positief,,mee oneens,,helemaal mee eens,neutraal,neutraal,,neutraal,9,"Workshop ""naar Werk"" paste niet; liever iets op maat"\n`);
    const b = writeTemp('b.csv', `${header}\nR00000001,volwassene,eindgesprek,neutraal,neutraal,nvt,zeer positief,positief,neutraal,positief,neutraal,,,positief,neutraal,mee eens,neutraal,neutraal,mee oneens,helemaal mee eens,neutraal,,1,Duidelijk welke stappen ik moest nemen\n`);
    const result = await run(['diff', a, b, '--format', 'json']);
    expect(result.stderr).not.toMatch(/interne fout|internal error/);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout) as { a: { respondents: number }; b: { respondents: number } };
    expect([diff.a.respondents, diff.b.respondents]).toEqual([1, 1]);
  });
});
