/*
 * Cases where ageReceivables disagreed with the plain reference of test/reference (DOMAIN.md §3 and
 * "Exact definitions"): a countback month whose sales equal the AR left to the cent, and entities
 * known only from invoices dated after as-of.
 */
import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import { dsoCountback } from '../../../core/aging/dso-countback.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import type { Invoice } from '../../../core/columns/records.js';

const d = (iso: string): number => epochDayFromIso(iso) as number;

describe('DSO countback when a month covers the AR left exactly', () => {
  // Hand: AR = 482.60 + 789.28 = 1271.88 at as-of 2024-02-01 (no payments). February counts its
  // 1 day up to as-of and takes 789.28 off: 482.60 left. January's sales are 482.60, exactly what
  // is left: all 31 days, so 1 + 31 = 32 days. (In floats 1271.88 − 789.28 is 482.60000000000014,
  // more than January's 482.6, and the walk ran out of months: null.)
  const sales = [
    { date: d('2024-01-01'), amount: 482.6 },
    { date: d('2024-02-01'), amount: 789.28 },
  ];

  it('counts the covering month whole (dsoCountback)', () => {
    expect(dsoCountback(1271.88, sales, d('2024-02-01'))).toBe(32);
  });

  it('counts the covering month whole (ageReceivables)', () => {
    const invoices: Invoice[] = sales.map((sale, k) => ({
      row: k + 2,
      invoice: `I${k}`,
      customer: 'ACME',
      invoiceDate: sale.date,
      dueDate: sale.date,
      amount: sale.amount,
    }));
    const result = ageReceivables(invoices, [], { asOf: '2024-02-01' });
    expect(result.sections[0]?.dso.ar).toBe(1271.88);
    expect(result.sections[0]?.dso.countback).toBe(32);
    expect(result.warnings.map((warning) => warning.message).join('\n')).not.toMatch(/countback/);
  });
});

describe('entities known only from invoices dated after as-of', () => {
  // DOMAIN.md: "An invoice counts when its invoice date ≤ as-of"; a historical report matches
  // what the ledger showed that day, which held neither customer Later, owner Bob nor any EUR.
  const invoices: Invoice[] = [
    {
      row: 2,
      invoice: 'A1',
      customer: 'ACME',
      owner: 'Ann',
      currency: 'USD',
      invoiceDate: d('2024-01-01'),
      dueDate: d('2024-01-31'),
      amount: 100,
    },
    {
      row: 3,
      invoice: 'L1',
      customer: 'Later',
      owner: 'Bob',
      currency: 'USD',
      invoiceDate: d('2024-03-10'),
      dueDate: d('2024-04-09'),
      amount: 50,
    },
    {
      row: 4,
      invoice: 'E1',
      customer: 'Euro',
      owner: 'Cay',
      currency: 'EUR',
      invoiceDate: d('2024-03-10'),
      dueDate: d('2024-04-09'),
      amount: 70,
    },
  ];

  it('leaves out customers, owners and currencies with no invoice dated on or before as-of', () => {
    // Hand: at 2024-03-01 only A1 (USD, ACME, Ann) exists: one section, open 100.
    const result = ageReceivables(invoices, [], { asOf: '2024-03-01' });
    expect(result.sections.map((section) => section.currency)).toEqual(['USD']);
    const [usd] = result.sections;
    expect(usd?.customers.map((customer) => customer.id)).toEqual(['ACME']);
    expect(usd?.owners.map((owner) => owner.id)).toEqual(['Ann']);
    expect(usd?.totals.open).toBe(100);
    expect(result.counts.invoicesAfterAsOf).toBe(2);
  });

  it('lists such a customer by its unapplied cash, with zero open', () => {
    // Hand: a payment of 20 dated 2024-02-15 names L1, not yet issued at as-of: unapplied cash of
    // Later (its own line, DOMAIN.md §3), so Later is listed with open 0 and unapplied 20; owner
    // Bob and EUR still have nothing dated on or before as-of.
    const payments = [{ row: 2, invoice: 'L1', date: d('2024-02-15'), amount: 20 }];
    const result = ageReceivables(invoices, payments, { asOf: '2024-03-01' });
    expect(result.sections.map((section) => section.currency)).toEqual(['USD']);
    const [usd] = result.sections;
    expect(
      usd?.customers.map((customer) => [customer.id, customer.open, customer.unapplied]),
    ).toEqual([
      ['ACME', 100, 0],
      ['Later', 0, 20],
    ]);
    expect(usd?.owners.map((owner) => owner.id)).toEqual(['Ann']);
  });

  it('lists a customer whose invoices dated by as-of are all paid', () => {
    // Hand: A1 paid in full on 2024-02-01: ACME is on the ledger that day with open 0.
    const payments = [{ row: 2, invoice: 'A1', date: d('2024-02-01'), amount: 100 }];
    const result = ageReceivables(invoices, payments, { asOf: '2024-03-01' });
    const [usd] = result.sections;
    expect(usd?.customers.map((customer) => [customer.id, customer.open])).toEqual([['ACME', 0]]);
    expect(usd?.owners.map((owner) => [owner.id, owner.open])).toEqual([['Ann', 0]]);
  });
});
