import { describe, expect, it } from 'vitest';
import { ageReceivables, agingBreakdown, agingInvoicesTable } from '../../../core/index.js';
import type { SheetValues } from '../../../core/index.js';

// As of 2026-06-30: A is not yet due (Current); B is 20 days past due (1–30); C is 60 (31–60).
const SHEET: SheetValues = {
  name: 'Invoices',
  values: [
    ['Invoice', 'Customer', 'Invoice date', 'Due date', 'Amount', '销售 Rep'],
    ['A', 'C1', '2026-06-15', '2026-07-15', 100, 'Li'],
    ['B', 'C2', '2026-05-11', '2026-06-10', 250.5, 'ＬＩ '],
    ['C', 'C3', '2026-04-01', '2026-05-01', 40, ''],
  ],
};

const run = () => ageReceivables([SHEET], { asOf: '2026-06-30', perRow: true });

describe('agingInvoicesTable', () => {
  it('gives each open invoice its open amount, days past due and bucket, and the sheet’s columns', () => {
    const lines = agingInvoicesTable(run()).objects() as Record<string, unknown>[];
    expect(lines.map((line) => [line.invoice, line.open, line.daysPastDue, line.bucket])).toEqual([
      ['A', 100, -15, 'Current'],
      ['B', 250.5, 20, '1–30'],
      ['C', 40, 60, '31–60'],
    ]);
    expect(lines[1]).toMatchObject({ '销售 Rep': 'ＬＩ ', 'Invoice (A)': 'B' });
  });
});

describe('agingBreakdown', () => {
  it('groups open balances and buckets by any column; totals reconcile', () => {
    const agingRun = run();
    const breakdown = agingBreakdown(agingRun, '销售rep');
    // Li = A + B (ＬＩ folds to li): 100 + 250.5 = 350.5; blank = C: 40.
    expect(breakdown.rows.map(({ key, count, open }) => ({ key, count, open }))).toEqual([
      { key: 'Li', count: 2, open: 350.5 },
      { key: null, count: 1, open: 40 },
    ]);
    expect(breakdown.rows[0]?.buckets).toMatchObject({ Current: 100, '1–30': 250.5, '31–60': 0 });
    expect(breakdown.rows[1]?.buckets).toMatchObject({ Current: 0, '31–60': 40 });
    expect(breakdown.rows.reduce((sum, row) => sum + row.open * 100, 0) / 100).toBe(
      agingRun.report?.totals?.open,
    );
  });
});
