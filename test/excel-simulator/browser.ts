// The simulator's browser-safe entry point, for the add-in demo page: everything index.ts
// exports except loadXlsxFile, which reads files with node:fs.
export {
  createExcelHost,
  type ExcelHost,
  type ExcelHostOptions,
  type SimDocumentSettings,
} from './create-excel-host.js';
export { workbookFromXlsxBytes } from './workbook-from-xlsx-bytes.js';
export { snapshotWorksheet, usedAddressOf, type WorksheetSnapshot } from './snapshot-worksheet.js';
export { sheetWindow, type SheetWindow, type WindowCell } from './sheet-window.js';
export {
  createWorkbookModel,
  type CellRow,
  type ChartModel,
  type ConditionalFormatModel,
  type NamedItemModel,
  type SheetModel,
  type SheetSpec,
  type SimCellValue,
  type TableModel,
  type WorkbookModel,
} from './workbook-model.js';
export { SimRichApiError, isSimRichApiError, type SimErrorCode } from './rich-api-error.js';
export { DEFAULT_LIMITS, SimStats, type SimLimits, type SyncRecord } from './sim-stats.js';
export { UNCALCULATED, serialFromYmd } from './cell-input.js';
export { formatAddress, parseAddress, columnLetters, type CellRect } from './cell-address.js';
export type { SimRequestContext } from './sim-context.js';
