import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { haveSameKindAndHeaders } from '../../../core/workbook/same-kind-files.js';
import type { SheetGrid } from '../../../core/workbook/sheet-grid.js';

const file = (sheet: string, rows: CellValue[][]): SheetGrid[] => [
  { file: `${sheet}.csv`, sheet, rows, date1904: false },
];
const HEADER = ['InvoiceNo', 'InvoiceDate', 'CustomerID', 'Quantity', 'UnitPrice'];
const day = (date: string, header: CellValue[] = HEADER): SheetGrid[] =>
  file(date, [header, ['536365', `${date} 08:26:00`, '17850', '6', '2.55']]);

describe('haveSameKindAndHeaders', () => {
  it('haveSameKindAndHeaders is true for daily exports of one table, whatever their names', () => {
    expect(haveSameKindAndHeaders([day('2010-12-01'), day('2010-12-02'), day('2010-12-03')])).toBe(
      true,
    );
    // Headers compare as header matching does: case, spaces, punctuation and a trailing blank.
    const typed = ['invoice no', 'Invoice_Date', 'customerid', 'QUANTITY', 'Unit Price', ''];
    expect(haveSameKindAndHeaders([day('2010-12-01'), day('2010-12-02', typed)])).toBe(true);
  });

  it('haveSameKindAndHeaders is false for one file, other headers, other kinds, unknown tables', () => {
    expect(haveSameKindAndHeaders([])).toBe(false);
    expect(haveSameKindAndHeaders([day('2010-12-01')])).toBe(false);
    const more = [...HEADER, 'Country'];
    expect(haveSameKindAndHeaders([day('2010-12-01'), day('2010-12-02', more)])).toBe(false);
    const deals = file('deals', [
      ['Deal', 'Stage', 'Amount'],
      ['D1', 'Design', 100],
    ]);
    expect(haveSameKindAndHeaders([day('2010-12-01'), deals])).toBe(false);
    const notes = (name: string) => file(name, [['free text'], ['more']]);
    expect(haveSameKindAndHeaders([notes('a'), notes('b')])).toBe(false);
  });
});
