import type {
  OutputCell,
  OutputChart,
  OutputColumnFormat,
  OutputSheet,
  OutputTable,
} from '../results/output-model.js';

/** Where one table of an output sheet goes (0-based rows; every table starts in column A). */
export interface PlacedTable {
  table: OutputTable;
  titleRow: number;
  headerRow: number;
}

export interface PlacedChart {
  chart: OutputChart;
  placed: PlacedTable;
  /** Top-left and bottom-right cells of the chart's area, e.g. `J2` and `Q17`. */
  topRow: number;
  leftColumn: number;
}

export interface SheetLayout {
  tables: PlacedTable[];
  charts: PlacedChart[];
  /** Columns the tables use; charts go to their right. */
  width: number;
  /** Rows the tables use. */
  height: number;
}

/** A rectangle of cells to write: values and the number format of each column. */
export interface CellBlock {
  sheet: number;
  rowIndex: number;
  columnIndex: number;
  values: OutputCell[][];
  formats: readonly OutputColumnFormat[];
}

export const CHART_ROWS = 16;
export const CHART_COLUMNS = 8;

/**
 * The Notes table of a sheet: the as-of date the run used, then every warning with its source
 * cell, all columns text.
 */
export function notesTable(sheet: OutputSheet): OutputTable {
  const asOf = sheet.asOf === null ? [] : [[sheet.asOf.type, null, null, sheet.asOf.message, null]];
  return {
    id: `${sheet.analysis}-notes`,
    title: sheet.notesTitle,
    columns: sheet.notesColumns.map((label) => ({ label, format: 'text' as const })),
    rows: [
      ...asOf,
      ...sheet.notes.map((note) => [
        note.type,
        note.sheet,
        note.address,
        note.message,
        note.action,
      ]),
    ],
  };
}

/**
 * The layout of an output sheet: each table under a title row, one blank row between tables,
 * the Notes table last; charts stacked to the right of the widest table.
 */
export function layoutSheet(sheet: OutputSheet): SheetLayout {
  const tables: PlacedTable[] = [];
  let row = 0;
  let width = 1;
  for (const table of [...sheet.tables, notesTable(sheet)]) {
    tables.push({ table, titleRow: row, headerRow: row + 1 });
    row += table.rows.length + 3;
    width = Math.max(width, table.columns.length);
  }
  const charts: PlacedChart[] = [];
  for (const chart of sheet.charts) {
    const placed = tables.find((t) => t.table.id === chart.table);
    if (placed === undefined || placed.table.rows.length === 0) continue;
    charts.push({
      chart,
      placed,
      topRow: 1 + charts.length * (CHART_ROWS + 1),
      leftColumn: width + 1,
    });
  }
  return { tables, charts, width, height: row };
}

/**
 * The blocks that write a laid-out sheet: per table a title cell, the header row, then its data
 * rows in blocks of at most `maxRows`.
 */
export function sheetBlocks(sheetIndex: number, layout: SheetLayout, maxRows: number): CellBlock[] {
  const blocks: CellBlock[] = [];
  for (const { table, titleRow, headerRow } of layout.tables) {
    blocks.push({
      sheet: sheetIndex,
      rowIndex: titleRow,
      columnIndex: 0,
      values: [[table.title]],
      formats: ['text'],
    });
    blocks.push({
      sheet: sheetIndex,
      rowIndex: headerRow,
      columnIndex: 0,
      values: [table.columns.map((c) => c.label)],
      formats: table.columns.map(() => 'text' as const),
    });
    const formats = table.columns.map((c) => c.format);
    for (let start = 0; start < table.rows.length; start += maxRows) {
      const rows = table.rows.slice(start, start + maxRows);
      blocks.push({
        sheet: sheetIndex,
        rowIndex: headerRow + 1 + start,
        columnIndex: 0,
        values: rows.map((row) => formats.map((format, i) => safeCell(row[i] ?? null, format))),
        formats,
      });
    }
  }
  return blocks;
}

/**
 * A cell value Excel will store as written. Text columns get the text number format before
 * their values, so `=HYPERLINK(…)` stays text there; a string in a number column (a label such
 * as "Total") that Excel would read as a formula gets the apostrophe prefix, which Excel keeps
 * as "this is text" and does not show.
 */
export function safeCell(cell: OutputCell, format: OutputColumnFormat): OutputCell {
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  if (typeof cell !== 'string' || format === 'text') return cell;
  return /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
}
