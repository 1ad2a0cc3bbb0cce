import { columnLetter } from './column-letter.js';
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, groupedCount } from './excel-limits.js';
import { PipecastError } from '../errors/pipecast-error.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Scans one CSV record a piece of text at a time, resuming where the last piece stopped, and
 * refuses it as soon as it is past Excel's limits: a field longer than 32,767 characters (a
 * quote that never closes soon is one), or more than 16,384 fields. Readers use it for long
 * records, so one that spans many pieces costs one pass however it is cut, and a line of
 * hundreds of megabytes is refused after its first 32,767-character field.
 */
export class CsvRecordScan {
  private inQuotes = false;
  private atFieldStart = true;
  /** Characters of the current field's text so far (without its quotes, a "" pair as one). */
  private fieldChars = 0;
  private fields = 1;
  /** The Excel row (line) the record starts on. */
  private line = 1;
  private pendingQuote = false;

  constructor(private readonly sep: number) {}

  /** Starts a new record at Excel row (line) `line`. */
  reset(line: number): void {
    this.inQuotes = false;
    this.atFieldStart = true;
    this.fieldChars = 0;
    this.fields = 1;
    this.line = line;
    this.pendingQuote = false;
  }

  /**
   * Scans `text[from…to)` as the record's next characters.
   *
   * @returns the index of the line break that ends the record, or -1 when it goes on
   * @throws PipecastError ('malformed-csv') naming the line and column of a field or record past the limits
   */
  feed(text: string, from = 0, to = text.length): number {
    const sep = this.sep;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (this.pendingQuote) {
        // The quote before was the field's closing one unless this is its pair.
        this.pendingQuote = false;
        if (c === QUOTE) {
          this.count();
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === QUOTE) this.pendingQuote = true;
        else this.count();
        continue;
      }
      if (c === LF || c === CR) return i;
      if (c === sep) {
        this.fields++;
        if (this.fields > EXCEL_MAX_COLUMNS) throw this.tooManyFields();
        this.atFieldStart = true;
        this.fieldChars = 0;
        continue;
      }
      if (c === QUOTE && this.atFieldStart) this.inQuotes = true;
      else this.count();
      this.atFieldStart = false;
    }
    return -1;
  }

  /** Counts one more character of the field's text, as parseCsvText would keep it. */
  private count(): void {
    if (++this.fieldChars > EXCEL_MAX_CELL_CHARS) throw this.fieldTooLong();
  }

  private fieldTooLong(): PipecastError {
    const where = `line ${this.line}, column ${columnLetter(this.fields - 1)}`;
    const hint = this.inQuotes ? ` (a quote that never closes, from line ${this.line}?)` : '';
    return new PipecastError(
      'malformed-csv',
      `${where}: a field of more than ${groupedCount(EXCEL_MAX_CELL_CHARS)} characters, Excel's limit per cell${hint}`,
      { row: this.line, column: columnLetter(this.fields - 1) },
    );
  }

  private tooManyFields(): PipecastError {
    return new PipecastError(
      'malformed-csv',
      `line ${this.line} has more than ${groupedCount(EXCEL_MAX_COLUMNS)} fields, Excel's limit of columns (the last is XFD)`,
      { row: this.line },
    );
  }
}
