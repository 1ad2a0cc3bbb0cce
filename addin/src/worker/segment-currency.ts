import { PipecastError } from '../../../core/index.js';
import type { OutputNote } from '../results/output-model.js';
import type { AddinLocale } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';

/**
 * ABC and RFM refuse to add orders in different currencies together (core linesInOneCurrency).
 * In the pane that refusal skips them alone: the portfolio and scorecard of the same run are
 * still written, and the Notes say why and where to choose the one currency to rank.
 */
export type CurrencyRefusal = PipecastError & { text: { params?: Record<string, unknown> } };

/** Whether `error` is ABC's or RFM's currency refusal (mixed currencies, or none in the one chosen). */
export function isCurrencyRefusal(error: unknown): error is CurrencyRefusal {
  const key = error instanceof PipecastError ? error.text?.key : undefined;
  return key === 'error.segmentCurrencies' || key === 'error.segmentNoCurrency';
}

/**
 * Runs ABC or RFM, or gives null when it refused the orders' currencies (`onRefused` is told);
 * any other error is thrown as before.
 */
export function unlessCurrencyRefused<T>(
  run: () => T,
  onRefused: (refusal: CurrencyRefusal) => void,
): T | null {
  try {
    return run();
  } catch (error) {
    if (!isCurrencyRefusal(error)) throw error;
    onRefused(error);
    return null;
  }
}

/** The Notes row saying ABC and RFM were skipped, and how to choose a currency, in the pane's language. */
export function currencyNote(refusal: CurrencyRefusal, locale: AddinLocale): OutputNote {
  const params = (refusal.text.params ?? {}) as Record<string, string | number>;
  const key =
    refusal.text.key === 'error.segmentCurrencies'
      ? 'noteSegmentCurrencies'
      : 'noteSegmentNoCurrency';
  return {
    type: 'currency',
    sheet: refusal.place.sheet ?? null,
    address: null,
    message: addinText(locale, key, params),
    action: null,
  };
}
