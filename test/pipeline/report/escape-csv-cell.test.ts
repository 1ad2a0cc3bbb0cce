import { describe, expect, it } from 'vitest';
import { escapeCsvCell } from '../../../pipeline/report/escape-csv-cell.js';
import { CSV_BOM, tableToCsv } from '../../../pipeline/report/report-table.js';

describe('escapeCsvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+41 44 123', "'+41 44 123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['-5', "'-5"], // text that looks like a number is still text: escaped
  ])(
    'escapeCsvCell(%j) prefixes a quote so a spreadsheet shows text, not a formula',
    (input, out) => {
      expect(escapeCsvCell(input)).toBe(out);
    },
  );

  it('escapeCsvCell keeps numbers as numbers, negative ones included', () => {
    expect(escapeCsvCell(-12.5)).toBe('-12.5');
    expect(escapeCsvCell(0)).toBe('0');
    expect(escapeCsvCell(1234567.891)).toBe('1234567.891');
  });

  it('escapeCsvCell quotes commas, quotes and line breaks (RFC 4180) and leaves plain text alone', () => {
    expect(escapeCsvCell('Bolt, Nut & Co')).toBe('"Bolt, Nut & Co"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('a\nb')).toBe('"a\nb"');
    expect(escapeCsvCell('华东机电')).toBe('华东机电');
    expect(escapeCsvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('escapeCsvCell writes blanks as empty cells and booleans as TRUE/FALSE', () => {
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
    expect(escapeCsvCell('')).toBe('');
    expect(escapeCsvCell(true)).toBe('TRUE');
    expect(escapeCsvCell(false)).toBe('FALSE');
  });

  it('escapeCsvCell throws for NaN and Infinity, which have no CSV form', () => {
    expect(() => escapeCsvCell(Number.NaN)).toThrow(
      /escapeCsvCell: a number must be finite, got NaN/,
    );
    expect(() => escapeCsvCell(Infinity)).toThrow(TypeError);
  });
});

describe('tableToCsv', () => {
  it('tableToCsv starts with a BOM, uses CRLF and escapes every cell including headers', () => {
    const csv = tableToCsv({
      id: 't',
      title: 'T',
      columns: [
        { label: '客户', format: 'text' },
        { label: '=金额', format: 'money' },
      ],
      rows: [
        ['=cmd|calc', -3],
        [null, 4.5],
      ],
    });
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1)).toBe("客户,'=金额\r\n'=cmd|calc,-3\r\n,4.5\r\n");
  });
});
