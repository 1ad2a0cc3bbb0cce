import { describe, expect, it } from 'vitest';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { CENTS, toMinorUnits } from '../../../core/columns/money.js';
import type { Deal, Invoice, OrderLine, Payment } from '../../../core/columns/records.js';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import type { AgeReceivablesOptions } from '../../../core/aging/age-receivables.js';
import { forecastFunnel } from '../../../core/funnel/forecast-funnel.js';
import { abc } from '../../../core/segments/abc.js';
import { rfm } from '../../../core/segments/rfm.js';

const day = (iso: string): number => epochDayFromIso(iso) as number;
const AS_OF = day('2024-06-30');

/**
 * Amounts where a plain Math.round(x × 100) and the money rule part (half away from zero, rounded
 * as the decimal text reads). Expected cents by hand:
 * - 1.005: the text is 1.005 = 100.5 cents → 101 (binary 1.00499999… × 100 = 100.4999…, which
 *   Math.round makes 100);
 * - 2.675: 267.5 cents → 268 (binary × 100 is 267.5 exactly; both rules agree, kept as a control);
 * - −2.675: −267.5 cents → −268, away from zero (Math.round rounds half up: −267);
 * - −10.125: −1012.5 cents → −1013 (Math.round: −1012);
 * - 0.125 × 1.16 = 0.145 in decimal: 14.5 cents → 15 (binary 14.4999999999999982 → Math.round 14).
 */
const CASES = [
  { amount: 1.005, cents: 101 },
  { amount: 2.675, cents: 268 },
  { amount: -2.675, cents: -268 },
  { amount: -10.125, cents: -1013 },
  { amount: 0.125 * 1.16, cents: 15 },
] as const;

describe('the money rule', () => {
  it('gives the hand-calculated cents for every case', () => {
    for (const { amount, cents } of CASES) expect(toMinorUnits(amount, CENTS)).toBe(cents);
  });

  it.each(CASES)('forecastFunnel: amount $amount is $cents cents', ({ amount, cents }) => {
    // Probability 100% makes the weighted amount the amount itself.
    const deals: Deal[] = [
      { row: 2, id: 'D1', stage: 'Interest', amount, probability: 1, closeDate: day('2024-09-30') },
    ];
    const result = forecastFunnel(deals, { asOf: AS_OF });
    expect(Math.round(result.totals.amount * CENTS)).toBe(cents);
    expect(Math.round(result.totals.weighted * CENTS)).toBe(cents);
  });

  it('forecastFunnel: a weighted amount of half a cent rounds up', () => {
    // 0.50 × 29% = 14.5 cents in decimal (50 × 0.29 = 14.4999999999999982 in binary) → 15.
    const deals: Deal[] = [{ row: 2, id: 'D1', stage: 'Interest', amount: 0.5, probability: 0.29 }];
    expect(forecastFunnel(deals, { asOf: AS_OF }).totals.weighted).toBe(0.15);
  });

  it.each(CASES)('rfm and abc: monetary $amount is $cents cents', ({ amount, cents }) => {
    // One line on a plain invoice number: an order even when negative, so the customer is scored.
    const lines: OrderLine[] = [
      { row: 2, customer: 'ACME', invoice: '1', date: day('2024-06-01'), amount },
    ];
    const result = rfm(lines, { asOf: AS_OF });
    const monetary = result.customers[0]?.monetary as number;
    // Segments keep net revenue as a number; its minor units under the rule are the case's.
    expect(toMinorUnits(monetary, CENTS)).toBe(cents);
    const value = abc([{ id: 'ACME', revenue: monetary }]).customers[0]?.value as number;
    expect(toMinorUnits(value, CENTS)).toBe(cents);
  });

  it.each(CASES)('ageReceivables: invoice of $amount is $cents cents open', ({ amount, cents }) => {
    const invoices: Invoice[] = [
      { row: 2, invoice: 'A1', customer: 'ACME', invoiceDate: day('2024-06-01'), amount },
    ];
    const section = ageReceivables(invoices, [], { asOf: AS_OF }).sections[0];
    expect(Math.round((section?.totals.open as number) * CENTS)).toBe(cents);
    const bucketCents = section?.buckets.map((bucket) => Math.round(bucket.amount * CENTS));
    expect(bucketCents?.reduce((sum, value) => sum + value, 0)).toBe(cents);
    expect(Math.round((section?.customers[0]?.open as number) * CENTS)).toBe(cents);
  });

  it.each(CASES)('ageReceivables: payment of $amount pays $cents cents', ({ amount, cents }) => {
    // Invoice 20.00 = 2000 cents; open = 2000 − the payment's cents.
    const invoices: Invoice[] = [
      { row: 2, invoice: 'A1', customer: 'ACME', invoiceDate: day('2024-06-01'), amount: 20 },
    ];
    // One payment in payment order, one with a currency (the two ways payments are applied), and
    // one unapplied.
    for (const currency of [undefined, 'EUR']) {
      const payments: Payment[] = [{ row: 2, invoice: 'A1', date: day('2024-06-10'), amount }];
      if (currency !== undefined) payments[0] = { ...payments[0]!, currency };
      const options: AgeReceivablesOptions = { asOf: AS_OF, currency: 'EUR' };
      const open = ageReceivables(invoices, payments, options).sections[0]?.totals.open as number;
      expect(Math.round(open * CENTS)).toBe(2000 - cents);
    }
    const unapplied: Payment[] = [{ row: 2, customer: 'ACME', date: day('2024-06-10'), amount }];
    const totals = ageReceivables(invoices, unapplied, { asOf: AS_OF }).sections[0]?.totals;
    expect(Math.round((totals?.unapplied as number) * CENTS)).toBe(cents);
  });

  it('ageReceivables: 0.125 USD at 1.16 EUR per USD is 15 euro cents', () => {
    // 0.125 × 1.16 = 0.145 EUR = 14.5 cents → 15, as the case above; paid the same way.
    const invoices: Invoice[] = [
      {
        row: 2,
        invoice: 'A1',
        customer: 'ACME',
        invoiceDate: day('2024-06-01'),
        amount: 0.125,
        currency: 'USD',
      },
      { row: 3, invoice: 'A2', customer: 'ACME', invoiceDate: day('2024-06-01'), amount: 20 },
    ];
    const payments: Payment[] = [
      { row: 2, invoice: 'A2', date: day('2024-06-10'), amount: 0.125, currency: 'USD' },
    ];
    const options = { asOf: AS_OF, currency: 'EUR', baseCurrency: 'EUR', rates: { USD: 1.16 } };
    const section = ageReceivables(invoices, payments, options).sections[0];
    // Open = 15 (A1) + 2000 − 15 (A2 less the payment) = 2000 cents.
    expect(section?.invoices.map((line) => Math.round(line.open * CENTS))).toEqual([15, 1985]);
  });

  it('bad-debt provision rounds the same way', () => {
    // Bucket Current 2.01 × 50% = 1.005 → 100.5 cents → 101 (in binary 100.4999…: Math.round 100).
    const invoices: Invoice[] = [
      { row: 2, invoice: 'A1', customer: 'ACME', invoiceDate: day('2024-06-30'), amount: 2.01 },
    ];
    const provisionRates = [0.5, 0, 0, 0, 0, 0];
    const provision = ageReceivables(invoices, [], { asOf: AS_OF, provisionRates }).sections[0]
      ?.provision;
    expect(provision?.total).toBe(1.01);
  });
});
