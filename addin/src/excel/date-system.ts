import type { ApiSupport } from './api-support.js';

/**
 * `Workbook.use1904DateSystem` (ExcelApi 1.16). The @types/office-js release the add-in is
 * built with does not declare it yet, so it is typed here; it is only loaded where the host
 * reports ExcelApi 1.16.
 */
type WorkbookWithDateSystem = Excel.Workbook & { readonly use1904DateSystem: boolean };

/** Queues the read of the workbook's date system; resolve after the next sync. */
export function queueDate1904(
  context: Excel.RequestContext,
  api: ApiSupport,
): { resolve(): boolean } {
  if (!api.workbookDateSystem) return { resolve: () => false };
  const workbook = context.workbook as WorkbookWithDateSystem;
  workbook.load('use1904DateSystem');
  return { resolve: () => workbook.use1904DateSystem };
}
