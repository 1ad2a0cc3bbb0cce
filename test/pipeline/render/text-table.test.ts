import { describe, expect, it } from 'vitest';
import { cutTextTable, moreRowsLine, textTable } from '../../../pipeline/render/text-table.js';

describe('textTable', () => {
  it('aligns names left and figures right, CJK counted as two columns', () => {
    const table = textTable(
      ['Owner', 'Amount'],
      [
        ['张三', '1,000.00'],
        ['Ann', '25.50'],
      ],
      { footer: [['Total', '1,025.50']] },
    );
    expect(table.split('\n')).toEqual([
      'Owner    Amount',
      '-----  --------',
      '张三   1,000.00',
      'Ann       25.50',
      '-----  --------',
      'Total  1,025.50',
    ]);
  });
});

describe('cutTextTable and moreRowsLine', () => {
  const rows = Array.from({ length: 27 }, (_, i) => [`Rep ${i + 1}`, String(27 - i)]);

  it('cuts to the limit and says how many more --json lists', () => {
    const lines = cutTextTable(['Owner', 'Count'], rows, { limit: 15 }).split('\n');
    // Header, rule, 15 rows, the more line: 27 − 15 = 12 more.
    expect(lines).toHaveLength(18);
    expect(lines.at(-1)).toBe('… and 12 more (see --json)');
  });

  it('adds no line when nothing is cut', () => {
    const table = cutTextTable(['Owner', 'Count'], rows.slice(0, 3), { limit: 15 });
    expect(table).not.toContain('more');
    expect(moreRowsLine(0)).toBe('');
  });

  it('says it in Chinese from the catalogue, with a grouped count', () => {
    expect(moreRowsLine(1234, 'zh')).toBe('…… 另有 1,234 条（见 --json）');
    expect(moreRowsLine(1234, 'en')).toBe('… and 1,234 more (see --json)');
  });
});
