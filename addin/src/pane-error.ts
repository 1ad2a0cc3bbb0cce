import type { AddinLocale, AddinTextKey } from './text/addin-text.js';
import { addinText } from './text/addin-text.js';

/**
 * A failure the user can act on (empty sheet, missing columns, payload too large), carried as a
 * catalogue key so the pane shows it in its current language.
 */
export class PaneError extends Error {
  readonly key: AddinTextKey;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(key: AddinTextKey, params: Readonly<Record<string, string | number>> = {}) {
    super(addinText('en', key, params));
    this.name = 'PaneError';
    this.key = key;
    this.params = params;
  }

  /** The message in `locale`. */
  textIn(locale: AddinLocale): string {
    return addinText(locale, this.key, this.params);
  }
}

/** The message for any error in `locale`: a PaneError's own text, else the generic one. */
export function errorText(error: unknown, locale: AddinLocale): string {
  if (error instanceof PaneError) return error.textIn(locale);
  const message = error instanceof Error ? error.message : String(error);
  return addinText(locale, 'errorUnexpected', { message });
}
