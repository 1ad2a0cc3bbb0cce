import { describe, expect, it } from 'vitest';
import { textFor } from '../../../core/text/catalogue.js';
import { codedMessage, renderCoded } from '../../../core/text/coded-text.js';
import { numberParamText } from '../../../core/text/format-number.js';

describe('numberParamText', () => {
  it('groups counts and amounts by three, keeping their decimals', () => {
    expect(numberParamText('count', 135080)).toBe('135,080');
    expect(numberParamText('amount', 1447682.12)).toBe('1,447,682.12');
    expect(numberParamText('amount', -1234.5)).toBe('-1,234.5');
    expect(numberParamText('count', 999)).toBe('999');
    // 0.1 + 0.2 is float noise around 0.30, as the JSON writer removes it.
    expect(numberParamText('amount', 0.1 + 0.2)).toBe('0.3');
  });

  it('leaves row and line numbers, ids and cell values as the file shows them', () => {
    expect(numberParamText('row', 10234)).toBe('10234');
    expect(numberParamText('firstRow', 1048576)).toBe('1048576');
    expect(numberParamText('line', 20001)).toBe('20001');
    expect(numberParamText('invoice', 100234)).toBe('100234');
    expect(numberParamText('value', 1500)).toBe('1500');
  });
});

describe('catalogue texts with number parameters', () => {
  it('a warning: its count and amount grouped, its structured params numbers as given', () => {
    // The trial's Online Retail warning: 135,080 lines without a customer id.
    const { text, message } = codedMessage('warning.linesWithoutCustomer', {
      count: 135080,
      amount: 1447682.12,
    });
    expect(message).toMatch(
      /^135,080 order lines have no customer id \(net amount 1,447,682\.12\)/,
    );
    expect(text.params).toEqual({ count: 135080, amount: 1447682.12 });
    expect(renderCoded(text, 'zh')).toContain('135,080');
  });

  it('a warning with a count and a first row: the count grouped, the row as Excel shows it', () => {
    const { message } = codedMessage('warning.missingDeal_owner', { count: 2089, row: 12345 });
    expect(message).toBe(
      "2,089 deal(s) have no owner (first row 12345): grouped under owner '(none)'",
    );
  });

  it('texts the CLI and report fill in directly', () => {
    expect(
      textFor('zh', 'report.joinedTable', {
        sheet: 'sales_teams',
        key: 'sales_agent',
        matched: 7375,
        unmatched: 0,
        columns: 'manager',
      }),
    ).toBe('按 sales_agent 关联 sales_teams：匹配 7,375 个商机，0 个未找到；新增列 manager');
    expect(textFor('zh', 'report.moreRows', { count: 4322 })).toBe(
      '… 4,322 行见 CSV 与 results.xlsx',
    );
    expect(
      textFor('en', 'cli.exportWritten', {
        target: 'deals.csv',
        rows: 8800,
        name: 'deals',
        columns: 23,
      }),
    ).toBe('deals.csv: 8,800 deals, 23 columns');
  });
});
