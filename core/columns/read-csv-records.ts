import { columnLetter } from './column-letter.js';
import { isBlankField, isoDay, ownSlice, plainNumber } from '../internal/csv-fast-fields.js';
import { CsvRecordScan } from './csv-record-scan.js';
import { EXCEL_MAX_COLUMNS } from './excel-limits.js';
import { CsvValueCache, type ColumnValueCache } from './csv-value-cache.js';
import { parseId, parseText } from './parse-id.js';
import { codedError } from '../errors/error-line.js';
import { parseCsvText } from './parse-csv-text.js';
import type { Parsed } from './parsed.js';
import type { BoundColumn, RawCellSource, RecordAssembler } from './record-assembler.js';
import { RecordReader, type ReadRecordsOptions, type ReadRecordsResult } from './record-reader.js';
import type { RecordByKind, RecordKind } from './records.js';

/**
 * CSV text whole, or in pieces one after another (a large file decoded a slice at a time). A
 * piece may end anywhere; pieces that end after a line break are read without copying.
 */
export type CsvTextSource = string | Iterable<string>;

export interface ReadCsvRecordsOptions<K extends RecordKind> extends ReadRecordsOptions<K> {
  /** The field delimiter: ',', ';' or '\t'. */
  delimiter: string;
  /** Parse results of repeated text, shared with other files of the same batch. */
  valueCache?: CsvValueCache;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });
/** split(): the line holds a quote (or the kind reads whole rows), so it goes the generic way. */
const GENERIC = -1;
/** split() and recordEnd(): the line runs past the end of this piece of text. */
const INCOMPLETE = -2;

/**
 * Reads records of one kind straight from the text of a CSV file: the same records,
 * warnings and column report as `readRecords(parseCsvText(text), options)`, several times faster
 * on large exports. Header rows are found as readRecords finds them; below the header each line
 * is split in place, plain numbers and ISO dates are read from the characters, and repeated text
 * (owners, stages, customer ids) is parsed once per distinct value and shares one string.
 * Anything unusual (a quoted field, a non-ASCII number, a date in another shape) is read by the
 * generic parsers, so the rules are exactly those of readRecords.
 *
 * @param source the file's text (decoded, without a byte-order mark), whole or in pieces
 * @param options as readRecords, plus the delimiter
 * @returns the same result as readRecords would give for the parsed grid
 * @throws PipecastError for an invalid mapping or header row (as readRecords), or a quoted field that never closes
 * @example readCsvRecords('Deal,Stage\nA,Design\n', { kind: 'deal', sheet: 'x', delimiter: ',' }).records
 * // [{ row: 2, id: 'A', stage: 'Design' }]
 */
export function readCsvRecords<K extends RecordKind>(
  source: CsvTextSource,
  options: ReadCsvRecordsOptions<K>,
): ReadRecordsResult<RecordByKind[K]> {
  const reader = new RecordReader(options);
  const lines = new CsvLineFeeder(reader, options.delimiter, options.valueCache);
  if (typeof source === 'string') lines.push(source, true);
  else {
    for (const piece of source) lines.push(piece, false);
    lines.push('', true);
  }
  return reader.finish();
}

/**
 * The first `count` rows of CSV text as cells (as parseCsvText gives them), without splitting
 * the rest: enough to find a header or guess what a file holds.
 *
 * @throws PipecastError ('malformed-csv') when a quoted field in those rows never closes
 */
export function readCsvHead(
  source: CsvTextSource,
  delimiter: string,
  count: number,
): (string | null)[][] {
  const sep = delimiter.charCodeAt(0);
  const rows: (string | null)[][] = [];
  let text = '';
  let pos = 0;
  const take = (final: boolean): void => {
    while (pos < text.length && rows.length < count) {
      const end = recordEnd(text, sep, pos, rows.length + 1, final);
      if (end === INCOMPLETE) return;
      rows.push(parseCsvText(ownSlice(text, pos, end), delimiter, rows.length + 1)[0] ?? []);
      pos = nextLineStart(text, end);
    }
  };
  const long = new LongRecord(sep);
  for (const piece of typeof source === 'string' ? [source] : source) {
    if (long.isHeld) {
      if (!long.add(piece)) continue;
      text = long.take();
    } else text = text.slice(pos) + piece;
    pos = 0;
    take(typeof source === 'string');
    if (rows.length >= count) return rows;
    if (text.length - pos >= LONG_RECORD_CHARS) {
      long.hold(text.slice(pos), rows.length + 1);
      text = '';
      pos = 0;
    }
  }
  if (long.isHeld) {
    text = long.take();
    pos = 0;
  }
  take(true);
  return rows;
}

/**
 * Feeds CSV text, piece by piece, to a RecordReader: whole lines through the generic parser
 * until the header is settled, then the fast body reader. A line cut by the end of a piece is
 * carried over to the next.
 */
class CsvLineFeeder<K extends RecordKind> {
  private readonly sep: number;
  private carry = '';
  private excelRow = 0;
  private body: CsvBodyReader<K> | undefined;

  /** A long unfinished record, piece by piece, while no piece ends it (see push). */
  private readonly long: LongRecord;

  constructor(
    private readonly reader: RecordReader<K>,
    private readonly delimiter: string,
    private readonly valueCache: CsvValueCache | undefined,
  ) {
    this.sep = delimiter.charCodeAt(0);
    this.long = new LongRecord(this.sep);
  }

  push(piece: string, final: boolean): void {
    let text: string;
    if (this.long.isHeld) {
      // Only this piece is scanned: the held record is read once a piece ends it.
      if (!this.long.add(piece) && !final) return;
      text = this.long.take();
    } else text = this.carry === '' ? piece : this.carry + piece;
    const stop = this.read(text, final);
    this.carry = stop < text.length ? text.slice(stop) : '';
    if (!final && this.carry.length >= LONG_RECORD_CHARS) {
      this.long.hold(this.carry, this.excelRow + 1);
      this.carry = '';
    }
  }

  /** Reads the complete lines of `text`; returns where the unread rest starts. */
  private read(text: string, final: boolean): number {
    const reader = this.reader;
    let pos = 0;
    while (pos < text.length && !reader.isSettled) {
      const end = recordEnd(text, this.sep, pos, this.excelRow + 1, final);
      if (end === INCOMPLETE) return pos;
      this.excelRow++;
      reader.push(
        this.excelRow,
        parseCsvText(ownSlice(text, pos, end), this.delimiter, this.excelRow)[0] ?? [],
      );
      pos = nextLineStart(text, end);
    }
    if (!reader.isSettled) {
      if (!final) return pos;
      reader.settle();
    }
    const header = reader.header;
    if (header === undefined) return text.length;
    this.body ??= new CsvBodyReader(
      this.sep,
      this.delimiter,
      header.assembler,
      this.valueCache ?? new CsvValueCache(),
    );
    pos = this.body.read(text, pos, this.excelRow, final);
    this.excelRow = this.body.lastRow;
    return pos;
  }
}

/** The body below the header, line by line, in place. */
class CsvBodyReader<K extends RecordKind> implements RawCellSource {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Per bound column: NUMBER, DATE or CACHED (how its cells are read; see read). */
  private readonly modes: Uint8Array;
  /** Per bound column: the parse cache of a CACHED column. */
  private readonly caches: (ColumnValueCache | undefined)[];
  /** Per bound column: PLAIN_TEXT or PLAIN_ID when isPlainText may stand in for its parser. */
  private readonly plain: Uint8Array;
  private fields = 0;
  private text = '';
  /** Lines end at LF or CRLF only, so they can be found with indexOf (see splitWithIndexOf). */
  private byIndexOf = true;
  /** Where the next quote character is at or after the current line (cached; -1 none). */
  private nextQuote = -2;
  /** Excel row number of the last row read. */
  lastRow = 0;

  constructor(
    private readonly sep: number,
    private readonly delimiter: string,
    private readonly assembler: RecordAssembler<K>,
    valueCache: CsvValueCache,
  ) {
    const widest = assembler.bound.reduce((max, column) => Math.max(max, column.index + 1), 0);
    this.starts = new Int32Array(widest);
    this.ends = new Int32Array(widest);
    this.modes = Uint8Array.from(assembler.bound, (column) => modeOf(column));
    this.plain = Uint8Array.from(assembler.bound, (column) =>
      column.parse === parseText ? PLAIN_TEXT : column.parse === parseId ? PLAIN_ID : NOT_PLAIN,
    );
    this.caches = assembler.bound.map((column) =>
      modeOf(column) === CACHED ? valueCache.column(column.spec.field, column.parse) : undefined,
    );
  }

  /** Reads the complete lines of `text` from `from`; returns where the unread rest starts. */
  read(text: string, from: number, lastRow: number, final: boolean): number {
    this.text = text;
    this.byIndexOf = !hasLoneCarriageReturn(text);
    this.nextQuote = -2;
    const assembler = this.assembler;
    const length = text.length;
    const bound = assembler.bound;
    const slowOnly = assembler.needsWholeRows;
    let pos = from;
    let excelRow = lastRow;
    while (pos < length) {
      const lineEnd = slowOnly ? GENERIC : this.split(pos, final);
      if (lineEnd === INCOMPLETE) break;
      if (lineEnd === GENERIC) {
        // A quoted field (or a kind that reads every column): this line goes the generic way.
        const end = recordEnd(text, this.sep, pos, excelRow + 1, final);
        if (end === INCOMPLETE) break;
        excelRow++;
        assembler.addCells(
          excelRow,
          parseCsvText(ownSlice(text, pos, end), this.delimiter, excelRow)[0] ?? [],
        );
        pos = nextLineStart(text, end);
        continue;
      }
      excelRow++;
      // One compare per line: only a line this long can hold a field or fields past Excel's limits.
      if (lineEnd - pos > EXCEL_MAX_COLUMNS) checkLongLine(text, this.sep, pos, lineEnd, excelRow);
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
          const cache = this.caches[b]!;
          if (!cache.isCaching && this.plain[b] !== NOT_PLAIN) {
            // Distinct ids: most are plain text that the parser would return unchanged.
            if (isPlainText(text, start, end, this.plain[b] === PLAIN_ID)) {
              assembler.takeText(b, text, start, end);
              continue;
            }
          }
          if (!assembler.take(b, cache.get(text, start, end), this)) break;
          continue;
        }
        // Numbers and ISO dates come back as plain numbers: no result object per cell.
        const fast = mode === NUMBER ? plainNumber(text, start, end) : isoDay(text, start, end);
        if (fast === fast) assembler.takeValue(b, fast);
        else if (!assembler.take(b, this.parseSlow(b, start, end), this)) break;
      }
      assembler.endRow();
    }
    this.lastRow = excelRow;
    return pos;
  }

  rawText(b: number): string {
    const index = this.assembler.bound[b]!.index;
    return index < this.fields ? ownSlice(this.text, this.starts[index]!, this.ends[index]!) : '';
  }

  /**
   * Finds the fields of the line at `pos` (up to the widest bound column) and returns where the
   * line ends; GENERIC when the line holds a quote, INCOMPLETE when it runs past the text and
   * more text follows. Sets `fields` to the number of fields seen, or -1 for a line whose every
   * field is blank.
   */
  private split(pos: number, final: boolean): number {
    return this.byIndexOf ? this.splitWithIndexOf(pos, final) : this.splitByCharacters(pos, final);
  }

  /**
   * split() for text whose lines end at LF or CRLF: the line end, the delimiters and quotes are
   * found with indexOf (a vectorised search in V8), not character by character. A line with a
   * quote anywhere goes the generic way, so quoted line breaks can never be misread.
   */
  private splitWithIndexOf(pos: number, final: boolean): number {
    const { text, starts, ends } = this;
    const length = text.length;
    const widest = starts.length;
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) {
      if (!final) return INCOMPLETE;
      lineEnd = length;
    }
    if (this.nextQuote !== -1 && this.nextQuote < pos) this.nextQuote = text.indexOf('"', pos);
    if (this.nextQuote !== -1 && this.nextQuote < lineEnd) return GENERIC;
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

  private splitByCharacters(pos: number, final: boolean): number {
    const { text, sep, starts, ends } = this;
    const length = text.length;
    const widest = starts.length;
    let field = 0;
    let start = pos;
    let blank = true;
    let i = pos;
    if (i < length && text.charCodeAt(i) === QUOTE) return GENERIC;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === sep || c === LF || c === CR) {
        // A CR that ends this piece may be the first half of a CRLF.
        if (c === CR && i === length - 1 && !final) return INCOMPLETE;
        if (field < widest) {
          starts[field] = start;
          ends[field] = i;
        }
        if (blank && !isBlankField(text, start, i)) blank = false;
        field++;
        if (c !== sep) break;
        start = i + 1;
        if (start < length && text.charCodeAt(start) === QUOTE) return GENERIC;
      }
    }
    if (i === length) {
      if (!final) return INCOMPLETE;
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
      : this.assembler.bound[b]!.parse(ownSlice(this.text, start, end));
  }
}

const NUMBER = 0;
const DATE = 1;
const CACHED = 2;

const NOT_PLAIN = 0;
const PLAIN_TEXT = 1;
const PLAIN_ID = 2;
const HASH = 35;
const DIGIT_0 = 48;

/**
 * Whether parseText (or parseId) would return the field as it is: printable ASCII at both ends
 * (nothing to trim), no leading '#' (a possible error literal) and, for an id, no final '0' (a
 * possible "17850.0").
 */
function isPlainText(text: string, start: number, end: number, id: boolean): boolean {
  if (end <= start) return false;
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if (first <= 32 || first >= 127 || first === HASH || last <= 32 || last >= 127) return false;
  return !(id && last === DIGIT_0);
}

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

/**
 * Where the CSV record starting at `pos` ends (its line break, or the end), quotes respected.
 * Unless `final`, a record the text cuts off (open quote, no line break yet, or a CR that may be
 * half of a CRLF) gives INCOMPLETE.
 */
function recordEnd(
  text: string,
  sep: number,
  pos: number,
  excelRow: number,
  final: boolean,
): number {
  const length = text.length;
  let inQuotes = false;
  let fieldStart = true;
  let fields = 1;
  for (let i = pos; i < length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (i + 1 === length && !final) return INCOMPLETE; // may be the first of a "" pair
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === LF) return i;
    if (c === CR) return i + 1 === length && !final ? INCOMPLETE : i;
    if (c === QUOTE && fieldStart) inQuotes = true;
    fieldStart = c === sep;
    if (fieldStart) fields++;
  }
  if (!final) return INCOMPLETE;
  if (inQuotes) {
    const column = columnLetter(fields - 1);
    throw codedError('malformed-csv', { row: excelRow, column }, 'error.quoteNeverClosed', {
      line: excelRow,
      column,
    });
  }
  return length;
}

/**
 * Records at least this long that no piece has ended yet are held piece by piece (LongRecord)
 * instead of being joined to each next piece and scanned again from their start.
 */
const LONG_RECORD_CHARS = 1 << 20;

/**
 * A long record not yet ended, as its pieces: each piece is scanned once for the record's end and
 * for Excel's limits (CsvRecordScan), so a line of hundreds of megabytes, or a quote that never
 * closes, costs one pass and is refused at its first field past 32,767 characters.
 */
class LongRecord {
  private pieces: string[] = [];
  private readonly scan: CsvRecordScan;

  constructor(sep: number) {
    this.scan = new CsvRecordScan(sep);
  }

  get isHeld(): boolean {
    return this.pieces.length > 0;
  }

  /** Starts holding `text`, a record's beginning (on Excel row `line`) that no piece ended. */
  hold(text: string, line: number): void {
    this.scan.reset(line);
    this.pieces = [text];
    this.scan.feed(text);
  }

  /** Adds the next piece; true when it ends the record (or holds the end of a record). */
  add(piece: string): boolean {
    this.pieces.push(piece);
    return this.scan.feed(piece) >= 0;
  }

  /** The held text, joined, and nothing held any more. */
  take(): string {
    const text = this.pieces.join('');
    this.pieces = [];
    return text;
  }
}

/**
 * Checks a long line read by the fast path (no quotes) for fields past Excel's limits.
 *
 * @throws PipecastError ('malformed-csv') naming the line and column
 */
function checkLongLine(text: string, sep: number, from: number, to: number, line: number): void {
  const scan = new CsvRecordScan(sep);
  scan.reset(line);
  scan.feed(text, from, to);
}

function nextLineStart(text: string, end: number): number {
  return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
}
