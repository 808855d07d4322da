/**
 * SpellingTable against a Map of the same spellings (what it must give a field's text): on
 * random spelling sets from a small alphabet, so that many share their length and their first
 * and last byte (the table's slot), with characters of two and three UTF-8 bytes; on fields that
 * are a spelling, a spelling with one character changed, cut or lengthened, or random text, at
 * lengths below, at and past the four bytes the lookup compares at a time.
 */
import { describe, expect, it } from 'vitest';
import { NO_ANSWER } from '../../src/contract.js';
import { ByteRecord, fieldTable, splitBytes } from '../../src/input/byte-records.js';
import { SpellingTable, UNMATCHED } from '../../src/input/spelling-table.js';
import { seededRandom } from '../helpers/random.js';

const alphabet = ['a', 'b', 'e', ' ', 'é', '€', 'A'];

/** The records splitBytes makes of `lines` (fields joined by commas; none holds a comma, quote or line end unless quoted). */
function byteRecords(lines: readonly string[]): ByteRecord[] {
  const bytes = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
  const records: ByteRecord[] = [];
  // Each record is checked as it is handed on: the reader reuses the buffer's places after.
  splitBytes(bytes, 0, bytes.length, 44, false, true, 1, fieldTable(), (record) => {
    records.push(record);
    return true;
  });
  return records;
}

describe('SpellingTable', () => {
  it('gives what a Map of its spellings gives, on 300 random tables and fields (property)', () => {
    const random = seededRandom(20261202);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const text = (length: number): string => Array.from({ length }, () => pick(alphabet)).join('');
    let compared = 0;
    let found = 0;
    for (let round = 0; round < 300; round++) {
      const spellings = new Map<string, number>();
      const size = 1 + Math.floor(random() * 12);
      while (spellings.size < size) {
        // Lengths 1 to 12 characters: 1 to 36 bytes; first and last character often alike.
        const length = 1 + Math.floor(random() * 12);
        const middle = text(Math.max(0, length - 2));
        const spelling = length === 1 ? pick(['a', 'é']) : `${pick(['a', 'é'])}${middle}${pick(['e', '€'])}`;
        spellings.set(spelling, spellings.size);
      }
      const table = new SpellingTable(spellings);
      const written = [...spellings.keys()];
      const fields = Array.from({ length: 40 }, () => {
        const spelling = pick(written);
        const characters = [...spelling];
        switch (Math.floor(random() * 6)) {
          case 0:
            return spelling;
          case 1: {
            const at = Math.floor(random() * characters.length);
            characters[at] = pick(alphabet);
            return characters.join('');
          }
          case 2:
            return characters.slice(0, Math.floor(random() * characters.length)).join('');
          case 3:
            return spelling + pick(alphabet);
          case 4:
            return text(Math.floor(random() * 14));
          default:
            return '';
        }
      });
      // A trailing field, so that a line of one empty field is no blank line.
      const [record] = byteRecords([[...fields, 'x'].join(',')]);
      if (record === undefined) throw new Error('no record');
      const answers: number[] = new Array<number>(fields.length);
      const tables = fields.map(() => table);
      SpellingTable.answersOfBytes(record, fields.map((_, index) => index), tables, answers);
      fields.forEach((field, index) => {
        const expected = spellings.get(field);
        expect(table.of(record, index), JSON.stringify(field)).toBe(field === '' ? undefined : expected);
        expect(answers[index], JSON.stringify(field)).toBe(field === '' ? NO_ANSWER : (expected ?? UNMATCHED));
        compared++;
        if (expected !== undefined) found++;
      });
    }
    // The fields were a fair mix of spellings found and not.
    expect(compared).toBe(12_000);
    expect(found).toBeGreaterThan(2_000);
    expect(compared - found).toBeGreaterThan(6_000);
  });

  it('looks up a quoted field by its text, and gives NO_ANSWER for a column past the record or absent (-1)', () => {
    const table = new SpellingTable(new Map([['mee eens', 3], ['a"b', 4]]));
    const [record] = byteRecords(['"mee eens","a""b",mee eens']);
    if (record === undefined) throw new Error('no record');
    const answers: number[] = [];
    SpellingTable.answersOfBytes(record, [0, 1, 2, 7, -1], [table, table, table, table, table], answers);
    expect(answers).toEqual([3, 4, 3, NO_ANSWER, NO_ANSWER]);
    expect([0, 1, 2, 7].map((index) => table.of(record, index))).toEqual([3, 4, 3, undefined]);
  });
});
