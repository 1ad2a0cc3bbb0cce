import type { CellValue, InspectSheetResult, RecordKind } from '../../../core/index.js';
import type { AnalysisRequest, AnalysisResult } from './protocol.js';

/** What the pane asks of the core: the worker in the pane, the core in-process in tests. */
export interface AnalysisClient {
  inspect(
    name: string,
    values: CellValue[][],
    kind?: RecordKind,
    mapping?: Record<string, string | null>,
  ): Promise<InspectSheetResult>;
  analyse(request: AnalysisRequest): Promise<AnalysisResult>;
  cancel(): void;
}
