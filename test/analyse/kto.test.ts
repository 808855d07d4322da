/**
 * The invented KTO 2016 (fixtures/kto-2016/): shares satisfied with Wilson intervals, response
 * rates and margins of error with the finite population correction, the split by target group
 * and municipality with its tested sentence. Every number is checked against a hand computation
 * written here or against R (test/analyse/reference/kto-2016.py and its JSON), never against cj.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BreakdownResult, PopulationResult, SatisfactionResult } from '../../src/count/results.js';
import { analyseJson, repoRoot, run, tempDir, writeTemp } from '../helpers/run.js';

export const ktoDir = join(repoRoot, 'fixtures', 'kto-2016');
export const ktoSurvey = join(ktoDir, 'survey.json');
const responses = join(ktoDir, 'responses.csv');

interface Reference {
  readonly respondents: number;
  readonly statements: Record<
    string,
    {
      readonly whole: { satisfied: number; n: number; wilson: [number, number] };
      readonly gemeente: Record<string, { satisfied: number; n: number }>;
      readonly doelgroep: Record<string, { satisfied: number; n: number }>;
      readonly fisherP: { gemeente: number; doelgroep: number };
    }
  >;
}
const reference = JSON.parse(readFileSync(join(repoRoot, 'test', 'analyse', 'reference', 'kto-2016.json'), 'utf8')) as Reference;

interface KtoResults {
  readonly satisfaction: readonly SatisfactionResult[];
  readonly population: PopulationResult;
  readonly breakdowns: readonly BreakdownResult[];
  readonly warnings: readonly { code: string; message: string }[];
}

async function kto(extra: readonly string[] = []): Promise<KtoResults> {
  return (await analyseJson(responses, ['--survey', ktoSurvey, ...extra])) as unknown as KtoResults;
}

/** Wilson's score interval by hand (Wilson 1927), z = Φ⁻¹(0.975) to 15 digits. */
function wilsonByHand(x: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = x / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [(centre - half) / (1 + (z * z) / n), (centre + half) / (1 + (z * z) / n)];
}

/** Cochran's margin of error at p with the finite population correction, by hand. */
function marginByHand(n: number, N: number, p = 0.5): number {
  return 1.959963984540054 * Math.sqrt((p * (1 - p)) / n) * Math.sqrt((N - n) / (N - 1));
}

describe('KTO 2016: satisfaction per statement with its interval', () => {
  it('each bar: satisfied count and n as counted apart, Wilson bounds as R prop.test gives them', async () => {
    const results = await kto();
    const bars = results.satisfaction.flatMap((figure) => figure.bars);
    expect(bars).toHaveLength(8);
    for (const bar of bars) {
      const expected = reference.statements[bar.column]?.whole;
      expect(expected, bar.column).toBeDefined();
      if (expected === undefined) continue;
      expect([bar.satisfied, bar.n], bar.column).toEqual([expected.satisfied, expected.n]);
      expect(bar.share).toBeCloseTo(expected.satisfied / expected.n, 12);
      expect(bar.lower).toBeCloseTo(expected.wilson[0], 9);
      expect(bar.upper).toBeCloseTo(expected.wilson[1], 9);
      const [lower, upper] = wilsonByHand(expected.satisfied, expected.n);
      expect(bar.lower).toBeCloseTo(lower, 12);
      expect(bar.upper).toBeCloseTo(upper, 12);
    }
  });

  it('figure 1, "De medewerker is vriendelijk": 1012 of 1217 satisfied, 83% (81–85%)', async () => {
    const bar = (await kto()).satisfaction[0]?.bars[0];
    expect(bar?.satisfied).toBe(1012);
    expect(bar?.n).toBe(1217);
    expect(Math.round(100 * (bar?.share ?? 0))).toBe(83);
    expect(Math.round(100 * (bar?.lower ?? 0))).toBe(81);
    expect(Math.round(100 * (bar?.upper ?? 0))).toBe(85);
  });

  it('per bar with the population: the margin at the observed share with the correction, by hand', async () => {
    const bar = (await kto()).satisfaction[0]?.bars[0];
    // 1.959964 × √(0.83155 × 0.16845 / 1217) × √((3760 − 1217)/3759) = 0.017295
    expect(bar?.marginOfError).toBeCloseTo(marginByHand(1217, 3760, 1012 / 1217), 12);
    expect(bar?.marginOfError).toBeCloseTo(0.017295, 6);
  });

  it('--summary says the range over all statements: between 73% and 83%', async () => {
    const result = await run(['analyse', responses, '--survey', ktoSurvey, '--summary', '--no-figures']);
    expect(result.code).toBe(0);
    const shares = Object.values(reference.statements).map((s) => Math.round((100 * s.whole.satisfied) / s.whole.n));
    expect(result.stdout).toContain(`Per stelling ligt de tevredenheid tussen ${Math.min(...shares)}% en ${Math.max(...shares)}%.`);
    expect(result.stdout).toContain('Per stelling ligt de tevredenheid tussen 73% en 83%.');
  });
});

describe('KTO 2016: response and margin of error with the finite population correction', () => {
  it('the whole: 1316 of 3760 invited is 35,0%; margin ±2,18% (hand: 1.96 × 0.5/√1316 × √(2444/3759))', async () => {
    const { population } = await kto();
    expect(population.size).toBe(2300 + 442 + 900 + 118);
    expect(population.respondents).toBe(reference.respondents);
    expect(population.responseRate).toBeCloseTo(1316 / 3760, 12);
    expect(population.marginOfError).toBeCloseTo(marginByHand(1316, 3760), 12);
    expect(population.marginOfError).toBeCloseTo(0.021782, 6);
    expect(population.previous).toEqual({ responseRate: 0.2, source: 'definition', difference: null });
  });

  it('per target group: bijstand/minima 960 of 2742, schulddienstverlening 356 of 1018', async () => {
    const breakdown = (await kto()).breakdowns.find((b) => b.column === 'doelgroep');
    const groups = breakdown?.groups ?? [];
    expect(groups.map((g) => [g.key, g.label, g.respondents, g.population?.size])).toEqual([
      ['bijstand_minima', 'Bijstand/minima', 960, 2742],
      ['schulddienstverlening', 'Schulddienstverlening', 356, 1018],
    ]);
    expect(groups[0]?.population?.marginOfError).toBeCloseTo(marginByHand(960, 2742), 12);
    expect(groups[1]?.population?.marginOfError).toBeCloseTo(marginByHand(356, 1018), 12);
    // n₀ = 1.96² × 0.25 / 0.05² = 384.1; n = n₀ / (1 + (n₀ − 1)/1018) = 279.1 → 280
    expect(groups[1]?.population?.needed).toBe(280);
    expect(groups.every((g) => g.population?.tooSmall === false)).toBe(true);
  });

  it('by municipality: Zandvoort (196 of 560) has a margin of ±5,6%, wider than the ±5% the definition allows: said so', async () => {
    const results = await kto(['--by', 'gemeente']);
    const zandvoort = results.breakdowns[0]?.groups.find((g) => g.key === 'zandvoort');
    expect(zandvoort?.population?.size).toBe(442 + 118);
    expect(zandvoort?.population?.marginOfError).toBeCloseTo(marginByHand(196, 560), 12);
    expect(zandvoort?.population?.tooSmall).toBe(true);
    // n₀ = 384.15; 384.15 / (1 + 383.15/560) = 228.1 → 229
    expect(zandvoort?.population?.needed).toBe(229);
    const warning = results.warnings.find((w) => w.code === 'CJ_GROUP_TOO_SMALL');
    expect(warning?.message).toBe('Zandvoort: met 196 respondenten is de foutmarge ±5,6%, ruimer dan ±5,0%: te klein voor een uitspraak over deze groep alleen (nodig: 229)');
  });
});

describe('KTO 2016: split by target group and municipality, the difference said from a test', () => {
  it('by target group (the definition\'s "by"): each group\'s satisfied counts as counted apart', async () => {
    const breakdown = (await kto()).breakdowns[0];
    expect(breakdown?.column).toBe('doelgroep');
    expect(breakdown?.figures).toEqual(['1', '2', '3']);
    for (const group of breakdown?.groups ?? []) {
      const value = group.key === 'bijstand_minima' ? 'bijstand-minima' : group.key;
      for (const bar of group.satisfaction.flatMap((f) => f.bars)) {
        const expected = reference.statements[bar.column]?.doelgroep[value];
        expect([bar.satisfied, bar.n], `${group.key} ${bar.column}`).toEqual([expected?.satisfied, expected?.n]);
      }
    }
  });

  it('"geen aantoonbare verschillen tussen de doelgroepen" comes from seven tests, each p within 4 standard errors of R\'s fisher.test', async () => {
    const breakdown = (await kto()).breakdowns[0];
    const differences = breakdown?.differences;
    // uitleg_duidelijk is a bar of figures 2 and 3: one column, one test.
    expect(differences?.tested).toBe(7);
    for (const bar of differences?.bars ?? []) {
      const p = reference.statements[bar.column]?.fisherP.doelgroep ?? Number.NaN;
      const se = Math.max(bar.test?.standardError ?? 0, Math.sqrt((p * (1 - p)) / 1e6));
      expect(Math.abs((bar.test?.p ?? 0) - p), bar.column).toBeLessThan(4 * se + 1e-9);
    }
    const holmMinimum = Math.min(...Object.values(reference.statements).map((s) => s.fisherP.doelgroep)) * 7;
    expect(holmMinimum).toBeGreaterThan(0.05);
    expect(differences?.differing).toEqual([]);
    expect(differences?.sentence).toBe('Geen aantoonbare verschillen tussen de doelgroepen (Fisher-Freeman-Halton per stelling, 7 getoetst, Holm, α = 0,05).');
  });

  it('--by gemeente: Zandvoort differs on reachability (R: p < 1e-5), and the sentence names it', async () => {
    const breakdown = (await kto(['--by', 'gemeente'])).breakdowns[0];
    expect(breakdown?.figures).toEqual(['1', '2', '3']);
    const reach = breakdown?.differences.bars.find((bar) => bar.column === 'bereikbaarheid');
    expect(reference.statements.bereikbaarheid?.fisherP.gemeente).toBeLessThan(1e-4);
    expect(reach?.test?.pAdjusted).toBeLessThan(0.05);
    // Holm by hand on R's p-values: which of the seven stay below 0.05.
    const ps = Object.entries(reference.statements).map(([column, s]) => [column, s.fisherP.gemeente] as const).sort((a, b) => a[1] - b[1]);
    const significant: string[] = [];
    for (const [rank, [column, p]] of ps.entries()) {
      if (p * (7 - rank) >= 0.05) break;
      significant.push(column);
    }
    const differingColumns = new Set(breakdown?.differences.bars.filter((bar) => breakdown.differences.differing.includes(bar.label)).map((bar) => bar.column));
    expect([...differingColumns].sort()).toEqual(significant.sort());
    expect(breakdown?.differences.sentence).toMatch(/^Aantoonbaar verschil tussen de gemeenten bij .*"Sociale Zaken is goed bereikbaar"/);
  });

  it('the terminal shows the whole and the groups side by side with N and response', async () => {
    const result = await run(['analyse', responses, '--survey', ktoSurvey, '--no-figures']);
    expect(result.stdout).toMatch(/Naar doelgroep\n/);
    expect(result.stdout).toMatch(/Totaal +Bijstand\/minima +Schulddienstverlening/);
    expect(result.stdout).toMatch(/De medewerker is vriendelijk +83% \(81–85%\)/);
    expect(result.stdout).toContain('Totaal: 1316 van 3760 uitgenodigden, respons 35,0%, foutmarge ±2,2%');
  });

  it('a column in two figures (uitleg_duidelijk, figures 2 and 3) is counted in both alike', async () => {
    const results = (await analyseJson(responses, ['--survey', ktoSurvey])) as unknown as { figures: { id: string; bars: { column: string; counts: object }[] }[] };
    const inTwo = results.figures.flatMap((f) => f.bars.filter((b) => b.column === 'uitleg_duidelijk'));
    expect(inTwo).toHaveLength(2);
    expect(inTwo[0]?.counts).toEqual(inTwo[1]?.counts);
  });

  it('in English: the sentence and the labels follow --lang', async () => {
    const results = await kto(['--lang', 'en']);
    expect(results.breakdowns[0]?.differences.sentence).toMatch(/^No demonstrable differences between de doelgroepen/);
  });
});

describe('--by on other columns, and its faults', () => {
  const lines = readFileSync(responses, 'utf8').trim().split('\n');

  it('a rating column as the by-column: its categories are the groups, in the scale\'s order, empty cells a group of their own last; not tested against itself', async () => {
    // The first 300 respondents: seven groups make tables whose tests take seconds on all of them.
    const cwd = tempDir();
    writeTemp('first.csv', lines.slice(0, 301).join('\n') + '\n', cwd);
    const result = await run(['analyse', 'first.csv', '--survey', ktoSurvey, '--by', 'vriendelijk', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const results = JSON.parse(result.stdout) as KtoResults;
    const groups = results.breakdowns[0]?.groups ?? [];
    expect(groups.map((g) => g.label)).toEqual(['helemaal mee oneens', 'mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens', 'n.v.t.', '(leeg)']);
    // Counted apart: rows per answer of vriendelijk.
    const header = (lines[0] ?? '').split(';');
    const index = header.indexOf('vriendelijk');
    const rows = lines.slice(1, 301).map((line) => line.split(';'));
    expect(results.breakdowns[0]?.differences.bars.find((bar) => bar.column === 'vriendelijk')?.test).toBeNull();
    expect(groups.find((g) => g.key === 'eens')?.respondents).toBe(rows.filter((row) => row[index] === 'mee eens').length);
    expect(groups.find((g) => g.key === '')?.respondents).toBe(rows.filter((row) => row[index] === '').length);
  }, 120_000);

  it('an undeclared column: each value (trimmed, any case) a group, sorted, and not passed over with a notice', async () => {
    const cwd = tempDir();
    const withDistrict = [`${lines[0]};wijk`, ...lines.slice(1).map((line, i) => `${line};${['Noord', 'zuid ', 'NOORD', 'Oost'][i % 4]}`)].join('\n');
    writeTemp('wijk.csv', withDistrict, cwd);
    const result = await run(['analyse', 'wijk.csv', '--survey', ktoSurvey, '--by', 'wijk', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as KtoResults & { warnings: { code: string }[] };
    expect(parsed.breakdowns[0]?.groups.map((g) => [g.key, g.respondents])).toEqual([['noord', 658], ['oost', 329], ['zuid', 329]]);
    expect(parsed.warnings.map((w) => w.code)).not.toContain('CJ_COLUMNS_IGNORED');
  });

  it('a value outside the declared ones is a fault naming line and column (exit 3)', async () => {
    const cwd = tempDir();
    writeTemp('x.csv', [lines[0], lines[1]?.replace(';Haarlem;', ';Bloemendaal;'), ...lines.slice(2)].join('\n'), cwd);
    const result = await run(['analyse', 'x.csv', '--survey', ktoSurvey, '--by', 'gemeente', '--format', 'json'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('x.csv:2, kolom "gemeente"');
    expect(result.stderr).toContain('"Bloemendaal"');
    expect(result.stderr).toContain('haarlem, zandvoort');
  });

  it('a by-column the file lacks (exit 3)', async () => {
    const result = await run(['analyse', responses, '--survey', ktoSurvey, '--by', 'leeftijd', '--format', 'json']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('kolom "leeftijd" om naar te splitsen (--by of "by") staat niet in het bestand');
  });
});

describe('--previous: last year\'s response rate from its results.json', () => {
  it('35,0% against 20,0% (752 of 3760): +15 points with Newcombe\'s interval from two Wilson intervals, by hand', async () => {
    const cwd = tempDir();
    writeTemp('vorig.json', JSON.stringify({ population: { respondents: 752, size: 3760 } }), cwd);
    const results = (await analyseJson(responses, ['--survey', ktoSurvey, '--previous', 'vorig.json'], { cwd })) as unknown as KtoResults;
    const previous = results.population.previous;
    expect(previous?.responseRate).toBe(0.2);
    expect(previous?.source).toBe('vorig.json');
    // Newcombe (1998) method 10: d ∓ √((p₁ − l₁)² + (u₂ − p₂)²) and √((u₁ − p₁)² + (p₂ − l₂)²).
    const p1 = 1316 / 3760;
    const p2 = 752 / 3760;
    const [l1, u1] = wilsonByHand(1316, 3760);
    const [l2, u2] = wilsonByHand(752, 3760);
    expect(previous?.difference?.points).toBeCloseTo(100 * (p1 - p2), 10);
    expect(previous?.difference?.lower).toBeCloseTo(100 * (p1 - p2 - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)), 8);
    expect(previous?.difference?.upper).toBeCloseTo(100 * (p1 - p2 + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)), 8);
    const text = await run(['analyse', responses, '--survey', ktoSurvey, '--previous', 'vorig.json', '--no-figures'], { cwd });
    expect(text.stdout).toContain('Respons 35% tegen 20% vorig jaar (vorig.json; verschil 15,0 procentpunt');
  });

  it('a results.json without a population cannot be compared (exit 3)', async () => {
    const cwd = tempDir();
    writeTemp('vorig.json', JSON.stringify({ figures: [] }), cwd);
    const result = await run(['analyse', responses, '--survey', ktoSurvey, '--previous', 'vorig.json'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('vorig.json: geen populatie in deze resultaten');
  });
});
