import { cellText, isBlankCell, toExcelError, type CellValue } from './cell-value.js';
import type { DataWarning, DataWarningAction, DataWarningCode } from './data-warning.js';
import { detectHeaderRow } from './detect-header-row.js';
import { matchColumns, type ColumnMapping, type ColumnMatches } from './match-columns.js';
import { parseBoolean } from './parse-boolean.js';
import { parseDate } from './parse-date.js';
import { parseFraction } from './parse-fraction.js';
import { parseId, parseText } from './parse-id.js';
import { parseNumber } from './parse-number.js';
import { parseStatus } from './parse-status.js';
import type { Parsed } from './parsed.js';
import { RECORD_FIELDS, type FieldSpec, type FieldType } from './record-fields.js';
import type { RecordByKind, RecordKind } from './records.js';

/** Detailed warnings kept per problem and column; the rest are counted in one summary warning. */
export const DEFAULT_MAX_WARNINGS_PER_COLUMN = 50;
/** Rows listed per blank field, so a UI can jump to the first few. */
const MISSING_ROWS_LISTED = 5;

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
  maxWarningsPerColumn?: number;
}

/** Blank cells of an optional field: how many, and the first rows. */
export interface MissingValues {
  count: number;
  rows: number[];
}

export interface ReadRecordsResult<T> {
  kind: RecordKind;
  sheet: string;
  file?: string;
  /** Excel row number of the header row, or undefined when none was found. */
  headerRow: number | undefined;
  columns: ColumnMatches;
  records: T[];
  warnings: DataWarning[];
  /** Per optional field, the blank cells in kept rows (blank is not an error, but users should see it). */
  missing: Record<string, MissingValues>;
  /** Non-blank data rows below the header. */
  rowsRead: number;
  /** Rows left out, each with a warning saying why. */
  rowsDropped: number;
}

type CellParser = (cell: CellValue) => Parsed<unknown>;

function parserFor(type: FieldType, date1904: boolean): CellParser {
  switch (type) {
    case 'text':
      return parseText;
    case 'id':
      return parseId;
    case 'number':
      return parseNumber;
    case 'date':
      return (cell) => parseDate(cell, { date1904 });
    case 'boolean':
      return parseBoolean;
    case 'fraction':
      return parseFraction;
    case 'status':
      return parseStatus;
  }
}

interface BoundColumn {
  spec: FieldSpec;
  index: number;
  header: string;
  parse: CellParser;
}

/**
 * Reads a sheet's table into typed records of one kind: finds the header row, matches columns by
 * their English or Chinese headers (or the user's mapping), and parses every cell.
 *
 * Rules for messy data, each reported as a DataWarning with sheet, Excel row, column and raw text:
 * - a required field that is blank or unreadable drops the row ("row dropped");
 * - an optional field that is unreadable (or holds an Excel error) is left undefined ("value ignored");
 * - an optional field that is blank is left undefined and counted in `missing`, not warned per cell;
 * - fully blank rows are skipped and not counted;
 * - nothing unreadable ever becomes 0.
 * Kind-specific rules: a deal without an id gets the id "row N" (counted in missing.id); an order
 * line without an amount takes quantity × unit price, and is dropped when it has neither.
 *
 * @param grid rows of cells, grid[i] being Excel row i + 1 and grid[i][j] column j + 1
 * @param options record kind, sheet name and optional mapping, date system and header row
 * @returns records, warnings and a report of the columns and blanks
 * @throws Error when the mapping names an unknown field or headerRow is not a row number
 * @example readRecords([['Deal', 'Stage', 'Amount'], ['A-1', 'Design', '1,200']], { kind: 'deal', sheet: 'Pipeline' }).records
 * // [{ row: 2, id: 'A-1', stage: 'Design', amount: 1200 }]
 */
export function readRecords<K extends RecordKind>(
  grid: readonly (readonly CellValue[])[],
  options: ReadRecordsOptions<K>,
): ReadRecordsResult<RecordByKind[K]> {
  const { kind, sheet, file, mapping } = options;
  const maxWarnings = options.maxWarningsPerColumn ?? DEFAULT_MAX_WARNINGS_PER_COLUMN;
  validateMapping(kind, mapping);
  const where = { file, sheet };
  const warnings = new WarningCollector(where, maxWarnings);
  const result: ReadRecordsResult<RecordByKind[K]> = {
    kind,
    sheet,
    file,
    headerRow: undefined,
    columns: { matched: [], unmatched: [], ambiguous: [], missingRequired: [] },
    records: [],
    warnings: [],
    missing: {},
    rowsRead: 0,
    rowsDropped: 0,
  };

  const header = findHeader(grid, options);
  if (header.index === undefined) {
    warnings.add(
      'no-header-row',
      `No header row for ${kind} records in the first rows: no row names enough known columns.`,
      'sheet skipped',
    );
    result.warnings = warnings.finish();
    return result;
  }
  result.headerRow = header.index + 1;
  result.columns = header.columns;
  for (const field of header.columns.ambiguous) {
    const [chosen, ...others] = field.candidates;
    warnings.add(
      'ambiguous-column',
      `Several columns could be ${field.field}: used "${chosen?.header}" (${chosen?.column}), not ${others.map((c) => `"${c.header}" (${c.column})`).join(', ')}.`,
      'assumed',
      { row: result.headerRow, column: chosen?.header },
    );
  }
  if (header.columns.missingRequired.length > 0) {
    warnings.add(
      'missing-required-column',
      `No column for ${header.columns.missingRequired.join(', ')}, which ${kind} records need; map it to read this sheet.`,
      'sheet skipped',
      { row: result.headerRow },
    );
    result.warnings = warnings.finish();
    return result;
  }

  const specs = RECORD_FIELDS[kind];
  const date1904 = options.date1904 ?? false;
  const bound: BoundColumn[] = header.columns.matched.map((m) => {
    const spec = specs.find((s) => s.field === m.field)!;
    return { spec, index: m.index, header: m.header, parse: parserFor(spec.type, date1904) };
  });
  const extraColumns = kind === 'customer' ? header.columns.unmatched : [];
  const missing = new MissingCounter();

  for (let r = header.index + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row || row.every(isBlankCell)) continue;
    result.rowsRead++;
    const excelRow = r + 1;
    const record: Record<string, unknown> = { row: excelRow };
    let dropped = false;
    for (const column of bound) {
      const cell = row[column.index];
      const parsed = column.parse(cell);
      const required = column.spec.required === true;
      if (!parsed.ok) {
        const error = toExcelError(cell);
        warnings.add(
          error ? 'error-value' : 'unreadable-value',
          `${column.header}: ${parsed.reason}${required ? '; the row is left out' : '; the value is ignored'}.`,
          required ? 'row dropped' : 'value ignored',
          { row: excelRow, column: column.header, raw: cellText(cell) },
        );
        if (required) {
          dropped = true;
          break;
        }
        continue;
      }
      if (parsed.value === undefined) {
        if (required) {
          warnings.add(
            'missing-required-value',
            `${column.header} is blank; the row is left out.`,
            'row dropped',
            {
              row: excelRow,
              column: column.header,
              raw: '',
            },
          );
          dropped = true;
          break;
        }
        missing.add(column.spec.field, excelRow);
        continue;
      }
      record[column.spec.field] = parsed.value;
    }
    if (!dropped) dropped = !finishRecord(kind, record, row, extraColumns, warnings);
    if (dropped) result.rowsDropped++;
    else result.records.push(record as unknown as RecordByKind[K]);
  }
  result.missing = missing.counts;
  result.warnings = warnings.finish();
  return result;
}

function validateMapping(kind: RecordKind, mapping: ColumnMapping | undefined): void {
  for (const field of Object.keys(mapping ?? {})) {
    if (!RECORD_FIELDS[kind].some((spec) => spec.field === field)) {
      const known = RECORD_FIELDS[kind].map((spec) => spec.field).join(', ');
      throw new Error(
        `readRecords: mapping names unknown field '${field}' for ${kind} records (known: ${known})`,
      );
    }
  }
}

function findHeader<K extends RecordKind>(
  grid: readonly (readonly CellValue[])[],
  options: ReadRecordsOptions<K>,
): { index: number | undefined; columns: ColumnMatches } {
  if (options.headerRow === undefined)
    return detectHeaderRow(grid, { kind: options.kind, mapping: options.mapping });
  if (!Number.isInteger(options.headerRow) || options.headerRow < 1) {
    throw new Error(
      `readRecords: headerRow must be an Excel row number (1 or more), got ${options.headerRow}`,
    );
  }
  const index = options.headerRow - 1;
  return {
    index,
    columns: matchColumns(grid[index] ?? [], { kind: options.kind, mapping: options.mapping }),
  };
}

/** Kind-specific completion; returns false when the row must be dropped (after warning). */
function finishRecord(
  kind: RecordKind,
  record: Record<string, unknown>,
  row: readonly CellValue[],
  extraColumns: readonly { index: number; header: string }[],
  warnings: WarningCollector,
): boolean {
  if (kind === 'deal' && record.id === undefined) {
    record.id = `row ${record.row as number}`;
  }
  if (kind === 'orderLine' && record.amount === undefined) {
    const { quantity, unitPrice } = record as { quantity?: number; unitPrice?: number };
    if (quantity === undefined || unitPrice === undefined) {
      warnings.add(
        'missing-required-value',
        'No amount, and no quantity with a unit price to compute it; the row is left out.',
        'row dropped',
        {
          row: record.row as number,
        },
      );
      return false;
    }
    record.amount = quantity * unitPrice;
  }
  if (kind === 'customer') {
    const extra: Record<string, number> = {};
    for (const column of extraColumns) {
      const parsed = parseNumber(row[column.index]);
      if (parsed.ok && parsed.value !== undefined) extra[column.header] = parsed.value;
    }
    record.extra = extra;
  }
  return true;
}

class MissingCounter {
  readonly counts: Record<string, MissingValues> = {};

  add(field: string, row: number): void {
    const entry = (this.counts[field] ??= { count: 0, rows: [] });
    entry.count++;
    if (entry.rows.length < MISSING_ROWS_LISTED) entry.rows.push(row);
  }
}

/** Keeps the first warnings of each kind per column and counts the rest into one summary. */
class WarningCollector {
  private readonly kept: DataWarning[] = [];
  private readonly overflow = new Map<
    string,
    { code: DataWarningCode; column?: string; count: number; action: DataWarningAction }
  >();
  private readonly perKey = new Map<string, number>();

  constructor(
    private readonly where: { file?: string; sheet: string },
    private readonly max: number,
  ) {}

  add(
    code: DataWarningCode,
    message: string,
    action: DataWarningAction,
    place: { row?: number; column?: string; raw?: string } = {},
  ): void {
    const key = `${code}\u0000${place.column ?? ''}`;
    const seen = this.perKey.get(key) ?? 0;
    this.perKey.set(key, seen + 1);
    if (seen < this.max) {
      this.kept.push({
        code,
        message,
        action,
        ...definedOnly({ file: this.where.file, sheet: this.where.sheet, ...place }),
      });
      return;
    }
    const entry = this.overflow.get(key) ?? { code, column: place.column, count: 0, action };
    entry.count++;
    this.overflow.set(key, entry);
  }

  finish(): DataWarning[] {
    const summaries: DataWarning[] = [...this.overflow.values()].map((entry) => ({
      code: 'more-warnings',
      message: `${entry.count} more "${entry.code}" warnings${entry.column ? ` in column ${entry.column}` : ''} (${entry.action}).`,
      action: entry.action,
      count: entry.count,
      ...definedOnly({ file: this.where.file, sheet: this.where.sheet, column: entry.column }),
    }));
    return [...this.kept, ...summaries];
  }
}

function definedOnly<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
