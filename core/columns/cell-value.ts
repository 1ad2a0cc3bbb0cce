/**
 * One cell as Excel's `Range.values` or a workbook reader hands it over.
 *
 * Office.js gives numbers (dates as serial numbers), strings, booleans and `''` for blanks,
 * with errors as strings such as `'#N/A'`. exceljs gives `Date` objects for date-formatted
 * cells and `{ error: '#N/A' }` objects for cached formula errors. Both shapes are accepted.
 */
export type CellValue = string | number | boolean | Date | CellErrorValue | null | undefined;

/** A cached formula error as exceljs reports it. */
export interface CellErrorValue {
  error: string;
}

/** The Excel error literals a cell can hold. */
export const EXCEL_ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const;

export type ExcelError = (typeof EXCEL_ERRORS)[number];

const EXCEL_ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

/** The error literal a cell holds (either shape), or undefined when it holds no error. */
export function toExcelError(value: CellValue): ExcelError | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim().toUpperCase();
    return EXCEL_ERROR_SET.has(trimmed) ? (trimmed as ExcelError) : undefined;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const code = String(value.error).trim().toUpperCase();
    return EXCEL_ERROR_SET.has(code) ? (code as ExcelError) : '#UNKNOWN!';
  }
  return undefined;
}

/**
 * True for cells a user sees as empty: null, undefined, or text of only white space (Excel's
 * `Range.values` gives `''` for an empty cell).
 *
 * @param value - one cell, as Range.values or a workbook reader gives it.
 * @returns whether the cell is blank; 0, false and error values are not blank.
 * @throws nothing
 * @example isBlankCell('  ') // true; isBlankCell(0) // false
 */
export function isBlankCell(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * The cell as the user would read it, for warnings and header text.
 *
 * @param value - one cell, as Range.values or a workbook reader gives it.
 * @returns its text: numbers and booleans as JavaScript writes them, an error as its literal
 *   (`'#N/A'`), a Date as ISO text, '' for null and undefined.
 * @throws nothing
 * @example cellText({ error: '#N/A' }) // '#N/A'; cellText(46203) // '46203'
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'object') return String(value.error);
  return String(value);
}
