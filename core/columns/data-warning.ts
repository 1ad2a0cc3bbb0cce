import type { CodedText } from '../text/coded-text.js';

/**
 * A problem found in the user's data: reported with where it is and what was done, never thrown.
 *
 * `row` is the row number the user sees in Excel (1-based, header rows included); `column` is the
 * header text as the user typed it. A UI can list these as they are.
 */
export interface DataWarning {
  code: DataWarningCode;
  /** The warning in English. */
  message: string;
  /**
   * The same warning as a catalogue key and parameters, for other languages
   * (`warningMessage(warning, 'zh')`); every warning core builds has one.
   */
  text?: CodedText;
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  /** The cell as the user typed it. */
  raw?: string;
  /** What was done about it. */
  action: DataWarningAction;
  /** For a summary warning: how many occurrences it stands for. */
  count?: number;
}

export type DataWarningAction =
  | 'row dropped'
  | 'value ignored'
  | 'row kept'
  | 'column ignored'
  | 'sheet skipped'
  | 'file skipped'
  | 'assumed'
  | 'none';

/** Stable warning codes, so scripts and UIs can group and translate them. */
export type DataWarningCode =
  | 'no-header-row'
  | 'missing-required-column'
  | 'ambiguous-column'
  | 'unreadable-value'
  | 'error-value'
  | 'missing-required-value'
  | 'more-warnings'
  | 'unknown-stage'
  | 'missing-value'
  | 'out-of-range'
  | 'duplicate-id'
  | 'currency-mismatch'
  | 'unreadable-file'
  | 'other';

/** Where a warning points, with the row and column filled in later. */
export interface WarningPlace {
  file?: string;
  sheet?: string;
}
