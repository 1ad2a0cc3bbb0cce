import type { DataWarning } from '../columns/data-warning.js';
import type { MatchedColumn } from '../columns/match-columns.js';
import type { Customer, OrderLine } from '../columns/records.js';
import type { SheetGrid } from './sheet-grid.js';
import type { SheetChoice, SheetReadOptions } from './sheet-choice.js';
import { mayHold, readSheetAs } from './sheet-choice.js';

export interface LoadSegmentRecordsResult {
  lines: OrderLine[];
  customers: Customer[];
  warnings: DataWarning[];
  /** Sheets that gave at least one record. */
  sheets: string[];
  /** Those sheets with their header rows, for per-row tables of their other columns. */
  sources: SegmentRecordSource[];
}

/** A sheet that gave records: its header row, its matched columns and how many records. */
export interface SegmentRecordSource {
  grid: SheetGrid;
  headerRow: number | null;
  /** The columns read as record fields. */
  matched: readonly MatchedColumn[];
  /** Its records, following those of the sheets before it. */
  count: number;
  /**
   * Invoices or deals read as order history in place of order lines (ordersOrHistory): their
   * own fields, not the order lines', are what the customers' figures are made of.
   */
  history?: 'invoice' | 'deal';
}

/**
 * Reads every sheet the user did not name otherwise as order lines or as customers and puts the
 * records together in sheet order (several daily exports form one history).
 *
 * @param grids - sheets of one or more workbooks.
 * @param kind - order lines (RFM, ABC) or a customer list (portfolio, scorecard, ABC).
 * @param choice - sheet kinds and column mappings the user gave.
 * @param read - a CSV value cache shared with the other files of the batch (daily exports repeat
 *   the same customers and products), and the fields to read when a caller needs only some.
 * @returns the records and every sheet's reading warnings.
 * @throws WorkbookReadError for a CSV whose quote never closes; Error for a bad mapping
 * @example loadSegmentRecords(grids, 'orderLine').lines.length // order lines of every sheet
 */
export function loadSegmentRecords(
  grids: readonly SheetGrid[],
  kind: 'orderLine' | 'customer',
  choice: SheetChoice = {},
  read: SheetReadOptions = {},
): LoadSegmentRecordsResult {
  const out: LoadSegmentRecordsResult = {
    lines: [],
    customers: [],
    warnings: [],
    sheets: [],
    sources: [],
  };
  for (const grid of grids) {
    if (!mayHold(grid, kind, choice)) continue;
    if (kind === 'orderLine') {
      const r = readSheetAs(grid, 'orderLine', choice, read);
      for (const record of r.records) out.lines.push(record);
      out.warnings.push(...r.warnings);
      if (r.records.length > 0) {
        out.sheets.push(grid.sheet);
        out.sources.push(sourceOf(grid, r));
      }
    } else {
      const r = readSheetAs(grid, 'customer', choice, read);
      for (const record of r.records) out.customers.push(record);
      out.warnings.push(...r.warnings);
      if (r.records.length > 0) {
        out.sheets.push(grid.sheet);
        out.sources.push(sourceOf(grid, r));
      }
    }
  }
  return out;
}

function sourceOf(
  grid: SheetGrid,
  read: {
    headerRow: number | undefined;
    columns: { matched: readonly MatchedColumn[] };
    records: readonly unknown[];
  },
): SegmentRecordSource {
  return {
    grid,
    headerRow: read.headerRow ?? null,
    matched: read.columns.matched,
    count: read.records.length,
  };
}
