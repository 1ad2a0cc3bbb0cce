import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { parseNumber } from '../../../core/columns/parse-number.js';

describe('parseNumber', () => {
  // Worked examples; each expected value is worked out by hand beside it.
  it.each<[string, number]>([
    ['1054', 1054], // sales_pipeline.csv close_value, plain digits
    ['-2.55', -2.55],
    ['17850.0', 17850],
    ['1,234,567.8', 1234567.8], // US thousands separators removed
    ['  42  ', 42], // surrounding spaces trimmed
    ['¥1,234.50', 1234.5], // currency symbols do not change the value
    ['￥1,234.50', 1234.5], // full-width yen, NFKC → ¥
    ['$1,000', 1000], // Excel VALUE("$1,000") = 1000 (Microsoft's VALUE example)
    ['€99.90', 99.9],
    ['£7', 7],
    ['USD 1,200', 1200],
    ['1,200 USD', 1200],
    ['RMB 3,000', 3000],
    ['CNY3000', 3000],
    ['3000 EUR', 3000],
    ['1,200元', 1200],
    ['人民币 1,200', 1200],
    ['100万美元', 1_000_000], // 100 × 10,000
    ['(1,234.50)', -1234.5], // accounting negative: Excel reads a typed "(1234.50)" as -1234.5
    ['$(1,234.50)', -1234.5],
    ['($1,234.50)', -1234.5],
    ['-1,234', -1234],
    ['+1,234', 1234],
    ['-$1,234', -1234],
    ['$-1,234', -1234],
    ['USD -1,200', -1200],
    ['1234-', -1234], // trailing minus (Excel Text to Columns: "Trailing minus for negative numbers")
    ['1,234.50-', -1234.5],
    ['−5', -5], // U+2212 minus sign
    ['12.5%', 0.125], // Excel reads a typed "12.5%" as 0.125
    ['-12.5%', -0.125],
    ['100%', 1],
    ['0.1%', 0.001], // 0.1 ÷ 100, written as the decimal "0.001"
    ['1.5万', 15000], // 1.5 × 10,000 (DOMAIN.md: 万 = 10,000)
    ['0.07万', 700], // 0.07 × 10,000; 0.07 * 10000 in floats is 700.0000000000001
    ['1.5万元', 15000],
    ['2亿', 200_000_000], // 2 × 100,000,000 (DOMAIN.md: 亿 = 100,000,000)
    ['1.1亿', 110_000_000], // 1.1 * 1e8 in floats is 110000000.00000001
    ['１２３．５', 123.5], // full-width digits and point, NFKC
    ['－１，２００', -1200], // full-width minus and comma
    ['1.234,56', 1234.56], // European: both separators, comma last → comma is the decimal
    ['€1.234.567,89', 1234567.89],
    ['1.234.567', 1234567], // several dots cannot be decimals: thousands
    ['1 234 567', 1234567], // space as thousands separator
    ['1 234,56', 1234.56], // French: space groups, so the lone comma is the decimal
    ['1\u00a0234,56', 1234.56], // no-break space, as French Excel writes it
    ["1'234.50", 1234.5], // Swiss apostrophe
    ['12,34,567', 1234567], // Indian lakh grouping
    ['1,234', 1234], // one comma and three digits: thousands (US reading)
    ['.5', 0.5],
    ['5.', 5],
    ['1e5', 100000], // scientific notation as Excel writes large numbers to CSV
    ['1.23E+05', 123000],
    ['1.5E3%', 15], // 1500%
    ['-0', 0],
  ])('parseNumber(%j) is %j', (text, expected) => {
    expect(parseNumber(text)).toEqual({ ok: true, value: expected });
  });

  it('passes finite numbers below 10^15 through unchanged', () => {
    for (const value of [0, -2.55, 999_999_999_999_999, Number.MIN_VALUE, -9.99e14]) {
      expect(parseNumber(value)).toEqual({ ok: true, value });
    }
  });

  it('refuses numbers of 10^15 and more, which a million of could add up to Infinity', () => {
    for (const value of [1e15, 1e21, -Number.MAX_VALUE]) {
      expect(parseNumber(value)).toEqual({
        ok: false,
        reason: `${value} is too large to add up (numbers must be below 10^15)`,
      });
    }
    expect(parseNumber('1e308').ok).toBe(false);
  });

  it.each<[CellValue]>([[null], [undefined], [''], ['   '], ['\u3000'], ['\t\n']])(
    'reads the blank cell %j as undefined, not 0',
    (cell) => {
      expect(parseNumber(cell)).toEqual({ ok: true, value: undefined });
    },
  );

  it.each<[CellValue, string]>([
    ['#N/A', 'Excel error #N/A'], // Office.js hands errors over as text
    [' #ref! ', 'Excel error #REF!'],
    [{ error: '#DIV/0!' }, 'Excel error #DIV/0!'], // exceljs shape
    [{ error: '#SOMETHING' }, 'Excel error #UNKNOWN!'],
  ])('reports the error cell %j as %j', (cell, reason) => {
    expect(parseNumber(cell)).toEqual({ ok: false, reason });
  });

  it.each<[CellValue, string]>([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [true, 'TRUE/FALSE'],
    [new Date(Date.UTC(2024, 2, 5)), 'date'],
    ['abc', 'not a number'],
    ['N/A', 'not a number'],
    ['-', 'no digits'], // accounting format shows zero as "-"; still never silently 0
    ['$', 'no digits'],
    ['12,5', 'ambiguous'], // European 12.5 or a mistyped 125?
    ['1,2345', 'ambiguous'],
    ['(5', 'parenthesis'],
    ['5)', 'not a number'],
    ['(-5)', 'sign'],
    ['--5', 'not a number'],
    ['1.2.3', 'thousands separators'],
    ['1,234.5.6', 'more than one decimal separator'],
    ['12 34', 'thousands separators'],
    ['1,23,4567', 'thousands separators'],
    ['1.234,5,6', 'more than one decimal separator'],
    ['1e400', 'too large'],
    ['9'.repeat(400), 'too large'],
    ['Infinity', 'not a number'],
    ['0x10', 'not a number'],
    ['5%%', 'not a number'],
    ['1.5万万', 'not a number'],
    ['1,5.0', 'thousands separators'],
  ])('fails on %j with a reason naming %j', (cell, words) => {
    const result = parseNumber(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(words);
  });

  it('does not mutate a Date it is given', () => {
    const date = new Date(Date.UTC(2024, 2, 5));
    parseNumber(date);
    expect(date.getTime()).toBe(Date.UTC(2024, 2, 5));
  });

  it('reads back any finite double from its JS string form (fast and exponent paths)', () => {
    fc.assert(
      // Below 10^15: larger numbers are refused (see above).
      fc.property(fc.double({ noNaN: true, min: -9.99e14, max: 9.99e14 }), (value) => {
        // String(-0) is "0", so the expectation is the number the string spells.
        expect(parseNumber(String(value))).toEqual({ ok: true, value: Number(String(value)) });
      }),
    );
  });

  it('reads plain decimal text exactly as Number() does (the fast path)', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 20 });
    fc.assert(
      fc.property(fc.boolean(), digits, fc.option(digits), (negative, whole, fraction) => {
        const text = `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`;
        fc.pre(/\d/.test(text) && Math.abs(Number(text)) < 1e15);
        expect(parseNumber(text)).toEqual({ ok: true, value: Number(text) + 0 });
      }),
      { numRuns: 5000 },
    );
  });

  it('reads grouped, scaled text as the decimal it spells (checked against JS "…e±k" parsing)', () => {
    const suffixes = fc.constantFrom(['', 0], ['%', -2], ['万', 4], ['亿', 8], ['万元', 4]);
    const fraction = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e15 }),
        fraction,
        suffixes,
        fc.boolean(),
        (whole, decimals, [suffix, power], negative) => {
          // Numbers of 10^15 and more are refused (see above).
          fc.pre(Number(`${whole}.${decimals || '0'}e${power}`) < 1e15);
          const grouped = whole.toLocaleString('en-US');
          const text = `${negative ? '-' : ''}¥${grouped}${decimals ? `.${decimals}` : ''}${suffix}`;
          // Number('1234.5e4') is JS's own correctly rounded reading of 1234.5 × 10^4.
          const expected = Number(`${whole}.${decimals || '0'}e${power}`);
          expect(parseNumber(text)).toEqual({
            ok: true,
            value: negative && expected !== 0 ? -expected : expected,
          });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads integers written with en-US grouping, currency and accounting parentheses', () => {
    fc.assert(
      // Below 10^15 in size: the parser refuses 10^15 and more (tested above), and fast-check
      // draws the bounds themselves often.
      fc.property(fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }), (value) => {
        const grouped = Math.abs(value).toLocaleString('en-US');
        expect(parseNumber(value.toLocaleString('en-US'))).toEqual({ ok: true, value });
        const accounting = value < 0 ? `($${grouped})` : `$${grouped}`;
        expect(parseNumber(accounting)).toEqual({ ok: true, value: value === 0 ? 0 : value });
      }),
    );
  });

  it('reads amounts written the German way (1.234,56) when they have a thousands group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 1e13 }), (cents) => {
        const text = (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 });
        expect(parseNumber(text)).toEqual({ ok: true, value: Number((cents / 100).toFixed(2)) });
      }),
    );
  });

  it('scales 万 exactly: whole.ffff万 = whole × 10,000 + ffff', () => {
    fc.assert(
      fc.property(
        // Up to 99,999,999,999.9999万, just below 10^15: larger numbers are refused (Excel keeps
        // 15 significant digits; see the refusal test above).
        fc.integer({ min: 0, max: 1e11 - 1 }),
        fc.integer({ min: 0, max: 9999 }),
        (whole, fraction) => {
          const text = `${whole}.${String(fraction).padStart(4, '0')}万`;
          expect(parseNumber(text)).toEqual({ ok: true, value: whole * 10_000 + fraction });
        },
      ),
    );
  });

  it('reads n% as n ÷ 100 (both the nearest double to the same decimal)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (value) => {
        expect(parseNumber(`${value}%`)).toEqual({
          ok: true,
          value: value === 0 ? 0 : value / 100,
        });
      }),
    );
  });
});
