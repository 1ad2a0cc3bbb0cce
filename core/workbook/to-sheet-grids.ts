import type { SheetGrid, SheetValues } from './sheet-grid.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Sheets as a front end has them, or as the file readers build them (CSV text included). */
export type WorkbookInput = readonly (SheetValues | SheetGrid)[];

/**
 * The sheets as the analyses read them: `{ name, values }` become grids placed in `file`; grids
 * from the file readers pass through as they are (their CSV text is read in place, never split
 * into a grid first).
 *
 * @param sheets - the workbook's sheets, in workbook order.
 * @param file - the workbook's name, for warnings.
 * @param caller - the public function's name, for error messages.
 * @returns one grid per sheet, in the same order; the cell arrays are shared, not copied.
 * @throws PipecastError naming the caller and the sheet when sheets is not an array of sheets
 */
export function toSheetGrids(sheets: WorkbookInput, file: string, caller: string): SheetGrid[] {
  if (!Array.isArray(sheets))
    throw new PipecastError(
      'invalid-input',
      `${caller}: sheets must be an array of { name, values }, got ${typeof sheets}`,
    );
  return sheets.map((sheet: SheetValues | SheetGrid, index): SheetGrid => {
    if (sheet === null || typeof sheet !== 'object')
      throw new PipecastError(
        'invalid-input',
        `${caller}: sheets[${index}] must be an object { name, values }`,
      );
    if (!('values' in sheet)) return sheet;
    if (typeof sheet.name !== 'string')
      throw new PipecastError('invalid-input', `${caller}: sheets[${index}].name must be a string`);
    if (!Array.isArray(sheet.values) || !sheet.values.every((row) => Array.isArray(row)))
      throw new PipecastError(
        'invalid-input',
        `${caller}: sheets[${index}] ('${sheet.name}') values must be a 2-D array as Range.values gives it`,
      );
    return { file, sheet: sheet.name, rows: sheet.values, date1904: sheet.date1904 === true };
  });
}
