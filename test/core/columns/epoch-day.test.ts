import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  epochDayFromExcelSerial,
  epochDayFromIso,
  epochDayFromUtcDate,
  epochDayFromYmd,
  excelSerialFromEpochDay,
  isoFromEpochDay,
  PHANTOM_LEAP_SERIAL,
  ymdFromEpochDay,
} from '../../../core/columns/epoch-day.js';

const MS_PER_DAY = 86_400_000;

describe('epochDayFromYmd / ymdFromEpochDay', () => {
  it.each<[number, number, number, number]>([
    [1970, 1, 1, 0], // the epoch
    [1970, 1, 2, 1],
    [1969, 12, 31, -1],
    [2021, 1, 1, 18628], // 51 years × 365 + 13 leap days (1972…2020) = 18615 + 13
    [2000, 3, 1, 11017], // 30 × 365 + 7 leap days (1972…1996) = 10957; + 31 (Jan) + 29 (Feb 2000)
    [1900, 1, 1, -25567], // 70 × 365 + 17 leap days (1904…1968) = 25567 days before
  ])('%i-%i-%i is epoch day %i', (year, month, day, epochDay) => {
    expect(epochDayFromYmd(year, month, day)).toBe(epochDay);
    expect(ymdFromEpochDay(epochDay)).toEqual({ year, month, day });
  });

  it.each<[number, number, number]>([
    [2023, 2, 29], // 2023 is not a leap year
    [1900, 2, 29], // 1900 is not (divisible by 100, not by 400)
    [2024, 4, 31],
    [2024, 13, 1],
    [2024, 0, 1],
    [2024, 1, 0],
    [2024, 1, 1.5],
    [Number.NaN, 1, 1],
  ])('%i-%i-%i is no date', (year, month, day) => {
    expect(epochDayFromYmd(year, month, day)).toBeUndefined();
  });

  it('reads years 0–99 as themselves, not as 1900–1999', () => {
    expect(ymdFromEpochDay(epochDayFromYmd(24, 3, 5) ?? 0)).toEqual({ year: 24, month: 3, day: 5 });
  });

  it('round-trips every day from year 1 to 9999', () => {
    const first = epochDayFromYmd(1, 1, 1) ?? 0;
    const last = epochDayFromYmd(9999, 12, 31) ?? 0;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const { year, month, day: d } = ymdFromEpochDay(day);
        expect(epochDayFromYmd(year, month, d)).toBe(day);
      }),
    );
  });
});

describe('isoFromEpochDay / epochDayFromIso', () => {
  it.each<[number, string]>([
    [0, '1970-01-01'],
    [18628, '2021-01-01'],
    [-25567, '1900-01-01'],
    [epochDayFromYmd(1, 1, 1) ?? 0, '0001-01-01'],
  ])('epoch day %i is %s', (day, iso) => {
    expect(isoFromEpochDay(day)).toBe(iso);
    expect(epochDayFromIso(iso)).toBe(day);
  });

  it.each(['2024-3-5', '2024-02-30', '', ' 2024-03-05'])(
    'epochDayFromIso(%j) is undefined',
    (text) => {
      expect(epochDayFromIso(text)).toBeUndefined();
    },
  );
});

describe('epochDayFromExcelSerial / excelSerialFromEpochDay', () => {
  it.each<[number, boolean, string]>([
    [44197, false, '2021-01-01'], // ../shared/data/SOURCES.md: date.xlsx A1 = 44197 = 2021-01-01
    [42735, true, '2021-01-01'], // SOURCES.md: date_1904.xlsx A1 = 42735, the same date
    [1, false, '1900-01-01'], // Excel DATE(1900,1,1) = 1
    [59, false, '1900-02-28'], // Excel DATE(1900,2,28) = 59
    [61, false, '1900-03-01'], // Excel DATE(1900,3,1) = 61
    [25569, false, '1970-01-01'], // Excel DATE(1970,1,1) = 25569
    [2958465, false, '9999-12-31'], // Excel DATE(9999,12,31) = 2958465
    [0, true, '1904-01-01'],
    [1462, true, '1908-01-02'], // 1900 serial 2924 = 1908-01-02 (Excel: 1462 days apart)
    [44197.999, false, '2021-01-01'], // time of day dropped
  ])('serial %j (1904 system: %j) is %s', (serial, date1904, iso) => {
    const day = epochDayFromExcelSerial(serial, date1904);
    expect(day === undefined ? undefined : isoFromEpochDay(day)).toBe(iso);
  });

  it('has no day for the phantom 1900-02-29, for serials before 1 or 1904 serials below 0', () => {
    expect(PHANTOM_LEAP_SERIAL).toBe(60);
    expect(epochDayFromExcelSerial(60)).toBeUndefined();
    expect(epochDayFromExcelSerial(0)).toBeUndefined();
    expect(epochDayFromExcelSerial(-5)).toBeUndefined();
    expect(epochDayFromExcelSerial(-1, true)).toBeUndefined();
    expect(epochDayFromExcelSerial(Number.NaN)).toBeUndefined();
    expect(epochDayFromExcelSerial(Number.POSITIVE_INFINITY, true)).toBeUndefined();
  });

  it('defaults to the 1900 system', () => {
    expect(epochDayFromExcelSerial(44197)).toBe(epochDayFromExcelSerial(44197, false));
    expect(excelSerialFromEpochDay(18628)).toBe(44197);
  });

  it('maps one date to serials 1462 apart in the two systems', () => {
    fc.assert(
      // 1904 serial 0 is 1900 serial 1462, so every 1904 date is after the phantom day.
      fc.property(fc.integer({ min: 1462, max: 2958465 }), (serial) => {
        expect(epochDayFromExcelSerial(serial - 1462, true)).toBe(epochDayFromExcelSerial(serial));
      }),
    );
  });

  it('round-trips 1900 serials 1…2958465 except 60', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }).filter((serial) => serial !== 60),
        (serial) => {
          const day = epochDayFromExcelSerial(serial);
          expect(day).toBeDefined();
          expect(excelSerialFromEpochDay(day ?? 0)).toBe(serial);
        },
      ),
    );
    // The edges, always: around the phantom day and both ends.
    for (const serial of [1, 59, 61, 2958465]) {
      expect(excelSerialFromEpochDay(epochDayFromExcelSerial(serial) ?? 0)).toBe(serial);
    }
  });

  it('round-trips 1904 serials 0…2957003', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2957003 }), (serial) => {
        const day = epochDayFromExcelSerial(serial, true);
        expect(day).toBeDefined();
        expect(excelSerialFromEpochDay(day ?? 0, true)).toBe(serial);
      }),
    );
  });

  it('gives consecutive days for consecutive serials, skipping only the phantom day', () => {
    expect((epochDayFromExcelSerial(61) ?? 0) - (epochDayFromExcelSerial(59) ?? 0)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
        expect(
          (epochDayFromExcelSerial(serial + 1) ?? 0) - (epochDayFromExcelSerial(serial) ?? 0),
        ).toBe(1);
      }),
    );
  });
});

describe('epochDayFromUtcDate', () => {
  it('gives the UTC calendar day from 00:00Z to 23:59:59.999Z', () => {
    expect(epochDayFromUtcDate(new Date(Date.UTC(2021, 0, 1)))).toBe(18628);
    expect(epochDayFromUtcDate(new Date(Date.UTC(2021, 0, 1, 23, 59, 59, 999)))).toBe(18628);
    expect(epochDayFromUtcDate(new Date(Date.UTC(1969, 11, 31, 23)))).toBe(-1);
  });

  it('is undefined for an invalid Date', () => {
    expect(epochDayFromUtcDate(new Date(Number.NaN))).toBeUndefined();
  });

  it('floors any instant to its day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 0, max: MS_PER_DAY - 1 }),
        (day, ms) => {
          expect(epochDayFromUtcDate(new Date(day * MS_PER_DAY + ms))).toBe(day);
        },
      ),
    );
  });
});
