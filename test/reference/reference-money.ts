/**
 * Money for the plain reference implementations: amounts become whole minor units (cents) before
 * they are added, rounded half away from zero as their decimal text reads (ISSUE 15, "one set of
 * shared rules: money"; the same rule as core/columns/money.ts, written here the slow, obvious way).
 */

/** Minor units per unit of money: money is kept to two decimals. */
export const CENTS_PER_UNIT = 100;

/**
 * `value × 100` rounded half away from zero. The product is first read as its 15-significant-digit
 * decimal text, so 1.005 (stored as 1.00499…) gives 101 cents and −2.675 gives −268, as a person
 * reading the cell would round them.
 */
export function referenceCents(value: number): number {
  return referenceRound(value * CENTS_PER_UNIT);
}

/** Minor units that may carry a fraction (cents × a rate), rounded half away from zero. */
export function referenceRound(minor: number): number {
  const magnitude = Number(Math.abs(minor).toPrecision(15));
  const whole = Math.floor(magnitude);
  const rounded = magnitude - whole >= 0.5 ? whole + 1 : whole;
  return minor < 0 ? -rounded : rounded;
}

/** Cents back to money. */
export function moneyOf(cents: number): number {
  return cents / CENTS_PER_UNIT;
}
