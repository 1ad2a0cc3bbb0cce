/** Excel's column letters for a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The A1 address of a block given by 0-based indexes, e.g. (1, 0, 3, 2) → "A2:B4". */
export function blockAddress(
  rowIndex: number,
  columnIndex: number,
  rowCount: number,
  columnCount: number,
): string {
  const topLeft = `${columnLetters(columnIndex)}${rowIndex + 1}`;
  if (rowCount === 1 && columnCount === 1) return topLeft;
  return `${topLeft}:${columnLetters(columnIndex + columnCount - 1)}${rowIndex + rowCount}`;
}

/**
 * A sheet name as an address prefix: quoted when it is not a plain word, inner quotes doubled
 * (Excel's rule for `'My sheet'!A1`).
 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The part of a sheet-qualified address after `!` ("'Deals 2026'!A1:D9" → "A1:D9"). */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}
