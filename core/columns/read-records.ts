import type { CellValue } from './cell-value.js';
import { RecordReader, type ReadRecordsOptions, type ReadRecordsResult } from './record-reader.js';
import type { RecordByKind, RecordKind } from './records.js';

export type { MissingValues } from './record-assembler.js';
export { DEFAULT_WARNING_CAP } from './warning-collector.js';
export type { ReadRecordsOptions, ReadRecordsResult } from './record-reader.js';

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
 * @throws PipecastError when the mapping names an unknown field or headerRow is not a row number
 * @example readRecords([['Deal', 'Stage', 'Amount'], ['A-1', 'Design', '1,200']], { kind: 'deal', sheet: 'Pipeline' }).records
 * // [{ row: 2, id: 'A-1', stage: 'Design', amount: 1200 }]
 */
export function readRecords<K extends RecordKind>(
  grid: readonly (readonly CellValue[])[],
  options: ReadRecordsOptions<K>,
): ReadRecordsResult<RecordByKind[K]> {
  const reader = new RecordReader(options);
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i];
    if (row) reader.push(i + 1, row);
  }
  return reader.finish();
}
