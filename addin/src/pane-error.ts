import { errorLine, type LineableError, PipecastError } from '../../core/index.js';
import type { AddinLocale, AddinTextKey } from './text/addin-text.js';
import type { AnalysisFailure } from './worker/protocol.js';
import { addinText } from './text/addin-text.js';

/**
 * A failure the user can act on (empty sheet, missing columns, payload too large), carried as a
 * catalogue key so the pane shows it in its current language. A core error that crossed from the
 * worker travels as `pipecast` (plain data: the worker's PipecastError cannot cross as a class)
 * and is shown as the CLI shows it, place and message in the pane's language.
 */
export class PaneError extends Error {
  readonly key: AddinTextKey;
  readonly params: Readonly<Record<string, string | number>>;
  /** The core's error, when the failure is one. */
  readonly pipecast?: LineableError;

  constructor(
    key: AddinTextKey,
    params: Readonly<Record<string, string | number>> = {},
    pipecast?: LineableError,
  ) {
    super(pipecast === undefined ? addinText('en', key, params) : errorLine(pipecast, 'en'));
    this.name = 'PaneError';
    this.key = key;
    this.params = params;
    if (pipecast !== undefined) this.pipecast = pipecast;
  }

  /** The message in `locale`. */
  textIn(locale: AddinLocale): string {
    if (this.pipecast !== undefined) return errorLine(this.pipecast, locale);
    return addinText(locale, this.key, this.params);
  }
}

/**
 * The message for any error in `locale`: a PaneError's own text, a core error's one line (its
 * place and message in the pane's language), else the generic one.
 */
export function errorText(error: unknown, locale: AddinLocale): string {
  if (error instanceof PaneError) return error.textIn(locale);
  if (error instanceof PipecastError) return errorLine(error, locale);
  const message = error instanceof Error ? error.message : String(error);
  return addinText(locale, 'errorUnexpected', { message });
}

/** The error the pane raises for a failure the analysis worker sent back. */
export function paneErrorOf(failure: AnalysisFailure): PaneError {
  return new PaneError(failure.key, failure.params, failure.error);
}
