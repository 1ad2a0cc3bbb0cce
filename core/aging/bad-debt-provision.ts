import { CENTS, toMinorUnits } from '../columns/money.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** A bucket's amount, as ageReceivables reports it. */
export interface ProvisionInput {
  label: string;
  amount: number;
}

/** The provision of one bucket. */
export interface ProvisionLine {
  label: string;
  amount: number;
  rate: number;
  provision: number;
}

export interface BadDebtProvisionResult {
  lines: ProvisionLine[];
  total: number;
}

/**
 * Bad-debt provision from a provision matrix (one loss rate per aging bucket).
 *
 * Formula: provision = Σ bucket amount × bucket rate. A bucket whose amount is negative (credits
 * exceed debits there) provides nothing: a credit is not a loss, so its line shows provision 0.
 * Totals are rounded to cents.
 *
 * @param buckets - Bucket amounts in order.
 * @param rates - One rate per bucket, each 0–1 (0.05 = 5%).
 * @returns The lines and their total.
 * @throws {PipecastError} When the rate count differs from the bucket count or a rate is outside 0–1.
 * @example
 * badDebtProvision([{label: 'Current', amount: 1000}, {label: '1–30', amount: 200}], [0.01, 0.1]);
 * // {lines: [...10, ...20], total: 30}
 */
export function badDebtProvision(
  buckets: readonly ProvisionInput[],
  rates: readonly number[],
): BadDebtProvisionResult {
  if (rates.length !== buckets.length) {
    throw new PipecastError(
      'invalid-option',
      `badDebtProvision: need one rate per bucket (${buckets.length}), got ${rates.length}`,
    );
  }
  for (const rate of rates) {
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new PipecastError(
        'invalid-option',
        `badDebtProvision: each rate must be between 0 and 1, got ${rate}`,
      );
    }
  }
  let totalCents = 0;
  const lines = buckets.map(({ label, amount }, i) => {
    const rate = rates[i] as number;
    const cents = amount > 0 ? toMinorUnits(amount * rate, CENTS) : 0;
    totalCents += cents;
    return { label, amount, rate, provision: cents / 100 };
  });
  return { lines, total: totalCents / 100 };
}
