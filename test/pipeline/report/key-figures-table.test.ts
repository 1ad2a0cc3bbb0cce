import { describe, expect, it } from 'vitest';
import {
  finishedHeadline,
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

  it("says where revenue came from in words: 'won deals' / '赢单商机', not the code 'wonDeals'", () => {
    const fromWonDeals = { ...ABC, source: 'wonDeals' };
    expect(keyFigureItems('abc', fromWonDeals, 'en')[4]?.value).toBe('won deals');
    expect(keyFigureItems('abc', fromWonDeals, 'zh')[4]?.value).toBe('赢单商机');
    expect(keyFigureItems('abc', ABC, 'en')[4]?.value).toBe('order lines');
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
    expect(table.rows).toEqual([[40, 3245285.499999999, 22, 0.8084035133426629, 'order lines']]);
  });
});

describe('keyFigureText on a file with several currencies', () => {
  // The aging headline of a ledger in USD and EUR: per-currency figures are never added up.
  const AGING = {
    currency: 'USD, EUR',
    currencies: 2,
    open: null,
    overdue: null,
    overdueShare: null,
    dsoStandard: null,
    customers: 2,
  };
  it('says "2 currencies: see each" rather than a dash', () => {
    const shown = keyFigureItems('aging', AGING, 'en').map(
      (item) => `${item.label}: ${keyFigureText(item)}`,
    );
    expect(shown).toEqual([
      'Currency: USD, EUR',
      'Currencies: 2',
      'Open: 2 currencies: see each',
      'Overdue: 2 currencies: see each',
      'Overdue share: 2 currencies: see each',
      'DSO (days): 2 currencies: see each',
      'Customers: 2',
    ]);
    expect(keyFigureText(keyFigureItems('aging', AGING, 'zh')[2]!)).toBe('2 种币种：见各币种');
  });
  it('keeps the dash for one currency without a figure', () => {
    const one = { ...AGING, currency: 'USD', currencies: 1 };
    expect(keyFigureText(keyFigureItems('aging', one, 'en')[2]!)).toBe('–');
  });
});

describe('finishedHeadline', () => {
  it('rounds money figures to cents and leaves shares and counts alone', () => {
    // 3245285.499999999 is Σ of the sample's line amounts in float64: 3,245,285.50 in cents.
    const headline = finishedHeadline('abc', ABC);
    expect(headline.total).toBe(3245285.5);
    expect(headline.aValueShare).toBe(ABC.aValueShare);
    expect(headline.customers).toBe(40);
    expect(ABC.total).toBe(3245285.499999999);
  });
});
