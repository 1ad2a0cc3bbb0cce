import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { analyzeWorkbook } from '../../../core/workbook/analyze-workbook.js';
import { forecast } from '../../../core/workbook/forecast.js';
import { forecastBreakdown } from '../../../core/tables/forecast-breakdown.js';
import {
  AMOUNT_BASIS_HEADER,
  joinDealTables,
  LIST_PRICE_BASIS,
} from '../../../core/workbook/join-deal-tables.js';
import type { SheetGrid } from '../../../core/workbook/sheet-grid.js';

const grid = (sheet: string, rows: CellValue[][]): SheetGrid => ({
  file: `${sheet}.csv`,
  sheet,
  rows,
  date1904: false,
});

// A small CRM export in the Maven layout: one table per file, joined by shared headers.
const DEAL_ROWS: CellValue[][] = [
  [
    'opportunity_id',
    'sales_agent',
    'product',
    'account',
    'deal_stage',
    'close_date',
    'close_value',
  ],
  ['D1', 'Ann', 'Widget Pro', 'Acme', 'Won', '2026-05-01', '1000'],
  // 'WidgetPro' is how the pipeline spells 'Widget Pro' (as GTXPro / GTX Pro in the Maven data).
  ['D2', 'Ann', 'WidgetPro', 'Acme', 'Engaging', '', ''],
  ['D3', 'Bob', 'Widget Basic', 'Zeta', 'Prospecting', '', '50'],
  ['D4', 'Bob', 'Widget Basic', '', 'Lost', '2026-05-20', ''],
  ['D5', 'Cy', 'Widget Basic', 'Nope', 'Engaging', '', ''],
];
const deals = (): SheetGrid =>
  grid(
    'sales_pipeline',
    DEAL_ROWS.map((row) => [...row]),
  );
const TEAMS = grid('sales_teams', [
  ['sales_agent', 'manager', 'regional_office'],
  ['Ann', 'Mia', 'East'],
  ['Bob', 'Mia', 'East'],
  ['Cy', 'Lou', 'West'],
]);
const PRODUCTS = grid('products', [
  ['product', 'series', 'sales_price'],
  ['Widget Pro', 'W', '200'],
  ['Widget Basic', 'W', '100'],
]);
const ACCOUNTS = grid('accounts', [
  ['account', 'sector', 'revenue'],
  ['Acme', 'retail', '5000'],
  ['Zeta', 'tech', '100'],
]);

const columnOf = (rows: CellValue[][], header: string): CellValue[] => {
  const index = rows[0]!.indexOf(header);
  return rows.slice(1).map((row) => row[index] ?? null);
};

describe('joinDealTables', () => {
  it('joinDealTables gives each deal its team, account and product columns by the shared headers', () => {
    const joined = joinDealTables([deals(), TEAMS, PRODUCTS, ACCOUNTS]);
    expect(joined.dealSheet).toBe('sales_pipeline');
    // D1–D5 all name a listed rep and product; accounts: D1, D2 (Acme), D3 (Zeta) found,
    // D5 ('Nope') not, D4 blank (neither).
    expect(joined.joins).toEqual([
      {
        sheet: 'sales_teams',
        key: 'sales_agent',
        columns: ['manager', 'regional_office'],
        matched: 5,
        unmatched: 0,
      },
      {
        sheet: 'products',
        key: 'product',
        columns: ['series', 'sales_price'],
        matched: 5,
        unmatched: 0,
      },
      {
        sheet: 'accounts',
        key: 'account',
        // "revenue" would be read as the deal amount: it is named after its sheet instead.
        columns: ['sector', 'accounts › revenue'],
        matched: 3,
        unmatched: 1,
      },
    ]);
    const rows = joined.sheets[0]!.rows;
    expect(columnOf(rows, 'manager')).toEqual(['Mia', 'Mia', 'Mia', 'Mia', 'Lou']);
    expect(columnOf(rows, 'regional_office')).toEqual(['East', 'East', 'East', 'East', 'West']);
    expect(columnOf(rows, 'sector')).toEqual(['retail', 'retail', 'tech', null, null]);
    // The team's columns come first, then the account's; series has one value only.
    expect(joined.rollups).toEqual(['manager', 'regional_office', 'sector']);
  });

  it('joinDealTables values open deals without an amount at their product list price, labelled', () => {
    const joined = joinDealTables([deals(), TEAMS, PRODUCTS, ACCOUNTS]);
    const rows = joined.sheets[0]!.rows;
    // D2 (open, blank) → Widget Pro 200; D5 (open, blank) → Widget Basic 100; D3 has its own 50;
    // D4 is lost, so its blank amount stays blank.
    expect(columnOf(rows, 'close_value')).toEqual(['1000', '200', '50', '', '100']);
    expect(columnOf(rows, AMOUNT_BASIS_HEADER)).toEqual([
      null,
      LIST_PRICE_BASIS,
      null,
      null,
      LIST_PRICE_BASIS,
    ]);
    expect(joined.valuedAtListPrice).toBe(2);
    const messages = joined.warnings.map((warning) => warning.message);
    expect(messages).toContain(
      "2 open deals have no close_value: valued at their product's list price (products, sales_price), marked 'list price' in Amount basis",
    );
    expect(messages).toContain(
      "product 'WidgetPro' matched 'Widget Pro' of products (case, spaces and punctuation ignored)",
    );
    expect(messages).toContain(
      'account of 1 deals not found in accounts; their accounts columns are left blank',
    );
  });

  it('joinDealTables leaves the input sheets as they were', () => {
    const input = deals();
    joinDealTables([input, TEAMS, PRODUCTS]);
    expect(input.rows).toEqual(DEAL_ROWS);
  });

  it('joinDealTables joins nothing without a deals sheet, for one sheet, or for keys that do not fit', () => {
    expect(joinDealTables([]).joins).toEqual([]);
    expect(joinDealTables([deals()]).joins).toEqual([]);
    expect(joinDealTables([TEAMS, PRODUCTS]).dealSheet).toBeNull();
    // A rep listed twice is no key.
    const twice = grid('teams', [
      ['sales_agent', 'manager'],
      ['Ann', 'Mia'],
      ['Ann', 'Lou'],
    ]);
    expect(joinDealTables([deals(), twice]).joins).toEqual([]);
    // Only one of five reps found: fewer than half, so not this table's key.
    const other = grid('teams', [
      ['sales_agent', 'manager'],
      ['Cy', 'Lou'],
      ['Zed', 'Mia'],
    ]);
    expect(joinDealTables([deals(), other]).joins).toEqual([]);
  });

  it('analyzeWorkbook rolls the joined forecast up by manager and regional office', () => {
    const result = analyzeWorkbook(
      [deals(), TEAMS, PRODUCTS, ACCOUNTS].map((sheet) => ({
        name: sheet.sheet,
        values: sheet.rows,
      })),
      { asOf: '2026-06-30' },
    );
    const run = result.forecast!;
    // Open deals: D2 200 (list price), D3 50, D5 100 (list price) = 350.
    expect(run.result.totals.amount).toBe(350);
    expect(run.joined!.valuedAtListPrice).toBe(2);
    const byManager = run.joined!.breakdowns.find((b) => b.column === 'manager')!;
    // Mia: D2 + D3 = 250 in 2 deals; Lou: D5 = 100.
    expect(byManager.rows.map((row) => [row.key, row.count, row.amount])).toEqual([
      ['Mia', 2, 250],
      ['Lou', 1, 100],
    ]);
    const byOffice = run.joined!.breakdowns.find((b) => b.column === 'regional_office')!;
    expect(byOffice.rows.map((row) => [row.key, row.amount])).toEqual([
      ['East', 250],
      ['West', 100],
    ]);
    expect(run.sheets).toEqual(['sales_pipeline', 'sales_teams', 'products', 'accounts']);
  });

  it('forecast from sheets joins the lookups, so a breakdown by manager works', () => {
    const run = forecast(
      [deals(), TEAMS, PRODUCTS].map((sheet) => ({ name: sheet.sheet, values: sheet.rows })),
      { asOf: '2026-06-30', perRow: true },
    )!;
    expect(run.result.totals.amount).toBe(350);
    expect(forecastBreakdown(run, 'manager').rows.map((row) => row.amount)).toEqual([250, 100]);
  });
});
