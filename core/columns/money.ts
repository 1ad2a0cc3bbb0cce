/**
 * The one money rule of every analysis (forecast, segments, aging): an amount becomes integer minor
 * units (cents at 2 decimals) rounded half away from zero as its decimal text reads, and sums are
 * taken over those integers, so totals reconcile exactly with the row figures shown at those
 * decimals (float64 holds integers exactly up to 2^53). Two analyses of one amount never differ
 * by a cent.
 */

/** Decimals kept for money: amounts are rounded to cents before they are summed. */
export const DEFAULT_MONEY_DECIMALS = 2;

/** Minor units per unit at 2 decimals: aging keeps cents whatever the currency. */
export const CENTS = 100;

/** The number of minor units in one unit of money, e.g. 100 for 2 decimals. */
export function moneyScale(decimals: number): number {
  return 10 ** decimals;
}

/**
 * `value × scale` rounded half away from zero, correcting the binary error of decimal inputs
 * such as 1.005 (stored as 1.00499…), which a plain Math.round would round down: a product
 * within 1e-6 of a half is rounded as its 15-significant-digit decimal text would be.
 */
export function toMinorUnits(value: number, scale: number): number {
  const scaled = Math.abs(value * scale);
  let whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) < 1e-6) whole = roundNearHalf(scaled, whole, fraction);
  else if (fraction > 0.5) whole += 1;
  return value < 0 ? -whole : whole;
}

/** 10^(d − 15) for d = 1…14 integer digits: the step of a 15-significant-digit decimal. */
const DECIMAL_STEP = [
  1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1,
];

/**
 * Math.round(Number(scaled.toPrecision(15))) for a scaled value near a half, without building the
 * text (a million deals hit this: whole cents × rates like 0.5 or 0.3). With d integer digits the
 * 15-digit decimal has step g = 10^(d − 15) and rounds half up, so it reaches whole + ½ exactly
 * when fraction ≥ ½ − g/2. Fractions within g/8 of that edge (beyond any float error of the
 * comparison) and values outside 1 ≤ scaled < 1e14 still take the text route.
 */
function roundNearHalf(scaled: number, whole: number, fraction: number): number {
  if (scaled >= 1 && scaled < 1e14) {
    if (fraction === 0.5) return whole + 1;
    let digits = 1;
    for (let p = 10; whole >= p; p *= 10) digits += 1;
    const step = DECIMAL_STEP[digits - 1] ?? NaN;
    const edge = 0.5 - step / 2;
    if (fraction > edge + step / 8) return whole + 1;
    if (fraction < edge - step / 8) return whole;
  }
  return Math.round(Number(scaled.toPrecision(15)));
}

/** Minor units back to a plain number of money (exact at the kept decimals). */
export function fromMinorUnits(minor: number, scale: number): number {
  return minor / scale;
}
