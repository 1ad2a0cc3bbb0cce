/**
 * The Web Worker the core runs in, so Excel and the pane stay responsive during a run. It keeps
 * the rows sent to it per source until the analyse message, then answers with output sheets.
 */
import type { CellValue } from '../../../core/index.js';
import { inspectSheet } from '../../../core/index.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { analysisFailure } from './analysis-failure.js';
import { runAnalysis } from './run-analysis.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
const received = new Map<number, CellValue[][]>();

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message.type === 'rows') {
      const rows = received.get(message.source) ?? [];
      for (const row of message.rows) rows.push(row);
      received.set(message.source, rows);
    } else if (message.type === 'inspect') {
      const result = inspectSheet(message.values, {
        name: message.name,
        readRows: false,
        ...(message.kind === undefined ? {} : { kind: message.kind }),
        ...(message.mapping === undefined ? {} : { mapping: message.mapping }),
      });
      scope.postMessage({ type: 'inspected', id: message.id, result });
    } else {
      const sources = message.request.sources.map((s, i) => ({
        ...s,
        values: received.get(i) ?? [],
      }));
      received.clear();
      const result = runAnalysis({ ...message.request, sources });
      scope.postMessage({ type: 'analysed', id: message.id, result });
    }
  } catch (error) {
    scope.postMessage({ type: 'failed', id: message.id, failure: analysisFailure(error) });
  }
};
