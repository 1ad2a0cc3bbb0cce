import { detectApiSupport } from '../../../addin/src/excel/api-support.js';
import type { SourceChoice } from '../../../addin/src/excel/read-source.js';
import type { PaneAnalysis, PaneSettings } from '../../../addin/src/excel/settings.js';
import { DEFAULT_PANE_SETTINGS } from '../../../addin/src/excel/settings.js';
import type { RunOutcome } from '../../../addin/src/run-flow.js';
import { inspectSource, mappingOf, runPaneAnalysis } from '../../../addin/src/run-flow.js';
import type { AddinLocale } from '../../../addin/src/text/addin-text.js';
import type { AnalysisParameters } from '../../../addin/src/worker/protocol.js';
import type { ExcelHost } from '../../excel-simulator/index.js';
import { InProcessClient } from './in-process-client.js';
import { simulatorPaneHost } from './simulator-host.js';

/** The as-of date of the sample workbooks (samples/make-samples.ts and `npm run demo`). */
export const SAMPLE_AS_OF = '2026-06-30';

export interface PaneRun {
  analysis: PaneAnalysis;
  choice: SourceChoice;
  extraSheet?: string;
  locale?: AddinLocale;
  parameters?: Partial<AnalysisParameters>;
  mapping?: Record<string, string | null>;
}

/**
 * What the pane does when the user picks a source, keeps the mapping the core found (or
 * `mapping` over it) and presses Run: inspect, then run, against the simulator host.
 */
export async function runPane(
  host: ExcelHost,
  run: PaneRun,
): Promise<RunOutcome & { client: InProcessClient }> {
  const paneHost = simulatorPaneHost(host);
  const client = new InProcessClient();
  const api = detectApiSupport(paneHost.requirements);
  const kind =
    run.analysis === 'forecast' ? 'deal' : run.analysis === 'aging' ? 'invoice' : undefined;
  const { inspected } = await inspectSource(paneHost, client, run.choice, kind ? { kind } : {});
  const settings: PaneSettings = {
    ...DEFAULT_PANE_SETTINGS,
    source: run.choice,
    analysis: run.analysis,
    extraSheets: run.extraSheet === undefined ? {} : { [run.analysis]: run.extraSheet },
  };
  const outcome = await runPaneAnalysis(
    paneHost,
    client,
    api,
    {
      choice: run.choice,
      inspected,
      mapping: { ...mappingOf(inspected), ...run.mapping },
      parameters: { asOf: SAMPLE_AS_OF, ...run.parameters },
      settings,
      locale: run.locale ?? 'en',
    },
    { onStep: () => undefined, isCancelled: () => false },
  );
  return { ...outcome, client };
}
