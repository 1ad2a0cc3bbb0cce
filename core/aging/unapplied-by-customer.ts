import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { AgingLedger, LedgerSection } from './aging-ledger.js';
import type { UnappliedLine } from './aging-result.js';
import { listedPairs } from '../internal/listed-pairs.js';
import { largestFirst } from '../internal/sorted-positions.js';

/**
 * The unapplied cash of a section, one line per customer with any: amount, payments, first and
 * last date; largest amount first (ties by customer).
 *
 * Formula: amount = Σ payments dated ≤ as-of that could not be applied to an invoice (none named,
 * unknown, dated after as-of, or in an unconverted other currency).
 *
 * @param section - The section.
 * @param ledger - Pairs and their unapplied cash.
 * @returns The lines, in currency units with ISO dates.
 * @example
 * unappliedByCustomer(section, ledger)[0]; // {customer: 'ACME', amount: 40, count: 1, firstDate: '2024-02-10', …}
 */
export function unappliedByCustomer(section: LedgerSection, ledger: AgingLedger): UnappliedLine[] {
  const { pairCustomer, unappliedCount, unappliedCents } = ledger;
  // The pairs with unapplied cash and their amounts, sorted first; each line is then made in output
  // order, with one ISO string per distinct day (a few hundred days for thousands of lines).
  const { listed, values: amountOf } = listedPairs(section.pairs, (pair) =>
    (unappliedCount[pair] as number) === 0 ? null : (unappliedCents[pair] as number) / 100,
  );
  const order = largestFirst(amountOf, (k) => pairCustomer[listed[k] as number] as string);
  const isoDays = new Map<number, string>();
  const iso = (day: number): string => {
    let text = isoDays.get(day);
    if (text === undefined) {
      text = isoFromEpochDay(day);
      isoDays.set(day, text);
    }
    return text;
  };
  const unapplied = new Array<UnappliedLine>(listed.length);
  for (let rank = 0; rank < listed.length; rank++) {
    const k = order[rank] as number;
    const pair = listed[k] as number;
    unapplied[rank] = {
      customer: pairCustomer[pair] as string,
      amount: amountOf[k] as number,
      count: unappliedCount[pair] as number,
      firstDate: iso(ledger.unappliedFirst[pair] as number),
      lastDate: iso(ledger.unappliedLast[pair] as number),
    };
  }
  return unapplied;
}
