/**
 * Figure shapes (src/render/spec-shape.ts): compiling a shape once and putting each figure's
 * content back must give what Vega-Lite's compiler and Vega's parser give for the figure itself;
 * where the compilers do more with the content than copy it, fill refuses and renderSvg compiles
 * the figure as it is. The reference is vega-lite and vega themselves, run on the whole spec.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { messages } from '../../src/messages.js';
import { figureFileSpec } from '../../src/render/figures.js';
import { leadTimeSpec } from '../../src/render/lead-time-spec.js';
import { fill, shapeOf } from '../../src/render/spec-shape.js';
import { compileSpec, renderSvg, textWidth } from '../../src/render/svg.js';
import { fixtureResults } from './fixture-results.js';
import { hostileFigure } from './hostile-figure.js';

/** As JSON: the compilers leave properties undefined that JSON, and Vega, pass over. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

async function viaShape(spec: TopLevelSpec): Promise<unknown> {
  const shape = shapeOf(spec);
  return fill(plain(await compileSpec(shape.skeleton)), shape.content);
}

async function projectSpecs(): Promise<[string, TopLevelSpec][]> {
  const results = await fixtureResults();
  const specs: [string, TopLevelSpec][] = [];
  for (const lang of ['nl', 'en'] as const) {
    for (const figure of results.figures) specs.push([`${lang} figure ${figure.id}`, figureFileSpec(figure, messages[lang])]);
    if (results.leadTimes !== undefined) specs.push([`${lang} lead times`, leadTimeSpec(results.leadTimes, messages[lang], (text, size) => textWidth(text, size))]);
  }
  specs.push(['hostile figure', figureFileSpec(hostileFigure(results.figures[7]!))]);
  return specs;
}

describe('a shape compiled once, the content put back', () => {
  it('gives the Vega dataflow of every figure the report draws, as compiling the figure itself does', async () => {
    for (const [name, spec] of await projectSpecs()) {
      expect(await viaShape(spec), name).toEqual(plain(await compileSpec(spec)));
    }
  });

  it('the fixture\'s eight figures and lead times share shapes: content (texts, N, data) is not part of the key', async () => {
    const specs = await projectSpecs();
    const keys = new Set(specs.map(([, spec]) => shapeOf(spec).key));
    expect(keys.size).toBeLessThan(specs.length / 2);
    // Dutch and English figures differ only in their texts.
    const results = await fixtureResults();
    const figure = results.figures[0]!;
    expect(shapeOf(figureFileSpec(figure, messages.en)).key).toBe(shapeOf(figureFileSpec(figure, messages.nl)).key);
  });

  it('equal values share one hole, so a shape keeps which content is equal', () => {
    const spec = { title: { text: 'A', subtitle: 'A' }, description: 'B', data: { values: [{ x: 1 }] }, mark: 'bar' };
    const shape = shapeOf(spec);
    expect(shape.content).toEqual(['A', 'B', [{ x: 1 }]]);
    expect(shapeOf({ ...spec, description: 'A' }).key).not.toBe(shape.key);
    expect(shapeOf({ ...spec, title: { text: 'C', subtitle: 'C' }, data: { values: [{ x: 2 }, { x: 3 }] } }).key).toBe(shape.key);
  });

  it('titles the compiler merges into one text are refused, and that figure is drawn from its own spec', async () => {
    // Two layers with their own x titles share one axis, titled "first, second".
    const layer = (field: string, title: string) => ({ mark: 'tick' as const, encoding: { x: { field, type: 'quantitative' as const, title }, y: { field: 'b', type: 'nominal' as const } } });
    const spec: TopLevelSpec = { data: { values: [{ a: 3, b: 'x', c: 4 }] }, layer: [layer('a', 'Aantal'), layer('c', 'Dagen')] };
    expect(JSON.stringify(plain(await compileSpec(spec)))).toContain('Aantal, Dagen');
    expect(await viaShape(spec)).toBeUndefined();
    expect(await renderSvg(spec)).toContain('>Aantal, Dagen</text>');
  });

  it('content that looks like a hole is put back as it is, never searched for holes', async () => {
    const title = 'Cohort 7000000000000 cjhole0q "cjhole1q" _private';
    const spec: TopLevelSpec = {
      title: { text: title, subtitle: '7000000000001' },
      data: { values: [{ a: 7000000000000, b: 'cjhole0q' }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative', title: 'a' }, y: { field: 'b', type: 'nominal', title: '_b' } },
    };
    const direct = plain(await compileSpec(spec));
    const shaped = await viaShape(spec);
    if (shaped !== undefined) expect(shaped).toEqual(direct);
    const svg = await renderSvg(spec);
    expect(svg).toContain('>Cohort 7000000000000 cjhole0q "cjhole1q" _private</text>');
    expect(svg).toContain('>7000000000001</text>');
  });

  it('a sentinel the compiler computes with is refused', () => {
    const shape = shapeOf({ mark: 'text', encoding: { x: { value: 7 } } });
    const [sentinel] = JSON.stringify(shape.skeleton).match(/\d{13}/) ?? [];
    expect(fill({ width: Number(sentinel) + 1 }, shape.content)).toBeUndefined();
    expect(fill({ width: Number(sentinel) }, shape.content)).toEqual({ width: 7 });
  });
});
