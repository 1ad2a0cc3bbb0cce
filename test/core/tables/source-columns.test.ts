import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { sourceColumns } from '../../../core/tables/source-columns.js';
import type { SheetGrid } from '../../../core/workbook/sheet-grid.js';

function grid(rows: CellValue[][]): SheetGrid {
  return { file: 'deals.csv', sheet: 'deals', rows, date1904: false };
}

describe('sourceColumns', () => {
  // Row 3 has a third cell past the header: column C exists only where that row is a record.
  const sheet = grid([
    ['id', 'stage'],
    ['a', 'x'],
    ['b', 'y', 'note'],
    ['c', 'z'],
  ]);

  it('spans the header when no record row is wider, even if another row is', () => {
    const columns = sourceColumns(sheet, 1, [2, 4], new Set());
    expect(columns.names).toEqual(['id', 'stage']);
  });

  it('names a column past the header by its letter when a record row reaches it', () => {
    const columns = sourceColumns(sheet, 1, [2, 3], new Set());
    expect(columns.names).toEqual(['id', 'stage', 'C']);
    expect(columns.column(2)).toEqual([null, 'note']);
  });

  it('codes a column into its distinct cells, 0 where a record has no cell', () => {
    const columns = sourceColumns(sheet, 1, [2, 3, 4, 2], new Set());
    const { codes, dictionary } = columns.codes(2);
    // Column C over the sheet: row 1 and 2 absent (0), row 3 'note' (1), row 4 absent.
    expect(dictionary).toEqual([undefined, 'note']);
    expect([...codes]).toEqual([0, 1, 0, 0]);
    const stage = columns.codes(1);
    expect(Array.from(stage.codes, (code) => stage.dictionary[code])).toEqual(['x', 'y', 'z', 'x']);
  });
});
