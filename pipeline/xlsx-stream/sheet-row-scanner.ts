import { Buffer } from 'node:buffer';
import { type CellValue, epochDayFromExcelSerial } from '../../core/index.js';
import {
  CELL_BLANK,
  CELL_DATE,
  CELL_FALSE,
  CELL_NUMBER,
  CELL_SHARED,
  CELL_TRUE,
  RowCells,
} from './row-cells.js';
import { runTags, runsText } from './runs-text.js';
import type { RunTags } from './runs-text.js';
import type { SharedStrings } from './shared-strings.js';
import {
  columnLetter,
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
} from '../../core/readers/index.js';
import {
  cellTooLong,
  columnPastLimit,
  MAX_ROW_XML_BYTES,
  rowPastLimit,
  rowTooLong,
  SheetLimitError,
} from './excel-limits.js';
import { GrowingBytes } from './growing-bytes.js';
import { decodeXmlText, detachedString, rootPrefix } from './xml-text.js';

/** One worksheet row as the scanner hands it over. */
export interface ScannedRow {
  /** Excel row number (1-based), from the row's `r` attribute or counted when it is missing. */
  rowNumber: number;
  /** `cells[j]` is column j+1; gaps are null, trailing blank cells are dropped (length ≥ 1). */
  cells: CellValue[];
}

/**
 * Takes each row as it is scanned, read in place (see `SheetRowScanner.pushTo`), so a reader that
 * only needs some cells never has an array or a value object made per cell.
 */
export interface RowSink {
  /** A row read in place: `cells` is reused for the next row, so it must be read before returning. */
  typedRow(rowNumber: number, cells: RowCells): void;
}

/** What a sheet's cells refer to outside the sheet. */
export interface SheetScanContext {
  sharedStrings: SharedStrings;
  /** Per style index (`s`): true for a date format, 'time' for time-only, false otherwise. */
  dateStyles: readonly (boolean | 'time')[];
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system; exceljs converts serials with the same offsets. */
const SERIAL_OF_UNIX_EPOCH = 25_569;
const DAYS_1900_TO_1904 = 1_462;

const LT = 60;
const GT = 62;
const EQ = 61;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;

const NO_BYTES = Buffer.alloc(0);
/** An unfinished row this long is held as it grows instead of being scanned again per chunk. */
const LONG_ROW_BYTES = 1024 * 1024;
/**
 * What `valueOf` gives for a shared-string cell: the item's number (in `sharedItem`), so the
 * cell stays an item number like every other shared-string cell (a table of records then codes
 * it by its number) and the scanner itself never asks for an item's text.
 */
const SHARED_ITEM: unique symbol = Symbol('shared-string item');
/** `</v>` and `</c>` read as little-endian 32-bit words. */
const CLOSE_V_WORD = Buffer.from('</v>').readInt32LE(0);
const CLOSE_C_WORD = Buffer.from('</c>').readInt32LE(0);
/** `<c r` (a cell start tag with its reference first) as a little-endian 32-bit word. */
const CELL_REF_WORD = Buffer.from('<c r').readInt32LE(0);
/** ` r="`, ` s="` and ` t="` as little-endian 32-bit words. */
const REF_WORD = Buffer.from(' r="').readInt32LE(0);
const STYLE_WORD = Buffer.from(' s="').readInt32LE(0);
const TYPE_WORD = Buffer.from(' t="').readInt32LE(0);
const ROW_NAME = Buffer.from('row');
const CELL_NAME = Buffer.from('c');

/**
 * Turns one worksheet XML, fed in chunks of any size (UTF-8 bytes as inflated, or text), into
 * rows of typed cells.
 *
 * It works on the bytes: markup is ASCII, so tags are found without decoding the sheet, and
 * only text that becomes a cell value (inline and formula strings, errors) is ever decoded.
 * Reading a typed array's bytes is about twice as fast as reading a string's characters, and
 * the ~430 MB of a full sheet are never turned into strings. It looks only for the few tags
 * that carry cell data (`row`, `c`, `v`, `is`) and keeps nothing but the unfinished tail of the
 * last chunk (at most one row), so memory does not grow with the sheet. Rows without any
 * non-blank cell are not handed over.
 */
export class SheetRowScanner {
  private tail: Buffer = NO_BYTES;
  /** A high surrogate that ended a text chunk, joined to the next one before encoding. */
  private heldSurrogate = '';
  /** The root element's namespace prefix with its colon (`'x:'`), once known. */
  private prefix = NO_BYTES;
  private prefixKnown = false;
  /** Whether the root element has no namespace prefix (as Excel writes it). */
  private noPrefix = true;
  private rowOpen = Buffer.from('<row');
  private rowClose = Buffer.from('</row>');
  private cellOpen = Buffer.from('<c');
  private cellClose = Buffer.from('</c>');
  private valueOpen = '<v';
  private valueClose = '</v>';
  private inlineOpen = '<is';
  private inlineClose = '</is>';
  private tags: RunTags = runTags('');
  private lastRowNumber = 0;
  private readonly dateOffset: number;
  /** The cells of the row being read. */
  private readonly cells: RowCells;
  /** Where rows go in place (`pushTo`), unless `holding` says they must wait (in `held`). */
  private sink: RowSink | undefined;
  private holding = false;
  /** Rows of a joined chunk head, copied, until the head is known to be whole (pushTo). */
  private readonly held: { rowNumber: number; cells: RowCells }[] = [];
  /** The shared-string item `valueOf` read, when it returned SHARED_ITEM. */
  private sharedItem = -1;

  constructor(private readonly context: SheetScanContext) {
    this.dateOffset = context.date1904
      ? DAYS_1900_TO_1904 - SERIAL_OF_UNIX_EPOCH
      : -SERIAL_OF_UNIX_EPOCH;
    this.cells = new RowCells(context.sharedStrings);
  }

  /**
   * Scans one more chunk of the sheet XML, appending the rows it completes to `out`. A byte
   * chunk may end anywhere, even inside a character; the caller must not change its bytes
   * afterwards only until the next call.
   */
  push(chunk: string | Uint8Array, out: ScannedRow[]): void {
    this.sink = undefined;
    this.pushChunk(chunk, out);
  }

  /** Rows `pushTo` holds back are never put in an array; this stands in for one. */
  private readonly noRows: ScannedRow[] = [];

  /**
   * Like `push`, but hands the rows to `sink` as they are scanned, most of them in place (see
   * RowSink), in sheet order.
   */
  pushTo(chunk: string | Uint8Array, sink: RowSink): void {
    this.sink = sink;
    try {
      this.pushChunk(chunk, this.noRows);
    } finally {
      this.sink = undefined;
      this.held.length = 0;
    }
  }

  private pushChunk(chunk: string | Uint8Array, out: ScannedRow[]): void {
    if (typeof chunk === 'string') {
      let text = this.heldSurrogate.length === 0 ? chunk : this.heldSurrogate + chunk;
      this.heldSurrogate = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        this.heldSurrogate = text.slice(-1);
        text = text.slice(0, -1);
      }
      this.pushBytes(Buffer.from(text, 'utf8'), out);
    } else {
      this.pushBytes(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length),
        out,
      );
    }
  }

  /** True when everything pushed so far ended on a complete row. */
  get isAtRowBoundary(): boolean {
    return !this.prefixKnown || (this.longRow === undefined && !this.tail.includes(this.rowOpen));
  }

  /** An unfinished row of LONG_ROW_BYTES or more, held until a chunk brings a row end. */
  private longRow: GrowingBytes | undefined;
  /** The long row's length when it was last read for cells past Excel's limits. */
  private longRowChecked = 0;

  private pushBytes(chunk: Buffer, out: ScannedRow[]): void {
    if (!this.prefixKnown) {
      const buf = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
      if (!this.detectPrefix(buf)) {
        if (buf.length > MAX_ROW_XML_BYTES) throw new SheetLimitError('no worksheet element found');
        this.tail = Buffer.from(buf);
        return;
      }
      this.keepFrom(buf, this.scanRows(buf, 0, out));
      return;
    }
    if (this.holdLongRow(chunk)) return;
    let bytes = chunk;
    let from = 0;
    if (this.tail.length > 0) {
      // The unfinished row carried over is joined with the chunk only up to the chunk's first
      // row end, so the rest of the chunk is scanned where it is, without a copy.
      const rowsBefore = out.length;
      this.held.length = 0;
      const lastRowNumber = this.lastRowNumber;
      const close = chunk.indexOf(this.rowClose);
      const headEnd = close + this.rowClose.length;
      const head = close < 0 ? NO_BYTES : Buffer.concat([this.tail, chunk.subarray(0, headEnd)]);
      // Rows of the joined head wait (in `out`, or `held` for a sink), since they may have to be
      // undone.
      this.holding = true;
      const whole = close >= 0 && this.scanRows(head, 0, out) === head.length;
      this.holding = false;
      if (whole) {
        from = headEnd;
        const sink = this.sink;
        if (sink !== undefined) {
          for (const row of this.held) sink.typedRow(row.rowNumber, row.cells);
          this.held.length = 0;
        }
      } else {
        // The carried bytes were not one unfinished row (or no row ends in this chunk): undo
        // and scan the whole joined bytes instead.
        out.length = rowsBefore;
        this.held.length = 0;
        this.lastRowNumber = lastRowNumber;
        bytes = Buffer.concat([this.tail, chunk]);
      }
    }
    this.keepFrom(bytes, this.scanRows(bytes, from, out));
  }

  /**
   * Holds `chunk` as more of a long unfinished row when it brings no row end, rather than
   * scanning the row again from its start (which made rows of many chunks quadratic); returns
   * false, with the held row put back as the tail, when the chunk is to be scanned as usual.
   * Each time the row has doubled it is read once for cells past Excel's limits, so a hostile
   * row is refused within a few chunks, and past MAX_ROW_XML_BYTES it is refused whole.
   */
  private holdLongRow(chunk: Buffer): boolean {
    const long = this.longRow;
    if (long === undefined && this.tail.length < LONG_ROW_BYTES) return false;
    const close = chunk.indexOf(this.rowClose);
    if (close >= 0) {
      if (long !== undefined) {
        if (long.length + close > MAX_ROW_XML_BYTES) this.checkLongRow(long.view(), true);
        this.tail = long.view();
        this.longRow = undefined;
      }
      return false;
    }
    const row = long ?? new GrowingBytes(this.tail);
    this.longRow = row;
    this.tail = NO_BYTES;
    row.append(chunk);
    const tooLong = row.length > MAX_ROW_XML_BYTES;
    if (tooLong || row.length >= 2 * this.longRowChecked) this.checkLongRow(row.view(), tooLong);
    return true;
  }

  /**
   * Reads the cells of a long unfinished row for Excel's limits, handing nothing over; then
   * refuses it when it is `tooLong` (the cells are read first, to name the row).
   */
  private checkLongRow(bytes: Buffer, tooLong: boolean): void {
    this.longRowChecked = bytes.length;
    const lastRowNumber = this.lastRowNumber;
    this.holding = true;
    try {
      this.scanRows(bytes, 0, []);
    } finally {
      this.holding = false;
      this.held.length = 0;
    }
    const rowNumber = this.lastRowNumber + 1;
    this.lastRowNumber = lastRowNumber;
    if (tooLong) throw rowTooLong(rowNumber, MAX_ROW_XML_BYTES);
  }

  /** Keeps a copy of the unscanned rest (the caller may reuse its chunk's memory). */
  private keepFrom(bytes: Buffer, pos: number): void {
    this.tail = pos >= bytes.length ? NO_BYTES : Buffer.from(bytes.subarray(pos));
  }

  private detectPrefix(buf: Buffer): boolean {
    const prefix = rootPrefix(buf.toString('utf8'));
    if (prefix === undefined) return false;
    this.prefixKnown = true;
    this.prefix = Buffer.from(prefix);
    this.noPrefix = prefix.length === 0;
    this.rowOpen = Buffer.from(`<${prefix}row`);
    this.rowClose = Buffer.from(`</${prefix}row>`);
    this.cellOpen = Buffer.from(`<${prefix}c`);
    this.cellClose = Buffer.from(`</${prefix}c>`);
    this.valueOpen = `<${prefix}v`;
    this.valueClose = `</${prefix}v>`;
    this.inlineOpen = `<${prefix}is`;
    this.inlineClose = `</${prefix}is>`;
    this.tags = runTags(prefix);
    return true;
  }

  /**
   * Scans the complete rows of `buf` from `from`, appending the non-empty ones to `out`, and
   * returns where the unscanned rest (an unfinished row, or a few bytes that may start one)
   * begins.
   *
   * Rows and cells follow each other directly in what Excel and exceljs write, so each tag is
   * checked for where the previous one ended and searched for only when it is not there; a
   * row's end is found by reading its cells, never by a search through the row first. Every read
   * past the end of `buf` means the row is unfinished.
   */
  private scanRows(buf: Buffer, from: number, out: ScannedRow[]): number {
    const { rowOpen, rowClose } = this;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    const length = buf.length;
    let pos = from;
    for (;;) {
      let open = pos;
      if (pos >= length || buf[pos] !== LT || !this.isNameAt(buf, pos + 1, ROW_NAME)) {
        open = buf.indexOf(rowOpen, pos);
        if (open < 0) {
          pos = Math.max(pos, buf.length - rowOpen.length);
          break;
        }
      }
      // Reads below are kept inside `buf` explicitly: V8 compiles byte loads that have never
      // gone past the end of a typed array into much faster code.
      if (open + rowOpen.length >= length) {
        pos = open;
        break;
      }
      if (!isNameEnd(buf[open + rowOpen.length]!)) {
        // `<rowBreaks>` and the like.
        pos = open + rowOpen.length;
        continue;
      }
      let numberAt = -1;
      let tagEnd = open + rowOpen.length;
      for (; tagEnd < length; tagEnd++) {
        const code = buf[tagEnd]!;
        if (code === GT) break;
        if (code === EQ && tagEnd + 1 < length) {
          const quote = buf[tagEnd + 1]!;
          if (quote === QUOTE || quote === APOSTROPHE) {
            if (numberAt < 0 && buf[tagEnd - 1] === 114 /* r */ && isSpace(buf[tagEnd - 2]!)) {
              numberAt = tagEnd + 2;
            }
            tagEnd += 2;
            while (tagEnd < length && buf[tagEnd] !== quote) tagEnd++;
          }
        }
      }
      if (tagEnd >= length) {
        pos = open;
        break;
      }
      const rowNumber = this.rowNumberOf(buf, numberAt);
      if (buf[tagEnd - 1] === SLASH) {
        pos = tagEnd + 1;
        continue;
      }
      this.cellsOf(buf, tagEnd + 1);
      if (this.rowEnd < 0) {
        // Unfinished row: scan it again, whole, once the next chunk has arrived.
        this.lastRowNumber = rowNumber - 1;
        pos = open;
        break;
      }
      const cells = this.cells;
      if (cells.width > 0) {
        const sink = this.sink;
        if (sink === undefined) out.push({ rowNumber, cells: cells.toArray() });
        else if (!this.holding) sink.typedRow(rowNumber, cells);
        else this.held.push({ rowNumber, cells: cells.copy() });
      }
      pos = this.rowEnd + rowClose.length;
    }
    return pos;
  }

  private rowNumberOf(buf: Buffer, numberAt: number): number {
    let rowNumber = 0;
    let digits = 0;
    if (numberAt >= 0) {
      for (let i = numberAt; ; i++) {
        const digit = (buf[i] ?? -1) - 48;
        if (digit < 0 || digit > 9) break;
        rowNumber = rowNumber * 10 + digit;
        digits++;
      }
    }
    this.rowDigits = rowNumber > 0 ? digits : 0;
    if (rowNumber <= 0) rowNumber = this.lastRowNumber + 1;
    if (rowNumber > EXCEL_MAX_ROWS) {
      throw rowPastLimit(digits > 0 ? attributeText(buf, numberAt) : String(rowNumber));
    }
    this.lastRowNumber = rowNumber;
    return rowNumber;
  }

  /** Digits of the row's own `r` number (0 without one): its cells' references end in as many. */
  private rowDigits = 0;

  /** Where the row read by `cellsOf` ends (its `</row>`), or -1 when `buf` ends first. */
  private rowEnd = -1;

  /**
   * Reads the cells of the row whose content starts at `start` into `cells`, up to its `</row>`
   * (see `rowEnd`).
   */
  private cellsOf(buf: Buffer, start: number): void {
    const { cellOpen, cellClose, rowClose, cells } = this;
    cells.clear();
    this.rowEnd = -1;
    const length = buf.length;
    let nextColumn = 0;
    let pos = start;
    for (;;) {
      let open = -1;
      let nameEnd = -1;
      if (pos + 4 <= length && this.view.getInt32(pos, true) === CELL_REF_WORD && this.noPrefix) {
        // `<c r`: the usual next thing, told by one load.
        open = pos;
        nameEnd = pos + 2;
      } else if (pos + 6 + this.prefix.length <= length && buf[pos] === LT) {
        if (
          buf[pos + 1] === SLASH &&
          this.isNameAt(buf, pos + 2, ROW_NAME) &&
          buf[pos + 5 + this.prefix.length] === GT
        ) {
          this.rowEnd = pos;
          break;
        }
        if (
          this.prefix.length === 0
            ? buf[pos + 1] === 99 /* c */
            : this.isNameAt(buf, pos + 1, CELL_NAME)
        ) {
          open = pos;
        }
      }
      if (open < 0) {
        // Something else here (white space, another element): search the next cell and the
        // row's end.
        const rowEnd = buf.indexOf(rowClose, pos);
        if (rowEnd < 0) return;
        const nextCell = buf.indexOf(cellOpen, pos);
        if (nextCell < 0 || nextCell >= rowEnd) {
          this.rowEnd = rowEnd;
          break;
        }
        open = nextCell;
      }
      if (nameEnd < 0) {
        nameEnd = open + cellOpen.length;
        if (nameEnd >= length) return;
        if (!isNameEnd(buf[nameEnd]!)) {
          pos = nameEnd;
          continue;
        }
      }
      let column = -1;
      let style = -1;
      let typeAt = -1;
      let refAt = -1;
      let tagEnd = this.shortStartTag(buf, nameEnd);
      if (tagEnd >= 0) {
        refAt = nameEnd + 4;
        column = this.shortColumn;
        style = this.shortStyle;
        typeAt = this.shortTypeAt;
      } else {
        let styleAt = -1;
        // One pass over any other start tag: where the `r`, `s` and `t` values start, and its `>`.
        tagEnd = nameEnd;
        for (;;) {
          const code = buf[tagEnd];
          if (code === undefined || code === GT) break;
          if (code === EQ) {
            const quote = buf[tagEnd + 1];
            if (quote === QUOTE || quote === APOSTROPHE) {
              if (isSpace(buf[tagEnd - 2]!)) {
                const name = buf[tagEnd - 1];
                if (name === 114 /* r */) refAt = tagEnd + 2;
                else if (name === 115 /* s */) styleAt = tagEnd + 2;
                else if (name === 116 /* t */) typeAt = tagEnd + 2;
              }
              tagEnd += 2;
              while (tagEnd < buf.length && buf[tagEnd] !== quote) tagEnd++;
            }
          }
          tagEnd++;
        }
        if (tagEnd >= buf.length) return;
        const referenced = refAt >= 0 ? columnIndexAt(buf, refAt) : -1;
        if (referenced < 0) refAt = -1;
        column = referenced >= 0 ? referenced : nextColumn;
        style = styleAt < 0 ? -1 : integerAt(buf, styleAt);
      }
      // One compare per cell keeps a reference such as ZZZZZZ25 from sizing the row's arrays.
      if (column >= EXCEL_MAX_COLUMNS) {
        throw columnPastLimit(
          refAt < 0 ? undefined : attributeText(buf, refAt),
          this.lastRowNumber,
        );
      }
      nextColumn = column + 1;
      let lastCell = false;
      if (buf[tagEnd - 1] === SLASH) {
        pos = tagEnd + 1;
      } else {
        this.plainCell(buf, tagEnd + 1, typeAt, style, column);
        if (this.plainEnd >= 0) {
          pos = this.plainEnd;
        } else {
          const rowEnd = buf.indexOf(rowClose, tagEnd);
          if (rowEnd < 0) return;
          const close = buf.indexOf(cellClose, tagEnd);
          // A cell without its `</c>` ends with its row.
          lastCell = close < 0 || close > rowEnd;
          const contentEnd = lastCell ? rowEnd : close;
          pos = contentEnd + cellClose.length;
          const value = this.valueOf(
            buf.toString('utf8', tagEnd + 1, contentEnd),
            typeAt < 0 ? 110 /* n */ : buf[typeAt]!,
            typeAt >= 0 && attributeLength(buf, typeAt) === 1,
            style,
          );
          if (typeof value === 'string' && value.length > EXCEL_MAX_CELL_CHARS) {
            throw cellTooLong(this.cellName(buf, refAt, column), value.length);
          }
          if (value === SHARED_ITEM) {
            const item = this.sharedItem;
            if (item < this.context.sharedStrings.length) cells.set(column, CELL_SHARED, item);
          } else if (value !== null && value !== undefined) cells.setValue(column, value);
          if (lastCell) this.rowEnd = rowEnd;
        }
      }
      if (lastCell) break;
    }
  }

  /** A cell as a message names it: its reference, else its row and column. */
  private cellName(buf: Buffer, refAt: number, column: number): string {
    return refAt >= 0
      ? `cell ${attributeText(buf, refAt)}`
      : `row ${this.lastRowNumber}, column ${columnLetter(column)}`;
  }

  /** The column, the style (or -1) and where the `t` value starts (or -1), read by `shortStartTag`. */
  private shortColumn = 0;
  private shortStyle = -1;
  private shortTypeAt = -1;

  /**
   * Reads the cell start tag Excel and exceljs write, ` r="B12"`, then optionally ` s="3"`, then
   * optionally ` t="s"`, then `>` or `/>`, from just after its name, in one pass; returns the
   * index of its `>` (setting `shortColumn`, `shortStyle`, `shortTypeAt`), or -1 for any other
   * form (other attributes or order, single quotes, lower-case column letters, the end of `buf`),
   * which the general walk then reads. Never reads past the end of `buf`.
   */
  private shortStartTag(buf: Buffer, at: number): number {
    const view = this.view;
    const length = buf.length;
    if (at + 4 > length || view.getInt32(at, true) !== REF_WORD) return -1;
    let p = at + 4;
    let letters = 0;
    for (; p < length; p++) {
      const code = buf[p]!;
      if (code < 65 || code > 90) break;
      letters = letters * 26 + (code - 64);
    }
    // The row part is not used (the row's own number counts), so when it is as long as the row's
    // number it is stepped over whole: the first byte after the letters must be a digit and the
    // byte after the part a quote; anything else is read digit by digit.
    const skip = p + this.rowDigits;
    if (skip > p && skip < length && buf[skip] === QUOTE && isDigit(buf[p]!)) p = skip;
    else {
      for (; p < length; p++) {
        if (!isDigit(buf[p]!)) break;
      }
    }
    if (letters === 0 || p >= length || buf[p] !== QUOTE) return -1;
    p++;
    let style = -1;
    if (p + 4 <= length && view.getInt32(p, true) === STYLE_WORD) {
      p += 4;
      style = 0;
      for (; p < length; p++) {
        const code = buf[p]!;
        if (code < 48 || code > 57) break;
        style = style * 10 + (code - 48);
      }
      if (p >= length || buf[p] !== QUOTE) return -1;
      p++;
    }
    let typeAt = -1;
    if (p + 4 <= length && view.getInt32(p, true) === TYPE_WORD) {
      p += 4;
      typeAt = p;
      // Mostly one letter (`s`, `b`, `e`, `n`): its quote is checked straight away.
      const first = p < length ? buf[p]! : -1;
      if (first >= 97 && first <= 122 && p + 1 < length && buf[p + 1] === QUOTE) p++;
      else {
        for (; p < length; p++) {
          const code = buf[p]!;
          if (code < 97 || code > 122) break;
        }
      }
      if (p >= length || buf[p] !== QUOTE) return -1;
      p++;
    }
    if (p < length && buf[p] === SLASH) p++;
    if (p >= length || buf[p] !== GT) return -1;
    this.shortColumn = letters - 1;
    this.shortStyle = style;
    this.shortTypeAt = typeAt;
    return p;
  }

  /** Whether `buf` holds the prefix and then `name` (a tag name's bytes, e.g. `row`) at `at`. */
  private isNameAt(buf: Buffer, at: number, name: Uint8Array): boolean {
    const prefix = this.prefix;
    if (at + prefix.length + name.length > buf.length) return false;
    let i = at;
    for (let k = 0; k < prefix.length; k++, i++) if (buf[i] !== prefix[k]) return false;
    for (let k = 0; k < name.length; k++, i++) if (buf[i] !== name[k]) return false;
    return true;
  }

  private isPrefixAt(buf: Buffer, at: number): boolean {
    const prefix = this.prefix;
    for (let i = 0; i < prefix.length; i++) if (buf[at + i] !== prefix[i]) return false;
    return true;
  }

  /** The bytes `scanRows` reads, for reading several at once. */
  private view: DataView = new DataView(new ArrayBuffer(0));

  /** Where the cell read by `plainValue` ends (after its `</c>`), or -1 when it was not plain. */
  private plainEnd = -1;

  /**
   * Reads the common cell `<c …><v>digits</v></c>` (a number, a shared string index or a 0/1
   * boolean) into column `column` of `cells` in one pass over its bytes. Sets `plainEnd` to -1 for
   * every other form, which `valueOf` then reads from the decoded cell content.
   */
  private plainCell(buf: Buffer, at: number, typeAt: number, style: number, column: number): void {
    this.plainEnd = -1;
    const prefixLength = this.prefix.length;
    const length = buf.length;
    if (
      at + 3 + prefixLength > length ||
      buf[at] !== LT ||
      buf[at + 1 + prefixLength] !== 118 /* v */ ||
      buf[at + 2 + prefixLength] !== GT ||
      (prefixLength > 0 && !this.isPrefixAt(buf, at + 1))
    ) {
      return;
    }
    let type = 110; /* n */
    if (typeAt >= 0) {
      const quote = buf[typeAt + 1];
      if (quote !== QUOTE && quote !== APOSTROPHE) return;
      type = buf[typeAt]!;
    }
    const valueStart = at + 3 + prefixLength;
    let i = valueStart;
    // -1 past the end of `buf`, so no load goes out of bounds (see scanRows).
    let code = i < length ? buf[i]! : -1;
    let kind: number;
    let number = 0;
    if (type === 110 /* n */) {
      const negative = code === 45; /* - */
      if (negative) code = ++i < length ? buf[i]! : -1;
      let mantissa = 0;
      let digits = 0;
      let fraction = -1;
      for (;;) {
        if (code >= 48 && code <= 57) {
          mantissa = mantissa * 10 + (code - 48);
          digits++;
        } else if (code === 46 /* . */ && fraction < 0) {
          fraction = i;
        } else {
          break;
        }
        code = ++i < length ? buf[i]! : -1;
      }
      // Exponents, long digit runs and anything unusual go the general way (`Number`).
      if (code !== LT || digits === 0 || digits > 15) return;
      const scale = fraction < 0 ? 0 : i - fraction - 1;
      const magnitude = scale === 0 ? mantissa : mantissa / (POWERS_OF_TEN[scale] ?? 10 ** scale);
      number = negative ? -magnitude : magnitude;
      kind = CELL_NUMBER;
    } else if (type === 115 /* s */) {
      let index = 0;
      while (code >= 48 && code <= 57) {
        index = index * 10 + (code - 48);
        code = ++i < length ? buf[i]! : -1;
      }
      if (code !== LT || i === valueStart) return;
      number = index;
      kind = index < this.context.sharedStrings.length ? CELL_SHARED : CELL_BLANK;
    } else if (type === 98 /* b */) {
      if ((code !== 48 && code !== 49) || i + 1 >= length || buf[i + 1] !== LT) return;
      kind = code === 49 ? CELL_TRUE : CELL_FALSE;
      i++;
    } else {
      return;
    }
    // `i` is at `<`: the rest must be exactly `</v></c>` (with the prefix) for the fast path.
    const cellCloseAt = i + 4 + prefixLength;
    if (prefixLength === 0 && i + 8 <= buf.length) {
      // `</v></c>` as two little-endian words: two loads instead of eight.
      const view = this.view;
      if (view.getInt32(i, true) !== CLOSE_V_WORD || view.getInt32(i + 4, true) !== CLOSE_C_WORD) {
        return;
      }
    } else if (
      buf[i + 1] !== SLASH ||
      buf[i + 2 + prefixLength] !== 118 /* v */ ||
      buf[i + 3 + prefixLength] !== GT ||
      buf[cellCloseAt] !== LT ||
      buf[cellCloseAt + 1] !== SLASH ||
      buf[cellCloseAt + 2 + prefixLength] !== 99 /* c */ ||
      buf[cellCloseAt + 3 + prefixLength] !== GT ||
      (prefixLength > 0 && !(this.isPrefixAt(buf, i + 2) && this.isPrefixAt(buf, cellCloseAt + 2)))
    ) {
      return;
    }
    this.plainEnd = cellCloseAt + 4 + prefixLength;
    if (kind === CELL_NUMBER && style >= 0) this.setSerial(column, number, style);
    else if (kind !== CELL_BLANK) this.cells.set(column, kind, number);
  }

  /**
   * Sets a number cell of style `style`: the number itself, or for a date format the time value
   * of the Date `dateOf` gives (the same value, without making the Date).
   */
  private setSerial(column: number, serial: number, style: number): void {
    const dateStyle = this.context.dateStyles[style];
    if (dateStyle !== true && dateStyle !== 'time') {
      this.cells.set(column, CELL_NUMBER, serial);
      return;
    }
    if (dateStyle === true && Number.isInteger(serial)) {
      // A whole day, as most dates in an export are: no time of day to round off.
      const day = epochDayFromExcelSerial(serial, this.context.date1904);
      if (day !== undefined) {
        this.cells.set(column, CELL_DATE, day * MS_PER_DAY);
        return;
      }
    }
    const ms = Math.round((serial + this.dateOffset) * MS_PER_DAY);
    const timeMs = timeOfDayMs(ms);
    const whole = (ms - timeMs) / MS_PER_DAY - this.dateOffset;
    const day =
      dateStyle === 'time' ? undefined : epochDayFromExcelSerial(whole, this.context.date1904);
    if (day === undefined) this.cells.set(column, CELL_NUMBER, whole + timeMs / MS_PER_DAY);
    else this.cells.set(column, CELL_DATE, day * MS_PER_DAY + timeMs);
  }

  /**
   * Any cell's value from its decoded content (the XML between `<c …>` and `</c>`); for a
   * shared-string cell, SHARED_ITEM with the item's number in `sharedItem`.
   *
   * @param type first character code of the `t` attribute (110, `n`, when there is none).
   * @param oneCharType whether `t` is that one character (`s`, not `str`).
   * @param style the `s` attribute as an integer, or -1 without one.
   */
  private valueOf(
    xml: string,
    type: number,
    oneCharType: boolean,
    style: number,
  ): CellValue | typeof SHARED_ITEM {
    const contentEnd = xml.length;
    // Type codes: s shared string, str formula text, inlineStr, b, e, n (default), d (ISO date).
    if (type === 105 /* i */) return this.inlineText(xml, 0, contentEnd);

    // Writers put <v> first unless there is a formula, so look right at the start first.
    const valueTag = xml.startsWith(this.valueOpen, 0)
      ? 0
      : childTagAt(xml, 0, contentEnd, this.valueOpen);
    if (valueTag < 0) return null;
    const valueTagEnd = xml.indexOf('>', valueTag);
    if (xml.charCodeAt(valueTagEnd - 1) === SLASH) return null;
    let valueEnd = xml.indexOf(this.valueClose, valueTagEnd);
    if (valueEnd < 0 || valueEnd > contentEnd) valueEnd = contentEnd;
    const valueStart = valueTagEnd + 1;
    if (valueStart === valueEnd) return null;

    if (type === 110 /* n */) {
      const serial = numberAt(xml, valueStart, valueEnd);
      if (style >= 0) {
        const dateStyle = this.context.dateStyles[style];
        if (dateStyle === true || dateStyle === 'time') {
          return this.dateOf(serial, dateStyle === 'time');
        }
      }
      return serial;
    }
    if (type === 115 /* s */) {
      if (oneCharType) {
        this.sharedItem = stringIntegerAt(xml, valueStart);
        return SHARED_ITEM;
      }
      return detachedString(decodeXmlText(xml.slice(valueStart, valueEnd)));
    }
    const raw = xml.slice(valueStart, valueEnd);
    if (type === 98 /* b */) return raw === '1' || raw === 'true';
    if (type === 101 /* e */) return { error: detachedString(decodeXmlText(raw)) };
    if (type === 100 /* d */) return isoDate(raw);
    return +raw;
  }

  /**
   * A date-formatted serial as the UTC Date of its calendar day and time (to the millisecond, as
   * exceljs rounds), in the workbook's date system; the serial itself for time-only formats and
   * for the 1900 system's phantom 1900-02-29, where no calendar day exists.
   */
  private dateOf(serial: number, timeOnly: boolean): CellValue {
    const ms = Math.round((serial + this.dateOffset) * MS_PER_DAY);
    const timeMs = ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    const whole = (ms - timeMs) / MS_PER_DAY - this.dateOffset;
    if (timeOnly) return whole + timeMs / MS_PER_DAY;
    const day = epochDayFromExcelSerial(whole, this.context.date1904);
    return day === undefined ? whole + timeMs / MS_PER_DAY : new Date(day * MS_PER_DAY + timeMs);
  }

  private inlineText(xml: string, start: number, contentEnd: number): CellValue {
    const open = childTagAt(xml, start, contentEnd, this.inlineOpen);
    if (open >= 0) {
      const tagEnd = xml.indexOf('>', open);
      if (xml.charCodeAt(tagEnd - 1) === SLASH) return '';
      const close = xml.indexOf(this.inlineClose, tagEnd);
      const end = close < 0 || close > contentEnd ? contentEnd : close;
      return detachedString(runsText(xml, tagEnd + 1, end, this.tags));
    }
    // Some writers put an inline string's text in <v>.
    const valueTag = childTagAt(xml, start, contentEnd, this.valueOpen);
    if (valueTag < 0) return null;
    const valueTagEnd = xml.indexOf('>', valueTag);
    const valueEnd = xml.indexOf(this.valueClose, valueTagEnd);
    if (valueEnd < 0 || valueEnd > contentEnd) return null;
    return detachedString(decodeXmlText(xml.slice(valueTagEnd + 1, valueEnd)));
  }
}

/**
 * `((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY`, the milliseconds into the day, for any
 * time value; integers below 2^53 (every date a Date holds) skip the slow floating-point `%`.
 */
function timeOfDayMs(ms: number): number {
  if (!(ms >= -MAX_EXACT_INTEGER && ms <= MAX_EXACT_INTEGER) || ms !== Math.floor(ms)) {
    return ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  }
  // Exact: the product and the difference of integers below 2^53 are exact.
  let time = ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
  if (time < 0) time += MS_PER_DAY;
  else if (time >= MS_PER_DAY) time -= MS_PER_DAY;
  return time;
}

const MAX_EXACT_INTEGER = 2 ** 52;

/** After a tag name: white space, `>` or `/` (so `<c` does not match `<col`). */
function isNameEnd(code: number): boolean {
  return code === GT || code === SLASH || code === 32 || code === 9 || code === 10 || code === 13;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Index of the child start tag `open` (e.g. `<v`) among the tags in `[from, to)`, or -1. Walks
 * the `<` of the cell's content, so a cell without that child never searches past its end.
 */
function childTagAt(xml: string, from: number, to: number, open: string): number {
  for (let lt = xml.indexOf('<', from); lt >= 0 && lt < to; lt = xml.indexOf('<', lt + 1)) {
    if (xml.startsWith(open, lt) && isNameEnd(xml.charCodeAt(lt + open.length))) return lt;
  }
  return -1;
}

/** Length of the attribute value starting at `start` (up to the closing quote). */
function attributeLength(buf: Buffer, start: number): number {
  let i = start;
  for (;;) {
    const code = buf[i];
    if (code === QUOTE || code === APOSTROPHE || code === undefined) return i - start;
    i++;
  }
}

/** An attribute's raw value from `start` (ASCII, at most 64 bytes), to quote it in a message. */
function attributeText(buf: Buffer, start: number): string {
  return buf.toString('latin1', start, start + Math.min(64, attributeLength(buf, start)));
}

/** Zero-based column of a cell reference such as `AB12` (letters only are read). */
function columnIndexAt(buf: Buffer, start: number): number {
  let column = 0;
  for (let i = start; ; i++) {
    let code = buf[i];
    if (code === undefined) break;
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

function integerAt(buf: Buffer, start: number): number {
  let value = 0;
  for (let i = start; ; i++) {
    const digit = (buf[i] ?? -1) - 48;
    if (!(digit >= 0 && digit <= 9)) return value;
    value = value * 10 + digit;
  }
}

function stringIntegerAt(text: string, start: number): number {
  let value = 0;
  for (let i = start; ; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return value;
    value = value * 10 + digit;
  }
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number written in `text[start, end)`, exactly as `Number(text)` reads it. Plain decimals
 * of up to 15 significant digits are read without making a string: the digits form an exact
 * integer m < 2^53 and m / 10^k (10^k exact for k ≤ 22) is then correctly rounded, as the
 * decimal is. Anything else (exponents, long digit runs, white space) falls back to `Number`.
 */
function numberAt(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
    } else if (code === 46 /* . */ && fraction < 0) {
      fraction = i;
    } else {
      return +text.slice(start, end);
    }
  }
  if (digits === 0 || digits > 15) return +text.slice(start, end);
  const scale = fraction < 0 ? 0 : end - fraction - 1;
  const value = scale === 0 ? mantissa : mantissa / (POWERS_OF_TEN[scale] ?? 10 ** scale);
  return negative ? -value : value;
}

/** `t="d"` cells hold an ISO 8601 date-time; without a zone it is the wall-clock time, as UTC. */
function isoDate(raw: string): Date | null {
  const text = raw.trim();
  if (text === '') return null;
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
  const ms = Date.parse(/^\d{4}-\d\d-\d\d$/.test(zoned) ? `${zoned}T00:00:00Z` : zoned);
  return Number.isNaN(ms) ? null : new Date(ms);
}
