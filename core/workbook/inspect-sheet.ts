import { codedMessage } from '../text/coded-text.js';
import type { CellValue } from '../columns/cell-value.js';
import type { DataWarning } from '../columns/data-warning.js';
import { DEFAULT_HEADER_SEARCH_ROWS, detectHeaderRow } from '../columns/detect-header-row.js';
import type { FieldDescription } from '../columns/describe-fields.js';
import { describeFields } from '../columns/describe-fields.js';
import type { RecordKindCandidate } from '../columns/guess-record-kind.js';
import { guessRecordKind, RECORD_KINDS } from '../columns/guess-record-kind.js';
import type { ColumnMapping, ColumnMatches, SheetColumn } from '../columns/match-columns.js';
import type { MissingValues, ReadRecordsResult } from '../columns/read-records.js';
import type { RecordKind } from '../columns/records.js';
import { DEFAULT_WORKBOOK_FILE } from './analyze-workbook.js';
import { readSheetRecords, sheetHead } from './read-sheet-records.js';
import type { SheetGrid, SheetValues } from './sheet-grid.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Options of inspectSheet. */
export interface InspectSheetOptions {
  /** Read the sheet as this kind instead of guessing it from the headers. */
  kind?: RecordKind;
  /** The user's mapping: field → header text or column letters (null: no such column). */
  mapping?: ColumnMapping;
  /** The workbook's name, for warnings; default `'workbook'`. */
  file?: string;
  /** The sheet's name, for warnings, when `sheet` is a bare 2-D array; default `'Sheet1'`. */
  name?: string;
  /** Read the data rows too (row counts, blanks, warnings); default true. */
  readRows?: boolean;
}

/** One field of the kind read, and the column feeding it. */
export interface InspectedField extends FieldDescription {
  /** The column feeding the field, or null when none does. */
  column: (SheetColumn & { via: 'alias' | 'mapping' }) | null;
}

/** What inspectSheet found: everything a column-mapping screen shows. */
export interface InspectSheetResult {
  sheet: string;
  /** The record kind read, or null when no row looks like a header of any kind. */
  kind: RecordKind | null;
  /** Whether the kind came from the options or was guessed from the headers. */
  kindFrom: 'option' | 'detected' | null;
  /** Excel row number of the header row, or null when none was found. */
  headerRow: number | null;
  /** Every field of the kind, in order, with the column feeding it. */
  fields: InspectedField[];
  /**
   * Which column feeds which field, which columns no field took, fields several columns could
   * feed (the first is used), and required fields no column feeds (the sheet cannot be read as
   * this kind until they are mapped).
   */
  columns: ColumnMatches;
  /** Other kinds the headers could be read as, best first (only when guessed). */
  alsoFits: RecordKindCandidate[];
  /** Non-blank data rows below the header (0 when rows were not read). */
  rowsRead: number;
  /** Rows left out, each with a warning. */
  rowsDropped: number;
  /** Per optional field: blank cells in kept rows, with the first rows. */
  missing: Record<string, MissingValues>;
  warnings: DataWarning[];
  /** Every record kind's fields with English and Chinese labels, for the mapping screen. */
  fieldsByKind: Record<RecordKind, FieldDescription[]>;
}

/**
 * How a sheet would be read, for a column-mapping screen: the record kind (guessed from the
 * headers, English or Chinese, unless given), the header row, which column feeds each field,
 * required fields with no column, and what reading the rows would report.
 *
 * @param sheet - the cells exactly as `Range.values` gives them, or a `{ name, values }` sheet.
 * @param options - kind to read as, the user's column mapping, file and sheet names.
 * @returns the kind, header row, each field → column index, letter and header text, missing
 *   required fields, other fitting kinds, row counts, warnings, and every kind's field labels.
 * @throws PipecastError when the mapping names a column letter or header the sheet does not have
 * @example
 * const seen = inspectSheet([['Deal', 'Stage', 'Amount'], ['D1', 'Won', 100]]);
 * seen.kind; // 'deal'
 * seen.fields.find((f) => f.field === 'stage')?.column?.header; // 'Stage'
 */
export function inspectSheet(
  sheet: CellValue[][] | SheetValues | SheetGrid,
  options: InspectSheetOptions = {},
): InspectSheetResult {
  const grid = gridOf(sheet, options);
  const candidates = options.kind === undefined ? guessRecordKind(sheetHead(grid)) : [];
  const kind = options.kind ?? candidates[0]?.kind;
  const fieldsByKind = Object.fromEntries(
    RECORD_KINDS.map((k) => [k, describeFields(k)]),
  ) as Record<RecordKind, FieldDescription[]>;
  const base = { sheet: grid.sheet, alsoFits: candidates.slice(1), fieldsByKind };
  if (kind === undefined) return unrecognised(grid, base);
  const mapping = options.mapping === undefined ? {} : { mapping: options.mapping };
  const read: SheetRead =
    options.readRows === false
      ? headerOnly(sheetHead(grid), kind, options.mapping)
      : readSheetRecords(grid, { kind, ...mapping });
  const byField = new Map(read.columns.matched.map((m) => [m.field, m]));
  const fields = fieldsByKind[kind].map((field): InspectedField => {
    const matched = byField.get(field.field);
    const column =
      matched === undefined
        ? null
        : {
            index: matched.index,
            column: matched.column,
            header: matched.header,
            via: matched.via,
          };
    return { ...field, column };
  });
  // Without a header row nothing is matched: every required field still needs a column.
  const missingRequired =
    read.headerRow === undefined
      ? fields.filter((f) => f.required).map((f) => f.field)
      : read.columns.missingRequired;
  return {
    ...base,
    kind,
    kindFrom: options.kind === undefined ? 'detected' : 'option',
    headerRow: read.headerRow ?? null,
    fields,
    columns: { ...read.columns, missingRequired },
    rowsRead: read.rowsRead,
    rowsDropped: read.rowsDropped,
    missing: read.missing,
    warnings: read.warnings,
  };
}

/** What inspectSheet takes from reading a sheet. */
type SheetRead = Pick<
  ReadRecordsResult<unknown>,
  'headerRow' | 'columns' | 'rowsRead' | 'rowsDropped' | 'missing' | 'warnings'
>;

/** The header row and its columns alone, from the rows where headers are looked for. */
function headerOnly(
  head: CellValue[][],
  kind: RecordKind,
  mapping: ColumnMapping | undefined,
): SheetRead {
  const found = detectHeaderRow(head, { kind, ...(mapping === undefined ? {} : { mapping }) });
  return {
    headerRow: found.index === undefined ? undefined : found.index + 1,
    columns: found.columns,
    rowsRead: 0,
    rowsDropped: 0,
    missing: {},
    warnings: [],
  };
}

function gridOf(
  sheet: CellValue[][] | SheetValues | SheetGrid,
  options: InspectSheetOptions,
): SheetGrid {
  const file = options.file ?? DEFAULT_WORKBOOK_FILE;
  if (Array.isArray(sheet))
    return { file, sheet: options.name ?? 'Sheet1', rows: sheet, date1904: false };
  if (
    sheet !== null &&
    typeof sheet === 'object' &&
    'values' in sheet &&
    Array.isArray(sheet.values)
  )
    return { file, sheet: sheet.name, rows: sheet.values, date1904: sheet.date1904 === true };
  if (sheet !== null && typeof sheet === 'object' && 'rows' in sheet) return sheet;
  throw new PipecastError(
    'invalid-input',
    'inspectSheet: sheet must be a 2-D array of cells or { name, values }',
  );
}

function unrecognised(
  grid: SheetGrid,
  base: Pick<InspectSheetResult, 'sheet' | 'alsoFits' | 'fieldsByKind'>,
): InspectSheetResult {
  return {
    ...base,
    kind: null,
    kindFrom: null,
    headerRow: null,
    fields: [],
    columns: { matched: [], unmatched: [], ambiguous: [], missingRequired: [] },
    rowsRead: 0,
    rowsDropped: 0,
    missing: {},
    warnings: [
      {
        code: 'no-header-row',
        ...codedMessage('warning.inspectNoHeaderRow', { rows: DEFAULT_HEADER_SEARCH_ROWS }),
        file: grid.file,
        sheet: grid.sheet,
        action: 'sheet skipped',
      },
    ],
  };
}
