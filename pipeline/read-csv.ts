import { basename, extname } from 'node:path';
import iconv from 'iconv-lite';
import { CsvSyntaxError, parseCsvText } from '../core/columns/parse-csv-text.js';
import { readFileBytes } from './read-file-bytes.js';
import type { SheetGrid } from './read-workbook.js';
import { WorkbookReadError } from './workbook-read-error.js';

/** Delimiters readCsv recognises in the header line, in order of preference on a tie. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Reads a .csv/.tsv/.txt file into one sheet grid named after the file.
 *
 * Encoding: a BOM decides (UTF-8, UTF-16LE/BE); otherwise bytes that are valid UTF-8 are read as
 * UTF-8 and anything else as GB18030, a superset of the GBK that Chinese Excel writes ("CSV"
 * save). Delimiter: whichever of comma, semicolon and tab occurs most (outside quotes) in the
 * first non-empty line; comma on a tie, tab for .tsv. Cells stay strings, blank cells are null;
 * numbers and dates are parsed later by core. The rows are split on first use (see lazyCsvGrid).
 *
 * @throws WorkbookReadError when the file is missing; reading `rows` (or records) throws it when
 *   the CSV is malformed (a quote that never closes).
 */
export async function readCsv(file: string): Promise<SheetGrid> {
  const bytes = await readFileBytes(file);
  const text = decodeCsvBytes(bytes).text;
  const delimiter = detectDelimiter(text, extname(file).toLowerCase() === '.tsv' ? '\t' : ',');
  return lazyCsvGrid(file, text, delimiter);
}

/**
 * A grid whose rows are split from the text on first use: a large export read by
 * readSheetRecords is never held as a grid of cells as well.
 */
function lazyCsvGrid(file: string, text: string, delimiter: CsvDelimiter): SheetGrid {
  let rows: SheetGrid['rows'] | undefined;
  const grid = { file, sheet: basename(file, extname(file)), date1904: false } as SheetGrid;
  Object.defineProperty(grid, 'rows', {
    enumerable: true,
    get: () => (rows ??= splitRows(file, text, delimiter)),
  });
  Object.defineProperty(grid, 'csv', { enumerable: false, value: { text, delimiter } });
  return grid;
}

function splitRows(file: string, text: string, delimiter: CsvDelimiter): SheetGrid['rows'] {
  let rows: SheetGrid['rows'];
  try {
    rows = parseCsvText(text, delimiter);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new WorkbookReadError(file, `malformed CSV: ${error.message}`, { cause: error });
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

/** The text of a CSV file's bytes and the encoding it was read in (BOM removed). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.toString('utf8', 3), encoding: 'utf-8' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
  }
}

/** The delimiter used most often, outside quotes, in the first non-empty line. */
export function detectDelimiter(text: string, fallback: CsvDelimiter = ','): CsvDelimiter {
  const counts = new Map<string, number>();
  let inQuotes = false;
  let seen = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (seen) break;
    } else if (!inQuotes) {
      seen = true;
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = fallback;
  let bestCount = counts.get(fallback) ?? 0;
  for (const delimiter of CSV_DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
