import { normalizeHeader } from '../columns/normalize-header.js';
import type { Customer } from '../columns/records.js';
import type { ScorecardCriterion, ScorecardItem } from '../segments/scorecard.js';

/**
 * A customer list as scorecard items: every extra column plus the named numeric fields, keyed
 * by their normalised header, so criteria name columns as users type them (case-, space- and
 * punctuation-insensitive, English or Chinese) through the same normalisation as the columns.
 *
 * @param customers - the customer list (not mutated).
 * @returns one item per customer, in list order.
 */
export function scorecardItemsOf(customers: readonly Customer[]): ScorecardItem[] {
  return customers.map((customer) => ({
    id: customer.id,
    ...(customer.name === undefined ? {} : { name: customer.name }),
    row: customer.row,
    values: {
      ...Object.fromEntries(
        Object.entries(customer.extra).map(([header, value]) => [normalizeHeader(header), value]),
      ),
      ...(customer.potential === undefined ? {} : { potential: customer.potential }),
      ...(customer.share === undefined ? {} : { share: customer.share }),
      ...(customer.revenue === undefined ? {} : { revenue: customer.revenue }),
      ...(customer.margin === undefined ? {} : { margin: customer.margin }),
      ...(customer.target === undefined ? {} : { target: customer.target }),
    },
  }));
}

/** Criteria with their column normalised the way scorecardItemsOf keys the values. */
export function normalizedCriteria(criteria: readonly ScorecardCriterion[]): ScorecardCriterion[] {
  return criteria.map((criterion) => ({
    ...criterion,
    column: normalizeHeader(criterion.column ?? criterion.name),
  }));
}
