import { basename, extname } from 'node:path';

/** Longest folder name kept (in characters); long names break Windows' 260-character paths. */
export const DEFAULT_MAX_FOLDER_NAME_LENGTH = 80;

/** Names that Windows refuses for a file or folder whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Names the batch itself writes at the top of the --out folder. */
const BATCH_FILES = new Set(['index.html', 'summary.json']);

/**
 * One output folder name per input file: the file's base name without extension, made safe on
 * Windows and macOS (no `<>:"/\|?*`, control characters, trailing dots or spaces, reserved
 * device names, leading dot) and unique without regard to case or Unicode normal form (both
 * file systems usually ignore them), by appending `-2`, `-3`… in input order.
 *
 * @param files - Input paths, in the order the reports are listed.
 * @returns Folder names, index for index with `files`.
 * @example reportFolderNames(['a/Sales.xlsx', 'b/sales.csv', 'q3:final?.xlsx']) // ['Sales', 'sales-2', 'q3_final_']
 */
export function reportFolderNames(files: readonly string[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const base = safeFolderName(file);
    let name = base;
    for (let n = 2; taken.has(foldKey(name)); n++) name = `${base}-${n}`;
    taken.add(foldKey(name));
    return name;
  });
}

function safeFolderName(file: string): string {
  // Either separator: a Windows path read on POSIX still yields its base name.
  const base = basename(file.replace(/\\/g, '/'));
  const stem = base.slice(0, base.length - extname(base).length) || base;
  let name = stem
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  name = Array.from(name).slice(0, DEFAULT_MAX_FOLDER_NAME_LENGTH).join('').trimEnd();
  if (name === '') return 'workbook';
  if (WINDOWS_RESERVED.test(name) || BATCH_FILES.has(name.toLowerCase())) return `${name}_`;
  return name;
}

function foldKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
