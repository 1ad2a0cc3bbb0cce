/** A value a CSV cell holds: text, a number, a yes/no, or blank. */
export type CsvValue = string | number | boolean | null | undefined;

/** First characters that make Excel or LibreOffice read a text cell as a formula (or DDE). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Cells holding these must be quoted (RFC 4180). */
const NEEDS_QUOTES = /[",\n\r]/;

/**
 * One CSV cell, safe to open in a spreadsheet: text that starts with = + - @, a tab or a
 * carriage return gets a leading single quote so it is shown as text, never run as a formula
 * (OWASP "CSV injection"); the cell is then quoted when it holds a comma, quote or line break.
 * Numbers are written as numbers (a negative amount stays -12.5, not text); blanks are empty.
 *
 * @param value - the cell.
 * @returns the cell's CSV text.
 * @throws TypeError when a number is not finite (NaN or Infinity has no CSV form).
 * @example escapeCsvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 * @example escapeCsvCell(-12.5) // '-12.5'
 */
export function escapeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new TypeError(`escapeCsvCell: a number must be finite, got ${String(value)}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
