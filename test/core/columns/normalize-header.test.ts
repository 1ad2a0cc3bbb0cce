import { describe, expect, it } from 'vitest';
import { normalizeHeader, stripBracketedNote } from '../../../core/columns/normalize-header.js';

describe('normalizeHeader', () => {
  // Expected keys by hand: NFKC folds full-width forms, then only letters and digits stay, lower-cased.
  it.each([
    ['Close Date', 'closedate'],
    ['close_date', 'closedate'],
    ['CLOSE-DATE', 'closedate'],
    ['ＣＬＯＳＥ　ＤＡＴＥ', 'closedate'],
    [' 预计成交日期 ', '预计成交日期'],
    ['金额（万元）', '金额万元'],
    ['Probability (%)', 'probability'],
    ['Opportunity_ID', 'opportunityid'],
    ['---', ''],
  ])('normalizeHeader(%j) is %j', (text, expected) => {
    expect(normalizeHeader(text)).toBe(expected);
  });
});

describe('stripBracketedNote', () => {
  it.each([
    ['Amount (USD)', 'Amount'],
    ['金额（万元）', '金额'],
    ['Value [EUR]', 'Value'],
    ['【重要】客户', '客户'],
  ])('stripBracketedNote(%j) is %j', (text, expected) => {
    expect(stripBracketedNote(text)).toBe(expected);
  });

  it('is undefined when there is no note, or nothing outside it', () => {
    expect(stripBracketedNote('Amount')).toBeUndefined();
    expect(stripBracketedNote('(note)')).toBeUndefined();
  });
});
