import { isBlankField } from './csv-fast-fields.js';
import type { CellCodes } from './sheet-column-codes.js';
import { StringIndex } from './string-index.js';

/** Cells per window after which a column's share of new texts is judged. */
const WINDOW_CELLS = 4096;
/** A window with more new texts than this share of its cells stops the coding of the column. */
const MAX_NEW_SHARE = 0.75;
/** A column stops coding past this many distinct texts, whatever its share of repeats. */
const MAX_TEXTS = 1 << 20;
/** The code of a blank cell (null); 0 is no cell, texts start at 2. */
const BLANK_CODE = 1;

/**
 * One CSV column's cells, shared and coded while the CSV text is split into rows (splitCsvSheet):
 * each distinct text becomes one string that every row holding it shares, and each row gets a
 * code into the column's distinct cells, kept with the sheet for breakdowns (sheetColumnCodes).
 *
 * Why: the first breakdown by a column of a million rows otherwise hashes every row's cell,
 * 116 ms against DuckDB's 31 ms on the breakdown bench; with the codes made here it reads an
 * Int32Array, 30 ms. The rows also hold one string per distinct text instead of one per cell
 * (440 MB → 261 MB for a million rows of bench/read-csv.ts). The price is the split itself: each
 * cell of a coded column is hashed and compared here, 15–20% more time in a fresh process, the
 * same time end to end for a one-off `--by` (bench/RESULTS.md).
 *
 * A column whose texts hardly repeat (ids, amounts) stops being coded after a window of cells:
 * its cells are cut out as they are, and sheetColumnCodes codes it when a breakdown asks.
 */
export class CsvColumnCoder {
  private texts = new StringIndex(64);
  private codes: Int32Array | undefined = new Int32Array(1024);
  private cellsInWindow = 0;
  private textsAtWindowStart = 0;

  /**
   * Row `row`'s cell from `text[start, end)`: null when blank, else the column's one string for
   * that text.
   */
  cell(row: number, text: string, start: number, end: number): string | null {
    if (isBlankField(text, start, end)) {
      this.put(row, BLANK_CODE);
      return null;
    }
    if (this.codes === undefined) return text.slice(start, end);
    const entry = this.texts.internRange(text, start, end);
    const cell = this.texts.keyAt(entry);
    this.put(row, entry + 2);
    return cell;
  }

  /** Row `row`'s cell from a quoted field's value (quotes removed). */
  cellOfValue(row: number, value: string): string | null {
    return this.cell(row, value, 0, value.length);
  }

  /** Row `row` holds no cell in this column after all (its trailing blank cells are dropped). */
  clear(row: number): void {
    if (this.codes !== undefined && row < this.codes.length) this.codes[row] = 0;
  }

  /**
   * The column's codes for `rowCount` rows, or undefined when the column stopped being coded.
   * Code 0 is no cell, 1 a blank cell (null), and each text its own code from 2.
   */
  finish(rowCount: number): CellCodes | undefined {
    if (this.codes === undefined) return undefined;
    const codes = new Int32Array(rowCount);
    codes.set(this.codes.subarray(0, Math.min(rowCount, this.codes.length)));
    return { codes, dictionary: [undefined, null, ...this.texts.keyList] };
  }

  private put(row: number, code: number): void {
    if (this.codes === undefined) return;
    if (++this.cellsInWindow === WINDOW_CELLS) this.judgeWindow();
    let codes = this.codes;
    if (codes === undefined) return;
    if (row >= codes.length) {
      codes = new Int32Array(Math.max(codes.length * 2, row + 1));
      codes.set(this.codes);
      this.codes = codes;
    }
    codes[row] = code;
  }

  private judgeWindow(): void {
    const newTexts = this.texts.size - this.textsAtWindowStart;
    if (newTexts > MAX_NEW_SHARE * WINDOW_CELLS || this.texts.size > MAX_TEXTS) {
      this.codes = undefined;
      this.texts = new StringIndex();
    }
    this.cellsInWindow = 0;
    this.textsAtWindowStart = this.texts.size;
  }
}
