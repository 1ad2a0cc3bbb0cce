import { describe, expect, it } from 'vitest';
import { breakdownKeyHeading } from '../../../pipeline/render/breakdown-key-heading.js';
import { renderBreakdownText } from '../../../pipeline/render/breakdown-text.js';

describe('breakdownKeyHeading', () => {
  it('adds the column letter only when a measure has the same heading (case and spaces aside)', () => {
    // Column index 6 is G.
    expect(breakdownKeyHeading('Amount', 6, ['Deals', 'Amount', 'Weighted'])).toBe('Amount (G)');
    expect(breakdownKeyHeading(' amount', 6, ['Deals', 'Amount'])).toBe(' amount (G)');
    expect(breakdownKeyHeading('Region', 3, ['Deals', 'Amount', 'Weighted'])).toBe('Region');
    expect(breakdownKeyHeading('金额', 2, ['商机数', '金额'])).toBe('金额 (C)');
  });

  it('keeps the header as it is when the column index is unknown', () => {
    expect(breakdownKeyHeading('Amount', undefined, ['Amount'])).toBe('Amount');
  });
});

describe('renderBreakdownText', () => {
  it('heads a breakdown by Amount "Amount (G)", beside the Amount measure', () => {
    const text = renderBreakdownText(
      {
        by: 'Amount',
        column: 'Amount',
        columnIndex: 6,
        rows: [{ key: '100', count: 1, amount: 100 }],
      },
      [{ field: 'amount', heading: 'Amount' }],
      'en',
      'Deals',
    );
    expect(text.split('\n')[1]).toMatch(/^Amount \(G\)\s+Deals\s+Amount$/);
  });
});
