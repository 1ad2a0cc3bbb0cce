import type { WorksheetSnapshot } from '../../excel-simulator/index.js';

export interface WrittenTable {
  header: unknown[];
  rows: unknown[][];
  /** 0-based sheet row of the header. */
  headerRow: number;
}

/**
 * A table of an output sheet as written: the row after the title cell is the header, then data
 * rows down to the first blank row, cut to the header's width.
 *
 * @throws Error when the sheet has no such title.
 */
export function writtenTable(sheet: WorksheetSnapshot, title: string): WrittenTable {
  const titleRow = sheet.values.findIndex((row) => row[0] === title);
  if (titleRow < 0) throw new Error(`no table titled '${title}' on ${sheet.name}`);
  const headerRow = titleRow + 1;
  const fullHeader = sheet.values[headerRow] ?? [];
  const width = fullHeader.findIndex((cell) => cell === '');
  const cut = (row: unknown[]) => row.slice(0, width < 0 ? row.length : width);
  const rows: unknown[][] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r += 1) {
    const row = sheet.values[r] ?? [];
    if (row.every((cell) => cell === '')) break;
    rows.push(cut(row));
  }
  return { header: cut(fullHeader), rows, headerRow };
}

/** Blank cells come back from Excel as ''; the core's null is written as a blank. */
export function asWritten(value: unknown): unknown {
  return value === null || value === undefined ? '' : value;
}
