import { epochDayFromCivil } from './calendar-month.js';
import { CsvSyntaxError, parseCsvText } from './parse-csv-text.js';
import type { Parsed } from './parsed.js';
import type { BoundColumn, RawCellSource, RecordAssembler } from './record-assembler.js';
import { RecordReader, type ReadRecordsOptions, type ReadRecordsResult } from './record-reader.js';
import type { RecordByKind, RecordKind } from './records.js';

export interface ReadCsvRecordsOptions<K extends RecordKind> extends ReadRecordsOptions<K> {
  /** The field delimiter: ',', ';' or '\t'. */
  delimiter: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MINUS = 45;
const DOT = 46;
const DIGIT_0 = 48;
const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });
/** Cached parse results of a column stop after this many distinct values among few rows. */
const CACHE_PROBE_LOOKUPS = 4096;
const MAX_EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Reads records of one kind straight from the text of a CSV file: the same records,
 * warnings and column report as `readRecords(parseCsvText(text), options)`, several times faster
 * on large exports. Header rows are found as readRecords finds them; below the header each line
 * is split in place, plain numbers and ISO dates are read from the characters, and repeated text
 * (owners, stages, customer ids) is parsed once per distinct value and shares one string.
 * Anything unusual (a quoted field, a non-ASCII number, a date in another shape) is read by the
 * generic parsers, so the rules are exactly those of readRecords.
 *
 * @param text the file's text (decoded, without a byte-order mark)
 * @param options as readRecords, plus the delimiter
 * @returns the same result as readRecords would give for the parsed grid
 * @throws Error for an invalid mapping or header row (as readRecords), or a quoted field that never closes
 * @example readCsvRecords('Deal,Stage\nA,Design\n', { kind: 'deal', sheet: 'x', delimiter: ',' }).records
 * // [{ row: 2, id: 'A', stage: 'Design' }]
 */
export function readCsvRecords<K extends RecordKind>(
  text: string,
  options: ReadCsvRecordsOptions<K>,
): ReadRecordsResult<RecordByKind[K]> {
  const reader = new RecordReader(options);
  const sep = options.delimiter.charCodeAt(0);
  const length = text.length;
  let pos = 0;
  let excelRow = 0;
  // Header search: whole lines through the generic CSV parser until the reader has settled.
  while (pos < length && !reader.isSettled) {
    const end = recordEnd(text, sep, pos, excelRow + 1);
    excelRow++;
    reader.push(excelRow, parseCsvText(text.slice(pos, end), options.delimiter)[0] ?? []);
    pos = nextLineStart(text, end);
  }
  reader.settle();
  const header = reader.header;
  if (header) new CsvBodyReader(text, sep, options.delimiter, header.assembler).read(pos, excelRow);
  return reader.finish();
}

/**
 * The first `count` rows of CSV text as cells (as parseCsvText gives them), without splitting
 * the rest: enough to find a header or guess what a file holds.
 *
 * @throws CsvSyntaxError when a quoted field in those rows never closes
 */
export function readCsvHead(text: string, delimiter: string, count: number): (string | null)[][] {
  const sep = delimiter.charCodeAt(0);
  const rows: (string | null)[][] = [];
  let pos = 0;
  while (pos < text.length && rows.length < count) {
    const end = recordEnd(text, sep, pos, rows.length + 1);
    rows.push(parseCsvText(text.slice(pos, end), delimiter)[0] ?? []);
    pos = nextLineStart(text, end);
  }
  return rows;
}

/** The body below the header, line by line, in place. */
class CsvBodyReader<K extends RecordKind> implements RawCellSource {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Per bound column: NUMBER, DATE or CACHED (how its cells are read; see readField). */
  private readonly modes: Uint8Array;
  /** Per bound column: the parse cache of a CACHED column. */
  private readonly caches: (ParsedCache | undefined)[];
  private fields = 0;

  constructor(
    private readonly text: string,
    private readonly sep: number,
    private readonly delimiter: string,
    private readonly assembler: RecordAssembler<K>,
  ) {
    const widest = assembler.bound.reduce((max, column) => Math.max(max, column.index + 1), 0);
    this.starts = new Int32Array(widest);
    this.ends = new Int32Array(widest);
    this.modes = Uint8Array.from(assembler.bound, (column) => modeOf(column));
    this.caches = assembler.bound.map((column) =>
      modeOf(column) === CACHED ? new ParsedCache(text, column) : undefined,
    );
    this.byIndexOf = !hasLoneCarriageReturn(text);
  }

  /** Lines end at LF or CRLF only, so they can be found with indexOf (see splitWithIndexOf). */
  private readonly byIndexOf: boolean;
  /** Where the next quote character is at or after the current line (cached; -1 none). */
  private nextQuote = -2;

  read(from: number, lastRow: number): void {
    const { text, assembler } = this;
    const length = text.length;
    const bound = assembler.bound;
    const slowOnly = assembler.needsWholeRows;
    let pos = from;
    let excelRow = lastRow;
    while (pos < length) {
      excelRow++;
      const lineEnd = slowOnly ? -1 : this.split(pos);
      if (lineEnd < 0) {
        // A quoted field (or a kind that reads every column): this line goes the generic way.
        const end = recordEnd(text, this.sep, pos, excelRow);
        assembler.addCells(excelRow, parseCsvText(text.slice(pos, end), this.delimiter)[0] ?? []);
        pos = nextLineStart(text, end);
        continue;
      }
      pos = nextLineStart(text, lineEnd);
      if (this.fields < 0) continue; // a blank line
      assembler.beginRow(excelRow);
      for (let b = 0; b < bound.length; b++) {
        const index = bound[b]!.index;
        if (index >= this.fields) {
          if (!assembler.take(b, BLANK, this)) break;
          continue;
        }
        const start = this.starts[index]!;
        const end = this.ends[index]!;
        // One switch instead of a closure per column keeps these call sites monomorphic.
        const mode = this.modes[b];
        if (mode === CACHED) {
          if (!assembler.take(b, this.caches[b]!.get(start, end), this)) break;
          continue;
        }
        // Numbers and ISO dates come back as plain numbers: no result object per cell.
        const fast =
          mode === NUMBER ? plainNumber(this.text, start, end) : isoDay(this.text, start, end);
        if (fast === fast) assembler.takeValue(b, fast);
        else if (!assembler.take(b, this.parseSlow(b, start, end), this)) break;
      }
      assembler.endRow();
    }
  }

  rawText(b: number): string {
    const index = this.assembler.bound[b]!.index;
    return index < this.fields ? this.text.slice(this.starts[index]!, this.ends[index]!) : '';
  }

  /**
   * Finds the fields of the line at `pos` (up to the widest bound column) and returns where the
   * line ends; -1 when a field starts with a quote. Sets `fields` to the number of fields seen,
   * or -1 for a line whose every field is blank.
   */
  private split(pos: number): number {
    return this.byIndexOf ? this.splitWithIndexOf(pos) : this.splitByCharacters(pos);
  }

  /**
   * split() for text whose lines end at LF or CRLF: the line end, the delimiters and quotes are
   * found with indexOf (a vectorised search in V8), not character by character. A line with a
   * quote anywhere goes the generic way, so quoted line breaks can never be misread.
   */
  private splitWithIndexOf(pos: number): number {
    const { text, starts, ends } = this;
    const length = text.length;
    const widest = starts.length;
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    if (this.nextQuote !== -1 && this.nextQuote < pos) this.nextQuote = text.indexOf('"', pos);
    if (this.nextQuote !== -1 && this.nextQuote < lineEnd) return -1;
    const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    const delimiter = this.delimiter;
    let field = 0;
    let start = pos;
    let blank = true;
    for (;;) {
      let end = text.indexOf(delimiter, start);
      if (end < 0 || end > contentEnd) end = contentEnd;
      if (field < widest) {
        starts[field] = start;
        ends[field] = end;
      }
      if (blank && !isBlankField(text, start, end)) blank = false;
      field++;
      // Past the widest bound column only blankness matters, and one non-blank field settles it.
      if (end === contentEnd || (field >= widest && !blank)) break;
      start = end + 1;
    }
    this.fields = blank ? -1 : Math.min(field, widest);
    return contentEnd;
  }

  private splitByCharacters(pos: number): number {
    const { text, sep, starts, ends } = this;
    const length = text.length;
    const widest = starts.length;
    let field = 0;
    let start = pos;
    let blank = true;
    let i = pos;
    if (i < length && text.charCodeAt(i) === QUOTE) return -1;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === sep || c === LF || c === CR) {
        if (field < widest) {
          starts[field] = start;
          ends[field] = i;
        }
        if (blank && !isBlankField(text, start, i)) blank = false;
        field++;
        if (c !== sep) break;
        start = i + 1;
        if (start < length && text.charCodeAt(start) === QUOTE) return -1;
      }
    }
    if (i === length) {
      if (field < widest) {
        starts[field] = start;
        ends[field] = i;
      }
      if (blank && !isBlankField(text, start, i)) blank = false;
      field++;
    }
    this.fields = blank ? -1 : Math.min(field, widest);
    return i;
  }

  private parseSlow(b: number, start: number, end: number): Parsed<unknown> {
    return isBlankField(this.text, start, end)
      ? BLANK
      : this.assembler.bound[b]!.parse(this.text.slice(start, end));
  }
}

const NUMBER = 0;
const DATE = 1;
const CACHED = 2;

function modeOf(column: BoundColumn): number {
  return column.spec.type === 'number' ? NUMBER : column.spec.type === 'date' ? DATE : CACHED;
}

/** True when some CR is not followed by LF (old Mac line ends): then lines are split by characters. */
function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== LF) return true;
  }
  return false;
}

/** Where the CSV record starting at `pos` ends (its line break, or the end), quotes respected. */
function recordEnd(text: string, sep: number, pos: number, excelRow: number): number {
  const length = text.length;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = pos; i < length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === LF || c === CR) return i;
    if (c === QUOTE && fieldStart) inQuotes = true;
    fieldStart = c === sep;
  }
  if (inQuotes)
    throw new CsvSyntaxError(excelRow, `a quoted field opened on line ${excelRow} is never closed`);
  return length;
}

function nextLineStart(text: string, end: number): number {
  return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
}

/** Blank as parseCsvText sees it: empty or only white space. */
function isBlankField(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    return text.slice(i, end).trim() === '';
  }
  return true;
}

/**
 * "123", "-0.5": optional minus, digits, one optional dot, at most 15 digits; NaN otherwise.
 * The same value parseNumber gives (an exact integer divided once by an exact power of ten).
 */
function plainNumber(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let digits = 0;
  let decimals = -1;
  let mantissa = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = c - DIGIT_0;
    if (d >= 0 && d <= 9) {
      digits++;
      mantissa = mantissa * 10 + d;
      if (decimals >= 0) decimals++;
    } else if (c === DOT && decimals < 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return Number.NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value + 0 : value;
}

/** The epoch day of "YYYY-MM-DD" or "YYYY-MM-DD hh:mm:ss" (space or T) naming a real day; NaN otherwise. */
function isoDay(text: string, start: number, end: number): number {
  const length = end - start;
  if (length !== 10 && length !== 19) return Number.NaN;
  if (text.charCodeAt(start + 4) !== MINUS || text.charCodeAt(start + 7) !== MINUS)
    return Number.NaN;
  const year = digitsAt(text, start, 4);
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return Number.NaN;
  if (length === 19) {
    const t = text.charCodeAt(start + 10);
    if (
      (t !== 32 && t !== 84) ||
      text.charCodeAt(start + 13) !== 58 ||
      text.charCodeAt(start + 16) !== 58
    ) {
      return Number.NaN;
    }
    const hour = digitsAt(text, start + 11, 2);
    const minute = digitsAt(text, start + 14, 2);
    const second = digitsAt(text, start + 17, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
      return Number.NaN;
  }
  return epochDayFromCivil(year, month, day);
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parse results of one column keyed by the field's characters (open addressing, FNV-1a), so a
 * column of repeated values is parsed once per distinct value and every record shares the same
 * string. A column that turns out to hold mostly distinct values (ids) stops caching.
 */
class ParsedCache {
  private capacity = 1024;
  private keyStart = new Int32Array(this.capacity).fill(-1);
  private keyEnd = new Int32Array(this.capacity);
  private hashes = new Int32Array(this.capacity);
  private values: Parsed<unknown>[] = new Array<Parsed<unknown>>(this.capacity);
  private size = 0;
  private lookups = 0;
  private caching = true;

  constructor(
    private readonly text: string,
    private readonly column: BoundColumn,
  ) {}

  get(start: number, end: number): Parsed<unknown> {
    const text = this.text;
    if (!this.caching) return this.parse(start, end);
    if (++this.lookups === CACHE_PROBE_LOOKUPS && this.size > CACHE_PROBE_LOOKUPS / 2) {
      this.caching = false;
      return this.parse(start, end);
    }
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.capacity - 1;
    const { keyStart, keyEnd, hashes } = this;
    let slot = hash & mask;
    for (;;) {
      const s = keyStart[slot]!;
      if (s === -1) break;
      if (
        hashes[slot] === hash &&
        keyEnd[slot]! - s === end - start &&
        sameText(text, s, start, end - start)
      ) {
        return this.values[slot]!;
      }
      slot = (slot + 1) & mask;
    }
    const value = this.parse(start, end);
    this.put(slot, hash, start, end, value);
    if (++this.size * 2 > this.capacity) this.grow();
    return value;
  }

  private parse(start: number, end: number): Parsed<unknown> {
    return isBlankField(this.text, start, end)
      ? BLANK
      : this.column.parse(this.text.slice(start, end));
  }

  private put(
    slot: number,
    hash: number,
    start: number,
    end: number,
    value: Parsed<unknown>,
  ): void {
    this.keyStart[slot] = start;
    this.keyEnd[slot] = end;
    this.hashes[slot] = hash;
    this.values[slot] = value;
  }

  private grow(): void {
    const { keyStart, keyEnd, hashes, values } = this;
    this.capacity *= 2;
    this.keyStart = new Int32Array(this.capacity).fill(-1);
    this.keyEnd = new Int32Array(this.capacity);
    this.hashes = new Int32Array(this.capacity);
    this.values = new Array<Parsed<unknown>>(this.capacity);
    const mask = this.capacity - 1;
    for (let s = 0; s < keyStart.length; s++) {
      if (keyStart[s] === -1) continue;
      let slot = hashes[s]! & mask;
      while (this.keyStart[slot] !== -1) slot = (slot + 1) & mask;
      this.put(slot, hashes[s]!, keyStart[s]!, keyEnd[s]!, values[s]!);
    }
  }
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++)
    if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}
