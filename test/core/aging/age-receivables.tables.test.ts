import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgeReceivablesOptions } from '../../../core/aging/age-receivables.js';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { readRecords } from '../../../core/columns/read-records.js';
import { RecordTable } from '../../../core/columns/record-table.js';
import type { Invoice, Payment } from '../../../core/columns/records.js';

// Days around 2024 (epoch day 19723 = 2024-01-01).
const DAY0 = 19_723;
const d = (iso: string): number => epochDayFromIso(iso) as number;

// Invoice numbers: few, so repeats are common; padded on either side; some blank or absent.
const arbNumber = fc.option(
  fc
    .tuple(
      fc.constantFrom('', ' ', '\t', '\u3000'),
      fc.constantFrom('', 'N1', 'N2', 'N3', '发票4', 'X9', 'n1'),
      fc.constantFrom('', ' ', '\u00a0'),
    )
    .map((parts) => parts.join('')),
  { nil: undefined },
);
// Dates and amounts: mostly readable, sometimes absent or not whole days.
const arbDay = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: DAY0, max: DAY0 + 120 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, DAY0 + 0.5) },
);
const arbAmount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -5_000, max: 50_000 }).map((c) => c / 100) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, Infinity) },
);
const arbText = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const arbInvoice = fc.record(
  {
    invoice: arbNumber,
    customer: arbText(['ACME', ' ACME ', '客户甲', '', ' ']),
    invoiceDate: arbDay,
    dueDate: fc.option(fc.integer({ min: DAY0 - 10, max: DAY0 + 150 }), { nil: undefined }),
    terms: arbText(['net 30', '月结60天', 'COD', 'soon', ' ', '2/10 net 30']),
    amount: arbAmount,
    currency: arbText(['USD', 'usd ', 'CNY', 'EUR', ' ']),
    owner: arbText(['Li', ' Wang ', '']),
    disputed: fc.option(fc.boolean(), { nil: undefined }),
    paidDate: fc.option(fc.integer({ min: DAY0, max: DAY0 + 150 }), { nil: undefined }),
    paidAmount: fc.option(
      fc.integer({ min: 0, max: 50_000 }).map((c) => c / 100),
      { nil: undefined },
    ),
    balance: fc.option(
      fc.integer({ min: 0, max: 50_000 }).map((c) => c / 100),
      { nil: undefined },
    ),
    creditLimit: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  },
  { requiredKeys: [] },
);
const arbPayment = fc.record(
  {
    invoice: fc.oneof(arbNumber, arbText(['NOPE', ' '])),
    customer: arbText(['ACME', ' Beta ', '', '客户甲']),
    date: arbDay,
    amount: arbAmount,
    currency: arbText(['USD', 'CNY', ' ', 'eur']),
  },
  { requiredKeys: [] },
);
const arbOptions = fc.record({
  asOf: fc.integer({ min: DAY0 - 5, max: DAY0 + 160 }),
  by: fc.constantFrom('due' as const, 'invoice' as const),
  currency: fc.constantFrom(undefined, 'CNY'),
  rates: fc.constantFrom(false, true),
});

/** Records without their undefined fields, numbered from row 2 (what a reader gives). */
function withRows<T>(list: readonly Partial<T>[]): T[] {
  return list.map((x, k) => {
    const out: Record<string, unknown> = { row: k + 2 };
    for (const [key, value] of Object.entries(x)) if (value !== undefined) out[key] = value;
    return out as T;
  });
}

describe('ageReceivables on RecordTables', () => {
  it('gives the same whole result from a table as from the objects it was made from (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbInvoice, { maxLength: 40 }),
        fc.array(arbPayment, { maxLength: 40 }),
        arbOptions,
        (invs, pays, { asOf, by, currency, rates }) => {
          const invoices = withRows<Invoice>(invs as Partial<Invoice>[]);
          const payments = withRows<Payment>(pays as Partial<Payment>[]);
          const options: AgeReceivablesOptions = {
            asOf,
            by,
            invoiceLines: 'all',
            maxWarningsPerKind: 3,
            ...(currency === undefined ? {} : { currency }),
            ...(rates ? { baseCurrency: 'CNY', rates: { USD: 7.1, EUR: 7.8 } } : {}),
          };
          const fromObjects = ageReceivables(invoices, payments, options);
          const fromTables = ageReceivables(
            RecordTable.fromRecords('invoice', invoices),
            RecordTable.fromRecords('payment', payments),
            options,
          );
          expect(fromTables).toEqual(fromObjects);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same result from the tables a reader collects as from its objects', () => {
    const invoiceGrid: CellValue[][] = [
      ['Invoice No', 'Customer', 'Invoice Date', 'Terms', 'Amount', 'Currency', 'Owner'],
      [' INV-1', 'ACME', '2024-01-05', 'net 30', '1,000.00', 'USD', 'Li'],
      ['INV-2 ', '', '2024-02-01', '月结30天', '500', 'USD', ''],
      ['INV-1', 'Beta', '2024-02-10', 'COD', '80', 'USD', 'Wang'],
      ['INV-3', 'Beta', 'not a date', 'net 30', '70', 'USD', 'Wang'],
      ['', 'Beta', '2024-03-01', '', '-40', 'USD', 'Wang'],
    ];
    const paymentGrid: CellValue[][] = [
      ['Invoice', 'Customer', 'Payment Date', 'Amount', 'Currency'],
      ['INV-1 ', 'ACME', '2024-02-01', '400', ''],
      ['INV-2', '', '2024-02-15', '100', 'USD'],
      ['INV-9', 'Gamma', '2024-02-20', '25', ''],
      ['', 'ACME', '2024-03-01', '5', 'CNY'],
      ['INV-1', 'ACME', '2024-05-01', '600', ''],
    ];
    const read = <K extends 'invoice' | 'payment'>(grid: CellValue[][], kind: K, table: boolean) =>
      readRecords(grid, { kind, sheet: kind, table });
    const options: AgeReceivablesOptions = { asOf: '2024-03-31', invoiceLines: 'all' };
    const objects = ageReceivables(
      read(invoiceGrid, 'invoice', false).records,
      read(paymentGrid, 'payment', false).records,
      options,
    );
    const invoiceTable = read(invoiceGrid, 'invoice', true).table;
    const paymentTable = read(paymentGrid, 'payment', true).table;
    // The reader drops the rows without a readable date or an invoice number (both required).
    expect(invoiceTable?.size).toBe(3);
    const tables = ageReceivables(
      invoiceTable as RecordTable<Invoice>,
      paymentTable as RecordTable<Payment>,
      options,
    );
    expect(tables).toEqual(objects);
    // Hand: INV-1 (first row, trimmed) 1000 − 400 = 600 open; due 2024-02-04, 56 days late on
    // 2024-03-31 → 31–60. The 2024-05-01 payment is after as-of. INV-9 is unknown: unapplied.
    const usd = tables.sections.find((s) => s.currency === 'USD');
    const first = usd?.invoices.find((l) => l.row === 2);
    expect([first?.invoice, first?.open, first?.bucket]).toEqual(['INV-1', 600, '31–60']);
    expect(tables.counts.paymentsAfterAsOf).toBe(1);
    expect(d(tables.asOf)).toBe(d('2024-03-31'));
  });

  it('refuses a table of another kind', () => {
    const deals = RecordTable.fromRecords('deal', []);
    expect(() => ageReceivables(deals as never, [], { asOf: 0 })).toThrow(
      /ageReceivables: invoices/,
    );
    expect(() => ageReceivables([], deals as never, { asOf: 0 })).toThrow(
      /ageReceivables: payments/,
    );
  });
});
