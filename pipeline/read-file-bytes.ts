import { readFile } from 'node:fs/promises';
import { WorkbookReadError } from './workbook-read-error.js';

const FS_REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EBUSY: 'file is locked by another program (close it in Excel and retry)',
};

/** The bytes of an input file; file-system failures become a WorkbookReadError. */
export async function readFileBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = FS_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new WorkbookReadError(file, reason, { cause: error });
  }
}
