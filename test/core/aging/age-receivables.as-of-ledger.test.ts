/*
 * Cases where ageReceivables disagreed with the plain reference of test/reference (DOMAIN.md §3 and
 * "Exact definitions"): a countback month whose sales equal the AR left to the cent.
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
