import type { CellRect } from './cell-address.js';

/**
 * A cell value as Range.values gives it: numbers (dates as serial numbers), text, booleans,
 * errors as their text (`#N/A`), and '' for a blank cell.
 */
export type SimCellValue = string | number | boolean;

/** One worksheet row: parallel sparse arrays, indexed by zero-based column. */
export interface CellRow {
  values: (SimCellValue | undefined)[];
  /** The formula of a formula cell (`=A1*2`); its value is the cached result. */
  formulas?: (string | undefined)[];
  /** A cell's own number format; absent means the column's, else `General`. */
  formats?: (string | undefined)[];
}

/** A formatting property set on a rectangle (`font.bold = true` on A1:D1), latest last. */
export interface FormatLayer {
  readonly rect: CellRect;
  readonly property: string;
  readonly value: unknown;
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  /** The source range's address (`Forecast!A1:C13`). */
  sourceAddress: string;
  /** 'Rows' or 'Columns', as resolved from 'Auto' by the shape of the source. */
  seriesBy: string;
  /** One name per series, from the source's first row or column. */
  seriesNames: string[];
  /** Properties set through the sub-objects, by path: `title.text`, `axes.valueAxis.title.text`, `legend.position`. */
  properties: Record<string, unknown>;
  position: { top: number; left: number; width: number; height: number };
  anchor?: { startCell: string; endCell?: string };
}

/** A conditional format as added: its type, range and the rule and format the add-in set. */
export interface ConditionalFormatModel {
  id: string;
  type: string;
  rect: CellRect;
  /** Properties set through the sub-objects, by path: `cellValue.rule`, `cellValue.format.fill.color`. */
  properties: Record<string, unknown>;
  priority: number;
  stopIfTrue: boolean;
}

export interface SheetModel {
  /** Stable across renames and moves, like Worksheet.id. */
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  rows: (CellRow | undefined)[];
  /** Number formats set on whole columns (`A:A`), so a column format costs no per-cell storage. */
  columnFormats: Map<number, string>;
  columnWidths: Map<number, number>;
  formatLayers: FormatLayer[];
  charts: ChartModel[];
  conditionalFormats: ConditionalFormatModel[];
  customProperties: Map<string, string>;
  frozen: { rows: number; columns: number };
  showGridlines: boolean;
}

export interface TableModel {
  readonly id: string;
  name: string;
  sheetId: string;
  /** Header row (when shown), data rows and total row (when shown). */
  rect: CellRect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface NamedItemModel {
  name: string;
  /** `=Sheet1!$A$1:$B$2` or a constant formula. */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface WorkbookModel {
  /** In tab order: a sheet's position is its index. */
  sheets: SheetModel[];
  tables: TableModel[];
  names: NamedItemModel[];
  /** Add-in settings (Workbook.settings and Office.context.document.settings share them). */
  settings: Map<string, unknown>;
  activeSheetId: string;
  selection: { sheetId: string; rect: CellRect };
  /** The 1904 date system (workbookPr date1904): serial numbers count from 1904-01-01. */
  date1904: boolean;
  /** Counter for ids of sheets, tables, charts and conditional formats. */
  nextId: number;
}

/** A sheet described by plain grids, for building a workbook in a test. */
export interface SheetSpec {
  name: string;
  /** Row-major; null or undefined leaves a cell blank. */
  values?: (SimCellValue | null | undefined)[][];
  formulas?: (string | null | undefined)[][];
  numberFormats?: (string | null | undefined)[][];
  visibility?: SheetModel['visibility'];
}

/** Sheet ids shaped like Excel's: a braced GUID, unique within the workbook. */
export function nextModelId(workbook: WorkbookModel): string {
  workbook.nextId += 1;
  const hex = workbook.nextId.toString(16).toUpperCase().padStart(12, '0');
  return `{00000000-0001-0000-0000-${hex}}`;
}

export function createSheetModel(workbook: WorkbookModel, name: string): SheetModel {
  return {
    id: nextModelId(workbook),
    name,
    visibility: 'Visible',
    tabColor: '',
    rows: [],
    columnFormats: new Map(),
    columnWidths: new Map(),
    formatLayers: [],
    charts: [],
    conditionalFormats: [],
    customProperties: new Map(),
    frozen: { rows: 0, columns: 0 },
    showGridlines: true,
  };
}

/** An empty workbook; `createWorkbookModel([{ name: 'Deals', values: [...] }])` for one with data. */
export function createWorkbookModel(
  sheets: readonly SheetSpec[] = [{ name: 'Sheet1' }],
): WorkbookModel {
  const workbook: WorkbookModel = {
    sheets: [],
    tables: [],
    names: [],
    settings: new Map(),
    activeSheetId: '',
    selection: { sheetId: '', rect: { top: 0, left: 0, bottom: 0, right: 0 } },
    date1904: false,
    nextId: 0,
  };
  for (const spec of sheets.length > 0 ? sheets : [{ name: 'Sheet1' }]) {
    const sheet = createSheetModel(workbook, spec.name);
    sheet.visibility = spec.visibility ?? 'Visible';
    fillSheet(sheet, spec);
    workbook.sheets.push(sheet);
  }
  const first =
    workbook.sheets.find((sheet) => sheet.visibility === 'Visible') ?? workbook.sheets[0]!;
  workbook.activeSheetId = first.id;
  workbook.selection = { sheetId: first.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  return workbook;
}

function fillSheet(sheet: SheetModel, spec: SheetSpec): void {
  const height = Math.max(
    spec.values?.length ?? 0,
    spec.formulas?.length ?? 0,
    spec.numberFormats?.length ?? 0,
  );
  for (let r = 0; r < height; r++) {
    const values = spec.values?.[r] ?? [];
    const formulas = spec.formulas?.[r] ?? [];
    const formats = spec.numberFormats?.[r] ?? [];
    const width = Math.max(values.length, formulas.length, formats.length);
    if (width === 0) continue;
    const row: CellRow = { values: new Array<SimCellValue | undefined>(width) };
    for (let c = 0; c < width; c++) {
      const value = values[c];
      if (value !== null && value !== undefined && value !== '') row.values[c] = value;
      const formula = formulas[c];
      if (formula) (row.formulas ??= [])[c] = formula;
      const format = formats[c];
      if (format && format !== 'General') (row.formats ??= [])[c] = format;
    }
    sheet.rows[r] = row;
  }
}

export function findSheetById(workbook: WorkbookModel, id: string): SheetModel | undefined {
  return workbook.sheets.find((sheet) => sheet.id === id);
}

/** Excel compares sheet, table and name identifiers without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
