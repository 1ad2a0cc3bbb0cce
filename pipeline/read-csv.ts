import { basename, extname } from 'node:path';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { codedMessage, type DataWarning, PipecastError } from '../core/index.js';
import { decodeLegacyCsv, namedCsvEncoding, utf8Census } from './csv-encoding.js';
import { coded, errorText, splitCsvSheet, WorkbookReadError } from '../core/readers/index.js';
import { lineRuns, readLineBlocks, type FileStamp } from './read-line-blocks.js';
import type { SheetGrid } from './read-workbook.js';
import { contentMismatch } from './sniff-file-content.js';

/** Delimiters readCsv recognises in the header line, in order of preference on a tie. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Reads a .csv/.tsv/.txt file into one sheet grid named after the file.
 *
 * Encoding: a BOM decides (UTF-8, UTF-16LE/BE); else the encoding named with `--encoding`; else
 * bytes that are valid UTF-8 are read as UTF-8, and anything else as decodeLegacyCsv decides
 * (mostly UTF-8, GB18030 as Chinese Excel saves, or Windows-1252). Bytes not valid in the encoding
 * used, or a guess that may be wrong, give a warning on the grid (`readWarnings`) naming the
 * first bad line, what was assumed and how to fix it. Delimiter: whichever of comma, semicolon and tab occurs most (outside quotes) in the
 * first non-empty line; comma on a tie, tab for .tsv. Cells stay strings, blank cells are null;
 * numbers and dates are parsed later by core.
 *
 * A UTF-8 file is only checked here (a pass over its bytes in small blocks); its text is decoded
 * again, block by block, when records or rows are read, so a large export is never held whole
 * in memory (see readLineBlocks). Other encodings are decoded here and kept.
 *
 * @throws WorkbookReadError when the file is missing or unreadable, or an Excel workbook under a
 *   CSV name; reading `rows` (or records)
 *   throws it when the CSV is malformed (a quote that never closes) or the file changed since.
 */
export async function readCsv(file: string): Promise<SheetGrid> {
  const mismatch = await contentMismatch(file, 'csv');
  if (mismatch !== null) throw new WorkbookReadError(file, mismatch);
  const fallback = extname(file).toLowerCase() === '.tsv' ? '\t' : ',';
  const place = { file, sheet: basename(file, extname(file)) };
  const named = namedCsvEncoding();
  const namedUtf8 = named === undefined || /^utf-?8$/iu.test(named);
  const scan = scanCsvFile(file, namedUtf8);
  if (scan.utf8) {
    const { stamp, bomLength } = scan;
    const delimiter = detectDelimiter(scan.firstPiece, fallback);
    const lines = estimateLines(scan.firstPiece, stamp.size);
    const pieces = () => utf8Pieces(file, stamp, bomLength);
    const grid = lazyCsvGrid(file, delimiter, pieces, lines);
    if (scan.badLine !== undefined)
      setReadWarnings(grid, [invalidUtf8Warning(place, scan.badLine, bomLength > 0)]);
    return grid;
  }
  const bytes = readWholeFile(file);
  const decoded = hasBom(bytes)
    ? decodeCsvBytes(bytes)
    : decodeLegacyCsv(bytes, place, namedUtf8 ? undefined : named);
  const grid = lazyCsvGrid(file, detectDelimiter(decoded.text, fallback), () => [decoded.text]);
  if ('warning' in decoded && decoded.warning) setReadWarnings(grid, [decoded.warning]);
  return grid;
}

/** Puts warnings about reading the file on its grid (non-enumerable, see SheetGrid). */
function setReadWarnings(grid: SheetGrid, warnings: DataWarning[]): void {
  Object.defineProperty(grid, 'readWarnings', { enumerable: false, value: warnings });
}

/** A file that a BOM or --encoding says is UTF-8, with a line that is not. */
function invalidUtf8Warning(
  place: { file: string; sheet: string },
  line: number,
  bom: boolean,
): DataWarning {
  return {
    code: 'unreadable-value',
    ...codedMessage(bom ? 'warning.invalidUtf8WithBom' : 'warning.invalidUtf8AsNamed', { line }),
    ...place,
    row: line,
    action: 'assumed',
  };
}

function hasBom(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, UTF8_BOM) || startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)
  );
}

/**
 * A grid whose rows are split from the text on first use: a large export read by
 * readSheetRecords is never held as a grid of cells as well.
 */
function lazyCsvGrid(
  file: string,
  delimiter: CsvDelimiter,
  pieces: () => Iterable<string>,
  lines?: number,
): SheetGrid {
  let rows: SheetGrid['rows'] | undefined;
  const grid = { file, sheet: basename(file, extname(file)), date1904: false } as SheetGrid;
  Object.defineProperty(grid, 'rows', {
    enumerable: true,
    get: () => (rows ??= splitRows(file, [...pieces()].join(''), delimiter)),
  });
  const csv = lines === undefined ? { delimiter, pieces } : { delimiter, pieces, lines };
  Object.defineProperty(grid, 'csv', { enumerable: false, value: csv });
  return grid;
}

type CsvScan =
  | { utf8: true; stamp: FileStamp; bomLength: number; firstPiece: string; badLine?: number }
  | { utf8: false };

/**
 * Whether the file is read as UTF-8 (BOM, valid bytes, or `utf8Named`: --encoding utf-8), with its
 * first block of text and, when a BOM or the user said UTF-8, the first line that is not.
 */
function scanCsvFile(file: string, utf8Named: boolean): CsvScan {
  let stamp: FileStamp = { size: 0, mtimeMs: 0 };
  let bomLength = 0;
  let firstPiece: string | undefined;
  let linesBefore = 0;
  let badLine: number | undefined;
  // Without a BOM or --encoding, invalid bytes mean another encoding (decodeLegacyCsv).
  const named = utf8Named && namedCsvEncoding() !== undefined;
  for (const block of readLineBlocks(file, (s) => (stamp = s))) {
    if (firstPiece === undefined) {
      if (startsWith(block, UTF16LE_BOM) || startsWith(block, UTF16BE_BOM)) return { utf8: false };
      if (startsWith(block, UTF8_BOM)) bomLength = UTF8_BOM.length;
    }
    if (badLine === undefined && !isUtf8(block)) {
      if (bomLength === 0 && !named) return { utf8: false };
      badLine = linesBefore + lineBefore(block, utf8Census(block).firstBad);
    }
    if (badLine === undefined && (bomLength > 0 || named)) linesBefore += countLineFeeds(block);
    // The delimiter is found in the first line: decode only the first piece, not the block.
    if (firstPiece === undefined) {
      const [, end] = lineRuns(block, PIECE_BYTES).next().value ?? [0, 0];
      firstPiece = block.toString('utf8', bomLength, Math.max(bomLength, end));
    }
  }
  const scan = { utf8: true as const, stamp, bomLength, firstPiece: firstPiece ?? '' };
  return badLine === undefined ? scan : { ...scan, badLine };
}

/** 1-based line, within a block, of a byte offset. */
function lineBefore(block: Uint8Array, offset: number): number {
  return countLineFeeds(block.subarray(0, Math.max(0, offset))) + 1;
}

function countLineFeeds(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) count += 1;
  return count;
}

/**
 * Characters per piece of decoded text. A piece stays below V8's large-object size (128 KB), so
 * it is allocated in the young generation and dies there: decoding a 48 MB file as one string
 * took ~170 ms here (fresh pages are slow to touch on this VM), as 64 KB pieces ~12 ms.
 */
const PIECE_BYTES = 64 * 1024;

/** The text of a UTF-8 file in pieces of whole lines, read again from disk. */
function* utf8Pieces(file: string, stamp: FileStamp, bomLength: number): Generator<string> {
  let skip = bomLength;
  const checkUnchanged = (now: FileStamp): void => {
    if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs)
      throw new WorkbookReadError(file, coded('error.fileChanged'));
  };
  for (const block of readLineBlocks(file, checkUnchanged)) {
    for (const [start, end] of lineRuns(block, PIECE_BYTES)) {
      yield block.toString('utf8', Math.max(start, skip), end);
      skip = 0;
    }
  }
}

/**
 * Lines a file of `bytes` bytes holds if all its lines are as long as those of its first piece
 * (5% more, for rows longer than the first ones).
 */
function estimateLines(firstPiece: string, bytes: number): number | undefined {
  let lines = 0;
  for (let at = firstPiece.indexOf('\n'); at >= 0; at = firstPiece.indexOf('\n', at + 1)) lines++;
  const pieceBytes = Buffer.byteLength(firstPiece);
  if (lines === 0 || pieceBytes === 0) return undefined;
  return Math.ceil((bytes / pieceBytes) * lines * 1.05);
}

function readWholeFile(file: string): Buffer {
  const blocks: Buffer[] = [];
  for (const block of readLineBlocks(file)) blocks.push(Buffer.from(block));
  return Buffer.concat(blocks);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function splitRows(file: string, text: string, delimiter: CsvDelimiter): SheetGrid['rows'] {
  let rows: SheetGrid['rows'];
  try {
    rows = splitCsvSheet(text, delimiter);
  } catch (error) {
    if (!(error instanceof PipecastError && error.code === 'malformed-csv')) throw error;
    throw new WorkbookReadError(file, coded('error.malformedCsv', { detail: errorText(error) }), {
      cause: error,
    });
  }
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
  // isUtf8 (simdutf) then toString decodes ~25% faster than a fatal TextDecoder on large files.
  if (isUtf8(buffer)) return { text: buffer.toString('utf8'), encoding: 'utf-8' };
  return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
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
