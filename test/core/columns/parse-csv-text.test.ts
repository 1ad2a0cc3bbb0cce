import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../core/columns/parse-csv-text.js';
import { PipecastError } from '../../../core/errors/pipecast-error.js';

const SHARED = join(import.meta.dirname, '../../../../shared/data');

/** csv-parse, the reference implementation, with blank cells as null and trailing blanks dropped. */
function reference(text: string, delimiter: string): (string | null)[][] {
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
  return records.map((record) => {
    const cells = record.map((cell) => (cell.trim() === '' ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
}

describe('parseCsvText', () => {
  it.each([
    [
      'plain',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    ['quoted delimiter and quote', 'x,"a, ""b"""\n', [['x', 'a, "b"']]],
    [
      'line break inside quotes',
      '"line 1\nline 2",z\r\nnext\r\n',
      [['line 1\nline 2', 'z'], ['next']],
    ],
    ['CR only line ends', 'a\rb\r', [['a'], ['b']]],
    ['blank and trailing cells', 'a,,  ,\n,\n', [['a'], []]],
    ['no final line break', 'a,b', [['a', 'b']]],
    ['quote inside an unquoted field stays', 'say 5" screen,x\n', [['say 5" screen', 'x']]],
    ['semicolons', 'a;b,c\n', [['a', 'b,c']]],
    ['empty text', '', []],
  ])('%s', (_name, text, expected) => {
    const delimiter = _name === 'semicolons' ? ';' : ',';
    expect(parseCsvText(text, delimiter)).toEqual(expected);
    expect(parseCsvText(text, delimiter)).toEqual(reference(text, delimiter));
  });

  it("throws a 'malformed-csv' PipecastError naming the line where an unclosed quote opened", () => {
    expect(() => parseCsvText('a\nb,"open\nstill', ',')).toThrow(PipecastError);
    expect(() => parseCsvText('a\nb,"open\nstill', ',')).toThrow(/line 2/);
    expect(() => parseCsvText('a\nb,"open\nstill', ',')).toThrow(
      expect.objectContaining({ code: 'malformed-csv', place: { row: 2, column: 'B' } }),
    );
  });

  it('agrees with csv-parse on any table written with RFC 4180 quoting', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('', ' ', '"', ',', '\n', '\r\n', 'a"b', '""'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        (table, delimiter) => {
          const text = table
            .map((row) =>
              row
                .map((value) =>
                  /["\r\n,;\t]/.test(value) || value === ''
                    ? `"${value.replaceAll('"', '""')}"`
                    : value,
                )
                .join(delimiter),
            )
            .join('\n');
          expect(parseCsvText(text, delimiter)).toEqual(reference(text, delimiter));
        },
      ),
      { numRuns: 500 },
    );
  });

  describe.skipIf(!existsSync(SHARED))('on the real exports in ../shared/data', () => {
    const files = existsSync(SHARED)
      ? [
          join(SHARED, 'crm-opportunities/sales_pipeline.csv'),
          join(SHARED, 'receivables/WA_Fn-UseC_-Accounts-Receivable_with_missing.csv'),
          ...readdirSync(join(SHARED, 'online-retail/by-day'))
            .slice(0, 5)
            .map((name) => join(SHARED, 'online-retail/by-day', name)),
        ]
      : [];
    it.each(files)('agrees with csv-parse on %s', (file) => {
      const text = readFileSync(file, 'utf8');
      expect(parseCsvText(text, ',')).toEqual(reference(text, ','));
    });
  });
  if (!existsSync(SHARED))
    console.warn(`parse-csv-text: ${SHARED} is missing; real-export comparisons skipped`);
});
