import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../core/columns/records.js';
import { abc } from '../../../core/segments/abc.js';
import { countWorse } from '../../../core/segments/count-worse.js';
import { rfm } from '../../../core/segments/rfm.js';
import { tallyOrderLines } from '../../../core/segments/tally-order-lines.js';

const AS_OF = 20_000;

/** Random order lines: few customers and invoices so ties and repeats are common. */
const linesArb = fc
  .array(
    fc.record({
      customer: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { nil: undefined }),
      invoiceNo: fc.integer({ min: 1, max: 30 }),
      cancelled: fc.boolean(),
      date: fc.integer({ min: AS_OF - 400, max: AS_OF }),
      amount: fc.integer({ min: -500, max: 5000 }).map((c) => c / 100),
    }),
    { maxLength: 80 },
  )
  .map((rows) =>
    rows.map((r, i): OrderLine => ({
      row: i + 2,
      ...(r.customer === undefined ? {} : { customer: r.customer }),
      invoice: `${r.cancelled ? 'C' : ''}${r.invoiceNo}`,
      date: r.date,
      amount: r.cancelled ? -Math.abs(r.amount) : r.amount,
    })),
  );

const customersArb = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    revenue: fc.integer({ min: -100, max: 10_000 }),
  }),
  { selector: (c) => c.id, maxLength: 60 },
);

describe('segment properties', () => {
  it('abc: every customer gets exactly one class', () => {
    fc.assert(
      fc.property(customersArb, (customers) => {
        const result = abc(customers);
        expect(result.customers.map((c) => c.id).sort()).toEqual(customers.map((c) => c.id).sort());
        for (const c of result.customers) expect(['A', 'B', 'C']).toContain(c.class);
        expect(result.classes.reduce((s, k) => s + k.customers, 0)).toBe(customers.length);
      }),
    );
  });

  it("abc: class A's revenue share is at least the A cut point when the total is positive", () => {
    fc.assert(
      fc.property(
        customersArb,
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (customers, cutA) => {
          const result = abc(customers, { cutPoints: [cutA, Math.min(1, cutA + 0.05)] });
          if (result.positiveTotal <= 0) return;
          const a = result.customers
            .filter((c) => c.class === 'A')
            .reduce((s, c) => s + c.value!, 0);
          expect(a / result.positiveTotal).toBeGreaterThanOrEqual(cutA - 1e-12);
          if (result.total > 0)
            expect(result.classes[0]!.valueShare!).toBeGreaterThanOrEqual(cutA - 1e-12);
        },
      ),
    );
  });

  it('rfm: scores lie in 1–5 and each customer has exactly one segment', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const result = rfm(lines, { asOf: AS_OF });
        const ids = result.customers.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const c of result.customers) {
          for (const s of [c.r, c.f, c.m, c.fm]) {
            expect(Number.isInteger(s) && s >= 1 && s <= 5).toBe(true);
          }
          expect(typeof c.segment).toBe('string');
        }
        expect(result.segments.reduce((s, g) => s + g.customers, 0)).toBe(result.customers.length);
      }),
    );
  });

  it('rfm and abc: reordering input rows changes nothing', () => {
    fc.assert(
      fc.property(
        linesArb.chain((lines) =>
          fc.tuple(
            fc.constant(lines),
            fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }),
          ),
        ),
        ([lines, shuffled]) => {
          const a = rfm(lines, { asOf: AS_OF });
          const b = rfm(shuffled, { asOf: AS_OF });
          // Sums in another order may differ in the last bit; compare to the cent, the rest exactly.
          const strip = (r: typeof a) => ({
            ...r,
            customers: r.customers.map((c) => ({ ...c, monetary: Math.round(c.monetary * 100) })),
            segments: r.segments.map((s) => ({
              ...s,
              monetary: Math.round(s.monetary * 100),
              monetaryShare: null,
              meanMonetary: null,
            })),
            returnsOnly: r.returnsOnly.map((c) => ({
              ...c,
              monetary: Math.round(c.monetary * 100),
            })),
            counts: {
              ...r.counts,
              revenueWithoutCustomer: Math.round(r.counts.revenueWithoutCustomer * 100),
            },
            warnings: [],
          });
          expect(strip(b)).toEqual(strip(a));
          const values = (r: typeof a) =>
            r.customers.map((c) => ({ id: c.id, revenue: Math.round(c.monetary * 100) }));
          expect(abc(values(b))).toEqual(abc(values(a)));
        },
      ),
    );
  });

  it('tallyOrderLines: orders, lines and order days match a Set-based count', () => {
    const withBlanks = fc.array(
      fc.record({
        customer: fc.constantFrom('a', 'b', 'c'),
        invoice: fc.option(fc.constantFrom('1', '2', '3', 'C4', 'C1'), { nil: undefined }),
        date: fc.integer({ min: 0, max: 5 }),
        amount: fc.integer({ min: -3, max: 9 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(withBlanks, (rows) => {
        const lines = rows.map((r, i): OrderLine => ({
          row: i + 2,
          customer: r.customer,
          ...(r.invoice === undefined ? {} : { invoice: r.invoice }),
          date: r.date,
          amount: r.amount,
        }));
        const tally = tallyOrderLines(lines);
        for (const c of [...tally.customers, ...tally.returnsOnly]) {
          // The definition: an order is a distinct non-cancellation invoice, or, without an
          // invoice number, a distinct day of non-return lines.
          const keys = new Set<string>();
          const days: number[] = [];
          for (const l of lines) {
            if (l.customer !== c.id || l.invoice?.startsWith('C')) continue;
            if (l.invoice === undefined && l.amount < 0) continue;
            keys.add(l.invoice ?? `day ${l.date}`);
            days.push(l.date);
          }
          expect(c.orders).toBe(keys.size);
          expect(c.lines).toBe(lines.filter((l) => l.customer === c.id).length);
          expect(c.firstOrder).toBe(days.length > 0 ? Math.min(...days) : undefined);
          expect(c.lastOrder).toBe(days.length > 0 ? Math.max(...days) : undefined);
        }
      }),
    );
  });

  it('countWorse handles −0, infinities and large arrays like the definition', () => {
    const values = [0, -0, Infinity, -Infinity, 1, -1, 0, Infinity];
    for (const better of ['higher', 'lower'] as const) {
      const slow = values.map(
        (v) => values.filter((w) => (better === 'higher' ? w < v : w > v)).length,
      );
      expect(Array.from(countWorse(values, better))).toEqual(slow);
    }
    // 2,000 values in 0…99: worse under 'higher' = how many smaller, counted per value.
    const big = Array.from({ length: 2000 }, (_, i) => (i * 37) % 100);
    const below = new Array<number>(100).fill(20).map((per, v) => per * v);
    expect(Array.from(countWorse(big, 'higher'))).toEqual(big.map((v) => below[v]));
  });

  it('countWorse matches the quadratic definition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }),
        fc.constantFrom('higher' as const, 'lower' as const),
        (values, better) => {
          const fast = Array.from(countWorse(values, better));
          const slow = values.map(
            (v) => values.filter((w) => (better === 'higher' ? w < v : w > v)).length,
          );
          expect(fast).toEqual(slow);
        },
      ),
    );
  });
});
