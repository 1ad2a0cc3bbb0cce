import { describe, expect, it } from 'vitest';
import {
  keyFigureItems,
  keyFigureText,
  keyFiguresTable,
} from '../../../pipeline/report/key-figures-table.js';

// The ABC headline of samples/customers-orders.xlsx as summary.json has it.
const ABC = {
  customers: 40,
  total: 3245285.499999999,
  aCustomers: 22,
  aValueShare: 0.8084035133426629,
  source: 'orderLines',
};

describe('keyFigureItems', () => {
  it('labels figures with words, not field names (aValueShare → "A share of revenue")', () => {
    const items = keyFigureItems('abc', ABC, 'en');
    expect(items.map((item) => item.label)).toEqual([
      'Customers',
      'Revenue',
      'A customers',
      'A share of revenue',
      'Revenue from',
    ]);
    expect(keyFigureItems('abc', ABC, 'zh')[3]?.label).toBe('A 类收入占比');
  });
});

describe('keyFigureText', () => {
  it('shows money at two decimals, shares as percents, counts whole, missing as a dash', () => {
    const [customers, total, , share] = keyFigureItems('abc', ABC, 'en');
    expect(keyFigureText(customers!)).toBe('40');
    // 3,245,285.499999999 rounds to the cent: 3,245,285.50.
    expect(keyFigureText(total!)).toBe('3,245,285.50');
    expect(keyFigureText(share!)).toBe('80.8%');
    expect(keyFigureText({ label: 'Open', format: 'money', value: null })).toBe('–');
  });
});

describe('keyFiguresTable', () => {
  it('is one row, one column per figure with its number format', () => {
    const table = keyFiguresTable('abc', ABC, 'en');
    expect(table.id).toBe('abc-key-figures');
    expect(table.columns.map((column) => column.format)).toEqual([
      'integer',
      'money',
      'integer',
      'percent',
      'text',
    ]);
    expect(table.rows).toEqual([[40, 3245285.499999999, 22, 0.8084035133426629, 'orderLines']]);
  });
});
