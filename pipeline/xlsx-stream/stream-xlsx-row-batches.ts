import { coded, EXCEL_MAX_ROWS, WorkbookReadError } from '../../core/readers/index.js';
import { withFile } from './excel-limits.js';
import { openXlsxPackage } from './open-xlsx-package.js';
import { readSharedStrings } from './read-shared-strings.js';
import { SharedStrings } from './shared-strings.js';
import { parseDateStyles, readWorkbookStructure } from './read-workbook-structure.js';
import type { WorkbookSheet } from './read-workbook-structure.js';
import { SheetRowScanner } from './sheet-row-scanner.js';
import type { RowSink, ScannedRow, SheetScanContext } from './sheet-row-scanner.js';

export interface StreamXlsxRowsOptions {
  /**
   * Read only this sheet: its name (exact, else case-insensitive) or its 0-based position in
   * the workbook's tab order. Default: every worksheet, in tab order.
   */
  sheet?: string | number;
}

/** The rows one inflated chunk of a sheet completed. */
export interface XlsxRowBatch {
  sheet: string;
  date1904: boolean;
  /** Empty for the batch that opens each sheet, so empty sheets are seen too. */
  rows: ScannedRow[];
}

/**
 * Streams the worksheets of an .xlsx/.xlsm file as batches of typed rows, one batch per inflated
 * chunk (plus an empty one when each sheet starts). The batch form avoids one promise per row on
 * the hot path; `streamXlsxRows` flattens it.
 *
 * @throws WorkbookReadError (message names the file) when the file is missing, not a workbook,
 *   damaged or truncated, or has no sheet of the requested name.
 * @throws RangeError when `options.sheet` is a number that is not a valid position.
 */
export async function* streamXlsxRowBatches(
  file: string,
  options: StreamXlsxRowsOptions = {},
): AsyncGenerator<XlsxRowBatch> {
  for await (const { sheet, date1904, scanner, chunks } of openSheets(file, options)) {
    yield { sheet, date1904, rows: [] };
    for await (const chunk of chunks) {
      const rows: ScannedRow[] = [];
      try {
        scanner.push(chunk, rows);
      } catch (error) {
        throw withFile(error, file, sheet);
      }
      if (rows.length > 0) yield { sheet, date1904, rows };
    }
    checkRowBoundary(file, sheet, scanner);
  }
}

/** One worksheet, ready to scan. */
export interface XlsxSheetScan {
  sheet: string;
  date1904: boolean;
  /**
   * Scans the whole sheet, handing each non-empty row to `sink` in sheet order, most of them
   * read in place (see RowSink): the row-at-a-time form of streamXlsxRowBatches for readers
   * that only need some cells of each row.
   */
  scan(sink: RowSink): Promise<void>;
  /**
   * About how many rows the sheet has (header included), to size what holds them: the last row
   * of its `<dimension ref>`, else the sheet's size over the length of its first rows; undefined
   * when neither tells. Only a hint: some writers get the dimension wrong.
   */
  rowsHint(): Promise<number | undefined>;
}

/**
 * The worksheets of an .xlsx/.xlsm file, each to be scanned row by row into a RowSink (see
 * XlsxSheetScan); same sheets, rows and errors as streamXlsxRowBatches.
 *
 * @throws WorkbookReadError as streamXlsxRowBatches does.
 */
export async function* scanXlsxSheets(
  file: string,
  options: StreamXlsxRowsOptions = {},
): AsyncGenerator<XlsxSheetScan> {
  for await (const { sheet, date1904, scanner, chunks, bytes } of openSheets(file, options)) {
    const iterator = chunks[Symbol.asyncIterator]();
    // The first chunk, once read for the hint, is scanned first.
    let first: Promise<IteratorResult<Buffer>> | undefined;
    const firstChunk = () => (first ??= iterator.next());
    yield {
      sheet,
      date1904,
      rowsHint: async () => {
        const chunk = await firstChunk();
        if (chunk.done === true) return undefined;
        return dimensionRows(chunk.value) ?? rowsBySize(chunk.value, bytes);
      },
      scan: async (sink) => {
        try {
          for (let next = await firstChunk(); next.done !== true; next = await iterator.next())
            scanner.pushTo(next.value, sink);
        } catch (error) {
          throw withFile(error, file, sheet);
        } finally {
          // As for-await would on a throw: close the part's stream.
          await iterator.return?.(undefined);
        }
        checkRowBoundary(file, sheet, scanner);
      },
    };
  }
}

interface OpenedSheet {
  sheet: string;
  date1904: boolean;
  scanner: SheetRowScanner;
  chunks: AsyncIterable<Buffer>;
  /** The sheet part's inflated size, when the zip records it. */
  bytes: number | undefined;
}

async function* openSheets(
  file: string,
  options: StreamXlsxRowsOptions,
): AsyncGenerator<OpenedSheet> {
  const wanted = options.sheet;
  if (typeof wanted === 'number' && !(Number.isInteger(wanted) && wanted >= 0)) {
    throw new RangeError(
      `streamXlsxRows: options.sheet must be a sheet name or a 0-based index, got ${wanted}`,
    );
  }
  const pkg = await openXlsxPackage(file);
  try {
    const structure = await readWorkbookStructure(pkg);
    const sheets =
      wanted === undefined ? structure.sheets : [pickSheet(file, structure.sheets, wanted)];
    if (sheets.length === 0) return;
    const context: SheetScanContext = {
      dateStyles:
        structure.stylesPart === undefined
          ? []
          : parseDateStyles(await pkg.readText(structure.stylesPart)),
      sharedStrings:
        structure.sharedStringsPart === undefined
          ? new SharedStrings()
          : await readSharedStrings(pkg, structure.sharedStringsPart),
      date1904: structure.date1904,
    };
    for (const sheet of sheets) {
      yield {
        sheet: sheet.name,
        date1904: context.date1904,
        scanner: new SheetRowScanner(context),
        // An async generator: the part is opened only when its chunks are first asked for.
        chunks: pkg.streamByteChunks(sheet.part),
        bytes: pkg.partBytes(sheet.part),
      };
    }
  } finally {
    pkg.close();
  }
}

/** How far into a sheet the `<dimension>` element is looked for (it comes first, if at all). */
const DIMENSION_SEARCH_BYTES = 4096;

/** The last row of the `<dimension ref="A1:J1048576"/>` near the start of sheet XML, if any. */
export function dimensionRows(head: Uint8Array): number | undefined {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString(
    'latin1',
    0,
    Math.min(head.byteLength, DIMENSION_SEARCH_BYTES),
  );
  const match = /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(text);
  // A hint past Excel's last row is a lie (a hostile file): it must not size a table.
  return match === null ? undefined : Math.min(Number(match[1]), EXCEL_MAX_ROWS);
}

/**
 * Rows in a sheet part of `bytes` bytes if every row is as long as those begun in its first
 * chunk (5% more, for longer rows further down); undefined when the chunk begins none.
 */
export function rowsBySize(first: Uint8Array, bytes: number | undefined): number | undefined {
  if (bytes === undefined || bytes <= 0 || first.byteLength === 0) return undefined;
  const text = Buffer.from(first.buffer, first.byteOffset, first.byteLength).toString('latin1');
  const starts = text.match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
  if (starts === 0) return undefined;
  return Math.min(EXCEL_MAX_ROWS, Math.ceil((bytes / first.byteLength) * starts * 1.05));
}

function checkRowBoundary(file: string, sheet: string, scanner: SheetRowScanner): void {
  if (!scanner.isAtRowBoundary) {
    throw new WorkbookReadError(file, `sheet '${sheet}' ends in the middle of a row`);
  }
}

function pickSheet(file: string, sheets: WorkbookSheet[], wanted: string | number): WorkbookSheet {
  const names = sheets.map((s) => `'${s.name}'`).join(', ') || 'none';
  if (typeof wanted === 'number') {
    const sheet = sheets[wanted];
    if (sheet === undefined) {
      throw new WorkbookReadError(file, `no sheet at index ${wanted} (sheets: ${names})`);
    }
    return sheet;
  }
  const folded = wanted.trim().toLowerCase();
  const sheet =
    sheets.find((s) => s.name === wanted) ??
    sheets.find((s) => s.name.trim().toLowerCase() === folded);
  if (sheet === undefined)
    throw new WorkbookReadError(file, coded('error.noSheetNamed', { name: wanted, sheets: names }));
  return sheet;
}
