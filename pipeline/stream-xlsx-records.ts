import { cellText, isBlankCell, type RecordByKind, type RecordKind } from '../core/index.js';
import {
  type Parsed,
  type RawCellSource,
  type ReadRecordsResult,
  type ReadSheetRecordsOptions,
  type RecordAssembler,
  MAX_SUMMABLE,
  RecordReader,
} from '../core/readers/index.js';
import {
  CELL_BLANK,
  CELL_DATE,
  CELL_NUMBER,
  CELL_OTHER,
  CELL_SHARED,
  type RowCells,
} from './xlsx-stream/row-cells.js';
import type { RowSink } from './xlsx-stream/sheet-row-scanner.js';
import type { SharedStrings } from './xlsx-stream/shared-strings.js';
import { scanXlsxSheets } from './xlsx-stream/stream-xlsx-row-batches.js';

export interface StreamXlsxRecordsOptions<K extends RecordKind> extends ReadSheetRecordsOptions<K> {
  /** The sheet: its name or 0-based position; default the first worksheet. */
  sheet?: string | number;
}

/**
 * Records of one kind from one sheet of a large .xlsx, row by row as the sheet XML inflates: the
 * workbook and the sheet's cell grid are never held, only the records (the bounded-memory path
 * for million-row sheets; bench/xlsx-read.ts measures it). Same result as readRecords over the
 * sheet's grid.
 *
 * @throws WorkbookReadError when the file cannot be read or has no such sheet
 */
export async function streamXlsxRecords<K extends RecordKind>(
  file: string,
  options: StreamXlsxRecordsOptions<K>,
): Promise<ReadRecordsResult<RecordByKind[K]>> {
  const { sheet = 0, ...recordOptions } = options;
  for await (const scan of scanXlsxSheets(file, { sheet })) {
    // A table is made at the size the sheet says it has.
    const rowsHint = recordOptions.table === true ? await scan.rowsHint() : undefined;
    const reader = new RecordReader({
      ...(rowsHint === undefined ? {} : { expectedRows: rowsHint }),
      ...recordOptions,
      sheet: scan.sheet,
      file,
      date1904: scan.date1904,
    });
    await scan.scan(new RecordSink(reader));
    return reader.finish();
  }
  return new RecordReader({ ...recordOptions, sheet: String(sheet), file }).finish();
}

/** How a bound column's cells are read in place. */
const GENERIC = 0;
const TEXT = 1;
const ID = 2;
const NUMBER = 3;
const DATE = 4;
const FRACTION = 5;

const BLANK: Parsed<never> = Object.freeze({ ok: true, value: undefined });
const MS_PER_DAY = 86_400_000;
/** The largest time value a Date holds (ECMAScript TimeClip). */
const MAX_TIME_MS = 8.64e15;

/**
 * Feeds a RecordReader. Until the header row is found, rows go in as arrays; after it, each row
 * is read in place: the cells the usual parsers would give back unchanged (plain text, finite
 * numbers, dates) are taken as they are, with no array, Date or result object per cell, and
 * every other cell goes through the bound column's parser as readRecords would pass it.
 */
class RecordSink<K extends RecordKind> implements RowSink, RawCellSource {
  /** Set once the header is found and rows can be read in place. */
  private assembler: RecordAssembler<K> | undefined;
  private searching = true;
  /** After the header search, rows still go to the reader as arrays (kinds that read whole rows). */
  private asArrays = false;
  private modes: Uint8Array = new Uint8Array(0);
  private current: RowCells | undefined;

  constructor(private readonly reader: RecordReader<K>) {}

  typedRow(rowNumber: number, cells: RowCells): void {
    const assembler = this.assembler;
    if (assembler === undefined) {
      if (this.searching || this.asArrays) this.reader.push(rowNumber, cells.toArray());
      if (this.searching && this.reader.isSettled) this.settle();
      return;
    }
    if (isBlankRow(cells)) return;
    this.current = cells;
    assembler.beginRow(rowNumber);
    const bound = assembler.bound;
    const { kinds, numbers, width, sharedStrings } = cells;
    for (let b = 0; b < bound.length; b++) {
      const column = bound[b]!;
      const index = column.index;
      const kind = index < width ? kinds[index]! : CELL_BLANK;
      const mode = this.modes[b];
      if (kind === CELL_BLANK) {
        if (!assembler.take(b, BLANK, this)) break;
        continue;
      }
      if (kind === CELL_SHARED && (mode === TEXT || mode === ID)) {
        const item = numbers[index]!;
        // A text taken before needs no check (reading it again would miss the cache).
        if (mode === TEXT && assembler.takeKnownSharedText(b, sharedStrings, item)) continue;
        if (isPlainItem(sharedStrings, item, mode === ID)) {
          // Into a table by its number: an id's code units are copied, a text is coded.
          assembler.takeSharedText(b, sharedStrings, item);
          continue;
        }
      } else if (kind === CELL_NUMBER) {
        const value = numbers[index]!;
        if (
          (mode === NUMBER && value > -MAX_SUMMABLE && value < MAX_SUMMABLE) ||
          (mode === FRACTION && value >= 0 && value <= 1)
        ) {
          assembler.takeValue(b, value);
          continue;
        }
      } else if (kind === CELL_DATE && mode === DATE) {
        const ms = numbers[index]!;
        if (ms >= -MAX_TIME_MS && ms <= MAX_TIME_MS) {
          assembler.takeValue(b, Math.floor(ms / MS_PER_DAY));
          continue;
        }
      }
      if (!assembler.take(b, column.parse(cells.value(index)), this)) break;
    }
    assembler.endRow();
    this.current = undefined;
  }

  rawText(b: number): string {
    return cellText(this.current?.value(this.assembler!.bound[b]!.index));
  }

  /**
   * Once the reader's header search is over, takes its assembler to read rows in place; without
   * one (no header, or a required column missing) later rows are not read, as the reader would
   * ignore them. Kinds that read whole rows keep going in as arrays.
   */
  private settle(): void {
    this.searching = false;
    const assembler = this.reader.header?.assembler;
    if (assembler === undefined) return;
    if (assembler.needsWholeRows) {
      this.asArrays = true;
      return;
    }
    this.assembler = assembler;
    this.modes = Uint8Array.from(assembler.bound, (column) => modeOf(column.spec.type));
  }
}

function modeOf(type: string): number {
  switch (type) {
    case 'text':
      return TEXT;
    case 'id':
      return ID;
    case 'number':
      return NUMBER;
    case 'date':
      return DATE;
    case 'fraction':
      return FRACTION;
    default:
      return GENERIC;
  }
}

/**
 * Whether parseText (or parseId, for `id`) gives shared string `item` back unchanged: it is not
 * empty, has nothing to trim, does not start with `#` (an error literal) and, for an id, does not
 * end in `.` and zeros (`17850.0`, which parseId shortens). Conservative: any other text goes
 * through the parser. Read from the packed code units, so no string is made to decide.
 */
function isPlainItem(strings: SharedStrings, item: number, id: boolean): boolean {
  const packed = strings.packed;
  const length = item < strings.length ? packed.lengthOf(item) : 0;
  if (length === 0) return false;
  const first = packed.codeAt(item, 0);
  const last = packed.codeAt(item, length - 1);
  if (first === 35 /* # */ || isTrimmed(first) || isTrimmed(last)) return false;
  if (id && last === 48 /* 0 */) {
    // A tenth of ids end in 0 ("D-0000010"): only zeros after a "." can be an integer written
    // as a float.
    let k = length - 1;
    while (k > 0 && packed.codeAt(item, k) === 48) k--;
    if (packed.codeAt(item, k) === 46 /* . */) return false;
  }
  return true;
}

/** Characters String.prototype.trim may remove (plus the other ASCII controls, to be safe). */
function isTrimmed(code: number): boolean {
  if (code <= 32) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether every cell of the row is blank as isBlankCell sees it (only text can be). */
function isBlankRow(cells: RowCells): boolean {
  const { kinds, width, sharedStrings, numbers } = cells;
  for (let j = 0; j < width; j++) {
    const kind = kinds[j];
    if (kind === CELL_BLANK) continue;
    if (kind === CELL_SHARED) {
      const item = numbers[j]!;
      const packed = sharedStrings.packed;
      if (packed.lengthOf(item) > 0 && !isTrimmed(packed.codeAt(item, 0))) return false;
      if (!isBlankCell(sharedStrings.text(item))) return false;
    } else if (kind === CELL_OTHER) {
      if (!isBlankCell(cells.others[j])) return false;
    } else {
      return false;
    }
  }
  return true;
}
