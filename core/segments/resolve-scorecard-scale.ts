import type { ScorecardScale } from './scorecard.js';

/** How a criterion's scale came about: given by the user, or chosen from its column. */
export type ScorecardScaleSource = 'given' | 'column-is-score' | 'column-not-score';

/**
 * The scale of a criterion whose scale was not given ('auto'), chosen from its column.
 *
 * A column already holding 1–100 scores, with higher better, is read as scores. Any other column
 * (revenue, employees, year established, days late, or a score where lower is better) is scaled by
 * percentile rank: robust to the few very large accounts that would squeeze everyone else to the
 * bottom under min–max, and ties share a score.
 *
 * @param requested - the scale the user gave, or 'auto'.
 * @param higherIsBetter - the criterion's direction.
 * @param usableValues - the column's finite numbers.
 * @returns the scale to use and why.
 */
export function resolveScorecardScale(
  requested: ScorecardScale | 'auto',
  higherIsBetter: boolean,
  usableValues: readonly number[],
): { scale: ScorecardScale; scaleSource: ScorecardScaleSource } {
  if (requested !== 'auto') return { scale: requested, scaleSource: 'given' };
  const allScores = usableValues.every((value) => value >= 1 && value <= 100);
  return higherIsBetter && allScores
    ? { scale: 'score', scaleSource: 'column-is-score' }
    : { scale: 'rank', scaleSource: 'column-not-score' };
}
