import { cellText } from '../columns/cell-value.js';
import { normalizeHeader } from '../columns/normalize-header.js';
import { planSheets } from './plan-sheets.js';
import { sheetHead } from './read-sheet-records.js';
import type { ReportConfig } from './report-config.js';
import type { SheetGrid } from './sheet-grid.js';

/**
 * Whether several files are dated exports of one table (a folder of daily order files): every
 * file has the same sheets, in order, each of the same recognised kind with the same headers
 * (compared as header matching does: case, spaces and punctuation ignored). Sheet names are not
 * compared: a CSV file's sheet is named after the file, which differs from day to day.
 *
 * @param files - each file's sheets, as the readers give them.
 * @param config - the report config (sheet kinds and mappings), as planSheets takes it.
 * @returns true for two or more such files; false for one file, or when any sheet's kind is not
 *   recognised, or two files differ in sheets, kinds or headers.
 * @example haveSameKindAndHeaders([day1Sheets, day2Sheets]) // true for two days of one export
 */
export function haveSameKindAndHeaders(
  files: readonly (readonly SheetGrid[])[],
  config: ReportConfig = {},
): boolean {
  if (files.length < 2) return false;
  let first: string | undefined;
  for (const sheets of files) {
    const signature = fileSignature(sheets, config);
    if (signature === undefined) return false;
    first ??= signature;
    if (signature !== first) return false;
  }
  return true;
}

/** Each sheet's kind and header keys, or undefined when a sheet holds no known kind. */
function fileSignature(sheets: readonly SheetGrid[], config: ReportConfig): string | undefined {
  if (sheets.length === 0) return undefined;
  const plan = planSheets(sheets, config);
  const parts: string[][] = [];
  for (const [index, entry] of plan.sheets.entries()) {
    if (entry.kind === null || entry.kind === 'ignore' || entry.headerRow === null) {
      return undefined;
    }
    const header = sheetHead(sheets[index]!, entry.headerRow)[entry.headerRow - 1] ?? [];
    const keys = header.map((cell) => normalizeHeader(cellText(cell)));
    // Some writers drop trailing blank cells and some keep them: they are no header.
    while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
    parts.push([entry.kind, ...keys]);
  }
  return JSON.stringify(parts);
}
