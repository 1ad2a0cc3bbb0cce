import { describe, expect, it } from 'vitest';
import { guessRecordKind } from '../../../core/columns/guess-record-kind.js';

describe('guessRecordKind', () => {
  // Header rows of the real exports in ../shared/data (SOURCES.md lists their columns).
  it.each([
    [
      [
        'opportunity_id',
        'sales_agent',
        'product',
        'account',
        'deal_stage',
        'engage_date',
        'close_date',
        'close_value',
      ],
      'deal',
    ],
    [
      [
        'InvoiceNo',
        'StockCode',
        'Description',
        'Quantity',
        'InvoiceDate',
        'UnitPrice',
        'CustomerID',
        'Country',
      ],
      'orderLine',
    ],
    [
      [
        'countryCode',
        'customerID',
        'PaperlessDate',
        'invoiceNumber',
        'InvoiceDate',
        'DueDate',
        'InvoiceAmount',
        'Disputed',
        'SettledDate',
      ],
      'invoice',
    ],
    [['客户', '发票号', '回款日期', '回款金额'], 'payment'],
    [['客户编号', '客户名称', '行业', '采购潜力', '客户份额'], 'customer'],
  ])('guesses %j holds %s records', (headers, kind) => {
    expect(guessRecordKind([headers])[0]?.kind).toBe(kind);
  });

  it('is empty for a sheet with no table', () => {
    expect(guessRecordKind([['Notes'], ['nothing here']])).toEqual([]);
  });
});
