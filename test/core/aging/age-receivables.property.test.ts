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

  it('matches payments to the first invoice of their trimmed number, as a plain model does (property)', () => {
    // Few numbers, so repeats are common; padding on either side; some blank or missing. Numbers
    // of one prefix and a plain number go to the dense table, others (leading zeros, another
    // prefix, ten digits) to the hash index, and a far-off one makes the table too sparse to use.
    // When the first number is zero-padded ('N001', '010'), the table takes that width instead.
    const arbNumber = fc.tuple(
      fc.constantFrom('', ' ', '\t', '  '),
      fc.constantFrom(
        '',
        'N1',
        'N2',
        'N3',
        'N4',
        'N10',
        'N01',
        'X9',
        'n1',
        '7',
        '07',
        '0',
        'N1234567890',
        'N999999999',
        'N001',
        'N002',
        'N010',
        'N0001',
        'N100',
        '001',
        '010',
      ),
      fc.constantFrom('', ' ', '\u00a0'),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            number: arbNumber,
            date: fc.integer({ min: DAY0, max: DAY0 + 60 }),
            cents: fc.integer({ min: -5_000, max: 50_000 }),
          }),
          { maxLength: 30 },
        ),
        fc.array(
          fc.record({
            number: fc.option(arbNumber, { nil: undefined }),
            date: fc.integer({ min: DAY0, max: DAY0 + 90 }),
            cents: fc.integer({ min: 1, max: 30_000 }),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: DAY0 - 5, max: DAY0 + 95 }),
        (invs, pays, asOf) => {
          const invoices: Invoice[] = invs.map((x, k) => ({
            row: k + 2,
            invoice: x.number.join(''),
            customer: 'C',
            invoiceDate: x.date,
            dueDate: x.date,
            amount: x.cents / 100,
          }));
          const payments: Payment[] = pays.map((x, k) => ({
            row: k + 2,
            invoice: x.number === undefined ? undefined : x.number.join(''),
            customer: 'C',
            date: x.date,
            amount: x.cents / 100,
          }));
          // The model: first row per trimmed number; payments by as-of go to it when it is dated
          // by as-of, else they are unapplied.
          const first = new Map<string, number>();
          let repeats = 0;
          invoices.forEach((inv, i) => {
            const number = (inv.invoice ?? '').trim();
            if (number === '') return;
            if (first.has(number)) repeats++;
            else first.set(number, i);
          });
          const paid = invoices.map(() => 0);
          let unappliedCents = 0;
          let applied = 0;
          for (const pay of payments) {
            if (pay.date > asOf) continue;
            const i = first.get((pay.invoice ?? '').trim());
            const cents = Math.round(pay.amount * 100);
            if (i !== undefined && (invoices[i] as Invoice).invoiceDate <= asOf) {
              paid[i] = (paid[i] as number) + cents;
              applied++;
            } else unappliedCents += cents;
          }
          const r = ageReceivables(invoices, payments, {
            asOf,
            invoiceLines: 'all',
            maxWarningsPerKind: 1000,
          });
          expect(r.counts.paymentsApplied).toBe(applied);
          const lines = r.sections.flatMap((s) => s.invoices);
          for (const line of lines) {
            expect(Math.round(line.paid * 100)).toBe(paid[line.row - 2]);
          }
          const unapplied = r.sections.reduce(
            (t, s) => t + Math.round(s.totals.unapplied * 100),
            0,
          );
          expect(unapplied).toBe(unappliedCents);
          expect(r.warnings.filter((w) => w.code === 'duplicate-id')).toHaveLength(repeats);
        },
      ),
      { numRuns: 300 },
    );
  });
});
