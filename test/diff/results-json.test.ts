/**
 * A results.json given to `cj diff` is data from someone else's disk (issue 10): it is checked
 * against a bounded JSON Schema and for what a schema cannot say, read up to a size, and a bad
 * one is a data error (exit 3) naming the file and the JSON path; never a V8 abort, exit 70 or
 * exit 4. Large legitimate counts are compared, with a test that finishes.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contingencyTest } from '../../src/diff/bar.js';
import { MAX_COMPARED_N, MAX_RESULTS_BYTES } from '../../src/diff/results-schema.js';
import { run, stackFrames, tempDir, writeTemp } from '../helpers/run.js';
import { xmlFaults } from '../helpers/xml.js';
import { comparedBar, diffJson, fixture2016, fixture2017, runDiff } from './helpers.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Bar {
  label: string;
  column: string;
  n: number;
  counts: Record<string, number>;
  percentages?: Record<string, number>;
}
interface Figure {
  id: string;
  N: number;
  showNotApplicable: boolean;
  categories: { key: string; label: string; color: string }[];
  bars: Bar[];
}
interface ResultsJson {
  [key: string]: Json | Figure[] | ResultsJson['grade'];
  figures: Figure[];
  grade: { column: string; n: number; distribution: { mark: number; count: number }[] } & { [key: string]: Json };
}

let resultsText = '';
beforeAll(async () => {
  const result = await run(['analyse', fixture2016, '--format', 'json', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  resultsText = result.stdout;
});

/** A fresh copy of Haarlem 2016's results.json, as cj analyse writes it. */
const results = (): ResultsJson => JSON.parse(resultsText) as ResultsJson;
const firstBar = (r: ResultsJson): Bar => r.figures[0]?.bars[0] as Bar;

/** `cj diff broken.json haarlem-2017.csv --format json` with `content` as broken.json. */
async function diffWith(content: string): Promise<Awaited<ReturnType<typeof runDiff>>> {
  const dir = tempDir();
  const path = writeTemp('broken.json', content, dir);
  return runDiff([path, fixture2017, '--format', 'json']);
}

function expectRefused(result: Awaited<ReturnType<typeof runDiff>>, path: string, expected: string, code = 'CJ_DIFF_NOT_RESULTS'): void {
  expect(result.code, result.stderr).toBe(3);
  expect(result.stdout).toBe('');
  expect(stackFrames(result.stderr)).toEqual([]);
  expect(result.stderr).not.toMatch(/interne fout|internal error/);
  expect(result.stderr).toBe(`cj: fout: broken.json: geen results.json van cj analyse: veld "${path}": verwacht ${expected} [${code}]\n`);
}

describe('counts out of bounds', () => {
  it('a count of 3e8 with its n: refused at n, more than a side may hold (was: a V8 abort)', async () => {
    const r = results();
    const bar = firstBar(r);
    bar.counts['positief'] = 3e8;
    bar.n = Object.entries(bar.counts).reduce((sum, [key, n]) => sum + (key === 'nvt' ? 0 : n), 0);
    expectRefused(await diffWith(JSON.stringify(r)), '/figures/0/bars/0/n', `een heel getal ≤ ${MAX_COMPARED_N} (meer vergelijkt cj diff niet)`);
  });

  it('a count of 3e8 without its n: the counts do not add up to n', async () => {
    const r = results();
    firstBar(r).counts['positief'] = 3e8;
    expectRefused(await diffWith(JSON.stringify(r)), '/figures/0/bars/0/n', `de som van de aantallen (${3e8 + 1 + 8})`);
  });

  it.each([
    ['3e9, more than any count may be', 3e9, 'een heel getal ≤ 1000000000 (meer vergelijkt cj diff niet)'],
    ['1e300', 1e300, 'een heel getal ≤ 1000000000 (meer vergelijkt cj diff niet)'],
    ['-1', -1, 'een heel getal ≥ 0'],
    ['1.5', 1.5, 'een heel getal ≥ 0'],
    ['"7"', '7', 'een heel getal ≥ 0'],
    ['null', null, 'een heel getal ≥ 0'],
  ])('a count of %s', async (_, value, expected) => {
    const r = results();
    (firstBar(r).counts as Record<string, Json>)['positief'] = value;
    const result = await diffWith(JSON.stringify(r));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('veld "/figures/0/bars/0/counts/positief"');
    expect(result.stderr).toContain(`verwacht ${expected}`);
  });

  it('a percentage of 150', async () => {
    const r = results();
    const bar = firstBar(r);
    if (bar.percentages !== undefined) bar.percentages['positief'] = 150;
    expectRefused(await diffWith(JSON.stringify(r)), '/figures/0/bars/0/percentages/positief', 'een heel getal ≤ 100 (meer vergelijkt cj diff niet)');
  });

  it('a grade of 3e8 marks: refused at /grade/n', async () => {
    const r = results();
    r.grade.distribution = [{ mark: 6, count: 3e8 }];
    r.grade.n = 3e8;
    expectRefused(await diffWith(JSON.stringify(r)), '/grade/n', `een heel getal ≤ ${MAX_COMPARED_N} (meer vergelijkt cj diff niet)`);
  });

  it('a mark of 1e300', async () => {
    const r = results();
    const first = r.grade.distribution[0];
    if (first !== undefined) first.mark = 1e300;
    expectRefused(await diffWith(JSON.stringify(r)), '/grade/distribution/0/mark', 'een getal ≤ 1000000');
  });

  it('marks that do not add up to the grade n', async () => {
    const r = results();
    r.grade.n += 1;
    expectRefused(await diffWith(JSON.stringify(r)), '/grade/n', `de som van de aantallen (${r.grade.n - 1})`);
  });
});

describe('keys, texts and sizes', () => {
  it('a colour that is not #rrggbb (it would be written into SVG and CSS)', async () => {
    const r = results();
    const category = r.figures[0]?.categories[0];
    if (category !== undefined) category.color = 'url(#x)';
    expectRefused(await diffWith(JSON.stringify(r)), '/figures/0/categories/0/color', 'een kleur als #rrggbb');
  });

  const keyExpected = 'een sleutel van kleine letters, cijfers en _ (geen gereserveerde naam zoals __proto__ of constructor)';

  it('a category key "constructor"', async () => {
    const r = results();
    const figure = r.figures[0] as Figure;
    (figure.categories[1] as { key: string }).key = 'constructor';
    for (const bar of figure.bars) bar.counts['constructor'] = bar.counts['neutraal'] ?? 0;
    expectRefused(await diffWith(JSON.stringify(r)), '/figures/0/categories/1/key', keyExpected);
  });

  it('a category key "__proto__", written in the text', async () => {
    const text = resultsText.replace('"key": "neutraal"', '"key": "__proto__"');
    expectRefused(await diffWith(text), '/figures/0/categories/1/key', keyExpected);
  });

  it('a counts key "__proto__" beside the others, written in the text', async () => {
    const text = resultsText.replace('"counts": {', '"counts": {\n"__proto__": 5,');
    expectRefused(await diffWith(text), '/figures/0/bars/0/counts/__proto__', keyExpected);
  });

  it('a category key twice', async () => {
    const r = results();
    const figure = r.figures[0] as Figure;
    (figure.categories[1] as { key: string }).key = 'negatief';
    expectRefused(await diffWith(JSON.stringify(r)), '/figures/0/categories/1/key', 'een waarde die maar één keer voorkomt ("negatief" komt twee keer voor)');
  });

  it('a bar column twice in a figure', async () => {
    const r = results();
    const index = r.figures.findIndex((figure) => figure.bars.length > 1);
    const [first, second] = (r.figures[index] as Figure).bars as [Bar, Bar];
    second.column = first.column;
    expectRefused(await diffWith(JSON.stringify(r)), `/figures/${index}/bars/1/column`, `een waarde die maar één keer voorkomt ("${first.column}" komt twee keer voor)`);
  });

  it('a figure id twice', async () => {
    const r = results();
    (r.figures[1] as Figure).id = (r.figures[0] as Figure).id;
    expectRefused(await diffWith(JSON.stringify(r)), '/figures/1/id', 'een waarde die maar één keer voorkomt ("1" komt twee keer voor)');
  });

  it('a label of 100 000 characters', async () => {
    const r = results();
    firstBar(r).label = 'x'.repeat(100_000);
    expectRefused(await diffWith(JSON.stringify(r)), '/figures/0/bars/0/label', 'niet meer dan 2000 (tekens, elementen of velden)');
  });

  it('101 figures', async () => {
    const r = results();
    const figure = r.figures[0] as Figure;
    r.figures = Array.from({ length: 101 }, (_, i) => ({ ...figure, id: `f${i}` }));
    expectRefused(await diffWith(JSON.stringify(r)), '/figures', 'niet meer dan 100 (tekens, elementen of velden)');
  });

  it('a sha256 that is not one', async () => {
    const r = results();
    (r['input'] as { sha256: string }).sha256 = 'abc';
    expectRefused(await diffWith(JSON.stringify(r)), '/input/sha256', 'een SHA-256 in 64 hexadecimale tekens');
  });

  it('the grade without its distribution', async () => {
    const r = results();
    const { distribution: _, ...grade } = r.grade;
    (r as unknown as Record<string, Json>)['grade'] = grade as unknown as Json;
    expectRefused(await diffWith(JSON.stringify(r)), '/grade/distribution', 'dit veld');
  });

  it('figures that are not a list', async () => {
    const r = results() as unknown as Record<string, Json>;
    r['figures'] = { '0': 1 };
    expectRefused(await diffWith(JSON.stringify(r)), '/figures', 'een lijst');
  });

  it('in English with --lang en', async () => {
    const r = results();
    firstBar(r).counts['positief'] = 3e9;
    const dir = tempDir();
    const result = await runDiff([writeTemp('broken.json', JSON.stringify(r), dir), fixture2017, '--lang', 'en']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('broken.json: not a results.json of cj analyse: field "/figures/0/bars/0/counts/positief": expected a whole number ≤ 1000000000');
  });
});

describe('control characters in the texts of a results.json', () => {
  it('reach neither the terminal nor the figures: the SVGs are well-formed XML, diff.json escapes them', async () => {
    const r = results();
    const osc = '\u001b]8;;http://x\u0007klik\u001b]8;;\u0007';
    for (const figure of r.figures) {
      (figure as Figure & { title: string }).title = `Oordeel\u001b[2J (N = ${figure.N})`;
      for (const bar of figure.bars) bar.label = `${bar.label}${osc}`;
      const category = figure.categories[0];
      if (category !== undefined) category.label = `neg\u202eatief`;
    }
    const cwd = tempDir();
    writeTemp('a.json', JSON.stringify(r), cwd);
    const result = await runDiff(['a.json', fixture2017], { cwd });
    expect(result.code, result.stderr).toBe(0);
    // eslint-disable-next-line no-control-regex
    const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u;
    expect(result.stdout).not.toMatch(unsafe);
    expect(result.stdout).toContain('klik');
    expect(result.stderr).not.toMatch(unsafe);
    const out = join(cwd, 'cj-diff');
    const svgs = readdirSync(out).filter((name) => name.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const name of svgs) expect(xmlFaults(readFileSync(join(out, name), 'utf8')), name).toEqual([]);
    const diffText = readFileSync(join(out, 'diff.json'), 'utf8');
    expect(diffText).not.toMatch(unsafe);
    expect(diffText).toContain('\\u202e');
  }, 60_000);
});

describe('the size of a results.json', () => {
  it('16 MiB is read; one byte more is refused as too large, exit 3', async () => {
    const dir = tempDir();
    const fits = writeTemp('fits.json', resultsText + ' '.repeat(MAX_RESULTS_BYTES - Buffer.byteLength(resultsText)), dir);
    expect((await runDiff([fits, fits, '--format', 'json'])).code).toBe(0);
    const large = writeTemp('large.json', resultsText + ' '.repeat(MAX_RESULTS_BYTES + 1 - Buffer.byteLength(resultsText)), dir);
    const result = await runDiff([large, fixture2017, '--format', 'json']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `cj: fout: large.json: groter dan ${MAX_RESULTS_BYTES} bytes; een results.json van cj analyse is veel kleiner (controleer of dit het goede bestand is) [CJ_DIFF_TOO_LARGE]\n`,
    );
  });

  it('a FIFO named .json fed without end: exit 3, too large', async () => {
    const cwd = tempDir();
    await new Promise<void>((resolve, reject) => {
      const mkfifo = spawn('mkfifo', [join(cwd, 'endless.json')]);
      mkfifo.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mkfifo exited ${code}`))));
      mkfifo.on('error', reject);
    });
    const writer = spawn('sh', ['-c', 'yes "{}" > endless.json'], { cwd, stdio: 'ignore' });
    try {
      const result = await runDiff(['endless.json', fixture2017, '--format', 'json'], { cwd });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('CJ_DIFF_TOO_LARGE');
    } finally {
      if (writer.exitCode === null) writer.kill();
    }
  });
});

describe('large legitimate counts are compared, and the tests finish', () => {
  it('a table of 240 004 answers with a column of four: never chi-square (off by 2.5×); exact, or Monte-Carlo within its standard error of the exact p', () => {
    // The exact two-sided p by summing every table with these margins, in Python (log binomials):
    //   cols = [119000, 4, 121000]; r1 = 120003; sum exp(logP(x)) over x with logP(x) <= logP(obs) + 1e-7
    //   → 5.7151937579922644e-05
    // Pearson's chi-square (scipy.stats.chi2_contingency(..., correction=False)) would say 0.00014570831972451995.
    const table = [
      [60000, 3, 60000],
      [59000, 1, 61000],
    ];
    const exact = 5.7151937579922644e-5;
    const result = contingencyTest(table, 1);
    expect(result.method).not.toBe('chi-square');
    if (result.method === 'exact') expect(result.p).toBeCloseTo(exact, 12);
    else {
      // (1 + hits)/(B + 1) is never below 1/(B + 1): the margin allows for that floor.
      expect(result.standardError).not.toBeNull();
      expect(Math.abs(result.p - exact)).toBeLessThanOrEqual(4 * (result.standardError ?? 0) + 1 / ((result.tables ?? 0) + 1));
      expect(result.p).toBeLessThan(0.05 / 20);
    }
  });

  /** Haarlem's figure 1, first bar, and the grade, with the counts given; n and N to match. */
  function oneBar(counts: Record<string, number>, marks: { mark: number; count: number }[]): string {
    const r = results();
    const figure = r.figures[0] as Figure;
    const bar = { ...firstBar(r), counts: { ...counts, nvt: 0 } };
    delete bar.percentages;
    bar.n = Object.values(counts).reduce((sum, n) => sum + n, 0);
    r.figures = [{ ...figure, N: bar.n, bars: [bar] }];
    r.grade.distribution = marks;
    r.grade.n = marks.reduce((sum, entry) => sum + entry.count, 0);
    (r['input'] as { respondents: number }).respondents = Math.max(bar.n, r.grade.n);
    return JSON.stringify(r);
  }

  it('a million answers and marks per side: exit 0, Monte-Carlo p within its standard error of the large-sample p (scipy), the permutation test skipped', async () => {
    const dir = tempDir();
    const a = writeTemp('a.json', oneBar({ negatief: 250_000, neutraal: 250_000, positief: 500_000 }, [{ mark: 6, count: 500_000 }, { mark: 7, count: 500_000 }]), dir);
    const b = writeTemp('b.json', oneBar({ negatief: 249_000, neutraal: 251_000, positief: 500_000 }, [{ mark: 6, count: 499_000 }, { mark: 7.5, count: 501_000 }]), dir);
    const diff = await diffJson(a, b);
    const bar = comparedBar(diff, '1', 'cv_uploaden');
    expect(bar.a.n).toBe(MAX_COMPARED_N);
    // At two million answers the large-sample p is the exact p to well under 0.001; a Monte-Carlo
    // p must lie within four standard errors of it (plus that allowance).
    // python3 -c "import scipy.stats as s; print(s.chi2_contingency([[250000,250000,500000],[249000,251000,500000]], correction=False).pvalue)"
    // 0.13533420055434683
    expect(bar.contingency.method).toBe('monte-carlo');
    expect(Math.abs(bar.contingency.p - 0.13533420055434683)).toBeLessThan(4 * (bar.contingency.standardError ?? 1) + 0.001);
    // python3: scipy.stats.mannwhitneyu(b, a, method='asymptotic', use_continuity=False) on the
    // answers coded 1, 2, 3 → 0.504985086925259
    expect(bar.ordinal?.method).toBe('monte-carlo');
    expect(Math.abs((bar.ordinal?.p ?? 0) - 0.504985086925259)).toBeLessThan(4 * (bar.ordinal?.standardError ?? 1) + 0.001);
    expect(diff.grade?.permutation).toEqual({ skipped: 'too-large' });
    expect(diff.grade?.test).toBe('welch');
  }, 120_000);

  it('one answer more than a side may hold is refused with the path', async () => {
    const result = await diffWith(oneBar({ negatief: 250_001, neutraal: 250_000, positief: 500_000 }, [{ mark: 6, count: 2 }]));
    expectRefused(result, '/figures/0/bars/0/n', `een heel getal ≤ ${MAX_COMPARED_N} (meer vergelijkt cj diff niet)`);
  });

  it('a results.json that passes gives the same comparison as its response file (nothing lost in the check)', async () => {
    const dir = tempDir();
    const path = writeTemp('results.json', resultsText, dir);
    const [fromJson, fromCsv] = [await diffJson(path, fixture2017), await diffJson(fixture2016, fixture2017)];
    expect(fromJson.figures).toEqual(fromCsv.figures);
    expect(fromJson.grade).toEqual(fromCsv.grade);
  });
});
