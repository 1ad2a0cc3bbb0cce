import { describe, expect, it } from 'vitest';
import {
  analyzeWorkbook,
  dataAsOf,
  epochDayFromIso,
  isoFromEpochDay,
} from '../../../core/index.js';
import { RecordTable } from '../../../core/columns/record-table.js';
import type { Deal } from '../../../core/columns/records.js';

const day = (iso: string): number => epochDayFromIso(iso)!;

describe('dataAsOf', () => {
  it('is the day after the last order line, invoice or payment', () => {
    const found = dataAsOf({
      lines: [
        { customer: 'a', date: day('2010-12-01'), amount: 5, row: 2 },
        { customer: 'b', date: day('2010-12-09'), amount: 5, row: 3 },
      ],
      invoices: [
        {
          invoice: 'i1',
          invoiceDate: day('2010-12-05'),
          amount: 9,
          paidDate: day('2010-12-10'),
          row: 2,
        },
      ],
      payments: [{ date: day('2010-12-07'), amount: 9, row: 2 }],
    } as Parameters<typeof dataAsOf>[0]);
    // The paid date 2010-12-10 is the last event: as of 2010-12-11.
    expect(found).toEqual({
      asOf: day('2010-12-11'),
      lastEvent: day('2010-12-10'),
      source: 'invoice',
    });
  });

  it("never takes an open deal's expected close date, but takes a closed deal's", () => {
    const deals: Deal[] = [
      { id: 'open', stage: 'Proposal', status: 'open', closeDate: day('2031-01-01'), row: 2 },
      { id: 'won', stage: 'Proposal', status: 'won', closeDate: day('2024-03-10'), row: 3 },
      { id: 'lost', stage: 'Closed Lost', closeDate: day('2024-03-12'), row: 4 },
      { id: 'busy', stage: 'Proposal', lastActivityDate: day('2024-03-11'), row: 5 },
    ];
    // The last event is the lost deal's close on 2024-03-12 (its stage says closed).
    const expected = { asOf: day('2024-03-13'), lastEvent: day('2024-03-12'), source: 'deal' };
    expect(dataAsOf({ deals })).toEqual(expected);
    expect(dataAsOf({ deals: RecordTable.fromRecords('deal', deals) })).toEqual(expected);
  });

  it('is undefined when no record has a date', () => {
    expect(dataAsOf({ deals: [{ id: 'x', stage: 'Lead', row: 2 }] })).toBeUndefined();
  });
});

describe('analyzeWorkbook without an as-of date', () => {
  it('measures RFM at the day after the last order line, and says so', () => {
    const result = analyzeWorkbook(
      [
        {
          name: 'Orders',
          values: [
            ['Customer', 'Invoice date', 'Amount'],
            ['A', '2010-12-01', 100],
            ['B', '2010-12-03', 50],
          ],
        },
      ],
      {},
    );
    expect(result.asOf.source).toBe('data');
    expect(isoFromEpochDay(result.asOf.day!)).toBe('2010-12-04');
    expect(result.rfm?.result.asOf).toBe('2010-12-04');
    // Customer B bought the day before as-of: recency 1, not years as measured to the clock.
    expect(result.rfm?.result.customers.find((c) => c.id === 'B')?.recency).toBe(1);
  });
});
