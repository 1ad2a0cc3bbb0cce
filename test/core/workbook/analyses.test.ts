import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { forecastFunnel } from '../../../core/funnel/forecast-funnel.js';
import { loadDeals } from '../../../core/workbook/load-deals.js';
import { loadReceivables } from '../../../core/workbook/load-receivables.js';
import { loadSegmentRecords } from '../../../core/workbook/load-segment-records.js';
import { runAbc, runRfm } from '../../../core/workbook/run-segments.js';
import type { SheetGrid } from '../../../core/workbook/sheet-grid.js';

const grid = (sheet: string, rows: CellValue[][]): SheetGrid => ({
  file: 'book.xlsx',
  sheet,
  rows,
  date1904: false,
});
const day = (iso: string) => epochDayFromIso(iso)!;

const DEALS = grid('Deals', [
  ['Deal', 'Stage', 'Amount', 'Close date'],
  ['D1', 'Design', 100, '2026-07-10'],
  ['D2', 'Commit', 200, '2026-07-20'],
  ['D3', 'Compare', 50, '2026-08-05'],
  ['D4', 'Use', 80, ''],
]);
const HISTORY = grid('History', [
  ['Deal', 'Stage', 'Date'],
  ['D1', 'Interest', '2026-01-05'],
  ['D1', 'Design', '2026-03-01'],
]);

describe('loadDeals', () => {
  it('loadDeals picks the first sheet that reads as deals and another sheet of stage changes', () => {
    // Without kinds, a history sheet placed first would itself read as deals (it has a stage
    // column): pipecast forecast's rule. The report passes kinds from planSheets, which tells them apart.
    const loaded = loadDeals([DEALS, HISTORY]);
    expect(loaded?.deals.grid.sheet).toBe('Deals');
    expect(loaded?.deals.table?.toRecords().map((d) => d.id)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(loaded?.history?.grid.sheet).toBe('History');
  });

  it('loadDeals with kinds skips a history sheet placed first', () => {
    const loaded = loadDeals([HISTORY, DEALS], {
      kinds: { History: 'stageChange', Deals: 'deal' },
    });
    expect(loaded?.deals.grid.sheet).toBe('Deals');
    expect(loaded?.history?.grid.sheet).toBe('History');
  });

  it('loadDeals reads only the sheet a choice names as deals, with its column mapping', () => {
    const odd = grid('Odd', [
      ['Ref', 'Phase', 'Value'],
      ['X1', 'Design', 10],
    ]);
    const loaded = loadDeals([DEALS, odd], {
      kinds: { Deals: 'ignore', Odd: 'deal' },
      mappings: { Odd: { id: 'Ref', stage: 'Phase', amount: 'Value' } },
    });
    expect(loaded?.deals.grid.sheet).toBe('Odd');
    expect(loaded?.deals.table?.toRecords()).toEqual([
      { row: 2, id: 'X1', stage: 'Design', amount: 10 },
    ]);
  });

  it('loadDeals gives undefined when no sheet reads as deals', () => {
    expect(loadDeals([HISTORY], { kinds: { History: 'stageChange' } })).toBeUndefined();
    expect(loadDeals([])).toBeUndefined();
  });
});

describe('forecastFunnel monthRanges', () => {
  it("each month's mean equals the forecast's weighted amount of that close month", () => {
    const deals = loadDeals([DEALS])!.deals.table!.toRecords();
    const forecast = forecastFunnel(deals, {
      asOf: day('2026-06-30'),
      template: 'six',
      monthRanges: true,
    });
    const ranges = forecast.monthRanges ?? [];
    expect(ranges.map((r) => r.month)).toEqual(['2026-07', '2026-08']); // D4 has no close date
    for (const r of ranges) {
      const month = forecast.byMonth.find((m) => m.key === r.month);
      expect(r.range.mean).toBeCloseTo(month!.weighted, 9);
      expect(r.range.p10).toBeLessThanOrEqual(r.range.p90);
    }
    // July: Design 100 × 20% + Commit 200 × 50% (DOMAIN.md six-stage rates) = 120
    expect(ranges[0]?.range.mean).toBeCloseTo(120, 9);
  });

  it('are empty for no deals, and left out unless asked for', () => {
    const asOf = day('2026-06-30');
    expect(forecastFunnel([], { asOf, monthRanges: true }).monthRanges).toEqual([]);
    expect(forecastFunnel([], { asOf })).not.toHaveProperty('monthRanges');
  });
});

describe('loadReceivables', () => {
  const invoices = grid('Sheet1', [
    ['Invoice No', 'Customer', 'Invoice Date', 'Due Date', 'Amount'],
    ['I1', 'Acme', '2026-05-01', '2026-05-31', 100],
  ]);
  const payments = grid('Sheet2', [
    ['Payment Date', 'Customer', 'Invoice No', 'Amount'],
    ['2026-06-01', 'Acme', 'I1', 40],
  ]);

  it('loadReceivables tells invoices from payments by their headers', () => {
    const r = loadReceivables([invoices, payments]);
    expect(r.invoiceSheets).toEqual(['Sheet1']);
    expect(r.paymentSheets).toEqual(['Sheet2']);
    expect(r.invoices).toHaveLength(1);
    expect(r.payments).toHaveLength(1);
  });

  it('loadReceivables leaves out sheets a choice names as another kind', () => {
    const r = loadReceivables([invoices, payments], { kinds: { Sheet2: 'orderLine' } });
    expect(r.paymentSheets).toEqual([]);
    expect(r.sheets.map((s) => s.sheet)).toEqual(['Sheet1']);
  });

  it('loadReceivables reports a sheet that fits neither as skipped', () => {
    const r = loadReceivables([grid('Notes', [['hello'], ['world']])]);
    expect(r.invoiceSheets).toEqual([]);
    expect(r.warnings[0]).toMatchObject({ sheet: 'Notes', action: 'sheet skipped' });
  });
});

describe('runAbc and runRfm', () => {
  it('runAbc ranks a customer list by its revenue column when there are no order lines', () => {
    const customers = loadSegmentRecords(
      [
        grid('Customers', [
          ['Customer ID', 'Revenue'],
          ['C1', 800],
          ['C2', 150],
          ['C3', 50],
        ]),
      ],
      'customer',
    ).customers;
    const run = runAbc({ lines: [], customers });
    expect(run.source).toBe('customers');
    expect(run.counts).toBeNull();
    // 800 / 1000 = 80% closes A; 950 / 1000 = 95% closes B (DOMAIN.md cut points 80/95)
    expect(run.result.customers.map((c) => c.class)).toEqual(['A', 'B', 'C']);
  });

  it('runRfm measures recency to the day after the last line when no asOf is given', () => {
    const lines = loadSegmentRecords(
      [
        grid('Orders', [
          ['Invoice No', 'Invoice Date', 'Customer ID', 'Amount'],
          ['A1', '2026-06-01', 'C1', 10],
          ['A2', '2026-06-10', 'C2', 20],
        ]),
      ],
      'orderLine',
    ).lines;
    expect(runRfm(lines).asOf).toBe('2026-06-11');
    expect(runRfm(lines, { asOf: day('2026-06-30') }).asOf).toBe('2026-06-30');
  });
});
