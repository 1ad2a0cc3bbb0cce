import { describe, expect, it } from 'vitest';
import type { DataWarning } from '../../../core/columns/data-warning.js';
import type { Deal } from '../../../core/columns/records.js';
import {
  DEFAULT_WARNING_CAP,
  WarningCollector,
  warningKind,
} from '../../../core/columns/warning-collector.js';
import { prepareDeals } from '../../../core/funnel/prepare-deals.js';
import { abc } from '../../../core/segments/abc.js';

const badAmount = (row: number): DataWarning => ({
  code: 'unreadable-value',
  message: `Amount: not a number (row ${row}).`,
  action: 'value ignored',
  row,
  column: 'Amount',
});

describe('WarningCollector', () => {
  it('keeps the first `cap` of a kind and sums the rest in one summary saying how many', () => {
    const warnings = new WarningCollector({ file: 'q3.xlsx', sheet: 'Deals' }, 3);
    for (let row = 2; row <= 9; row++) warnings.report(badAmount(row));
    const list = warnings.finish();
    // 8 warnings (rows 2–9), cap 3: rows 2, 3, 4 in full, then one summary for the other 5.
    expect(list.map((w) => w.row ?? w.count)).toEqual([2, 3, 4, 5]);
    expect(list[0]).toEqual({ file: 'q3.xlsx', sheet: 'Deals', ...badAmount(2) });
    expect(list[3]).toEqual({
      code: 'more-warnings',
      message: '… and 5 more like this: "unreadable-value" in column Amount (value ignored)',
      text: expect.objectContaining({ key: 'warning.moreLikeThis' }),
      action: 'value ignored',
      count: 5,
      file: 'q3.xlsx',
      sheet: 'Deals',
      column: 'Amount',
    });
  });

  it('caps each code in each column on its own, summaries after the kept ones in first-seen order', () => {
    const warnings = new WarningCollector({}, 2);
    // Rows 1–6 alternate: odd rows a bad Amount, even rows a blank Owner.
    for (let row = 1; row <= 6; row++) {
      if (row % 2 === 1) warnings.report(badAmount(row));
      else
        warnings.report({
          code: 'missing-value',
          message: 'no owner',
          action: 'assumed',
          row,
          column: 'Owner',
        });
    }
    // Another code in the Amount column is a kind of its own: kept although Amount is full.
    warnings.report({
      code: 'error-value',
      message: '#N/A',
      action: 'value ignored',
      row: 7,
      column: 'Amount',
    });
    const list = warnings.finish();
    // Amount: rows 1, 3 kept, row 5 counted; Owner: rows 2, 4 kept, row 6 counted; #N/A row 7 kept.
    expect(list.map((w) => [w.code, w.row ?? w.count])).toEqual([
      ['unreadable-value', 1],
      ['missing-value', 2],
      ['unreadable-value', 3],
      ['missing-value', 4],
      ['error-value', 7],
      ['more-warnings', 1],
      ['more-warnings', 1],
    ]);
    expect(list.slice(5).map((w) => w.column)).toEqual(['Amount', 'Owner']);
  });

  it('writes the count with thousands separators whatever the locale', () => {
    const warnings = new WarningCollector({}, 3);
    // 1,237 warnings − 3 kept = 1,234 left out.
    for (let row = 1; row <= 1237; row++) warnings.report(badAmount(row));
    const summary = warnings.finish().at(-1);
    expect(summary?.count).toBe(1234);
    expect(summary?.message).toMatch(/^… and 1,234 more like this: /);
  });

  it('lists 50 per kind by default', () => {
    expect(DEFAULT_WARNING_CAP).toBe(50);
    const warnings = new WarningCollector();
    for (let row = 1; row <= 51; row++) warnings.report(badAmount(row));
    const list = warnings.finish();
    // 51 − 50 = 1 left out.
    expect(list).toHaveLength(51);
    expect(list.at(-1)).toMatchObject({ code: 'more-warnings', count: 1 });
  });

  it('with cap 0 gives only the summary, and with nothing reported an empty list', () => {
    const none = new WarningCollector({}, 0);
    for (let row = 1; row <= 4; row++) none.report(badAmount(row));
    expect(none.finish()).toEqual([expect.objectContaining({ code: 'more-warnings', count: 4 })]);
    expect(new WarningCollector().finish()).toEqual([]);
  });

  it('named kinds: skip counts a full kind without the warning, add takes the place and the summary', () => {
    const warnings = new WarningCollector({}, 1);
    const payments = { file: 'ar.xlsx', sheet: 'Payments' };
    let built = 0;
    for (let row = 2; row <= 5; row++) {
      if (warnings.skip('unknown-invoice')) continue;
      built++;
      warnings.add(
        'unknown-invoice',
        payments,
        {
          code: 'other',
          message: `row ${row}: no such invoice`,
          row,
          column: 'invoice',
          action: 'row kept',
        },
        'payments for unknown invoices, shown as unapplied',
      );
    }
    // Cap 1: row 2 built and kept; rows 3, 4, 5 only counted.
    expect(built).toBe(1);
    expect(warnings.finish()).toEqual([
      {
        ...payments,
        code: 'other',
        message: 'row 2: no such invoice',
        row: 2,
        column: 'invoice',
        action: 'row kept',
      },
      {
        ...payments,
        code: 'more-warnings',
        message: '… and 3 more like this: payments for unknown invoices, shown as unapplied',
        text: expect.objectContaining({ key: 'warning.moreLikeThis' }),
        action: 'row kept',
        count: 3,
        column: 'invoice',
      },
    ]);
  });

  it('leaves out undefined entries and keeps a warning without a column', () => {
    const warnings = new WarningCollector({ sheet: 'S' });
    warnings.report({
      code: 'no-header-row',
      message: 'none',
      action: 'sheet skipped',
      column: undefined,
    });
    expect(warnings.finish()).toEqual([
      { sheet: 'S', code: 'no-header-row', message: 'none', action: 'sheet skipped' },
    ]);
  });

  it('warningKind keys a code and a column', () => {
    expect(warningKind('missing-value', 'Owner')).not.toBe(warningKind('missing-value', 'Amount'));
    expect(warningKind('missing-value')).toBe(warningKind('missing-value', undefined));
  });
});

describe('the one cap in the analyses', () => {
  it('abc lists 50 customers without revenue and counts the other 10', () => {
    const customers = Array.from({ length: 60 }, (_, k) => ({ id: `C${k}`, row: k + 2 }));
    const missing = abc(customers).warnings;
    // 60 customers without revenue, cap 50: 50 listed, "… and 10 more".
    expect(missing.filter((w) => w.code === 'missing-value')).toHaveLength(50);
    expect(missing.at(-1)).toMatchObject({ code: 'more-warnings', count: 10, column: 'revenue' });
  });

  it('prepareDeals lists 50 probabilities out of range and counts the other 5', () => {
    const deals: Deal[] = Array.from({ length: 55 }, (_, k) => ({
      row: k + 2,
      id: `D${k}`,
      stage: 'Interest',
      amount: 10,
      probability: 1.5,
    }));
    const warnings = prepareDeals(deals, { place: { file: 'p.xlsx', sheet: 'Deals' } }).warnings;
    // 55 probabilities of 150%, cap 50: 50 listed, "… and 5 more".
    expect(warnings.filter((w) => w.code === 'out-of-range')).toHaveLength(50);
    expect(warnings.find((w) => w.code === 'more-warnings')).toMatchObject({
      count: 5,
      column: 'probability',
      file: 'p.xlsx',
      sheet: 'Deals',
    });
  });
});
