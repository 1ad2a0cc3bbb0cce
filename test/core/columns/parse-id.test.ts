import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { parseId, parseText } from '../../../core/columns/parse-id.js';

describe('parseId', () => {
  it.each<[CellValue, string]>([
    ['17850.0', '17850'], // Online Retail CSV writes CustomerID as a float (SOURCES.md)
    ['17850.00', '17850'],
    [17850, '17850'], // the same customer as a number cell
    ['17850', '17850'],
    [' 1C1I7A6R ', '1C1I7A6R'], // sales_pipeline.csv opportunity_id, trimmed
    ['0379-NEVHP', '0379-NEVHP'], // IBM receivables customerID: leading zero kept
    ['007', '007'],
    ['C536379', 'C536379'], // Online Retail cancellation invoice
    ['17850.5', '17850.5'], // not an integer: left as written
    ['1.7850E+4', '1.7850E+4'], // scientific text is left alone, not guessed at
    [536365, '536365'],
    [-0, '0'],
    [2.5, '2.5'],
    [17850.000000000004, '17850'], // float noise past Excel's 15 significant digits
    [1e21, '1e+21'], // String's own form for huge numbers
    ['#123', '#123'], // not an Excel error literal
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'], // ISO date of the UTC calendar day
    [new Date(Date.UTC(2024, 2, 5, 23, 59)), '2024-03-05'],
  ])('parseId(%j) is %j', (cell, expected) => {
    expect(parseId(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue]>([[null], [undefined], [''], ['   ']])(
    'reads the blank cell %j as undefined',
    (cell) => {
      expect(parseId(cell)).toEqual({ ok: true, value: undefined });
    },
  );

  it.each<[CellValue, string]>([
    ['#N/A', 'Excel error #N/A'],
    [{ error: '#REF!' }, 'Excel error #REF!'],
    [Number.NaN, 'NaN is not a value'],
    [true, 'TRUE/FALSE is not an id'],
    [new Date(Number.NaN), 'invalid Date'],
  ])('fails on %j with %j', (cell, reason) => {
    expect(parseId(cell)).toEqual({ ok: false, reason });
  });
});

describe('parseText', () => {
  it.each<[CellValue, string]>([
    ['  Moses Frase ', 'Moses Frase'], // sales_pipeline.csv sales_agent, trimmed
    ['\u3000华东区\u3000', '华东区'], // ideographic spaces trimmed
    ['17850.0', '17850.0'], // text stays as written (only parseId drops ".0")
    [3, '3'],
    [2.5, '2.5'],
    [0.1 + 0.2, '0.3'], // Excel keeps 15 significant digits and shows 0.3
    [123456789012345, '123456789012345'], // 15 digits: kept whole
    [true, 'TRUE'], // as Excel shows a boolean
    [false, 'FALSE'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    [new Date(Date.UTC(2024, 2, 5, 8, 26)), '2024-03-05T08:26:00.000Z'],
  ])('parseText(%j) is %j', (cell, expected) => {
    expect(parseText(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue]>([[null], [undefined], [''], [' \t ']])(
    'reads the blank cell %j as undefined',
    (cell) => {
      expect(parseText(cell)).toEqual({ ok: true, value: undefined });
    },
  );

  it.each<[CellValue, string]>([
    [' #DIV/0! ', 'Excel error #DIV/0!'],
    [{ error: '#N/A' }, 'Excel error #N/A'],
    [Number.POSITIVE_INFINITY, 'Infinity is not a value'],
  ])('fails on %j with %j', (cell, reason) => {
    expect(parseText(cell)).toEqual({ ok: false, reason });
  });
});
