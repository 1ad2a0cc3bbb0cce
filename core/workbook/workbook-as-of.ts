import type { DataAsOf } from './data-as-of.js';
import { dataAsOf } from './data-as-of.js';
import { joinDealTables } from './join-deal-tables.js';
import { loadDeals } from './load-deals.js';
import { loadReceivables } from './load-receivables.js';
import { loadSegmentRecords } from './load-segment-records.js';
import type { SheetGrid } from './sheet-grid.js';

/**
 * The as-of day a workbook's data implies, over every kind of record it holds: deals and their
 * stage history, order lines, invoices and payments. The rule is dataAsOf's (the day after the
 * last recorded event), taken over all of them as `pipecast report` does, so a command that
 * writes several tables measures them all on one day.
 *
 * @param sheets - the workbook's sheets.
 * @returns the as-of day, the last event and its kind; undefined when no record has a date.
 * @throws WorkbookReadError for a CSV whose quote never closes.
 * @example workbookAsOf(sheets)?.asOf // the epoch day after the last order, invoice or deal event
 */
export function workbookAsOf(sheets: readonly SheetGrid[]): DataAsOf | undefined {
  const deals = loadDeals(joinDealTables(sheets).sheets);
  const receivables = loadReceivables(sheets);
  const { lines } = loadSegmentRecords(sheets, 'orderLine', {}, {});
  return dataAsOf({
    ...(deals === undefined
      ? {}
      : {
          deals: deals.deals.table ?? deals.deals.records,
          ...(deals.history === undefined ? {} : { stageChanges: deals.history.records }),
        }),
    lines,
    invoices: receivables.invoices,
    payments: receivables.payments,
  });
}
