import type { SheetChoice } from './sheet-choice.js';
import type { SheetGrid } from './sheet-grid.js';
import type { LoadDealsResult } from './load-deals.js';
import { loadDeals } from './load-deals.js';
import type { LoadReceivablesResult } from './load-receivables.js';
import { loadReceivables } from './load-receivables.js';
import type { LoadSegmentRecordsResult, SegmentRecordSource } from './load-segment-records.js';
import { loadSegmentRecords } from './load-segment-records.js';
import type { OrderHistorySource } from './order-history.js';
import { orderHistoryOf } from './order-history.js';
import type { PlanSheetsResult } from './plan-sheets.js';
import { planSheets } from './plan-sheets.js';
import { joinDealTables } from './join-deal-tables.js';
import type { RecordKind } from '../columns/records.js';

/** Where ABC and RFM took their orders from when there are no order lines. */
export interface OrderHistoryNote {
  source: OrderHistorySource;
  sheets: string[];
  lines: number;
}

/** The orders ABC and RFM rank, and where they came from (null: the order lines themselves). */
export interface SegmentOrders {
  orders: LoadSegmentRecordsResult;
  from: OrderHistoryNote | null;
}

/**
 * The order lines, or when there are none the invoices' or won deals' history in their place
 * (orderHistoryOf), with where it came from. The report and `segment` both choose this way.
 *
 * @param orders - the order lines read from the sheets (maybe none).
 * @param deals - the deals read, when there are any.
 * @param receivables - the invoices and payments read, when there are any.
 * @returns the orders and their source.
 */
export function ordersOrHistory(
  orders: LoadSegmentRecordsResult,
  deals: LoadDealsResult | undefined,
  receivables: LoadReceivablesResult | undefined,
): SegmentOrders {
  if (orders.lines.length > 0) return { orders, from: null };
  const history = orderHistoryOf({
    ...(receivables === undefined
      ? {}
      : { invoices: { records: receivables.invoices, sheets: receivables.invoiceSheets } }),
    ...(deals === undefined
      ? {}
      : {
          deals: {
            records: deals.deals.table ?? deals.deals.records,
            sheet: deals.deals.grid.sheet,
          },
        }),
  });
  if (history === undefined) return { orders, from: null };
  const sources = historySources(history.source, history.lines.length, deals, receivables);
  return {
    orders: { ...orders, lines: history.lines, sheets: history.sheets, sources },
    from: { source: history.source, sheets: history.sheets, lines: history.lines.length },
  };
}

/**
 * The sheets the order history came from, with their columns, so that a breakdown by a
 * customer's other columns (Owner of an invoice, Region of a deal) works as with order lines.
 * The won deals' lines are those of the one deal sheet, in its order.
 */
function historySources(
  source: OrderHistorySource,
  lines: number,
  deals: LoadDealsResult | undefined,
  receivables: LoadReceivablesResult | undefined,
): SegmentRecordSource[] {
  if (source === 'invoices') return receivables?.invoiceSources ?? [];
  if (deals === undefined) return [];
  const { grid, headerRow, columns } = deals.deals;
  return [
    { grid, headerRow: headerRow ?? null, matched: columns.matched, count: lines, history: 'deal' },
  ];
}

/**
 * The plan's sheet kinds as the loaders take them. Receivable sheets found by their headers are
 * left to loadReceivables, which tells invoices from payments by sheet name and columns as
 * pipecast aging does.
 */
export function sheetChoicesOf(
  plan: PlanSheetsResult,
  mappings: SheetChoice['mappings'] = {},
): { choice: SheetChoice; receivableChoice: SheetChoice } {
  const kinds: Record<string, RecordKind | 'ignore'> = {};
  const receivableKinds: Record<string, RecordKind | 'ignore'> = {};
  for (const entry of plan.sheets) {
    const kind = entry.kind ?? 'ignore';
    kinds[entry.sheet] = kind;
    const receivable = kind === 'invoice' || kind === 'payment';
    if (!receivable || entry.source === 'config') receivableKinds[entry.sheet] = kind;
  }
  return { choice: { kinds, mappings }, receivableChoice: { kinds: receivableKinds, mappings } };
}

/**
 * The orders of a workbook's sheets as the report finds them: each sheet taken for what its
 * headers (or the user) say it holds, its order lines, else its invoices, else its won deals
 * (joined to its lookup tables first, as the forecast reads them).
 *
 * @param grids - the sheets, of one or more files read together.
 * @param choice - the sheet kinds and column mappings the user gave.
 * @returns the orders with their source, and the plan's choice of kinds for reading customers.
 * @throws Error for a bad column mapping; WorkbookReadError for a CSV whose quote never closes.
 */
export function readSegmentOrders(
  grids: readonly SheetGrid[],
  choice: SheetChoice = {},
): SegmentOrders & { choice: SheetChoice } {
  const plan = planSheets(grids, {
    ...(choice.kinds === undefined ? {} : { sheets: choice.kinds }),
    ...(choice.mappings === undefined ? {} : { mappings: choice.mappings }),
  });
  const choices = sheetChoicesOf(plan, choice.mappings);
  const orders = loadSegmentRecords(grids, 'orderLine', choices.choice);
  if (orders.lines.length > 0) return { orders, from: null, choice: choices.choice };
  const deals = loadDeals(joinDealTables(grids, choices.choice, plan).sheets, choices.choice);
  const receivables = loadReceivables(grids, choices.receivableChoice);
  return { ...ordersOrHistory(orders, deals, receivables), choice: choices.choice };
}
