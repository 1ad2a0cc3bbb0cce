import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../core/columns/records.js';
import { customerRevenue } from '../../../core/segments/customer-revenue.js';
import { rfm } from '../../../core/segments/rfm.js';
import { OrderLineTally, tallyOrderLines } from '../../../core/segments/tally-order-lines.js';

const AS_OF = 20_000;

/** Random order lines, some after AS_OF, some without invoice number or customer. */
const linesArb = fc
  .array(
    fc.record({
      customer: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }),
      invoice: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      cancelled: fc.boolean(),
      date: fc.integer({ min: AS_OF - 100, max: AS_OF + 5 }),
      quantity: fc.integer({ min: -3, max: 9 }),
      amount: fc.integer({ min: -500, max: 5000 }).map((c) => c / 100),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map((r, i): OrderLine => ({
      row: i + 2,
      ...(r.customer === undefined ? {} : { customer: r.customer }),
      ...(r.invoice === undefined ? {} : { invoice: `${r.cancelled ? 'C' : ''}${r.invoice}` }),
      date: r.date,
      quantity: r.quantity,
      amount: r.amount,
    })),
  );

function tallied(lines: readonly OrderLine[], options = {}): OrderLineTally {
  const tally = new OrderLineTally(options);
  for (const line of lines) tally.add(line);
  return tally;
}

describe('OrderLineTally', () => {
  it('gives what tallyOrderLines gives for the same lines, and the latest date', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const tally = tallied(lines, { to: AS_OF });
        expect(tally.finish()).toEqual(tallyOrderLines(lines, { to: AS_OF }));
        expect(tally.count).toBe(lines.length);
        expect(tally.lastDate).toBe(Math.max(-Infinity, ...lines.map((l) => l.date)));
      }),
      { numRuns: 200 },
    );
  });

  it('feeds rfm and customerRevenue as the lines themselves do', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        expect(rfm(tallied(lines, { to: AS_OF }), { asOf: AS_OF })).toEqual(
          rfm(lines, { asOf: AS_OF }),
        );
        expect(customerRevenue(tallied(lines))).toEqual(customerRevenue(lines));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a tally with no end for rfm when no line is later than asOf', () => {
    const lines: OrderLine[] = [
      { row: 2, customer: 'a', invoice: '1', date: AS_OF - 3, amount: 10 },
      { row: 3, customer: 'b', invoice: '2', date: AS_OF, amount: 5 },
    ];
    expect(rfm(tallied(lines), { asOf: AS_OF })).toEqual(rfm(lines, { asOf: AS_OF }));
  });

  it('refuses a tally of another period than the analysis asks for', () => {
    const lines: OrderLine[] = [{ row: 2, customer: 'a', invoice: '1', date: AS_OF, amount: 1 }];
    expect(() => rfm(tallied(lines), { asOf: AS_OF - 1 })).toThrow(/another period/);
    expect(() => rfm(tallied(lines, { to: AS_OF }), { asOf: AS_OF, from: 0 })).toThrow(
      /another period/,
    );
    expect(() => customerRevenue(tallied(lines, { to: AS_OF }))).toThrow(/another period/);
  });

  it('checks its period as tallyOrderLines does', () => {
    expect(() => new OrderLineTally({ from: 5, to: 4 })).toThrow(/from \(5\) is after to \(4\)/);
    expect(() => new OrderLineTally({ to: 1.5 })).toThrow(/to must be an integer/);
  });
});
