import type { DataWarning, WarningPlace } from '../columns/data-warning.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import { codedMessage } from '../text/coded-text.js';
import type { PreparedDeals } from './prepared-deals.js';

/**
 * One warning for the deals created after the as-of date, or null when there are none. DOMAIN.md
 * does not say such deals leave the forecast, so they stay in it; but a forecast "as of" a day
 * before they existed is most likely a mistyped date, and the user is told so rather than shown
 * the same funnel as today's without a word.
 *
 * @param prepared - the deals (created dates and rows).
 * @param asOf - the forecast date, an epoch day.
 * @param place - file and sheet put on the warning.
 * @returns the warning (first such row, its created date, how many) or null.
 */
export function createdAfterAsOfWarning(
  prepared: PreparedDeals,
  asOf: number,
  place: WarningPlace,
): DataWarning | null {
  const { createdDay, size } = prepared;
  let count = 0;
  let first = -1;
  let firstDay = Infinity;
  for (let i = 0; i < size; i += 1) {
    const day = createdDay[i]!;
    if (!(day > asOf)) continue;
    count += 1;
    if (first < 0) first = i;
    if (day < firstDay) firstDay = day;
  }
  if (count === 0) return null;
  const row = prepared.table.rows()[first]!;
  return {
    code: 'out-of-range',
    ...codedMessage('warning.createdAfterAsOf', {
      count,
      asOf: isoFromEpochDay(asOf),
      first: isoFromEpochDay(firstDay),
      row,
    }),
    ...place,
    row,
    column: 'createdDate',
    action: 'row kept',
    count,
  };
}
