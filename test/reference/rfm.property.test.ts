/*
 * segment's RFM (the fast core, through the public entry) against referenceRfm (plain loops
 * written from DOMAIN.md §2 and "Exact definitions") on random order lines: every customer's
 * figures, scores and segment, the returns-only list, the segment summary and the grid compared
 * whole.
 *
 * Checked to fail (each mutation made by hand, the test run at the default 300 runs, restored)
 * when: ties are broken, a tie counting as worse (count-worse, `<=`); FM rounds half down
 * (rfm-segment); cancellations count as orders (tally-order-lines); the grid's R5 FM1 cell is
 * Promising instead of New (rfm-segment); revenue is summed in floating point again
 * (tally-order-lines: 0.1 + 0.7 scores below 0.8); and, in the reference, recency ties are broken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../core/columns/records.js';
import { segment } from '../../core/index.js';
import type { RfmResult } from '../../core/index.js';
import type { ReferenceRfmResult } from './reference-rfm.js';
import { referenceRfm } from './reference-rfm.js';

const AS_OF = 20_000;

/**
 * Money: whole cents, decimals whose binary sums differ from their decimal sums (0.1 + 0.7 is
 * below 0.8 in binary), and half cents (1.005, −2.675: 101 and −268 cents by the money rule).
 */
const arbAmount = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -2_000, max: 50_000 }).map((c) => c / 100) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0.1, 0.2, 0.3, 0.7, 0.8, 1.1, 2.2, 3.3, -0.1, -0.7, 1.005, -2.675),
  },
  { weight: 1, arbitrary: fc.constantFrom(0, 100, 250) },
);

/**
 * Order lines of a few customers over a few invoices and days, so that ties in every metric are
 * common: cancellations ("C…", "c…"), returns (negative quantity or amount), lines without an
 * invoice number or a customer, and lines after as-of.
 */
const arbLines = fc
  .array(
    fc.record({
      customer: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'B', '客户甲') },
        { weight: 1, arbitrary: fc.constantFrom(undefined, '') },
      ),
      invoice: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }).map(String) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 12 }).map((n) => `C${n}`) },
        { weight: 1, arbitrary: fc.constantFrom('c3', 'CA1', undefined) },
      ),
      daysBefore: fc.oneof(
        fc.constantFrom(0, 1, 7, 30, 90, 365),
        fc.integer({ min: -20, max: 400 }),
      ),
      quantity: fc.option(fc.integer({ min: -3, max: 12 }), { nil: undefined }),
      amount: arbAmount,
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map((line, k): OrderLine => ({
      row: k + 2,
      ...(line.customer === undefined ? {} : { customer: line.customer }),
      ...(line.invoice === undefined ? {} : { invoice: line.invoice }),
      date: AS_OF - line.daysBefore,
      ...(line.quantity === undefined ? {} : { quantity: line.quantity }),
      amount: line.amount,
    })),
  );

/**
 * A ratio (DSO, share, mean) of the reference as the expected value: the core divides in another
 * order, so the last bits may differ; equal to 9 decimals.
 */
function near(value: number | null): number | null {
  return value === null ? null : (expect.closeTo(value, 9) as number);
}

/** The core's result in the reference's shape, segments named as DOMAIN.md names them. */
function coreView(result: RfmResult): ReferenceRfmResult {
  const nameOf = new Map(result.segments.map((s) => [s.segment, s.name]));
  return {
    customers: result.customers.map((c) => ({
      id: c.id,
      recency: c.recency,
      frequency: c.frequency,
      monetary: c.monetary,
      r: c.r,
      f: c.f,
      m: c.m,
      fm: c.fm,
      code: c.code,
      segment: c.segmentName,
      lastOrder: c.lastOrder,
    })),
    returnsOnly: result.returnsOnly,
    segments: result.segments.map(({ segment: _key, name, nameZh: _nameZh, ...figures }) => ({
      segment: name,
      ...figures,
    })),
    grid: result.grid.map((cell) => ({
      r: cell.r,
      fm: cell.fm,
      segment: nameOf.get(cell.segment) as string,
      customers: cell.customers,
    })),
  };
}

function referenceView(result: ReferenceRfmResult): ReferenceRfmResult {
  return {
    ...result,
    segments: result.segments.map((s) => ({
      ...s,
      customerShare: near(s.customerShare) as number,
      monetaryShare: near(s.monetaryShare),
      meanRecency: near(s.meanRecency),
      meanFrequency: near(s.meanFrequency),
      meanMonetary: near(s.meanMonetary),
    })),
  };
}

describe('referenceRfm', () => {
  it('scores the worked example of rfm by hand', () => {
    // n = 2. Recency 1 vs 30 days: a has 1 worse → 1 + floor(5/2) = 3, b 0 worse → 1. Frequency
    // 1 each: no one worse, both 1. Monetary 900 vs 100: a 3, b 1. FM a = (1 + 3)/2 = 2, b = 1.
    // Grid: a R3 FM2 About to sleep; b R1 FM1 Lost.
    const result = referenceRfm(
      [
        { row: 2, customer: 'a', invoice: '1', date: AS_OF - 1, amount: 900 },
        { row: 3, customer: 'b', invoice: '2', date: AS_OF - 30, amount: 100 },
      ],
      AS_OF,
    );
    expect(result.customers.map((c) => [c.id, c.r, c.f, c.m, c.fm, c.segment])).toEqual([
      ['a', 3, 1, 3, 2, 'About to sleep'],
      ['b', 1, 1, 1, 1, 'Lost'],
    ]);
  });

  it('keeps ties together and lists customers with only returns apart', () => {
    // Monetary 0.1 + 0.7 = 0.80 for a and 0.80 for b: a tie, so the same M (1 + floor(5 × 0/3)
    // = 1), and c (5.00) has 2 worse: 1 + floor(10/3) = 4. d has only a cancellation: not scored.
    const result = referenceRfm(
      [
        { row: 2, customer: 'a', invoice: '1', date: AS_OF, amount: 0.1 },
        { row: 3, customer: 'a', invoice: '1', date: AS_OF, amount: 0.7 },
        { row: 4, customer: 'b', invoice: '2', date: AS_OF, amount: 0.8 },
        { row: 5, customer: 'c', invoice: '3', date: AS_OF, amount: 5 },
        { row: 6, customer: 'd', invoice: 'C4', date: AS_OF, amount: -2 },
      ],
      AS_OF,
    );
    expect(result.customers.map((c) => [c.id, c.monetary, c.m])).toEqual([
      ['a', 0.8, 1],
      ['b', 0.8, 1],
      ['c', 5, 4],
    ]);
    expect(result.returnsOnly).toEqual([{ id: 'd', monetary: -2, lines: 1 }]);
  });
});

describe('rfm against referenceRfm', () => {
  it('gives the whole result of the plain reference on random order lines (property)', () => {
    fc.assert(
      fc.property(arbLines, (lines) => {
        const core = segment({ lines }, { method: 'rfm', asOf: AS_OF }).result;
        expect(coreView(core)).toEqual(referenceView(referenceRfm(lines, AS_OF)));
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});
