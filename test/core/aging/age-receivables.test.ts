import { describe, expect, it } from 'vitest';
import type { AgeReceivablesOptions } from '../../../core/aging/age-receivables.js';
import { ageReceivables, UNKNOWN_CUSTOMER } from '../../../core/aging/age-receivables.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import type { Invoice, Payment } from '../../../core/columns/records.js';

const d = (iso: string): number => epochDayFromIso(iso) as number;
let row = 1;
const inv = (p: Partial<Invoice> & { invoice: string; date: string; amount: number }): Invoice => {
  const { date, ...rest } = p;
  return { row: ++row, customer: 'ACME', invoiceDate: d(date), ...rest };
};
const pay = (p: Omit<Partial<Payment>, 'date'> & { date: string; amount: number }): Payment => {
  const { date, ...rest } = p;
  return { row: ++row, date: d(date), ...rest };
};
const age = (invoices: Invoice[], payments: Payment[], options: AgeReceivablesOptions) =>
  ageReceivables(invoices, payments, options);
const only = <T>(list: readonly T[]): T => {
  expect(list).toHaveLength(1);
  return list[0] as T;
};
const bucketsOf = (r: ReturnType<typeof ageReceivables>) =>
  Object.fromEntries(only(r.sections).buckets.map((b) => [b.label, b.amount]));

describe('ageReceivables: worked example', () => {
  it('ages a partly paid invoice by days past due', () => {
    // Hand: net 30 on 2024-01-01 → due 2024-01-31. As-of 2024-03-01 is 30 days later (29 Feb days + 1).
    // Open 100 − 40 = 60 → bucket 1–30. Second invoice 2024-02-20 net 30 → due 2024-03-21: Current.
    const r = age(
      [
        inv({ invoice: 'A1', date: '2024-01-01', terms: 'net 30', amount: 100 }),
        inv({ invoice: 'A2', date: '2024-02-20', terms: 'Net30', amount: 250 }),
      ],
      [pay({ invoice: 'A1', date: '2024-02-10', amount: 40 })],
      { asOf: '2024-03-01' },
    );
    const s = only(r.sections);
    expect(bucketsOf(r)).toEqual({
      Current: 250,
      '1–30': 60,
      '31–60': 0,
      '61–90': 0,
      '91–180': 0,
      '181+': 0,
    });
    expect(s.totals).toMatchObject({ open: 310, overdue: 60, current: 250, openItems: 2 });
    expect(s.totals.shareOverdue).toBeCloseTo(60 / 310, 12);
    const a1 = s.invoices.find((l) => l.invoice === 'A1');
    expect(a1).toMatchObject({ dueDate: '2024-01-31', daysPastDue: 30, open: 60, paid: 40 });
    expect(s.customers).toEqual([
      expect.objectContaining({ id: 'ACME', open: 310, overdue: 60, openItems: 2 }),
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('uses defaults: by due date, DOMAIN buckets, DSO over 90 days, open lines only', () => {
    const r = age(
      [inv({ invoice: 'A', date: '2024-01-01', dueDate: d('2024-01-01'), amount: 1 })],
      [],
      {
        asOf: d('2024-01-01'),
      },
    );
    expect(r.by).toBe('due');
    expect(r.buckets.map((b) => b.label)).toEqual([
      'Current',
      '1–30',
      '31–60',
      '61–90',
      '91–180',
      '181+',
    ]);
    expect(only(r.sections).dso.days).toBe(90);
    expect(only(r.sections).invoices).toHaveLength(1);
    expect(r.baseCurrency).toBeNull();
    expect(only(r.sections).currency).toBeNull();
  });
});

describe('ageReceivables: bucket boundaries, month ends and leap days', () => {
  // Each invoice is due on the date given; as-of 2024-03-01. Days past due counted by hand.
  const asOf = '2024-03-01';
  const cases: [string, number, string][] = [
    ['2024-03-01', 0, 'Current'],
    ['2024-02-29', 1, '1–30'], // leap day due date, one day before as-of
    ['2024-01-31', 30, '1–30'], // Jan 31 → Mar 1 over leap February: 29 + 1
    ['2024-01-30', 31, '31–60'],
    ['2023-12-02', 90, '61–90'], // 29 (Dec 3–31) + 31 + 29 + 1
    ['2023-12-01', 91, '91–180'],
    ['2023-09-03', 180, '91–180'], // 27 (Sep 3–30) + 31 + 30 + 31 + 31 + 29 + 1
    ['2023-09-02', 181, '181+'],
  ];
  it.each(cases)('due %s is %i days past due → %s', (dueIso, days, label) => {
    const r = age([inv({ invoice: 'X', date: '2023-01-01', dueDate: d(dueIso), amount: 10 })], [], {
      asOf,
    });
    const line = only(only(r.sections).invoices);
    expect(line.daysPastDue).toBe(days);
    expect(line.bucket).toBe(label);
  });

  it('gives month-end terms (月结) a leap-year due date', () => {
    // 月结30天 on 2024-02-10: end of Feb 2024 is the 29th, + 30 days → 2024-03-30.
    const r = age([inv({ invoice: 'M', date: '2024-02-10', terms: '月结30天', amount: 10 })], [], {
      asOf: '2024-04-01',
    });
    expect(only(only(r.sections).invoices)).toMatchObject({
      dueDate: '2024-03-30',
      daysPastDue: 2,
    });
  });

  it('reads COD / 货到付款 as due on the invoice date', () => {
    const r = age([inv({ invoice: 'C', date: '2024-02-28', terms: '货到付款', amount: 10 })], [], {
      asOf: '2024-03-01',
    });
    // 2024-02-28 → 2024-03-01 = 2 days (leap day in between).
    expect(only(only(r.sections).invoices)).toMatchObject({
      dueDate: '2024-02-28',
      daysPastDue: 2,
    });
  });
});

describe('ageReceivables: true as-of', () => {
  const invoices = [
    inv({ invoice: 'A', date: '2024-01-10', dueDate: d('2024-02-09'), amount: 100 }),
    inv({ invoice: 'B', date: '2024-03-10', dueDate: d('2024-04-09'), amount: 70 }),
  ];
  const payments = [pay({ invoice: 'A', date: '2024-03-05', amount: 100 })];

  it('ignores payments dated after as-of and invoices dated after as-of', () => {
    // As-of 2024-03-01: A open 100 (its payment comes 03-05); B not yet issued.
    const r = age(invoices, payments, { asOf: '2024-03-01' });
    expect(only(r.sections).totals.open).toBe(100);
    expect(r.counts).toMatchObject({ invoicesAged: 1, invoicesAfterAsOf: 1, paymentsAfterAsOf: 1 });
  });

  it('counts a payment dated on as-of', () => {
    // As-of 2024-03-05: A paid that day → 0; B still after as-of.
    const r = age(invoices, payments, { asOf: '2024-03-05' });
    expect(only(r.sections).totals.open).toBe(0);
    // As-of 2024-03-10: B issued that day, Current.
    const later = age(invoices, payments, { asOf: '2024-03-10' });
    expect(bucketsOf(later).Current).toBe(70);
  });

  it('shows a payment for an invoice not yet issued at as-of as unapplied cash', () => {
    const r = age(invoices, [pay({ invoice: 'B', date: '2024-03-01', amount: 70 })], {
      asOf: '2024-03-05',
    });
    const s = only(r.sections);
    expect(s.totals).toMatchObject({ open: 100, unapplied: 70, net: 30 });
    expect(s.unapplied).toEqual([
      { customer: 'ACME', amount: 70, count: 1, firstDate: '2024-03-01', lastDate: '2024-03-01' },
    ]);
  });

  it('gives an empty report for an as-of before every invoice', () => {
    // The ledger of 2023-12-31 held no invoice and no payment: no section, as for no data (the
    // invoices are counted as after as-of).
    const r = age(invoices, payments, { asOf: '2023-12-31' });
    expect(r.sections).toEqual([]);
    expect(r.counts).toMatchObject({ invoicesAged: 0, invoicesAfterAsOf: 2, paymentsAfterAsOf: 1 });
  });
});

describe('ageReceivables: payments, credits and unapplied cash', () => {
  it('turns an overpayment into a credit on that invoice', () => {
    // 100 invoiced, 130 paid → open −30, shown as credit (not hidden, not zeroed).
    const r = age(
      [inv({ invoice: 'A', date: '2024-01-01', dueDate: d('2024-01-31'), amount: 100 })],
      [
        pay({ invoice: 'A', date: '2024-01-20', amount: 100 }),
        pay({ invoice: 'A', date: '2024-01-25', amount: 30 }),
      ],
      { asOf: '2024-02-15' },
    );
    const s = only(r.sections);
    // Due 2024-01-31, as-of 2024-02-15: 15 days past due, so the credit sits in 1–30; it is a
    // credit, not money owed past due: overdue 0, open = 0 + 0 + (−30).
    expect(s.totals).toMatchObject({ open: -30, credit: -30, overdue: 0, current: 0 });
    expect(only(s.invoices)).toMatchObject({
      status: 'credit',
      open: -30,
      paid: 130,
      daysPastDue: 15,
    });
    expect(bucketsOf(r)['1–30']).toBe(-30);
    expect(s.priority).toEqual([]);
  });

  it('ages a negative invoice as a credit note', () => {
    // 500 − 120 credit note = 380 open; the credit note has no due date, due on its own date.
    const r = age(
      [
        inv({ invoice: 'A', date: '2024-01-01', terms: '30', amount: 500 }),
        inv({ invoice: 'CN1', date: '2024-01-15', amount: -120 }),
      ],
      [],
      { asOf: '2024-01-20' },
    );
    const s = only(r.sections);
    expect(s.totals).toMatchObject({ open: 380, credit: -120, openItems: 2 });
    expect(s.invoices.find((l) => l.invoice === 'CN1')).toMatchObject({
      status: 'credit',
      daysPastDue: 5,
    });
    // No "no due date" warning for a credit note.
    expect(r.warnings).toEqual([]);
  });

  it('applies credits given as payments and shows unapplied cash per customer', () => {
    // A 200: cash 150 + credit 50 → 0. B 80 open. Cash 40 with no invoice and 25 for an unknown invoice.
    const r = age(
      [
        inv({ invoice: 'A', date: '2024-01-01', terms: 'net 30', amount: 200 }),
        inv({ invoice: 'B', date: '2024-01-05', customer: 'Beta', terms: 'net 30', amount: 80 }),
      ],
      [
        pay({ invoice: 'A', date: '2024-01-20', amount: 150 }),
        pay({ invoice: 'A', date: '2024-01-21', amount: 50 }),
        pay({ customer: 'Beta', date: '2024-01-22', amount: 40 }),
        pay({ customer: 'Beta', invoice: 'ZZZ', date: '2024-01-23', amount: 25 }),
      ],
      { asOf: '2024-01-31' },
    );
    const s = only(r.sections);
    expect(s.totals).toMatchObject({ open: 80, unapplied: 65, net: 15 });
    expect(s.unapplied).toEqual([
      { customer: 'Beta', amount: 65, count: 2, firstDate: '2024-01-22', lastDate: '2024-01-23' },
    ]);
    expect(s.customers.find((c) => c.id === 'Beta')).toMatchObject({ open: 80, unapplied: 65 });
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'other', raw: 'ZZZ', action: 'row kept', column: 'invoice' }),
    ]);
    expect(r.counts).toMatchObject({ paymentsApplied: 2, paymentsUnapplied: 2 });
  });

  it('counts an invoice-level paid date as payment in full on that day', () => {
    const invoices = [
      inv({
        invoice: 'A',
        date: '2024-01-01',
        dueDate: d('2024-01-31'),
        amount: 100,
        paidDate: d('2024-02-10'),
      }),
      inv({
        invoice: 'B',
        date: '2024-01-01',
        dueDate: d('2024-01-31'),
        amount: 100,
        paidDate: d('2024-02-05'),
        paidAmount: 60,
      }),
    ];
    // As-of 02-01: nothing paid yet → 200. As-of 02-10: A settled 10 days late; B 40 open.
    expect(only(age(invoices, [], { asOf: '2024-02-01' }).sections).totals.open).toBe(200);
    const r = age(invoices, [], { asOf: '2024-02-10', invoiceLines: 'all' });
    const s = only(r.sections);
    expect(s.totals.open).toBe(40);
    expect(s.invoices.find((l) => l.invoice === 'A')).toMatchObject({
      status: 'settled',
      settledDate: '2024-02-10',
      daysLate: 10,
    });
  });

  it('prefers the payments list over an invoice-level paid date, with a warning', () => {
    const r = age(
      [
        inv({
          invoice: 'A',
          date: '2024-01-01',
          dueDate: d('2024-01-31'),
          amount: 100,
          paidDate: d('2024-01-10'),
        }),
      ],
      [pay({ invoice: 'A', date: '2024-01-10', amount: 100 })],
      { asOf: '2024-02-10' },
    );
    // Counted once: 100 − 100 = 0, not −100.
    expect(only(r.sections).totals.open).toBe(0);
    expect(r.warnings).toEqual([
      expect.objectContaining({ action: 'value ignored', column: 'paid date' }),
    ]);
  });

  it('counts an undated balance as paid, and says so', () => {
    const r = age(
      [
        inv({
          invoice: 'A',
          date: '2024-01-01',
          dueDate: d('2024-01-31'),
          amount: 100,
          balance: 30,
        }),
      ],
      [],
      { asOf: '2024-02-10' },
    );
    expect(only(r.sections).totals.open).toBe(30);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'missing-value', action: 'assumed' }),
    ]);
  });
});

describe('ageReceivables: buckets by invoice age and custom edges', () => {
  it('buckets by days since the invoice date', () => {
    // Invoice 2024-01-01, due 2024-03-01; as-of 2024-02-15 → 45 days old, not yet due.
    const r = age(
      [inv({ invoice: 'A', date: '2024-01-01', dueDate: d('2024-03-01'), amount: 10 })],
      [],
      {
        asOf: '2024-02-15',
        by: 'invoice',
        buckets: [30, 60],
      },
    );
    expect(bucketsOf(r)).toEqual({ '0–30': 0, '31–60': 10, '61+': 0 });
    // Overdue still follows the due date.
    expect(only(r.sections).totals.overdue).toBe(0);
  });

  it('uses custom edges by due date', () => {
    const r = age(
      [inv({ invoice: 'A', date: '2024-01-01', dueDate: d('2024-01-01'), amount: 10 })],
      [],
      {
        asOf: '2024-01-16',
        buckets: [15],
      },
    );
    // 15 days past due → 1–15 (upper bound inclusive).
    expect(bucketsOf(r)).toEqual({ Current: 0, '1–15': 10, '16+': 0 });
  });

  it('lists each customer and owner bucket record in bucket order', () => {
    // Columns of a sheet or JSON follow the keys' order, so it must be the buckets' order.
    const r = age(
      [
        inv({
          invoice: 'A',
          date: '2024-01-01',
          dueDate: d('2024-01-01'),
          amount: 10,
          owner: 'Li',
        }),
      ],
      [],
      { asOf: '2024-03-01', buckets: [30, 60, 90] },
    );
    const labels = ['Current', '1–30', '31–60', '61–90', '91+'];
    const sec = only(r.sections);
    expect(sec.buckets.map((b) => b.label)).toEqual(labels);
    expect(Object.keys(only(sec.customers).buckets)).toEqual(labels);
    expect(Object.keys(only(sec.owners).buckets)).toEqual(labels);
    // 2024-01-01 → 2024-03-01 is 60 days past due (31 + 29, a leap year).
    expect(only(sec.customers).buckets['31–60']).toBe(10);
  });
});

describe('ageReceivables: currencies', () => {
  const invoices = [
    inv({ invoice: 'U1', date: '2024-01-01', terms: 'net 30', amount: 100, currency: 'usd' }),
    inv({ invoice: 'C1', date: '2024-01-01', terms: 'net 30', amount: 700, currency: 'CNY' }),
    inv({ invoice: 'E1', date: '2024-01-01', terms: 'net 30', amount: 50, currency: 'EUR' }),
  ];

  it('never adds currencies together without a rate table', () => {
    const r = age(invoices, [], { asOf: '2024-01-10' });
    expect(r.sections.map((s) => [s.currency, s.totals.open])).toEqual([
      ['CNY', 700],
      ['EUR', 50],
      ['USD', 100],
    ]);
  });

  it('converts with a rate table, keeping a currency without a rate apart', () => {
    // USD 100 × 7.1 = 710 CNY; + 700 CNY = 1410. EUR has no rate → own section + warning.
    const r = age(invoices, [], { asOf: '2024-01-10', baseCurrency: 'CNY', rates: { USD: 7.1 } });
    expect(r.sections.map((s) => [s.currency, s.totals.open])).toEqual([
      ['CNY', 1410],
      ['EUR', 50],
    ]);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'currency-mismatch', action: 'row kept' }),
    ]);
  });

  it('keeps a payment in another currency than its invoice as unapplied', () => {
    const r = age(
      invoices,
      [pay({ invoice: 'U1', date: '2024-01-05', amount: 100, currency: 'CNY' })],
      {
        asOf: '2024-01-10',
      },
    );
    const cny = r.sections.find((s) => s.currency === 'CNY');
    const usd = r.sections.find((s) => s.currency === 'USD');
    expect(usd?.totals.open).toBe(100);
    expect(cny?.totals.unapplied).toBe(100);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'currency-mismatch', column: 'currency' }),
    ]);
  });

  it('fills a blank currency from the currency option', () => {
    const r = age([inv({ invoice: 'A', date: '2024-01-01', terms: '30', amount: 5 })], [], {
      asOf: '2024-01-02',
      currency: 'cny',
    });
    expect(only(r.sections).currency).toBe('CNY');
  });
});

describe('ageReceivables: DSO, days late, provision and priority', () => {
  it('computes DSO standard and countback', () => {
    // Window N=90 up to 2024-03-31 = 2024-01-02 … 2024-03-31. Sales in it: 600 (02-15) + 300 (03-20) = 900.
    // 2024-01-01 (1000, paid) is outside. AR: 600 − 300 paid + 300 = 600.
    // Standard = 600 ÷ 900 × 90 = 60. Countback: March 300 → 31 days, 300 left; Feb 600 → 29 × 300/600 = 14.5.
    const r = age(
      [
        inv({ invoice: 'J', date: '2024-01-01', terms: 'net 30', amount: 1000 }),
        inv({ invoice: 'F', date: '2024-02-15', terms: 'net 30', amount: 600 }),
        inv({ invoice: 'M', date: '2024-03-20', terms: 'net 30', amount: 300 }),
      ],
      [
        pay({ invoice: 'J', date: '2024-02-01', amount: 1000 }),
        pay({ invoice: 'F', date: '2024-03-01', amount: 300 }),
      ],
      { asOf: '2024-03-31' },
    );
    const { dso } = only(r.sections);
    expect(dso.creditSales).toBe(900);
    expect(dso.ar).toBe(600);
    expect(dso.standard).toBeCloseTo(60, 10);
    expect(dso.countback).toBeCloseTo(45.5, 10);
  });

  it('averages days late, plain and amount-weighted', () => {
    // X: due 01-31, paid 02-10 → 10 days, amount 100. Y: due 02-29, paid 02-20 → 0 days, amount 300.
    // Simple (10 + 0) ÷ 2 = 5; weighted (10×100 + 0×300) ÷ 400 = 2.5.
    const r = age(
      [
        inv({ invoice: 'X', date: '2024-01-01', dueDate: d('2024-01-31'), amount: 100 }),
        inv({ invoice: 'Y', date: '2024-01-30', dueDate: d('2024-02-29'), amount: 300 }),
      ],
      [
        pay({ invoice: 'X', date: '2024-02-10', amount: 100 }),
        pay({ invoice: 'Y', date: '2024-02-20', amount: 300 }),
      ],
      { asOf: '2024-03-31' },
    );
    expect(only(r.sections).averageDaysLate).toEqual({
      simple: 5,
      weighted: 2.5,
      invoices: 2,
      lateInvoices: 1,
    });
  });

  it('provisions by bucket and gives the sales needed to cover it', () => {
    // Current 1000 × 1% = 10; 31–60 200 × 20% = 40 → 50. At 10% net margin: 50 ÷ 0.1 = 500.
    const r = age(
      [
        inv({ invoice: 'A', date: '2024-03-01', dueDate: d('2024-03-31'), amount: 1000 }),
        inv({ invoice: 'B', date: '2024-01-01', dueDate: d('2024-02-15'), amount: 200 }),
      ],
      [],
      { asOf: '2024-03-31', provisionRates: [0.01, 0.05, 0.2, 0.5, 0.8, 1], netMargin: 0.1 },
    );
    const prov = only(r.sections).provision;
    expect(prov?.total).toBe(50);
    expect(prov?.salesToCover).toBe(500);
    expect(prov?.lines.map((l) => l.provision)).toEqual([10, 0, 40, 0, 0, 0]);
  });

  it('ranks customers by overdue amount × days late, flags disputes and credit use', () => {
    // P: 100 open, 10 days past due → 1000. Q: 50 open, 40 days past due, disputed → 2000. Q first.
    // P credit limit 80 → use 100 ÷ 80 = 1.25, over limit.
    const r = age(
      [
        inv({
          invoice: 'P1',
          customer: 'P',
          owner: 'Wang',
          date: '2024-01-01',
          dueDate: d('2024-03-21'),
          amount: 100,
        }),
        inv({
          invoice: 'Q1',
          customer: 'Q',
          date: '2024-01-01',
          dueDate: d('2024-02-20'),
          amount: 50,
          disputed: true,
        }),
        inv({
          invoice: 'R1',
          customer: 'R',
          date: '2024-03-01',
          dueDate: d('2024-04-30'),
          amount: 999,
        }),
      ],
      [],
      { asOf: '2024-03-31', creditLimits: { P: 80 } },
    );
    const { priority } = only(r.sections);
    expect(priority.map((p) => [p.rank, p.customer, p.score])).toEqual([
      [1, 'Q', 2000],
      [2, 'P', 1000],
    ]);
    expect(priority[0]).toMatchObject({ disputed: true, disputedAmount: 50, maxDaysPastDue: 40 });
    expect(priority[1]).toMatchObject({
      owner: 'Wang',
      creditLimit: 80,
      creditUse: 1.25,
      overLimit: true,
    });
  });

  it('lists past-due debts on the call list without netting credit notes off them', () => {
    // Hand calculation, as of 2024-03-31: invoice C1 (500, due 2024-03-01) is 30 days past due;
    // credit note C2 (−1,500, due 2024-03-11) is a past-due credit. The call is about the 500
    // (score 500 × 30 = 15,000), not a net overdue of −1,000; open nets them: −1,000.
    const r = age(
      [
        inv({
          invoice: 'C1',
          customer: 'C',
          date: '2024-02-01',
          dueDate: d('2024-03-01'),
          amount: 500,
        }),
        inv({
          invoice: 'C2',
          customer: 'C',
          date: '2024-02-10',
          dueDate: d('2024-03-11'),
          amount: -1500,
        }),
      ],
      [],
      { asOf: '2024-03-31' },
    );
    const [entry] = only(r.sections).priority;
    expect(entry).toMatchObject({ customer: 'C', score: 15_000, overdue: 500, open: -1000 });
  });

  it('gives customers named like Object methods no credit limit unless one is given', () => {
    const r = age(
      [
        inv({ invoice: 'A', customer: 'constructor', date: '2024-01-01', amount: 300 }),
        inv({ invoice: 'B', customer: 'toString', date: '2024-01-01', amount: 200 }),
      ],
      [],
      { asOf: '2024-03-01', creditLimits: { toString: 400 } },
    );
    const s = only(r.sections);
    const limits = Object.fromEntries(s.customers.map((c) => [c.id, c.creditLimit ?? null]));
    // Hand check: only toString's limit was given; 200 / 400 = 0.5 of it is used.
    expect(limits).toEqual({ constructor: null, toString: 400 });
    expect(s.customers.find((c) => c.id === 'toString')).toMatchObject({ creditUse: 0.5 });
  });

  it('takes a credit limit from the invoices and totals per owner', () => {
    const r = age(
      [
        inv({
          invoice: 'A',
          owner: '张三',
          date: '2024-01-01',
          dueDate: d('2024-01-31'),
          amount: 300,
          creditLimit: 1000,
        }),
        inv({
          invoice: 'B',
          owner: '李四',
          date: '2024-01-01',
          dueDate: d('2024-04-30'),
          amount: 200,
        }),
      ],
      [],
      { asOf: '2024-03-01' },
    );
    const s = only(r.sections);
    expect(only(s.customers)).toMatchObject({ creditLimit: 1000, creditUse: 0.5 });
    expect(s.owners.map((o) => [o.id, o.open, o.overdue])).toEqual([
      ['张三', 300, 300],
      ['李四', 200, 0],
    ]);
  });
});

describe('ageReceivables: dirty data', () => {
  it('reports unreadable terms and a missing due date, aging from the invoice date', () => {
    const r = age(
      [
        inv({ invoice: 'A', date: '2024-01-01', terms: 'when convenient', amount: 10 }),
        inv({ invoice: 'B', date: '2024-01-01', amount: 10 }),
      ],
      [],
      { asOf: '2024-01-11', invoicePlace: { file: 'ar.xlsx', sheet: 'Invoices' } },
    );
    expect(only(r.sections).invoices.map((l) => l.daysPastDue)).toEqual([10, 10]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'unreadable-value',
        column: 'terms',
        raw: 'when convenient',
        action: 'assumed',
        file: 'ar.xlsx',
        sheet: 'Invoices',
      }),
      expect.objectContaining({ code: 'missing-value', column: 'due date', action: 'assumed' }),
    ]);
  });

  it('resolves each row by its own terms when rows repeat, blank or change them', () => {
    // The loader remembers the last terms cell it parsed; this pins that a repeat, a blank cell, a
    // change and an unreadable cell in between each still give the row's own due date.
    // Hand: invoices dated 2024-01-01, as-of 2024-03-31 (day 90 after the invoice date).
    // net 30 → due 2024-01-31, 60 days past due; net 60 → due 2024-03-01, 30 days; blank or
    // unreadable terms → due on the invoice date, 90 days.
    const net30 = 'net 30';
    const r = age(
      [
        inv({ invoice: 'A', date: '2024-01-01', terms: net30, amount: 1 }),
        inv({ invoice: 'B', date: '2024-01-01', terms: net30, amount: 1 }),
        inv({ invoice: 'C', date: '2024-01-01', terms: '   ', amount: 1 }),
        inv({ invoice: 'D', date: '2024-01-01', terms: 'net 60', amount: 1 }),
        inv({ invoice: 'E', date: '2024-01-01', terms: ' net 30 ', amount: 1 }),
        inv({ invoice: 'F', date: '2024-01-01', terms: 'when convenient', amount: 1 }),
        inv({ invoice: 'G', date: '2024-01-01', terms: 'when convenient', amount: 1 }),
        inv({ invoice: 'H', date: '2024-01-01', terms: net30, amount: 1 }),
      ],
      [],
      { asOf: '2024-03-31' },
    );
    expect(only(r.sections).invoices.map((l) => [l.invoice, l.daysPastDue])).toEqual([
      ['A', 60],
      ['B', 60],
      ['C', 90],
      ['D', 30],
      ['E', 60],
      ['F', 90],
      ['G', 90],
      ['H', 60],
    ]);
    expect(r.warnings.map((w) => [w.column, w.code])).toEqual([
      ['due date', 'missing-value'],
      ['terms', 'unreadable-value'],
      ['terms', 'unreadable-value'],
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'invoice C: no due date and no payment terms; due on the invoice date',
      "invoice F: payment terms 'when convenient' not recognised; aged from the invoice date",
      "invoice G: payment terms 'when convenient' not recognised; aged from the invoice date",
    ]);
  });

  it('drops rows without a readable date or amount and reports them', () => {
    const r = age(
      [
        inv({ invoice: 'A', date: '2024-01-01', terms: '30', amount: Number.NaN }),
        { row: 9, invoice: 'B', invoiceDate: Number.NaN, amount: 5, terms: '30' },
        inv({ invoice: 'C', date: '2024-01-01', terms: '30', amount: 5 }),
      ],
      [{ row: 3, date: Number.NaN, amount: 5 }],
      { asOf: '2024-01-05' },
    );
    expect(only(r.sections).totals.open).toBe(5);
    expect(r.counts).toMatchObject({ invoicesDropped: 2, paymentsDropped: 1 });
    expect(r.warnings.map((w) => [w.code, w.action, w.row])).toEqual([
      ['missing-required-value', 'row dropped', expect.any(Number)],
      ['missing-required-value', 'row dropped', 9],
      ['missing-required-value', 'row dropped', 3],
    ]);
  });

  it('lists an invoice without a customer under UNKNOWN_CUSTOMER and reports repeated numbers', () => {
    const r = age(
      [
        inv({ invoice: 'A', customer: ' ', date: '2024-01-01', terms: '30', amount: 5 }),
        inv({ invoice: 'A', date: '2024-01-01', terms: '30', amount: 7 }),
      ],
      [pay({ invoice: 'A', date: '2024-01-02', amount: 5 })],
      { asOf: '2024-01-05' },
    );
    const s = only(r.sections);
    // Payment goes to the first A (5 → 0); the second stays 7.
    expect(s.totals.open).toBe(7);
    expect(s.customers.map((c) => c.id).sort()).toEqual(['(no customer)', 'ACME'].sort());
    expect(UNKNOWN_CUSTOMER).toBe('(no customer)');
    expect(r.warnings.map((w) => w.code)).toEqual(['missing-value', 'duplicate-id']);
  });

  it('sums warnings past the cap into one more-warnings line', () => {
    const invoices = Array.from({ length: 25 }, (_, k) =>
      inv({ invoice: `I${k}`, date: '2024-01-01', terms: '??', amount: 1 }),
    );
    const r = age(invoices, [], { asOf: '2024-01-02', maxWarningsPerKind: 3 });
    expect(r.warnings).toHaveLength(4);
    expect(r.warnings[3]).toMatchObject({ code: 'more-warnings', count: 22 });
  });

  it('keeps the first warnings of each kind in row order and counts the rest, kinds interleaved', () => {
    // Rows alternate between two kinds; kinds past their cap are only counted (not built).
    const invoices = Array.from({ length: 12 }, (_, k) =>
      k % 2 === 0
        ? inv({ invoice: `T${k}`, date: '2024-01-01', terms: '??', amount: 1 })
        : inv({ invoice: `N${k}`, date: '2024-01-01', amount: 1 }),
    );
    const payments = Array.from({ length: 7 }, (_, k) =>
      pay({ invoice: `X${k}`, date: '2024-01-01', amount: 1 }),
    );
    const r = age(invoices, payments, { asOf: '2024-01-02', maxWarningsPerKind: 2 });
    expect(r.warnings.map((w) => [w.code, w.row ?? w.count])).toEqual([
      ['unreadable-value', invoices[0]?.row],
      ['missing-value', invoices[1]?.row],
      ['unreadable-value', invoices[2]?.row],
      ['missing-value', invoices[3]?.row],
      ['other', payments[0]?.row],
      ['other', payments[1]?.row],
      ['more-warnings', 4],
      ['more-warnings', 4],
      ['more-warnings', 5],
    ]);
    expect(r.warnings[8]?.message).toBe(
      '… and 5 more like this: payments for unknown invoices, shown as unapplied',
    );
  });

  it('gives the same sections when dropped rows follow a larger call (reused per-row arrays)', () => {
    // A first call fills the reused per-row arrays with its values; the dropped rows of the second
    // call must not pick any of them up.
    const big = Array.from({ length: 300 }, (_, k) =>
      inv({
        invoice: `B${k}`,
        customer: `C${k % 7}`,
        date: '2023-06-01',
        terms: 'net 30',
        amount: 100 + k,
      }),
    );
    age(big, [pay({ invoice: 'B3', date: '2023-07-01', amount: 50 })], { asOf: '2024-01-02' });
    const good = Array.from({ length: 20 }, (_, k) =>
      inv({
        invoice: `G${k}`,
        customer: `D${k % 3}`,
        date: '2023-12-01',
        terms: 'net 15',
        amount: 10 + k,
      }),
    );
    const bad = Array.from({ length: 20 }, (_, k) =>
      k % 2 === 0
        ? { ...inv({ invoice: `Z${k}`, date: '2023-12-01', amount: 1 }), amount: Number.NaN }
        : { ...inv({ invoice: `Z${k}`, date: '2023-12-01', amount: 1 }), invoiceDate: 1.5 },
    );
    const mixed = good.flatMap((g, k) => [bad[k] as Invoice, g]);
    const payments = [pay({ invoice: 'G4', date: '2023-12-20', amount: 5 })];
    const withDropped = age(mixed, payments, { asOf: '2024-01-02' });
    const clean = age(good, payments, { asOf: '2024-01-02' });
    expect(withDropped.counts.invoicesDropped).toBe(20);
    expect(withDropped.sections).toEqual(clean.sections);
  });
});

describe('ageReceivables: empty input, errors, no mutation', () => {
  it('gives an empty, well-formed result for no data', () => {
    const r = age([], [], { asOf: '2024-01-01' });
    expect(r).toEqual({
      asOf: '2024-01-01',
      by: 'due',
      buckets: expect.any(Array),
      baseCurrency: null,
      sections: [],
      counts: expect.objectContaining({ invoices: 0, payments: 0 }),
      warnings: [],
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it.each([
    [{ asOf: '2024-02-30' }, /asOf.*2024-02-30/],
    [{ asOf: 1.5 }, /asOf.*1.5/],
    [{ asOf: '2024-01-01', rates: { USD: 7 } }, /rates need a baseCurrency/],
    [{ asOf: '2024-01-01', baseCurrency: 'CNY', rates: { USD: 0 } }, /rate for USD/],
    [
      { asOf: '2024-01-01', provisionRates: [0.1] },
      /provisionRates needs one rate per bucket \(6\), got 1/,
    ],
    [{ asOf: '2024-01-01', provisionRates: [0, 0, 0, 0, 0, 2] }, /provision rate.*2/],
    [{ asOf: '2024-01-01', netMargin: 0 }, /netMargin.*0/],
    [{ asOf: '2024-01-01', dsoDays: 0 }, /dsoDays.*0/],
    [{ asOf: '2024-01-01', buckets: [60, 30] }, /agingBuckets: edges must increase/],
    [{ asOf: '2024-01-01', invoiceLines: 'some' }, /invoiceLines.*some/],
    [{ asOf: '2024-01-01', creditLimits: { A: -1 } }, /credit limit of A/],
  ])('throws on %j', (options, message) => {
    expect(() => ageReceivables([], [], options as AgeReceivablesOptions)).toThrow(message);
  });

  it('throws when invoices or payments is not an array', () => {
    expect(() => ageReceivables(null as never, [], { asOf: 0 })).toThrow(
      /ageReceivables: invoices/,
    );
    expect(() => ageReceivables([], {} as never, { asOf: 0 })).toThrow(/ageReceivables: payments/);
  });

  it('does not mutate its inputs', () => {
    const invoices = [
      inv({
        invoice: 'A',
        date: '2024-01-01',
        terms: '月结30天',
        amount: 100,
        paidDate: d('2024-02-01'),
      }),
      inv({ invoice: 'B', date: '2024-01-01', amount: -5 }),
    ];
    const payments = [
      pay({ invoice: 'A', date: '2024-01-05', amount: 10 }),
      pay({ date: '2024-01-06', amount: 3 }),
    ];
    const options: AgeReceivablesOptions = {
      asOf: '2024-03-01',
      buckets: [30, 60],
      provisionRates: [0, 0.1, 0.2, 0.5],
      creditLimits: { ACME: 100 },
    };
    const before = structuredClone({ invoices, payments, options });
    ageReceivables(invoices, payments, options);
    expect({ invoices, payments, options }).toEqual(before);
  });
});

describe('ageReceivables: payments applied out of order', () => {
  it('adds paid cents in payment order when the totals pass 2^53 (where order changes the sum)', () => {
    // Hand: cents 9007199254740992 (= 2^53) then +1 +1: each sum rounds back to 2^53 in payment
    // order, so paid is 2^53 and open 9007199254750000 − 2^53 = 9008 cents; adding the two plain
    // payments first (1 + 1 + 2^53 = 2^53 + 2) would give 90.06.
    const r = age(
      [
        inv({
          invoice: 'BIG',
          date: '2024-01-01',
          dueDate: d('2024-01-31'),
          amount: 90071992547500,
          currency: 'USD',
        }),
      ],
      [
        pay({ invoice: 'BIG', date: '2024-01-05', amount: 90071992547409.92, currency: 'USD' }),
        pay({ invoice: 'BIG', date: '2024-01-06', amount: 0.01 }),
        pay({ invoice: 'BIG', date: '2024-01-07', amount: 0.01 }),
      ],
      { asOf: '2024-01-10' },
    );
    expect(r.counts.paymentsApplied).toBe(3);
    expect(bucketsOf(r).Current).toBe(90.08);
  });
});
