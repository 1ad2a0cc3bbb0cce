import { PaneError } from '../pane-error.js';

/** The Excel API the manifest asks for; every call the add-in makes exists in it. */
export const MIN_EXCEL_API = '1.9';

/** Features above the floor, looked up once when the pane opens. */
export interface ApiSupport {
  /** ExcelApi 1.12: worksheet custom properties mark output sheets (else workbook settings by sheet id). */
  worksheetCustomProperties: boolean;
  /**
   * ExcelApi 1.16: `Workbook.use1904DateSystem` says which date system the serials count in.
   * Older hosts cannot tell; the pane then reads dates in the 1900 system (the default).
   */
  workbookDateSystem: boolean;
}

type RequirementSets = { isSetSupported(name: string, version?: string): boolean };

/**
 * What the host supports, from `Office.context.requirements`.
 *
 * @throws PaneError `errorApiSet` when the host lacks the ExcelApi floor.
 */
export function detectApiSupport(requirements: RequirementSets): ApiSupport {
  if (!requirements.isSetSupported('ExcelApi', MIN_EXCEL_API)) {
    throw new PaneError('errorApiSet', { set: MIN_EXCEL_API });
  }
  return {
    worksheetCustomProperties: requirements.isSetSupported('ExcelApi', '1.12'),
    workbookDateSystem: requirements.isSetSupported('ExcelApi', '1.16'),
  };
}
