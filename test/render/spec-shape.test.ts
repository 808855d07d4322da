/**
 * Figure shapes (src/render/spec-shape.ts): compiling a shape once and putting each figure's
 * content back must give what Vega-Lite's compiler and Vega's parser give for the figure itself;
 * where the compilers do more with the content than copy it, fill refuses and renderSvg compiles
 * the figure as it is. The reference is vega-lite and vega themselves, run on the whole spec.
 */
import fc from 'fast-check';
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
  return fill(JSON.stringify(await compileSpec(shape.skeleton)), shape.content);
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
    expect(fill(JSON.stringify({ width: Number(sentinel) + 1 }), shape.content)).toBeUndefined();
    expect(fill(JSON.stringify({ width: Number(sentinel) }), shape.content)).toEqual({ width: 7 });
  });
});

/**
 * The reference for fill: the plain walk over the compiled objects that fill replaced (fill now
 * works on the JSON text), written out here with the sentinel rule of spec-shape.ts's header:
 * hole h of a number like n is sign(n) × (7e12 + h), plus a half for a fraction.
 */
function fillByWalking(compiled: unknown, content: readonly unknown[]): unknown {
  const sentinelOf = (hole: number, like: number): number => Math.sign(like) * (7e12 + hole + (Number.isInteger(like) ? 0 : 0.5));
  const sentinels = new Map<number, number>();
  content.forEach((value, hole) => typeof value === 'number' && sentinels.set(sentinelOf(hole, value), hole));
  const used = content.map(() => false);
  let whole = true;
  const valueOf = (hole: number): unknown => {
    // A token outside the content (beyond it, a negative or fractional data index) is no hole of this shape: refused.
    if (!Number.isInteger(hole) || hole < 0 || hole >= content.length) whole = false;
    used[hole] = true;
    return content[hole];
  };
  const number = (n: number): unknown => {
    if (Math.abs(n) < 3.5e12) return n;
    const hole = sentinels.get(n);
    if (hole === undefined) whole = false;
    return hole === undefined ? n : valueOf(hole);
  };
  const inCode = (code: string): string =>
    code
      .replace(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, (text) => String(number(Number(text))))
      .replace(/"cjhole(\d+)q"|cjhole\d+q/g, (quoted: string, hole?: string) => {
        const value = hole === undefined ? undefined : valueOf(Number(hole));
        if (typeof value !== 'string') whole = false;
        return typeof value === 'string' ? JSON.stringify(value) : quoted;
      });
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const alone = /^cjhole(\d+)q$/.exec(node);
      if (alone !== null) return valueOf(Number(alone[1]));
      return node.includes('cjhole') || /\d{12}/.test(node) ? inCode(node) : node;
    }
    if (typeof node === 'number') return number(node);
    if (Array.isArray(node)) {
      const only = node[0] as Record<string, unknown> | undefined;
      if (node.length === 1 && typeof only?.['__cjdata'] === 'number' && Object.keys(only).length === 1) return valueOf(only['__cjdata']);
      return node.map(walk);
    }
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([name, value]) => [name, walk(value)]));
  };
  const filled = walk(compiled);
  return whole && used.every(Boolean) ? filled : undefined;
}

describe('fill on the JSON text', () => {
  // Content: texts (with quotes, backslashes and what looks like holes), non-zero numbers, rows.
  const text = fc.oneof(fc.string(), fc.constantFrom('a "b" \\c', 'cjhole0q', '7000000000001', 'Figuur 1'));
  const number = fc.oneof(fc.integer({ min: -1000, max: 1000 }).filter((n) => n !== 0), fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((n) => n !== 0));
  const rows = fc.array(fc.record({ bar: text, count: fc.integer() }), { minLength: 1, maxLength: 3 });
  const contentOf = fc.array(fc.oneof(text, number, rows), { minLength: 1, maxLength: 6 });
  const sentinel = (hole: number, like: number): number => Math.sign(like) * (7e12 + hole + (Number.isInteger(like) ? 0 : 0.5));

  /** Where the compilers put hole h of `content`: the token, the sentinel, or the data rows. */
  const holeOf = (content: readonly unknown[], h: number): unknown => {
    const value = content[h];
    return typeof value === 'number' ? sentinel(h, value) : Array.isArray(value) ? [{ __cjdata: h }] : `cjhole${h}q`;
  };

  /**
   * A compiled-like tree over `content`: every hole once where the compilers put it, and more of
   * them, in code and out of place, at random.
   */
  const treeOf = (content: readonly unknown[]): fc.Arbitrary<unknown> => {
    const hole = fc.nat({ max: content.length - 1 });
    const odd = fc.oneof(
      fc.constantFrom(7e12, -7000000000003.5, 12345678901234, 'cjhole9q'),
      hole.map((h) => `"cjhole${h}q" + cjhole${h}q`),
      hole.map((h) => `scale("x", ${7e12 + h}) + 1e13`),
    );
    const leaf = fc.oneof(
      { arbitrary: text, weight: 4 },
      { arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(true, false, null)), weight: 4 },
      { arbitrary: hole.map((h) => holeOf(content, h)), weight: 4 },
      { arbitrary: hole.map((h) => (typeof content[h] === 'string' ? `datum["x"] === "cjhole${h}q" ? 1 : 0` : 'datum.x')), weight: 2 },
      { arbitrary: hole.map((h) => (typeof content[h] === 'number' ? `scale("x", ${sentinel(h, content[h])})` : 'width')), weight: 2 },
      { arbitrary: odd, weight: 1 },
    );
    const key = fc.oneof(fc.string(), hole.map((h) => `cjhole${h}q`), fc.constantFrom('__cjdata', 'signal', 'code'));
    const body = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    return body.map((node) => ({ node, holes: content.map((_, h) => holeOf(content, h)) }));
  };

  it('puts back what walking the objects puts back, and refuses what it refuses', () => {
    let filled = 0;
    fc.assert(
      fc.property(
        contentOf.chain((content) => fc.tuple(fc.constant(content), treeOf(content))),
        ([content, tree]) => {
          const json = JSON.stringify(tree);
          const expected = fillByWalking(JSON.parse(json), content);
          if (expected !== undefined) filled++;
          expect(fill(json, content)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
    // Both outcomes are exercised, not only refusals.
    expect(filled).toBeGreaterThan(500);
    expect(filled).toBeLessThan(1900);
  });

  it('fills a hole in a property value, in quoted code and in data, and leaves property names alone', () => {
    const compiled = { cjhole0q: 'cjhole0q', code: 'datum["cjhole0q"] + 7000000000001', values: [{ __cjdata: 2 }] };
    expect(fill(JSON.stringify(compiled), ['a "b"', 5, [{ x: 'cjhole0q' }]])).toEqual({
      cjhole0q: 'a "b"',
      code: 'datum["a \\"b\\""] + 5',
      values: [{ x: 'cjhole0q' }],
    });
    expect(fill(JSON.stringify(compiled), ['a', 5, [{ x: 1 }], 'unused'])).toBeUndefined();
  });

  it('refuses a data index that is no whole number in range, as written in JSON (CI seed -158946562)', () => {
    const shape = (index: number): string => JSON.stringify({ n: 'cjhole0q', values: [{ __cjdata: 1 }], more: [{ __cjdata: index }] });
    const content = ['a', [{ x: 1 }]];
    expect(fill(shape(1), content)).toEqual({ n: 'a', values: [{ x: 1 }], more: [{ x: 1 }] });
    for (const index of [-5e-324, 0.5, 1.5, -1, 2, 1e21]) expect(fill(shape(index), content)).toBeUndefined();
  });
});
