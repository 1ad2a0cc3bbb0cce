import { codedMessage, reasonText } from '../text/coded-text.js';
import { cellText, isBlankCell, toExcelError, type CellValue } from './cell-value.js';
import type { ColumnMatches } from './match-columns.js';
import { ownSlice } from '../internal/csv-fast-fields.js';
import type { PackedTexts } from '../internal/packed-text-column.js';
import { parseBoolean } from './parse-boolean.js';
import { parseDate } from './parse-date.js';
import { parseFraction } from './parse-fraction.js';
import { parseId, parseText } from './parse-id.js';
import { parseNumber } from './parse-number.js';
import { parseStatus } from './parse-status.js';
import type { Parsed } from './parsed.js';
import { RECORD_FIELDS, type FieldSpec, type FieldType } from './record-fields.js';
import type { RecordByKind, RecordKind } from './records.js';
import type { RecordTable } from './record-table.js';
import type { WarningCollector } from './warning-collector.js';

/** Rows listed per blank field, so a UI can jump to the first few. */
const MISSING_ROWS_LISTED = 5;

/** Blank cells of an optional field: how many, and the first rows. */
export interface MissingValues {
  count: number;
  rows: number[];
}

export type CellParser = (cell: CellValue) => Parsed<unknown>;

/** A sheet column bound to the record field it feeds. */
export interface BoundColumn {
  spec: FieldSpec;
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
  parse: CellParser;
}

/** Gives the raw text of a bound column's cell in the current row, only when a warning needs it. */
export interface RawCellSource {
  rawText(bound: number): string;
}

export function parserFor(type: FieldType, date1904: boolean): CellParser {
  switch (type) {
    case 'text':
      return parseText;
    case 'id':
      return parseId;
    case 'number':
      return parseNumber;
    case 'date':
      return date1904 ? (cell) => parseDate(cell, { date1904: true }) : parseDate;
    case 'boolean':
      return parseBoolean;
    case 'fraction':
      return parseFraction;
    case 'status':
      return parseStatus;
  }
}

export interface AssemblerOptions<K extends RecordKind> {
  /** Takes each kept record instead of `records`. */
  onRecord?: ((record: RecordByKind[K]) => void) | undefined;
  /** The only optional fields read; undefined reads every matched column. */
  fields?: readonly string[] | undefined;
  /** Collects the records into this table instead of `records` (see ReadRecordsOptions.table). */
  table?: RecordTable<RecordByKind[K]> | undefined;
}

/** Per kind, the fields finishTableRow reads or fills, in the order it uses them. */
const FINISH_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  deal: ['id'],
  orderLine: ['amount', 'quantity', 'unitPrice'],
  customer: ['extra'],
};

/** The id of a deal row with no id cell, so every deal can be named in lists and history. */
function defaultDealId(excelRow: number): string {
  return `row ${excelRow}`;
}

/**
 * A record under construction. Made by a constructor rather than a literal so V8 sizes the
 * objects for the fields added after it (in-object slack tracking): a million records then
 * need no separate property stores, which halves the garbage collector's work.
 */
class RecordShell {
  [field: string]: unknown;
  constructor(public row: number) {}
}

/**
 * Turns rows into records of one kind under the rules readRecords documents: it owns what happens
 * to blank, unreadable and required cells, so every reader (grid, stream, CSV bytes) applies the
 * same rules and gives the same records and warnings.
 */
export class RecordAssembler<K extends RecordKind> implements RawCellSource {
  readonly records: RecordByKind[K][] = [];
  readonly missing: Record<string, MissingValues> = {};
  readonly bound: readonly BoundColumn[];
  rowsRead = 0;
  rowsDropped = 0;
  private readonly extraColumns: readonly { index: number; header: string }[];
  private record: Record<string, unknown> = new RecordShell(0);
  private dropped = false;
  private cells: readonly CellValue[] = [];
  private readonly onRecord: ((record: RecordByKind[K]) => void) | undefined;
  private readonly table: RecordTable<RecordByKind[K]> | undefined;
  /** Per bound column, its field's position in the table. */
  private readonly tableField: Int32Array;
  /** Table positions of the kind's FINISH_FIELDS. */
  private readonly finishFields: readonly number[];
  private excelRow = 0;

  constructor(
    readonly kind: K,
    columns: ColumnMatches,
    date1904: boolean,
    private readonly warnings: WarningCollector,
    /** See ReadRecordsOptions.onRecord and ReadRecordsOptions.fields. */
    { onRecord, fields, table }: AssemblerOptions<K> = {},
  ) {
    this.onRecord = onRecord;
    this.table = table;
    const specs = RECORD_FIELDS[kind];
    const bound: BoundColumn[] = [];
    for (const m of columns.matched) {
      const spec = specs.find((s) => s.field === m.field)!;
      if (fields !== undefined && spec.required !== true && !fields.includes(spec.field)) continue;
      bound.push({ spec, index: m.index, header: m.header, parse: parserFor(spec.type, date1904) });
    }
    this.bound = bound;
    this.tableField = Int32Array.from(bound, (b) => table?.fieldIndex(b.spec.field) ?? -1);
    // The fields finishTableRow reads or fills, looked up once rather than per row.
    this.finishFields = (FINISH_FIELDS[kind] ?? []).map((field) => table?.fieldIndex(field) ?? -1);
    this.extraColumns = kind === 'customer' ? columns.unmatched : [];
  }

  /** Whether extra (unmatched) columns are read, so a reader must hand over whole rows. */
  get needsWholeRows(): boolean {
    return this.extraColumns.length > 0;
  }

  /** Reads one row of cells; a fully blank row is skipped and not counted. */
  addCells(excelRow: number, row: readonly CellValue[]): void {
    if (row.every(isBlankCell)) return;
    this.cells = row;
    this.beginRow(excelRow);
    const bound = this.bound;
    for (let b = 0; b < bound.length; b++) {
      const column = bound[b]!;
      if (!this.take(b, column.parse(row[column.index]), this)) break;
    }
    this.endRow(row);
  }

  rawText(b: number): string {
    return cellText(this.cells[this.bound[b]!.index]);
  }

  beginRow(excelRow: number): void {
    this.rowsRead++;
    this.excelRow = excelRow;
    if (this.table === undefined) this.record = new RecordShell(excelRow);
    else this.table.beginRow(excelRow);
    this.dropped = false;
  }

  /** Sets bound column b to a value a fast reader has already checked (never blank, never bad). */
  takeValue(b: number, value: unknown): void {
    if (this.table === undefined) this.record[this.bound[b]!.spec.field] = value;
    else this.table.set(this.tableField[b]!, value);
  }

  /**
   * Sets bound column b to `text.slice(start, end)`, text a fast reader has already checked: a
   * table copies the characters of an id straight into its packed column, with no string made.
   */
  takeText(b: number, text: string, start: number, end: number): void {
    if (this.table === undefined)
      this.record[this.bound[b]!.spec.field] = ownSlice(text, start, end);
    else this.table.setText(this.tableField[b]!, text, start, end);
  }

  /**
   * Sets bound column b to text `i` of `texts` (an .xlsx shared-string table), text a fast reader
   * has already checked: a table copies an id's code units, and codes a text by its number,
   * without making or hashing its string (see RecordTable.setShared).
   */
  takeSharedText(b: number, texts: PackedTexts, i: number): void {
    if (this.table === undefined) this.record[this.bound[b]!.spec.field] = texts.text(i);
    else this.table.setShared(this.tableField[b]!, texts, i);
  }

  /**
   * takeSharedText for a text the table has taken from `texts` before (so it passed the reader's
   * checks then); false, and nothing set, when it has not (or without a table).
   */
  takeKnownSharedText(b: number, texts: PackedTexts, i: number): boolean {
    return this.table !== undefined && this.table.setSharedIfKnown(this.tableField[b]!, texts, i);
  }

  /** Applies bound column b's parse result to the current row; false once the row is dropped. */
  take(b: number, parsed: Parsed<unknown>, raw: RawCellSource): boolean {
    const column = this.bound[b]!;
    const required = column.spec.required === true;
    if (parsed.ok) {
      if (parsed.value !== undefined) {
        this.takeValue(b, parsed.value);
        return true;
      }
      if (!required) {
        this.countMissing(column.spec.field);
        return true;
      }
      this.warnings.report({
        code: 'missing-required-value',
        ...codedMessage('warning.requiredBlank', { column: column.header }),
        action: 'row dropped',
        row: this.excelRow,
        column: column.header,
        raw: '',
      });
      this.dropped = true;
      return false;
    }
    const rawText = raw.rawText(b);
    const code = toExcelError(rawText) ? 'error-value' : 'unreadable-value';
    this.warnings.report({
      code,
      ...codedMessage(required ? 'warning.unreadableRequired' : 'warning.unreadableOptional', {
        column: column.header,
        reason: reasonText(parsed.reason),
      }),
      action: required ? 'row dropped' : 'value ignored',
      row: this.excelRow,
      column: column.header,
      raw: rawText,
    });
    if (required) this.dropped = true;
    return !required;
  }

  /** Completes the current row (kind-specific rules) and keeps it unless it was dropped. */
  endRow(row?: readonly CellValue[]): void {
    const table = this.table;
    if (table !== undefined) {
      if (!this.dropped && this.finishTableRow(table, row)) table.commitRow();
      else {
        table.discardRow();
        this.rowsDropped++;
      }
      return;
    }
    if (!this.dropped && this.finishRecord(row)) {
      const record = this.record as unknown as RecordByKind[K];
      if (this.onRecord === undefined) this.records.push(record);
      else this.onRecord(record);
    } else this.rowsDropped++;
  }

  private countMissing(field: string): void {
    const entry = (this.missing[field] ??= { count: 0, rows: [] });
    entry.count++;
    if (entry.rows.length < MISSING_ROWS_LISTED) entry.rows.push(this.excelRow);
  }

  /** Kind-specific completion; false when the row must be dropped (after warning). */
  private finishRecord(row: readonly CellValue[] | undefined): boolean {
    const record = this.record;
    if (this.kind === 'deal' && record.id === undefined) {
      record.id = defaultDealId(this.excelRow);
    } else if (this.kind === 'orderLine' && record.amount === undefined) {
      const amount = this.amountOf(record.quantity, record.unitPrice);
      if (amount === undefined) return false;
      record.amount = amount;
    } else if (this.kind === 'customer') {
      record.extra = this.extraOf(row);
    }
    return true;
  }

  /** finishRecord for a row being built in the table. */
  private finishTableRow(
    table: RecordTable<RecordByKind[K]>,
    row: readonly CellValue[] | undefined,
  ): boolean {
    const [first, second, third] = this.finishFields as [number, number, number];
    if (this.kind === 'deal') {
      if (!table.hasCurrent(first)) table.set(first, defaultDealId(this.excelRow));
    } else if (this.kind === 'orderLine') {
      if (table.current(first) === undefined) {
        const amount = this.amountOf(table.current(second), table.current(third));
        if (amount === undefined) return false;
        table.set(first, amount);
      }
    } else if (this.kind === 'customer') {
      table.set(first, this.extraOf(row));
    }
    return true;
  }

  /** An order line's amount from quantity × unit price; undefined (reported) without both. */
  private amountOf(quantity: unknown, unitPrice: unknown): number | undefined {
    if (quantity === undefined || unitPrice === undefined) {
      this.warnings.report({
        code: 'missing-required-value',
        ...codedMessage('warning.noAmount'),
        action: 'row dropped',
        row: this.excelRow,
      });
      return undefined;
    }
    return (quantity as number) * (unitPrice as number);
  }

  /** A customer row's unmatched numeric columns, by header. */
  private extraOf(row: readonly CellValue[] | undefined): Record<string, number> {
    const extra: Record<string, number> = {};
    for (const column of this.extraColumns) {
      const parsed = parseNumber(row?.[column.index]);
      if (parsed.ok && parsed.value !== undefined) extra[column.header] = parsed.value;
    }
    return extra;
  }
}
