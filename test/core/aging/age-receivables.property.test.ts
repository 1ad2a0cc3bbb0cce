import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import type { Invoice, Payment } from '../../../core/columns/records.js';

// Days around 2024 (epoch day 19723 = 2024-01-01), amounts in cents so sums are exact.
const DAY0 = 19_723;
const arbInvoice = fc.record({
  n: fc.integer({ min: 0, max: 30 }),
  customer: fc.constantFrom('A', 'B', 'C'),
  date: fc.integer({ min: DAY0, max: DAY0 + 400 }),
  terms: fc.constantFrom('net 30', '月结60天', '0', 'COD', 'net 45', '2/10 net 30'),
  cents: fc.integer({ min: -50_000, max: 500_000 }),
});
const arbPayment = fc.record({
  n: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  customer: fc.constantFrom('A', 'B', 'C'),
  date: fc.integer({ min: DAY0, max: DAY0 + 500 }),
  cents: fc.integer({ min: 1, max: 300_000 }),
});
type ArbInvoice = { n: number; customer: string; date: number; terms: string; cents: number };
type ArbPayment = { n: number | undefined; customer: string; date: number; cents: number };

const toInvoices = (list: ArbInvoice[]): Invoice[] =>
  list.map((x, k) => ({
    row: k + 2,
    invoice: `I${k}`,
    customer: x.customer,
    invoiceDate: x.date,
    terms: x.terms,
    amount: x.cents / 100,
  }));
const toPayments = (list: ArbPayment[]): Payment[] =>
  list.map((x, k) => ({
    row: k + 2,
    invoice: x.n === undefined ? undefined : `I${x.n}`,
    customer: x.customer,
    date: x.date,
    amount: x.cents / 100,
  }));

describe('ageReceivables properties', () => {
  it('bucket amounts (and customer buckets) add up to the open total', () => {
    fc.assert(
      fc.property(
        fc.array(arbInvoice, { maxLength: 40 }),
        fc.array(arbPayment, { maxLength: 40 }),
        fc.integer({ min: DAY0 - 10, max: DAY0 + 600 }),
        fc.constantFrom('due' as const, 'invoice' as const),
        (invs, pays, asOf, by) => {
          const r = ageReceivables(toInvoices(invs), toPayments(pays), { asOf, by });
          for (const s of r.sections) {
            const bucketCents = s.buckets.reduce((t, b) => t + Math.round(b.amount * 100), 0);
            expect(bucketCents).toBe(Math.round(s.totals.open * 100));
            const customerCents = s.customers.reduce((t, c) => t + Math.round(c.open * 100), 0);
            expect(customerCents).toBe(Math.round(s.totals.open * 100));
            const lineCents = s.invoices.reduce((t, l) => t + Math.round(l.open * 100), 0);
            expect(lineCents).toBe(Math.round(s.totals.open * 100));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an as-of before every invoice gives zero open balance', () => {
    fc.assert(
      fc.property(
        fc.array(arbInvoice, { minLength: 1, maxLength: 30 }),
        fc.array(arbPayment, { maxLength: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        (invs, pays, before) => {
          const first = Math.min(...invs.map((x) => x.date));
          const r = ageReceivables(toInvoices(invs), toPayments(pays), { asOf: first - before });
          for (const s of r.sections) {
            expect(s.totals.open).toBe(0);
            expect(s.totals.openItems).toBe(0);
            expect(s.buckets.every((b) => b.amount === 0 && b.count === 0)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('moving as-of later never reduces the days past due of an unpaid invoice', () => {
    fc.assert(
      fc.property(
        fc.array(arbInvoice, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: DAY0, max: DAY0 + 500 }),
        fc.integer({ min: 0, max: 400 }),
        (invs, asOf, later) => {
          const invoices = toInvoices(invs).map((x) => ({ ...x, amount: Math.abs(x.amount) + 1 }));
          const lines = (day: number) =>
            new Map(
              ageReceivables(invoices, [], { asOf: day, invoiceLines: 'all' }).sections.flatMap(
                (s) => s.invoices.map((l) => [l.invoice, l] as const),
              ),
            );
          const early = lines(asOf);
          const late = lines(asOf + later);
          for (const [id, line] of early) {
            const next = late.get(id);
            expect(next).toBeDefined();
            expect(next?.daysPastDue).toBe(line.daysPastDue + later);
            expect(next?.open).toBe(line.open);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
