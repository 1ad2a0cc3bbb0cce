import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { parseBoolean } from '../../../core/columns/parse-boolean.js';
import { parseDate } from '../../../core/columns/parse-date.js';
import { parseFraction } from '../../../core/columns/parse-fraction.js';
import { parseId, parseText } from '../../../core/columns/parse-id.js';
import { parseNumber } from '../../../core/columns/parse-number.js';
import { parseStatus } from '../../../core/columns/parse-status.js';

const PARSERS: ReadonlyArray<[string, (cell: CellValue) => unknown]> = [
  ['parseNumber', parseNumber],
  ['parseDate', parseDate],
  ['parseDate 1904', (cell) => parseDate(cell, { date1904: true })],
  ['parseBoolean', parseBoolean],
  ['parseFraction', parseFraction],
  ['parseStatus', parseStatus],
  ['parseId', parseId],
  ['parseText', parseText],
];

/** Characters the parsers treat specially, so random text hits their branches. */
const SPECIAL = fc.constantFrom(
  ..."0123456789.,-+()%$¥￥€£ 　万亿元年月日号/:TZE#'’１２．，－（）".split(''),
  'USD',
  'RMB',
  '人民币',
  'AM',
  '下午',
  'Mar',
);
const TRICKY_TEXT = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.array(SPECIAL, { maxLength: 12 }).map((parts) => parts.join('')),
);

const ANY_CELL: fc.Arbitrary<CellValue> = fc.oneof(
  TRICKY_TEXT,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.record({ error: fc.string() }),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!', ''),
  fc.constant(null),
  fc.constant(undefined),
);

/** A well-formed Parsed: { ok: true, value } or { ok: false, reason } with a non-empty reason. */
function expectParsed(result: unknown): void {
  expect(result).toBeTypeOf('object');
  const parsed = result as { ok: boolean; value?: unknown; reason?: unknown };
  if (parsed.ok) expect(Object.keys(parsed).sort()).toEqual(['ok', 'value']);
  else expect(parsed.reason).toBeTypeOf('string');
  if (!parsed.ok) expect((parsed.reason as string).length).toBeGreaterThan(0);
}

describe.each(PARSERS)('%s on any cell', (name, parse) => {
  it('never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(ANY_CELL, (cell) => {
        expectParsed(parse(cell));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads blanks as undefined and error cells as "Excel error …"', () => {
    for (const blank of [null, undefined, '', '  ']) {
      expect(parse(blank)).toEqual({ ok: true, value: undefined });
    }
    expect(parse('#N/A')).toEqual({ ok: false, reason: 'Excel error #N/A' });
    expect(parse({ error: '#REF!' })).toEqual({ ok: false, reason: 'Excel error #REF!' });
  });

  it('does not mutate the cell it reads', () => {
    fc.assert(
      fc.property(ANY_CELL, (cell) => {
        const before = cell instanceof Date ? cell.getTime() : structuredClone(cell);
        parse(cell);
        expect(cell instanceof Date ? cell.getTime() : cell).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('gives finite numbers and integer epoch days only', () => {
    fc.assert(
      fc.property(ANY_CELL, (cell) => {
        const result = parse(cell) as { ok: boolean; value?: unknown };
        if (result.ok && typeof result.value === 'number') {
          expect(Number.isFinite(result.value)).toBe(true);
          if (name.startsWith('parseDate')) expect(Number.isInteger(result.value)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
