import type { AgingBucket } from './aging-buckets.js';
import type { LedgerSection } from './aging-ledger.js';
import type { AgingOwner } from './aging-result.js';
import type { OpenItemTotals } from './bucket-open-items.js';
import { compareIds } from '../columns/compare-ids.js';
import { bucketRecord } from '../internal/bucket-record.js';

/**
 * One line per owner (sales rep) of a section: open, overdue, open items and amount per bucket,
 * largest open balance first (ties by id). Invoices without an owner are under UNKNOWN_OWNER.
 *
 * Formula: open = Σ bucket amounts of the owner's open items; overdue = Σ of those past due.
 *
 * @param sec - The section.
 * @param s - The section's number, to find its owners in the totals.
 * @param buckets - The buckets, for the labels.
 * @param totals - Pass 3's sums.
 * @returns The owners, in currency units.
 * @example
 * summarizeByOwner(sec, 0, o.buckets, totals)[0]; // {id: 'Ann', open: 60, overdue: 60, …}
 */
export function summarizeByOwner(
  sec: LedgerSection,
  s: number,
  buckets: readonly AgingBucket[],
  totals: OpenItemTotals,
): AgingOwner[] {
  const nb = buckets.length;
  const { ownerBuckets, ownerOverdue, ownerCount } = totals;
  const offset = totals.ownerOffsets[s] as number;
  const zeroBuckets = bucketRecord(buckets.map((b) => b.label));
  const owners: AgingOwner[] = sec.ownerIds.map((id, k) => {
    const ow = offset + k;
    let openCents = 0;
    const byLabel = { ...zeroBuckets };
    for (let b = 0; b < nb; b++) {
      const c = ownerBuckets[ow * nb + b] as number;
      openCents += c;
      byLabel[(buckets[b] as AgingBucket).label] = c / 100;
    }
    return {
      id,
      open: openCents / 100,
      overdue: (ownerOverdue[ow] as number) / 100,
      openItems: ownerCount[ow] as number,
      buckets: byLabel,
    };
  });
  owners.sort((x, y) => y.open - x.open || compareIds(x.id, y.id));
  return owners;
}
