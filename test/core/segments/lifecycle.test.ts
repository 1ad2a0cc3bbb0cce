import { describe, expect, it } from 'vitest';
import { lifecycle } from '../../../core/segments/lifecycle.js';
import { day, line } from './order-lines.js';

const PREVIOUS = { from: day('2024-01-01'), to: day('2024-01-31') };
const CURRENT = { from: day('2024-02-01'), to: day('2024-02-29') };

// Before: old (2023) ; January: a, b, c, d ; February: a, b, e (new), old (reactivated).
// d's January order was cancelled in February: d is churned, the cancellation is not an order.
const LINES = [
  line('old', 'O1', '2023-11-05', 80),
  line('a', '1', '2024-01-05', 100),
  line('b', '2', '2024-01-10', 50),
  line('c', '3', '2024-01-20', 30),
  line('d', '4', '2024-01-25', 20),
  line('a', '5', '2024-02-03', 120),
  line('b', '6', '2024-02-14', 40),
  line('e', '7', '2024-02-20', 70),
  line('old', '8', '2024-02-21', 10),
  line('d', 'C4', '2024-02-02', -20),
  line(undefined, '9', '2024-02-22', 5),
];

describe('lifecycle', () => {
  it('counts new, retained and churned accounts and their rates', () => {
    const result = lifecycle(LINES, { previous: PREVIOUS, current: CURRENT });
    // Previous active a, b, c, d = 4; current active a, b, e, old = 4 (d's cancellation is no order).
    expect(result.previous).toEqual({
      from: '2024-01-01',
      to: '2024-01-31',
      activeCustomers: 4,
      revenue: 200,
    });
    // Current revenue 120 + 40 + 70 + 10 − 20 = 220 (d's cancellation counts against revenue).
    expect(result.current.revenue).toBe(220);
    expect([result.retained, result.newAccounts, result.reactivated, result.churned]).toEqual([
      2, 2, 1, 2,
    ]);
    expect(result.churnRate).toBe(0.5); // 2 churned ÷ 4 active before
    expect(result.retentionRate).toBe(0.5);
    expect(result.newAccountRate).toBe(0.5); // 2 new ÷ 4 active now
    expect(result.revenueFromNew).toBe(80); // e 70 + old 10
    expect(result.revenueFromRetained).toBe(160); // a 120 + b 40
    expect(result.revenueLost).toBe(50); // c 30 + d 20 in January
    expect(result.customers.map((c) => [c.id, c.status])).toEqual([
      ['a', 'retained'],
      ['b', 'retained'],
      ['c', 'churned'],
      ['d', 'churned'],
      ['e', 'new'],
      ['old', 'reactivated'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('current period: 1 order lines have no customer id'),
    ]);
  });

  it('computes plan completion for the targets given', () => {
    const result = lifecycle(LINES, {
      previous: PREVIOUS,
      current: CURRENT,
      targets: { revenue: 440, newAccounts: 4, byCustomer: { a: 100, e: 0, zz: 50 } },
    });
    expect(result.plan.revenue).toEqual({ target: 440, actual: 220, completion: 0.5 });
    expect(result.plan.newAccounts).toEqual({ target: 4, actual: 2, completion: 0.5 });
    expect(result.plan.byCustomer).toEqual([
      { id: 'a', target: 100, actual: 120, completion: 1.2 },
      { id: 'e', target: 0, actual: 70, completion: null },
      { id: 'zz', target: 50, actual: 0, completion: 0 },
    ]);
    expect(
      result.warnings.some((w) => w.code === 'out-of-range' && w.message.includes("'e'")),
    ).toBe(true);
  });

  it('gives null rates and empty lists for no lines', () => {
    const result = lifecycle([], { previous: PREVIOUS, current: CURRENT });
    expect([result.churnRate, result.newAccountRate, result.retentionRate]).toEqual([
      null,
      null,
      null,
    ]);
    expect(result.customers).toEqual([]);
    expect(result.plan).toEqual({ revenue: null, newAccounts: null, byCustomer: [] });
  });

  it('throws on overlapping or reversed periods and bad targets', () => {
    expect(() => lifecycle(LINES, { previous: CURRENT, current: PREVIOUS })).toThrow(
      /lifecycle: the previous period must end before the current one starts/,
    );
    expect(() => lifecycle(LINES, { previous: { from: 5, to: 1 }, current: CURRENT })).toThrow(
      /lifecycle: previous must be/,
    );
    expect(() =>
      lifecycle(LINES, { previous: PREVIOUS, current: CURRENT, targets: { revenue: 0 } }),
    ).toThrow(/lifecycle: targets.revenue must be a positive number, got 0/);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(LINES);
    lifecycle(LINES, { previous: PREVIOUS, current: CURRENT });
    expect(LINES).toEqual(copy);
  });
});
