import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import type { Invoice } from '../../../core/columns/records.js';

// IBM Watson Analytics sample (../shared/data/SOURCES.md §C): 2,466 invoices, every one settled,
// US M/D/YYYY dates. SettledDate is the payment date of the full amount.
const DIR = '../shared/data/receivables';
const FILE = `${DIR}/WA_Fn-UseC_-Accounts-Receivable.csv`;
const present = existsSync(FILE);
if (!present) console.warn(`skipping receivables real-data tests: ${FILE} not found`);

/** Days since 1970-01-01 of a US M/D/YYYY date, parsed here independently of core/columns. */
function usDay(text: string): number {
  const [m, d, y] = text.split('/').map(Number);
  return Date.UTC(y as number, (m as number) - 1, d as number) / 86_400_000;
}

interface Row {
  customerID: string;
  invoiceNumber: string;
  InvoiceDate: string;
  DueDate: string;
  InvoiceAmount: string;
  Disputed: string;
  SettledDate: string;
  DaysLate: string;
}

describe.skipIf(!present)('ageReceivables on the IBM accounts-receivable sample', () => {
  const rows = present ? (parse(readFileSync(FILE), { columns: true }) as Row[]) : [];
  const invoices: Invoice[] = rows.map((r, k) => ({
    row: k + 2,
    invoice: r.invoiceNumber,
    customer: r.customerID,
    invoiceDate: usDay(r.InvoiceDate),
    dueDate: usDay(r.DueDate),
    amount: Number(r.InvoiceAmount),
    disputed: r.Disputed === 'Yes',
    paidDate: usDay(r.SettledDate),
  }));

  it('holds the 2,466 invoices SOURCES.md describes', () => {
    expect(rows).toHaveLength(2466);
  });

  it.each(['2012-03-15', '2012-06-30', '2012-12-31', '2013-02-28', '2013-07-01', '2013-12-31'])(
    'open balance at %s = Σ amount where InvoiceDate ≤ as-of < SettledDate',
    (asOfIso) => {
      const asOf = Date.parse(`${asOfIso}T00:00:00Z`) / 86_400_000;
      let expectedCents = 0;
      let expectedCount = 0;
      for (const r of rows) {
        if (usDay(r.InvoiceDate) <= asOf && asOf < usDay(r.SettledDate)) {
          expectedCents += Math.round(Number(r.InvoiceAmount) * 100);
          expectedCount++;
        }
      }
      const result = ageReceivables(invoices, [], { asOf: asOfIso });
      expect(result.sections).toHaveLength(1);
      const s = result.sections[0];
      expect(Math.round((s?.totals.open ?? NaN) * 100)).toBe(expectedCents);
      expect(s?.totals.openItems).toBe(expectedCount);
      expect(expectedCount).toBeGreaterThan(0);
      expect(result.warnings).toEqual([]);
    },
  );

  it("days late of settled invoices agree with the file's DaysLate column", () => {
    const result = ageReceivables(invoices, [], { asOf: '2014-12-31', invoiceLines: 'all' });
    const lines = result.sections[0]?.invoices ?? [];
    expect(lines).toHaveLength(2466);
    const byRow = new Map(lines.map((l) => [l.row, l]));
    let late = 0;
    rows.forEach((r, k) => {
      const line = byRow.get(k + 2);
      expect(line?.status).toBe('settled');
      expect(line?.daysLate).toBe(Number(r.DaysLate));
      if (Number(r.DaysLate) > 0) late++;
    });
    // Simple mean of DaysLate over the file, computed here from the column itself.
    const mean = rows.reduce((t, r) => t + Number(r.DaysLate), 0) / rows.length;
    expect(result.sections[0]?.averageDaysLate.simple).toBeCloseTo(mean, 10);
    expect(result.sections[0]?.averageDaysLate.lateInvoices).toBe(late);
  });
});
