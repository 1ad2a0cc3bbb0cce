/*
 * Why: the funnel reads every deal column by column (typed arrays, coded texts); a table the
 * reader already collected is used as is, deal objects are put into one once.
 */
import { RecordTable } from '../columns/record-table.js';
import type { Deal } from '../columns/records.js';

/**
 * The deals as a table: the one a reader collected (ReadRecordsOptions.table), or one made from
 * deal objects, so the funnel reads every deal one way, column by column.
 */
export function dealTable(deals: readonly Deal[] | RecordTable<Deal>): RecordTable<Deal> {
  return deals instanceof RecordTable ? deals : RecordTable.fromRecords('deal', deals);
}
