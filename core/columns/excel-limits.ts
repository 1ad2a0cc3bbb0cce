/**
 * Excel's worksheet limits (Microsoft, "Excel specifications and limits"). A file past them was
 * not written by Excel and cannot be opened in it, so readers refuse it at the first cell past a
 * limit instead of spending memory on it.
 */

/** Rows in a worksheet: 1,048,576 (2^20). */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Columns in a worksheet: 16,384 (2^14), the last one XFD. */
export const EXCEL_MAX_COLUMNS = 16_384;

/** Characters (UTF-16 code units) a cell can hold: 32,767. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/** A number with thousands separators, as limits are quoted in messages (`16,384`). */
export function groupedCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
