import { describe, expect, it } from 'vitest';
import { segment, segmentCustomersTable } from '../../../core/index.js';

// Order lines (epoch day 20600 = 2026-05-27): C1 buys 700, C2 200, C3 100.
const LINES = [
  { customer: 'C1', invoice: 'I1', date: 20600, amount: 700, row: 2 },
  { customer: 'C2', invoice: 'I2', date: 20600, amount: 200, row: 3 },
  { customer: 'C3', invoice: 'I3', date: 20600, amount: 100, row: 4 },
];

describe('segmentCustomersTable', () => {
  it('gives each customer its ABC class and shares', () => {
    const abc = segment({ lines: LINES }, { method: 'abc' });
    const rows = segmentCustomersTable(abc).objects();
    // Shares 700/1000 = 0.7, 0.2, 0.1; cumulative 0.7, 0.9, 1.0. Class by the share ranked
    // strictly above (core/segments/abc.ts, cut points 80% / 95%): C1 0 → A, C2 0.7 → A, C3 0.9 → B.
    expect(rows.map((row) => [row.id, row.share, row.cumulativeShare, row.class])).toEqual([
      ['C1', 0.7, 0.7, 'A'],
      ['C2', 0.2, 0.9, 'A'],
      ['C3', 0.1, 1, 'B'],
    ]);
  });

  it('gives each customer its RFM scores and segment, as the result lists them', () => {
    const rfm = segment({ lines: LINES }, { method: 'rfm', asOf: '2026-06-30' });
    const rows = segmentCustomersTable(rfm).objects();
    expect(rows.map((row) => [row.id, row.monetary, row.code, row.segment])).toEqual(
      rfm.result.customers.map((customer) => [
        customer.id,
        customer.monetary,
        customer.code,
        customer.segment,
      ]),
    );
    // Recency: 2026-06-30 − 2026-05-27 = 34 days for everyone.
    expect(rows.every((row) => row.recency === 34)).toBe(true);
  });
});
