import { readFile } from 'node:fs/promises';
import { workbookFromXlsxBytes } from './workbook-from-xlsx-bytes.js';
import type { WorkbookModel } from './workbook-model.js';

/**
 * Node only: reads an .xlsx file into a workbook model for the simulator.
 *
 * @throws Error `FILE: reason` in one line when the file is missing or unreadable.
 */
export async function loadXlsxFile(file: string): Promise<WorkbookModel> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new Error(
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      { cause: error },
    );
  }
  try {
    return await workbookFromXlsxBytes(bytes);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
