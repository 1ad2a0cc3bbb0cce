import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { Invoice } from '../columns/records.js';
import type { AgingBucket } from './aging-buckets.js';
import { bucketIndexOf } from './aging-buckets.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { AgingCounts } from './aging-result.js';
import { UNKNOWN_OWNER } from './aging-result.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import { firstDayOfMonthIndex, monthIndexOfEpochDay } from '../columns/calendar-month.js';
import type { LoadedInvoices } from './load-invoices.js';
import { AFTER_AS_OF, DISPUTED, HAS_PAID_INFO, NO_DAY, NO_PAYMENT_ROWS } from './load-invoices.js';

/** Open balances summed per pair and per owner, all in cents; arrays are [id × buckets + bucket]. */
export interface OpenItemTotals {
  pairBuckets: Float64Array;
  pairBucketCount: Int32Array;
  /** Σ open balances past due (credits past due net off). */
  pairOverdue: Float64Array;
  /** Past-due invoices with a positive open balance. */
  pairOverdueCount: Int32Array;
  pairCredit: Float64Array;
  /** Σ open × days past due over past-due invoices with a positive open balance. */
  pairScore: Float64Array;
  pairMaxDpd: Int32Array;
  pairDisputed: Float64Array;
  pairDisputedCount: Int32Array;
  /** First global owner id of each section (owner ids are section-local). */
  ownerOffsets: number[];
  ownerBuckets: Float64Array;
  ownerOverdue: Float64Array;
  ownerCount: Int32Array;
  /** Month index of the first entry of each section's monthly sales. */
  firstMonth: number;
}

/**
 * Pass 3 of ageReceivables: for every invoice dated on or before as-of, its open balance
 * (amount − counted payments), its bucket, and the sums per customer pair, owner and section:
 * overdue, credits, priority score, disputed amounts, DSO window sales, monthly sales for
 * countback, days late of settled invoices, and the invoice lines asked for.
 *
 * Formulas: open = amount − paid; days past due = as-of − due; bucket by days past due (or days
 * since the invoice date when by = 'invoice'); days late = max(0, last payment − due) for a
 * positive invoice whose open balance is ≤ 0 and that has a dated payment. Invoice-level paid
 * information counts only for invoices without rows in the payments list (reported otherwise); an
 * undated paid amount counts whatever the as-of (reported).
 *
 * @param invoices - The invoices, for rows and numbers in warnings and lines; not mutated.
 * @param loaded - Pass 1's invoices after pass 2 applied the payments.
 * @param o - Normalised options.
 * @param ledger - Sections and pairs; section tallies and lines are filled in.
 * @param warnings - Collector for row warnings.
 * @param counts - invoicesAged is counted here.
 * @returns The sums per pair and owner.
 * @example
 * const totals = bucketOpenItems(invoices, loaded, o, ledger, warnings, counts);
 * totals.pairBuckets[pair * o.buckets.length + 1]; // cents of that customer in the second bucket
 */
export function bucketOpenItems(
  invoices: readonly Invoice[],
  loaded: LoadedInvoices,
  o: NormalisedAgingOptions,
  ledger: AgingLedger,
  warnings: WarningCollector,
  counts: AgingCounts,
): OpenItemTotals {
  const { asOf, buckets } = o;
  const nb = buckets.length;
  const ip = o.invoicePlace;
  const { sections, pairSection, pairCustomer } = ledger;
  const { due, day, cents, pair, owner, flags, payments, paidInfo, minDay } = loaded;
  const nPairs = pairSection.length;
  const pairBuckets = new Float64Array(nPairs * nb);
  const pairBucketCount = new Int32Array(nPairs * nb);
  const pairOverdue = new Float64Array(nPairs);
  const pairOverdueCount = new Int32Array(nPairs);
  const pairCredit = new Float64Array(nPairs);
  const pairScore = new Float64Array(nPairs);
  const pairMaxDpd = new Int32Array(nPairs);
  const pairDisputed = new Float64Array(nPairs);
  const pairDisputedCount = new Int32Array(nPairs);
  const ownerOffsets: number[] = [];
  let nOwners = 0;
  for (const sec of sections) {
    ownerOffsets.push(nOwners);
    nOwners += sec.ownerIds.length;
  }
  const ownerBuckets = new Float64Array(nOwners * nb);
  const ownerOverdue = new Float64Array(nOwners);
  const ownerCount = new Int32Array(nOwners);

  // Month of each day from the first invoice to as-of, for countback without a Date per invoice.
  const hasAged = minDay !== Infinity;
  const m0 = hasAged ? monthIndexOfEpochDay(minDay) : 0;
  const nMonths = hasAged ? monthIndexOfEpochDay(asOf) - m0 + 1 : 0;
  const monthOfDay = new Int32Array(hasAged ? asOf - minDay + 1 : 0);
  for (let m = 0; m < nMonths; m++) {
    const start = Math.max(firstDayOfMonthIndex(m0 + m), minDay) - minDay;
    const end = Math.min(firstDayOfMonthIndex(m0 + m + 1) - 1, asOf) - minDay;
    monthOfDay.fill(m, start, end + 1);
  }
  for (const sec of sections) sec.monthly = new Float64Array(nMonths);

  const windowStart = asOf - o.dsoDays + 1;
  const byDue = o.by === 'due';
  const lines = o.invoiceLines;
  // Bucket lookup by day count, for the common range; bucketIndexOf beyond it.
  const lastEdge = buckets[nb - 2]?.to ?? 0;
  const lookupLow = byDue ? -1 : 0;
  const bucketOfDays = new Int32Array(lastEdge + 2 - lookupLow);
  for (let d = lookupLow; d <= lastEdge + 1; d++)
    bucketOfDays[d - lookupLow] = bucketIndexOf(buckets, d);
  const isoDays = new Map<number, string>();
  const iso = (d: number): string => {
    let text = isoDays.get(d);
    if (text === undefined) {
      text = isoFromEpochDay(d);
      isoDays.set(d, text);
    }
    return text;
  };
  let paidInfoAt = 0;

  const n = invoices.length;
  for (let i = 0; i < n; i++) {
    const p = pair[i] as number;
    if (p < 0) continue;
    const fl = flags[i] as number;
    if ((fl & AFTER_AS_OF) !== 0) continue;
    // Date and cents from pass 1's arrays: the invoice records are read again only for warnings
    // and lines, since each one read costs a cache miss wherever the caller's heap put it.
    const date = day[i] as number;
    counts.invoicesAged++;
    const s = pairSection[p] as number;
    const sec = sections[s] as LedgerSection;
    const a = cents[i] as number;
    let paidCents = payments[2 * i] as number;
    const meta = payments[2 * i + 1] as number;
    let last = meta === NO_PAYMENT_ROWS ? NO_DAY : meta;
    if ((fl & HAS_PAID_INFO) !== 0) {
      while ((paidInfo.rows[paidInfoAt] as number) < i) paidInfoAt++;
      if (meta !== NO_PAYMENT_ROWS) {
        if (!warnings.skip('double-payment-info'))
          warnings.add(
            'double-payment-info',
            ip,
            {
              code: 'other',
              message: `invoice row has a paid date/amount and the payments list has payments for it: the payments list is used`,
              row: (invoices[i] as Invoice).row,
              column: 'paid date',
              action: 'value ignored',
            },
            'invoice-level paid information ignored in favour of the payments list',
          );
      } else if (paidInfo.dated[paidInfoAt] === true) {
        const pd = paidInfo.dates[paidInfoAt] as number;
        if (pd <= asOf) {
          paidCents += paidInfo.cents[paidInfoAt] as number;
          if (pd > last) last = pd;
        }
      } else {
        paidCents += paidInfo.cents[paidInfoAt] as number;
        if (!warnings.skip('undated-payment'))
          warnings.add(
            'undated-payment',
            ip,
            {
              code: 'missing-value',
              message: `invoice ${(invoices[i] as Invoice).invoice}: paid amount or balance without a paid date, counted as paid by the as-of date`,
              row: (invoices[i] as Invoice).row,
              column: 'paid date',
              action: 'assumed',
            },
            'paid amounts or balances without a paid date, counted as paid by as-of',
          );
      }
    }
    if (date >= windowStart) sec.salesWindowCents += a;
    const monthly = sec.monthly as Float64Array;
    const mk = monthOfDay[date - minDay] as number;
    monthly[mk] = (monthly[mk] as number) + a;

    const open = a - paidCents;
    const dueDay = due[i] as number;
    const dpd = asOf - dueDay;
    let daysLate = -1;
    if (a > 0 && open <= 0 && last !== NO_DAY) {
      daysLate = last > dueDay ? last - dueDay : 0;
      sec.settled++;
      sec.lateSum += daysLate;
      sec.lateWeighted += daysLate * a;
      sec.lateWeight += a;
      if (daysLate > 0) sec.late++;
    }
    let b = -1;
    if (open !== 0) {
      const days = byDue ? dpd : asOf - date;
      b =
        days >= lookupLow && days <= lastEdge + 1
          ? (bucketOfDays[days - lookupLow] as number)
          : bucketIndexOf(buckets, days);
      const pb = p * nb + b;
      pairBuckets[pb] = (pairBuckets[pb] as number) + open;
      pairBucketCount[pb] = (pairBucketCount[pb] as number) + 1;
      const ow = (ownerOffsets[s] as number) + (owner[i] as number);
      ownerBuckets[ow * nb + b] = (ownerBuckets[ow * nb + b] as number) + open;
      ownerCount[ow] = (ownerCount[ow] as number) + 1;
      if (open < 0) pairCredit[p] = (pairCredit[p] as number) + open;
      if (dpd > 0) {
        pairOverdue[p] = (pairOverdue[p] as number) + open;
        ownerOverdue[ow] = (ownerOverdue[ow] as number) + open;
        if (open > 0) {
          pairScore[p] = (pairScore[p] as number) + open * dpd;
          pairOverdueCount[p] = (pairOverdueCount[p] as number) + 1;
          if (dpd > (pairMaxDpd[p] as number)) pairMaxDpd[p] = dpd;
        }
      }
      if ((fl & DISPUTED) !== 0) {
        pairDisputed[p] = (pairDisputed[p] as number) + open;
        pairDisputedCount[p] = (pairDisputedCount[p] as number) + 1;
      }
    }
    if (lines === 'all' || (lines === 'open' && open !== 0)) {
      const inv = invoices[i] as Invoice;
      const ownerName = sec.ownerIds[owner[i] as number] as string;
      sec.lines.push({
        row: inv.row,
        invoice: typeof inv.invoice === 'string' ? inv.invoice.trim() : '',
        customer: pairCustomer[p] as string,
        owner: ownerName === UNKNOWN_OWNER ? null : ownerName,
        invoiceDate: iso(date),
        dueDate: iso(dueDay),
        amount: a / 100,
        paid: paidCents / 100,
        open: open / 100,
        status: open > 0 ? 'open' : open < 0 ? 'credit' : 'settled',
        daysPastDue: dpd,
        age: asOf - date,
        bucket: b < 0 ? null : (buckets[b] as AgingBucket).label,
        disputed: (fl & DISPUTED) !== 0,
        settledDate: daysLate >= 0 ? iso(last) : null,
        daysLate: daysLate >= 0 ? daysLate : null,
      });
    }
  }
  return {
    pairBuckets,
    pairBucketCount,
    pairOverdue,
    pairOverdueCount,
    pairCredit,
    pairScore,
    pairMaxDpd,
    pairDisputed,
    pairDisputedCount,
    ownerOffsets,
    ownerBuckets,
    ownerOverdue,
    ownerCount,
    firstMonth: m0,
  };
}
