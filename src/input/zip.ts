/**
 * The few parts of the ZIP format an .xlsx needs: the central directory (the one reliable list of
 * entries: an entry's local header may leave its sizes to a trailing data descriptor) and each
 * entry's bytes inflated in chunks by Node's own zlib, so a large sheet is never held whole.
 * Every offset and size the file declares is checked against the bytes there are.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeader: number;
}

/** Thrown when the bytes are not a ZIP archive cj can read; the caller words the message. */
export class NotReadableZip extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65 535. */
const EOCD_SEARCH = 22 + 0xffff;
/** More entries than any workbook has: a directory claiming more is hostile or broken. */
const MAX_ENTRIES = 65_535;

/** The archive's entries by name; throws NotReadableZip when there is no sound central directory. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new NotReadableZip('no end of central directory');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new NotReadableZip('ZIP64');
  if (offset + size > end || count > MAX_ENTRIES) throw new NotReadableZip('central directory out of bounds');
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw new NotReadableZip('bad central directory entry');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > end) throw new NotReadableZip('entry name out of bounds');
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    };
    entries.set(entry.name.replace(/^\//, ''), entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes lie, checked against the archive. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new NotReadableZip('bad local header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new NotReadableZip('entry out of bounds');
  if (entry.method !== 0 && entry.method !== 8) throw new NotReadableZip('unknown compression');
  return bytes.subarray(start, start + entry.compressedSize);
}

const SLICE = 64 * 1024;

/**
 * An entry's bytes, inflated, a chunk at a time. Throws NotReadableZip past `maxBytes` of output
 * (a ZIP bomb, or a part too large to keep) and on corrupt data.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): AsyncGenerator<Uint8Array> {
  const data = entryData(bytes, entry);
  let total = 0;
  const counted = (chunk: Uint8Array): Uint8Array => {
    total += chunk.length;
    if (total > maxBytes) throw new NotReadableZip('entry larger than allowed');
    return chunk;
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += SLICE) yield counted(data.subarray(at, Math.min(data.length, at + SLICE)));
    return;
  }
  const inflate = Readable.from([data]).pipe(createInflateRaw({ chunkSize: SLICE }));
  try {
    for await (const chunk of inflate) yield counted(chunk as Buffer);
  } catch (error) {
    if (error instanceof NotReadableZip) throw error;
    throw new NotReadableZip('corrupt deflate data');
  } finally {
    inflate.destroy();
  }
}

/** An entry inflated whole, as text: for the small parts (workbook, styles, relationships). */
export async function entryText(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of inflateEntry(bytes, entry, maxBytes)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
