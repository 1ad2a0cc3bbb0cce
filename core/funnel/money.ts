/**
 * Money is summed in integer minor units (cents at 2 decimals) so that totals reconcile exactly
 * with the row sums shown at those decimals; float64 holds integers exactly up to 2^53.
 */

/** Decimals kept for money: amounts are rounded to cents before they are summed. */
export const DEFAULT_MONEY_DECIMALS = 2;

/** The number of minor units in one unit of money, e.g. 100 for 2 decimals. */
export function moneyScale(decimals: number): number {
  return 10 ** decimals;
}

/**
 * `value × scale` rounded half away from zero, correcting the binary error of decimal inputs
 * such as 1.005 (stored as 1.00499…), which a plain Math.round would round down.
 */
export function toMinorUnits(value: number, scale: number): number {
  const scaled = Math.abs(value * scale);
  let whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) < 1e-6) whole = Math.round(Number(scaled.toPrecision(15)));
  else if (fraction > 0.5) whole += 1;
  return value < 0 ? -whole : whole;
}

/** Minor units back to a plain number of money (exact at the kept decimals). */
export function fromMinorUnits(minor: number, scale: number): number {
  return minor / scale;
}
