import type { CellValue } from '../../core/columns/cell-value.js';
import { epochDayFromExcelSerial } from '../../core/columns/epoch-day.js';
import { runTags, runsText } from './runs-text.js';
import type { RunTags } from './runs-text.js';
import { decodeXmlText, detachedString, rootPrefix } from './xml-text.js';

/** One worksheet row as the scanner hands it over. */
export interface ScannedRow {
  /** Excel row number (1-based), from the row's `r` attribute or counted when it is missing. */
  rowNumber: number;
  /** `cells[j]` is column j+1; gaps are null, trailing blank cells are dropped (length ≥ 1). */
  cells: CellValue[];
}

/** What a sheet's cells refer to outside the sheet. */
export interface SheetScanContext {
  sharedStrings: readonly string[];
  /** By cell style index (`s`): whether the style's number format is a date/time format. */
  /** Per style index: true for a date format, 'time' for time-only, false otherwise. */
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

/**
 * Turns the text of one worksheet XML, fed in chunks of any size, into rows of typed cells.
 *
 * It looks only for the few tags that carry cell data (`row`, `c`, `v`, `is`) with `indexOf`
 * and keeps nothing but the unfinished tail of the last chunk (at most one row), so memory does
 * not grow with the sheet. Rows without any non-blank cell are not handed over.
 */
export class SheetRowScanner {
  private buffer = '';
  /** The root element's namespace prefix with its colon (`'x:'`), once known. */
  private prefix = '';
  private prefixKnown = false;
  private rowOpen = '<row';
  private rowClose = '</row>';
  private cellOpen = '<c';
  private cellClose = '</c>';
  private valueOpen = '<v';
  private valueClose = '</v>';
  private inlineOpen = '<is';
  private inlineClose = '</is>';
  private tags: RunTags = runTags('');
  private lastRowNumber = 0;
  private readonly dateOffset: number;

  constructor(private readonly context: SheetScanContext) {
    this.dateOffset = context.date1904
      ? DAYS_1900_TO_1904 - SERIAL_OF_UNIX_EPOCH
      : -SERIAL_OF_UNIX_EPOCH;
  }

  /** Scans one more chunk of the sheet XML, appending the rows it completes to `out`. */
  push(chunk: string, out: ScannedRow[]): void {
    if (!this.prefixKnown) {
      const buf = this.buffer + chunk;
      this.buffer = buf;
      if (!this.detectPrefix(buf)) return;
      this.keepFrom(buf, this.scanRows(buf, 0, out));
      return;
    }
    let text = chunk;
    let from = 0;
    if (this.buffer.length > 0) {
      // The unfinished row carried over is joined with the chunk only up to the chunk's first
      // row end, so the rest of the chunk is scanned as the flat string it is: V8 reads the
      // characters of a joined (cons) string about half as fast.
      const rowsBefore = out.length;
      const lastRowNumber = this.lastRowNumber;
      const close = chunk.indexOf(this.rowClose);
      const headEnd = close + this.rowClose.length;
      const head = close < 0 ? '' : this.buffer + chunk.slice(0, headEnd);
      if (close >= 0 && this.scanRows(head, 0, out) === head.length) {
        from = headEnd;
      } else {
        // The carried text was not one unfinished row (or no row ends in this chunk): undo
        // and scan the whole joined text instead.
        out.length = rowsBefore;
        this.lastRowNumber = lastRowNumber;
        text = this.buffer + chunk;
      }
    }
    this.keepFrom(text, this.scanRows(text, from, out));
  }

  private keepFrom(text: string, pos: number): void {
    this.buffer = pos >= text.length ? '' : text.slice(pos);
  }

  /**
   * Scans the complete rows of `buf` from `from`, appending the non-empty ones to `out`, and
   * returns where the unscanned rest (an unfinished row, or a few characters that may start
   * one) begins.
   */
  private scanRows(buf: string, from: number, out: ScannedRow[]): number {
    const { rowOpen, rowClose } = this;
    let pos = from;
    for (;;) {
      const open = buf.indexOf(rowOpen, pos);
      if (open < 0) {
        pos = Math.max(pos, buf.length - rowOpen.length);
        break;
      }
      const after = buf.charCodeAt(open + rowOpen.length);
      if (Number.isNaN(after)) {
        pos = open;
        break;
      }
      if (!isNameEnd(after)) {
        // `<rowBreaks>` and the like.
        pos = open + rowOpen.length;
        continue;
      }
      const tagEnd = buf.indexOf('>', open);
      if (tagEnd < 0) {
        pos = open;
        break;
      }
      const rowNumber = this.rowNumberOf(buf, open, tagEnd);
      if (buf.charCodeAt(tagEnd - 1) === SLASH) {
        pos = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf(rowClose, tagEnd);
      if (close < 0) {
        // Unfinished row: scan it again, whole, once the next chunk has arrived.
        this.lastRowNumber = rowNumber - 1;
        pos = open;
        break;
      }
      const cells = this.cellsOf(buf, tagEnd + 1, close);
      if (cells.length > 0) out.push({ rowNumber, cells });
      pos = close + rowClose.length;
    }
    return pos;
  }

  /** True when everything pushed so far ended on a complete row. */
  get isAtRowBoundary(): boolean {
    return !this.prefixKnown || !this.buffer.includes(this.rowOpen);
  }

  private detectPrefix(buf: string): boolean {
    const prefix = rootPrefix(buf);
    if (prefix === undefined) return false;
    this.prefix = prefix;
    this.prefixKnown = true;
    this.rowOpen = `<${prefix}row`;
    this.rowClose = `</${prefix}row>`;
    this.cellOpen = `<${prefix}c`;
    this.cellClose = `</${prefix}c>`;
    this.valueOpen = `<${prefix}v`;
    this.valueClose = `</${prefix}v>`;
    this.inlineOpen = `<${prefix}is`;
    this.inlineClose = `</${prefix}is>`;
    this.tags = runTags(prefix);
    return true;
  }

  private rowNumberOf(buf: string, open: number, tagEnd: number): number {
    const start = attributeStart(buf, open + this.rowOpen.length, tagEnd, 114 /* r */);
    let rowNumber = 0;
    if (start >= 0) {
      for (let i = start; i < tagEnd; i++) {
        const code = buf.charCodeAt(i) - 48;
        if (code < 0 || code > 9) break;
        rowNumber = rowNumber * 10 + code;
      }
    }
    if (rowNumber <= 0) rowNumber = this.lastRowNumber + 1;
    this.lastRowNumber = rowNumber;
    return rowNumber;
  }

  private cellsOf(buf: string, start: number, end: number): CellValue[] {
    const { cellOpen, cellClose, prefix } = this;
    const prefixLength = prefix.length;
    const cells: CellValue[] = [];
    let nextColumn = 0;
    let lastValued = -1;
    let pos = start;
    while (pos < end) {
      // Cells follow each other without white space in what Excel and exceljs write, so the
      // next `<c` is almost always right here and needs no search.
      let open = pos;
      if (
        buf.charCodeAt(pos) !== LT ||
        buf.charCodeAt(pos + 1 + prefixLength) !== 99 /* c */ ||
        (prefixLength > 0 && !buf.startsWith(prefix, pos + 1))
      ) {
        open = buf.indexOf(cellOpen, pos);
        if (open < 0 || open >= end) break;
      }
      const nameEnd = open + cellOpen.length;
      if (!isNameEnd(buf.charCodeAt(nameEnd))) {
        pos = nameEnd;
        continue;
      }
      // One pass over the start tag: where the `r`, `s` and `t` values start, and its `>`.
      let refAt = -1;
      let styleAt = -1;
      let typeAt = -1;
      let tagEnd = nameEnd;
      for (;;) {
        const code = buf.charCodeAt(tagEnd);
        if (code === GT || tagEnd >= end) break;
        if (code === EQ) {
          const quote = buf.charCodeAt(tagEnd + 1);
          if (quote === QUOTE || quote === APOSTROPHE) {
            if (isSpace(buf.charCodeAt(tagEnd - 2))) {
              const name = buf.charCodeAt(tagEnd - 1);
              if (name === 114 /* r */) refAt = tagEnd + 2;
              else if (name === 115 /* s */) styleAt = tagEnd + 2;
              else if (name === 116 /* t */) typeAt = tagEnd + 2;
            }
            tagEnd += 2;
            while (tagEnd < end && buf.charCodeAt(tagEnd) !== quote) tagEnd++;
          }
        }
        tagEnd++;
      }
      if (tagEnd >= end) break;
      const referenced = refAt >= 0 ? columnIndexAt(buf, refAt) : -1;
      const column = referenced >= 0 ? referenced : nextColumn;
      nextColumn = column + 1;
      let value: CellValue = null;
      if (buf.charCodeAt(tagEnd - 1) === SLASH) {
        pos = tagEnd + 1;
      } else {
        value = this.plainValue(buf, tagEnd + 1, typeAt, styleAt);
        if (this.plainEnd >= 0) {
          pos = this.plainEnd;
        } else {
          const close = buf.indexOf(cellClose, tagEnd);
          const contentEnd = close < 0 || close > end ? end : close;
          pos = contentEnd + cellClose.length;
          value = this.valueOf(buf, tagEnd, contentEnd, typeAt, styleAt);
        }
      }
      if (value === null) continue;
      while (cells.length < column) cells.push(null);
      cells[column] = value;
      if (column > lastValued) lastValued = column;
    }
    if (cells.length > lastValued + 1) cells.length = lastValued + 1;
    return cells;
  }

  /** Where the cell read by `plainValue` ends (after its `</c>`), or -1 when it was not plain. */
  private plainEnd = -1;

  /**
   * The value of the common cell `<c …><v>digits</v></c>` (a number, a shared string index or a
   * 0/1 boolean) read in one pass over its characters, without cutting any substring. Sets
   * `plainEnd` to -1 for every other form, which `valueOf` then reads.
   */
  private plainValue(buf: string, at: number, typeAt: number, styleAt: number): CellValue {
    this.plainEnd = -1;
    const prefixLength = this.prefix.length;
    if (
      buf.charCodeAt(at) !== LT ||
      buf.charCodeAt(at + 1 + prefixLength) !== 118 /* v */ ||
      buf.charCodeAt(at + 2 + prefixLength) !== GT ||
      (prefixLength > 0 && !buf.startsWith(this.prefix, at + 1))
    ) {
      return null;
    }
    let type = 110; /* n */
    if (typeAt >= 0) {
      const quote = buf.charCodeAt(typeAt + 1);
      if (quote !== QUOTE && quote !== APOSTROPHE) return null;
      type = buf.charCodeAt(typeAt);
    }
    const valueStart = at + 3 + prefixLength;
    let i = valueStart;
    let code = buf.charCodeAt(i);
    let value: CellValue;
    if (type === 110 /* n */) {
      const negative = code === 45; /* - */
      if (negative) code = buf.charCodeAt(++i);
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
        code = buf.charCodeAt(++i);
      }
      // Exponents, long digit runs and anything unusual go the general way (`Number`).
      if (code !== LT || digits === 0 || digits > 15) return null;
      const scale = fraction < 0 ? 0 : i - fraction - 1;
      const magnitude = scale === 0 ? mantissa : mantissa / (POWERS_OF_TEN[scale] ?? 10 ** scale);
      const serial = negative ? -magnitude : magnitude;
      value = serial;
      if (styleAt >= 0) {
        const style = this.context.dateStyles[integerAt(buf, styleAt)];
        if (style === true || style === 'time') value = this.dateOf(serial, style === 'time');
      }
    } else if (type === 115 /* s */) {
      let index = 0;
      while (code >= 48 && code <= 57) {
        index = index * 10 + (code - 48);
        code = buf.charCodeAt(++i);
      }
      if (code !== LT || i === valueStart) return null;
      value = this.context.sharedStrings[index] ?? null;
    } else if (type === 98 /* b */) {
      if ((code !== 48 && code !== 49) || buf.charCodeAt(i + 1) !== LT) return null;
      value = code === 49;
      i++;
    } else {
      return null;
    }
    // `i` is at `<`: the rest must be exactly `</v></c>` (with the prefix) for the fast path.
    const cellCloseAt = i + 4 + prefixLength;
    if (
      buf.charCodeAt(i + 1) !== SLASH ||
      buf.charCodeAt(i + 2 + prefixLength) !== 118 /* v */ ||
      buf.charCodeAt(i + 3 + prefixLength) !== GT ||
      buf.charCodeAt(cellCloseAt) !== LT ||
      buf.charCodeAt(cellCloseAt + 1) !== SLASH ||
      buf.charCodeAt(cellCloseAt + 2 + prefixLength) !== 99 /* c */ ||
      buf.charCodeAt(cellCloseAt + 3 + prefixLength) !== GT ||
      (prefixLength > 0 &&
        !(buf.startsWith(this.prefix, i + 2) && buf.startsWith(this.prefix, cellCloseAt + 2)))
    ) {
      return null;
    }
    this.plainEnd = cellCloseAt + 4 + prefixLength;
    return value;
  }

  private valueOf(
    buf: string,
    tagEnd: number,
    contentEnd: number,
    typeAt: number,
    styleAt: number,
  ): CellValue {
    // Type codes: s shared string, str formula text, inlineStr, b, e, n (default), d (ISO date).
    const type = typeAt < 0 ? 110 /* n */ : buf.charCodeAt(typeAt);
    if (type === 105 /* i */) return this.inlineText(buf, tagEnd + 1, contentEnd);

    // Writers put <v> first unless there is a formula, so look right after the tag first.
    const valueTag = buf.startsWith(this.valueOpen, tagEnd + 1)
      ? tagEnd + 1
      : childTagAt(buf, tagEnd + 1, contentEnd, this.valueOpen);
    if (valueTag < 0) return null;
    const valueTagEnd = buf.indexOf('>', valueTag);
    if (buf.charCodeAt(valueTagEnd - 1) === SLASH) return null;
    let valueEnd = buf.indexOf(this.valueClose, valueTagEnd);
    if (valueEnd < 0 || valueEnd > contentEnd) valueEnd = contentEnd;
    const valueStart = valueTagEnd + 1;
    if (valueStart === valueEnd) return null;

    if (type === 110 /* n */) {
      const serial = numberAt(buf, valueStart, valueEnd);
      if (styleAt >= 0) {
        const style = this.context.dateStyles[integerAt(buf, styleAt)];
        if (style === true || style === 'time') return this.dateOf(serial, style === 'time');
      }
      return serial;
    }
    if (type === 115 /* s */) {
      if (attributeLength(buf, typeAt) === 1) {
        return this.context.sharedStrings[integerAt(buf, valueStart)] ?? null;
      }
      return detachedString(decodeXmlText(buf.slice(valueStart, valueEnd)));
    }
    const raw = buf.slice(valueStart, valueEnd);
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

  private inlineText(buf: string, start: number, contentEnd: number): CellValue {
    const open = childTagAt(buf, start, contentEnd, this.inlineOpen);
    if (open >= 0) {
      const tagEnd = buf.indexOf('>', open);
      if (buf.charCodeAt(tagEnd - 1) === SLASH) return '';
      const close = buf.indexOf(this.inlineClose, tagEnd);
      const end = close < 0 || close > contentEnd ? contentEnd : close;
      return detachedString(runsText(buf, tagEnd + 1, end, this.tags));
    }
    // Some writers put an inline string's text in <v>.
    const valueTag = childTagAt(buf, start, contentEnd, this.valueOpen);
    if (valueTag < 0) return null;
    const valueTagEnd = buf.indexOf('>', valueTag);
    const valueEnd = buf.indexOf(this.valueClose, valueTagEnd);
    if (valueEnd < 0 || valueEnd > contentEnd) return null;
    return detachedString(decodeXmlText(buf.slice(valueTagEnd + 1, valueEnd)));
  }
}

/** After a tag name: white space, `>` or `/` (so `<c` does not match `<col`). */
function isNameEnd(code: number): boolean {
  return code === GT || code === SLASH || code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Index of the first character of the value of the one-letter attribute `name` (char code, e.g.
 * 114 for `r`) in the start tag spanning `[from, to)`, or -1. Walks the tag's `=` signs so a
 * missing attribute costs only the tag's length, never a search through the rest of the chunk.
 */
function attributeStart(buf: string, from: number, to: number, name: number): number {
  let eq = buf.indexOf('=', from);
  while (eq >= 0 && eq < to) {
    const quote = buf.charCodeAt(eq + 1);
    if (quote !== QUOTE && quote !== APOSTROPHE) return -1;
    if (buf.charCodeAt(eq - 1) === name && isSpace(buf.charCodeAt(eq - 2))) return eq + 2;
    const closing = buf.indexOf(quote === QUOTE ? '"' : "'", eq + 2);
    if (closing < 0) return -1;
    eq = buf.indexOf('=', closing + 1);
  }
  return -1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Index of the child start tag `open` (e.g. `<v`) among the tags in `[from, to)`, or -1. Walks
 * the `<` of the cell's content, so a cell without that child never searches past its end.
 */
function childTagAt(buf: string, from: number, to: number, open: string): number {
  for (let lt = buf.indexOf('<', from); lt >= 0 && lt < to; lt = buf.indexOf('<', lt + 1)) {
    if (buf.startsWith(open, lt) && isNameEnd(buf.charCodeAt(lt + open.length))) return lt;
  }
  return -1;
}

/** Length of the attribute value starting at `start` (up to the closing quote). */
function attributeLength(buf: string, start: number): number {
  let i = start;
  for (;;) {
    const code = buf.charCodeAt(i);
    if (code === QUOTE || code === APOSTROPHE || Number.isNaN(code)) return i - start;
    i++;
  }
}

/** Zero-based column of a cell reference such as `AB12` (letters only are read). */
function columnIndexAt(buf: string, start: number): number {
  let column = 0;
  for (let i = start; ; i++) {
    let code = buf.charCodeAt(i);
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

function integerAt(buf: string, start: number): number {
  let value = 0;
  for (let i = start; ; i++) {
    const digit = buf.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return value;
    value = value * 10 + digit;
  }
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number written in `buf[start, end)`, exactly as `Number(text)` reads it. Plain decimals
 * of up to 15 significant digits (almost every cell) are read without making a string: the
 * digits form an exact integer m < 2^53 and m / 10^k (10^k exact for k ≤ 22) is then correctly
 * rounded, as the decimal is. Anything else (exponents, long digit runs, white space) falls
 * back to `Number`.
 */
function numberAt(buf: string, start: number, end: number): number {
  let i = start;
  const negative = buf.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const code = buf.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
    } else if (code === 46 /* . */ && fraction < 0) {
      fraction = i;
    } else {
      return +buf.slice(start, end);
    }
  }
  if (digits === 0 || digits > 15) return +buf.slice(start, end);
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
