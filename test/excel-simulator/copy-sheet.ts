import { quoteSheetName } from './cell-address.js';
import { SimRichApiError } from './rich-api-error.js';
import {
  createSheetModel,
  nextModelId,
  sameName,
  type CellRow,
  type SheetModel,
  type WorkbookModel,
} from './workbook-model.js';

/** Worksheet.copy's positionType; `None` places the copy first, as Excel's documentation says. */
export type CopyPosition = 'None' | 'Before' | 'After' | 'Beginning' | 'End';

/**
 * Excel's Move or Copy → Create a copy (Worksheet.copy, ExcelApi 1.7): a new sheet with a new
 * id and the next free `Name (2)`, `Name (3)` …, carrying the cells, formats, charts,
 * conditional formats, tables (renamed to stay unique) and the worksheet custom properties of
 * the original, as Excel copies them with the sheet's part.
 *
 * @throws SimRichApiError InvalidArgument for Before/After without a sheet to place it by.
 */
export function copySheet(
  workbook: WorkbookModel,
  original: SheetModel,
  position: CopyPosition,
  relativeTo: SheetModel | null,
): SheetModel {
  const name = copyName(workbook, original.name);
  const copy: SheetModel = {
    ...createSheetModel(workbook, name),
    tabColor: original.tabColor,
    rows: original.rows.map(copyRow),
    columnFormats: new Map(original.columnFormats),
    columnWidths: new Map(original.columnWidths),
    formatLayers: [...original.formatLayers],
    charts: original.charts.map((chart) => ({
      ...structuredClone(chart),
      id: nextModelId(workbook),
      // A chart on the copy plots the copy's cells, as Excel re-points a copied sheet's charts.
      sourceAddress: `${quoteSheetName(name)}!${chart.sourceAddress.replace(/^.*!/, '')}`,
    })),
    conditionalFormats: original.conditionalFormats.map((format) => ({
      ...structuredClone(format),
      id: nextModelId(workbook),
    })),
    customProperties: new Map(original.customProperties),
    frozen: { ...original.frozen },
    showGridlines: original.showGridlines,
  };
  for (const table of workbook.tables.filter((t) => t.sheetId === original.id)) {
    workbook.tables.push({
      ...table,
      id: nextModelId(workbook),
      name: copyTableName(workbook, table.name),
      sheetId: copy.id,
      rect: { ...table.rect },
    });
  }
  workbook.sheets.splice(copyIndex(workbook, position, relativeTo), 0, copy);
  return copy;
}

function copyRow(row: CellRow | undefined): CellRow | undefined {
  if (row === undefined) return undefined;
  return {
    values: [...row.values],
    ...(row.formulas ? { formulas: [...row.formulas] } : {}),
    ...(row.formats ? { formats: [...row.formats] } : {}),
  };
}

function copyIndex(
  workbook: WorkbookModel,
  position: CopyPosition,
  relativeTo: SheetModel | null,
): number {
  if (position === 'None' || position === 'Beginning') return 0;
  if (position === 'End') return workbook.sheets.length;
  const index = relativeTo === null ? -1 : workbook.sheets.indexOf(relativeTo);
  if (index < 0)
    throw new SimRichApiError('InvalidArgument', {
      message: `Worksheet.copy '${position}' needs the worksheet to place the copy by.`,
    });
  return position === 'Before' ? index : index + 1;
}

/** `Deals (2)`, shortening the base so the name keeps to Excel's 31 characters. */
function copyName(workbook: WorkbookModel, name: string): string {
  const base = name.replace(/ \(\d+\)$/, '');
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!workbook.sheets.some((sheet) => sameName(sheet.name, candidate))) return candidate;
  }
}

/** `DealsTable` → `DealsTable2`: the name with the first free number appended, unique in the workbook. */
function copyTableName(workbook: WorkbookModel, name: string): string {
  const base = name.replace(/\d+$/, '');
  for (let n = 2; ; n += 1) {
    const candidate = `${base}${n}`;
    if (!workbook.tables.some((table) => sameName(table.name, candidate))) return candidate;
  }
}
