import { ByteRecord, PLAIN, SLOTS } from './byte-records.js';
import { TextRecord, type RawRecord } from './records.js';

/**
 * A scale's spellings (as written in the survey definition) → category keys, looked up exactly as
 * written: the fast first lookup of every answer (validate.ts tries the normalised spelling
 * next), no string made: a field is found by its length, first and last unit (slotOf) where it
 * stands, a ByteRecord's in its UTF-8 bytes, a TextRecord's in the decoded text, and compared
 * with the few spellings there. Both lookups give what the Map of spellings gives the field's text.
 */
export class SpellingTable {
  private readonly byText: ReadonlyMap<string, string>;
  private readonly buckets = new Map<number, { readonly spelling: string; readonly key: string }[]>();

  /**
   * For a ByteRecord: the spellings' UTF-8 bytes, their keys, and an open-addressed table from
   * slotOf(length, first byte, last byte) to their index.
   */
  private readonly encoded: Uint8Array[] = [];
  private readonly encodedKeys: string[] = [];
  private readonly slots: Int32Array;

  constructor(spellings: Readonly<Record<string, string>>) {
    this.byText = new Map(Object.entries(spellings));
    let size = 16;
    while (size < this.byText.size * 4) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    for (const [spelling, key] of this.byText) {
      if (spelling === '') continue;
      const bytes = Buffer.from(spelling, 'utf8');
      let slot = slotOf(bytes.length, bytes[0] as number, bytes[bytes.length - 1] as number, size - 1);
      while (this.slots[slot] !== -1) slot = (slot + 1) & (size - 1);
      this.slots[slot] = this.encoded.length;
      this.encoded.push(bytes);
      this.encodedKeys.push(key);
    }
    for (const [spelling, key] of this.byText) {
      if (spelling === '') continue;
      const bucket = slotOf(spelling.length, spelling.charCodeAt(0), spelling.charCodeAt(spelling.length - 1), TEXT_BUCKETS);
      const entries = this.buckets.get(bucket) ?? [];
      entries.push({ spelling, key });
      this.buckets.set(bucket, entries);
    }
  }

  /** The category key of a spelling as written, or undefined. */
  get(text: string): string | undefined {
    return this.byText.get(text);
  }

  /** The category key of a record's field as written; undefined for an empty field or a spelling not in the table. */
  of(record: RawRecord, index: number): string | undefined {
    return record instanceof ByteRecord ? this.ofBytes(record, index) : this.ofText(record, index);
  }

  private ofBytes(record: ByteRecord, index: number): string | undefined {
    const { table, bytes } = record;
    const at = record.offset + index * SLOTS;
    if (index >= record.size) return undefined;
    const start = table[at] as number;
    const length = (table[at + 1] as number) - start;
    if (length === 0) return undefined;
    if (table[at + 2] !== PLAIN) return this.byText.get(record.field(index));
    const { slots, encoded } = this;
    const mask = slots.length - 1;
    for (let slot = slotOf(length, bytes[start] as number, bytes[start + length - 1] as number, mask); ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry === -1) return undefined;
      const spelling = encoded[entry] as Uint8Array;
      if (spelling.length !== length) continue;
      let i = 0;
      while (i < length && spelling[i] === bytes[start + i]) i++;
      if (i === length) return this.encodedKeys[entry];
    }
  }

  private ofText(record: RawRecord, index: number): string | undefined {
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
    for (const entry of entries) if (entry.spelling.length === length && text.startsWith(entry.spelling, start)) return entry.key;
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
