import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellHtml } from '../../../pipeline/report-html/html-pieces.js';
import { cutCellText } from '../../../pipeline/report/cut-cell-text.js';
import { resultsXlsx } from '../../../pipeline/report/write-results-xlsx.js';

describe('cells past Excel limits in the outputs', () => {
  it('cutCellText keeps text that fits and cuts longer text to the limit with a note', () => {
    expect(cutCellText('Müller')).toBe('Müller');
    const cut = cutCellText('x'.repeat(10_000_000));
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith('… [cut: 10,000,000 characters]')).toBe(true);
    // A surrogate pair at the cut stays whole: 😀 is two code units, and the note
    // "… [cut: 60 characters]" 22, so 41 leaves 19 units: 9 whole pairs are kept.
    expect(cutCellText('😀'.repeat(30), 41)).toBe(`${'😀'.repeat(9)}… [cut: 60 characters]`);
  });

  it('results.xlsx holds a 10 MB customer name cut to 32,767 characters, noted on the Notes sheet', async () => {
    const name = 'N'.repeat(10_000_000);
    const bytes = await resultsXlsx(
      [
        {
          name: 'ABC',
          tables: [
            {
              id: 'abc',
              title: 'Customers',
              columns: [{ label: 'Customer', format: 'text' }],
              rows: [[name]],
            },
          ],
          images: [],
        },
      ],
      [],
    );
    expect(bytes.length).toBeLessThan(1_000_000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const text = workbook.getWorksheet('ABC')!.getCell(3, 1).value as string;
    expect(text).toHaveLength(32_767);
    const note = workbook.getWorksheet('Notes')!.getRow(2).values as unknown[];
    // values[0] is empty (exceljs counts columns from 1); the File column is blank.
    expect(note.slice(1)).toEqual([
      'cut',
      undefined,
      'ABC',
      3,
      'Customer',
      "text of 10,000,000 characters cut to Excel's limit of 32,767 per cell",
      'text cut',
    ]);
  });

  it('report.html shows at most 1,000 characters of a cell', () => {
    const { html } = cellHtml('<'.repeat(5000));
    const note = '… [cut: 5,000 characters]';
    expect(html).toBe(`${'&lt;'.repeat(1000 - note.length)}${note}`);
  });
});
