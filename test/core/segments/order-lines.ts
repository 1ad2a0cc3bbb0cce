import type { OrderLine } from '../../../core/columns/records.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';

/** The epoch day of an ISO date, failing loudly on a typo. */
export function day(iso: string): number {
  const d = epochDayFromIso(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
}

let nextRow = 2;

/** An order line for tests: customer, invoice, ISO date, amount (quantity = sign of amount). */
export function line(
  customer: string | undefined,
  invoice: string | undefined,
  date: string,
  amount: number,
  extra: Partial<OrderLine> = {},
): OrderLine {
  return {
    row: nextRow++,
    ...(customer === undefined ? {} : { customer }),
    ...(invoice === undefined ? {} : { invoice }),
    date: day(date),
    amount,
    ...extra,
  };
}
