import { SimRichApiError } from './rich-api-error.js';
import { sameName, type SheetModel, type WorkbookModel } from './workbook-model.js';

/**
 * Excel's rules for a sheet name: 1 to 31 characters, none of `: \ / ? * [ ]`, not starting or
 * ending with an apostrophe, not "History", and unique in the workbook regardless of case.
 */
export function checkSheetName(
  workbook: WorkbookModel,
  name: unknown,
  renaming?: SheetModel,
): string {
  if (
    typeof name !== 'string' ||
    name.trim() === '' ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    sameName(name, 'History')
  ) {
    throw new SimRichApiError('InvalidArgument', {
      message: `'${String(name)}' is not a valid worksheet name.`,
    });
  }
  if (workbook.sheets.some((sheet) => sheet !== renaming && sameName(sheet.name, name))) {
    throw new SimRichApiError('ItemAlreadyExists', {
      message: `A worksheet named '${name}' already exists. The resource being created already exists.`,
    });
  }
  return name;
}

/** `Sheet4` for a workbook of three sheets: the first free `SheetN`, as Excel names new sheets. */
export function nextSheetName(workbook: WorkbookModel): string {
  for (let n = workbook.sheets.length + 1; ; n++) {
    const name = `Sheet${n}`;
    if (!workbook.sheets.some((sheet) => sameName(sheet.name, name))) return name;
  }
}

export function visibleSheetCount(workbook: WorkbookModel): number {
  return workbook.sheets.filter((sheet) => sheet.visibility === 'Visible').length;
}

/** Deletes a sheet with its tables, refusing the last visible one (Excel keeps at least one). */
export function deleteSheet(workbook: WorkbookModel, sheet: SheetModel): void {
  if (sheet.visibility === 'Visible' && visibleSheetCount(workbook) === 1) {
    throw new SimRichApiError('InvalidOperation', {
      message: 'A workbook must contain at least one visible worksheet.',
    });
  }
  const index = workbook.sheets.indexOf(sheet);
  if (index < 0)
    throw new SimRichApiError('ItemNotFound', { message: 'The worksheet was already deleted.' });
  workbook.sheets.splice(index, 1);
  workbook.tables = workbook.tables.filter((table) => table.sheetId !== sheet.id);
  if (workbook.activeSheetId === sheet.id) {
    const next = workbook.sheets
      .slice(index)
      .concat(workbook.sheets.slice(0, index).reverse())
      .find((s) => s.visibility === 'Visible')!;
    workbook.activeSheetId = next.id;
    workbook.selection = { sheetId: next.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  }
}

export function moveSheet(workbook: WorkbookModel, sheet: SheetModel, position: unknown): void {
  if (
    typeof position !== 'number' ||
    !Number.isInteger(position) ||
    position < 0 ||
    position >= workbook.sheets.length
  ) {
    throw new SimRichApiError('InvalidArgument', {
      message: `Worksheet position ${String(position)} is outside 0..${workbook.sheets.length - 1}.`,
    });
  }
  workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
  workbook.sheets.splice(position, 0, sheet);
}

export function setVisibility(
  workbook: WorkbookModel,
  sheet: SheetModel,
  visibility: unknown,
): void {
  if (visibility !== 'Visible' && visibility !== 'Hidden' && visibility !== 'VeryHidden') {
    throw new SimRichApiError('InvalidArgument', {
      message: `'${String(visibility)}' is not a sheet visibility.`,
    });
  }
  if (
    visibility !== 'Visible' &&
    sheet.visibility === 'Visible' &&
    visibleSheetCount(workbook) === 1
  ) {
    throw new SimRichApiError('InvalidOperation', {
      message: 'A workbook must contain at least one visible worksheet.',
    });
  }
  sheet.visibility = visibility;
}
