import { describe, expect, it } from 'vitest';
import {
  customerColumnsDisagreeing,
  segment,
  segmentBreakdown,
  segmentBreakdownNotes,
  segmentCustomersTable,
} from '../../../core/index.js';

// Order lines (epoch day 20600 = 2026-05-27): C1 buys 700, C2 200, C3 100.
const LINES = [
  { customer: 'C1', invoice: 'I1', date: 20600, amount: 700, row: 2 },
  { customer: 'C2', invoice: 'I2', date: 20600, amount: 200, row: 3 },
  { customer: 'C3', invoice: 'I3', date: 20600, amount: 100, row: 4 },
];

describe('segmentCustomersTable', () => {
  it('gives each customer its ABC class and shares', () => {
    const abc = segment({ lines: LINES }, { method: 'abc' });
    const rows = segmentCustomersTable(abc).objects() as Record<string, unknown>[];
    // Shares 700/1000 = 0.7, 0.2, 0.1; cumulative 0.7, 0.9, 1.0. Class by the share ranked
    // strictly above (core/segments/abc.ts, cut points 80% / 95%): C1 0 → A, C2 0.7 → A, C3 0.9 → B.
    expect(rows.map((row) => [row.id, row.share, row.cumulativeShare, row.class])).toEqual([
      ['C1', 0.7, 0.7, 'A'],
      ['C2', 0.2, 0.9, 'A'],
      ['C3', 0.1, 1, 'B'],
    ]);
  });

  it('gives each customer its RFM scores and segment, as the result lists them', () => {
    const rfm = segment({ lines: LINES }, { method: 'rfm', asOf: '2026-06-30' });
    const rows = segmentCustomersTable(rfm).objects() as Record<string, unknown>[];
    expect(rows.map((row) => [row.id, row.monetary, row.code, row.segment])).toEqual(
      rfm.result.customers.map((customer) => [
        customer.id,
        customer.monetary,
        customer.code,
        customer.segment,
      ]),
    );
    // Recency: 2026-06-30 − 2026-05-27 = 34 days for everyone.
    expect(rows.every((row) => row.recency === 34)).toBe(true);
  });
});

describe('segmentCustomersTable with the sheet’s other columns', () => {
  // Lines sheet: C1 buys in Beijing on 2026-05-27, then in Shanghai on 2026-05-28, and once
  // more on 2026-05-28 with a blank city; C2 (beijing) and C3 (no city) buy once each.
  const sheets = [
    {
      name: 'Lines',
      values: [
        ['Customer', 'Invoice', 'Date', 'Amount', 'City 城市', 'Channel', 'Stock code'],
        ['C1', 'I1', '2026-05-27', 700, 'Beijing', 'Web', 'P1'],
        ['C2', 'I2', '2026-05-27', 200, 'beijing', 'Shop', 'P1'],
        ['C3', 'I3', '2026-05-27', 100, '', 'Web', 'P2'],
        ['C1', 'I4', '2026-05-28', 60, 'Shanghai', 'web', 'P2'],
        ['C1', 'I5', '2026-05-28', 40, '', 'WEB ', 'P3'],
      ],
    },
  ];

  it('carries each customer’s value of the columns not summed into its figures', () => {
    const abc = segment(sheets, { method: 'abc', perRow: true });
    const rows = segmentCustomersTable(abc).objects() as Record<string, unknown>[];
    // Customer, Invoice, Date and Amount make the figures, so they are left out. C1's most
    // recent line with a city is I4 (2026-05-28): Shanghai; I5's blank city is no value. Its
    // channel is the last line's "WEB " (Web, web and WEB are one value after case and space
    // folding); its stock code the last line's P3.
    expect(rows.map((row) => [row.id, row['City 城市'], row.Channel, row['Stock code']])).toEqual([
      ['C1', 'Shanghai', 'WEB ', 'P3'],
      ['C2', 'beijing', 'Shop', 'P1'],
      ['C3', null, 'Web', 'P2'],
    ]);
    expect(Object.keys(rows[0] ?? {})).not.toContain('Amount');
    // C1's lines differ in city (Beijing, Shanghai) and stock code (P1, P2, P3), not in channel.
    expect(customerColumnsDisagreeing(abc)).toEqual([
      { column: 'City 城市', customers: 1 },
      { column: 'Stock code', customers: 1 },
    ]);
  });

  it('names a column apart from the result’s own, and leaves records input without columns', () => {
    const withSegment = [
      {
        name: 'Lines',
        values: [
          ['Customer', 'Invoice', 'Date', 'Amount', 'Segment'],
          ['C1', 'I1', '2026-05-27', 700, 'SMB'],
        ],
      },
    ];
    const rfm = segment(withSegment, { method: 'rfm', asOf: '2026-06-30', perRow: true });
    const row = segmentCustomersTable(rfm).objects()[0] as Record<string, unknown>;
    // RFM has its own `segment` column; the sheet's Segment (column E) is named apart.
    expect(row['Segment (E)']).toBe('SMB');
    expect(typeof row.segment).toBe('string');
    const fromRecords = segment({ lines: LINES }, { method: 'abc', perRow: true });
    expect(segmentCustomersTable(fromRecords).columnNames()).toEqual([
      'id',
      'rank',
      'value',
      'share',
      'cumulativeShare',
      'class',
    ]);
  });

  it('carries a customer list’s columns as they are (portfolio)', () => {
    const list = [
      {
        name: 'Accounts',
        values: [
          ['Customer', 'Potential', 'Share', 'Industry', 'Notes'],
          ['A1', 1000, '20%', 'Energy', 'key account'],
          ['A2', 500, '80%', 'Retail', ''],
        ],
      },
    ];
    const run = segment(list, { method: 'portfolio', perRow: true });
    const rows = segmentCustomersTable(run).objects() as Record<string, unknown>[];
    // Every column but the id (Customer) comes through; Potential and Share as typed.
    expect(rows.map((row) => [row.id, row['Potential (B)'], row.Industry, row.Notes])).toEqual([
      ['A1', 1000, 'Energy', 'key account'],
      ['A2', 500, 'Retail', null],
    ]);
  });
});

describe('segmentBreakdown', () => {
  it('counts each customer once, under its value in the customers table', () => {
    // Lines sheet: C1 700 in Beijing, then 100 in Shanghai a day later; C2 200 (beijing),
    // C3 100 (blank city). ABC on revenue 800, 200, 100 of 1,100: shares above C1 0 → A,
    // C2 800/1100 = 0.727 → A, C3 1000/1100 = 0.909 → B (cut points 80% / 95%).
    const sheets = [
      {
        name: 'Lines',
        values: [
          ['Customer', 'Invoice', 'Date', 'Amount', 'City 城市'],
          ['C1', 'I1', '2026-05-27', 700, 'Beijing'],
          ['C2', 'I2', '2026-05-27', 200, 'beijing'],
          ['C3', 'I3', '2026-05-27', 100, ''],
          ['C1', 'I4', '2026-05-28', 100, 'Shanghai'],
        ],
      },
    ];
    const abc = segment(sheets, { method: 'abc', perRow: true });
    const breakdown = segmentBreakdown(abc, 'CITY 城市');
    // C1 counts under its most recent line's city, Shanghai (800); Beijing is C2's 200 alone.
    expect(breakdown.rows).toEqual([
      { key: 'Shanghai', count: 1, revenue: 800, classes: { A: 1, B: 0 } },
      { key: 'beijing', count: 1, revenue: 200, classes: { A: 1, B: 0 } },
      { key: null, count: 1, revenue: 100, classes: { A: 0, B: 1 } },
    ]);
    expect(breakdown.disagreeing).toBe(1);
    // No customer list was read: C3's blank city is no list's doing.
    expect(breakdown.notOnList).toBe(0);
    expect(breakdown.rows.reduce((sum, row) => sum + row.revenue, 0)).toBe(abc.result.total);
    // The same groups as the customers table grouped by that column.
    const byCity = segmentCustomersTable(abc).groupby('City 城市').count().objects() as Record<
      string,
      unknown
    >[];
    expect(byCity.map((row) => [row['City 城市'], row.count])).toEqual([
      ['Shanghai', 1],
      ['beijing', 1],
      [null, 1],
    ]);
  });

  it('refuses a column the figures are summed from, naming the customer columns', () => {
    const sheets = [
      {
        name: 'Lines',
        values: [
          ['Customer', 'Invoice', 'Date', 'Amount', 'Country'],
          ['C1', 'I1', '2026-05-27', 700, 'China'],
        ],
      },
    ];
    const abc = segment(sheets, { method: 'abc', perRow: true });
    expect(() => segmentBreakdown(abc, 'Amount')).toThrow(/no customer column "Amount".*Country/);
    expect(segmentBreakdown(abc, 'E').column).toBe('Country');
  });
});

describe('a customer list beside the order lines', () => {
  // Orders: K001 600 + 200 = 800, K002 250, K003 100, K004 50; 1,200 in all. The list: K001
  // (Manufacturing, North), "K002 " (Retail, blank region), "k003" (Manufacturing), K005
  // (Retail, no orders). Ids compare as the core reads them (parseId: trimmed, case kept), so
  // "K002 " is K002, while "k003" is another customer than K003, as ABC would count them.
  const sheets = [
    {
      name: 'Customers',
      values: [
        ['Customer ID', 'Name', 'Industry', 'Region', 'Owner'],
        ['K001', 'Alpha', 'Manufacturing', 'North', 'Zhang'],
        ['K002 ', 'Beta', 'Retail', '', 'Li'],
        ['k003', 'Gamma', 'Manufacturing', 'South', 'Wang'],
        ['K005', 'Delta', 'Retail', 'West', 'Zhao'],
      ],
    },
    {
      name: 'Orders',
      values: [
        ['Invoice No', 'Invoice Date', 'Customer ID', 'Amount', 'Region'],
        ['O1', '2026-05-01', 'K001', 600, 'East'],
        ['O2', '2026-05-02', 'K002', 250, 'North'],
        ['O3', '2026-05-03', 'K003', 100, 'South'],
        ['O4', '2026-05-04', 'K004', 50, 'East'],
        ['O5', '2026-05-05', 'K001', 200, 'South'],
      ],
    },
  ];

  it('breaks ABC down by the list’s Industry, customers it lacks under a blank key', () => {
    const abc = segment(sheets, { method: 'abc', perRow: true });
    // Cumulative share ranked strictly above (cut points 80% / 95%): K001 0 → A, K002
    // 800/1200 = 0.667 → A, K003 1050/1200 = 0.875 → B, K004 1150/1200 = 0.958 → C. K001 is
    // Manufacturing (800), K002 Retail (250); K003 (the list has k003) and K004 are blank
    // (150); K005 has no orders and is in no row.
    const industry = segmentBreakdown(abc, 'Industry');
    expect(industry.rows).toEqual([
      { key: 'Manufacturing', count: 1, revenue: 800, classes: { A: 1, B: 0, C: 0 } },
      { key: 'Retail', count: 1, revenue: 250, classes: { A: 1, B: 0, C: 0 } },
      { key: null, count: 2, revenue: 150, classes: { A: 0, B: 1, C: 1 } },
    ]);
    // Both blank customers, K003 and K004, are blank because the list lacks them.
    expect(industry.notOnList).toBe(2);
    expect(segmentBreakdownNotes(industry, 'en')).toEqual([
      'Industry: 2 customers are not on the customer list, so their Industry is blank',
    ]);
    expect(segmentBreakdownNotes(industry, 'zh')).toEqual([
      'Industry：2 个客户不在客户清单中，其Industry为空',
    ]);
    expect(abc.result.customers.map((customer) => customer.id)).toEqual([
      'K001',
      'K002',
      'K003',
      'K004',
    ]);
    // The list adds no sheet, warning or figure to ABC: it is read for its columns.
    expect(abc.sheets).toEqual(['Orders']);
    expect(abc.result.total).toBe(1200);
  });

  it('keeps a header both sheets have as one column, the list’s value first', () => {
    const abc = segment(sheets, { method: 'abc', perRow: true });
    // K001: the list's North, though its lines say East then South; K002: the list's region is
    // blank, so its line's North; K003 and K004 are not in the list: their lines' South, East.
    const breakdown = segmentBreakdown(abc, 'region');
    expect(breakdown.rows.map((row) => [row.key, row.count, row.revenue])).toEqual([
      ['North', 2, 1050],
      ['South', 1, 100],
      ['East', 1, 50],
    ]);
    // K001's lines differ, but it shows the list's value, not its most recent line's.
    expect(breakdown.disagreeing).toBe(0);
    expect(customerColumnsDisagreeing(abc)).toEqual([]);
    // K003 and K004 are not on the list, but their lines give them a region: none is blank.
    expect(breakdown.notOnList).toBe(0);
    expect(segmentBreakdownNotes(breakdown, 'en')).toEqual([]);
  });

  it('counts as not on the list only blanks the list causes, in the columns it provides', () => {
    // The list: C1 Retail, C2 with a blank industry, "c3" (not C3). The orders: C1 100 (Web),
    // C2 50 (no channel), C3 30 (Shop), C4 20 (no channel). Industry is blank for C2 (on the
    // list, its cell blank), C3 and C4 (not on it): 2 not on the list. Channel comes from the
    // orders alone, so its blanks (C2, C4) are not the list's doing: 0.
    const small = [
      {
        name: 'Customers',
        values: [
          ['Customer ID', 'Name', 'Industry'],
          ['C1', 'One', 'Retail'],
          ['C2', 'Two', ''],
          ['c3', 'Three', 'Retail'],
        ],
      },
      {
        name: 'Orders',
        values: [
          ['Invoice No', 'Invoice Date', 'Customer ID', 'Amount', 'Channel'],
          ['O1', '2026-05-01', 'C1', 100, 'Web'],
          ['O2', '2026-05-02', 'C2', 50, ''],
          ['O3', '2026-05-03', 'C3', 30, 'Shop'],
          ['O4', '2026-05-04', 'C4', 20, ''],
        ],
      },
    ];
    const abc = segment(small, { method: 'abc', perRow: true });
    const industry = segmentBreakdown(abc, 'Industry');
    expect(industry.rows.map((row) => [row.key, row.count])).toEqual([
      ['Retail', 1],
      [null, 3],
    ]);
    expect(industry.notOnList).toBe(2);
    expect(segmentBreakdown(abc, 'Channel').notOnList).toBe(0);
    // Without C4's order only C3 is missing from the list: the singular wording.
    const one = segment([small[0]!, { ...small[1]!, values: small[1]!.values.slice(0, 4) }], {
      method: 'abc',
      perRow: true,
    });
    const single = segmentBreakdown(one, 'Industry');
    expect(single.notOnList).toBe(1);
    expect(segmentBreakdownNotes(single, 'en')).toEqual([
      'Industry: 1 customer is not on the customer list, so its Industry is blank',
    ]);
  });

  it('carries the list’s columns in the customers table of RFM too', () => {
    const rfm = segment(sheets, { method: 'rfm', asOf: '2026-06-30', perRow: true });
    const rows = segmentCustomersTable(rfm).objects() as Record<string, unknown>[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(segmentCustomersTable(rfm).columnNames().slice(-4)).toEqual([
      'Region',
      'Name',
      'Industry',
      'Owner',
    ]);
    expect(
      ['K001', 'K002', 'K003', 'K004'].map((id) => {
        const row = byId.get(id);
        return [row?.Name, row?.Industry, row?.Region, row?.Owner];
      }),
    ).toEqual([
      ['Alpha', 'Manufacturing', 'North', 'Zhang'],
      ['Beta', 'Retail', 'North', 'Li'],
      [null, null, 'South', null],
      [null, null, 'East', null],
    ]);
    expect(rows).toHaveLength(4);
  });

  it('joins the list whichever sheet comes first, and leaves it unread without perRow', () => {
    const reversed = [sheets[1]!, sheets[0]!];
    const first = segmentBreakdown(segment(sheets, { method: 'abc', perRow: true }), 'Region');
    const second = segmentBreakdown(segment(reversed, { method: 'abc', perRow: true }), 'Region');
    expect(second.rows).toEqual(first.rows);
    // The lines read before the list: K001's list value, North, still wins over its lines'.
    expect(second.rows[0]).toMatchObject({ key: 'North', count: 2, revenue: 1050 });
    expect(segment(sheets, { method: 'abc' }).customerColumns).toBeUndefined();
  });

  it('joins the list to invoices taken as orders', () => {
    const withInvoices = [
      sheets[0]!,
      {
        name: 'Invoices',
        values: [
          ['Invoice No', 'Customer', 'Invoice Date', 'Due Date', 'Amount'],
          ['INV-1', 'K001', '2026-05-01', '2026-05-31', 900],
          ['INV-2', 'K004', '2026-05-02', '2026-06-01', 100],
        ],
      },
    ];
    const abc = segment(withInvoices, { method: 'abc', perRow: true });
    expect(abc.orderHistory?.source).toBe('invoices');
    // K001 900 (share above 0 → A, Manufacturing); K004 100 (above 0.9 → B, not in the list).
    expect(segmentBreakdown(abc, 'Industry').rows).toEqual([
      { key: 'Manufacturing', count: 1, revenue: 900, classes: { A: 1, B: 0 } },
      { key: null, count: 1, revenue: 100, classes: { A: 0, B: 1 } },
    ]);
  });
});
