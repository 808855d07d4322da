/**
 * A figure's shape: its spec with the content taken out, so that Vega-Lite's compiler and Vega's
 * parser run once per shape and each figure of that shape only has its content put back.
 *
 * Content is what those compilers copy through without looking at it: the inline data, the texts
 * (title, subtitle, description, the `text` of a mark, the items of a scale's domain and range)
 * and the non-zero numbers of a scale's domain and range, of axis `values` and of a channel's
 * `value`. Each distinct value becomes one hole, a string token or a sentinel number far from
 * any figure's, so equal values stay equal and the key (the spec with holes) says which are.
 * Filling checks that every hole came out whole where a value can stand: a token inside a longer
 * string (a title merged into a label, say) or a sentinel that was computed with makes `fill`
 * return undefined, and the caller compiles that figure as it is.
 */

/** A spec with holes where its content was, and the content in the holes' order. */
export interface SpecShape {
  /** The spec with holes, as JSON: equal for specs that compile alike. */
  readonly key: string;
  readonly skeleton: unknown;
  readonly content: readonly unknown[];
}

/** A plain word: Vega-Lite treats a title starting with "_" as private, so no token does. */
const tokenOf = (hole: number): string => `cjhole${hole}q`;
/** Sentinels: integers stay integers, fractions fractions, and the sign is kept. */
const SENTINEL_BASE = 7e12;
const isSentinelSized = (n: number): boolean => Math.abs(n) >= SENTINEL_BASE / 2;
const sentinelOf = (hole: number, like: number): number => Math.sign(like) * (SENTINEL_BASE + hole + (Number.isInteger(like) ? 0 : 0.5));
/** Code as Vega's parser writes it: a number, maybe negative. */
const CODE_NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;

const TEXT_KEYS = new Set(['text', 'title', 'subtitle', 'description']);
const LIST_KEYS = new Set(['domain', 'range', 'values']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRows(values: unknown): values is Record<string, unknown>[] {
  return Array.isArray(values) && values.length > 0 && values.every(isRecord);
}

/** Takes the content out of a spec (which it does not change). */
export function shapeOf(spec: unknown): SpecShape {
  const content: unknown[] = [];
  const holes = new Map<string, number>();
  const hole = (value: unknown): number => {
    const id = JSON.stringify(value);
    let at = holes.get(id);
    if (at === undefined) {
      at = content.length;
      holes.set(id, at);
      content.push(value);
    }
    return at;
  };
  // `key` is the property the value sits under; `listed` says it is an item of that list.
  const walk = (node: unknown, key: string, listed: boolean): unknown => {
    if (typeof node === 'string') {
      // A text starting with "_" stays in the key: Vega-Lite leaves such titles out of descriptions.
      if (node === '' || node.startsWith('_') || !(TEXT_KEYS.has(key) || (listed && LIST_KEYS.has(key)))) return node;
      return tokenOf(hole(node));
    }
    if (typeof node === 'number') {
      if (node === 0 || !Number.isFinite(node) || !((listed && LIST_KEYS.has(key)) || key === 'value')) return node;
      return sentinelOf(hole(node), node);
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, key, true));
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node)) {
      if (name === 'data' && isRecord(value) && isRows(value['values'])) {
        out[name] = { ...value, values: [{ __cjdata: hole(value['values']) }] };
      } else {
        out[name] = walk(value, name, false);
      }
    }
    return out;
  };
  const skeleton = walk(spec, '', false);
  return { key: JSON.stringify(skeleton), skeleton, content };
}

/**
 * One pass over a compiled shape as JSON text (what JSON.stringify writes: no white space, every
 * quote inside a string escaped): a data hole `[{"__cjdata":N}]`, a string with its optional
 * key colon, or a number.
 */
/** How a data hole's JSON text begins; its index follows, then `}]`. */
const DATA_HOLE_START = '[{"__cjdata":';
const JSON_TOKEN = /\[\{"__cjdata":(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\}\]|("(?:[^"\\]|\\.)*")(:?)|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * Where in a compiled shape's JSON text fill has to look: the start and end offsets, one pair
 * after another, of each data hole, each string value holding a token or twelve digits in a row,
 * and each number the size of a sentinel. The same for every figure of the shape, so found once
 * (for the build's shapes, by the build).
 */
export function holesIn(compiledJson: string): number[] {
  const spans: number[] = [];
  for (const match of compiledJson.matchAll(JSON_TOKEN)) {
    const [token, data, literal, colon] = match;
    const start = match.index;
    const candidate =
      data !== undefined ||
      (literal !== undefined ? colon === '' && (literal.includes('cjhole') || /\d{12}/.test(literal)) : isSentinelSized(Number(token)));
    if (candidate) spans.push(start, start + token.length);
  }
  return spans;
}

/**
 * Puts content back into what the compilers made of a skeleton, given as its JSON text and the
 * places holesIn found there: tokens standing alone become the value, tokens quoted in expression
 * code its JSON, sentinels the number. Undefined when a hole is found anywhere else, or not at
 * all. Working on those few places of the text and parsing the result once is several times
 * faster, in a run's cold code, than walking the objects.
 */
export function fill(compiledJson: string, content: readonly unknown[], holes: readonly number[] = holesIn(compiledJson)): unknown {
  const sentinels = new Map<number, number>();
  content.forEach((value, hole) => {
    if (typeof value === 'number') sentinels.set(sentinelOf(hole, value), hole);
  });
  const used = new Array<boolean>(content.length).fill(false);
  let whole = true;
  const valueOf = (hole: number): unknown => {
    // A token outside the content (or no whole index) was never a hole of this shape (a name that looks like one).
    if (!Number.isInteger(hole) || hole < 0 || hole >= content.length) whole = false;
    used[hole] = true;
    return content[hole];
  };
  const sentinel = (n: number): unknown => {
    const hole = sentinels.get(n);
    if (hole === undefined) whole = false;
    return hole === undefined ? n : valueOf(hole);
  };
  // Sentinels first: the texts put in next are content, never searched for holes.
  const inCode = (code: string): string =>
    code
      .replace(CODE_NUMBER, (text) => {
        const n = Number(text);
        return isSentinelSized(n) ? String(sentinel(n)) : text;
      })
      .replace(/"cjhole(\d+)q"|cjhole\d+q/g, (quoted: string, hole: string | undefined) => {
        const value = hole === undefined ? undefined : valueOf(Number(hole));
        if (typeof value !== 'string') whole = false;
        return typeof value === 'string' ? JSON.stringify(value) : quoted;
      });
  /** What goes where a token was: a data hole, a string value, or a number (holesIn's three). */
  const putBack = (token: string): string => {
    if (token.startsWith('[')) return JSON.stringify(valueOf(Number(token.slice(DATA_HOLE_START.length, -2)))) ?? token;
    if (token.startsWith('"')) {
      const text = JSON.parse(token) as string;
      const alone = /^cjhole(\d+)q$/.exec(text);
      if (alone !== null) return JSON.stringify(valueOf(Number(alone[1]))) ?? token;
      if (!text.includes('cjhole') && !/\d{12}/.test(text)) return token;
      return JSON.stringify(inCode(text));
    }
    return JSON.stringify(sentinel(Number(token)));
  };
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i + 1 < holes.length; i += 2) {
    const start = holes[i] ?? at;
    const end = holes[i + 1] ?? start;
    parts.push(compiledJson.slice(at, start), putBack(compiledJson.slice(start, end)));
    at = end;
  }
  parts.push(compiledJson.slice(at));
  return whole && used.every(Boolean) ? (JSON.parse(parts.join('')) as unknown) : undefined;
}
