import { lineableError, PipecastError } from '../../../core/index.js';
import type { AnalysisFailure } from './protocol.js';
import { AnalysisInputError } from './run-analysis.js';

/**
 * What the worker sends back when an analysis throws (the pane turns it back into an error with
 * paneErrorOf): the pane's own key for a source it cannot
 * use, the core's error as plain data (code, English message, place, catalogue text) so the pane
 * shows it in its language, else the message behind the generic "something went wrong".
 */
export function analysisFailure(error: unknown): AnalysisFailure {
  if (error instanceof AnalysisInputError) return { key: error.key, params: error.params };
  if (error instanceof PipecastError)
    return {
      key: 'errorUnexpected',
      params: { message: error.message },
      error: lineableError(error),
    };
  return {
    key: 'errorUnexpected',
    params: { message: (error as Error)?.message ?? String(error) },
  };
}
