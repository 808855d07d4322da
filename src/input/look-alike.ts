/**
 * Which header cell a missing column was probably meant to be: a name within two edits of the
 * column's, compared in lower case with spaces, underscores and hyphens alike (`Loket-uitleg`,
 * `loket_uitlg` for `loket_uitleg`).
 */

/** The most edits (insert, delete, replace one character) a look-alike may be away. */
export const LOOK_ALIKE_EDITS = 2;

/** A name as look-alikes are compared: lower case, trimmed, spaces, underscores and hyphens one. */
function lookAlikeKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]/gu, '_');
}

/**
 * The Levenshtein distance between a and b when it is at most `limit`, else limit + 1; rows of
 * the table are cut off once every entry exceeds the limit, so a long header cell costs little.
 * @example editDistanceWithin('loket_uitlg', 'loket_uitleg', 2) // 1
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    previous = current;
  }
  return Math.min(previous[b.length] ?? limit + 1, limit + 1);
}

/**
 * The candidate closest to any of a column's names (the column, its aliases) within
 * LOOK_ALIKE_EDITS, the first in order on a tie; null when none is. Candidates are header cells
 * the caller may quote (not refused as personal data).
 * @example lookAlike(['loket_uitleg'], ['opmerking', 'Loket-uitleg']) // 'Loket-uitleg'
 */
export function lookAlike(names: readonly string[], candidates: readonly string[]): string | null {
  const targets = names.map(lookAlikeKey);
  let best: string | null = null;
  let bestDistance = LOOK_ALIKE_EDITS + 1;
  for (const candidate of candidates) {
    const key = lookAlikeKey(candidate);
    for (const target of targets) {
      const distance = editDistanceWithin(key, target, LOOK_ALIKE_EDITS);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}
