/**
 * Vega-Lite spec → SVG text, the same bytes on every machine: text is measured with the advance
 * widths of the font cj ships (not with a canvas that may or may not be installed), and the ids
 * of SVG definitions restart at every render.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { loadCachedScript } from './cached-script.js';
import { budgetForDrawing } from './jit.js';
import { fill, holesIn, shapeOf } from './spec-shape.js';

// Resolves to the same files from src/render/ (tests) and dist/bundle/ (the built CLI, and the
// build step that writes fonts.json and shapes.json there).
export const fontFiles = {
  regular: fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url)),
  bold: fileURLToPath(new URL('../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url)),
} as const;

/** Horizontal advance of each character of a font: font units per BMP code point, -1 for none. */
interface AdvanceWidths {
  readonly unitsPerEm: number;
  readonly units: Int32Array;
  /** The advance of glyph 0, drawn for a character the font lacks. */
  readonly missing: number;
}

/**
 * Reads the advance widths of a TrueType font: the `cmap` (format 4, Unicode BMP) maps
 * characters to glyphs, `hmtx` gives each glyph's advance, `head` the units per em.
 * Kerning is left out, as a canvas without text shaping would.
 */
function readAdvanceWidths(path: string): AdvanceWidths {
  const font = readFileSync(path);
  const tables = new Map<string, number>();
  const tableCount = font.readUInt16BE(4);
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + i * 16;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${path}: font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const metricCount = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number): number => font.readUInt16BE(hmtx + Math.min(glyph, metricCount - 1) * 4);

  const cmap = table('cmap');
  let subtable: number | undefined;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const offset = cmap + font.readUInt32BE(record + 4);
    if (((platform === 3 && encoding === 1) || platform === 0) && font.readUInt16BE(offset) === 4) subtable = offset;
  }
  if (subtable === undefined) throw new Error(`${path}: font has no Unicode cmap (format 4)`);
  const segments = font.readUInt16BE(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const units = new Int32Array(0x10000).fill(-1);
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(ends + s * 2);
    const start = font.readUInt16BE(starts + s * 2);
    const delta = font.readInt16BE(deltas + s * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff;
      } else {
        const at = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2;
        const raw = font.readUInt16BE(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) units[code] = advance(glyph);
    }
  }
  return { unitsPerEm, units, missing: advance(0) };
}

/**
 * A font's advance widths as JSON: each run of consecutive characters the font has, as its first
 * code point followed by their advances. The build writes both fonts' (dist/bundle/fonts.json):
 * a run reads that instead of scanning 1.4 MB of font files.
 */
export interface PackedWidths {
  readonly unitsPerEm: number;
  readonly missing: number;
  readonly runs: readonly (readonly number[])[];
}

function pack(widths: AdvanceWidths): PackedWidths {
  const runs: number[][] = [];
  let run: number[] | undefined;
  widths.units.forEach((units, code) => {
    if (units < 0) run = undefined;
    else if (run === undefined) runs.push((run = [code, units]));
    else run.push(units);
  });
  return { unitsPerEm: widths.unitsPerEm, missing: widths.missing, runs };
}

function unpack(packed: PackedWidths): AdvanceWidths {
  const units = new Int32Array(0x10000).fill(-1);
  for (const run of packed.runs) {
    const start = run[0] ?? 0;
    for (let i = 1; i < run.length; i++) units[start + i - 1] = run[i] ?? -1;
  }
  return { unitsPerEm: packed.unitsPerEm, units, missing: packed.missing };
}

/** Both fonts' widths, read from the font files: what the build writes to fonts.json. */
export function packedFontWidths(): { regular: PackedWidths; bold: PackedWidths } {
  return { regular: pack(readAdvanceWidths(fontFiles.regular)), bold: pack(readAdvanceWidths(fontFiles.bold)) };
}

let metrics: { regular: AdvanceWidths; bold: AdvanceWidths } | undefined;

function loadMetrics(): { regular: AdvanceWidths; bold: AdvanceWidths } {
  try {
    // Beside the bundle's chunks when built; absent when running from the sources (tests).
    const built = JSON.parse(readFileSync(new URL('./fonts.json', import.meta.url), 'utf8')) as { regular: PackedWidths; bold: PackedWidths };
    return { regular: unpack(built.regular), bold: unpack(built.bold) };
  } catch {
    return { regular: readAdvanceWidths(fontFiles.regular), bold: readAdvanceWidths(fontFiles.bold) };
  }
}

/** Vega's text measuring hook (exported by vega-scenegraph, absent from vega's typings). */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

/** Text item properties Vega passes to a width function. */
interface TextItem {
  readonly fontSize?: number | string | null;
  readonly fontWeight?: number | string | null;
  readonly limit?: number;
  readonly ellipsis?: string;
}

function isBold(weight: TextItem['fontWeight']): boolean {
  return weight === 'bold' || weight === 'bolder' || (weight !== null && weight !== undefined && Number(weight) >= 600);
}

/** Width in pixels of one line of text as the shipped DejaVu Sans draws it. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  metrics ??= loadMetrics();
  const font = bold ? metrics.bold : metrics.regular;
  let em = 0;
  for (const character of text) {
    const units = font.units[character.codePointAt(0) ?? 0] ?? -1;
    em += (units < 0 ? font.missing : units) / font.unitsPerEm;
  }
  return em * fontSize;
}

/** Vega's `textMetrics.width`: the item's text (already cut to its limit by Vega) measured. */
function itemWidth(item: TextItem, text: unknown): number {
  const fontSize = item.fontSize === null || item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
  const line = text === null || text === undefined ? '' : String(text).trim();
  return textWidth(line, fontSize, isBold(item.fontWeight));
}

/** Renders run one after another: the text measure and the SVG id counter are Vega's globals. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders a Vega-Lite spec to SVG text. Vega loads on the first call, so commands that draw no
 * figures do not pay for it. Vega-Lite's compiler and Vega's parser run once per shape of figure
 * (spec-shape.ts): on the shapes the build compiled (dist/bundle/shapes.json) not at all, on
 * another shape once in a run; each figure then only gets its content put back. A figure whose
 * content the compilers do more with than copy it is compiled as it is.
 */
export function renderSvg(spec: TopLevelSpec): Promise<string> {
  const rendered = queue.then(() => renderNow(spec));
  queue = rendered.catch(() => undefined);
  return rendered;
}

/** Vega's dataflow description of a spec: what `vega.parse` makes of Vega-Lite's Vega spec. */
type Runtime = ReturnType<typeof import('vega').parse>;

/** A compiled shape: its JSON text, and where in it fill looks (spec-shape.ts, holesIn). */
export interface CompiledShape {
  readonly json: string;
  readonly holes: readonly number[];
}

/** Compiled shapes by key: those of the build, then those compiled in this run. */
let shapes: Map<string, CompiledShape> | undefined;

function builtShapes(): Map<string, CompiledShape> {
  try {
    // Beside the bundle's chunks when built; absent when running from the sources (tests). Each
    // shape is held as text: parsing 300 kB of objects once cost more than filling them all.
    const built = JSON.parse(readFileSync(new URL('./shapes.json', import.meta.url), 'utf8')) as Record<string, CompiledShape>;
    return new Map(Object.entries(built));
  } catch {
    return new Map();
  }
}

/** All of Vega, Vega-Lite and the drawing part, one copy of each Vega package (vega-full.ts). */
interface FullVega {
  readonly vega: typeof import('vega');
  readonly vegaLite: typeof import('vega-lite');
  readonly draw: Draw;
}

let fullVega: Promise<FullVega> | undefined;

/**
 * Vega and Vega-Lite, loaded the first time a run compiles a figure: in the built CLI their
 * script (dist/bundle/vega-full.cjs) through V8's code cache; from the sources, the modules.
 */
function loadFullVega(): Promise<FullVega> {
  fullVega ??= (async () => {
    const script = fileURLToPath(new URL('./vega-full.cjs', import.meta.url));
    if (existsSync(script)) return loadCachedScript(script, { saveOnExit: true }).exports as FullVega;
    const [vega, vegaLite, draw] = await Promise.all([import('vega'), import('vega-lite'), import('./vega-draw.js')]);
    return { vega, vegaLite, draw: draw as Draw };
  })();
  return fullVega;
}

/** Compiles a spec (or a shape's skeleton) with Vega-Lite and parses the result with Vega. */
export async function compileSpec(spec: unknown): Promise<Runtime> {
  const { vega, vegaLite } = await loadFullVega();
  return vega.parse(vegaLite.compile(spec as TopLevelSpec).spec);
}

/** A shape's skeleton compiled, as the build's shapes.json holds it. */
export async function compileShape(skeleton: unknown): Promise<CompiledShape> {
  const json = JSON.stringify(await compileSpec(skeleton));
  return { json, holes: holesIn(json) };
}

/** A figure's Vega dataflow, and whether it came from a shape the build compiled. */
async function runtimeOf(spec: TopLevelSpec): Promise<{ runtime: Runtime; built: boolean }> {
  shapes ??= builtShapes();
  const shape = shapeOf(spec);
  let compiled = shapes.get(shape.key);
  const built = compiled !== undefined;
  if (compiled === undefined) {
    compiled = await compileShape(shape.skeleton);
    shapes.set(shape.key, compiled);
  }
  const filled = fill(compiled.json, shape.content, compiled.holes) as Runtime | undefined;
  return filled === undefined ? { runtime: await compileSpec(spec), built: false } : { runtime: filled, built };
}

/** What renderNow uses of Vega: the part that draws (vega-draw.ts), typed as `vega` types it. */
interface Draw {
  readonly View: typeof import('vega').View;
  readonly resetSVGDefIds: typeof import('vega').resetSVGDefIds;
  readonly textMetrics: TextMetrics;
  readonly expressionCodegen: ExpressionCodegen;
}

/** A runtime context as Vega's expression code generator sees it. */
interface ExpressionContext {
  readonly functions?: object;
}
type Generate = (ctx: ExpressionContext | null | undefined, expression: unknown) => (...args: unknown[]) => unknown;

/**
 * vega-runtime's expression code generator: one function per kind of expression, each making a
 * Function from the expression's code and binding it to the context's functions.
 */
interface ExpressionCodegen {
  readonly operator: Generate;
  readonly parameter: Generate;
  readonly event: Generate;
  readonly handler: Generate;
  readonly encode: Generate;
}

/**
 * Vega's code generator, but each distinct expression made into a Function once per run: every
 * group of a figure (and every figure) parses its dataflow again, and making the same Functions
 * again and again was the largest single cost of drawing. Each context still gets the function
 * bound to its own functions, as Vega's generator gives it.
 */
function madeOnce(codegen: ExpressionCodegen): ExpressionCodegen {
  const made = new Map<string, (...args: unknown[]) => unknown>();
  const once =
    (kind: keyof ExpressionCodegen): Generate =>
    (ctx, expression) => {
      if (ctx?.functions === undefined) return codegen[kind](ctx, expression);
      // The expression as Vega's runtime spec holds it: plain JSON (its code, for encode also the mark type).
      const key = `${kind}\u0000${JSON.stringify(expression)}`;
      let unbound = made.get(key);
      if (unbound === undefined) made.set(key, (unbound = codegen[kind](null, expression)));
      return unbound.bind(ctx.functions);
    };
  return { ...codegen, operator: once('operator'), parameter: once('parameter'), event: once('event'), handler: once('handler'), encode: once('encode') };
}

/** madeOnce of each drawing part (the script and the module have their own Vega). */
const codegens = new WeakMap<Draw, ExpressionCodegen>();

let drawPart: Draw | undefined;

/**
 * Vega's drawing part for a runtime of the build's shapes: in the built CLI its script form
 * (dist/bundle/vega-draw.cjs, built from vega-draw.ts) through V8's code cache
 * (cached-script.ts); from the sources, the module.
 */
async function builtDrawPart(): Promise<Draw> {
  if (drawPart !== undefined) return drawPart;
  const script = fileURLToPath(new URL('./vega-draw.cjs', import.meta.url));
  if (!existsSync(script)) return (drawPart = (await loadFullVega()).draw);
  return (drawPart = loadCachedScript(script, { saveOnExit: true }).exports as Draw);
}

async function renderNow(spec: TopLevelSpec): Promise<string> {
  budgetForDrawing();
  const { runtime, built } = await runtimeOf(spec);
  // A runtime compiled in this run loaded all of `vega` (every transform, registered in its copy
  // of the dataflow); the build's shapes use only those vega-draw.ts registers (scripts/build.mjs
  // checks).
  const vega = built ? await builtDrawPart() : (await loadFullVega()).draw;
  const { textMetrics } = vega;
  const previousWidth = textMetrics.width;
  textMetrics.width = itemWidth;
  try {
    vega.resetSVGDefIds();
    let expr = codegens.get(vega);
    if (expr === undefined) codegens.set(vega, (expr = madeOnce(vega.expressionCodegen)));
    const view = new vega.View(runtime, { renderer: 'none', expr } as ConstructorParameters<typeof vega.View>[1]);
    const svg = await view.toSVG();
    view.finalize();
    return svg.endsWith('\n') ? svg : `${svg}\n`;
  } finally {
    textMetrics.width = previousWidth;
  }
}
