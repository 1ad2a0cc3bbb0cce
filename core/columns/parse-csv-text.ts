import { PipecastError } from '../errors/pipecast-error.js';
import { codedError } from '../errors/error-line.js';
import { columnLetter } from './column-letter.js';
import { CsvColumnCoder } from '../internal/csv-column-coder.js';
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, groupedCount } from './excel-limits.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into rows of cells (RFC 4180 plus what real exports do): fields may be quoted,
 * with "" for a quote inside and delimiters and line breaks allowed inside quotes; a quote in the
 * middle of an unquoted field is kept as text; rows end at LF, CRLF or CR and may have any number
 * of cells. Blank cells (empty or only white space) are null, and trailing blank cells are dropped.
 *
 * Written by hand rather than with csv-parse because it runs over 100 MB exports: one pass of
 * charCodeAt with slices is about five times faster (bench/read-csv.ts); test/core/columns/parse-csv-text
 * checks it against csv-parse.
 *
 * @param text - the decoded file text.
 * @param delimiter - one character: ',', ';', tab or '|'.
 * @param firstLine - the line number of the text's first line, for messages (a record read alone).
 * @returns one array of cells per line.
 * @throws PipecastError ('malformed-csv', place.row the line) when a quoted field is still open at
 *   the end of the text, or ('malformed-csv', row and column) a field or line past Excel's limits
 * @example parseCsvText('a,"b,c"\n1,', ',') // [['a', 'b,c'], ['1']]
 */
export function parseCsvText(text: string, delimiter: string, firstLine = 1): (string | null)[][] {
  return splitCsv(text, delimiter, firstLine, undefined);
}

/**
 * parseCsvText, with each column's cells made by its CsvColumnCoder (coders[j], created as
 * columns appear) when `coders` is given: splitCsvSheet's shared and coded cells.
 */
export function splitCsv(
  text: string,
  delimiter: string,
  firstLine: number,
  coders: CsvColumnCoder[] | undefined,
): (string | null)[][] {
  const sep = delimiter.charCodeAt(0);
  const rows: (string | null)[][] = [];
  const length = text.length;
  let row: (string | null)[] = [];
  let line = firstLine;
  let i = 0;
  while (i <= length) {
    if (i === length) {
      // The text ended right after a delimiter, or is empty: close the last row if it has cells.
      if (row.length > 0) rows.push(finishRow(row, coders, rows.length));
      break;
    }
    let cell: string | null;
    let fieldLength: number;
    if (text.charCodeAt(i) === QUOTE) {
      const quoted = quotedField(text, i, sep, line, row.length);
      line = quoted.endLine;
      fieldLength = quoted.value.length;
      cell =
        coders === undefined
          ? blankToNull(quoted.value)
          : coderOf(coders, row.length).cellOfValue(rows.length, quoted.value);
      i = quoted.end;
    } else {
      let end = i;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === sep || c === LF || c === CR) break;
        end++;
      }
      fieldLength = end - i;
      cell =
        coders === undefined
          ? blankToNull(text.slice(i, end))
          : coderOf(coders, row.length).cell(rows.length, text, i, end);
      i = end;
    }
    // One compare per field.
    if (fieldLength > EXCEL_MAX_CELL_CHARS || row.length >= EXCEL_MAX_COLUMNS) {
      throw pastLimit(fieldLength, row.length, line);
    }
    row.push(cell);
    if (i >= length) {
      rows.push(finishRow(row, coders, rows.length));
      break;
    }
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i === length) {
        rows.push(finishRow(row, coders, rows.length));
        break;
      }
      continue;
    }
    // A line break ends the row.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rows.push(finishRow(row, coders, rows.length));
    row = [];
    if (i === length) break;
  }
  return rows;
}

/** Where the unquoted field (or text after a closing quote) starting at `from` ends. */
function fieldEnd(text: string, from: number, sep: number): number {
  let end = from;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === sep || c === LF || c === CR) break;
    end++;
  }
  return end;
}

/**
 * The quoted field whose opening quote is at `start`: its value ("" read as one quote, text after
 * the closing quote kept, as spreadsheets do), where it ends, and the line it ends on.
 */
function quotedField(
  text: string,
  start: number,
  sep: number,
  line: number,
  column: number,
): { value: string; end: number; endLine: number } {
  let endLine = line;
  let parts = '';
  let from = start + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) throw neverClosed(line, column);
    for (let k = from; k < close; k++) if (text.charCodeAt(k) === LF) endLine++;
    if (text.charCodeAt(close + 1) === QUOTE) {
      parts += text.slice(from, close + 1);
      from = close + 2;
      continue;
    }
    parts += text.slice(from, close);
    const afterQuote = close + 1;
    const end = fieldEnd(text, afterQuote, sep);
    const value = end > afterQuote ? parts + text.slice(afterQuote, end) : parts;
    return { value, end, endLine };
  }
}

function neverClosed(line: number, column: number): PipecastError {
  const letter = columnLetter(column);
  return codedError('malformed-csv', { row: line, column: letter }, 'error.quoteNeverClosed', {
    line,
    column: letter,
  });
}

/** Past Excel's limits the reader stops, naming the place. */
function pastLimit(fieldLength: number, column: number, line: number): PipecastError {
  if (column >= EXCEL_MAX_COLUMNS) {
    return new PipecastError(
      'malformed-csv',
      `line ${line} has more than ${groupedCount(EXCEL_MAX_COLUMNS)} fields, Excel's limit of columns (the last is XFD)`,
      { row: line },
    );
  }
  return new PipecastError(
    'malformed-csv',
    `line ${line}, column ${columnLetter(column)}: a field of ${groupedCount(fieldLength)} characters, past Excel's limit of ${groupedCount(EXCEL_MAX_CELL_CHARS)} per cell`,
    { row: line, column: columnLetter(column) },
  );
}

function blankToNull(value: string): string | null {
  return isBlank(value) ? null : value;
}

/** The coder of column j, made when the column first appears. */
function coderOf(coders: CsvColumnCoder[], j: number): CsvColumnCoder {
  return (coders[j] ??= new CsvColumnCoder());
}

function isBlank(value: string): boolean {
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  // Most cells start with a visible character: skip the trim for them.
  if (first > 32 && first !== 0x3000 && first !== 0xa0) return false;
  return value.trim() === '';
}

/** Drops the row's trailing blank cells (and, when coding, their codes: the row has no cell there). */
function finishRow(
  row: (string | null)[],
  coders: CsvColumnCoder[] | undefined,
  rowIndex: number,
): (string | null)[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  if (end < row.length) {
    if (coders !== undefined) for (let j = end; j < row.length; j++) coders[j]?.clear(rowIndex);
    row.length = end;
  }
  return row;
}
