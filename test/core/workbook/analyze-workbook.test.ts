import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/index.js';
import { analyzeWorkbook, epochDayFromIso, SKIP_REASONS } from '../../../core/index.js';

// Excel 1900-system serials: 2026-06-30 is 46203 (epoch day 20634 + 25569), 2026-07-10 is 46213.
const DEALS: CellValue[][] = [
  ['Pipeline export', '', '', ''],
  ['', '', '', ''],
  ['Deal', 'Stage', 'Amount', 'Close date'],
  ['D1', 'Design', 100, 46213],
  ['D2', 'Commit', 200, 46213],
  ['D3', 'Compare', '#N/A', 46213],
];
const ORDERS: CellValue[][] = [
  ['Customer', 'Invoice', 'Invoice date', 'Amount'],
  ['C1', 'I1', 46190, 800],
  ['C2', 'I2', 46195, 200],
];

describe('analyzeWorkbook', () => {
  it('plans the sheets and runs what they allow, from Range.values as Excel gives them', () => {
    const result = analyzeWorkbook(
      [
        { name: 'Deals', values: DEALS },
        { name: 'Orders', values: ORDERS },
      ],
      { asOf: '2026-06-30', file: 'book.xlsx' },
    );
    expect(result.plan.sheets).toEqual([
      { sheet: 'Deals', kind: 'deal', source: 'headers', headerRow: 3 },
      { sheet: 'Orders', kind: 'orderLine', source: 'headers', headerRow: 1 },
    ]);
    // Six-stage rates (DOMAIN.md): Design 100 × 20% + Commit 200 × 50% = 120; D3's amount is #N/A.
    expect(result.forecast?.result.totals.weighted).toBe(120);
    expect(result.forecast?.sheets).toEqual(['Deals']);
    // ABC of 800 and 200 (DOMAIN.md: the class goes by the share of the customers ranked above):
    // nothing above C1, so A; 80% above C2, not below 80% but below 95%, so B.
    expect(result.abc?.result.customers.map((c) => [c.id, c.class])).toEqual([
      ['C1', 'A'],
      ['C2', 'B'],
    ]);
    expect(result.rfm?.result.customers).toHaveLength(2);
    expect(result.skipped.map((s) => s.analysis)).toEqual(['portfolio', 'aging']);
    expect(result.failed).toEqual([]);
    // The #N/A amount is reported where it is: file, sheet, Excel row and column header.
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ file: 'book.xlsx', sheet: 'Deals', row: 6, column: 'Amount' }),
    );
  });

  it('takes asOf as an ISO date or as the same epoch day', () => {
    const sheets = [{ name: 'Orders', values: ORDERS }];
    const byIso = analyzeWorkbook(sheets, { asOf: '2026-06-30' });
    const byDay = analyzeWorkbook(sheets, { asOf: 20634 });
    expect(byDay).toEqual(byIso);
    expect(byIso.rfm?.result.asOf).toBe('2026-06-30');
  });

  it('follows the sheet kinds and column mappings it is given', () => {
    const values: CellValue[][] = [
      ['Deal', 'Phase', 'Value'],
      ['D1', 'Commit', 200],
    ];
    const result = analyzeWorkbook([{ name: 'Odd', values }], {
      asOf: '2026-06-30',
      sheets: { Odd: 'deal' },
      mappings: { Odd: { stage: 'Phase', amount: 'C' } },
      forecast: { template: 'six' },
    });
    expect(result.plan.sheets[0]).toMatchObject({ kind: 'deal', source: 'config', headerRow: 1 });
    expect(result.forecast?.result.totals).toEqual({ count: 1, amount: 200, weighted: 100 });
  });

  it('gives an empty, well-formed result for a workbook without sheets', () => {
    const result = analyzeWorkbook([], { asOf: '2026-06-30' });
    expect(result).toEqual({
      plan: { sheets: [], locale: 'en' },
      forecast: null,
      abc: null,
      rfm: null,
      portfolio: null,
      aging: null,
      skipped: Object.entries(SKIP_REASONS).map(([analysis, reason]) => ({ analysis, reason })),
      failed: [],
      warnings: [],
      // The as-of day given, as an epoch day: 2026-06-30.
      asOf: { day: epochDayFromIso('2026-06-30'), source: 'option', lastEvent: null },
      orderHistory: null,
    });
  });

  it('does not change the cells it is given', () => {
    const values = structuredClone(DEALS);
    analyzeWorkbook([{ name: 'Deals', values }], { asOf: '2026-06-30' });
    expect(values).toEqual(DEALS);
  });

  it('throws for a bad asOf, naming the option and the value', () => {
    expect(() => analyzeWorkbook([], { asOf: '2026-02-30' })).toThrow(
      "asOf must be a date YYYY-MM-DD or an epoch day, got '2026-02-30'",
    );
    // Core throws one class, PipecastError; the code tells a bad option from bad input.
    expect(() => analyzeWorkbook([], { asOf: 1.5 })).toThrow(
      expect.objectContaining({ name: 'PipecastError', code: 'invalid-option' }),
    );
  });

  it('throws for sheets that are not { name, values }', () => {
    expect(() => analyzeWorkbook([{ name: 'A', values: 'x' }] as never, { asOf: 0 })).toThrow(
      "analyzeWorkbook: sheets[0] ('A') values must be a 2-D array",
    );
    expect(() => analyzeWorkbook('x' as never, { asOf: 0 })).toThrow(
      expect.objectContaining({ name: 'PipecastError', code: 'invalid-input' }),
    );
  });
});
