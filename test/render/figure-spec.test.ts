import { describe, expect, it } from 'vitest';
import type { FigureResult } from '../../src/count/results.js';
import { contrastRatio, figureSpec, segmentData, textColorOn, wrapText, type SegmentDatum } from '../../src/render/figure-spec.js';
import { fixtureResults } from './fixture-results.js';

async function figure(id: string): Promise<FigureResult> {
  const found = (await fixtureResults()).figures.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no figure ${id}`);
  return found;
}

/** The parts of a figure's spec these tests look into. */
interface PlainSpec {
  readonly title: { readonly text: string; readonly subtitle: string };
  readonly data: { readonly values: readonly SegmentDatum[] };
  readonly vconcat: readonly [
    {
      readonly layer: readonly [
        {
          readonly transform: readonly unknown[];
          readonly encoding: {
            readonly x: { readonly scale: { readonly domain: readonly number[] } };
            readonly color: { readonly scale: { readonly domain: readonly string[]; readonly range: readonly string[] }; readonly legend: { readonly orient: string } };
          };
        },
        { readonly transform: readonly unknown[] },
      ];
    },
    { readonly mark: { readonly text: readonly string[] } }?,
  ];
}

/** The spec as plain JSON, to look into without the spec's union types. */
const plain = (spec: unknown): PlainSpec => JSON.parse(JSON.stringify(spec)) as PlainSpec;

describe('figureSpec on the fixture', () => {
  it('figure 2: one row per bar and category, in the report order, counts as REFERENCE.md prints them', async () => {
    const rows = segmentData(await figure('2'));
    expect(rows.map((row) => [row.bar, row.category, row.count])).toEqual([
      ['melden op het Werkplein', 'Negatief', 1],
      ['melden op het Werkplein', 'Neutraal', 8],
      ['melden op het Werkplein', 'Positief', 5],
      ['melden op het Werkplein', 'n.v.t.', 2],
      ['contact medewerker', 'Negatief', 2],
      ['contact medewerker', 'Neutraal', 10],
      ['contact medewerker', 'Positief', 2],
      ['contact medewerker', 'n.v.t.', 2],
    ]);
    expect(rows.map((row) => [row.start, row.end])).toEqual([
      [0, 1], [1, 9], [9, 14], [14, 16],
      [0, 2], [2, 12], [12, 14], [14, 16],
    ]);
  });

  it('figure 8: disagree on the left, agree on the right (the Results order, not the report legend)', async () => {
    const spec = plain(figureSpec(await figure('8')));
    expect(spec.vconcat[0].layer[0].encoding.color.scale.domain).toEqual(['(helemaal) mee oneens', 'neutraal', '(helemaal) mee eens']);
    const vriendelijk = segmentData(await figure('8')).filter((row) => row.barOrder === 0);
    expect(vriendelijk.map((row) => row.count)).toEqual([2, 6, 10]);
  });

  it('figure 3 contact medewerker: the empty Negatief segment is neither drawn nor labelled', async () => {
    const rows = segmentData(await figure('3')).filter((row) => row.bar === 'contact medewerker');
    expect(rows[0]).toMatchObject({ category: 'Negatief', count: 0, countShown: false });
    const spec = plain(figureSpec(await figure('3')));
    expect(spec.vconcat[0].layer[0].transform).toEqual([{ filter: { field: 'count', gt: 0 } }]);
    expect(spec.vconcat[0].layer[1].transform).toEqual([{ filter: { field: 'countShown', equal: true } }]);
  });

  it('every figure: title "Figuur N", the caption as subtitle, x from 0 to N, colours from the Results', async () => {
    for (const result of (await fixtureResults()).figures) {
      const spec = plain(figureSpec(result));
      expect(spec.title).toEqual({ text: `Figuur ${result.id}`, subtitle: result.title });
      const bars = spec.vconcat[0].layer[0].encoding;
      expect(bars.x.scale.domain).toEqual([0, result.N]);
      expect(bars.color.scale.range).toEqual(result.categories.map((category) => category.color));
      expect(bars.color.legend.orient).toBe('bottom');
      // Every non-empty segment of the fixture is wide enough for its count.
      expect(spec.data.values.filter((row) => row.count > 0 && !row.countShown)).toEqual([]);
    }
  });

  it('figures 5–8 carry their footnote under the chart; figures 1–4 have none', async () => {
    for (const result of (await fixtureResults()).figures) {
      const spec = plain(figureSpec(result));
      if (result.footnote === null) {
        expect(spec.vconcat).toHaveLength(1);
      } else {
        expect(spec.vconcat[1]?.mark.text.join(' ')).toBe(result.footnote);
      }
    }
    expect((await figure('7')).footnote).toBe(
      '* Gegevens van één aanvrager mogen niet meegenomen worden en één aanvrager had op het moment van besluit de bijstandsuitkering niet meer nodig',
    );
  });

  it('the spec is plain JSON: it survives a round trip unchanged (the .vl.json opens as-is)', async () => {
    const spec = figureSpec(await figure('8'));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});

describe('count colour', () => {
  it('black or white, whichever contrasts more, and at least 4.5:1 on every colour of the definition', async () => {
    const colours = new Set((await fixtureResults()).figures.flatMap((result) => result.categories.map((category) => category.color)));
    for (const colour of colours) {
      const text = textColorOn(colour);
      expect(contrastRatio(colour, text), `${text} on ${colour}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(textColorOn('#1f5f99')).toBe('#ffffff');
    expect(textColorOn('#e66101')).toBe('#000000');
    expect(textColorOn('#bdbdbd')).toBe('#000000');
  });

  it('contrast ratio: black on white is 21, a colour on itself is 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('refuses a colour that is not #rrggbb (the schemas let none in): it would be written into SVG and CSS', () => {
    expect(() => textColorOn('url(https://example.org/x.svg#p)')).toThrow(/#rrggbb/);
    expect(() => textColorOn('#fff')).toThrow(/#rrggbb/);
  });
});

describe('wrapText', () => {
  it('breaks at spaces into lines that fit, keeping every word', () => {
    const fits = (line: string): boolean => line.length <= 12;
    expect(wrapText('een twee drie vier vijf', fits)).toEqual(['een twee', 'drie vier', 'vijf']);
    expect(wrapText('onderzoeksbureau x', fits)).toEqual(['onderzoeksbureau', 'x']);
  });
});
