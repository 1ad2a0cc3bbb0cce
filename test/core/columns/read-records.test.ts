import { describe, expect, it } from 'vitest';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { readRecords } from '../../../core/columns/read-records.js';

const day = (iso: string) => epochDayFromIso(iso)!;

describe('readRecords', () => {
  it('reads deals from a titled sheet with English headers and Excel values', () => {
    const grid = [
      ['Pipeline'],
      [],
      ['Deal', 'Account', 'Stage', 'Amount', 'Close date', 'Probability'],
      ['A-1', 'Acme', 'Design', 1200, 45474, 0.2], // 45474 is Excel's DATE(2024,7,1)
      ['A-2', 'Beta', 'Compare', '¥3,000', '2024/7/15', '30%'],
    ];
    const result = readRecords(grid, { kind: 'deal', sheet: 'Pipeline' });
    expect(result.headerRow).toBe(3);
    expect(result.records).toEqual([
      {
        row: 4,
        id: 'A-1',
        account: 'Acme',
        stage: 'Design',
        amount: 1200,
        closeDate: day('2024-07-01'),
        probability: 0.2,
      },
      {
        row: 5,
        id: 'A-2',
        account: 'Beta',
        stage: 'Compare',
        amount: 3000,
        closeDate: day('2024-07-15'),
        probability: 0.3,
      },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.rowsRead).toBe(2);
    expect(result.rowsDropped).toBe(0);
  });

  it('reads Chinese headers and values: 万 amounts and 年月日 dates', () => {
    const grid = [
      ['商机', '客户', '阶段', '金额', '预计成交日期'],
      ['S-1', '华为', '设计', '1.5万', '2024年3月5日'], // 1.5万 = 15,000 (DOMAIN.md: 万 = 10,000)
    ];
    const [record] = readRecords(grid, { kind: 'deal', sheet: '商机' }).records;
    expect(record).toEqual({
      row: 2,
      id: 'S-1',
      account: '华为',
      stage: '设计',
      amount: 15000,
      closeDate: day('2024-03-05'),
    });
  });

  it('honours the 1904 date system for serial numbers', () => {
    // SOURCES.md: 1904 serial 42735 is the same day as 1900 serial 44197, 2021-01-01.
    const grid = [
      ['Deal', 'Stage', 'Close date'],
      ['A', 'Design', 42735],
    ];
    const result = readRecords(grid, { kind: 'deal', sheet: 'S', date1904: true });
    expect(result.records[0]?.closeDate).toBe(day('2021-01-01'));
  });

  it('drops a row whose required value is blank or unreadable, and says where', () => {
    const grid = [
      ['Invoice', 'Customer', 'Invoice date', 'Amount'],
      ['I-1', 'Acme', '2024-01-05', 100],
      ['I-2', 'Acme', '', 200],
      ['I-3', 'Acme', '2024-01-07', 'n/a'],
      ['I-4', 'Acme', '2024-01-08', { error: '#REF!' }],
    ];
    const result = readRecords(grid, { kind: 'invoice', sheet: 'AR', file: 'ar.xlsx' });
    expect(result.records.map((r) => r.invoice)).toEqual(['I-1']);
    expect(result.rowsDropped).toBe(3);
    expect(
      result.warnings.map((w) => [w.code, w.row, w.column, w.raw, w.action, w.sheet, w.file]),
    ).toEqual([
      ['missing-required-value', 3, 'Invoice date', '', 'row dropped', 'AR', 'ar.xlsx'],
      ['unreadable-value', 4, 'Amount', 'n/a', 'row dropped', 'AR', 'ar.xlsx'],
      ['error-value', 5, 'Amount', '#REF!', 'row dropped', 'AR', 'ar.xlsx'],
    ]);
  });

  it('keeps a row with an unreadable optional value, leaves it undefined and never 0', () => {
    const grid = [
      ['Deal', 'Stage', 'Amount', 'Close date'],
      ['A', 'Design', 'about 5k', '31/02/2024'],
    ];
    const result = readRecords(grid, { kind: 'deal', sheet: 'S' });
    expect(result.records).toEqual([{ row: 2, id: 'A', stage: 'Design' }]);
    expect(result.warnings.map((w) => [w.code, w.column, w.action])).toEqual([
      ['unreadable-value', 'Amount', 'value ignored'],
      ['unreadable-value', 'Close date', 'value ignored'],
    ]);
  });

  it('counts blank optional cells per field instead of warning per cell', () => {
    const grid = [
      ['Deal', 'Account', 'Stage'],
      ['A', '', 'Design'],
      ['B', null, 'Design'],
      ['C', 'Acme', 'Design'],
    ];
    const result = readRecords(grid, { kind: 'deal', sheet: 'S' });
    expect(result.missing).toEqual({ account: { count: 2, rows: [2, 3] } });
    expect(result.warnings).toEqual([]);
  });

  it('gives a deal without an id the id "row N"', () => {
    const result = readRecords(
      [
        ['Stage', 'Amount'],
        ['Design', 5],
      ],
      { kind: 'deal', sheet: 'S' },
    );
    expect(result.records[0]?.id).toBe('row 2');
  });

  it('computes an order line amount as quantity × unit price, and drops a line with neither', () => {
    const grid = [
      ['InvoiceNo', 'InvoiceDate', 'Quantity', 'UnitPrice', 'CustomerID'],
      ['536365', '2010-12-01 08:26:00', 6, 2.5, '17850.0'],
      ['536366', '2010-12-01 08:28:00', '', 1.85, '17850.0'],
    ];
    const result = readRecords(grid, { kind: 'orderLine', sheet: 'retail' });
    // 6 × 2.5 = 15; CustomerID "17850.0" is the real export's float spelling of 17850.
    expect(result.records).toEqual([
      {
        row: 2,
        invoice: '536365',
        date: day('2010-12-01'),
        quantity: 6,
        unitPrice: 2.5,
        customer: '17850',
        amount: 15,
      },
    ]);
    expect(result.warnings.map((w) => [w.code, w.row])).toEqual([['missing-required-value', 3]]);
  });

  it('keeps numeric columns of a customer list that no field claims, for scorecards', () => {
    const grid = [
      ['Customer', 'Name', 'Loyalty score', 'Notes'],
      ['C1', 'Acme', '85', 'key account'],
    ];
    expect(readRecords(grid, { kind: 'customer', sheet: 'S' }).records[0]?.extra).toEqual({
      'Loyalty score': 85,
    });
  });

  it('reads with a user mapping and a named header row', () => {
    const grid = [
      ['Phase', 'Est'],
      ['Design', '7'],
      ['Commit', '9'],
    ];
    const result = readRecords(grid, {
      kind: 'deal',
      sheet: 'S',
      mapping: { stage: 'Phase', amount: 'B' },
      headerRow: 1,
    });
    expect(result.records.map((r) => [r.stage, r.amount])).toEqual([
      ['Design', 7],
      ['Commit', 9],
    ]);
  });

  it('reports a sheet without a header row, or without a required column, and reads nothing', () => {
    const none = readRecords(
      [
        ['a', 'b'],
        [1, 2],
      ],
      { kind: 'deal', sheet: 'S' },
    );
    expect(none.headerRow).toBeUndefined();
    expect(none.warnings.map((w) => [w.code, w.action])).toEqual([
      ['no-header-row', 'sheet skipped'],
    ]);
    const noStage = readRecords(
      [
        ['Deal', 'Amount'],
        ['A', 1],
      ],
      { kind: 'deal', sheet: 'S' },
    );
    expect(noStage.records).toEqual([]);
    expect(noStage.warnings.map((w) => w.code)).toEqual(['missing-required-column']);
  });

  it('summarises warnings past the per-column limit in one counted warning', () => {
    const grid: unknown[][] = [['Deal', 'Stage', 'Amount']];
    for (let i = 0; i < 8; i++) grid.push([`D${i}`, 'Design', 'bad']);
    const result = readRecords(grid as never, {
      kind: 'deal',
      sheet: 'S',
      maxWarningsPerColumn: 3,
    });
    expect(result.warnings.filter((w) => w.code === 'unreadable-value')).toHaveLength(3);
    expect(result.warnings.at(-1)).toMatchObject({
      code: 'more-warnings',
      count: 5,
      column: 'Amount',
    });
  });

  it('throws for a mapping to an unknown field and for a bad header row number', () => {
    expect(() => readRecords([], { kind: 'deal', sheet: 'S', mapping: { colour: 'A' } })).toThrow(
      /readRecords: mapping names unknown field 'colour'/,
    );
    expect(() => readRecords([], { kind: 'deal', sheet: 'S', headerRow: 0 })).toThrow(
      /readRecords: headerRow/,
    );
  });

  it('gives an empty, well-formed result for an empty grid', () => {
    const result = readRecords([], { kind: 'payment', sheet: 'S' });
    expect(result.records).toEqual([]);
    expect(result.rowsRead).toBe(0);
  });

  it('skips fully blank rows without counting them', () => {
    const result = readRecords([['Deal', 'Stage'], [], ['', null], ['A', 'Design']], {
      kind: 'deal',
      sheet: 'S',
    });
    expect(result.rowsRead).toBe(1);
    expect(result.records[0]?.row).toBe(4);
  });

  it('does not mutate the grid', () => {
    const grid = [
      ['Deal', 'Stage', 'Amount'],
      ['A', 'Design', '1,000'],
    ];
    const copy = structuredClone(grid);
    readRecords(grid, { kind: 'deal', sheet: 'S' });
    expect(grid).toEqual(copy);
  });
});
