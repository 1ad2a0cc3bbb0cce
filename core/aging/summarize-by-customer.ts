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
 * @param section - The section.
 * @param buckets - The buckets, for the labels.
 * @param ledger - Pairs, their names, limits and unapplied cash.
 * @param totals - Pass 3's sums.
 * @returns The customers, in currency units.
 * @example
 * summarizeByCustomer(section, openOfPair.buckets, ledger, totals)[0]; // {id: 'ACME', open: 60, buckets: {…}, …}
 */
export function summarizeByCustomer(
  section: LedgerSection,
  buckets: readonly AgingBucket[],
  ledger: AgingLedger,
  totals: OpenItemTotals,
): AgingCustomer[] {
  const bucketCount = buckets.length;
  const { pairBuckets, pairBucketCount, pairOverdue, pairCredit } = totals;
  const { pairCustomer } = ledger;
  const labels = buckets.map((b) => b.label);
  const zeroBuckets = bucketRecord(labels);
  const { pairs } = section;
  const pairCount = pairs.length;
  // Sorted first on the open cents, then each line made in output order.
  const openCents = new Float64Array(pairCount);
  const open = new Float64Array(pairCount);
  for (let k = 0; k < pairCount; k++) {
    const pair = pairs[k] as number;
    let cents = 0;
    for (let b = 0; b < bucketCount; b++) cents += pairBuckets[pair * bucketCount + b] as number;
    openCents[k] = cents;
    open[k] = cents / 100;
  }
  const order = largestFirst(open, (k) => pairCustomer[pairs[k] as number] as string);
  const customers = new Array<AgingCustomer>(pairCount);
  for (let rank = 0; rank < pairCount; rank++) {
    const k = order[rank] as number;
    const pair = pairs[k] as number;
    let items = 0;
    const byLabel = { ...zeroBuckets };
    for (let b = 0; b < bucketCount; b++) {
      items += pairBucketCount[pair * bucketCount + b] as number;
      byLabel[labels[b] as string] = (pairBuckets[pair * bucketCount + b] as number) / 100;
    }
    const openOfPair = openCents[k] as number;
    const unapplied = ledger.unappliedCents[pair] as number;
    const limit = ledger.pairLimit[pair] ?? null;
    customers[rank] = {
      id: pairCustomer[pair] as string,
      open: open[k] as number,
      overdue: (pairOverdue[pair] as number) / 100,
      credit: (pairCredit[pair] as number) / 100,
      unapplied: unapplied / 100,
      openItems: items,
      buckets: byLabel,
      creditLimit: limit,
      creditUse: creditUse(openOfPair, unapplied, limit),
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
