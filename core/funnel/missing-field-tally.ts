import type { DataWarning, WarningPlace } from '../columns/data-warning.js';
import type { MissingField, MissingFieldName } from './prepared-deals.js';
import { missingFieldWarning } from './prepare-deals-warnings.js';

/** Excel rows listed per missing field. */
const ROW_SAMPLE = 20;

/** A missing-field entry being counted, with where it was first seen (for the report order). */
export interface MissingFieldTally {
  entry: MissingField;
  /** Position among the fields checked, for ties in `first`. */
  order: number;
  /** Index of the first deal found lacking the field, -1 none yet. */
  first: number;
}

/**
 * The fields whose blanks prepareDeals reports, which deals are checked for each and what the
 * forecast does about a blank.
 */
export interface MissingFieldTallies {
  amount: MissingFieldTally;
  closeDate: MissingFieldTally;
  account: MissingFieldTally;
  owner: MissingFieldTally;
  createdDate: MissingFieldTally;
}

/** Empty tallies of the fields prepareDeals checks, in their report order. */
export function missingFieldTallies(): MissingFieldTallies {
  return {
    amount: tally(
      'amount',
      'open',
      'counted in deal counts; adds nothing to amounts or weighted sums',
      0,
    ),
    closeDate: tally(
      'closeDate',
      'open',
      "shown under close month '(no date)'; not checked for past close date",
      1,
    ),
    account: tally('account', 'all', 'none: the forecast does not need the account', 2),
    owner: tally('owner', 'all', "grouped under owner '(none)'", 3),
    createdDate: tally('createdDate', 'all', 'left out of sales-cycle averages', 4),
  };
}

function tally(
  field: MissingFieldName,
  among: 'all' | 'open',
  action: string,
  order: number,
): MissingFieldTally {
  return { entry: { field, among, count: 0, rows: [], action }, order, first: -1 };
}

/** Counts deal `index` (Excel row `row`) as lacking the tallied field. */
export function countMissing(tally: MissingFieldTally, row: number, index: number): void {
  const entry = tally.entry;
  if (entry.count === 0) tally.first = index;
  entry.count += 1;
  if (entry.rows.length < ROW_SAMPLE) entry.rows.push(row);
}

/**
 * The fields some deal lacks, in the order each was first found missing (deal by deal, fields in
 * their report order).
 */
export function missingFieldsInOrder(tallies: MissingFieldTallies): MissingField[] {
  return Object.values(tallies)
    .filter((t) => t.entry.count > 0)
    .sort((a, b) => a.first - b.first || a.order - b.order)
    .map((t) => t.entry);
}

/**
 * Warnings for the missing fields, except those no deal has at all: an absent column (the input
 * layer reports those) is not dirty data.
 */
export function missingFieldWarnings(
  missing: readonly MissingField[],
  present: Readonly<Record<string, boolean>>,
  place: WarningPlace,
): DataWarning[] {
  return missing
    .filter((entry) => present[entry.field])
    .map((entry) => missingFieldWarning(entry, place));
}
