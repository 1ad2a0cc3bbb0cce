import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { coded, WorkbookReadError } from '../core/readers/index.js';
import { INPUT_FILE_EXTENSIONS, listInputFiles } from './list-input-files.js';
import { type ReadWorkbookOptions, readWorkbook, type SheetGrid } from './read-workbook.js';

/**
 * Reads a file, or every workbook and CSV file of a folder (not recursively, in name order), into
 * cell grids. A folder's sheets are named after their file ("accounts" for accounts.csv,
 * "q3 › Deals" for sheet Deals of q3.xlsx), so warnings and the sheet a command picks say which
 * file they come from; `sheet` then picks that sheet in each file that has it.
 *
 * @param path - a file or a folder.
 * @param options - the sheet to read.
 * @returns the sheets read.
 * @throws WorkbookReadError when the path does not exist, a file cannot be read, or a folder
 *   holds no file pipecast reads (the message lists the extensions).
 */
export async function readInputPath(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<SheetGrid[]> {
  if (!(await isFolder(path))) return readWorkbook(path, options);
  const files = await listInputFiles([path]);
  if (files.length === 0) {
    throw new WorkbookReadError(
      path,
      coded('error.folderHoldsNothing', { extensions: INPUT_FILE_EXTENSIONS.join(', ') }),
    );
  }
  const sheets = await readFilesTogether(files, options);
  if (sheets.length === 0) {
    throw new WorkbookReadError(
      path,
      coded('error.folderNoSheetNamed', { name: options.sheet ?? '' }),
    );
  }
  return sheets;
}

/**
 * Reads several files as the sheets of one workbook, in the order given: each sheet is named after
 * its file ("accounts" for accounts.csv, "q3 › Deals" for sheet Deals of q3.xlsx; `-2`, `-3`…
 * when two files of different folders share a name), and keeps its file for warnings.
 *
 * @param files - the files, e.g. a folder's daily exports.
 * @param options - the sheet to read of each file.
 * @throws WorkbookReadError when a file cannot be read.
 */
export async function readFilesTogether(
  files: readonly string[],
  options: ReadWorkbookOptions = {},
): Promise<SheetGrid[]> {
  const sheets: SheetGrid[] = [];
  const taken = new Set<string>();
  for (const file of files) {
    const grids = await readFolderFile(file, options);
    const stem = basename(file, extname(file));
    for (const grid of grids) {
      const base = grid.sheet === stem ? stem : `${stem} › ${grid.sheet}`;
      let sheet = base;
      for (let n = 2; taken.has(sheet); n++) sheet = `${base}-${n}`;
      taken.add(sheet);
      sheets.push(withSheetName(grid, sheet));
    }
  }
  return sheets;
}

/**
 * The grid under another name. A CSV grid's rows are split on first use and its text is not
 * enumerable, so a spread would split every file at once and lose the text: both are carried
 * over as they are.
 */
function withSheetName(grid: SheetGrid, sheet: string): SheetGrid {
  if (grid.sheet === sheet) return grid;
  const named = { file: grid.file, sheet, date1904: grid.date1904 } as SheetGrid;
  Object.defineProperty(named, 'rows', { enumerable: true, get: () => grid.rows });
  if (grid.csv) Object.defineProperty(named, 'csv', { enumerable: false, value: grid.csv });
  return named;
}

/** A folder's file: all its sheets, or those named `sheet` (exactly or ignoring case). */
async function readFolderFile(file: string, options: ReadWorkbookOptions): Promise<SheetGrid[]> {
  const grids = await readWorkbook(file);
  const wanted = options.sheet?.trim().toLowerCase();
  if (wanted === undefined) return grids;
  return grids.filter((grid) => grid.sheet.trim().toLowerCase() === wanted);
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    // A missing path is reported by readWorkbook with its usual message.
    return false;
  }
}
