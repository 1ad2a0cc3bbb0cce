import type { SimRequestContext } from './sim-context.js';
import { SimKeyValueCollection } from './sim-key-value.js';
import type { SheetModel } from './workbook-model.js';

/**
 * Worksheet.customProperties (ExcelApi 1.12): string values kept with the sheet, so they follow
 * it through renames and moves; Excel stores every value as text.
 */
export class SimWorksheetCustomPropertyCollection extends SimKeyValueCollection {
  constructor(context: SimRequestContext, sheet: () => SheetModel) {
    super(
      'WorksheetCustomPropertyCollection',
      'WorksheetCustomProperty',
      context,
      () => sheet().customProperties as Map<string, unknown>,
      (value) => String(value),
    );
  }
}
