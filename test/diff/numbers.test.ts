/**
 * The numbers of `cj diff fixtures/haarlem-2016.csv fixtures/haarlem-2017.csv`, checked twice:
 * against the statistics of src/stats called directly on the same table, and against R for the
 * exact table, with the command that produced each value (R 4, coin). Figure 5, bar "Workshop
 * naar Werk" (2016: 1 negatief, 9 neutraal, 3 positief, 2 n.v.t.; 2017: 0, 2, 14, 1), and the
 * grade (2016: 18 marks, mean 6,1; 2017: 20 marks, mean 6,8).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DiffResult } from '../../src/diff/types.js';
import {
  cliffsDelta,
  fisherFreemanHalton,
  hedgesG,
  holm,
  mannWhitneyExact,
  newcombeDifference,
  permutationTestMeans,
  welchTest,
} from '../../src/stats/index.js';
import { codes, comparedBar, diffJson, fixture2016, fixture2017, row } from './helpers.js';

// cj diff runs whole comparisons, with a power simulation per bar: on a shared machine more than 5 s.
vi.setConfig({ testTimeout: 60_000 });

const TOLERANCE = 1e-9;

let diff: DiffResult;
beforeAll(async () => {
  diff = await diffJson(fixture2016, fixture2017);
});

describe('Figure 5, bar "Workshop naar Werk": haarlem-2016 against haarlem-2017', () => {
  const workshop = () => comparedBar(diff, '5', 'workshop');

  it('counts and shares per cohort, n.v.t. a category of its own (the figure shows it)', () => {
    const bar = workshop();
    expect(row(bar, 'a')).toEqual([1, 9, 3, 2]);
    expect(row(bar, 'b')).toEqual([0, 2, 14, 1]);
    expect([bar.a.n, bar.b.n]).toEqual([15, 17]);
    expect(bar.categories.map((category) => category.key)).toEqual(['negatief', 'neutraal', 'positief', 'nvt']);
    expect(bar.categories[2]?.a.share).toBeCloseTo(3 / 15, 15);
    expect(bar.categories[2]?.b.share).toBeCloseTo(14 / 17, 15);
  });

  it('change per category in percentage points, b minus a, with the Newcombe interval (newcombeDifference)', () => {
    for (const category of workshop().categories) {
      const expected = newcombeDifference(category.a.count, 15, category.b.count, 17);
      expect(category.change.points).toBeCloseTo(100 * expected.difference, 12);
      expect(category.change.lower).toBeCloseTo(100 * expected.lower, 12);
      expect(category.change.upper).toBeCloseTo(100 * expected.upper, 12);
    }
  });

  it('change in "positief" and "neutraal" as R computes it from prop.test Wilson intervals (Newcombe 1998, method 10)', () => {
    // Rscript -e 'wil <- function(x,n) prop.test(x,n,correct=FALSE)$conf.int;
    //   newc <- function(xa,na,xb,nb){pa<-xa/na;pb<-xb/nb;a<-wil(xa,na);b<-wil(xb,nb);d<-pb-pa;
    //   c(d, d-sqrt((pb-b[1])^2+(a[2]-pa)^2), d+sqrt((b[2]-pb)^2+(pa-a[1])^2))};
    //   print(100*newc(3,15,14,17), digits=17); print(100*newc(9,15,2,17), digits=17)'
    const [, neutraal, positief] = workshop().categories;
    expect(positief?.change.points).toBeCloseTo(62.352941176470587, 9);
    expect(Math.abs((positief?.change.lower ?? 0) - 27.98662853118304)).toBeLessThan(TOLERANCE);
    expect(Math.abs((positief?.change.upper ?? 0) - 79.64468371928595)).toBeLessThan(TOLERANCE);
    expect(Math.abs((neutraal?.change.points ?? 0) - -48.235294117647051)).toBeLessThan(TOLERANCE);
    expect(Math.abs((neutraal?.change.lower ?? 0) - -70.11921246228377)).toBeLessThan(TOLERANCE);
    expect(Math.abs((neutraal?.change.upper ?? 0) - -15.10380767005981)).toBeLessThan(TOLERANCE);
  });

  it('Fisher–Freeman–Halton p of the 2×4 table, by full enumeration (fisherFreemanHalton; R fisher.test)', () => {
    const bar = workshop();
    const direct = fisherFreemanHalton([row(bar, 'a'), row(bar, 'b')]);
    expect(bar.contingency.method).toBe('exact');
    expect(bar.contingency.p).toBe(direct.p);
    expect(bar.contingency.tables).toBe(direct.tables);
    // Rscript -e 'print(fisher.test(matrix(c(1,0, 9,2, 3,14, 2,1), nrow=2))$p.value, digits=17)'
    expect(Math.abs(bar.contingency.p - 0.0011764915504896062)).toBeLessThan(TOLERANCE);
  });

  it('exact Mann–Whitney p on the ordered answers without n.v.t. (mannWhitneyExact; coin::wilcox_test exact)', () => {
    const bar = workshop();
    const a = codes(bar, 'a');
    const b = codes(bar, 'b');
    expect([a.length, b.length]).toEqual([13, 16]);
    const direct = mannWhitneyExact(a, b);
    expect(bar.ordinal?.method).toBe('exact');
    expect(bar.ordinal?.p).toBe(direct.p);
    // Rscript -e 'library(coin); y <- c(1, rep(2,9), rep(3,3), rep(2,2), rep(3,14));
    //   g <- factor(c(rep("a",13), rep("b",16)));
    //   print(pvalue(wilcox_test(y ~ g, distribution = "exact")), digits=17)'
    expect(Math.abs((bar.ordinal?.p ?? 0) - 0.00061047170650263842)).toBeLessThan(TOLERANCE);
    // Rscript -e 'wilcox.test(c(rep(2,2), rep(3,14)), c(1, rep(2,9), rep(3,3)), exact=FALSE)$statistic'  # W = 172
    expect(bar.ordinal?.Ub).toBe(172);
    expect(bar.ordinal?.Ub).toBe(13 * 16 - direct.U);
  });

  it("Cliff's delta is b against a, positive because 2017 rates the workshop better (cliffsDelta(b, a))", () => {
    const bar = workshop();
    const delta = cliffsDelta(codes(bar, 'b'), codes(bar, 'a'));
    expect(Math.abs((bar.ordinal?.cliffsDelta ?? 0) - delta)).toBeLessThan(1e-12);
    expect(delta).toBeGreaterThan(0);
    expect(bar.direction).toBe('better');
  });

  it('the smallest detectable change in "Positief": simulated under FFH at alpha/20 (test/diff/detectable.test.ts checks its power exactly), larger than the old z-test at unadjusted alpha', () => {
    const bar = workshop();
    expect(bar.detectable).toMatchObject({ category: 'positief', test: 'fisher-freeman-halton', alpha: 0.05 / 20, power: 0.8, simulations: 400 });
    expect(Number.isInteger(bar.detectable.increasePoints)).toBe(true);
    // What the old z-test at unadjusted alpha stated, which the deciding test at alpha/20 cannot reach:
    // Rscript -e 'h <- (qnorm(0.975)+qnorm(0.8))*sqrt(1/15+1/17); print(100*(sin(asin(sqrt(0.2))+h/2)^2-0.2), digits=17)'
    expect(bar.detectable.increasePoints ?? 0).toBeGreaterThan(47.095522520454018);
  });

  it('survives Holm: the only bar whose adjusted p is below 0,05, so the verdict is "changed"', () => {
    const bar = workshop();
    expect(bar.contingency.pAdjusted).toBeLessThan(0.05);
    expect(bar.verdict).toBe('changed');
    const changed = diff.figures.flatMap((figure) => figure.bars).filter((b) => b.verdict === 'changed');
    expect(changed.map((b) => b.column)).toEqual(['workshop']);
    expect(diff.summary).toEqual({ barsCompared: 19, barsChanged: 1, changed: true });
  });
});

describe('Holm families', () => {
  it("the change family holds every bar's Fisher–Freeman–Halton p and the grade's p, adjusted together (holm)", () => {
    const bars = diff.figures.flatMap((figure) => figure.bars);
    const raw = [...bars.map((bar) => bar.contingency.p), diff.grade?.p ?? Number.NaN];
    const adjusted = holm(raw);
    expect([...bars.map((bar) => bar.contingency.pAdjusted), diff.grade?.pAdjusted]).toEqual(adjusted);
    expect(diff.tests.multiplicity.families.change.m).toBe(20);
  });

  it('the Mann–Whitney p-values are a family of their own', () => {
    const bars = diff.figures.flatMap((figure) => figure.bars);
    const raw = bars.map((bar) => bar.ordinal?.p ?? Number.NaN);
    expect(bars.map((bar) => bar.ordinal?.pAdjusted)).toEqual(holm(raw));
    expect(diff.tests.multiplicity.families.ordinal.m).toBe(19);
  });

  it('Figure 2, "contact medewerker": p below 0,05 alone, not after the correction, and the sentence says so', () => {
    const bar = comparedBar(diff, '2', 'werkplein_medewerker');
    expect(bar.contingency.p).toBeLessThan(0.05);
    expect(bar.contingency.pAdjusted).toBeGreaterThanOrEqual(0.05);
    expect(bar.verdict).toBe('not-after-correction');
    // Rscript -e 'print(fisher.test(matrix(c(2,0, 10,4, 2,11, 2,2), nrow=2))$p.value, digits=17)'
    expect(Math.abs(bar.contingency.p - 0.0054535833384948097)).toBeLessThan(TOLERANCE);
    const sentence = diff.verdicts.find((verdict) => verdict.column === 'werkplein_medewerker')?.text ?? '';
    expect(sentence).toContain('na Holm-correctie voor 20 toetsen');
    // The change observed (+52 points in Positief) was not demonstrable: the stated one is larger.
    const positief = bar.categories.find((category) => category.key === 'positief');
    expect(bar.detectable.increasePoints ?? 0).toBeGreaterThan(positief?.change.points ?? 100);
    expect(sentence).toContain(`minstens ${bar.detectable.increasePoints} procentpunt in 'Positief' met 80% kans aan te tonen (Fisher-Freeman-Halton bij het Holm-niveau α = 0,0025, gesimuleerd)`);
  });
});

describe('the grade: marks rebuilt from the distribution', () => {
  // haarlem-2016: 18 usable marks (A16 withdrew before the end); haarlem-2017: 20.
  const marks2016 = [8, 6.5, 7, 7, 5.5, 3, 8, 6, 6, 4, 8, 7, 5, 5, 4, 7, 7, 6];
  const marks2017 = [8, 7, 7.5, 7, 7, 6, 5, 7, 6.5, 7, 6, 8, 8, 7, 6, 7, 6, 7.5, 6, 6.5];

  it('means, Welch, permutation and Hedges\' g from src/stats on the same marks', () => {
    const grade = diff.grade;
    expect(grade).not.toBeNull();
    expect(grade?.a.n).toBe(18);
    expect(grade?.b.n).toBe(20);
    expect(grade?.difference).toBeCloseTo(6.8 - 6.111111111111111, 12);
    const welch = welchTest(marks2016, marks2017);
    expect(grade?.welch?.p).toBeCloseTo(welch.p, 12);
    expect(grade?.welch?.lower).toBeCloseTo(welch.lower, 12);
    expect(grade?.permutation).toEqual({ p: permutationTestMeans(marks2016, marks2017).p });
    expect(grade?.hedgesG).toBeCloseTo(hedgesG(marks2016, marks2017), 12);
    expect(grade?.test).toBe('permutation');
  });

  it('the same numbers in R', () => {
    const grade = diff.grade;
    // Rscript -e 'a <- c(8,6.5,7,7,5.5,3,8,6,6,4,8,7,5,5,4,7,7,6);
    //   b <- c(8,7,7.5,7,7,6,5,7,6.5,7,6,8,8,7,6,7,6,7.5,6,6.5); tt <- t.test(b, a);
    //   print(c(tt$p.value, tt$conf.int, tt$statistic, tt$parameter), digits=17)'
    expect(Math.abs((grade?.welch?.p ?? 0) - 0.087748554647809104)).toBeLessThan(TOLERANCE);
    expect(Math.abs((grade?.welch?.lower ?? 0) - -0.10932048021551041)).toBeLessThan(TOLERANCE);
    expect(Math.abs((grade?.welch?.upper ?? 0) - 1.4870982579932888)).toBeLessThan(TOLERANCE);
    expect(Math.abs((grade?.welch?.t ?? 0) - 1.7748026364883345)).toBeLessThan(TOLERANCE);
    expect(Math.abs((grade?.welch?.df ?? 0) - 25.763578018656712)).toBeLessThan(TOLERANCE);
    // Rscript -e 'library(coin); y <- 2*c(a, b); g <- factor(rep(c("a","b"), c(18, 20)));
    //   print(pvalue(oneway_test(y ~ g, distribution = "exact")), digits=17)'   (a, b as above)
    const permutation = grade?.permutation;
    expect(permutation !== undefined && 'p' in permutation ? Math.abs(permutation.p - 0.077373350342553354) : 1).toBeLessThan(TOLERANCE);
    // Rscript -e 'nu <- 36; sp <- sqrt((17*var(a)+19*var(b))/nu);
    //   J <- exp(lgamma(nu/2)-lgamma((nu-1)/2))/sqrt(nu/2); print(J*(mean(b)-mean(a))/sp, digits=17)'
    expect(Math.abs((grade?.hedgesG ?? 0) - 0.58117934165596807)).toBeLessThan(TOLERANCE);
  });

  it('reads as higher in 2017 but not demonstrably so', () => {
    expect(diff.grade?.direction).toBe('better');
    expect(diff.grade?.verdict).toBe('no-evidence');
    const sentence = diff.verdicts.find((verdict) => verdict.figureId === null)?.text;
    expect(sentence).toBe(
      'Rapportcijfer: gemiddeld 6,1 → 6,8 (+0,7); 95%-BI −0,1 tot +1,5; exacte permutatietoets p = 0,077, na Holm 1,00: geen aantoonbare verandering.',
    );
  });
});

describe('words a reader can act on', () => {
  it('says which bar moved, which way, by how much', () => {
    const sentence = diff.verdicts.find((verdict) => verdict.column === 'workshop')?.text;
    expect(sentence).toBe(
      'Figuur 5, Workshop naar Werk: beter beoordeeld in 2017 (Positief 20% → 82%, +62 procentpunt, 95%-BI +28 tot +80; Fisher-Freeman-Halton, exact: p = 0,001, na Holm 0,024; Mann-Whitney, exact: p < 0,001, na Holm 0,012).',
    );
  });

  it('Figure 2 "contact medewerker": Mann-Whitney below alpha after Holm (0,027) beside no demonstrable change says why it does not decide', () => {
    const bar = comparedBar(diff, '2', 'werkplein_medewerker');
    expect(bar).toMatchObject({ verdict: 'not-after-correction', direction: 'none', decidedBy: 'fisher-freeman-halton', directionBy: null, ordinalAloneSignificant: true });
    const sentence = diff.verdicts.find((verdict) => verdict.column === 'werkplein_medewerker')?.text;
    expect(sentence).toContain(
      'geen aantoonbare verandering. Mann-Whitney, exact: p = 0,001, na Holm 0,027 wijst op een verschuiving, maar beslist niet: of een balk veranderde, beslist de Fisher-Freeman-Halton-toets na Holm-correctie voor de 20 toetsen waarop --fail-on-change let',
    );
  });

  it('cautions where N is too small to detect a change of that size', () => {
    const sentence = diff.verdicts.find((verdict) => verdict.column === 'cv_uploaden')?.text;
    expect(sentence).toBe(
      "Figuur 1, Cv uploaden werk.nl: geen aantoonbare verandering (Fisher-Freeman-Halton, exact: p = 0,73). Met deze aantallen (16 en 17) was geen enkele stijging van 'Positief' met 80% kans aan te tonen.",
    );
  });

  it('in English with --lang en', async () => {
    const english = await diffJson(fixture2016, fixture2017, ['--lang', 'en']);
    const sentence = english.verdicts.find((verdict) => verdict.column === 'cv_uploaden')?.text ?? '';
    expect(sentence).toContain('no demonstrable change (Fisher-Freeman-Halton, exact: p = 0.73)');
    expect(sentence).toContain("With these N (16 and 17), no rise in 'Positive' at all could be detected with 80% power.");
  });
});
