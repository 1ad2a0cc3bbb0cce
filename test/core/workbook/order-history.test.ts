import { describe, expect, it } from 'vitest';
import type { Deal, Invoice } from '../../../core/columns/records.js';
import { analyzeWorkbook } from '../../../core/workbook/analyze-workbook.js';
import { orderHistoryOf } from '../../../core/workbook/order-history.js';

const DEALS: Deal[] = [
  { id: 'D1', stage: 'Won', account: 'Acme', amount: 100, closeDate: 19800, row: 2 },
  { id: 'D2', stage: 'Lost', account: 'Acme', amount: 0, closeDate: 19801, row: 3 },
  { id: 'D3', stage: 'Engaging', account: 'Zeta', amount: 50, row: 4 },
  // Won by its status column although its stage reads otherwise.
  {
    id: 'D4',
    stage: 'Commit',
    status: 'won',
    account: 'Zeta',
    amount: 70,
    closeDate: 19802,
    row: 5,
  },
  // Won without a close date: no order.
  { id: 'D5', stage: 'Won', account: 'Zeta', amount: 30, row: 6 },
];
const INVOICES: Invoice[] = [
  { invoice: 'F1', customer: 'Acme', invoiceDate: 19790, amount: 40, row: 2 },
  { invoice: 'F2', invoiceDate: 19791, amount: 10, row: 3 },
];

describe('orderHistoryOf', () => {
  it('orderHistoryOf takes the won deals with a close date and an amount as orders', () => {
    expect(orderHistoryOf({ deals: { records: DEALS, sheet: 'Deals' } })).toEqual({
      source: 'wonDeals',
      sheets: ['Deals'],
      lines: [
        { customer: 'Acme', invoice: 'D1', date: 19800, amount: 100, cancellation: false, row: 2 },
        { customer: 'Zeta', invoice: 'D4', date: 19802, amount: 70, cancellation: false, row: 5 },
      ],
    });
  });

  it('orderHistoryOf prefers invoices to won deals and keeps a blank customer blank', () => {
    const history = orderHistoryOf({
      invoices: { records: INVOICES, sheets: ['Invoices'] },
      deals: { records: DEALS, sheet: 'Deals' },
    });
    expect(history?.source).toBe('invoices');
    expect(history?.lines).toEqual([
      { customer: 'Acme', invoice: 'F1', date: 19790, amount: 40, cancellation: false, row: 2 },
      { invoice: 'F2', date: 19791, amount: 10, cancellation: false, row: 3 },
    ]);
  });

  it('orderHistoryOf gives nothing without invoices or won deals', () => {
    expect(orderHistoryOf({})).toBeUndefined();
    expect(orderHistoryOf({ invoices: { records: [], sheets: [] } })).toBeUndefined();
    const open = DEALS.filter((deal) => deal.stage === 'Engaging');
    expect(orderHistoryOf({ deals: { records: open, sheet: 'Deals' } })).toBeUndefined();
  });

  it('analyzeWorkbook runs ABC and RFM on won deals when there are no order lines', () => {
    const result = analyzeWorkbook(
      [
        {
          name: 'Deals',
          values: [
            ['Deal', 'Account', 'Stage', 'Amount', 'Close date'],
            ['D1', 'Acme', 'Won', 300, '2026-05-01'],
            ['D2', 'Zeta', 'Won', 100, '2026-05-10'],
            ['D3', 'Acme', 'Won', 200, '2026-06-01'],
            ['D4', 'Zeta', 'Design', 900, '2026-07-01'],
          ],
        },
      ],
      { asOf: '2026-06-30' },
    );
    expect(result.orderHistory).toEqual({ source: 'wonDeals', sheets: ['Deals'], lines: 3 });
    // Won revenue by hand: Acme 300 + 200 = 500, Zeta 100; the open D4 is no order.
    expect(result.abc?.result.customers.map((row) => [row.id, row.value])).toEqual([
      ['Acme', 500],
      ['Zeta', 100],
    ]);
    expect(result.rfm?.result.customers.map((row) => [row.id, row.frequency])).toEqual([
      ['Acme', 2],
      ['Zeta', 1],
    ]);
  });
  it('a won deal whose id starts with C and a digit is an order, not a cancellation', () => {
    // The Maven CRM's deal ids look like "C1PNP4QA"; Online Retail's "C536379" convention for
    // cancelled invoices must not apply to them. By hand: Acme has two won deals, so frequency 2.
    const result = analyzeWorkbook(
      [
        {
          name: 'Deals',
          values: [
            ['Deal', 'Account', 'Stage', 'Amount', 'Close date'],
            ['C1PNP4QA', 'Acme', 'Won', 300, '2026-05-01'],
            ['C2XYZ9QB', 'Acme', 'Won', 200, '2026-06-01'],
          ],
        },
      ],
      { asOf: '2026-06-30' },
    );
    expect(result.rfm?.result.customers.map((row) => [row.id, row.frequency])).toEqual([
      ['Acme', 2],
    ]);
    expect(result.abc?.result.customers.map((row) => [row.id, row.value])).toEqual([['Acme', 500]]);
  });
});
