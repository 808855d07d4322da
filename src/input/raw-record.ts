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
