import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { coded, WorkbookReadError } from '../core/readers/index.js';

/** Extensions a folder is searched for; files named explicitly may have any extension. */
export const INPUT_FILE_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.csv', '.tsv'];

/**
 * The input files for a batch run: files as given, folders expanded (not recursively) to their
 * workbooks and CSV files in name order, without Excel's `~$` lock files and hidden files.
 * Duplicates are listed once, in first-seen order.
 *
 * @throws WorkbookReadError when a path does not exist.
 */
export async function listInputFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new WorkbookReadError(path, coded('error.pathNotFound'), { cause: error });
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    const names = entries
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isInputFileName(entry.name))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    files.push(...names.map((name) => join(path, name)));
  }
  return [...new Set(files)];
}

function isInputFileName(name: string): boolean {
  const base = basename(name);
  if (base.startsWith('~$') || base.startsWith('.')) return false;
  return INPUT_FILE_EXTENSIONS.includes(extname(base).toLowerCase());
}
