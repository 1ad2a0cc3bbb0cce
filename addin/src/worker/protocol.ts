import type {
  CellValue,
  InspectSheetResult,
  LineableError,
  RecordKind,
} from '../../../core/index.js';
import type { PaneAnalysis } from '../excel/settings.js';
import type { OutputSheet } from '../results/output-model.js';
import type { AddinLocale, AddinTextKey } from '../text/addin-text.js';

/** One source range as the worker analyses it, with where it sits in its sheet. */
export interface AnalysisSource {
  /** The source's sheet name: warnings name it, and the Notes table links back to it. */
  name: string;
  values: CellValue[][];
  rowIndex: number;
  columnIndex: number;
  /** The kind the mapping screen settled on; null lets the core decide from the headers. */
  kind: RecordKind | null;
  /** Field → header text, as the user corrected it. */
  mapping: Record<string, string | null>;
}

/** The parameters form, parsed. */
export interface AnalysisParameters {
  /** ISO date; absent: the data's own day (the day after its last recorded event), as the CLI. */
  asOf?: string;
  quota?: number;
  /** A built-in stage template key; absent: the one matching the stage names. */
  template?: string;
  /** Stage name → win rate 0–1, overriding the template's. */
  stageRates?: Record<string, number>;
  /** Aging bucket edges in days, ascending. */
  buckets?: number[];
  abcCutPoints?: [number, number];
  rfmMode?: 'quintile' | 'b2b';
  /** The one currency ABC and RFM rank when the orders are in several, e.g. 'USD'. */
  currency?: string;
  potentialThreshold?: number;
  shareThreshold?: number;
  /** Scorecard criteria: a customer-list column and its weight in percent (adding to 100). */
  scorecard?: { column: string; weight: number }[];
  /** Source columns (header text) to break the results down by, each into its own table. */
  breakdowns?: string[];
}

export interface AnalysisRequest {
  analysis: PaneAnalysis;
  locale: AddinLocale;
  sources: AnalysisSource[];
  parameters: AnalysisParameters;
  date1904: boolean;
}

/** A failure the pane explains from its catalogue. */
export interface AnalysisFailure {
  key: AddinTextKey;
  params: Record<string, string | number>;
  /** The core's error (code, English message, place, catalogue text), when it was one. */
  error?: LineableError;
}

export interface AnalysisResult {
  outputs: OutputSheet[];
}

/** Messages to the worker. Rows are sent in pieces so no single message blocks the pane. */
export type WorkerRequest =
  | {
      type: 'inspect';
      id: number;
      name: string;
      values: CellValue[][];
      kind?: RecordKind;
      mapping?: Record<string, string | null>;
    }
  | { type: 'rows'; id: number; source: number; rows: CellValue[][] }
  | {
      type: 'analyse';
      id: number;
      request: Omit<AnalysisRequest, 'sources'> & { sources: Omit<AnalysisSource, 'values'>[] };
    };

/** Messages from the worker. */
export type WorkerResponse =
  | { type: 'inspected'; id: number; result: InspectSheetResult }
  | { type: 'analysed'; id: number; result: AnalysisResult }
  | { type: 'failed'; id: number; failure: AnalysisFailure };
