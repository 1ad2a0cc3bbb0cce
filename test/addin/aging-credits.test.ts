/*
 * The add-in's Aging sheet on a ledger with credit notes: the customers table gives what is owed
 * per bucket, the credits in their own column and the overdue as the money owed past due, so
 * Σ buckets + credits = open = not yet due + overdue; the buckets table ends with a Credits row.
 */
import { describe, expect, it } from 'vitest';
import { agingOutput } from '../../addin/src/results/aging-output.js';
import { ageReceivables } from '../../core/index.js';

// As of 2024-06-30: Beta's invoice 50,000 is 111 days past due (91–180), its credit note −51,000
// 212 days (181+); Cosmo owes 3,000 (31–60) and has a −1,000 credit note (91–180).
const values = [
  ['Invoice', 'Customer', 'Invoice date', 'Due date', 'Amount'],
  ['B1', 'Beta Ltd', '2024-02-10', '2024-03-11', 50000],
  ['B2', 'Beta Ltd', '2023-11-01', '2023-12-01', -51000],
  ['C1', 'Cosmo', '2024-04-01', '2024-05-01', 3000],
  ['C2', 'Cosmo', '2024-01-15', '2024-02-14', -1000],
];

describe('add-in Aging sheet with credit notes', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`shows overdue as owed past due and credits apart (${locale})`, () => {
      const run = ageReceivables([{ name: 'Invoices', values }], { asOf: '2024-06-30' });
      const sheet = agingOutput(run, locale, {});
      const customers = sheet.tables.find((t) => t.id === 'aging-customers');
      const labels = customers?.columns.map((c) => c.label);
      const at = (label: string) => labels?.indexOf(label) ?? -1;
      const credits = at(locale === 'en' ? 'Credits' : '贷项');
      const overdue = at(locale === 'en' ? 'Overdue' : '逾期');
      expect(labels).toContain(locale === 'en' ? 'Not yet due' : '未到期');
      const beta = customers?.rows.find((row) => row[0] === 'Beta Ltd');
      // Hand: buckets 0, 0, 0, 0, 50,000, 0; credits −51,000; open −1,000; not yet due 0;
      // overdue 50,000 (before: −1,000, the credit note netted in).
      expect(beta).toEqual(['Beta Ltd', 0, 0, 0, 0, 50000, 0, -51000, -1000, 0, 50000, 0, '']);
      expect(beta?.[credits]).toBe(-51000);
      // The overdue highlight is on the Overdue column.
      expect(customers?.highlight?.column).toBe(overdue);
      // Buckets table: owed per bucket (items without the credit notes), Credits row, total open.
      const buckets = sheet.tables.find((t) => t.id === 'aging-buckets');
      expect(buckets?.rows).toEqual([
        ['Current', 0, 0, ''],
        ['1–30', 0, 0, ''],
        ['31–60', 3000, 1, ''],
        ['61–90', 0, 0, ''],
        ['91–180', 50000, 1, ''],
        ['181+', 0, 0, ''],
        [locale === 'en' ? 'Credits' : '贷项', -52000, 2, ''],
        [locale === 'en' ? 'Total' : '合计', 1000, 4, ''],
      ]);
    });
  }
});
