import { describe, expect, it } from 'vitest';
import {
  ageReceivables,
  agingBreakdown,
  errorLine,
  forecast,
  forecastBreakdown,
  PipecastError,
  segment,
  segmentBreakdown,
} from '../../../core/index.js';
import type { CellValue, SheetValues } from '../../../core/index.js';

// Six-stage template rates (core/funnel/stage-templates.ts): Design 20%, Compare 30%, Commit 50%.
function pipeline(header: string[], cells: CellValue[][], mapping?: Record<string, string>) {
  const sheet: SheetValues = { name: 'Pipeline', values: [header, ...cells] };
  const run = forecast([sheet], {
    asOf: '2026-06-30',
    perRow: true,
    ...(mapping === undefined ? {} : { mappings: { Pipeline: mapping } }),
  });
  if (run === null) throw new Error('no deals');
  return run;
}

// Two regions: North = D1 (1000 × 30% = 300) + D3 (500 × 20% = 100); South = D2 (2000 × 50%).
const ROWS: CellValue[][] = [
  ['D1', 'Compare', 1000, 'North', 'Retail'],
  ['D2', 'Commit', 2000, 'South', 'Energy'],
  ['D3', 'Design', 500, 'North', 'Retail'],
];
const BY_REGION = [
  { key: 'South', count: 1, amount: 2000, weighted: 1000 },
  { key: 'North', count: 2, amount: 1500, weighted: 400 },
];

describe('forecastBreakdown by a header in the other language', () => {
  it('finds an English header by its Chinese name, and a Chinese one by its English name', () => {
    const en = pipeline(['Deal', 'Stage', 'Amount', 'Region', 'Industry'], ROWS);
    expect(forecastBreakdown(en, '区域')).toMatchObject({ by: '区域', column: 'Region' });
    expect(forecastBreakdown(en, '区域').rows).toEqual(BY_REGION);
    const zh = pipeline(['商机', '阶段', '金额', '区域', '行业'], ROWS);
    expect(forecastBreakdown(zh, 'Region')).toMatchObject({ column: '区域', rows: BY_REGION });
    // Another word for the field also names it: "territory" is a deal region's alias.
    expect(forecastBreakdown(zh, 'Territory').column).toBe('区域');
  });

  it('finds a column of a field deals lack (industry) through the customer list’s words', () => {
    // Retail = D1 + D3: 1500, weighted 400; Energy = D2: 2000, weighted 1000.
    const en = pipeline(['Deal', 'Stage', 'Amount', 'Region', 'Industry'], ROWS);
    expect(forecastBreakdown(en, '行业')).toMatchObject({
      column: 'Industry',
      rows: [
        { key: 'Energy', count: 1, amount: 2000, weighted: 1000 },
        { key: 'Retail', count: 2, amount: 1500, weighted: 400 },
      ],
    });
    const zh = pipeline(['商机', '阶段', '金额', '区域', '行业'], ROWS);
    expect(forecastBreakdown(zh, 'industry').column).toBe('行业');
  });

  it('keeps a header that matches as typed before any alias', () => {
    // Both headers are region aliases; each name finds its own column.
    const both = pipeline(['Deal', 'Stage', 'Amount', 'Region', '区域'], ROWS);
    expect(forecastBreakdown(both, 'Region').column).toBe('Region');
    expect(forecastBreakdown(both, '区域').column).toBe('区域');
  });

  it('takes the column the core read as the field when several are headed by its aliases', () => {
    // "Region" is region's first alias, "Territory" its second: the core reads Region.
    const rows = ROWS.map((row) => [...row.slice(0, 4), 'T1']);
    const run = pipeline(['Deal', 'Stage', 'Amount', 'Region', 'Territory'], rows);
    expect(forecastBreakdown(run, '地区').column).toBe('Region');
    // With a mapping the core reads another column as the region: that one is meant.
    const mapped = pipeline(['Deal', 'Stage', 'Amount', 'Zone', 'Territory'], rows, {
      region: 'Zone',
    });
    expect(forecastBreakdown(mapped, '区域')).toMatchObject({ column: 'Zone', rows: BY_REGION });
  });

  it('refuses a word that could mean several columns the core read none of, listing them', () => {
    // Deals have no industry field: "Sector" and "Industry" are both its aliases, neither read.
    const run = pipeline(['Deal', 'Stage', 'Amount', 'Sector', 'Industry'], ROWS);
    let error: unknown;
    try {
      forecastBreakdown(run, '行业');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PipecastError);
    expect((error as PipecastError).code).toBe('invalid-option');
    expect((error as PipecastError).message).toBe(
      'no column is headed "行业", and it could mean any of Sector, Industry: name one by its header or column letter',
    );
    expect(errorLine(error as PipecastError, 'zh')).toBe(
      'workbook，工作表 Pipeline：没有名为“行业”的列，它可能指以下任一列：Sector, Industry；请用列名或列字母指定其中一列',
    );
  });

  it('still refuses a word no header and no alias of a column’s field matches', () => {
    // Deals' region aliases do not include "country" (order lines' and customers' do), so a
    // deal sheet's Region is not its country.
    const run = pipeline(['Deal', 'Stage', 'Amount', 'Region', 'Industry'], ROWS);
    expect(() => forecastBreakdown(run, 'Country')).toThrow(
      'workbook, sheet Pipeline: no column "Country" to break down by (columns: Deal, Stage, Amount, Region, Industry)',
    );
    expect(() => forecastBreakdown(run, 'Colour')).toThrow(/no column "Colour"/);
  });
});

describe('a breakdown’s column: the header as typed, and its index', () => {
  it('names a column by its header even where the per-row table names it apart', () => {
    // forecastDealsTable has its own stage and amount columns, so it calls these "Stage (B)"
    // and "Amount (C)"; a breakdown's title has no table of its own to tell them from.
    const run = pipeline(['Deal', 'Stage', 'Amount', 'Region', ''], ROWS);
    expect(forecastBreakdown(run, 'Stage')).toMatchObject({ column: 'Stage', columnIndex: 1 });
    expect(forecastBreakdown(run, 'C')).toMatchObject({ column: 'Amount', columnIndex: 2 });
    // A blank header: the letter.
    expect(forecastBreakdown(run, 'E')).toMatchObject({ column: 'E', columnIndex: 4 });
  });

  it('tells two columns headed alike apart by their index, not their name', () => {
    const run = pipeline(['Deal', 'Stage', 'Amount', 'Region', 'Region'], ROWS);
    const first = forecastBreakdown(run, 'Region');
    const second = forecastBreakdown(run, 'E');
    expect([first.column, first.columnIndex]).toEqual(['Region', 3]);
    expect([second.column, second.columnIndex]).toEqual(['Region', 4]);
    // Column E holds the industries: Retail = D1 + D3 (300 + 100), Energy = D2 (1000).
    expect(second.rows.map((row) => [row.key, row.weighted])).toEqual([
      ['Energy', 1000],
      ['Retail', 400],
    ]);
  });

  it('names an aging’s and a segmentation’s column by its header', () => {
    const ledger: SheetValues = {
      name: 'Invoices',
      values: [
        ['Invoice', 'Customer', 'Owner', 'Invoice date', 'Amount'],
        ['A', 'C1', 'Li', '2026-06-01', 250.5],
      ],
    };
    const aging = ageReceivables([ledger], { asOf: '2026-06-30', perRow: true });
    // agingInvoicesTable has its own owner column, and calls this one "Owner (C)".
    expect(agingBreakdown(aging, 'Owner')).toMatchObject({ column: 'Owner', columnIndex: 2 });
    const lines: SheetValues = {
      name: 'Lines',
      values: [
        ['Customer', 'Invoice', 'Date', 'Amount', 'Segment'],
        ['C1', 'I1', '2026-05-27', 700, 'SMB'],
      ],
    };
    const rfm = segment([lines], { method: 'rfm', asOf: '2026-06-30', perRow: true });
    // RFM's own segment column makes the per-row table's "Segment (E)".
    expect(segmentBreakdown(rfm, 'Segment')).toMatchObject({ column: 'Segment' });
  });
});

describe('agingBreakdown and segmentBreakdown by a header in the other language', () => {
  it('finds an invoice sheet’s 负责人 column by "Owner"', () => {
    const ledger: SheetValues = {
      name: 'Invoices',
      values: [
        ['Invoice', 'Customer', 'Invoice date', 'Amount', '负责人'],
        ['A', 'C1', '2026-06-01', 250.5, '李'],
        ['B', 'C2', '2026-06-15', 100, '王'],
        ['C', 'C3', '2026-06-20', 80, '李'],
      ],
    };
    const run = ageReceivables([ledger], { asOf: '2026-06-30', perRow: true });
    const breakdown = agingBreakdown(run, 'Owner');
    // 李: A 250.5 + C 80 = 330.5 in 2 items; 王: B 100.
    expect(breakdown.column).toBe('负责人');
    expect(breakdown.rows.map((row) => [row.key, row.count, row.open])).toEqual([
      ['李', 2, 330.5],
      ['王', 1, 100],
    ]);
  });

  it('finds a customer list’s 行业 column by "Industry"', () => {
    // Our revenue = potential × share (portfolio): A1 1000 × 20% = 200, A2 500 × 80% = 400,
    // A3 300 × 50% = 150; Energy = A1 + A3 = 350, Retail = A2 = 400.
    const list: SheetValues = {
      name: 'Accounts',
      values: [
        ['客户编号', '采购潜力', '客户份额', '行业'],
        ['A1', 1000, '20%', 'Energy'],
        ['A2', 500, '80%', 'Retail'],
        ['A3', 300, '50%', 'Energy'],
      ],
    };
    const breakdown = segmentBreakdown(
      segment([list], { method: 'portfolio', perRow: true }),
      'Industry',
    );
    expect(breakdown.column).toBe('行业');
    expect(breakdown.rows.map((row) => [row.key, row.count, row.revenue])).toEqual([
      ['Retail', 1, 400],
      ['Energy', 2, 350],
    ]);
  });
});
