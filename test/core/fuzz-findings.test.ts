import { describe, expect, it } from 'vitest';
import { ageReceivables, forecast, PipecastError, segment } from '../../core/index.js';
import { abc } from '../../core/segments/abc.js';

/** The findings of test/core/fuzz-analyses.property.test.ts, each as a plain example (issue 19). */
describe('fuzz findings', () => {
  it('segment rfm with no dated order line: a PipecastError naming the file, not "asOf -Infinity"', () => {
    const sheet = {
      name: 'Orders',
      values: [
        ['Customer', 'Order Date', 'Revenue'],
        ['C1', '', 10],
      ],
    };
    let thrown: unknown;
    try {
      segment([sheet], { method: 'rfm', file: 'orders.xlsx' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PipecastError);
    expect((thrown as PipecastError).code).toBe('empty-input');
    // No sheet kept a dated line, so the place is the file.
    expect((thrown as PipecastError).place).toMatchObject({ file: 'orders.xlsx' });
    expect((thrown as PipecastError).message).toMatch(/no order line has a date; give asOf/);
  });

  it('ageReceivables and forecast with no dated row: the error names the file and sheet', () => {
    const invoices = {
      name: 'AR',
      values: [
        ['Invoice', 'Customer', 'Amount'],
        ['I1', 'C1', 5],
      ],
    };
    expect(() => ageReceivables([invoices], { file: 'ar.xlsx', forceInvoices: true })).toThrow(
      expect.objectContaining({ place: { file: 'ar.xlsx', sheet: 'AR' } }),
    );
    const deals = {
      name: 'Deals',
      values: [
        ['Deal', 'Stage', 'Amount'],
        ['D1', 'Design', 5],
      ],
    };
    expect(() => forecast([deals], { file: 'deals.xlsx' })).toThrow(
      expect.objectContaining({ place: { file: 'deals.xlsx', sheet: 'Deals' } }),
    );
  });

  it('segment warnings name the file and sheet (a line without customer id, a blank revenue)', () => {
    const sheet = {
      name: 'Lines',
      values: [
        ['Customer', 'Order Date', 'Revenue'],
        ['', '2024-01-05', 10],
        ['C1', '2024-01-06', 20],
      ],
    };
    const run = segment([sheet], { method: 'abc', file: 'lines.xlsx' });
    expect(run.warnings.length).toBeGreaterThan(0);
    for (const warning of run.warnings)
      expect(warning).toMatchObject({ file: 'lines.xlsx', sheet: 'Lines' });
  });

  it('abc: a share that overflows (−1 over a total of 5e-324) is null, not −Infinity', () => {
    const result = abc([
      { id: 'tiny', revenue: 5e-324 },
      { id: 'refund', revenue: -1 },
    ]);
    // Totals are summed in whole cents (the money rule): 5e-324 is 0.00, so there is no positive
    // total and no share; never −Infinity (−1 ÷ 5e-324 in floats).
    expect(result.customers.map((row) => [row.id, row.share])).toEqual([
      ['tiny', null],
      ['refund', null],
    ]);
    expect(result.positiveTotal).toBe(0);
  });
});
