import type { AgingBucket } from './aging-buckets.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { AgingCustomer } from './aging-result.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { bucketRecord } from '../internal/bucket-record.js';
import { largestFirst } from '../internal/sorted-positions.js';

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
  const { pairCustomer } = ledger;
  const labels = buckets.map((b) => b.label);
  const zeroBuckets = bucketRecord(labels);
  const { pairs } = sec;
  const n = pairs.length;
  // Sorted first on the open cents, then each line made in output order.
  const openCents = new Float64Array(n);
  const open = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = pairs[k] as number;
    let c = 0;
    for (let b = 0; b < nb; b++) c += pairBuckets[p * nb + b] as number;
    openCents[k] = c;
    open[k] = c / 100;
  }
  const order = largestFirst(open, (k) => pairCustomer[pairs[k] as number] as string);
  const customers = new Array<AgingCustomer>(n);
  for (let r = 0; r < n; r++) {
    const k = order[r] as number;
    const p = pairs[k] as number;
    let items = 0;
    const byLabel = { ...zeroBuckets };
    for (let b = 0; b < nb; b++) {
      items += pairBucketCount[p * nb + b] as number;
      byLabel[labels[b] as string] = (pairBuckets[p * nb + b] as number) / 100;
    }
    const o = openCents[k] as number;
    const u = ledger.unappliedCents[p] as number;
    const limit = ledger.pairLimit[p] ?? null;
    customers[r] = {
      id: pairCustomer[p] as string,
      open: open[k] as number,
      overdue: (pairOverdue[p] as number) / 100,
      credit: (pairCredit[p] as number) / 100,
      unapplied: u / 100,
      openItems: items,
      buckets: byLabel,
      creditLimit: limit,
      creditUse: creditUse(o, u, limit),
    };
  }
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
