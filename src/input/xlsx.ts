/**
 * An Excel workbook (.xlsx, .xlsm) → the same records as a CSV file: the header row first, then
 * one record a sheet row, `line` the sheet's row number. Cells as Excel holds them: a number as
 * its shortest decimal (6.5 → "6.5"), text as text ("6,5"), a date cell (a number with a date
 * format) as YYYY-MM-DD, TRUE/FALSE, an error as Excel shows it (#N/A).
 *
 * The sheet is inflated and scanned in pieces (Node's zlib and a small SpreadsheetML scanner), so
 * a large sheet is never held whole; the compressed file and the shared strings are.
 */
import { DataError, UsageError } from '../errors.js';
import type { Messages } from '../messages.js';
import type { RawRecord } from './records.js';
import { attribute, XmlScanner, XmlTooLong, type XmlHandler } from './xml-scan.js';
import { entryText, inflateEntry, NotReadableZip, readZipDirectory, type ZipEntry } from './zip.js';

/** The small parts (workbook, relationships, styles) are read whole, up to this. */
const MAX_PART = 64 * 1024 * 1024;
/** Shared strings are kept in memory: at most this many characters of them. */
export const MAX_SHARED_TEXT = 256 * 1024 * 1024;
/** A sheet part inflates to at most this: beyond it is a ZIP bomb, not a survey. */
const MAX_SHEET = 16 * 1024 * 1024 * 1024;
/** The longest tag or cell text the scanner waits for. */
const MAX_PENDING = 64 * 1024 * 1024;

export interface XlsxInfo {
  /** The sheet read, by name. */
  sheet: string;
}

/** What the location of a fault needs: the letter of each header column. */
export interface XlsxLayout {
  /** Sheet column index of the header's first field (a table may start in column B). */
  readonly firstColumn: number;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 → column 0, AB7 → 27; -1 when the reference has no letters. */
function columnIndex(reference: string): number {
  let index = 0;
  let at = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at) & ~32;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return at === 0 ? -1 : index - 1;
}

function rowNumber(reference: string): number {
  const digits = /\d+$/.exec(reference);
  return digits === null ? -1 : Number(digits[0]);
}

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22]);

/**
 * Whether a number format shows a date: the built-in date formats, or a custom one with a day or
 * year part once quoted text, escapes and [colour/locale] brackets are taken out. Time-only
 * formats (built-in 18–21 and 45–47, `h:mm`) show a time, not a day, and stay numbers.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILT_IN_DATES.has(id)) return true;
  if (code === undefined) return false;
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
  return /[dy]/i.test(bare);
}

/** An Excel date serial → YYYY-MM-DD; the time of day is dropped. Null for 1900-02-29 (Excel's leap-year bug) and out-of-range serials. */
export function serialToDate(serial: number, date1904: boolean): string | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(days) || days < (date1904 ? 0 : 1) || days > 2_958_465) return null;
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + days * 86_400_000;
  else if (days === 60) return null;
  else ms = (days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** OOXML writes characters XML cannot hold as `_x000D_`. */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Collects a `<si>`/`<is>` rich or plain text, leaving out phonetic runs (`<rPh>`). */
class TextCollector {
  private depthPhonetic = 0;
  private inText = false;
  value = '';

  open(name: string, selfClosing: boolean): void {
    if (name === 'rPh' && !selfClosing) this.depthPhonetic++;
    else if (name === 't' && !selfClosing && this.depthPhonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.depthPhonetic--;
    else if (name === 't') this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.value += text;
  }
}

function scanWhole(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler, MAX_PENDING);
  scanner.write(text);
  scanner.end();
}

interface Workbook {
  readonly sheets: readonly { readonly name: string; readonly path: string; readonly hidden: boolean }[];
  readonly date1904: boolean;
}

async function readWorkbook(bytes: Uint8Array, entries: Map<string, ZipEntry>, workbook: ZipEntry): Promise<Workbook> {
  const sheets: { name: string; relation: string; hidden: boolean }[] = [];
  let date1904 = false;
  scanWhole(await entryText(bytes, workbook, MAX_PART), {
    open(name, attributes) {
      if (name === 'sheet') {
        const state = attribute(attributes, 'state');
        sheets.push({ name: attribute(attributes, 'name') ?? '', relation: attribute(attributes, 'id') ?? '', hidden: state === 'hidden' || state === 'veryHidden' });
      }
      else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attributes, 'date1904') ?? '');
    },
    close() {},
    text() {},
  });
  const targets = new Map<string, string>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels !== undefined) {
    scanWhole(await entryText(bytes, rels, MAX_PART), {
      open(name, attributes) {
        if (name === 'Relationship') targets.set(attribute(attributes, 'Id') ?? '', attribute(attributes, 'Target') ?? '');
      },
      close() {},
      text() {},
    });
  }
  return {
    date1904,
    sheets: sheets.map((sheet, index) => {
      const target = targets.get(sheet.relation) ?? `worksheets/sheet${index + 1}.xml`;
      return { name: sheet.name, path: target.startsWith('/') ? target.slice(1) : `xl/${target}`, hidden: sheet.hidden };
    }),
  };
}

/** Per cell style (index into cellXfs): whether it shows a date. */
async function readDateStyles(bytes: Uint8Array, styles: ZipEntry | undefined): Promise<boolean[]> {
  if (styles === undefined) return [];
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  scanWhole(await entryText(bytes, styles, MAX_PART), {
    open(name, attributes, selfClosing) {
      if (name === 'numFmt') codes.set(Number(attribute(attributes, 'numFmtId')), attribute(attributes, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attribute(attributes, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return formats.map((id) => isDateFormat(id, codes.get(id)));
}

async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined, tooLarge: () => never): Promise<string[]> {
  const strings: string[] = [];
  if (entry === undefined) return strings;
  let item: TextCollector | undefined;
  let characters = 0;
  const scanner = new XmlScanner(
    {
      open(name, _attributes, selfClosing) {
        if (name === 'si') {
          item = new TextCollector();
          if (selfClosing) {
            strings.push('');
            item = undefined;
          }
        } else item?.open(name, selfClosing);
      },
      close(name) {
        if (name === 'si' && item !== undefined) {
          characters += item.value.length;
          if (characters > MAX_SHARED_TEXT) tooLarge();
          strings.push(unescapeOoxml(item.value));
          item = undefined;
        } else item?.close(name);
      },
      text(text) {
        item?.text(text);
      },
    },
    MAX_PENDING,
  );
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of inflateEntry(bytes, entry, MAX_SHEET)) scanner.write(decoder.decode(chunk, { stream: true }));
  scanner.write(decoder.decode());
  scanner.end();
  return strings;
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const MERGE_TAG = Buffer.from('mergeCell ');

/**
 * The merged ranges of a sheet: they follow the cells in the file, so this is a pass of its own,
 * a byte search that decodes only the few tags it finds.
 */
async function readMerges(bytes: Uint8Array, sheet: ZipEntry): Promise<Merge[]> {
  const merges: Merge[] = [];
  let tail = Buffer.alloc(0);
  for await (const chunk of inflateEntry(bytes, sheet, MAX_SHEET)) {
    const piece = tail.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([tail, chunk]);
    let at = piece.indexOf(MERGE_TAG);
    let keepFrom = Math.max(0, piece.length - 256);
    while (at !== -1) {
      const end = piece.indexOf(62 /* > */, at);
      if (end === -1) {
        keepFrom = Math.min(keepFrom, at);
        break;
      }
      const match = /ref=["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']/.exec(piece.toString('latin1', at, end));
      if (match !== null) {
        const [, left = '', top = '', right = '', bottom = ''] = match;
        merges.push({ top: Number(top), left: columnIndex(left), bottom: Number(bottom), right: columnIndex(right) });
      }
      at = piece.indexOf(MERGE_TAG, end);
    }
    // A tag may be cut in two: keep the end of this piece for the next (a found tag is not kept twice).
    tail = Buffer.from(piece.subarray(Math.max(keepFrom, lastEnd(piece))));
  }
  return merges;
}

/** Just after the last `>` in a piece: a merge tag found whole ends at or before it. */
function lastEnd(piece: Buffer): number {
  const end = piece.lastIndexOf(62);
  return end === -1 ? 0 : end + 1;
}

/**
 * Picks the sheet `--sheet` names: its name first (case-insensitive), else its number from 1
 * (counting every sheet, as the workbook lists them). Without it, the first sheet a person sees:
 * a hidden one (a lookup list, say) is passed over.
 */
function chooseSheet(workbook: Workbook, wanted: string | undefined, messages: Messages): { name: string; path: string } {
  const { sheets } = workbook;
  if (wanted === undefined) {
    const first = sheets.find((sheet) => !sheet.hidden) ?? sheets[0];
    if (first !== undefined) return first;
  } else {
    const byName = sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => sheet.name.toLowerCase() === wanted.toLowerCase());
    if (byName !== undefined) return byName;
    const byNumber = /^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined;
    if (byNumber !== undefined) return byNumber;
  }
  throw new UsageError('CJ_NO_SUCH_SHEET', messages.noSuchSheet(wanted ?? '1', sheets.map((sheet) => sheet.name)));
}

/**
 * Reads the chosen sheet of a workbook held in `bytes`, handing each non-empty row to `onRecord`
 * (false stops). The header is the first non-empty row that is not a title or group row (one
 * whose cells are merged across columns); a column name merged down over several rows is read
 * from its top cell, and the header's empty cells after its last name are dropped.
 */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  wantedSheet: string | undefined,
  messages: Messages,
  info: XlsxInfo,
  onRecord: (record: RawRecord) => boolean,
): Promise<XlsxLayout> {
  const unreadable = (): DataError => new DataError('CJ_UNREADABLE_XLSX', messages.unreadableFormat(file, 'XLSX'), { file });
  const tooLarge = (): never => {
    throw new DataError('CJ_XLSX_TOO_LARGE', messages.formatTooLarge(file, 'sharedStrings.xml', `${MAX_SHARED_TEXT / 1024 / 1024} MB`), { file });
  };
  try {
    const entries = readZipDirectory(bytes);
    const workbookEntry = entries.get('xl/workbook.xml');
    if (workbookEntry === undefined) throw unreadable();
    const workbook = await readWorkbook(bytes, entries, workbookEntry);
    const chosen = chooseSheet(workbook, wantedSheet, messages);
    info.sheet = chosen.name;
    const sheetEntry = entries.get(chosen.path);
    if (sheetEntry === undefined) throw unreadable();
    const dateStyles = await readDateStyles(bytes, entries.get('xl/styles.xml'));
    const shared = await readSharedStrings(bytes, entries.get('xl/sharedStrings.xml'), tooLarge);
    const merges = await readMerges(bytes, sheetEntry);
    return await readSheet(bytes, sheetEntry, { dateStyles, shared, merges, date1904: workbook.date1904 }, onRecord, unreadable);
  } catch (error) {
    if (error instanceof NotReadableZip || error instanceof XmlTooLong) throw unreadable();
    throw error;
  }
}

interface SheetContext {
  readonly dateStyles: readonly boolean[];
  readonly shared: readonly string[];
  readonly merges: readonly Merge[];
  readonly date1904: boolean;
}

async function readSheet(
  bytes: Uint8Array,
  sheet: ZipEntry,
  context: SheetContext,
  onRecord: (record: RawRecord) => boolean,
  unreadable: () => DataError,
): Promise<XlsxLayout> {
  const { dateStyles, shared, merges, date1904 } = context;
  let layout: XlsxLayout | undefined;
  let headerLength = 0;
  /** Merged cells that started above the header: their top-left value, by column, per covered row. */
  const mergedAbove: { merge: Merge; value: string }[] = [];
  let stopped = false;
  let inSheetData = false;

  let row: string[] = [];
  let rowNumberNow = 0;
  let nextColumn = 0;
  let cellColumn = 0;
  let cellType = '';
  let cellStyle = 0;
  let inValue = false;
  let value = '';
  let inline: TextCollector | undefined;

  const cellText = (): string => {
    if (value === '' && cellType !== 'inlineStr') return '';
    switch (cellType) {
      case 's': {
        const text = shared[Number(value)];
        if (text === undefined) throw unreadable();
        return text;
      }
      case 'inlineStr':
        return unescapeOoxml(inline?.value ?? '');
      case 'str':
      case 'e':
        return unescapeOoxml(value);
      case 'b':
        return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
      case 'd':
        return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
      default: {
        if (value === '') return '';
        const number = Number(value);
        if (Number.isNaN(number)) return value;
        if (dateStyles[cellStyle] === true) return serialToDate(number, date1904) ?? String(number);
        return String(number);
      }
    }
  };

  const isTitleRow = (number: number): boolean => merges.some((merge) => merge.top === number && merge.right > merge.left);

  const endRow = (): void => {
    if (!row.some((cell) => cell.trim() !== '')) return;
    if (layout === undefined) {
      // Cells merged from above (a name spanning two header rows) lend their value to this row.
      for (const { merge, value: merged } of mergedAbove) {
        if (merge.top < rowNumberNow && merge.bottom >= rowNumberNow) {
          for (let column = merge.left; column <= merge.right; column++) if ((row[column] ?? '') === '') row[column] = merged;
        }
      }
      if (isTitleRow(rowNumberNow)) {
        for (const merge of merges) if (merge.top === rowNumberNow) mergedAbove.push({ merge, value: row[merge.left] ?? '' });
        return;
      }
      const firstColumn = Math.max(0, row.findIndex((cell) => cell.trim() !== ''));
      let last = row.length;
      while (last > 0 && (row[last - 1] ?? '').trim() === '') last--;
      layout = { firstColumn };
      const header = row.slice(firstColumn, last);
      headerLength = header.length;
      if (!onRecord({ fields: header, line: rowNumberNow })) stopped = true;
      return;
    }
    const fields = layout.firstColumn === 0 ? row : row.slice(layout.firstColumn);
    // Cells beyond the header that are empty lose nothing: dropped, as Excel's trailing columns.
    while (fields.length > headerLength && (fields[fields.length - 1] ?? '') === '') fields.pop();
    // Empty cells at a row's end are not written: they are empty fields, not missing ones.
    while (fields.length < headerLength) fields.push('');
    if (!onRecord({ fields, line: rowNumberNow })) stopped = true;
  };

  const handler: XmlHandler = {
    get wantsText() {
      return inValue || inline !== undefined;
    },
    open(name, attributes, selfClosing) {
      if (name === 'sheetData') {
        inSheetData = !selfClosing;
        return;
      }
      if (!inSheetData) return;
      if (name === 'c') {
        const reference = attribute(attributes, 'r');
        const column = reference === undefined ? -1 : columnIndex(reference);
        cellColumn = column === -1 ? nextColumn : column;
        nextColumn = cellColumn + 1;
        cellType = attribute(attributes, 't') ?? 'n';
        cellStyle = Number(attribute(attributes, 's') ?? 0);
        value = '';
        inline = undefined;
        if (selfClosing) cellType = 'empty';
      } else if (name === 'v') {
        inValue = !selfClosing;
      } else if (name === 'is') {
        inline = new TextCollector();
      } else if (inline !== undefined) {
        inline.open(name, selfClosing);
      } else if (name === 'row') {
        const reference = attribute(attributes, 'r');
        rowNumberNow = reference === undefined ? rowNumberNow + 1 : rowNumber(reference);
        if (rowNumberNow < 1) throw unreadable();
        row = [];
        nextColumn = 0;
        if (selfClosing) endRow();
      }
    },
    close(name) {
      if (!inSheetData) return;
      if (name === 'v') inValue = false;
      else if (name === 'is') {
        // kept until the cell closes
      } else if (name === 'c') {
        const text = cellType === 'empty' ? '' : cellText();
        if (text !== '') {
          while (row.length < cellColumn) row.push('');
          row[cellColumn] = text;
        }
        inline = undefined;
      } else if (inline !== undefined) inline.close(name);
      else if (name === 'row') endRow();
      else if (name === 'sheetData') inSheetData = false;
    },
    text(text) {
      if (inValue) value += text;
      else inline?.text(text);
    },
  };
  const scanner = new XmlScanner(handler, MAX_PENDING);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of inflateEntry(bytes, sheet, MAX_SHEET)) {
    scanner.write(decoder.decode(chunk, { stream: true }));
    if (stopped) break;
  }
  if (!stopped) {
    scanner.write(decoder.decode());
    scanner.end();
  }
  return layout ?? { firstColumn: 0 };
}
