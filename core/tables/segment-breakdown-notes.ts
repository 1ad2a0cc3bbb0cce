import { textFor, type Locale } from '../text/catalogue.js';
import { formatCount } from '../text/format-number.js';
import type { SegmentBreakdown } from './segment-breakdown.js';

/**
 * The lines a segment breakdown's table is shown with, in the locale: how many customers' lines
 * held different values in the column (each counted under its most recent), and how many are
 * blank there because the customer list lacks them (so the "(blank)" row says why it is there).
 * The CLI, the report and any other front end say the same words.
 *
 * @param breakdown - a segmentBreakdown result.
 * @param locale - the language of the lines.
 * @returns the lines, none when every customer's lines agree and every one is on the list.
 * @example segmentBreakdownNotes({ ...breakdown, notOnList: 3 }, 'en')
 * // ['Industry: 3 customers are not on the customer list, so their Industry is blank']
 */
export function segmentBreakdownNotes(breakdown: SegmentBreakdown, locale: Locale): string[] {
  const { column, disagreeing, notOnList } = breakdown;
  const notes: string[] = [];
  if (disagreeing > 0)
    notes.push(
      textFor(locale, 'report.customerColumnsDiffer', {
        column,
        customers: formatCount(disagreeing),
      }),
    );
  if (notOnList === 1) notes.push(textFor(locale, 'report.customerNotOnList', { column }));
  else if (notOnList > 1)
    notes.push(
      textFor(locale, 'report.customersNotOnList', { column, customers: formatCount(notOnList) }),
    );
  return notes;
}
