import { describe, expect, it } from 'vitest';
import { layoutSheet, safeCell, sheetBlocks } from '../../addin/src/excel/sheet-layout.js';
import type { OutputSheet } from '../../addin/src/results/output-model.js';

const sheet: OutputSheet = {
  analysis: 'segment',
  name: 'Pipecast Segments',
  headline: [],
  asOf: null,
  tables: [
    {
      id: 'abc-classes',
      title: 'ABC classes',
      columns: [
        { label: 'Class', format: 'text' },
        { label: 'Value', format: 'money' },
      ],
      rows: [
        ['A', 800],
        ['B', 150],
        ['C', 50],
      ],
    },
  ],
  charts: [
    {
      title: 'Pareto',
      type: 'pareto',
      table: 'abc-classes',
      category: 0,
      series: [1],
      maxRows: 50,
    },
  ],
  notes: [
    {
      type: 'unreadable-value',
      sheet: 'Orders',
      address: 'D7',
      message: 'TBD',
      action: 'row dropped',
    },
  ],
  notesTitle: 'Notes',
  notesColumns: ['Type', 'Sheet', 'Cell', 'Message', 'Action'],
};

describe('layoutSheet', () => {
  it('stacks title, header and rows with a blank row between tables, Notes last', () => {
    const layout = layoutSheet(sheet);
    // Table 1: title row 0, header row 1, rows 2–4, blank row 5; Notes: title 6, header 7, row 8.
    expect(layout.tables.map((t) => [t.table.id, t.titleRow, t.headerRow])).toEqual([
      ['abc-classes', 0, 1],
      ['segment-notes', 6, 7],
    ]);
    expect(layout.width).toBe(5);
    expect(layout.charts[0]?.leftColumn).toBe(6);
  });
});

describe('sheetBlocks', () => {
  it('splits data rows into blocks of the given size', () => {
    const blocks = sheetBlocks(0, layoutSheet(sheet), 2);
    const data = blocks.filter((b) => b.rowIndex >= 2 && b.rowIndex < 6);
    expect(data.map((b) => [b.rowIndex, b.values.length])).toEqual([
      [2, 2],
      [4, 1],
    ]);
  });
});

describe('safeCell', () => {
  it('keeps text as is in text columns (the text number format protects it)', () => {
    expect(safeCell('=HYPERLINK("http://x","y")', 'text')).toBe('=HYPERLINK("http://x","y")');
  });

  it('prefixes formula-like text in number columns with the apostrophe Excel treats as text', () => {
    expect(safeCell('+cmd', 'money')).toBe("'+cmd");
    expect(safeCell('@SUM(A1)', 'integer')).toBe("'@SUM(A1)");
    expect(safeCell('Total', 'money')).toBe('Total');
  });

  it('writes a number that is not finite as a blank', () => {
    expect(safeCell(Number.NaN, 'money')).toBeNull();
  });
});
