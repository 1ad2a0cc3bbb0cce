/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, zero-based and inclusive, as Range.rowIndex/columnIndex count. */
export interface CellRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** An address split into its optional sheet part and its rectangle. */
export interface ParsedAddress {
  readonly sheetName: string | undefined;
  readonly rect: CellRect;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/;

/** `0 → A`, `27 → AB`. */
export function columnLetters(columnIndex: number): string {
  let letters = '';
  for (let n = columnIndex + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `A → 0`, `AB → 27`. */
export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, `_` and `.`. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** `A1`, or `A1:C3` for more than one cell, as Range.address shows it (without the sheet). */
export function formatRect(rect: CellRect): string {
  const first = `${columnLetters(rect.left)}${rect.top + 1}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return first;
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1) {
    return `${columnLetters(rect.left)}:${columnLetters(rect.right)}`;
  }
  if (rect.left === 0 && rect.right === MAX_COLUMNS - 1)
    return `${rect.top + 1}:${rect.bottom + 1}`;
  return `${first}:${columnLetters(rect.right)}${rect.bottom + 1}`;
}

/** `Sheet1!A1:C3`, `'My sheet'!B2`. */
export function formatAddress(sheetName: string, rect: CellRect): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect)}`;
}

/**
 * Parses `A1`, `$A$1:B2`, `A:C`, `2:5`, `Sheet1!A1`, `'My sheet'!A1:B2`; returns undefined for
 * anything else (the caller turns that into an InvalidArgument error).
 */
export function parseAddress(address: string): ParsedAddress | undefined {
  const bang = address.lastIndexOf('!');
  let sheetName: string | undefined;
  let cells = address.trim();
  if (bang >= 0) {
    const sheetPart = address.slice(0, bang).trim();
    sheetName = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
    cells = address.slice(bang + 1).trim();
  }
  const [startText, endText = startText, extra] = cells.split(':');
  if (extra !== undefined || startText === undefined) return undefined;
  const start = parseCorner(startText);
  const end = parseCorner(endText ?? startText);
  if (!start || !end) return undefined;
  const wholeColumns = start.row === undefined && end.row === undefined;
  const wholeRows = start.column === undefined && end.column === undefined;
  if ((start.row === undefined) !== (end.row === undefined) && !wholeColumns) return undefined;
  if ((start.column === undefined) !== (end.column === undefined) && !wholeRows) return undefined;
  if (wholeColumns && (start.column === undefined || end.column === undefined)) return undefined;
  const rect: CellRect = {
    top: Math.min(start.row ?? 0, end.row ?? 0),
    bottom: wholeColumns ? MAX_ROWS - 1 : Math.max(start.row ?? 0, end.row ?? 0),
    left: Math.min(start.column ?? 0, end.column ?? 0),
    right: wholeRows ? MAX_COLUMNS - 1 : Math.max(start.column ?? 0, end.column ?? 0),
  };
  if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) return undefined;
  return { sheetName, rect };
}

function parseCorner(text: string): { row?: number; column?: number } | undefined {
  const match = CELL.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const row = match[2] === undefined ? undefined : Number(match[2]) - 1;
  if (row !== undefined && row < 0) return undefined;
  return {
    ...(row === undefined ? {} : { row }),
    ...(match[1] === undefined ? {} : { column: columnIndexOf(match[1]) }),
  };
}

export function rectRowCount(rect: CellRect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumnCount(rect: CellRect): number {
  return rect.right - rect.left + 1;
}

export function rectCellCount(rect: CellRect): number {
  return rectRowCount(rect) * rectColumnCount(rect);
}

export function rectsOverlap(a: CellRect, b: CellRect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function rectContains(outer: CellRect, inner: CellRect): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

/** True when the rectangle lies inside Excel's grid. */
export function isRectOnSheet(rect: CellRect): boolean {
  return (
    rect.top >= 0 &&
    rect.left >= 0 &&
    rect.top <= rect.bottom &&
    rect.left <= rect.right &&
    rect.bottom < MAX_ROWS &&
    rect.right < MAX_COLUMNS
  );
}
