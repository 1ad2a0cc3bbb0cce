import type { EpochDay } from '../columns/epoch-day.js';
import type { Deal, Invoice, OrderLine, Payment, StageChange } from '../columns/records.js';
import { RecordTable } from '../columns/record-table.js';
import { terminalStatusOf } from '../funnel/resolve-template.js';

/** What happened last in the data, and the as-of day taken from it. */
export interface DataAsOf {
  /** The day after the last recorded event: every event of that day is "before" as-of. */
  asOf: EpochDay;
  /** The day of the last recorded event. */
  lastEvent: EpochDay;
  /** Which kind of record it was. */
  source: 'deal' | 'orderLine' | 'invoice' | 'payment';
}

/** The records an as-of day can be taken from; any may be missing. */
export interface DataAsOfInput {
  deals?: readonly Deal[] | RecordTable<Deal>;
  stageChanges?: readonly StageChange[];
  lines?: readonly OrderLine[];
  invoices?: readonly Invoice[];
  payments?: readonly Payment[];
}

/**
 * The as-of day the data itself implies: the day after its last recorded event, so a report on
 * 2010 orders is measured in 2010, not on the day it is run (the core never reads the clock).
 *
 * Events: an order line's date; a stage change's date; an invoice's date and paid date; a payment's date; a deal's
 * created, stage-entered and last-activity dates, and its close date only when the deal is closed
 * (won or lost): an open deal's close date is an expectation, often in the future.
 *
 * @param input - the records read from the workbook or files.
 * @returns the as-of day, the last event and its kind; undefined when no record has a date.
 * @example dataAsOf({ lines: [{ customer: 'a', date: 14944, amount: 5, row: 2 }] })?.asOf // 14945
 */
export function dataAsOf(input: DataAsOfInput): DataAsOf | undefined {
  let last: { day: number; source: DataAsOf['source'] } | undefined;
  const see = (day: number | undefined, source: DataAsOf['source']): void => {
    if (day === undefined || !Number.isFinite(day)) return;
    if (last === undefined || day > last.day) last = { day, source };
  };
  lastDealEvent(input.deals, (day) => see(day, 'deal'));
  for (const change of input.stageChanges ?? []) see(change.date, 'deal');
  for (const line of input.lines ?? []) see(line.date, 'orderLine');
  for (const invoice of input.invoices ?? []) {
    see(invoice.invoiceDate, 'invoice');
    see(invoice.paidDate, 'invoice');
  }
  for (const payment of input.payments ?? []) see(payment.date, 'payment');
  if (last === undefined) return undefined;
  const found: { day: number; source: DataAsOf['source'] } = last;
  return { asOf: found.day + 1, lastEvent: found.day, source: found.source };
}

const DEAL_EVENT_DATES = ['createdDate', 'stageEnteredDate', 'lastActivityDate'] as const;

function lastDealEvent(
  deals: DataAsOfInput['deals'],
  see: (day: number | undefined) => void,
): void {
  if (deals === undefined) return;
  if (deals instanceof RecordTable) {
    // Read the table's columns: a million deals need not become a million objects here.
    for (const field of DEAL_EVENT_DATES) {
      const column = deals.numbers(field);
      if (column !== undefined) for (const day of column) see(day);
    }
    const closeDates = deals.numbers('closeDate');
    if (closeDates === undefined) return;
    const statuses = deals.values<Deal['status']>('status') ?? [];
    const stages = deals.values('stage') ?? [];
    for (let i = 0; i < deals.size; i++) {
      if (isClosed(statuses[i], stages[i])) see(closeDates[i]);
    }
    return;
  }
  for (const deal of deals) {
    for (const field of DEAL_EVENT_DATES) see(deal[field]);
    if (isClosed(deal.status, deal.stage)) see(deal.closeDate);
  }
}

/** Closed by its status, or, with no status, by a won/lost stage name (Closed Won, 赢单). */
function isClosed(status: Deal['status'] | undefined, stage: string | undefined): boolean {
  if (status !== undefined) return status !== 'open';
  return stage !== undefined && terminalStatusOf(stage) !== undefined;
}
