import { RecordReader, type ReadRecordsResult } from '../core/columns/record-reader.js';
import type { RecordByKind, RecordKind } from '../core/columns/records.js';
import type { ReadSheetRecordsOptions } from './read-sheet-records.js';
import { streamXlsxRowBatches } from './xlsx-stream/stream-xlsx-row-batches.js';

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
  let reader: RecordReader<K> | undefined;
  for await (const batch of streamXlsxRowBatches(file, { sheet })) {
    reader ??= new RecordReader({
      ...recordOptions,
      sheet: batch.sheet,
      file,
      date1904: batch.date1904,
    });
    for (const row of batch.rows) reader.push(row.rowNumber, row.cells);
  }
  return (reader ?? new RecordReader({ ...recordOptions, sheet: String(sheet), file })).finish();
}
