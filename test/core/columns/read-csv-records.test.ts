import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../core/columns/parse-csv-text.js';
import { CsvValueCache } from '../../../core/columns/csv-value-cache.js';
import { readCsvRecords } from '../../../core/columns/read-csv-records.js';
import { readRecords } from '../../../core/columns/read-records.js';
import type { RecordKind } from '../../../core/columns/records.js';

const SHARED = join(import.meta.dirname, '../../../../shared/data');

/** The reference: the generic CSV parser, then readRecords over the grid. */
function viaGrid<K extends RecordKind>(text: string, kind: K, delimiter = ',') {
  return readRecords(parseCsvText(text, delimiter), { kind, sheet: 'S', file: 'f.csv' });
}
function viaText<K extends RecordKind>(text: string, kind: K, delimiter = ',') {
  return readCsvRecords(text, { kind, sheet: 'S', file: 'f.csv', delimiter });
}

describe('readCsvRecords', () => {
  it('reads a plain pipeline as readRecords does', () => {
    const text =
      'Title line\n\nDeal,Stage,Amount,Close date\nA,Design,1200,2024-07-01\nB,Commit,-35.5,2024-02-30\n\nC, ,"1,000",2024/7/1\n';
    const result = viaText(text, 'deal');
    expect(result).toEqual(viaGrid(text, 'deal'));
    // Hand check: 2024-02-30 does not exist (warning, value ignored); C has a blank stage (dropped);
    // A's close date 2024-07-01 is epoch day 19905 (Date.UTC(2024, 6, 1) / 86400000).
    expect(result.records.map((r) => [r.id, r.amount, r.closeDate])).toEqual([
      ['A', 1200, 19905],
      ['B', -35.5, undefined],
    ]);
    expect(result.warnings.map((w) => [w.code, w.row, w.column])).toEqual([
      ['unreadable-value', 5, 'Close date'],
      ['missing-required-value', 7, 'Stage'],
    ]);
  });

  it('handles quoted fields, CRLF and CR line ends, and a missing final line break', () => {
    const text = 'Deal,Stage,Amount\r\n"A, Inc","Design",7\r"B ""x""",Commit,8\r\nC,Use,9';
    expect(viaText(text, 'deal')).toEqual(viaGrid(text, 'deal'));
    expect(viaText(text, 'deal').records.map((r) => r.id)).toEqual(['A, Inc', 'B "x"', 'C']);
  });

  it('reads semicolon files and Chinese text', () => {
    const text = '商机;阶段;金额\nS-1;设计;1.5万\nS-2;承诺;\u3000\n';
    expect(viaText(text, 'deal', ';')).toEqual(viaGrid(text, 'deal', ';'));
  });

  it('shares one string instance for repeated text values', () => {
    const text = 'Deal,Stage\nA,Design\nB,Design\n';
    const [a, b] = viaText(text, 'deal').records;
    expect(a?.stage).toBe('Design');
    expect(Object.is(a?.stage, b?.stage)).toBe(true);
  });

  it('reports a quoted field that never closes', () => {
    expect(() => viaText('Deal,Stage\nA,"Design\n', 'deal')).toThrow(/line 2 is never closed/);
  });

  it('gives the empty result readRecords gives for empty input or no header', () => {
    expect(viaText('', 'deal')).toEqual(viaGrid('', 'deal'));
    expect(viaText('x,y\n1,2\n', 'invoice')).toEqual(viaGrid('x,y\n1,2\n', 'invoice'));
  });

  it('agrees with readRecords on any table of tricky cells, for every kind', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '\u3000',
        '12',
        '-0',
        '007',
        '1.5',
        '-2.55',
        '1,234.5',
        '12%',
        '¥3,000',
        '(5)',
        'abc',
        '#N/A',
        '1e3',
        '.5',
        '5.',
      ),
      fc.constantFrom(
        '2024-02-29',
        '2023-02-29',
        '2010-12-01 08:26:00',
        '2010-12-01T24:00:00',
        '4/6/2013',
        '2024年3月5日',
        '0000-01-01',
      ),
      fc.constantFrom(
        'Won',
        'lost',
        '是',
        'no',
        'C536379',
        '17850.0',
        'Design',
        '设计',
        'x"y',
        '"q"',
      ),
      fc.string({ maxLength: 6 }),
    );
    const headers: Record<RecordKind, string[]> = {
      deal: ['Deal', 'Stage', 'Amount', 'Close date', 'Status', 'Probability', 'Need'],
      orderLine: ['InvoiceNo', 'InvoiceDate', 'Quantity', 'UnitPrice', 'CustomerID'],
      invoice: ['Invoice', 'Customer', 'Invoice date', 'Due date', 'Amount', 'Disputed'],
      payment: ['Customer', 'Invoice', 'Payment date', 'Amount'],
      customer: ['Customer', 'Name', 'Potential', 'Share', 'Score'],
      stageChange: ['Deal', 'Stage', 'Date'],
    };
    const quote = (value: string) =>
      /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(headers) as RecordKind[])),
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (kind, rows, newline) => {
          const text = [
            headers[kind].join(','),
            ...rows.map((row) => row.map(quote).join(',')),
          ].join(newline);
          const grid = viaGrid(text, kind);
          expect(viaText(text, kind)).toEqual(grid);
          // Collected as a table instead: the same records, warnings and counts.
          const { table, ...rest } = readCsvRecords(text, {
            kind,
            sheet: 'S',
            file: 'f.csv',
            delimiter: ',',
            table: true,
          });
          expect(table?.toRecords()).toEqual(grid.records);
          expect(rest).toEqual({ ...grid, records: [] });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same result for the text in pieces, wherever the pieces are cut', () => {
    // Cuts may fall inside a quoted field, between the two quotes of "", between CR and LF,
    // inside the header rows or inside a multi-byte character's neighbourhood.
    const text =
      'Report\r\n\r\nDeal,Stage,Amount,Close date\r\nA,Design,1200,2024-07-01\r\n"B ""x""\r\nline",Commit,8,2024-02-30\r\r\nC,设计,"1,000",2024/7/1\nD,Use,9,2024-01-02';
    const whole = viaText(text, 'deal');
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(text.length), { maxLength: 6 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), text.length];
        const pieces = at.slice(1).map((end, i) => text.slice(at[i], end));
        const result = readCsvRecords(pieces, {
          kind: 'deal',
          sheet: 'S',
          file: 'f.csv',
          delimiter: ',',
        });
        expect(result).toEqual(whole);
      }),
      { numRuns: 300 },
    );
    // Hand check of the reference: rows are records (1 Report, 2 blank, 3 header, 4 A, 5 B whose
    // quoted id keeps its line break and whose line ends at the lone CR, 6 the blank CRLF, 7 C, 8 D).
    expect(whole).toEqual(viaGrid(text, 'deal'));
    expect(whole.records.map((r) => [r.row, r.id])).toEqual([
      [4, 'A'],
      [5, 'B "x"\r\nline'],
      [7, 'C'],
      [8, 'D'],
    ]);
  });

  it('reads columns of distinct values (no longer cached) as readRecords does, tricky ids too', () => {
    // Past the first 4,096 lookups a column of distinct ids stops caching and takes the
    // plain-text shortcut; the tricky values below must still go through the parsers.
    const tricky = ['#N/A', ' x7 ', '17850.0', '\u3000y', 'C536379', '#REF!', 'é1', '9é', '12340'];
    const lines = ['Deal,Stage,Owner,Amount'];
    for (let i = 0; i < 6000; i++) {
      const id = i > 4200 && i % 97 === 0 ? tricky[i % tricky.length]! : `D${i}`;
      const owner = i > 4200 && i % 89 === 0 ? tricky[i % tricky.length]! : `Rep ${i}`;
      lines.push(`${id},Design,${owner},${i}`);
    }
    const text = lines.join('\n');
    const result = viaText(text, 'deal');
    expect(result).toEqual(viaGrid(text, 'deal'));
    // Hand check: row 4270 (i = 4268 = 97 × 44) has id tricky[4268 % 9 = 2] = "17850.0", read as "17850".
    expect(result.records.find((r) => r.row === 4270)?.id).toBe('17850');
  });

  it('hands each kept record to onRecord in row order and keeps none', () => {
    const text = 'Deal,Stage,Amount\nA,Design,1\nB,,2\nC,Commit,x\n';
    const seen: unknown[] = [];
    const handed = readCsvRecords(text, {
      kind: 'deal',
      sheet: 'S',
      file: 'f.csv',
      delimiter: ',',
      onRecord: (record) => seen.push(record),
    });
    const kept = viaText(text, 'deal');
    expect(seen).toEqual(kept.records);
    expect(handed).toEqual({ ...kept, records: [] });
    // Hand check: B has a blank stage (dropped); C's amount "x" is ignored with a warning.
    expect(seen.map((r) => (r as { id: string }).id)).toEqual(['A', 'C']);
  });

  it('reads only the listed optional fields, and the required ones, when given fields', () => {
    // Product and region are matched but not listed; "bad" in Quantity still warns (listed).
    const text =
      'Invoice,Date,Customer,StockCode,Quantity,UnitPrice,Country\n' +
      'A1,2024-01-02,C1,,2,3,\n' +
      'A2,2024-01-03,C2,P9,bad,1.5,France\n';
    const options = { kind: 'orderLine', sheet: 'S', file: 'f.csv', delimiter: ',' } as const;
    const all = readCsvRecords(text, options);
    const some = readCsvRecords(text, {
      ...options,
      fields: ['customer', 'quantity', 'unitPrice'],
    });
    const grid = readRecords(parseCsvText(text, ','), {
      ...options,
      fields: ['customer', 'quantity', 'unitPrice'],
    });
    expect(some).toEqual(grid);
    // Hand check: row 2 amount = 2 × 3 = 6; row 3's quantity "bad" leaves no amount (row dropped).
    // Invoice is neither listed nor required, so it is not read; date is required, so it is.
    expect(some.records).toEqual([
      { row: 2, customer: 'C1', date: 19724, quantity: 2, unitPrice: 3, amount: 6 },
    ]);
    expect(all.records[0]).toMatchObject({ invoice: 'A1' });
    // The unread product and region columns are still listed as matched, but blanks in them are
    // not counted, while the full read counts row 2's blank product and region.
    expect(some.columns).toEqual(all.columns);
    expect(Object.keys(some.missing)).toEqual([]);
    expect(Object.keys(all.missing).sort()).toEqual(['product', 'region']);
    expect(some.warnings.map((w) => [w.code, w.row, w.column])).toEqual(
      all.warnings.map((w) => [w.code, w.row, w.column]),
    );
  });

  it('reports a quote left open at the end of the last piece', () => {
    const pieces = ['Deal,Stage\nA,"Des', 'ign\n'];
    expect(() => readCsvRecords(pieces, { kind: 'deal', sheet: 'S', delimiter: ',' })).toThrow(
      /line 2 is never closed/,
    );
  });

  it('shares parsed values between files through one value cache, with the same results', () => {
    const cache = new CsvValueCache();
    const first =
      'Customer,Invoice,InvoiceDate,Quantity,UnitPrice\n17850.0,536365,2010-12-01,6,2.55\n';
    const second = 'Customer,Invoice,InvoiceDate,Quantity,UnitPrice\n17850,536366,2010-12-02,1,3\n';
    const read = (text: string) =>
      readCsvRecords(text, {
        kind: 'orderLine',
        sheet: 'S',
        file: 'f.csv',
        delimiter: ',',
        valueCache: cache,
      });
    const [a] = read(first).records;
    const [b] = read(second).records;
    // "17850.0" and "17850" are one customer (parseId); the cached string is shared.
    expect([a?.customer, b?.customer]).toEqual(['17850', '17850']);
    expect(read(first)).toEqual(viaGrid(first, 'orderLine'));
    expect(read(second)).toEqual(viaGrid(second, 'orderLine'));
  });

  describe.skipIf(!existsSync(SHARED))('on the real exports in ../shared/data', () => {
    const cases: [string, RecordKind][] = existsSync(SHARED)
      ? [
          ['crm-opportunities/sales_pipeline.csv', 'deal'],
          ['receivables/WA_Fn-UseC_-Accounts-Receivable.csv', 'invoice'],
          ['receivables/WA_Fn-UseC_-Accounts-Receivable_with_missing.csv', 'invoice'],
          ...readdirSync(join(SHARED, 'online-retail/by-day'))
            .slice(0, 10)
            .map((name): [string, RecordKind] => [`online-retail/by-day/${name}`, 'orderLine']),
        ]
      : [];
    it.each(cases)('%s as %s records equals readRecords over the parsed grid', (file, kind) => {
      const text = readFileSync(join(SHARED, file), 'utf8');
      expect(viaText(text, kind)).toEqual(viaGrid(text, kind));
    });
  });
  if (!existsSync(SHARED))
    console.warn(`read-csv-records: ${SHARED} is missing; real-export comparisons skipped`);
});
