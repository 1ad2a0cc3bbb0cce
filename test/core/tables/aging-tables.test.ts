import { describe, expect, it } from 'vitest';
import {
  ageReceivables,
  agingBreakdown,
  agingBreakdowns,
  agingInvoicesTable,
  PipecastError,
} from '../../../core/index.js';
import type { AgingBreakdown, AgingRun, SheetValues } from '../../../core/index.js';

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

/** Each breakdown's rows summed in cents: items, open, credits and what is owed per bucket. */
function totalsOf(breakdown: AgingBreakdown): Record<string, number> {
  const cents = (pick: (row: AgingBreakdown['rows'][number]) => number): number =>
    breakdown.rows.reduce((sum, row) => sum + Math.round(pick(row) * 100), 0) / 100;
  const labels = Object.keys(breakdown.rows[0]?.buckets ?? {});
  return {
    items: breakdown.rows.reduce((sum, row) => sum + row.count, 0),
    open: cents((row) => row.open),
    credits: cents((row) => row.credits),
    ...Object.fromEntries(labels.map((label) => [label, cents((row) => row.buckets[label] ?? 0)])),
  };
}

/** The same figures from the aging's own section: its totals and each bucket's owed amount. */
function sectionTotalsOf(run: AgingRun, section: number): Record<string, number> {
  const s = run.result?.sections[section];
  return {
    items: s?.totals.openItems ?? NaN,
    open: s?.totals.open ?? NaN,
    credits: s?.totals.credit ?? NaN,
    ...Object.fromEntries((s?.buckets ?? []).map((bucket) => [bucket.label, bucket.owed])),
  };
}

describe('agingBreakdown credits', () => {
  // SHEET plus D, a credit note of Li's dated 2026-04-10, due 2026-05-10: 51 days past due, in
  // the 31–60 range, where C (blank rep) owes 40.
  const withCredit: SheetValues = {
    name: 'Invoices',
    values: [...SHEET.values, ['D', 'C1', '2026-04-10', '2026-05-10', -30, 'Li']],
  };

  it('keeps credits out of the buckets, in their own measure; open = buckets + credits', () => {
    const agingRun = ageReceivables([withCredit], { asOf: '2026-06-30', perRow: true });
    // Li = A, B, D: open 100 + 250.5 − 30 = 320.5; owed Current 100, 1–30 250.5, 31–60 0 (D's −30
    // is not netted into it); credits −30. Blank = C: 40 owed in 31–60, no credits.
    expect(agingBreakdown(agingRun, '销售 Rep').rows).toEqual([
      {
        key: 'Li',
        count: 3,
        open: 320.5,
        buckets: { Current: 100, '1–30': 250.5, '31–60': 0, '61–90': 0, '91–180': 0, '181+': 0 },
        credits: -30,
      },
      {
        key: null,
        count: 1,
        open: 40,
        buckets: { Current: 0, '1–30': 0, '31–60': 40, '61–90': 0, '91–180': 0, '181+': 0 },
        credits: 0,
      },
    ]);
  });

  it("adds up to the aging's own totals: owed per bucket, credits, open and items", () => {
    const agingRun = ageReceivables([withCredit], { asOf: '2026-06-30', perRow: true });
    // Owed: Current 100, 1–30 250.5, 31–60 40; credits −30; open 360.5 in 4 items.
    expect(totalsOf(agingBreakdown(agingRun, 'F'))).toEqual(sectionTotalsOf(agingRun, 0));
    expect(sectionTotalsOf(agingRun, 0)).toMatchObject({ '31–60': 40, credits: -30, open: 360.5 });
  });
});

describe('agingBreakdowns', () => {
  // As SHEET with a currency: A and C in CNY, B in USD, and a CNY credit note D of −30.
  const LEDGER: SheetValues = {
    name: 'Invoices',
    values: [
      ['Invoice', 'Customer', 'Invoice date', 'Due date', 'Amount', 'Currency', 'Rep'],
      ['A', 'C1', '2026-06-15', '2026-07-15', 100, 'CNY', 'Li'],
      ['B', 'C2', '2026-05-11', '2026-06-10', 250.5, 'USD', 'Li'],
      ['C', 'C3', '2026-04-01', '2026-05-01', 40, 'CNY', 'Wang'],
      ['D', 'C1', '2026-04-10', '2026-05-10', -30, 'CNY', 'Wang'],
    ],
  };

  it('gives one breakdown per currency, each adding up to its own section', () => {
    const agingRun = ageReceivables([LEDGER], { asOf: '2026-06-30', perRow: true });
    const breakdowns = agingBreakdowns(agingRun, 'Rep');
    expect(breakdowns.map((b) => b.currency)).toEqual(['CNY', 'USD']);
    // CNY: Li = A 100 (Current); Wang = C 40 (31–60) and D −30 (credit): open 10.
    expect(
      breakdowns[0]?.rows.map(({ key, count, open, credits }) => [key, count, open, credits]),
    ).toEqual([
      ['Li', 1, 100, 0],
      ['Wang', 2, 10, -30],
    ]);
    // USD: Li = B 250.5 (1–30); never added to the CNY figures.
    expect(breakdowns[1]?.rows.map(({ key, open }) => [key, open])).toEqual([['Li', 250.5]]);
    breakdowns.forEach((breakdown, s) =>
      expect(totalsOf(breakdown)).toEqual(sectionTotalsOf(agingRun, s)),
    );
  });

  it('gives one breakdown in the base currency when rates convert the ledger', () => {
    const agingRun = ageReceivables([LEDGER], {
      asOf: '2026-06-30',
      perRow: true,
      baseCurrency: 'CNY',
      rates: { USD: 7 },
    });
    const breakdowns = agingBreakdowns(agingRun, 'Rep');
    expect(breakdowns.map((b) => b.currency)).toEqual(['CNY']);
    // Li = A 100 + B 250.5 × 7 = 1,853.5.
    expect(breakdowns[0]?.rows[0]).toMatchObject({ key: 'Li', open: 1853.5 });
    expect(totalsOf(breakdowns[0] as AgingBreakdown)).toEqual(sectionTotalsOf(agingRun, 0));
  });

  it('is empty when nothing was aged; agingBreakdown then gives no rows', () => {
    const agingRun = ageReceivables([LEDGER], { asOf: '2020-01-01', perRow: true });
    expect(agingBreakdowns(agingRun, 'Rep')).toEqual([]);
    expect(agingBreakdown(agingRun, 'Rep')).toEqual({
      by: 'Rep',
      column: 'Rep',
      // Rep is column G.
      columnIndex: 6,
      currency: null,
      rows: [],
    });
  });

  it('leaves agingBreakdown to one currency: several are refused, naming agingBreakdowns', () => {
    const agingRun = ageReceivables([LEDGER], { asOf: '2026-06-30', perRow: true });
    expect(() => agingBreakdown(agingRun, 'Rep')).toThrow(PipecastError);
    expect(() => agingBreakdown(agingRun, 'Rep')).toThrow(
      /2 currencies \(CNY, USD\).*agingBreakdowns/,
    );
  });
});
