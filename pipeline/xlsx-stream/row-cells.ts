import type { CellValue } from '../../core/index.js';
import type { SharedStrings } from './shared-strings.js';

/** What `RowCells.kinds[j]` says about column j. */
export const CELL_BLANK = 0;
/** A number, in `numbers[j]`. */
export const CELL_NUMBER = 1;
/** A shared string, its index in `numbers[j]` (always a valid index). */
export const CELL_SHARED = 2;
/** A date-formatted number as the time value (ms since 1970, UTC) of its Date, in `numbers[j]`. */
export const CELL_DATE = 3;
export const CELL_TRUE = 4;
export const CELL_FALSE = 5;
/** Any other value (inline or formula text, an error), in `others[j]`. */
export const CELL_OTHER = 6;

const INITIAL_WIDTH = 16;

/**
 * The cells of the row being scanned, typed without a value object per cell: numbers stay
 * unboxed, shared strings stay indexes and dates stay time values until someone asks for a
 * `CellValue`. One instance is reused for every row of a sheet, so a row costs no allocation
 * until it is turned into an array (`toArray`) or a consumer reads it in place.
 */
export class RowCells {
  /** Columns held: the last column with a value, plus one (0 for a row without values). */
  width = 0;
  kinds = new Uint8Array(INITIAL_WIDTH);
  numbers = new Float64Array(INITIAL_WIDTH);
  others: CellValue[] = [];

  constructor(readonly sharedStrings: SharedStrings) {}

  clear(): void {
    this.width = 0;
  }

  /** Sets column `column` (0-based) to a typed value; blanks up to it stay blank. */
  set(column: number, kind: number, number: number): void {
    // Cells come left to right, so the usual case is the next column.
    if (column === this.width && column < this.kinds.length) this.width = column + 1;
    else if (column >= this.width) this.widen(column);
    this.kinds[column] = kind;
    this.numbers[column] = number;
  }

  /** Sets column `column` to any non-null value. */
  setValue(column: number, value: Exclude<CellValue, null | undefined>): void {
    if (typeof value === 'number') this.set(column, CELL_NUMBER, value);
    else if (typeof value === 'boolean') this.set(column, value ? CELL_TRUE : CELL_FALSE, 0);
    else if (value instanceof Date) this.set(column, CELL_DATE, value.getTime());
    else {
      this.set(column, CELL_OTHER, 0);
      this.others[column] = value;
    }
  }

  /** Column `column`'s cell as a `CellValue` (null when blank or past the row's end). */
  value(column: number): CellValue {
    if (column >= this.width) return null;
    const number = this.numbers[column]!;
    switch (this.kinds[column]) {
      case CELL_NUMBER:
        return number;
      case CELL_SHARED:
        return this.sharedStrings.text(number)!;
      case CELL_DATE:
        return new Date(number);
      case CELL_TRUE:
        return true;
      case CELL_FALSE:
        return false;
      case CELL_OTHER:
        return this.others[column]!;
      default:
        return null;
    }
  }

  /** A copy of this row that later rows do not change. */
  copy(): RowCells {
    const copy = new RowCells(this.sharedStrings);
    copy.width = this.width;
    copy.kinds = this.kinds.slice();
    copy.numbers = this.numbers.slice();
    copy.others = this.others.slice();
    return copy;
  }

  /** The row as `cells[j]` = column j+1 (gaps null). */
  toArray(): CellValue[] {
    const width = this.width;
    // Pushed rather than preallocated, so the array stays packed (faster to read).
    const cells: CellValue[] = [];
    for (let j = 0; j < width; j++) cells.push(this.value(j));
    return cells;
  }

  private widen(column: number): void {
    if (column >= this.kinds.length) {
      let size = this.kinds.length * 2;
      while (size <= column) size *= 2;
      const kinds = new Uint8Array(size);
      kinds.set(this.kinds.subarray(0, this.width));
      const numbers = new Float64Array(size);
      numbers.set(this.numbers.subarray(0, this.width));
      this.kinds = kinds;
      this.numbers = numbers;
    }
    this.kinds.fill(CELL_BLANK, this.width, column);
    this.width = column + 1;
  }
}
