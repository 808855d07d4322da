import { ByteRecord, PLAIN, SLOTS } from './byte-records.js';
import { NO_ANSWER } from '../contract.js';
import { TextRecord, type RawRecord } from './records.js';

/** SpellingTable.answersOfBytes of a field that is not empty and not in the table as written. */
export const UNMATCHED = -2;

/**
 * Spellings (as written in the survey definition) → values (a rating's category index, a track's
 * id), looked up exactly as written: the fast first lookup of every answer (validate.ts tries the
 * normalised spelling next), no string made: a field is found by its length, first and last unit
 * (slotOf) where it stands, a ByteRecord's in its UTF-8 bytes, a TextRecord's in the decoded
 * text, and compared with the few spellings there. Both lookups give what the Map of spellings
 * gives the field's text.
 */
export class SpellingTable<V> {
  private readonly byText: ReadonlyMap<string, V>;
  private readonly buckets = new Map<number, { readonly spelling: string; readonly value: V }[]>();

  /**
   * For a ByteRecord: the spellings' UTF-8 bytes one after the other in `encoded` (entry i from
   * starts[i] to starts[i + 1]), their values, and an open-addressed table from
   * slotOf(length, first byte, last byte) to their entry.
   */
  private readonly encoded: Uint8Array;
  private readonly encodedWords: DataView;
  private readonly starts: Int32Array;
  private readonly values: V[] = [];
  private readonly slots: Int32Array;

  constructor(spellings: Iterable<readonly [string, V]>) {
    this.byText = new Map(spellings);
    let size = 16;
    while (size < this.byText.size * 4) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    const written = [...this.byText].filter(([spelling]) => spelling !== '').map(([spelling, value]) => [Buffer.from(spelling, 'utf8'), value] as const);
    this.encoded = new Uint8Array(written.reduce((total, [bytes]) => total + bytes.length, 0));
    this.starts = new Int32Array(written.length + 1);
    this.encodedWords = new DataView(this.encoded.buffer, this.encoded.byteOffset, this.encoded.length);
    written.forEach(([bytes, value], entry) => {
      let slot = slotOf(bytes.length, bytes[0] as number, bytes[bytes.length - 1] as number, size - 1);
      while (this.slots[slot] !== -1) slot = (slot + 1) & (size - 1);
      this.slots[slot] = entry;
      const start = this.starts[entry] as number;
      this.encoded.set(bytes, start);
      this.starts[entry + 1] = start + bytes.length;
      this.values.push(value);
    });
    for (const [spelling, value] of this.byText) {
      if (spelling === '') continue;
      const bucket = slotOf(spelling.length, spelling.charCodeAt(0), spelling.charCodeAt(spelling.length - 1), TEXT_BUCKETS);
      const entries = this.buckets.get(bucket) ?? [];
      entries.push({ spelling, value });
      this.buckets.set(bucket, entries);
    }
  }

  /** The value of a spelling as written, or undefined. */
  get(text: string): V | undefined {
    return this.byText.get(text);
  }

  /** The value of a record's field as written; undefined for an empty field or a spelling not in the table. */
  of(record: RawRecord, index: number): V | undefined {
    return record instanceof ByteRecord ? this.ofBytes(record, index) : this.ofText(record, index);
  }

  private ofBytes(record: ByteRecord, index: number): V | undefined {
    if (index >= record.size) return undefined;
    const { table } = record;
    const at = record.offset + index * SLOTS;
    const start = table[at] as number;
    const length = (table[at + 1] as number) - start;
    if (length === 0) return undefined;
    if (table[at + 2] !== PLAIN) return this.byText.get(record.field(index));
    const entry = this.entryOf(record.view, record.words, start, length);
    return entry === -1 ? undefined : this.values[entry];
  }

  /**
   * Each rating's answer in a byte record as written, in one call a record: out[c] is the value
   * tables[c] gives field fields[c] (of(); a category index), NO_ANSWER for an empty field or a
   * column the file lacks (-1), UNMATCHED for a spelling not in the table as written.
   */
  static answersOfBytes(record: ByteRecord, fields: readonly number[], tables: readonly SpellingTable<number>[], out: number[]): void {
    for (let c = 0; c < fields.length; c++) {
      const index = fields[c] as number;
      const value = index < 0 ? undefined : (tables[c] as SpellingTable<number>).ofBytes(record, index);
      out[c] = value !== undefined ? value : index < 0 || index >= record.size || record.start(index) === record.end(index) ? NO_ANSWER : UNMATCHED;
    }
  }

  /** The entry whose spelling is `length` bytes of `view` (`words` the same) from `start` (length > 0), or -1. */
  private entryOf(view: Uint8Array, words: DataView, start: number, length: number): number {
    const { slots, encoded, encodedWords, starts } = this;
    const mask = slots.length - 1;
    for (let slot = slotOf(length, view[start] as number, view[start + length - 1] as number, mask); ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry === -1) return -1;
      const from = starts[entry] as number;
      if ((starts[entry + 1] as number) - from !== length) continue;
      if (length < 4) {
        let i = 0;
        while (i < length && encoded[from + i] === view[start + i]) i++;
        if (i === length) return entry;
        continue;
      }
      // Four bytes at a time, the last four read where they end: every byte compared.
      const last = length - 4;
      let i = 0;
      while (i < last && encodedWords.getInt32(from + i) === words.getInt32(start + i)) i += 4;
      if (i >= last && encodedWords.getInt32(from + last) === words.getInt32(start + last)) return entry;
    }
  }

  private ofText(record: RawRecord, index: number): V | undefined {
    if (!(record instanceof TextRecord)) {
      const text = record.fields[index] ?? '';
      return text === '' ? undefined : this.byText.get(text);
    }
    const start = record.bounds[2 * index];
    if (start === undefined) return undefined;
    if (start < 0) {
      const text = record.field(index);
      return text === '' ? undefined : this.byText.get(text);
    }
    const end = record.bounds[2 * index + 1] as number;
    if (end === start) return undefined;
    const { text } = record;
    const entries = this.buckets.get(slotOf(end - start, text.charCodeAt(start), text.charCodeAt(end - 1), TEXT_BUCKETS));
    if (entries === undefined) return undefined;
    const length = end - start;
    for (const entry of entries) if (entry.spelling.length === length && text.startsWith(entry.spelling, start)) return entry.value;
    return undefined;
  }
}

/**
 * A slot for a spelling's length and its first and last units (UTF-8 bytes, or UTF-16 code units
 * of text), `mask` the table's size less one: spellings that share one are told apart by comparing.
 */
function slotOf(length: number, first: number, last: number, mask: number): number {
  return (Math.imul((length << 16) ^ (first << 8) ^ last, 0x9e3779b1) >>> 16) & mask;
}

/** The text lookup's buckets (a Map's keys): slotOf's whole range. */
const TEXT_BUCKETS = 0xffff;
