export type Delimiter = ',' | ';' | '\t';

const candidates: readonly Delimiter[] = [';', '\t', ','];

/**
 * The delimiter of a file, from its header line: the candidate that occurs most often outside
 * quotes. On a tie `;` wins over tab over `,`, since a header that holds a comma and a semicolon
 * equally often is more likely a Dutch Excel export with a comma inside a column name.
 */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter)) counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
