import { EXCEL_MAX_CELL_CHARS, groupedCount } from '../../core/readers/index.js';

/**
 * Text cut to `max` characters (Excel's 32,767 per cell by default) with a visible note of how
 * long it was, or the text itself when it fits: a 10 MB customer name must not make a results
 * workbook Excel refuses to open, nor a report of tens of megabytes. Never splits a surrogate pair.
 */
export function cutCellText(text: string, max = EXCEL_MAX_CELL_CHARS): string {
  if (text.length <= max) return text;
  const note = `… [cut: ${groupedCount(text.length)} characters]`;
  let end = Math.max(0, max - note.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + note;
}

/** Characters of a cell shown in report.html: enough for any name, not a page of text. */
export const HTML_CELL_CHARS = 1000;
