import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/columns/cell-value.js';
import { parseStatus } from '../../../core/columns/parse-status.js';

describe('parseStatus', () => {
  // Expected values: the meaning of each word (brief's word list; Salesforce "Closed Won"/"Closed Lost").
  it.each<[string, 'open' | 'won' | 'lost']>([
    ['open', 'open'],
    ['Open', 'open'],
    ['Active', 'open'],
    ['In Progress', 'open'],
    ['in-progress', 'open'],
    ['IN_PROGRESS', 'open'],
    ['进行中', 'open'],
    ['跟进中', 'open'],
    ['未结', 'open'],
    ['Won', 'won'], // sales_pipeline.csv deal_stage
    ['win', 'won'],
    ['Closed Won', 'won'],
    ['Closed-Won', 'won'],
    ['closedwon', 'won'],
    ['ＣＬＯＳＥＤ　ＷＯＮ', 'won'], // full-width letters and space
    ['赢单', 'won'],
    ['成交', 'won'],
    ['已成交', 'won'],
    ['签约', 'won'],
    ['Lost', 'lost'], // sales_pipeline.csv deal_stage
    ['loss', 'lost'],
    ['Closed Lost', 'lost'],
    ['丢单', 'lost'],
    ['输单', 'lost'],
    ['失败', 'lost'],
    ['已丢失', 'lost'],
    ['  won  ', 'won'],
  ])('parseStatus(%j) is %j', (text, expected) => {
    expect(parseStatus(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue]>([[null], [undefined], [''], [' ']])(
    'reads the blank cell %j as undefined',
    (cell) => {
      expect(parseStatus(cell)).toEqual({ ok: true, value: undefined });
    },
  );

  it.each<[CellValue, string]>([
    ['Engaging', 'not a deal status'], // a stage in sales_pipeline.csv, not a status
    ['Prospecting', 'not a deal status'],
    ['closed', 'not a deal status'], // won or lost?
    ['wonder', 'not a deal status'],
    ['#N/A', 'Excel error #N/A'],
    [{ error: '#REF!' }, 'Excel error #REF!'],
    [1, 'a number is not a deal status'],
    [true, 'TRUE/FALSE is not a deal status'],
    [new Date(Date.UTC(2024, 0, 1)), 'a date is not a deal status'],
  ])('fails on %j with a reason naming %j', (cell, words) => {
    const result = parseStatus(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(words);
  });
});
