import { describe, expect, it } from 'vitest';
import { matchColumns } from '../../../core/columns/match-columns.js';

const fields = (headers: unknown[], kind: Parameters<typeof matchColumns>[1]['kind'] = 'deal') =>
  Object.fromEntries(
    matchColumns(headers as never, { kind }).matched.map((m) => [m.header, m.field]),
  );

describe('matchColumns', () => {
  it('maps the real CRM export headers (../shared/data/crm-opportunities/sales_pipeline.csv)', () => {
    const headers = [
      'opportunity_id',
      'sales_agent',
      'product',
      'account',
      'deal_stage',
      'engage_date',
      'close_date',
      'close_value',
    ];
    expect(fields(headers)).toEqual({
      opportunity_id: 'id',
      sales_agent: 'owner',
      product: 'product',
      account: 'account',
      deal_stage: 'stage',
      engage_date: 'createdDate',
      close_date: 'closeDate',
      close_value: 'amount',
    });
  });

  it('maps Chinese headers (DOMAIN.md, "Words a user may type")', () => {
    expect(
      fields(['商机', '客户名称', '负责人', '销售阶段', '预计金额', '预计成交日期', '赢率']),
    ).toEqual({
      商机: 'id',
      客户名称: 'account',
      负责人: 'owner',
      销售阶段: 'stage',
      预计金额: 'amount',
      预计成交日期: 'closeDate',
      赢率: 'probability',
    });
  });

  it('ignores case, spaces, punctuation, full-width forms and a bracketed unit', () => {
    expect(fields(['  DEAL ', 'Ｓｔａｇｅ', 'Amount (USD)', '金额（万元）'])).toEqual({
      DEAL: 'id',
      Ｓｔａｇｅ: 'stage',
      'Amount (USD)': 'amount',
    });
  });

  it('maps the real Online Retail and receivables headers (../shared/data/SOURCES.md)', () => {
    const retail = [
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ];
    expect(fields(retail, 'orderLine')).toEqual({
      InvoiceNo: 'invoice',
      StockCode: 'product',
      Quantity: 'quantity',
      InvoiceDate: 'date',
      UnitPrice: 'unitPrice',
      CustomerID: 'customer',
      Country: 'region',
    });
    const receivables = [
      'countryCode',
      'customerID',
      'PaperlessDate',
      'invoiceNumber',
      'InvoiceDate',
      'DueDate',
      'InvoiceAmount',
      'Disputed',
      'SettledDate',
      'PaperlessBill',
      'DaysToSettle',
      'DaysLate',
    ];
    expect(fields(receivables, 'invoice')).toEqual({
      customerID: 'customer',
      invoiceNumber: 'invoice',
      InvoiceDate: 'invoiceDate',
      DueDate: 'dueDate',
      InvoiceAmount: 'amount',
      Disputed: 'disputed',
      SettledDate: 'paidDate',
    });
  });

  it('lists unmatched columns with their letters and skips blank header cells', () => {
    const result = matchColumns(['Deal', null, 'Stage', 'Notes'], { kind: 'deal' });
    expect(result.unmatched).toEqual([{ index: 3, column: 'D', header: 'Notes' }]);
    expect(result.missingRequired).toEqual([]);
  });

  it('reports a required field no column feeds', () => {
    expect(matchColumns(['Deal', 'Amount'], { kind: 'deal' }).missingRequired).toEqual(['stage']);
  });

  it('uses the stronger alias and lists the field as ambiguous when two columns could feed it', () => {
    const result = matchColumns(['Value', 'Amount', 'Stage'], { kind: 'deal' });
    expect(result.matched.find((m) => m.field === 'amount')?.header).toBe('Amount');
    expect(result.ambiguous).toEqual([
      {
        field: 'amount',
        candidates: [
          { index: 1, column: 'B', header: 'Amount' },
          { index: 0, column: 'A', header: 'Value' },
        ],
      },
    ]);
  });

  it('lets the user mapping override aliases, by header text or column letter, and null unmaps', () => {
    const result = matchColumns(['Deal', 'Phase', 'Amount', 'Est. value'], {
      kind: 'deal',
      mapping: { stage: 'phase', amount: 'D', id: null },
    });
    expect(result.matched.map((m) => [m.field, m.header, m.via])).toEqual([
      ['stage', 'Phase', 'mapping'],
      ['amount', 'Est. value', 'mapping'],
    ]);
    expect(result.unmatched.map((c) => c.header)).toEqual(['Deal', 'Amount']);
  });

  it('throws for a mapping to an unknown field or a missing column', () => {
    expect(() => matchColumns(['Deal'], { kind: 'deal', mapping: { colour: 'Deal' } })).toThrow(
      /unknown field 'colour'/,
    );
    expect(() => matchColumns(['Deal'], { kind: 'deal', mapping: { stage: 'Phase' } })).toThrow(
      /column 'Phase'/,
    );
  });

  it('gives an empty result for an empty header row', () => {
    expect(matchColumns([], { kind: 'invoice' })).toEqual({
      matched: [],
      unmatched: [],
      ambiguous: [],
      missingRequired: ['invoice', 'invoiceDate', 'amount'],
    });
  });

  it('does not mutate the header row', () => {
    const headers = ['Deal', 'Stage'];
    matchColumns(headers, { kind: 'deal' });
    expect(headers).toEqual(['Deal', 'Stage']);
  });
});
