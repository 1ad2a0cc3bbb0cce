import { describe, expect, it } from 'vitest';
import { RECORD_FIELDS, type FieldSpec } from '../../../core/columns/record-fields.js';
import { breakdownKeyCells, breakdownKeyText } from '../../../core/tables/breakdown-key-text.js';

function dealField(name: string): FieldSpec {
  const spec = RECORD_FIELDS.deal.find((field) => field.field === name);
  if (spec === undefined) throw new Error(name);
  return spec;
}

describe('breakdownKeyText', () => {
  it('gives a date cell as its calendar date, with the time only when not midnight', () => {
    expect(breakdownKeyText(new Date(Date.UTC(2026, 6, 28)))).toBe('2026-07-28');
    expect(breakdownKeyText(new Date(Date.UTC(2026, 6, 28, 9, 30)))).toBe('2026-07-28 09:30');
    expect(breakdownKeyText(new Date(Date.UTC(2026, 6, 28, 9, 30, 15)))).toBe(
      '2026-07-28 09:30:15',
    );
    // Before 1970 the time of day still counts from that day's midnight.
    expect(breakdownKeyText(new Date(Date.UTC(1969, 11, 31, 23, 0)))).toBe('1969-12-31 23:00');
  });

  it('gives any other cell as cellText does', () => {
    expect(breakdownKeyText('2026-07-28')).toBe('2026-07-28');
    expect(breakdownKeyText(46231)).toBe('46231');
    expect(breakdownKeyText(true)).toBe('true');
    expect(breakdownKeyText({ error: '#N/A' })).toBe('#N/A');
    expect(breakdownKeyText(new Date(NaN))).toBe('Invalid Date');
  });
});

describe('breakdownKeyCells', () => {
  const codes = Int32Array.from([1, 2, 3, 4, 0]);

  it('reads a date field’s numbers as Excel serial dates', () => {
    // 1900 system: serial 25569 is 1970-01-01, so 46231 is day 20662 = 2026-07-28
    // (epochDayFromIso('2026-06-30') = 20634, plus 28 days); .375 of a day is 09:00.
    const keys = { codes, dictionary: [undefined, 46231, 46231.375, 'Q3', 0] };
    const read = breakdownKeyCells(keys, dealField('closeDate'), false);
    expect(read.dictionary).toEqual([undefined, '2026-07-28', '2026-07-28 09:00', 'Q3', 0]);
    expect(read.codes).toBe(codes);
    // 0 is before 1900-01-01 (serial 1): no date, it stays the number it is.
  });

  it('reads serials in the 1904 date system when the workbook uses it', () => {
    // 1904 serial 0 is 1904-01-01; 1900 serial 1462 is the same day, so 44769 is 2026-07-28.
    const keys = { codes, dictionary: [undefined, 44769] };
    expect(breakdownKeyCells(keys, dealField('createdDate'), true).dictionary).toEqual([
      undefined,
      '2026-07-28',
    ]);
  });

  it('leaves a column of another field, or of none, as it is', () => {
    const keys = { codes, dictionary: [undefined, 46231, '7/28/2026', '10.0'] };
    expect(breakdownKeyCells(keys, dealField('stage'), false)).toBe(keys);
    expect(breakdownKeyCells(keys, undefined, false)).toBe(keys);
    // A number field's numbers are not dates.
    const numbers = { codes, dictionary: [undefined, 46231] };
    expect(breakdownKeyCells(numbers, dealField('amount'), false)).toBe(numbers);
  });

  it('reads a date field’s texts with the core’s date parser, as ISO days', () => {
    const keys = {
      codes,
      dictionary: [
        undefined,
        '2026-07-11',
        '07/11/2026',
        '7/11/2026',
        '2026/7/11',
        '2026年7月11日',
        '2026-07-11 09:30:00',
        'next week',
        '13/11/2026',
        '46214',
        '',
      ],
    };
    // Every spelling of July 11, 2026 (US dates month first, as parseDate reads them; the core
    // reads a text's day and drops its time) is '2026-07-11'. 'next week' is no date; 13/11/2026
    // has no month 13; a serial typed as text is no date to the core: each stays as typed, and
    // a blank stays blank.
    expect(breakdownKeyCells(keys, dealField('closeDate'), false).dictionary).toEqual([
      undefined,
      ...Array<string>(6).fill('2026-07-11'),
      'next week',
      '13/11/2026',
      '46214',
      '',
    ]);
  });

  it('reads a number field’s texts with the core’s number parser, as numbers', () => {
    const keys = {
      codes,
      dictionary: [undefined, '10', '10.0', '1e1', 10, '¥1,234.50', '1.5万', 'TBD', 'abc 10'],
    };
    // parseNumber: '10', '10.0', '1e1' are 10; '¥1,234.50' is 1234.5; '1.5万' is 15000;
    // 'TBD' and 'abc 10' are no numbers and stay as typed.
    expect(breakdownKeyCells(keys, dealField('amount'), false).dictionary).toEqual([
      undefined,
      10,
      10,
      10,
      10,
      1234.5,
      15000,
      'TBD',
      'abc 10',
    ]);
  });

  it('does not change the codes it was given', () => {
    const dictionary = [undefined, 46231];
    breakdownKeyCells({ codes, dictionary }, dealField('closeDate'), false);
    expect(dictionary).toEqual([undefined, 46231]);
  });
});
