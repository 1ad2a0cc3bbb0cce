import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { coded, type CodedText } from '../core/readers/index.js';
import { fileReadError } from './read-line-blocks.js';

/** What a file's first bytes say it is, whatever its name says. */
export type FileContent = 'zip' | 'ole' | 'text' | 'empty' | 'other';

/** Every .xlsx/.xlsm is a zip archive, which starts with a local file header. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Old .xls files and password-protected .xlsx files are OLE compound documents. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const BOMS = [
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xfe, 0xff]),
];
/** Enough of a file to tell text from binary: a CSV's header line at least. */
const HEAD_BYTES = 512;

/**
 * Reads a file's first bytes and says what it holds: a zip archive (.xlsx), an OLE compound
 * document (.xls or a protected workbook), text (a BOM, or no NUL and no control character but
 * tab, line feed, carriage return and form feed: a CSV in UTF-8, GB18030 or Windows-1252),
 * nothing, or other bytes.
 *
 * @throws WorkbookReadError (fileReadError) when the file is missing or cannot be read.
 */
export async function sniffFileContent(file: string): Promise<FileContent> {
  const head = await readHead(file);
  if (head.length === 0) return 'empty';
  if (startsWith(head, ZIP_MAGIC)) return 'zip';
  if (startsWith(head, OLE_MAGIC)) return 'ole';
  if (BOMS.some((bom) => startsWith(head, bom))) return 'text';
  return head.every(isTextByte) ? 'text' : 'other';
}

/**
 * Why a file cannot be read as the format its extension names, or null when its content may be
 * that format: the user is told what the file really is and how to fix its name, rather than
 * what the zip or CSV reader made of the wrong bytes.
 *
 * @param file - the file, its extension as the user gave it.
 * @param format - the format its extension names.
 * @throws WorkbookReadError when the file is missing or cannot be read.
 */
export async function contentMismatch(
  file: string,
  format: 'xlsx' | 'csv',
): Promise<CodedText | null> {
  const content = await sniffFileContent(file);
  const extension = extname(file).toLowerCase();
  if (content === 'ole')
    return format === 'xlsx' ? coded('error.oldXls') : coded('error.oldXlsNamed', { extension });
  if (format === 'xlsx' && content === 'text')
    return coded('error.textNamedWorkbook', { extension });
  if (format === 'csv' && content === 'zip') return coded('error.workbookNamedText', { extension });
  return null;
}

async function readHead(file: string): Promise<Buffer> {
  try {
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileReadError(file, error);
  }
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

function isTextByte(byte: number): boolean {
  return byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c;
}
