import { safeText } from '../safe-text.js';

/**
 * One CSV cell (RFC 4180, comma-separated). A text that begins with `=`, `+`, `-`, `@`, tab or
 * CR gets a leading `'`, as csv-stringify's `escape_formulas` does, so a spreadsheet never runs
 * it as a formula (CSV injection). Controls and direction overrides from input (a respondent
 * code) are neutralised first (safeText): a CSV is read in terminals and editors too.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = safeText(value);
  const text = /^[=+\-@\t\r]/.test(safe) ? `'${safe}` : safe;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number)[]): string {
  return values.map(csvCell).join(',') + '\n';
}
