/** One CSV record with the physical line it starts on. */
export interface RawRecord {
  /** The fields as text (a TextRecord makes them on first use). */
  readonly fields: readonly string[];
  readonly line: number;
  /** A quoted field of this record is malformed (text after its closing quote). */
  readonly malformed?: boolean;
  /** Long-shaped input: the line of each field's answer (the record is assembled from many rows). */
  readonly fieldLines?: readonly number[];
}

/**
 * A record whose fields are places in what was read (TextRecord: in decoded text; ByteRecord: in
 * bytes), made into strings only when asked: `fields` makes them all, once.
 */
export abstract class PlacedRecord implements RawRecord {
  private made: string[] | undefined;

  abstract readonly line: number;
  /** How many fields the record has. */
  abstract get size(): number;
  /** Field `index` as text, made now ('' past the record's end). */
  protected abstract make(index: number): string;

  /** Field `index` as text, '' past the record's end. */
  field(index: number): string {
    return this.made === undefined ? this.make(index) : (this.made[index] ?? '');
  }

  get fields(): readonly string[] {
    if (this.made === undefined) {
      const made: string[] = [];
      for (let index = 0; index < this.size; index++) made.push(this.make(index));
      this.made = made;
    }
    return this.made;
  }
}
