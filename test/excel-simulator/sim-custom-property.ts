import { requireExcelApi } from './api-sets.js';
import type { SimRequestContext } from './sim-context.js';
import { SimKeyValueCollection } from './sim-key-value.js';
import type { SheetModel } from './workbook-model.js';

/**
 * Worksheet.customProperties (ExcelApi 1.12): string values kept with the sheet, so they follow
 * it through renames and moves; Excel stores every value as text. On a host below 1.12 every
 * statement on them fails with ApiNotFound.
 */
export class SimWorksheetCustomPropertyCollection extends SimKeyValueCollection {
  constructor(context: SimRequestContext, sheet: () => SheetModel) {
    super(
      'WorksheetCustomPropertyCollection',
      'WorksheetCustomProperty',
      context,
      () => {
        requireExcelApi(context.host, '1.12', 'Worksheet.customProperties');
        return sheet().customProperties as Map<string, unknown>;
      },
      (value) => String(value),
    );
  }
}
