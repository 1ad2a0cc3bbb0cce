/**
 * The core's entry for file readers (the pipeline's .xlsx and CSV readers, benchmarks): the
 * record-reading machinery they drive row by row or over CSV text, and the sheet type that lets
 * a CSV file be read in place. Scripts and front ends use `core/index.ts` instead.
 */

// Sheets as the readers hand them to the analyses.
export type { SheetGrid } from '../workbook/sheet-grid.js';
export { WorkbookReadError } from '../workbook/workbook-read-error.js';
// The reasons a file cannot be read, as catalogue keys (shown in the user's language).
export { coded, type CodedText } from '../text/coded-text.js';
export { errorText } from '../errors/error-line.js';
export { readSheetRecords, sheetHead } from '../workbook/read-sheet-records.js';
export type { ReadSheetRecordsOptions } from '../workbook/read-sheet-records.js';
export { loadSegmentRecords } from '../workbook/load-segment-records.js';
export type { SegmentRecordSource } from '../workbook/load-segment-records.js';
export type { LoadSegmentRecordsResult } from '../workbook/load-segment-records.js';
export { sheetChoicesOf } from '../workbook/segment-orders.js';
export { planSheets } from '../workbook/plan-sheets.js';

// Files that belong together: dated exports of one table, a CRM's related tables.
export { haveSameKindAndHeaders } from '../workbook/same-kind-files.js';
export { joinDealTables } from '../workbook/join-deal-tables.js';
export type { JoinDealTablesResult } from '../workbook/join-deal-tables.js';

// Excel's worksheet limits, which the readers stop at.
export {
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  groupedCount,
} from '../columns/excel-limits.js';
export { columnLetter } from '../columns/column-letter.js';
export { MAX_SUMMABLE } from '../columns/parse-number.js';

// Reading records cell by cell or from CSV text.
export { RecordReader } from '../columns/record-reader.js';
export type { ReadRecordsOptions, ReadRecordsResult } from '../columns/record-reader.js';
export type { RawCellSource, RecordAssembler } from '../columns/record-assembler.js';
export type { Parsed } from '../columns/parsed.js';
export { parseCsvText } from '../columns/parse-csv-text.js';
export { splitCsvSheet } from '../columns/split-csv-sheet.js';
export { CsvValueCache } from '../columns/csv-value-cache.js';
export { DEFAULT_HEADER_SEARCH_ROWS } from '../columns/detect-header-row.js';

// Compact columns and tallies for large inputs.
export { PackedTextColumn } from '../internal/packed-text-column.js';
export type { PackedTexts } from '../internal/packed-text-column.js';
export { ORDER_LINE_TALLY_FIELDS, OrderLineTally } from '../segments/tally-order-lines.js';
