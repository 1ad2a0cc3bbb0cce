import type { AgingBucket } from './aging-buckets.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { AgingCustomer } from './aging-result.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { compareText } from './compare-text.js';

/**
 * One line per customer of a section: open, overdue, credit, unapplied, items, amount per bucket and
 * credit use, largest open balance first (ties by id).
 *
 * Formula: open = Σ bucket amounts; creditUse = (open − unapplied) ÷ credit limit, null without a
 * positive limit. A customer with only unapplied cash is listed with zero open.
 *
 * @param sec - The section.
 * @param buckets - The buckets, for the labels.
 * @param ledger - Pairs, their names, limits and unapplied cash.
 * @param totals - Pass 3's sums.
 * @returns The customers, in currency units.
 * @example
 * summarizeByCustomer(sec, o.buckets, ledger, totals)[0]; // {id: 'ACME', open: 60, buckets: {…}, …}
 */
export function summarizeByCustomer(
  sec: LedgerSection,
  buckets: readonly AgingBucket[],
  ledger: AgingLedger,
  totals: OpenItemTotals,
): AgingCustomer[] {
  const nb = buckets.length;
  const { pairBuckets, pairBucketCount, pairOverdue, pairCredit } = totals;
  const labels = buckets.map((b) => b.label);
  const customers: AgingCustomer[] = [];
  for (const p of sec.pairs) {
    let openCents = 0;
    let items = 0;
    const byLabel: Record<string, number> = {};
    for (let b = 0; b < nb; b++) {
      const c = pairBuckets[p * nb + b] as number;
      openCents += c;
      items += pairBucketCount[p * nb + b] as number;
      byLabel[labels[b] as string] = c / 100;
    }
    const u = ledger.unappliedCents[p] as number;
    const limit = ledger.pairLimit[p] ?? null;
    customers.push({
      id: ledger.pairCustomer[p] as string,
      open: openCents / 100,
      overdue: (pairOverdue[p] as number) / 100,
      credit: (pairCredit[p] as number) / 100,
      unapplied: u / 100,
      openItems: items,
      buckets: byLabel,
      creditLimit: limit,
      creditUse: creditUse(openCents, u, limit),
    });
  }
  customers.sort((x, y) => y.open - x.open || compareText(x.id, y.id));
  return customers;
}

/** (open − unapplied) ÷ limit, from cents, or null without a positive limit. */
export function creditUse(
  openCents: number,
  unappliedCents: number,
  limit: number | null,
): number | null {
  return limit !== null && limit > 0 ? (openCents - unappliedCents) / 100 / limit : null;
}
