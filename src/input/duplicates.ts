import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** FNV-1a's offset basis and prime (32 bits): which partition a code goes to. */
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 16_777_619;

/** A code seen twice: the line of its first and of its second occurrence. */
export interface Duplicate {
  readonly code: string;
  readonly firstLine: number;
  readonly line: number;
}

export interface DuplicateCheckOptions {
  /** Codes kept in memory before they go to the partitions on disk (a bound on memory, not on the file). */
  readonly inMemory?: number;
  /** Partitions, each checked on its own at the end. */
  readonly partitions?: number;
}

/**
 * About 3 MB of codes with their lines: every file of up to this many respondents is checked in
 * memory, as it is read, and a larger one costs no more memory than this.
 */
const IN_MEMORY = 50_000;
/**
 * 128 partitions with a buffer of 8 KB each (1 MB): 10 million codes come to ~80 000 a
 * partition, ~5 MB when one is checked.
 */
const PARTITIONS = 128;
const BUFFER_BYTES = 8192;
/**
 * Per code in a partition file: its line (4 bytes), then its length in UTF-8 bytes with the top
 * bit set when every byte is ASCII (4 bytes), the hash that chose its partition (4 bytes: the
 * check at the end takes it, not hashing every code again), then the code.
 */
const ENTRY_HEAD = 12;
const ASCII = 0x8000_0000;
const LENGTH = 0x7fff_ffff;

/**
 * The exact duplicate-respondent check in bounded memory. Up to `inMemory` codes are kept in a
 * Map (code → line) and a repeat is found at once. Past that bound the codes go, with their
 * lines, to partitions split by a hash of the code: one file in a temporary folder of the OS, to
 * which each partition's buffer is written as a block when it is full (one file: creating one a
 * partition, 128, took ~60 ms on this machine). `finish` then reads each
 * partition's blocks and compares the codes themselves (never only their hashes), in the order
 * they were read, so a repeat names the first line and the line that repeats it. Codes cj
 * refused as personal data never come here (the caller checks first), so none is ever written.
 * Where the system allows it (not on Windows), the file and its folder are removed as soon as
 * the file is opened: the check reads and writes it by its open handle, and a run that is killed
 * (even with SIGKILL) leaves no codes on disk.
 */
export class DuplicateCheck {
  private readonly inMemory: number;
  private readonly partitions: number;
  private readonly lines = new Map<string, number>();
  private folder: string | undefined;
  /** Whether the folder is still there to remove (on Windows, an open file cannot be removed). */
  private named = false;
  private file: number | undefined;
  /** Bytes written to the file so far: where the next block goes. */
  private end = 0;
  private buffers: Buffer[] = [];
  private used: number[] = [];
  /** Bytes written of each partition. */
  private sizes: number[] = [];
  /** Per partition, its blocks in the file in order: offset, length, offset, length, … */
  private blocks: number[][] = [];

  constructor(options: DuplicateCheckOptions = {}) {
    this.inMemory = options.inMemory ?? IN_MEMORY;
    this.partitions = options.partitions ?? PARTITIONS;
  }

  /** Adds a code read at `line`; returns the line it was first seen at when that is known now. */
  add(code: string, line: number): number | undefined {
    if (this.folder === undefined) {
      const first = this.lines.get(code);
      if (first !== undefined) return first;
      this.lines.set(code, line);
      if (this.lines.size >= this.inMemory) this.spill();
      return undefined;
    }
    this.write(code, line);
    return undefined;
  }

  /** The repeats found past the memory bound, in the order of their lines; removes the file. */
  finish(): Duplicate[] {
    if (this.folder === undefined) return [];
    const found: Duplicate[] = [];
    try {
      for (let partition = 0; partition < this.partitions; partition++) this.flush(partition);
      // One buffer and one table for all partitions, sized for the largest: a new one each
      // would be freed late by the garbage collector (typed arrays), adding up at the peak.
      let largest = 0;
      for (let partition = 0; partition < this.partitions; partition++) largest = Math.max(largest, this.sizes[partition] as number);
      const bytes = Buffer.allocUnsafe(largest);
      const table = new Table(largest);
      for (let partition = 0; partition < this.partitions; partition++) {
        const size = this.sizes[partition] as number;
        const blocks = this.blocks[partition] as number[];
        let at = 0;
        for (let block = 0; block < blocks.length; block += 2) {
          const offset = blocks[block] as number;
          const length = blocks[block + 1] as number;
          for (let read = 0; read < length; ) {
            const got = readSync(this.file as number, bytes, at + read, length - read, offset + read);
            if (got === 0) throw new Error(`the duplicate check's file ended early (${offset + read} of ${this.end} bytes)`);
            read += got;
          }
          at += length;
        }
        findRepeats(bytes.subarray(0, size), table, found);
      }
    } finally {
      this.close();
    }
    return found.sort((a, b) => a.line - b.line);
  }

  /** Closes and removes the file of the partitions (also when the run stopped early). */
  close(): void {
    if (this.file !== undefined) closeSync(this.file);
    this.file = undefined;
    this.buffers = [];
    this.blocks = [];
    if (this.folder !== undefined && this.named) rmSync(this.folder, { recursive: true, force: true });
    this.named = false;
  }

  private spill(): void {
    const folder = mkdtempSync(join(tmpdir(), 'cj-respondents-'));
    this.folder = folder;
    this.named = true;
    this.file = openSync(join(folder, 'codes'), 'w+');
    for (let partition = 0; partition < this.partitions; partition++) {
      this.buffers.push(Buffer.allocUnsafe(BUFFER_BYTES));
      this.used.push(0);
      this.sizes.push(0);
      this.blocks.push([]);
    }
    if (process.platform !== 'win32') {
      unlinkSync(join(folder, 'codes'));
      rmdirSync(folder);
      this.named = false;
    }
    for (const [code, line] of this.lines) this.write(code, line);
    this.lines.clear();
  }

  private write(code: string, line: number): void {
    // FNV-1a over the code's UTF-16 units.
    let hash = HASH_SEED;
    for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), HASH_PRIME);
    const partition = (hash >>> 0) % this.partitions;
    const most = ENTRY_HEAD + code.length * 3;
    if ((this.used[partition] as number) + most > BUFFER_BYTES) this.flush(partition);
    if (most > BUFFER_BYTES) {
      const bytes = Buffer.from(code, 'utf8');
      const head = Buffer.alloc(ENTRY_HEAD);
      head.writeUInt32LE(line, 0);
      head.writeUInt32LE(bytes.length, 4);
      head.writeInt32LE(hash, 8);
      this.writeBlock(partition, Buffer.concat([head, bytes]));
      return;
    }
    const buffer = this.buffers[partition] as Buffer;
    const at = this.used[partition] as number;
    // Codes are nearly always ASCII: copied here a byte a character, cheaper than Buffer.write.
    let ascii = ASCII;
    for (let i = 0; i < code.length; i++) {
      const unit = code.charCodeAt(i);
      if (unit >= 0x80) {
        ascii = 0;
        break;
      }
      buffer[at + ENTRY_HEAD + i] = unit;
    }
    const length = ascii === ASCII ? code.length : buffer.write(code, at + ENTRY_HEAD, 'utf8');
    buffer.writeUInt32LE(line, at);
    buffer.writeUInt32LE((length | ascii) >>> 0, at + 4);
    buffer.writeInt32LE(hash, at + 8);
    this.used[partition] = at + ENTRY_HEAD + length;
  }

  private flush(partition: number): void {
    const used = this.used[partition] as number;
    if (used === 0) return;
    this.writeBlock(partition, (this.buffers[partition] as Buffer).subarray(0, used));
    this.used[partition] = 0;
  }

  /** Appends whole entries of a partition to the file, as one of its blocks. */
  private writeBlock(partition: number, block: Buffer): void {
    for (let written = 0; written < block.length; ) written += writeSync(this.file as number, block, written, block.length - written, this.end + written);
    (this.blocks[partition] as number[]).push(this.end, block.length);
    this.end += block.length;
    this.sizes[partition] = (this.sizes[partition] as number) + block.length;
  }
}

/**
 * Adds the repeats among the entries of one partition file to `found`. The codes are compared as
 * bytes where they lie, in an open-addressing table of entry offsets (no string a code): a hash
 * only finds the candidate, the bytes decide.
 */
function findRepeats(bytes: Buffer, table: Table, found: Duplicate[]): void {
  const { entries, hashes } = table;
  entries.fill(0);
  const mask = entries.length - 1;
  for (let at = 0; at < bytes.length; ) {
    const length = bytes.readUInt32LE(at + 4) & LENGTH;
    const start = at + ENTRY_HEAD;
    const end = start + length;
    const hash = bytes.readInt32LE(at + 8);
    // Mixed: the codes of one partition share hash % partitions (its low bits with 128 of them),
    // and by those bits alone they would crowd into a few slots.
    const mixed = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
    let slot = (mixed ^ (mixed >>> 16)) & mask;
    for (;;) {
      const entry = (entries[slot] as number) - 1;
      if (entry < 0) {
        entries[slot] = at + 1;
        hashes[slot] = hash;
        break;
      }
      const otherStart = entry + ENTRY_HEAD;
      const otherLength = bytes.readUInt32LE(entry + 4) & LENGTH;
      if (hashes[slot] === hash && otherLength === length && bytes.compare(bytes, otherStart, otherStart + length, start, end) === 0) {
        const ascii = (bytes.readUInt32LE(at + 4) & ASCII) !== 0;
        found.push({ code: bytes.toString(ascii ? 'latin1' : 'utf8', start, end), firstLine: bytes.readUInt32LE(entry), line: bytes.readUInt32LE(at) });
        break;
      }
      slot = (slot + 1) & mask;
    }
    at = end;
  }
}

/** Per slot: the offset of an entry + 1 (0: an empty slot), and the hash of its code. */
class Table {
  readonly entries: Int32Array;
  readonly hashes: Int32Array;

  /** Room for the entries of `bytes` bytes of a partition file, at most half full. */
  constructor(bytes: number) {
    let capacity = 16;
    while (capacity < (2 * bytes) / (ENTRY_HEAD + 1)) capacity *= 2;
    this.entries = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }
}
