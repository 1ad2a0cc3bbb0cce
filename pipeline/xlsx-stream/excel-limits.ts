import {
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  groupedCount,
  WorkbookReadError,
} from '../../core/readers/index.js';

/**
 * A worksheet past one of Excel's limits (a row, column or cell too large), as the sheet scanner
 * finds it. It knows the place in the sheet but not the file: the reader that runs the scanner
 * turns it into a WorkbookReadError naming the file and the sheet.
 */
export class SheetLimitError extends Error {
  override name = 'SheetLimitError';
}

/** Longest raw attribute text quoted in a message: a hostile reference may be megabytes long. */
const MAX_QUOTED = 24;

/** `text`, cut to a length a one-line message can carry. */
export function quoted(text: string): string {
  return text.length <= MAX_QUOTED ? text : `${text.slice(0, MAX_QUOTED)}…`;
}

/** The error for a row number past Excel's last row. */
export function rowPastLimit(row: string): SheetLimitError {
  return new SheetLimitError(
    `row ${quoted(row)} is past row ${groupedCount(EXCEL_MAX_ROWS)}, Excel's last`,
  );
}

/**
 * The error for a cell past Excel's last column, XFD: `reference` is its `r` attribute, or
 * undefined for a cell without one (counted from its row's previous cell).
 */
export function columnPastLimit(reference: string | undefined, row: number): SheetLimitError {
  const where =
    reference === undefined
      ? `row ${row} has a cell past column XFD`
      : `cell ${quoted(reference)} is past column XFD`;
  return new SheetLimitError(
    `${where}, the last of Excel's ${groupedCount(EXCEL_MAX_COLUMNS)} columns`,
  );
}

/**
 * The most bytes of XML one worksheet row may take. A row of all 16,384 columns is under 1 MB as
 * Excel writes it (texts go to the shared-string table); a row of hundreds of megabytes is a
 * decompression bomb, which must not be held whole.
 */
export const MAX_ROW_XML_BYTES = 64 * 1024 * 1024;

/** The error for a row of more than `limit` bytes of XML. */
export function rowTooLong(row: number, limit: number): SheetLimitError {
  return new SheetLimitError(
    `row ${row} is more than ${groupedCount(limit / (1024 * 1024))} MB of XML; no row Excel writes is that long`,
  );
}

/**
 * The error for a cell whose text is longer than Excel allows: `where` names it (`cell B7`,
 * `shared string 12`), `chars` is its length, or how much of it was read when it was refused
 * unfinished (`atLeast`).
 */
export function cellTooLong(where: string, chars: number, atLeast = false): SheetLimitError {
  return new SheetLimitError(
    `${where} holds ${atLeast ? 'more than ' : ''}${groupedCount(chars)} characters, past Excel's limit of ${groupedCount(EXCEL_MAX_CELL_CHARS)} per cell`,
  );
}

/**
 * A SheetLimitError as the WorkbookReadError that names the file (and the sheet, when the error
 * came from one); any other error is returned as it is.
 */
export function withFile(error: unknown, file: string, sheet?: string): unknown {
  if (!(error instanceof SheetLimitError)) return error;
  const where = sheet === undefined ? '' : `sheet '${sheet}', `;
  return new WorkbookReadError(file, `${where}${error.message}`, { cause: error });
}
