import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { epochDayFromYmd, isoFromEpochDay } from '../../../core/columns/epoch-day.js';
import { parseDate } from '../../../core/columns/parse-date.js';

const MS_PER_DAY = 86_400_000;

/** The ISO date a result holds, or its failure reason prefixed with "fail: ". */
function show(cell: CellValue, date1904 = false): string | undefined {
  const result = parseDate(cell, { date1904 });
  if (!result.ok) return `fail: ${result.reason}`;
  return result.value === undefined ? undefined : isoFromEpochDay(result.value);
}

/** exceljs 4.4 lib/utils/utils.js excelToDate: how exceljs turns a serial into a Date. */
function exceljsDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

describe('parseDate: Excel serial numbers', () => {
  it.each<[number, boolean, string]>([
    [44197, false, '2021-01-01'], // ../shared/data/SOURCES.md: date.xlsx A1 = 44197 = 2021-01-01; Excel DATE(2021,1,1) = 44197
    [42735, true, '2021-01-01'], // SOURCES.md: date_1904.xlsx A1 = 42735, the same date (44197 − 1462)
    [1, false, '1900-01-01'], // Excel DATE(1900,1,1) = 1
    [59, false, '1900-02-28'], // Excel DATE(1900,2,28) = 59
    [61, false, '1900-03-01'], // Excel DATE(1900,3,1) = 61 (60 is the phantom 1900-02-29)
    [0, true, '1904-01-01'], // 1904 system starts at serial 0
    [2958465, false, '9999-12-31'], // Excel DATE(9999,12,31) = 2958465, its last date
    [2957003, true, '9999-12-31'], // 2958465 − 1462
    [44197.75, false, '2021-01-01'], // 18:00 on the day: the time of day is dropped
    [40513.35138888889, false, '2010-12-01'], // Online Retail's first invoice, 2010-12-01 08:26
  ])('serial %j (1904 system: %j) is %s', (serial, date1904, iso) => {
    expect(show(serial, date1904)).toBe(iso);
  });

  it('defaults to the 1900 date system', () => {
    expect(parseDate(44197)).toEqual(parseDate(44197, { date1904: false }));
    expect(parseDate(44197)).toEqual({ ok: true, value: epochDayFromYmd(2021, 1, 1) });
  });

  it('gives the same day as exceljs for a date-time a float hair before midnight', () => {
    // A formula like =A1+1 can store 44197.99999999999; exceljs rounds it to 2021-01-02T00:00Z.
    const serial = 44197.99999999999;
    expect(exceljsDate(serial, false).toISOString()).toBe('2021-01-02T00:00:00.000Z');
    expect(show(serial)).toBe('2021-01-02');
  });

  it.each<[number, boolean, string]>([
    [60, false, '1900-02-29'], // the phantom day
    [60.5, false, '1900-02-29'],
    [0, false, 'before 1900-01-01'], // serial 0 is Excel's "1900-01-00", a time-only value
    [0.5, false, 'before 1900-01-01'],
    [-1, false, 'before 1900-01-01'],
    [2958466, false, '9999-12-31'],
    [-1, true, 'negative'],
    [2957004, true, '9999-12-31'],
    [Number.NaN, false, 'not a date serial'],
    [Number.POSITIVE_INFINITY, false, 'not a date serial'],
    [1e300, false, '9999-12-31'],
  ])('fails on serial %j (1904: %j) with a reason naming %j', (serial, date1904, words) => {
    const result = parseDate(serial, { date1904 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(words);
  });
});

describe('parseDate: Date objects', () => {
  it('reads the UTC calendar date, from 00:00Z to 23:59:59.999Z, whatever the machine zone', () => {
    const start = new Date(Date.UTC(2024, 2, 5, 0, 0, 0));
    const end = new Date(Date.UTC(2024, 2, 5, 23, 59, 59, 999));
    expect(show(start)).toBe('2024-03-05');
    expect(show(end)).toBe('2024-03-05');
  });

  it('reads dates before 1970 (negative epoch days)', () => {
    expect(show(new Date(Date.UTC(1900, 0, 1, 12)))).toBe('1900-01-01');
  });

  it('fails on an invalid Date', () => {
    expect(parseDate(new Date(Number.NaN))).toEqual({ ok: false, reason: 'invalid Date' });
  });

  it('does not mutate the Date', () => {
    const date = new Date(Date.UTC(2024, 2, 5, 10));
    parseDate(date);
    expect(date.getTime()).toBe(Date.UTC(2024, 2, 5, 10));
  });

  it('agrees with exceljs: a serial and the Date exceljs makes of it give one day', () => {
    fc.assert(
      fc.property(
        // exceljs ignores the phantom day, so its Dates match Excel only from serial 61 on.
        fc.oneof(
          fc.tuple(fc.integer({ min: 61, max: 2958465 }), fc.constant(false)),
          fc.tuple(fc.integer({ min: 0, max: 2957003 }), fc.constant(true)),
        ),
        fc.integer({ min: 0, max: MS_PER_DAY - 1 }),
        ([whole, date1904], ms) => {
          const serial = whole + ms / MS_PER_DAY;
          expect(parseDate(exceljsDate(serial, date1904))).toEqual(parseDate(serial, { date1904 }));
        },
      ),
    );
  });
});

describe('parseDate: text', () => {
  it.each<[string, string]>([
    ['2024-03-05', '2024-03-05'], // ISO (sales_pipeline.csv close_date)
    ['2010-12-01 08:26:00', '2010-12-01'], // Online Retail InvoiceDate, time dropped
    ['2010-12-01T08:26:00', '2010-12-01'],
    ['2024-03-05T10:00:00Z', '2024-03-05'],
    ['2024-03-05T23:30:00-05:00', '2024-03-05'], // the date as written, not shifted to UTC (03-06)
    ['2024-03-05T00:30:00+08:00', '2024-03-05'], // not shifted to UTC (03-04)
    ['2024-03-05 10:00:00.123', '2024-03-05'],
    ['2024-03-05 10:00', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/3/5', '2024-03-05'], // DOMAIN.md: 2024/3/5
    ['2024/03/05 14:30', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['4/6/2013', '2013-04-06'], // IBM receivables PaperlessDate: US month first, April 6
    ['1/15/2013', '2013-01-15'], // IBM receivables SettledDate
    ['12/31/2013 11:59 PM', '2013-12-31'],
    ['2024年3月5日', '2024-03-05'], // DOMAIN.md: 2024年3月5日
    ['2024年03月05日', '2024-03-05'],
    ['2024 年 3 月 5 日', '2024-03-05'],
    ['2024年3月5号', '2024-03-05'],
    ['2024年3月5日 10:30', '2024-03-05'],
    ['2024年3月5日 下午3点', '2024-03-05'],
    ['2024年3月5日14时30分', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'], // full-width digits, NFKC
    ['２０２４－０３－０５', '2024-03-05'],
    ['２０２４／３／５', '2024-03-05'],
    ['  2024-03-05  ', '2024-03-05'],
    ['20240305', '2024-03-05'], // ISO 8601 basic format
    ['5-Mar-2024', '2024-03-05'], // Excel's d-mmm-yyyy display
    ['05 March 2024', '2024-03-05'],
    ['Mar 5, 2024', '2024-03-05'],
    ['march 5th 2024', '2024-03-05'],
    ['2024-02-29', '2024-02-29'], // 2024 is a leap year (divisible by 4)
    ['2000-02-29', '2000-02-29'], // 2000 is a leap year (divisible by 400)
    ['1900-02-28', '1900-02-28'],
    ['Tuesday, March 5, 2024', '2024-03-05'], // Excel long date; 2024-03-05 was a Tuesday
    ['Tue 5-Mar-2024', '2024-03-05'],
    ['2024年3月5日星期二', '2024-03-05'], // Chinese Excel long date
    ['2024年3月5日 周二 10:30', '2024-03-05'],
    ['2024年3月10日星期日', '2024-03-10'], // a Sunday
    ['2024年3月10日礼拜天', '2024-03-10'],
  ])('parseDate(%j) is %s', (text, iso) => {
    expect(show(text)).toBe(iso);
  });

  it.each<[string, string]>([
    ['2023-02-29', 'no such calendar date: 2023-02-29'], // 2023 is not a leap year
    ['1900-02-29', 'no such calendar date'], // 1900 is not a leap year (divisible by 100, not 400)
    ['2024-04-31', 'no such calendar date'],
    ['2024-13-01', 'no such calendar date'],
    ['2024-00-10', 'no such calendar date'],
    ['13/1/2024', 'month 13, day 1, year 2024'], // read month first, as in the US
    ['2/30/2024', 'no such calendar date'],
    ['3/5/24', 'two-digit year'], // 1924 or 2024?
    ['5-Mar-24', 'two-digit year'],
    ['24年3月5日', 'two-digit year'],
    ['3/5/202', 'four digits'],
    ['2024-03-05 25:00:00', 'no such time'],
    ['2024-03-05 10:61', 'no such time'],
    ['2024-03-05 13:00 PM', 'no such time'],
    ['2024-03-05 soon', 'no such time'],
    ['5-Foo-2024', 'unknown month name'],
    ['44197', 'number stored as text'], // a serial must be a number cell
    ['2024', 'number stored as text'], // else it would become 1905-07-16
    ['yesterday', 'not a date'],
    ['2024-03', 'not a date'],
    ['2024年3月', 'not a date'],
    ['05.03.2024', 'not a date'], // day-first German order is not guessed
    ['Friday, March 5, 2024', 'names Friday but 2024-03-05 is a Tuesday'],
    ['2024年3月5日星期五', 'names Friday but 2024-03-05 is a Tuesday'],
  ])('fails on %j with a reason naming %j', (text, words) => {
    const result = parseDate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(words);
  });
});

describe('parseDate: blanks, errors and other cells', () => {
  it.each<[CellValue]>([[null], [undefined], [''], ['  '], ['\u3000']])(
    'reads the blank cell %j as undefined',
    (cell) => {
      expect(parseDate(cell)).toEqual({ ok: true, value: undefined });
    },
  );

  it.each<[CellValue, string]>([
    ['#N/A', 'Excel error #N/A'],
    ['#VALUE!', 'Excel error #VALUE!'],
    [{ error: '#REF!' }, 'Excel error #REF!'],
    [true, 'TRUE/FALSE is not a date'],
  ])('fails on %j with %j', (cell, reason) => {
    expect(parseDate(cell)).toEqual({ ok: false, reason });
  });
});

describe('parseDate: properties', () => {
  const FIRST = epochDayFromYmd(1, 1, 1) ?? 0;
  const LAST = epochDayFromYmd(9999, 12, 31) ?? 0;
  const anyDay = fc.integer({ min: FIRST, max: LAST });

  it('reads back every ISO, US, slash, Chinese and full-width spelling of a date', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const iso = isoFromEpochDay(day);
        const [, m, d] = iso.split('-').map(Number);
        const yyyy = iso.slice(0, 4);
        const fullWidth = (text: string) =>
          text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
        for (const text of [
          iso,
          `${iso} 12:34:56`,
          `${yyyy}/${m}/${d}`,
          `${m}/${d}/${yyyy}`,
          `${yyyy}年${m}月${d}日`,
          fullWidth(`${yyyy}年${m}月${d}日`),
          iso.replaceAll('-', ''),
        ]) {
          expect(parseDate(text), text).toEqual({ ok: true, value: day });
        }
      }),
    );
  });

  it('accepts exactly the calendar dates epochDayFromYmd accepts, with the same day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}/${month}/${day}`;
          const expected = epochDayFromYmd(year, month, day);
          const result = parseDate(text);
          if (expected === undefined) expect(result.ok).toBe(false);
          else expect(result).toEqual({ ok: true, value: expected });
        },
      ),
    );
  });

  it('reads any instant of a UTC day as that day', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: MS_PER_DAY - 1 }), (day, ms) => {
        expect(parseDate(new Date(day * MS_PER_DAY + ms))).toEqual({ ok: true, value: day });
      }),
    );
  });
});

describe('parseDate: machine time zone', () => {
  it('gives the same days under UTC+14 and UTC−10 (run in child processes)', () => {
    const parser = fileURLToPath(new URL('../../../core/columns/parse-date.ts', import.meta.url));
    const script = `
      const { parseDate } = await import(${JSON.stringify(parser)});
      const cells = [44197, '2024-03-05', '4/6/2013', '2024年3月5日', '2024-03-05T23:30:00-05:00',
        new Date(Date.UTC(2024, 2, 5)), new Date(Date.UTC(2024, 2, 5, 23, 59))];
      console.log(JSON.stringify(cells.map((cell) => parseDate(cell))));`;
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    const kiritimati = run('Pacific/Kiritimati');
    expect(kiritimati).toBe(run('Pacific/Honolulu'));
    // 44197 = 2021-01-01 = epoch day 18628 (51 × 365 + 13 leap days); 2024-03-05 = 19787.
    expect(JSON.parse(kiritimati)).toEqual([
      { ok: true, value: 18628 },
      { ok: true, value: 19787 },
      { ok: true, value: epochDayFromYmd(2013, 4, 6) },
      { ok: true, value: 19787 },
      { ok: true, value: 19787 },
      { ok: true, value: 19787 },
      { ok: true, value: 19787 },
    ]);
  });
});
