import { describe, expect, it } from 'vitest';
import { segment, segmentBreakdown, segmentCustomersTable } from '../../../core/index.js';

// Order lines (epoch day 20600 = 2026-05-27): C1 buys 700, C2 200, C3 100.
const LINES = [
  { customer: 'C1', invoice: 'I1', date: 20600, amount: 700, row: 2 },
  { customer: 'C2', invoice: 'I2', date: 20600, amount: 200, row: 3 },
  { customer: 'C3', invoice: 'I3', date: 20600, amount: 100, row: 4 },
];

describe('segmentCustomersTable', () => {
  it('gives each customer its ABC class and shares', () => {
    const abc = segment({ lines: LINES }, { method: 'abc' });
    const rows = segmentCustomersTable(abc).objects() as Record<string, unknown>[];
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
    const rows = segmentCustomersTable(rfm).objects() as Record<string, unknown>[];
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

describe('segmentBreakdown', () => {
  it('counts customers and revenue per value of a line column, with customers per class', () => {
    // Lines sheet: C1 700 + 100 (Beijing), C2 200 (beijing, same key after case folding),
    // C3 100 (blank city). ABC on revenue 800, 200, 100 of 1,100: shares above C1 0 → A,
    // C2 800/1100 = 0.727 → A, C3 1000/1100 = 0.909 → B (cut points 80% / 95%).
    const sheets = [
      {
        name: 'Lines',
        values: [
          ['Customer', 'Invoice', 'Date', 'Amount', 'City 城市'],
          ['C1', 'I1', '2026-05-27', 700, 'Beijing'],
          ['C2', 'I2', '2026-05-27', 200, 'beijing'],
          ['C3', 'I3', '2026-05-27', 100, ''],
          ['C1', 'I4', '2026-05-28', 100, 'Shanghai'],
        ],
      },
    ];
    const abc = segment(sheets, { method: 'abc', perRow: true });
    const breakdown = segmentBreakdown(abc, 'CITY 城市');
    // C1 counts under its first row's city, Beijing: 800 + 200 = 1,000 for two customers.
    expect(breakdown.rows).toEqual([
      { key: 'Beijing', count: 2, revenue: 1000, classes: { A: 2, B: 0 } },
      { key: null, count: 1, revenue: 100, classes: { A: 0, B: 1 } },
    ]);
    expect(breakdown.rows.reduce((sum, row) => sum + row.revenue, 0)).toBe(abc.result.total);
  });
});
