import { describe, expect, it } from 'vitest';
import { customerRevenue } from '../../../core/segments/customer-revenue.js';
import { isCancellation, tallyOrderLines } from '../../../core/segments/tally-order-lines.js';
import { day, line } from './order-lines.js';

// A hand-made ledger in the Online Retail shape: one customer with an order, a partial
// cancellation and a return line on an ordinary invoice; one with only a cancellation; blanks.
const LINES = [
  line('a', '100', '2024-01-02', 30, { quantity: 3, unitPrice: 10 }),
  line('a', '100', '2024-01-02', 20, { quantity: 2, unitPrice: 10 }),
  line('a', 'C101', '2024-01-05', -10, { quantity: -1, unitPrice: 10 }),
  line('a', '102', '2024-01-09', 5, { quantity: 1, unitPrice: 5 }),
  line('a', '102', '2024-01-09', -5, { quantity: -1, unitPrice: 5 }),
  line('b', '103', '2024-01-03', 40, { quantity: 4, unitPrice: 10 }),
  line('r', 'C104', '2024-01-04', -7, { quantity: -1, unitPrice: 7 }),
  line(undefined, '105', '2024-01-04', 11, { quantity: 1, unitPrice: 11 }),
  line(undefined, '106', '2024-01-06', -2, { quantity: -2, unitPrice: 1 }),
];

describe('customerRevenue', () => {
  it('nets returns and cancellations and counts distinct non-cancellation invoices', () => {
    const result = customerRevenue(LINES);
    expect(result.customers.map((c) => c.id)).toEqual(['a', 'b']);
    const a = result.customers[0]!;
    // a: 30 + 20 − 10 + 5 − 5 = 40; orders 100 and 102 (C101 is a cancellation) = 2.
    expect(a.revenue).toBe(40);
    expect(a.orders).toBe(2);
    expect(a.lines).toBe(5);
    // Return lines: C101 and the −1 quantity on 102 → 2 lines, −10 − 5 = −15.
    expect(a.returnLines).toBe(2);
    expect(a.returns).toBe(-15);
    expect(a.firstOrder).toBe('2024-01-02');
    expect(a.lastOrder).toBe('2024-01-09');
    expect(a.margin).toBeNull();
    // b ties a on revenue 40; ties sort by id ascending, so a first.
    expect(result.customers[1]).toMatchObject({ id: 'b', revenue: 40, orders: 1 });
  });

  it('lists customers with nothing but cancellations separately', () => {
    const result = customerRevenue(LINES);
    expect(result.returnsOnly).toEqual([
      expect.objectContaining({ id: 'r', revenue: -7, orders: 0, lastOrder: null }),
    ]);
    // 40 + 40 − 7 = 73 (lines without an id are not in it).
    expect(result.totalRevenue).toBe(73);
  });

  it('counts and reports lines without a customer id instead of dropping them silently', () => {
    const result = customerRevenue(LINES);
    expect(result.counts).toEqual({
      lines: 9,
      linesOutsidePeriod: 0,
      linesWithoutCustomer: 2,
      revenueWithoutCustomer: 9, // 11 − 2
      cancellationLines: 2, // C101, C104
      negativeQuantityLines: 4, // C101, the 102 return, C104, 106
      customers: 3, // a, b, r before netting
    });
    const warning = result.warnings.find((w) => w.code === 'missing-value');
    expect(warning).toMatchObject({ count: 2, column: 'customer', action: 'row dropped' });
    expect(warning?.message).toContain('2 order lines have no customer id');
  });

  it('adds margins when lines have them', () => {
    const result = customerRevenue([
      line('m', '1', '2024-01-01', 100, { margin: 30 }),
      line('m', '2', '2024-01-02', 50),
      line('m', '3', '2024-01-03', 50, { margin: 10 }),
    ]);
    expect(result.customers[0]!.margin).toBe(40);
  });

  it('keeps only lines in the period and says how many it left out', () => {
    const result = customerRevenue(LINES, { from: day('2024-01-03'), to: day('2024-01-05') });
    // In range: C101 (a), 103 (b), C104 (r), 105 (no id); a has only a cancellation left.
    expect(result.customers.map((c) => c.id)).toEqual(['b']);
    expect(result.returnsOnly.map((c) => c.id)).toEqual(['a', 'r']);
    expect(result.counts.linesOutsidePeriod).toBe(5);
    expect(result.warnings.find((w) => w.code === 'out-of-range')?.count).toBe(5);
  });

  it('counts one order per customer and day when there is no invoice number', () => {
    const result = customerRevenue([
      line('x', undefined, '2024-02-01', 10),
      line('x', undefined, '2024-02-01', 15),
      line('x', undefined, '2024-02-02', 5),
      line('x', undefined, '2024-02-03', -5),
    ]);
    // Days 1 and 2 are orders; the −5 line on day 3 is a return, not an order.
    expect(result.customers[0]).toMatchObject({ orders: 2, revenue: 25, lastOrder: '2024-02-02' });
  });

  it('counts an invoice once per customer when its lines are not adjacent or it is shared', () => {
    const result = customerRevenue([
      line('p', '200', '2024-03-01', 10),
      line('q', '200', '2024-03-01', 20),
      line('p', '201', '2024-03-02', 5),
      line('p', '200', '2024-03-01', 1),
      line('q', '200', '2024-03-01', 2),
      line('p', undefined, '2024-03-04', 3),
      line('p', '201', '2024-03-02', 4),
      line('p', undefined, '2024-03-05', 3),
      line('p', undefined, '2024-03-04', 3),
    ]);
    // p: invoices 200 and 201 plus no-invoice days 03-04 and 03-05 = 4 orders, 10+5+1+3+4+3+3 = 29.
    // q: invoice 200 (shared with p, seen twice) = 1 order, 20 + 2 = 22.
    expect(result.customers).toEqual([
      expect.objectContaining({ id: 'p', orders: 4, revenue: 29, lines: 7 }),
      expect.objectContaining({ id: 'q', orders: 1, revenue: 22, lines: 2 }),
    ]);
  });

  it('keeps every customer apart past the first thousands (storage grows)', () => {
    // 5,000 customers × 2 lines: customer i has invoices i and i + 5000, amounts i and 1.
    const many = Array.from({ length: 10_000 }, (_, j) => {
      const i = j % 5000;
      return line(`k${i}`, String(j), '2024-01-01', j < 5000 ? i : 1);
    });
    const tally = tallyOrderLines(many);
    expect(tally.customers).toHaveLength(5000);
    for (const c of tally.customers) {
      const i = Number(c.id.slice(1));
      expect(c).toMatchObject({ revenue: i + 1, orders: 2, lines: 2 });
    }
  });

  it('gives an empty, well-formed result for no lines', () => {
    const result = customerRevenue([]);
    expect(result.customers).toEqual([]);
    expect(result.returnsOnly).toEqual([]);
    expect(result.totalRevenue).toBe(0);
    expect(result.counts.lines).toBe(0);
    expect(result.warnings).toEqual([]);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(LINES);
    customerRevenue(LINES, { to: day('2024-01-04') });
    expect(LINES).toEqual(copy);
  });

  it('throws on a reversed or fractional period, naming the function', () => {
    expect(() => customerRevenue(LINES, { from: 10, to: 5 })).toThrow(
      /tallyOrderLines: from \(10\) is after to \(5\)/,
    );
    expect(() => customerRevenue(LINES, { to: 1.5 })).toThrow(
      /to must be an integer epoch day, got 1.5/,
    );
  });

  it('sums 100k cent amounts without drift (compensated summation)', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => line('z', String(i), '2024-01-01', 0.1));
    // 100,000 × 0.1 = 10,000 exactly in decimal; a naive float loop gives 10000.000000018848.
    expect(tallyOrderLines(many).customers[0]!.revenue).toBe(10_000);
  });
});

describe('isCancellation', () => {
  it('is true for C followed by a digit, false otherwise', () => {
    expect(isCancellation('C536379')).toBe(true);
    expect(isCancellation('c1')).toBe(true);
    expect(isCancellation('536379')).toBe(false);
    expect(isCancellation('A563185')).toBe(false);
    expect(isCancellation('CASH')).toBe(false);
    expect(isCancellation(undefined)).toBe(false);
  });
});
