import type { AgingBucket } from './aging-buckets.js';
import type { LedgerSection } from './aging-ledger.js';
import type { AgingOwner } from './aging-result.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { compareIds } from '../columns/compare-ids.js';
import { bucketRecord } from '../internal/bucket-record.js';
import { isOnLedgerAtAsOf } from './aging-rules.js';

/**
 * One line per owner (sales rep) of a section: open, overdue, open items and amount per bucket,
 * largest open balance first (ties by id). Invoices without an owner are under UNKNOWN_OWNER. An
 * owner with no invoice dated on or before as-of is not listed (isOnLedgerAtAsOf).
 *
 * Formula: open = Σ bucket amounts of the owner's open items; overdue = Σ of those past due.
 *
 * @param section - The section.
 * @param s - The section's number, to find its owners in the totals.
 * @param buckets - The buckets, for the labels.
 * @param totals - Pass 3's sums.
 * @returns The owners, in currency units.
 * @example
 * summarizeByOwner(section, 0, options.buckets, totals)[0]; // {id: 'Ann', open: 60, overdue: 60, …}
 */
export function summarizeByOwner(
  section: LedgerSection,
  sectionNumber: number,
  buckets: readonly AgingBucket[],
  totals: OpenItemTotals,
): AgingOwner[] {
  const bucketCount = buckets.length;
  const { ownerBuckets, ownerOverdue, ownerCount, ownerInvoices } = totals;
  const offset = totals.ownerOffsets[sectionNumber] as number;
  const zeroBuckets = bucketRecord(buckets.map((b) => b.label));
  const owners: AgingOwner[] = [];
  section.ownerIds.forEach((id, k) => {
    const owner = offset + k;
    if (!isOnLedgerAtAsOf(ownerInvoices[owner] as number, 0)) return;
    let openCents = 0;
    const byLabel = { ...zeroBuckets };
    for (let b = 0; b < bucketCount; b++) {
      const cents = ownerBuckets[owner * bucketCount + b] as number;
      openCents += cents;
      byLabel[(buckets[b] as AgingBucket).label] = cents / 100;
    }
    owners.push({
      id,
      open: openCents / 100,
      overdue: (ownerOverdue[owner] as number) / 100,
      openItems: ownerCount[owner] as number,
      buckets: byLabel,
    });
  });
  owners.sort((left, right) => right.open - left.open || compareIds(left.id, right.id));
  return owners;
}
