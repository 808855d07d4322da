/** A blank line, or a row of empty cells (Excel writes `;;;;` for an empty sheet row). */
export function isBlank(fields: readonly string[]): boolean {
  const first = fields[0] ?? '';
  if (first !== '' && first.charCodeAt(0) > 32) return false;
  return fields.every((field) => field.trim() === '');
}
