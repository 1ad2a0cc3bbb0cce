import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRect, parseAddress, quoteSheetName } from './cell-address.js';
import { serialFromYmd, utcTimeFromSerial } from './cell-input.js';
import { formatCellText } from './format-cell-text.js';
import { jsonByteLength } from './json-byte-length.js';

describe('parseAddress and formatRect', () => {
  it('reads the address forms Excel accepts', () => {
    expect(parseAddress('$B$2:c3')).toEqual({
      sheetName: undefined,
      rect: { top: 1, left: 1, bottom: 2, right: 2 },
    });
    expect(parseAddress("'My ''Q1'' sheet'!A1")?.sheetName).toBe("My 'Q1' sheet");
    expect(parseAddress('XFD1048576')?.rect).toEqual({
      top: 1_048_575,
      left: 16_383,
      bottom: 1_048_575,
      right: 16_383,
    });
    expect(formatRect(parseAddress('C:A')!.rect)).toBe('A:C');
    expect(formatRect(parseAddress('5:3')!.rect)).toBe('3:5');
  });

  it('refuses what is not an address', () => {
    for (const text of ['', 'A0', 'A1:B2:C3', 'XFE1', 'A1048577', 'Deals', 'A:1'])
      expect(parseAddress(text)).toBeUndefined();
  });

  it('quotes sheet names with spaces, punctuation or the shape of a cell', () => {
    expect([
      quoteSheetName('Deals'),
      quoteSheetName('预测'),
      quoteSheetName('My deals'),
      quoteSheetName('AB12'),
    ]).toEqual(['Deals', '预测', "'My deals'", "'AB12'"]);
  });
});

describe('date serials', () => {
  it('match Excel in both systems', () => {
    // Excel: =DATE(2021,1,1) is 44197 (1900 system) and 42735 (1904 system); =DATE(1900,3,1) is 61.
    expect(serialFromYmd(2021, 1, 1, false)).toBe(44197);
    expect(serialFromYmd(2021, 1, 1, true)).toBe(42735);
    expect(serialFromYmd(1900, 3, 1, false)).toBe(61);
    expect(serialFromYmd(1900, 2, 28, false)).toBe(59);
    expect(serialFromYmd(2021, 2, 29, false)).toBeUndefined();
    expect(new Date(utcTimeFromSerial(44197.5, false)).toISOString()).toBe(
      '2021-01-01T12:00:00.000Z',
    );
  });
});

describe('formatCellText', () => {
  it('shows values as their number format does (as Excel shows them in en-US)', () => {
    expect(formatCellText(1234.5, '#,##0.00', false)).toBe('1,234.50');
    expect(formatCellText(-0.125, '0.0%', false)).toBe('-12.5%');
    expect(formatCellText(0.125, '0%', false)).toBe('13%');
    expect(formatCellText(44197, 'yyyy-mm-dd', false)).toBe('2021-01-01');
    expect(formatCellText(44197.75, 'm/d/yyyy hh:mm', false)).toBe('1/1/2021 18:00');
    expect(formatCellText(1 / 3, 'General', false)).toBe('0.333333333');
    expect(formatCellText(123456789012, 'General', false)).toBe('1.23457E+11');
    expect(formatCellText('00123', '@', false)).toBe('00123');
    expect(formatCellText(true, 'General', false)).toBe('TRUE');
  });
});

describe('jsonByteLength', () => {
  it('equals the UTF-8 length of JSON.stringify for any JSON value', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonByteLength(value)).toBe(encoder.encode(JSON.stringify(value)).length);
      }),
      { numRuns: 500 },
    );
  });
});
