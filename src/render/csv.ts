/**
 * One CSV cell (RFC 4180, comma-separated). A text that begins with `=`, `+`, `-`, `@`, tab or
 * CR gets a leading `'`, as csv-stringify's `escape_formulas` does, so a spreadsheet never runs
 * it as a formula (CSV injection).
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number)[]): string {
  return values.map(csvCell).join(',') + '\n';
}
