import { describe, expect, it } from 'vitest';
import type { CellValue, Deal, OrderLine } from '../../../core/index.js';
import {
  ageReceivables,
  describeFields,
  forecast,
  inspectSheet,
  RECORD_KINDS,
  segment,
  toEpochDay,
} from '../../../core/index.js';

// Epoch days: 2026-06-30 is 20634; Excel serial = epoch day + 25569.
const AS_OF = '2026-06-30';

describe('toEpochDay', () => {
  it('takes an ISO date or a whole epoch day', () => {
    expect(toEpochDay('2026-06-30', 'asOf')).toBe(20634);
    expect(toEpochDay('1970-01-01', 'asOf')).toBe(0);
    expect(toEpochDay(-1, 'asOf')).toBe(-1);
  });

  it('throws naming the option and the value for anything else', () => {
    expect(() => toEpochDay('2026-02-30', 'asOf')).toThrow(
      "asOf must be a date YYYY-MM-DD or an epoch day, got '2026-02-30'",
    );
    expect(() => toEpochDay('30/06/2026', 'from')).toThrow('from must be a date YYYY-MM-DD');
    expect(() => toEpochDay(20634.5, 'asOf')).toThrow('got 20634.5');
    expect(() => toEpochDay(undefined as never, 'current.to')).toThrow('current.to must be');
  });
});

describe('forecast', () => {
  const deals: Deal[] = [
    { row: 2, id: 'D1', stage: 'Design', amount: 100, closeDate: 20644 },
    { row: 3, id: 'D2', stage: 'Commit', amount: 200, closeDate: 20644 },
  ];
  const sheet = {
    name: 'Pipeline',
    values: [
      ['Deal', 'Stage', 'Amount', 'Close date'],
      ['D1', 'Design', 100, 20644 + 25569],
      ['D2', 'Commit', 200, 20644 + 25569],
    ] as CellValue[][],
  };

  it('forecasts records and sheets alike, and says which sheet it read', () => {
    // Six-stage rates (DOMAIN.md): 100 × 20% + 200 × 50% = 120.
    const fromRecords = forecast({ deals }, { asOf: AS_OF });
    const fromSheets = forecast([sheet], { asOf: 20634, file: 'book.xlsx' });
    expect(fromRecords?.result.totals).toEqual({ count: 2, amount: 300, weighted: 120 });
    expect(fromSheets?.result.totals).toEqual(fromRecords?.result.totals);
    expect(fromRecords?.source).toBeNull();
    expect(fromSheets?.source).toMatchObject({
      file: 'book.xlsx',
      sheet: 'Pipeline',
      headerRow: 1,
      rowsRead: 2,
      historySheet: null,
    });
  });

  it('adds the monthly ranges when asked, each month averaging its weighted amount', () => {
    const run = forecast({ deals }, { asOf: AS_OF, monthRanges: true });
    expect(run?.result.monthRanges?.map((m) => m.month)).toEqual(['2026-07']);
    expect(run?.result.monthRanges?.[0]?.range.mean).toBeCloseTo(120, 9);
    expect(forecast({ deals }, { asOf: AS_OF })?.result).not.toHaveProperty('monthRanges');
  });

  it('takes an earlier export as sheets or deals, for slippage', () => {
    const earlier = [{ ...deals[0]!, closeDate: 20630 }];
    const fromDeals = forecast({ deals }, { asOf: AS_OF, previous: earlier });
    const fromSheets = forecast(
      { deals },
      {
        asOf: AS_OF,
        previous: [
          { name: 'Old', values: [sheet.values[0]!, ['D1', 'Design', 100, 20630 + 25569]] },
        ],
      },
    );
    expect(fromDeals?.result.slippage).not.toBeNull();
    expect(fromSheets?.result.slippage).toEqual(fromDeals?.result.slippage);
  });

  it('is null when no sheet holds deals, and empty for no deals', () => {
    expect(forecast([{ name: 'Notes', values: [['hello']] }], { asOf: AS_OF })).toBeNull();
    expect(forecast({ deals: [] }, { asOf: AS_OF })?.result.totals).toEqual({
      count: 0,
      amount: 0,
      weighted: 0,
    });
  });

  it('throws for a bad asOf or input', () => {
    expect(() => forecast({ deals }, { asOf: '2026-13-01' })).toThrow('asOf must be a date');
    // Core throws one class, PipecastError; the code tells a bad option from bad input.
    expect(() => forecast({} as never, { asOf: AS_OF })).toThrow(
      expect.objectContaining({ name: 'PipecastError', code: 'invalid-input' }),
    );
  });
});

describe('segment', () => {
  const lines: OrderLine[] = [
    { row: 2, customer: 'C1', invoice: 'I1', date: 20600, amount: 800 },
    { row: 3, customer: 'C2', invoice: 'I2', date: 20620, amount: 200 },
  ];
  const orders = {
    name: 'Orders',
    values: [
      ['Customer', 'Invoice', 'Invoice date', 'Amount'],
      ['C1', 'I1', 20600 + 25569, 800],
      ['C2', 'I2', 20620 + 25569, 200],
    ] as CellValue[][],
  };
  const customers = {
    name: 'Customers',
    values: [
      ['Customer ID', 'Purchase potential', 'Our share', 'Size', 'Loyalty'],
      ['C1', 1000, 0.8, 90, 50],
      ['C2', 100, 0.1, 40, 100],
    ] as CellValue[][],
  };

  it('abc ranks order lines from records and sheets alike', () => {
    const fromRecords = segment({ lines }, { method: 'abc' });
    const fromSheets = segment([orders], { method: 'abc' });
    // 800 of 1000 above C2 is not below 80% (DOMAIN.md), so C1 is A and C2 is B.
    expect(fromRecords.result.customers.map((c) => c.class)).toEqual(['A', 'B']);
    expect(fromSheets.result).toEqual(fromRecords.result);
    expect(fromSheets.source).toBe('orderLines');
    expect(fromSheets.sheets).toEqual(['Orders']);
  });

  it('rfm measures recency to asOf, given as ISO or epoch day', () => {
    const byIso = segment({ lines }, { method: 'rfm', asOf: AS_OF });
    const byDay = segment({ lines }, { method: 'rfm', asOf: 20634 });
    expect(byDay.result).toEqual(byIso.result);
    // C1's last order was day 20600: 34 days before 2026-06-30.
    expect(byIso.result.customers.find((c) => c.id === 'C1')?.recency).toBe(34);
  });

  it('portfolio and scorecard read a customer list, its extra columns by header', () => {
    const zones = segment([customers], { method: 'portfolio' });
    expect(zones.result.customers).toHaveLength(2);
    // Totals: C1 0.6 × 90 + 0.4 × 50 = 74; C2 0.6 × 40 + 0.4 × 100 = 64.
    const scores = segment([customers], {
      method: 'scorecard',
      criteria: [
        { name: 'Size', weight: 60 },
        { name: 'loyalty', weight: 40 },
      ],
    });
    expect(scores.result.items.map((i) => [i.id, i.total])).toEqual([
      ['C1', 74],
      ['C2', 64],
    ]);
  });

  it('lifecycle compares two periods given as dates', () => {
    // C1 ordered on day 20600 (2026-05-27), C2 on day 20620 (2026-06-16): both active in the
    // previous period, neither in the current one, so both churned.
    const run = segment(
      { lines },
      {
        method: 'lifecycle',
        previous: { from: '2026-05-01', to: '2026-06-30' },
        current: { from: '2026-07-01', to: '2026-07-31' },
      },
    );
    expect(run.result.churned).toBe(2);
    expect(run.result.churnRate).toBe(1);
  });

  it('throws for an unknown method or a bad date', () => {
    expect(() => segment({ lines }, { method: 'xyz' } as never)).toThrow(
      'segment: method must be one of abc, rfm, portfolio, scorecard, lifecycle, got "xyz"',
    );
    expect(() => segment({ lines }, { method: 'rfm', asOf: 'June' })).toThrow(
      "asOf must be a date YYYY-MM-DD or an epoch day, got 'June'",
    );
  });

  it('gives empty results for no records', () => {
    expect(segment({}, { method: 'rfm', asOf: AS_OF }).result.customers).toEqual([]);
    expect(segment([], { method: 'portfolio' }).result.customers).toEqual([]);
  });
});

describe('ageReceivables', () => {
  const invoices = {
    name: 'Invoices',
    values: [
      ['Invoice No', 'Customer', 'Invoice Date', 'Due Date', 'Amount'],
      ['I1', 'Acme', 20574 + 25569, 20604 + 25569, 100],
    ] as CellValue[][],
  };

  it('ages sheets and records alike', () => {
    const fromSheets = ageReceivables([invoices], { asOf: AS_OF, file: 'ledger.xlsx' });
    const fromRecords = ageReceivables(
      {
        invoices: [
          {
            row: 2,
            invoice: 'I1',
            customer: 'Acme',
            invoiceDate: 20574,
            dueDate: 20604,
            amount: 100,
          },
        ],
      },
      { asOf: 20634 },
    );
    // Due 2026-05-31, 30 days before 2026-06-30: the 1–30 bucket; owed, no credit.
    expect(fromSheets.report?.buckets?.find((b) => b.amount > 0)).toEqual({
      label: '1–30',
      amount: 100,
      owed: 100,
      credit: 0,
      count: 1,
      creditCount: 0,
    });
    expect(fromRecords.report?.totals).toEqual(fromSheets.report?.totals);
    expect(fromSheets.sheets.map((s) => [s.sheet, s.kind])).toEqual([['Invoices', 'invoice']]);
  });

  it('gives null result and report, with the reading warnings, when no sheet holds invoices', () => {
    const run = ageReceivables([{ name: 'Notes', values: [['hello']] }], { asOf: AS_OF });
    expect(run.result).toBeNull();
    expect(run.report).toBeNull();
    expect(run.warnings[0]).toMatchObject({ sheet: 'Notes', action: 'sheet skipped' });
  });

  it('throws for a bad asOf', () => {
    expect(() => ageReceivables([invoices], { asOf: '2026/06/30' })).toThrow(
      "asOf must be a date YYYY-MM-DD or an epoch day, got '2026/06/30'",
    );
  });
});

describe('inspectSheet', () => {
  it('guesses the kind and shows which column feeds each field, Chinese headers too', () => {
    const seen = inspectSheet([
      ['商机名称', '阶段', '金额', '备注'],
      ['D1', '设计', 100, ''],
    ]);
    expect(seen.kind).toBe('deal');
    expect(seen.kindFrom).toBe('detected');
    expect(seen.headerRow).toBe(1);
    expect(seen.fields.find((f) => f.field === 'stage')).toMatchObject({
      label: { en: 'Stage', zh: '阶段' },
      required: true,
      column: { index: 1, column: 'B', header: '阶段', via: 'alias' },
    });
    expect(seen.fields.find((f) => f.field === 'closeDate')?.column).toBeNull();
    expect(seen.columns.unmatched.map((c) => c.header)).toEqual(['备注']);
    expect(seen.rowsRead).toBe(1);
  });

  it('reads as the kind and mapping given, and lists required fields still missing', () => {
    const values: CellValue[][] = [
      ['No.', 'Client', 'Billed'],
      ['I1', 'Acme', 100],
    ];
    const unmapped = inspectSheet(values, { kind: 'invoice' });
    expect(unmapped.kindFrom).toBe('option');
    // No row names two known invoice columns, so no header row: every required field is missing.
    expect(unmapped.headerRow).toBeNull();
    expect(unmapped.columns.missingRequired).toEqual(['invoice', 'invoiceDate', 'amount']);
    const mapped = inspectSheet(
      { name: 'AR', values },
      { kind: 'invoice', mapping: { invoice: 'A', amount: 'Billed' }, readRows: false },
    );
    expect(mapped.sheet).toBe('AR');
    expect(mapped.fields.find((f) => f.field === 'amount')?.column).toMatchObject({
      column: 'C',
      via: 'mapping',
    });
    expect(mapped.rowsRead).toBe(0);
  });

  it('lists every kind with its fields, for the mapping screen', () => {
    const seen = inspectSheet([]);
    expect(Object.keys(seen.fieldsByKind)).toEqual([...RECORD_KINDS]);
    expect(seen.fieldsByKind.invoice).toEqual(describeFields('invoice'));
    expect(seen.kind).toBeNull();
    expect(seen.warnings[0]).toMatchObject({ code: 'no-header-row', action: 'sheet skipped' });
  });
});

describe('describeFields', () => {
  it('gives English and Chinese labels and flags required fields', () => {
    const fields = describeFields('payment');
    expect(fields.filter((f) => f.required).map((f) => f.field)).toEqual(['date', 'amount']);
    expect(fields.find((f) => f.field === 'date')?.label).toEqual({
      en: 'Payment date',
      zh: '回款日期',
    });
    expect(() => describeFields('nope' as never)).toThrow(
      expect.objectContaining({ name: 'PipecastError', code: 'invalid-option' }),
    );
  });
});
