import type { EpochDay } from '../columns/epoch-day.js';
import {
  civilFromEpochDay,
  daysInMonthIndex,
  monthIndexOfEpochDay,
} from '../columns/calendar-month.js';
import { CENTS, toMinorUnits } from '../columns/money.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** An amount on a date: one invoice's contribution to sales. */
export interface DatedAmount {
  date: EpochDay;
  amount: number;
}

/**
 * Days sales outstanding, countback method.
 *
 * Rule (DOMAIN.md "Exact definitions"): walk back month by month from as-of, taking each month's
 * sales off the AR until it is used up, and add up the days covered, the last month pro rata.
 * The as-of month counts from its 1st to as-of (so as-of 2024-03-15 covers 15 days of March and
 * only March sales dated ≤ as-of); earlier months count whole. A month with sales ≤ 0 covers all its
 * days and takes nothing off. Worked example: AR 150, as-of 2024-03-31, March sales 100,
 * February 100 → 31 + 29 × 50/100 = 45.5 days.
 *
 * Blank handling: sales dated after as-of are ignored; AR ≤ 0 gives 0.
 *
 * Amounts become whole cents by the shared money rule (core/columns/money.ts) before the walk, so
 * a month whose sales equal the AR left to the cent covers it exactly.
 *
 * @param ar - Open receivables at as-of.
 * @param sales - Invoiced amounts with their dates (credit notes negative).
 * @param asOf - The as-of epoch day.
 * @returns Days, or null when all sales up to as-of do not cover the AR.
 * @throws {PipecastError} When ar is not finite or asOf is not an integer.
 * @example
 * dsoCountback(150, [{ date: mar1, amount: 100 }, { date: feb1, amount: 100 }], mar31); // 45.5
 */
export function dsoCountback(
  ar: number,
  sales: readonly DatedAmount[],
  asOf: EpochDay,
): number | null {
  if (!Number.isFinite(ar))
    throw new PipecastError('invalid-input', `dsoCountback: ar must be finite, got ${ar}`);
  if (!Number.isInteger(asOf)) {
    throw new PipecastError(
      'invalid-option',
      `dsoCountback: asOf must be an integer epoch day, got ${asOf}`,
    );
  }
  const monthlyCents = new Map<number, number>();
  for (const { date, amount } of sales) {
    if (date > asOf || !Number.isFinite(amount)) continue;
    const m = monthIndexOfEpochDay(date);
    monthlyCents.set(m, (monthlyCents.get(m) ?? 0) + toMinorUnits(amount, CENTS));
  }
  return countbackFromMonthlyCents(toMinorUnits(ar, CENTS), monthlyCents, asOf);
}

/**
 * dsoCountback on whole cents: the AR and the sales already summed by month index
 * (year × 12 + month − 1), all dated ≤ asOf. Used by ageReceivables, which sums the months in its
 * single pass over the invoices. Integer cents subtract exactly, where currency-unit floats could
 * leave 482.60000000000014 of an AR that a month of 482.60 covers.
 */
export function countbackFromMonthlyCents(
  arCents: number,
  monthlyCents: ReadonlyMap<number, number>,
  asOf: EpochDay,
): number | null {
  if (arCents <= 0) return 0;
  let earliest = Infinity;
  for (const [m, cents] of monthlyCents) if (cents > 0 && m < earliest) earliest = m;
  const asOfMonth = monthIndexOfEpochDay(asOf);
  let remaining = arCents;
  let days = 0;
  for (let m = asOfMonth; m >= earliest; m--) {
    const span = m === asOfMonth ? civilFromEpochDay(asOf).day : daysInMonthIndex(m);
    const sold = monthlyCents.get(m) ?? 0;
    if (sold > 0 && sold >= remaining) return days + (span * remaining) / sold;
    days += span;
    if (sold > 0) remaining -= sold;
  }
  return null;
}
