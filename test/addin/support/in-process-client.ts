import type { CellValue, InspectSheetResult, RecordKind } from '../../../core/index.js';
import { inspectSheet } from '../../../core/index.js';
import type { AnalysisClient } from '../../../addin/src/worker/analysis-client.js';
import type { AnalysisRequest, AnalysisResult } from '../../../addin/src/worker/protocol.js';
import { paneErrorOf } from '../../../addin/src/pane-error.js';
import { analysisFailure } from '../../../addin/src/worker/analysis-failure.js';
import { runAnalysis } from '../../../addin/src/worker/run-analysis.js';

/** The worker's work done in-process, for flows tested in Node (the browser test uses the worker). */
export class InProcessClient implements AnalysisClient {
  requests: AnalysisRequest[] = [];

  async inspect(
    name: string,
    values: CellValue[][],
    kind?: RecordKind,
    mapping?: Record<string, string | null>,
  ): Promise<InspectSheetResult> {
    return inspectSheet(values, {
      name,
      readRows: false,
      ...(kind === undefined ? {} : { kind }),
      ...(mapping === undefined ? {} : { mapping }),
    });
  }

  async analyse(request: AnalysisRequest): Promise<AnalysisResult> {
    this.requests.push(request);
    try {
      return runAnalysis(request);
    } catch (error) {
      // As the worker answers, through a structured clone (no class crosses to the pane).
      throw paneErrorOf(structuredClone(analysisFailure(error)));
    }
  }

  cancel(): void {}
}
