import { extname } from 'node:path';
import { coded, type SheetGrid, WorkbookReadError } from '../core/readers/index.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';

export type { SheetGrid };

export interface ReadWorkbookOptions {
  /** Read only this sheet (exact name, or case-insensitive when no exact match). */
  sheet?: string;
}

/** Extensions readWorkbook understands, lower case with the dot. */
export const WORKBOOK_EXTENSIONS: Readonly<Record<string, 'xlsx' | 'csv'>> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
};

/**
 * Reads every sheet of an .xlsx/.xlsm workbook or a .csv/.tsv/.txt file into cell grids.
 *
 * @throws WorkbookReadError when the file is missing, has an unknown extension, cannot be parsed,
 *   or has no sheet of the requested name.
 */
export async function readWorkbook(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<SheetGrid[]> {
  const format = WORKBOOK_EXTENSIONS[extname(path).toLowerCase()];
  if (format === undefined) {
    const known = Object.keys(WORKBOOK_EXTENSIONS).join(', ');
    throw new WorkbookReadError(
      path,
      coded('error.unsupportedFileType', {
        extension: extname(path) || coded('error.noExtension'),
        known,
      }),
    );
  }
  const sheets = format === 'xlsx' ? await readXlsx(path) : [await readCsv(path)];
  return options.sheet === undefined ? sheets : [pickSheet(path, sheets, options.sheet)];
}

function pickSheet(path: string, sheets: SheetGrid[], name: string): SheetGrid {
  const folded = name.trim().toLowerCase();
  const found =
    sheets.find((s) => s.sheet === name) ??
    sheets.find((s) => s.sheet.trim().toLowerCase() === folded);
  if (found) return found;
  const names = sheets.map((s) => `'${s.sheet}'`).join(', ');
  throw new WorkbookReadError(
    path,
    coded('error.noSheetNamed', { name, sheets: names || coded('cli.none') }),
  );
}
