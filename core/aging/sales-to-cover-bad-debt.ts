import { PipecastError } from '../errors/pipecast-error.js';

/**
 * The extra sales needed to earn back a bad debt (坏账需要额外销售额弥补).
 *
 * Formula: bad debt ÷ net margin (DOMAIN.md §3). Writing off 10,000 at a 5% net margin needs
 * 200,000 of extra sales.
 *
 * @param badDebt - The amount written off (≥ 0).
 * @param netMargin - Net profit margin as a fraction, > 0 and ≤ 1.
 * @returns The sales needed.
 * @throws {PipecastError} When badDebt is negative or not finite, or netMargin is outside (0, 1].
 * @example
 * salesToCoverBadDebt(10_000, 0.05); // 200000
 */
export function salesToCoverBadDebt(badDebt: number, netMargin: number): number {
  if (!Number.isFinite(badDebt) || badDebt < 0) {
    throw new PipecastError(
      'invalid-input',
      `salesToCoverBadDebt: badDebt must be a finite amount ≥ 0, got ${badDebt}`,
    );
  }
  if (!Number.isFinite(netMargin) || netMargin <= 0 || netMargin > 1) {
    throw new PipecastError(
      'invalid-option',
      `salesToCoverBadDebt: netMargin must be a fraction in (0, 1], got ${netMargin}`,
    );
  }
  return badDebt / netMargin;
}
