import type { RecordTable } from '../columns/record-table.js';
import type { Deal, Invoice, OrderLine } from '../columns/records.js';
import { terminalStatusOf } from '../funnel/resolve-template.js';

/** Where order history came from when a workbook has no order lines. */
export type OrderHistorySource = 'invoices' | 'wonDeals';

export interface OrderHistory {
  source: OrderHistorySource;
  /** One line per invoice or won deal: customer, invoice (or deal id), date, amount. */
  lines: OrderLine[];
  /** The sheets the lines came from. */
  sheets: string[];
}

export interface OrderHistoryInput {
  invoices?: { records: readonly Invoice[]; sheets: readonly string[] };
  deals?: { records: readonly Deal[] | RecordTable<Deal>; sheet: string };
}

/**
 * Order history for ABC and RFM when a workbook has no order lines: its invoices (customer,
 * invoice number, invoice date, amount), else its won deals (account as the customer, the deal
 * id as the order, close date, amount). Invoices come first because they are what was billed;
 * the two are not added together, since a won deal is usually invoiced too. A won deal without
 * a close date or an amount is no order and is left out; a blank customer stays blank (the
 * segmentation counts it and says so).
 *
 * @param input - the workbook's invoices and deals, as the loaders read them.
 * @returns the lines with their source and sheets, or undefined when there are none.
 * @example orderHistoryOf({ deals: { records: [{ id: 'D1', stage: 'Won', account: 'Acme', amount: 100, closeDate: 19800, row: 2 }], sheet: 'Deals' } })?.lines
 *   // [{ customer: 'Acme', invoice: 'D1', date: 19800, amount: 100, cancellation: false, row: 2 }]
 */
export function orderHistoryOf(input: OrderHistoryInput): OrderHistory | undefined {
  const invoices = input.invoices;
  if (invoices !== undefined && invoices.records.length > 0) {
    const lines = invoices.records.map((invoice): OrderLine => ({
      ...(invoice.customer === undefined ? {} : { customer: invoice.customer }),
      invoice: invoice.invoice,
      date: invoice.invoiceDate,
      amount: invoice.amount,
      ...(invoice.currency === undefined ? {} : { currency: invoice.currency }),
      cancellation: false,
      row: invoice.row,
    }));
    return { source: 'invoices', lines, sheets: [...invoices.sheets] };
  }
  if (input.deals === undefined) return undefined;
  const { records, sheet } = input.deals;
  const deals = Array.isArray(records) ? records : (records as RecordTable<Deal>).toRecords();
  const lines: OrderLine[] = [];
  for (const deal of deals) {
    if (!isWon(deal) || deal.closeDate === undefined || deal.amount === undefined) continue;
    lines.push({
      ...(deal.account === undefined ? {} : { customer: deal.account }),
      invoice: deal.id,
      date: deal.closeDate,
      amount: deal.amount,
      cancellation: false,
      row: deal.row,
    });
  }
  return lines.length === 0 ? undefined : { source: 'wonDeals', lines, sheets: [sheet] };
}

/** Won by its status column, else by its stage name (as the forecast decides). */
function isWon(deal: Deal): boolean {
  if (deal.status === 'won' || deal.status === 'lost') return deal.status === 'won';
  return terminalStatusOf(deal.stage) === 'won';
}
