import { codedMessage, fieldTerm, kindTerm } from '../text/coded-text.js';
import type { CellValue } from './cell-value.js';
import { DEFAULT_HEADER_SEARCH_ROWS, detectHeaderRow } from './detect-header-row.js';
import { matchColumns, type ColumnMapping, type ColumnMatches } from './match-columns.js';
import { RecordAssembler, type MissingValues } from './record-assembler.js';
import { RECORD_FIELDS } from './record-fields.js';
import { RecordTable } from './record-table.js';
import type { RecordByKind, RecordKind } from './records.js';
import { DEFAULT_WARNING_CAP, WarningCollector } from './warning-collector.js';
import type { DataWarning } from './data-warning.js';
import { PipecastError } from '../errors/pipecast-error.js';

export interface ReadRecordsOptions<K extends RecordKind> {
  kind: K;
  /** Sheet name, for warnings. */
  sheet: string;
  /** File name, for warnings. */
  file?: string;
  /** The user's column mapping (field → header text or column letters); overrides aliases. */
  mapping?: ColumnMapping;
  /** The workbook uses the 1904 date system (serial numbers count from 1904-01-01). */
  date1904?: boolean;
  /** Excel row number of the header row, when the user names it; otherwise it is detected. */
  headerRow?: number;
  /** Warnings listed in full per code and column (default DEFAULT_WARNING_CAP, 50); the rest are counted. */
  maxWarningsPerColumn?: number;
  /**
   * Hands each kept record to this function instead of keeping it: the result's `records` stays
   * empty, so a caller that only sums records (a per-customer tally) reads any number of rows
   * without holding them. Records arrive in row order.
   */
  onRecord?: (record: RecordByKind[K]) => void;
  /**
   * Reads only these fields (and the kind's required ones): the other matched columns are still
   * listed in `columns` but never parsed, checked or counted as blank. For a caller that uses a
   * few fields of a wide export, such as the order-line tally, which needs neither product nor
   * region: parsing those was ~20% of reading the Online Retail folder.
   */
  fields?: readonly string[];
  /**
   * Collects the records column by column into `result.table` (a RecordTable) instead of one
   * object each in `records`, which stays empty. For million-row sheets: a few typed arrays
   * instead of a million objects for the garbage collector to copy.
   */
  table?: boolean;
  /** Rows the table should have room for at first (a hint; it grows past it). */
  expectedRows?: number;
}

export interface ReadRecordsResult<T> {
  kind: RecordKind;
  sheet: string;
  file?: string;
  /** Excel row number of the header row, or undefined when none was found. */
  headerRow: number | undefined;
  columns: ColumnMatches;
  records: T[];
  /** The records as a table, when ReadRecordsOptions.table asked for one. */
  table?: RecordTable<T>;
  warnings: DataWarning[];
  /** Per optional field, the blank cells in kept rows (blank is not an error, but users should see it). */
  missing: Record<string, MissingValues>;
  /** Non-blank data rows below the header. */
  rowsRead: number;
  /** Rows left out, each with a warning saying why. */
  rowsDropped: number;
}

const NO_COLUMNS: ColumnMatches = {
  matched: [],
  unmatched: [],
  ambiguous: [],
  missingRequired: [],
};

/**
 * Reads records from rows handed over one at a time, top to bottom, so a reader can stream a
 * million-row sheet without holding it: the first rows are held only until the header row is
 * found. readRecords is this reader over a whole grid.
 */
export class RecordReader<K extends RecordKind> {
  private readonly warnings: WarningCollector;
  private readonly searchRows: number;
  private readonly pending: { excelRow: number; row: readonly CellValue[] }[] = [];
  private assembler: RecordAssembler<K> | undefined;
  private headerRow: number | undefined;
  private columns: ColumnMatches = NO_COLUMNS;
  private settled = false;
  private readonly table: RecordTable<RecordByKind[K]> | undefined;

  /**
   * @throws PipecastError when the mapping names an unknown field or headerRow is not a row number
   */
  constructor(private readonly options: ReadRecordsOptions<K>) {
    validateOptions(options);
    this.warnings = new WarningCollector(
      { file: options.file, sheet: options.sheet },
      options.maxWarningsPerColumn ?? DEFAULT_WARNING_CAP,
    );
    this.searchRows = options.headerRow ?? DEFAULT_HEADER_SEARCH_ROWS;
    this.table =
      options.table === true ? new RecordTable(options.kind, options.expectedRows) : undefined;
  }

  /** The assembler once the header is known (readers with their own cell parsing feed it directly). */
  get header(): { row: number; assembler: RecordAssembler<K> } | undefined {
    return this.assembler && this.headerRow !== undefined
      ? { row: this.headerRow, assembler: this.assembler }
      : undefined;
  }

  /** Whether the header search is over (found, or given up). */
  get isSettled(): boolean {
    return this.settled;
  }

  /** Takes the next row; `excelRow` is its 1-based row number in the sheet. */
  push(excelRow: number, row: readonly CellValue[]): void {
    if (this.assembler) {
      this.assembler.addCells(excelRow, row);
      return;
    }
    if (this.settled) return;
    this.pending.push({ excelRow, row });
    if (excelRow >= this.searchRows) this.settle();
  }

  /** Ends the input and returns the records, warnings and column report. */
  finish(): ReadRecordsResult<RecordByKind[K]> {
    if (!this.settled) this.settle();
    const { kind, sheet, file } = this.options;
    const assembler = this.assembler;
    return {
      kind,
      sheet,
      file,
      headerRow: this.headerRow,
      columns: this.columns,
      records: assembler?.records ?? [],
      ...(this.table === undefined ? {} : { table: this.table }),
      warnings: this.warnings.finish(),
      missing: assembler?.missing ?? {},
      rowsRead: assembler?.rowsRead ?? 0,
      rowsDropped: assembler?.rowsDropped ?? 0,
    };
  }

  /** Finds the header among the rows held so far, then reads the rows below it. */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    const { kind, mapping } = this.options;
    const grid: (readonly CellValue[])[] = [];
    for (const { excelRow, row } of this.pending) grid[excelRow - 1] = row;
    let index: number | undefined;
    try {
      if (this.options.headerRow === undefined) {
        const found = detectHeaderRow(grid, { kind, mapping });
        index = found.index;
        this.columns = found.columns;
      } else {
        index = this.options.headerRow - 1;
        this.columns = matchColumns(grid[index] ?? [], { kind, mapping });
      }
    } catch (error) {
      throw inSheet(error, this.options);
    }
    if (index === undefined) {
      this.warnings.report({
        code: 'no-header-row',
        ...codedMessage('warning.noHeaderRow', { kind: kindTerm(kind) }),
        action: 'sheet skipped',
      });
      this.pending.length = 0;
      return;
    }
    this.headerRow = index + 1;
    this.reportColumns();
    if (this.columns.missingRequired.length > 0) {
      this.pending.length = 0;
      return;
    }
    this.assembler = new RecordAssembler(
      kind,
      this.columns,
      this.options.date1904 ?? false,
      this.warnings,
      { onRecord: this.options.onRecord, fields: this.options.fields, table: this.table },
    );
    for (const { excelRow, row } of this.pending)
      if (excelRow > this.headerRow) this.assembler.addCells(excelRow, row);
    this.pending.length = 0;
  }

  private reportColumns(): void {
    const headerRow = this.headerRow;
    for (const field of this.columns.ambiguous) {
      const [chosen, ...others] = field.candidates;
      this.warnings.report({
        code: 'ambiguous-column',
        ...codedMessage('warning.ambiguousColumn', {
          field: fieldTerm(field.field),
          chosen: String(chosen?.header),
          column: String(chosen?.column),
          others: others.map((c) => `"${c.header}" (${c.column})`),
        }),
        action: 'assumed',
        row: headerRow,
        column: chosen?.header,
      });
    }
    if (this.columns.missingRequired.length > 0) {
      this.warnings.report({
        code: 'missing-required-column',
        ...codedMessage('warning.missingRequiredColumn', {
          fields: this.columns.missingRequired.map(fieldTerm),
          kind: kindTerm(this.options.kind),
        }),
        action: 'sheet skipped',
        row: headerRow,
      });
    }
  }
}

function validateOptions<K extends RecordKind>(options: ReadRecordsOptions<K>): void {
  for (const field of Object.keys(options.mapping ?? {})) {
    if (!RECORD_FIELDS[options.kind].some((spec) => spec.field === field)) {
      const known = RECORD_FIELDS[options.kind].map((spec) => spec.field).join(', ');
      throw new PipecastError(
        'unknown-field',
        `readRecords: mapping names unknown field '${field}' for ${options.kind} records (known: ${known})`,
      );
    }
  }
  const headerRow = options.headerRow;
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) {
    throw new PipecastError(
      'invalid-option',
      `readRecords: headerRow must be an Excel row number (1 or more), got ${headerRow}`,
    );
  }
}

/**
 * A header-matching error with the file, sheet and given header row added to its place, so the
 * user learns which sheet's mapping to fix.
 */
function inSheet<K extends RecordKind>(error: unknown, options: ReadRecordsOptions<K>): unknown {
  if (!(error instanceof PipecastError)) return error;
  const place = {
    file: options.file,
    sheet: options.sheet,
    row: options.headerRow,
    ...error.place,
  };
  return new PipecastError(error.code, error.message, place, { cause: error });
}
