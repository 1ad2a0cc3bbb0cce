/*
 * agingBreakdowns by the owner column against the aging's own owner lines, on random ledgers in
 * one or two currencies (random-ledgers.ts) written out as an invoices and a payments sheet. The
 * owner lines are checked against the plain reference (aging.property.test.ts); a breakdown by
 * the same column must give, per currency, the same open items, open balance, what is owed per
 * bucket and credits: so its rows reconcile with every table of the aging.
 *
 * Checked to fail (each mutation made by hand, run, restored) when: a negative balance is
 * summed into its bucket as well as into credits; the lines of every currency are included in
 * each currency's breakdown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageReceivables, agingBreakdowns, isoFromEpochDay } from '../../core/index.js';
import type { AgingBreakdownRow, CellValue, SheetValues } from '../../core/index.js';
import { type AgingOwner, UNKNOWN_OWNER } from '../../core/aging/aging-result.js';
import type { Invoice, Payment } from '../../core/columns/records.js';
import { arbAgingCase } from './random-ledgers.js';

const iso = (day: number | undefined): CellValue => (day === undefined ? '' : isoFromEpochDay(day));

/** The records as the sheets a user would have typed them into. */
function sheetsOf(invoices: readonly Invoice[], payments: readonly Payment[]): SheetValues[] {
  return [
    {
      name: 'Invoices',
      values: [
        [
          'Invoice No',
          'Customer',
          'Owner',
          'Invoice Date',
          'Due Date',
          'Terms',
          'Amount',
          'Currency',
        ],
        ...invoices.map((x) => [
          String(x.invoice ?? ''),
          x.customer ?? '',
          x.owner ?? '',
          iso(x.invoiceDate),
          iso(x.dueDate),
          x.terms ?? '',
          x.amount,
          x.currency ?? '',
        ]),
      ],
    },
    {
      name: 'Payments',
      values: [
        ['Invoice No', 'Customer', 'Payment Date', 'Amount', 'Currency'],
        ...payments.map((x) => [
          String(x.invoice ?? ''),
          x.customer ?? '',
          iso(x.date),
          x.amount,
          x.currency ?? '',
        ]),
      ],
    },
  ];
}

/** An owner line with open items as a breakdown row; rows ordered by key to compare. */
function asRow(owner: AgingOwner): AgingBreakdownRow {
  return {
    key: owner.id === UNKNOWN_OWNER ? null : owner.id,
    count: owner.openItems,
    open: owner.open,
    buckets: owner.buckets,
    credits: owner.credit,
  };
}

const byKey = (a: AgingBreakdownRow, b: AgingBreakdownRow): number =>
  (a.key ?? '\uffff') < (b.key ?? '\uffff') ? -1 : 1;

describe('agingBreakdowns against the aging’s owner lines', () => {
  it('gives each currency’s owners: items, open, owed per bucket, credits (property)', () => {
    fc.assert(
      fc.property(arbAgingCase, ({ invoices, payments, options }) => {
        const run = ageReceivables(sheetsOf(invoices, payments), {
          asOf: options.asOf,
          by: options.by,
          buckets: options.edges,
          kinds: { Invoices: 'invoice', Payments: 'payment' },
          ...(options.currency === undefined ? {} : { currency: options.currency }),
          perRow: true,
        });
        const sections = run.result?.sections ?? [];
        const breakdowns = agingBreakdowns(run, 'Owner');
        expect(breakdowns.map((b) => b.currency)).toEqual(sections.map((s) => s.currency));
        breakdowns.forEach((breakdown, s) => {
          const owners = (sections[s]?.owners ?? []).filter((owner) => owner.openItems > 0);
          expect([...breakdown.rows].sort(byKey)).toEqual(owners.map(asRow).sort(byKey));
        });
      }),
      { numRuns: Number(process.env.RUNS ?? 200) },
    );
  });
});
