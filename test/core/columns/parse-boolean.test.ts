import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { parseBoolean } from '../../../core/columns/parse-boolean.js';

describe('parseBoolean', () => {
  // Expected values: the meaning of each word (IBM receivables "Disputed" holds Yes/No).
  it.each<[CellValue, boolean]>([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['Yes', true],
    ['No', false],
    ['YES', true],
    ['no', false],
    ['y', true],
    ['N', false],
    ['TRUE', true], // Excel's own spelling when a boolean is written as text
    ['False', false],
    ['1', true],
    ['0', false],
    ['x', true], // a ticked box
    ['X', true],
    ['是', true],
    ['否', false],
    ['有', true],
    ['无', false],
    ['没有', false],
    ['對', true], // traditional script
    ['对', true],
    ['错', false],
    ['✓', true],
    ['✔', true],
    ['√', true], // the tick Chinese IMEs type
    ['✗', false],
    ['✘', false],
    ['×', false],
    ['ＹＥＳ', true], // full-width, NFKC
    ['ｎｏ', false],
    ['  yes  ', true],
    ['\u3000是\u3000', true],
  ])('parseBoolean(%j) is %j', (cell, expected) => {
    expect(parseBoolean(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue]>([[null], [undefined], [''], ['   ']])(
    'reads the blank cell %j as undefined, not false',
    (cell) => {
      expect(parseBoolean(cell)).toEqual({ ok: true, value: undefined });
    },
  );

  it.each<[CellValue, string]>([
    ['#N/A', 'Excel error #N/A'],
    [{ error: '#NAME?' }, 'Excel error #NAME?'],
    [2, '2 is not 1 or 0'],
    [0.5, '0.5 is not 1 or 0'],
    [Number.NaN, 'NaN is not 1 or 0'],
    ['maybe', 'text is not yes/no'],
    ['yess', 'text is not yes/no'],
    ['1.0', 'text is not yes/no'],
    ['Paper', 'text is not yes/no'], // IBM PaperlessBill is Paper/Electronic, not a flag
    [new Date(Date.UTC(2024, 0, 1)), 'a date is not yes/no'],
  ])('fails on %j with %j', (cell, reason) => {
    expect(parseBoolean(cell)).toEqual({ ok: false, reason });
  });
});
