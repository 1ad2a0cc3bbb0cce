import type { OrderLine } from '../columns/records.js';
import type { PipecastErrorPlace } from '../errors/pipecast-error.js';
import { codedError } from '../errors/error-line.js';
import type { CodedText } from '../text/coded-text.js';
import { renderCoded } from '../text/coded-text.js';

/** What a line without a currency is called among the others, as aging names it. */
const BLANK = 'blank';

/**
 * The order lines ABC or RFM may add together. Amounts in different currencies are never
 * summed (as aging keeps a section per currency): with `currency`, only that currency's lines
 * are ranked; without it, lines in more than one currency are refused with the fix. Lines
 * without a currency are one currency among themselves ('blank'); when no line names one (an
 * order-line sheet has no currency column) the lines are taken to be in the one chosen.
 *
 * @param lines - the order lines.
 * @param currency - the currency to rank, e.g. 'USD'; case-insensitive.
 * @param analysis - 'abc' or 'rfm', which starts the message.
 * @param place - the file and sheet read, put on the error.
 * @returns the lines of one currency (the same array when there is only one).
 * @throws PipecastError for lines in several currencies and no currency chosen, or no line in
 *   the chosen one.
 * @example linesInOneCurrency([{ date: 1, amount: 5, currency: 'USD', row: 2 }], undefined, 'abc').length // 1
 */
export function linesInOneCurrency(
  lines: readonly OrderLine[],
  currency: string | undefined,
  analysis: 'abc' | 'rfm',
  place: PipecastErrorPlace = {},
): readonly OrderLine[] {
  const refused = currencyRefusalText(lines, currency, analysis);
  if (refused !== null) {
    const code = currency === undefined ? 'invalid-input' : 'invalid-option';
    if (refused.key === 'error.segmentCurrencies')
      throw codedError(code, place, refused.key, refused.params);
    if (refused.key === 'error.segmentNoCurrency')
      throw codedError(code, place, refused.key, refused.params);
  }
  const currencies = new Set(lines.map(currencyOf));
  if (currency === undefined || (currencies.size === 1 && currencies.has(BLANK))) return lines;
  const wanted = currency.trim().toUpperCase();
  return lines.filter((line) => currencyOf(line) === wanted);
}

/**
 * Why ABC or RFM cannot add these lines together (linesInOneCurrency), or null when it can.
 *
 * @param lines - the order lines.
 * @param currency - the currency chosen, if any.
 * @param analysis - 'abc' or 'rfm', which starts the reason.
 * @returns a one-line reason with the fix, in English, or null.
 * @example currencyRefusal([{ date: 1, amount: 5, currency: 'USD', row: 2 }, { date: 1, amount: 5, currency: 'CNY', row: 3 }], undefined, 'abc')
 *   // 'abc: the orders are in 2 currencies (CNY, USD), which are never added together; …'
 */
export function currencyRefusal(
  lines: readonly OrderLine[],
  currency: string | undefined,
  analysis: 'abc' | 'rfm',
): string | null {
  const text = currencyRefusalText(lines, currency, analysis);
  return text === null ? null : renderCoded(text, 'en');
}

type RefusalText =
  | {
      key: 'error.segmentCurrencies';
      params: { analysis: string; count: number; currencies: string; first: string };
    }
  | {
      key: 'error.segmentNoCurrency';
      params: { analysis: string; currency: string; currencies: string };
    };

function currencyRefusalText(
  lines: readonly OrderLine[],
  currency: string | undefined,
  analysis: 'abc' | 'rfm',
): (RefusalText & CodedText) | null {
  const currencies = new Set(lines.map(currencyOf));
  const listed = [...currencies].sort().join(', ');
  if (currency === undefined) {
    if (currencies.size <= 1) return null;
    const first = [...currencies].sort().find((code) => code !== BLANK) ?? BLANK;
    return {
      key: 'error.segmentCurrencies',
      params: { analysis, count: currencies.size, currencies: listed, first },
    };
  }
  if (currencies.size === 1 && currencies.has(BLANK)) return null;
  const wanted = currency.trim().toUpperCase();
  if (currencies.has(wanted)) return null;
  return {
    key: 'error.segmentNoCurrency',
    params: { analysis, currency: wanted, currencies: listed },
  };
}

function currencyOf(line: OrderLine): string {
  const code = line.currency?.trim().toUpperCase();
  return code === undefined || code === '' ? BLANK : code;
}
