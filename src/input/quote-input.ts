/**
 * Text from the input file on its way into a message or an output: the one place that decides
 * what of it may be shown. Personal data is never shown; what is shown is cut short and its
 * control characters are written as escapes, so a cell cannot move the cursor, recolour the
 * terminal (ANSI/OSC escapes) or reverse the text around it (bidirectional overrides).
 */
import { escapeUnsafe } from '../safe-text.js';
import { findPersonalData } from './personal-data.js';

/** The most characters of one input value a message quotes; longer text ends in an ellipsis. */
export const QUOTE_LIMIT = 40;

/** The first QUOTE_LIMIT characters and an ellipsis, never cutting a surrogate pair in two. */
function cut(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(QUOTE_LIMIT - 1)) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
  return `${text.slice(0, end)}…`;
}

/** The text to show of a value: cut, or null when it (or what cutting leaves) holds personal data. */
function shortIfSafe(value: string): string | null {
  if (findPersonalData(value) !== null) return null;
  const short = cut(value);
  return short !== value && findPersonalData(short) !== null ? null : short;
}

/**
 * An input value as a message may quote it, in double quotes, cut to QUOTE_LIMIT characters,
 * controls escaped; null when the value holds personal data (the caller then says it is not
 * shown). The shortened text is checked too: cutting `123456782abc` would free a BSN.
 * @example quoteInput('zeer goed') // '"zeer goed"'
 * @example quoteInput('jan@example.nl') // null
 */
export function quoteInput(value: string): string | null {
  const short = shortIfSafe(value);
  return short === null ? null : escapeUnsafe(JSON.stringify(short));
}

/**
 * An input value as a list in a message shows it (column names: `opmerking, toelichting`):
 * as quoteInput, without the quotes.
 * @example showInput('opmerking') // 'opmerking'
 */
export function showInput(value: string): string | null {
  const short = shortIfSafe(value);
  return short === null ? null : escapeUnsafe(short);
}

/**
 * A column name from the input as messages, locations and results name it: `#3` (its position)
 * when it is empty or holds personal data, else as showInput gives it.
 * @example inputLabel('cv_uploaden', 3) // 'cv_uploaden'
 * @example inputLabel('jan@example.nl', 3) // '#4'
 */
export function inputLabel(name: string, index: number): string {
  return (name === '' ? null : showInput(name)) ?? `#${index + 1}`;
}
