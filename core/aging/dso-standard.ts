import { PipecastError } from '../errors/pipecast-error.js';

/** Default look-back window for DSO, in days (DOMAIN.md "Exact definitions"). */
export const DEFAULT_DSO_DAYS = 90;

/**
 * Days sales outstanding, standard method.
 *
 * Formula: DSO = AR at as-of ÷ credit sales invoiced in the N days up to as-of × N
 * (DOMAIN.md "Exact definitions"; N = 90 by default). AR 300, sales 900 over 90 days → 30 days.
 *
 * @param ar - Open receivables at the as-of date.
 * @param creditSales - Net amount invoiced in the N days up to and including as-of.
 * @param days - N, the window length (default 90).
 * @returns DSO in days, or null when credit sales are ≤ 0 (no sales to measure against).
 * @throws {PipecastError} When ar or creditSales is not finite, or days is not a whole number > 0.
 * @example
 * dsoStandard(300, 900, 90); // 30
 */
export function dsoStandard(
  ar: number,
  creditSales: number,
  days = DEFAULT_DSO_DAYS,
): number | null {
  if (!Number.isFinite(ar))
    throw new PipecastError('invalid-input', `dsoStandard: ar must be finite, got ${ar}`);
  if (!Number.isFinite(creditSales)) {
    throw new PipecastError(
      'invalid-input',
      `dsoStandard: creditSales must be finite, got ${creditSales}`,
    );
  }
  if (!Number.isInteger(days) || days <= 0) {
    throw new PipecastError(
      'invalid-option',
      `dsoStandard: days must be a whole number > 0, got ${days}`,
    );
  }
  if (creditSales <= 0) return null;
  return (ar / creditSales) * days;
}
