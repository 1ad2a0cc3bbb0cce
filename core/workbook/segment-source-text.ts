import type { Locale } from '../text/catalogue.js';
import { textFor } from '../text/catalogue.js';
import { formatCount } from '../text/format-number.js';
import type { OrderHistoryNote } from './segment-orders.js';

/**
 * Where a segmentation's figures came from, in the user's language, when that is not order
 * lines: the invoices or won deals taken as orders (the report's wording), or the customer
 * list's column ABC ranked.
 *
 * @param run - a segmentation's orderHistory and rankedColumn.
 * @param locale - the language.
 * @returns one line, or null when the figures are the order lines' own.
 * @example segmentSourceText({ orderHistory: { source: 'wonDeals', sheets: ['Deals'], lines: 4 }, rankedColumn: null }, 'en')
 *   // 'Orders: the 4 won deals of Deals (account, close date, amount), as the workbook has no order lines'
 */
export function segmentSourceText(
  run: {
    orderHistory: OrderHistoryNote | null;
    rankedColumn?: { sheet: string; header: string } | null;
  },
  locale: Locale,
): string | null {
  const history = run.orderHistory;
  if (history !== null) {
    const key = history.source === 'invoices' ? 'report.historyInvoices' : 'report.historyWonDeals';
    const lines = formatCount(history.lines);
    return textFor(locale, key, { lines, sheets: history.sheets.join(', ') });
  }
  const column = run.rankedColumn;
  if (column === undefined || column === null) return null;
  return textFor(locale, 'cli.abcCustomerColumn', { column: column.header, sheet: column.sheet });
}
