import { float64, int32, utf8, type DataType } from '@uwdata/flechette';
import { toArrowIPC, toCSV, type ColumnTable } from 'arquero';
import { cellText } from '../../core/index.js';
import type { CellValue } from '../../core/index.js';

/**
 * The results' whole-number columns: Arrow Int32. Every other number is Float64, so a column has
 * the same type in every file exported (amounts that happen to be whole one day are not Int32
 * that day), and the daily files of an archive union cleanly in DuckDB or Spark.
 */
const WHOLE_NUMBER_COLUMNS = new Set([
  'row',
  'rank',
  'abcRank',
  'daysPastDue',
  'age',
  'daysLate',
  'recency',
  'frequency',
  'r',
  'f',
  'm',
  'fm',
]);

/** The results' number columns that may be empty in a whole file (a rate outside the funnel). */
const NUMBER_COLUMNS = new Set([
  ...WHOLE_NUMBER_COLUMNS,
  'rate',
  'amount',
  'weighted',
  'paid',
  'open',
  'abcRevenue',
  'abcShare',
  'abcCumulativeShare',
  'monetary',
]);

/**
 * A per-row table as file bytes: CSV text, or Arrow IPC with typed columns. The stream format,
 * not the file format: every reader takes it (DuckDB's arrow/nanoarrow extension, DuckDB-Wasm's
 * insertArrowFromIPCStream, Polars' read_ipc_stream, pyarrow's open_stream), while DuckDB-Wasm
 * silently loads nothing from the file format.
 */
export function exportBytes(rows: ColumnTable, format: 'csv' | 'arrow'): string | Uint8Array {
  const data = withTextWhereMixed(rows);
  return format === 'csv'
    ? toCSV(data)
    : toArrowIPC(data, { format: 'stream', types: arrowTypes(data) });
}

/**
 * Each column's Arrow type where inference would not do: numbers as above, and a column with no
 * value at all as text (Arrow's Null type is not a column type DuckDB or Spark can use).
 */
function arrowTypes(table: ColumnTable): Record<string, DataType> {
  const types: Record<string, DataType> = {};
  for (const name of table.columnNames()) {
    const kinds = valueKinds(table.array(name) as ArrayLike<unknown>);
    const numbers = kinds.has('number') || (kinds.size === 0 && NUMBER_COLUMNS.has(name));
    if (numbers) types[name] = WHOLE_NUMBER_COLUMNS.has(name) ? int32() : float64();
    else if (kinds.size === 0) types[name] = utf8();
  }
  return types;
}

function valueKinds(column: ArrayLike<unknown>): Set<string> {
  const kinds = new Set<string>();
  for (let i = 0; i < column.length; i += 1) {
    const value = column[i];
    if (value !== null && value !== undefined)
      kinds.add(value instanceof Date ? 'date' : typeof value);
  }
  return kinds;
}

/**
 * The table with each sheet column that mixes kinds of values (numbers and text, say) as text,
 * so Arrow gets one type per column, as a database would.
 */
function withTextWhereMixed(table: ColumnTable): ColumnTable {
  const changes: Record<string, unknown[]> = {};
  for (const name of table.columnNames()) {
    const column = table.array(name) as ArrayLike<unknown>;
    if (valueKinds(column).size > 1)
      changes[name] = Array.from(column, (value) =>
        value === null || value === undefined ? null : cellText(value as CellValue),
      );
  }
  return Object.keys(changes).length === 0 ? table : table.assign(changes);
}
