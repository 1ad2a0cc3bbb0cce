import { describe, expect, it } from 'vitest';
import { CsvValueCache } from '../../../core/columns/csv-value-cache.js';
import { parseId, parseText } from '../../../core/columns/parse-id.js';
import type { CellValue } from '../../../core/columns/cell-value.js';

/** parseText, counting its calls. */
function countingParser() {
  const calls: CellValue[] = [];
  const parse = (cell: CellValue) => {
    calls.push(cell);
    return parseText(cell);
  };
  return { parse, calls };
}

/** Looks up every comma-separated field of `text` and returns the values. */
function lookUpAll(cache: ReturnType<CsvValueCache['column']>, text: string): unknown[] {
  const values: unknown[] = [];
  let start = 0;
  for (;;) {
    const comma = text.indexOf(',', start);
    const end = comma < 0 ? text.length : comma;
    const parsed = cache.get(text, start, end);
    values.push(parsed.ok ? parsed.value : parsed.reason);
    if (comma < 0) return values;
    start = comma + 1;
  }
}

describe('CsvValueCache', () => {
  it('parses each distinct text once, across texts, and shares the result', () => {
    const { parse, calls } = countingParser();
    const column = new CsvValueCache().column('owner', parse);
    expect(lookUpAll(column, 'Ann, Bo ,Ann,,  ,Ann')).toEqual([
      'Ann',
      'Bo',
      'Ann',
      undefined,
      undefined,
      'Ann',
    ]);
    expect(lookUpAll(column, 'x,,Ann,, Bo ')).toEqual(['x', undefined, 'Ann', undefined, 'Bo']);
    // Distinct non-blank texts: "Ann", " Bo ", "x"; the blanks "" and "  " are never parsed.
    expect(calls).toEqual(['Ann', ' Bo ', 'x']);
    // Held: "Ann", " Bo ", "", "  ", "x"; the empty text once however often it occurs.
    expect(column.distinctValues).toBe(5);
  });

  it('gives one cache per field and parser', () => {
    const cache = new CsvValueCache();
    expect(cache.column('customer', parseId)).toBe(cache.column('customer', parseId));
    expect(cache.column('customer', parseId)).not.toBe(cache.column('customer', parseText));
    expect(cache.column('customer', parseId)).not.toBe(cache.column('invoice', parseId));
  });

  it('stops caching a column of distinct values and still parses every field', () => {
    const { parse, calls } = countingParser();
    const column = new CsvValueCache().column('id', parse);
    const ids = Array.from({ length: 10_000 }, (_, i) => `D${i}`);
    expect(lookUpAll(column, ids.join(','))).toEqual(ids);
    expect(calls).toHaveLength(10_000);
    // The first window of 4,096 lookups missed every time: the column stopped caching there.
    expect(column.distinctValues).toBe(0);
  });
});
