/**
 * Text from input (labels of a definition, respondent codes, column names, a results.json) on
 * its way to a terminal, an SVG, HTML, CSV or JSON. A control character there is an attack or an
 * accident, never content: ESC starts terminal commands (ANSI colours, OSC 8 links, clearing the
 * screen), XML 1.0 forbids most C0 controls even as character references, and the bidi overrides
 * turn a text around on screen. The one list of such characters lives here, and each writer
 * passes input text through these functions.
 */

/**
 * C0 and C1 controls and DEL; the Unicode direction marks, embeddings, overrides and isolates;
 * the line and paragraph separators; the noncharacters XML forbids; lone surrogates (`u` flag:
 * a pair is one code point and does not match).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');
/** UNSAFE without the C0 controls, which JSON.stringify escapes itself (and uses as line breaks). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/gu;

/** What an unsafe character becomes where it would be shown: U+FFFD, the replacement character. */
export const REPLACEMENT = '\uFFFD';

/** Whether a text holds a character that may not be shown as it is. */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * The text with every control, direction override and lone surrogate replaced by U+FFFD, so it
 * can be printed to a terminal or written into XML as it is.
 * @example safeText('a\u001b[2Jb') // 'a\uFFFD[2Jb'
 */
export function safeText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, REPLACEMENT) : text;
}

/**
 * The text with every such character written as a `\u001b`-style escape, for a message that
 * quotes input: the analyst sees which character the file holds, the terminal obeys none.
 * @example escapeUnsafe('a\u001b[31mb') // 'a\\u001b[31mb'
 */
export function escapeUnsafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

/**
 * A copy of plain data (objects, arrays, strings, numbers) with every string passed through
 * safeText, keys as well. Objects keep their prototype (null-prototype records stay so), and
 * keys are defined, never assigned, so a key `__proto__` stays a key.
 */
export function safeStrings<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value === 'string') return safeText(value);
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  const prototype = Object.getPrototypeOf(value) as object | null;
  const out = Object.create(prototype) as Record<string, unknown>;
  // A plain or null-prototype object has no setter but Object.prototype's __proto__: any other key
  // is assigned as defining it would (and several times faster, in a run's cold code).
  const plain = prototype === null || prototype === Object.prototype;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const safeKey = safeText(key);
    if (plain && safeKey !== '__proto__') out[safeKey] = copy(record[key]);
    else Object.defineProperty(out, safeKey, { value: copy(record[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * JSON text of plain data, indented by two spaces, with no raw control or direction character:
 * JSON.stringify escapes C0 controls itself; DEL, C1 controls, the direction marks and the line
 * separators it writes as they are, and here they become `\uXXXX` escapes (the same string to a
 * JSON reader, harmless on a terminal). Outside strings JSON holds only ASCII punctuation, digits
 * and white space, so every match is inside a string.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
