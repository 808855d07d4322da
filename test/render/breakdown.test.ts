/**
 * The KTO's split figures: golden SVGs (looked at before they were kept), what --labels prints
 * inside the segments, and what --suppress keeps out of the SVG, spec, CSV and page while
 * results.json keeps the counts and lists what was masked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/count/results.js';
import { messages } from '../../src/messages.js';
import { breakdownSpec } from '../../src/render/breakdown-spec.js';
import { segmentText } from '../../src/render/layout-spec.js';
import { renderSvg, textWidth } from '../../src/render/svg.js';
import { expectGolden } from '../helpers/golden.js';
import { analyseJson, repoRoot, run, tempDir } from '../helpers/run.js';

const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));
const ktoDir = join(repoRoot, 'fixtures', 'kto-2016');
const survey = join(ktoDir, 'survey.json');
const responses = join(ktoDir, 'responses.csv');

async function ktoResults(extra: readonly string[] = []): Promise<Results> {
  return (await analyseJson(responses, ['--survey', survey, ...extra])) as unknown as Results;
}

describe('golden SVGs of the KTO breakdowns', () => {
  it.each(['1', '2', '3'])('uitsplitsing-doelgroep-figuur-%s.svg', async (id) => {
    const results = await ktoResults();
    const breakdown = results.breakdowns?.[0];
    if (breakdown === undefined) throw new Error('no breakdown');
    const spec = breakdownSpec(results, breakdown, id, { messages: messages.nl, measureText: textWidth, labels: 'percent' });
    expectGolden(goldenDir, `uitsplitsing-doelgroep-figuur-${id}`, await renderSvg(spec));
  });
});

describe('--labels', () => {
  it('percent, count or both inside a segment', () => {
    expect(segmentText(677, 56, 'percent')).toBe('56%');
    expect(segmentText(677, 56, 'count')).toBe('677');
    expect(segmentText(677, 56, 'both')).toBe('677 (56%)');
  });
});

describe('--suppress with --by gemeente --min-cell 10', () => {
  const args = ['--by', 'gemeente', '--min-cell', '10'];

  it('without --suppress: a warning names the breakdown and its smallest count, nothing is masked', async () => {
    const results = await ktoResults(args);
    const warning = results.warnings.find((w) => w.code === 'CJ_SMALL_CELL');
    // Zandvoort, "De medewerker is vriendelijk", helemaal mee oneens: 1 in the CSV (counted apart below).
    expect(warning?.message).toBe('Gemeente: een aantal van 1 (onder 10) in de uitsplitsing kan iemand herkenbaar maken; --suppress maskeert het');
    expect(results.breakdowns?.[0]?.disclosure.masked).toBe(false);
  });

  it('every count from 1 to 9 is masked, and no row or column of a bar has exactly one masked count', async () => {
    const results = await ktoResults([...args, '--suppress']);
    const breakdown = results.breakdowns?.[0];
    if (breakdown === undefined) throw new Error('no breakdown');
    const cells = breakdown.disclosure.cells;
    const isMasked = (column: string, group: string, category: string): boolean => cells.some((c) => c.column === column && c.group === group && c.category === category);
    // The counts from the CSV, read here apart from cj.
    const rows = readFileSync(join(ktoDir, 'responses.csv'), 'utf8').trim().split('\n').map((line) => line.split(';'));
    const header = rows[0] ?? [];
    const spelling: Record<string, string> = { 'helemaal mee oneens': 'helemaal_oneens', 'mee oneens': 'oneens', neutraal: 'neutraal', 'mee eens': 'eens', 'helemaal mee eens': 'helemaal_eens' };
    const categories = Object.values(spelling);
    for (const column of ['vriendelijk', 'deskundig', 'serieus_genomen', 'uitleg_duidelijk', 'brieven_begrijpelijk', 'bereikbaarheid', 'afspraken_nagekomen']) {
      const index = header.indexOf(column);
      const count = (group: string, category: string): number =>
        rows.slice(1).filter((row) => row[2]?.toLowerCase() === group && spelling[row[index] ?? ''] === category).length;
      for (const group of ['haarlem', 'zandvoort']) {
        for (const category of categories) {
          const n = count(group, category);
          if (n > 0 && n < 10) expect(isMasked(column, group, category), `${column} ${group} ${category} = ${n}`).toBe(true);
        }
        const inRow = categories.filter((category) => isMasked(column, group, category)).length;
        expect(inRow === 0 || inRow >= 2, `${column} ${group}`).toBe(true);
      }
      for (const category of categories) {
        const inColumn = ['haarlem', 'zandvoort'].filter((group) => isMasked(column, group, category)).length;
        expect(inColumn === 0 || inColumn >= 2, `${column} ${category}`).toBe(true);
      }
    }
    expect(cells.some((c) => c.reason === 'small')).toBe(true);
    expect(cells.some((c) => c.reason === 'secondary')).toBe(true);
  });

  it('masked in the CSV (x), the page and the figure with its spec; results.json keeps the counts', async () => {
    const cwd = tempDir();
    const result = await run(['analyse', responses, '--survey', survey, ...args, '--suppress', '--out', 'out'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const csv = readFileSync(join(cwd, 'out', 'uitsplitsing-gemeente.csv'), 'utf8');
    expect(csv).toContain('1,vriendelijk,Zandvoort,173,x,x,16,99,47\n');
    expect(csv).toContain('1,vriendelijk,Haarlem,1044,x,x,86,578,288\n');
    const spec = readFileSync(join(cwd, 'out', 'uitsplitsing-gemeente-figuur-1.vl.json'), 'utf8');
    const svg = readFileSync(join(cwd, 'out', 'uitsplitsing-gemeente-figuur-1.svg'), 'utf8');
    for (const text of [spec, svg]) {
      expect(text).toContain('gemaskeerd');
      expect(text).not.toMatch(/Zandvoort \(n=173\), helemaal mee oneens/);
      expect(text).not.toMatch(/Haarlem \(n=1044\), mee oneens/);
    }
    const page = readFileSync(join(cwd, 'out', 'index.html'), 'utf8');
    expect(page).toContain('id="uitsplitsing-gemeente"');
    // The page shows the figure (with its grey segment) and shares satisfied, none of them from a masked count here.
    expect(page).toContain('Gemaskeerd: aantallen onder 10');
    const results = JSON.parse(readFileSync(join(cwd, 'out', 'results.json'), 'utf8')) as Results;
    const zandvoort = results.breakdowns?.[0]?.groups.find((g) => g.key === 'zandvoort');
    expect(zandvoort?.figures[0]?.bars[0]?.counts['helemaal_oneens']).toBe(1);
    expect(results.breakdowns?.[0]?.disclosure.masked).toBe(true);
  });
});

describe('--layout diverging and --labels on the report\'s figures', () => {
  it('figure 2 of Haarlem 2016, "melden op het Werkplein" (1 negatief, 8 neutraal, 5 positief, 2 n.v.t.): neutral centred on 0, n.v.t. apart', async () => {
    const { divergingSpec } = await import('../../src/render/layout-spec.js');
    const { fixtureResults } = await import('./fixture-results.js');
    const figure = (await fixtureResults()).figures.find((f) => f.id === '2');
    if (figure === undefined) throw new Error('no figure 2');
    const spec = divergingSpec(figure, messages.nl, textWidth, 'count') as unknown as { data: { values: { barOrder: number; category: string; start: number; end: number; middle: number; text: string }[] } };
    const first = spec.data.values.filter((d) => d.barOrder === 0);
    // By hand: n = 14 with an opinion; left edge −(1/14 + ½·8/14)·100 = −35.714…
    expect(first.map((d) => d.category)).toEqual(['Negatief', 'Neutraal', 'Positief']);
    expect(first[0]?.start).toBeCloseTo(-(100 / 14 + 400 / 14), 10);
    expect(first[1]?.middle).toBeCloseTo(0, 10);
    expect(first[2]?.end).toBeCloseTo(100 - (100 / 14 + 400 / 14), 10);
    expect(JSON.stringify(spec)).toContain('melden op het Werkplein (n.v.t.: 2)');
    expect(JSON.stringify(spec)).not.toContain('"category":"n.v.t."');
  });

  it('--labels percent: the segment of 8 of 16 says 50% (the report\'s percentages)', async () => {
    const { withSegmentLabels } = await import('../../src/render/layout-spec.js');
    const { figureFileSpec } = await import('../../src/render/figures.js');
    const { fixtureResults } = await import('./fixture-results.js');
    const figure = (await fixtureResults()).figures.find((f) => f.id === '2');
    if (figure === undefined) throw new Error('no figure 2');
    const spec = withSegmentLabels(figureFileSpec(figure), figure, 'percent', textWidth) as unknown as { data: { values: { count: number; text: string }[] } };
    expect(spec.data.values.filter((d) => d.count === 8).map((d) => d.text)).toEqual(['50%']);
    expect(withSegmentLabels(figureFileSpec(figure), figure, 'count', textWidth)).toEqual(figureFileSpec(figure));
  });

  it('the run writes the diverging figures and the page shows them', async () => {
    const cwd = tempDir();
    const result = await run(['analyse', join(repoRoot, 'fixtures', 'haarlem-2016.csv'), '--layout', 'diverging', '--labels', 'both', '--out', 'out'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const svg = readFileSync(join(cwd, 'out', 'figuur-2.svg'), 'utf8');
    expect(svg).toContain('percentage van de antwoorden');
    expect(readFileSync(join(cwd, 'out', 'index.html'), 'utf8')).toContain('percentage van de antwoorden');
  });
});
