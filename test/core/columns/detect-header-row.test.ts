import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from '../../../core/columns/detect-header-row.js';

describe('detectHeaderRow', () => {
  it('passes over a title, a note and blank rows above the table', () => {
    const grid = [
      ['Q3 pipeline review'],
      [],
      ['Exported 2024-07-01', null, null],
      [null, null, null, null],
      [null, 'Deal', 'Stage', 'Amount'],
      [null, 'A-1', 'Design', 100],
    ];
    const result = detectHeaderRow(grid, { kind: 'deal' });
    expect(result.index).toBe(4);
    expect(result.columns.matched.map((m) => m.column)).toEqual(['B', 'C', 'D']);
  });

  it('falls back to the best row when a required column is missing, so it can be reported', () => {
    const result = detectHeaderRow([['Title'], ['Deal', 'Amount', 'Owner']], { kind: 'deal' });
    expect(result.index).toBe(1);
    expect(result.columns.missingRequired).toEqual(['stage']);
  });

  it('finds no header where no row names two known columns', () => {
    expect(
      detectHeaderRow(
        [
          ['hello', 'world'],
          [1, 2],
        ],
        { kind: 'deal' },
      ).index,
    ).toBeUndefined();
    expect(detectHeaderRow([], { kind: 'deal' }).index).toBeUndefined();
  });

  it('only searches the first searchRows rows', () => {
    const grid = [['x'], ['y'], ['Deal', 'Stage']];
    expect(detectHeaderRow(grid, { kind: 'deal', searchRows: 2 }).index).toBeUndefined();
    expect(detectHeaderRow(grid, { kind: 'deal', searchRows: 3 }).index).toBe(2);
  });

  it('throws for a searchRows that is not a positive integer', () => {
    expect(() => detectHeaderRow([], { kind: 'deal', searchRows: 0 })).toThrow(
      /detectHeaderRow: searchRows/,
    );
  });
});
