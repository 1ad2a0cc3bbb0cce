/*
 * Credits (credit notes, overpaid invoices) in the per-customer, per-owner and section figures of
 * ageReceivables: what is owed past due is never netted down by a credit (DOMAIN.md §3: "Unapplied
 * payments and credits shown as their own line, not silently netted"), and
 * open = not yet due + overdue + credits = Σ buckets + credits.
 */
import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import { agingStackedChartInput } from '../../../core/charts/adapters/aging-chart-inputs.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import type { Invoice } from '../../../core/columns/records.js';

const d = (iso: string): number => epochDayFromIso(iso) as number;
let row = 1;
const inv = (
  customer: string,
  invoice: string,
  date: string,
  due: string,
  amount: number,
  owner = 'Ann',
): Invoice => ({
  row: ++row,
  customer,
  owner,
  invoice,
  invoiceDate: d(date),
  dueDate: d(due),
  amount,
});

/*
 * As of 2024-03-01 (2024 is a leap year: February has 29 days):
 * - Acme I1 1,000 due 2024-01-31: 30 days past due → 1–30, owed past due.
 * - Acme CN1 −1,500 due 2024-01-10: 51 days past due (21 + 29 + 1) → 31–60, a credit.
 * - Acme I2 300 due 2024-03-15: not yet due → Current.
 * - Beta B1 1,000 and CN −400, both due 2024-02-10: 20 days past due → both in 1–30.
 * Hand sums, Acme: overdue 1,000; not yet due 300; credits −1,500; open 1,000 − 1,500 + 300 = −200
 * = 300 + 1,000 − 1,500. Beta: overdue 1,000; credits −400; open 600.
 */
const invoices = [
  inv('Acme', 'I1', '2024-01-01', '2024-01-31', 1000),
  inv('Acme', 'CN1', '2024-01-10', '2024-01-10', -1500),
  inv('Acme', 'I2', '2024-02-14', '2024-03-15', 300),
  inv('Beta', 'B1', '2024-01-11', '2024-02-10', 1000, 'Bob'),
  inv('Beta', 'B2', '2024-01-11', '2024-02-10', -400, 'Bob'),
];
const section = () => {
  const result = ageReceivables(invoices, [], { asOf: '2024-03-01' });
  expect(result.sections).toHaveLength(1);
  return result.sections[0]!;
};

describe('ageReceivables: credits apart from what is owed', () => {
  it('a customer whose credit note exceeds its past-due invoice still shows the 1,000 owed past due', () => {
    const acme = section().customers.find((c) => c.id === 'Acme');
    // Before: overdue was 1,000 − 1,500 = −500 and 31–60 read −1,500.
    expect(acme).toMatchObject({
      open: -200,
      overdue: 1000,
      notYetDue: 300,
      credit: -1500,
      openItems: 3,
      buckets: { Current: 300, '1–30': 1000, '31–60': 0, '61–90': 0, '91–180': 0, '181+': 0 },
    });
  });

  it('a credit in the same bucket as the debt is not netted into the bucket either', () => {
    const beta = section().customers.find((c) => c.id === 'Beta');
    // Hand: 1–30 holds the 1,000 owed; the −400 is in credits; 1,000 − 400 = 600 open.
    expect(beta).toMatchObject({ open: 600, overdue: 1000, notYetDue: 0, credit: -400 });
    expect(beta?.buckets['1–30']).toBe(1000);
  });

  it('every customer and owner adds up: open = not yet due + overdue + credits = Σ buckets + credits', () => {
    const s = section();
    for (const line of [...s.customers, ...s.owners]) {
      const buckets = Object.values(line.buckets).reduce((sum, amount) => sum + amount, 0);
      expect(line.notYetDue + line.overdue + line.credit).toBeCloseTo(line.open, 9);
      expect(buckets + line.credit).toBeCloseTo(line.open, 9);
    }
    // Owners: Ann has Acme's three items, Bob Beta's two (hand sums as above).
    expect(s.owners.find((o) => o.id === 'Ann')).toMatchObject({
      open: -200,
      overdue: 1000,
      notYetDue: 300,
      credit: -1500,
    });
    expect(s.owners.find((o) => o.id === 'Bob')).toMatchObject({ overdue: 1000, credit: -400 });
  });

  it('the section totals: owed past due, not yet due and credits, each bucket owed and credited', () => {
    const s = section();
    // Hand: overdue 1,000 + 1,000 = 2,000; current 300; credits −1,500 − 400 = −1,900;
    // open 2,000 + 300 − 1,900 = 400; share of what is owed that is past due 2,000 ÷ 2,300.
    expect(s.totals).toMatchObject({ open: 400, overdue: 2000, current: 300, credit: -1900 });
    expect(s.totals.shareOverdue).toBeCloseTo(2000 / 2300, 12);
    const bucket = (label: string) => s.buckets.find((b) => b.label === label);
    // 1–30: I1 1,000 + B1 1,000 owed, B2 −400 credited (3 items, 1 a credit); 31–60: CN1 only.
    expect(bucket('1–30')).toMatchObject({
      amount: 1600,
      owed: 2000,
      credit: -400,
      count: 3,
      creditCount: 1,
    });
    expect(bucket('31–60')).toMatchObject({
      amount: -1500,
      owed: 0,
      credit: -1500,
      count: 1,
      creditCount: 1,
    });
  });

  it('the aging chart gets what is owed per bucket and the credits apart, as the table shows them', () => {
    const input = agingStackedChartInput(section(), 'customer');
    expect(input.amounts.every((entry) => entry.amount > 0)).toBe(true);
    // In the customers' order, largest open first: Beta 600, Acme −200.
    expect(input.credits).toEqual([
      { group: 'Beta', amount: -400 },
      { group: 'Acme', amount: -1500 },
    ]);
  });
});
