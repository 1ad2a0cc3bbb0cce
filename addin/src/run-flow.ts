import type { CellValue, InspectSheetResult } from '../../core/index.js';
import { normalizeHeader } from '../../core/index.js';
import type { ApiSupport } from './excel/api-support.js';
import { queueDate1904 } from './excel/date-system.js';
import { SAMPLE_ROWS } from './excel/excel-limits.js';
import type { WorkbookSheet } from './excel/owned-sheets.js';
import { queueSheetList } from './excel/owned-sheets.js';
import type { SourceChoice, SourceRange } from './excel/read-source.js';
import { queueSource, readSourceValues } from './excel/read-source.js';
import type { PaneSettings } from './excel/settings.js';
import { queueSavePaneSettings } from './excel/settings.js';
import type { WrittenSheet } from './excel/write-results.js';
import { writeResults } from './excel/write-results.js';
import type { PaneHost } from './pane-host.js';
import { PaneError } from './pane-error.js';
import type { OutputSheet } from './results/output-model.js';
import type { AddinLocale } from './text/addin-text.js';
import { ADDIN_TEXT } from './text/addin-text.js';
import type { AnalysisParameters } from './worker/protocol.js';
import type { AnalysisClient } from './worker/analysis-client.js';

/** Every default output sheet name, in both languages (a sheet still so named was not renamed). */
export const DEFAULT_OUTPUT_NAMES = Object.values(ADDIN_TEXT).flatMap((text) => [
  text.sheetForecast,
  text.sheetSegments,
  text.sheetAging,
]);

export interface InspectedSource {
  source: SourceRange;
  inspected: InspectSheetResult;
}

/**
 * Reads the head of a source (its first rows: where the header is looked for) and asks the core
 * how it would read it, for the mapping screen.
 *
 * @throws PaneError for a missing table or sheet, or an empty source.
 */
export async function inspectSource(
  host: PaneHost,
  client: AnalysisClient,
  choice: SourceChoice,
  options: { kind?: InspectSheetResult['kind']; mapping?: Record<string, string | null> } = {},
): Promise<InspectedSource> {
  const { source, head } = await host.run(async (context) => {
    const queued = queueSource(context, choice);
    await context.sync();
    const source = queued.resolve();
    const firstRows = { ...source, rowCount: Math.min(source.rowCount, SAMPLE_ROWS) };
    return { source, head: (await readSourceValues(context, firstRows)) as CellValue[][] };
  });
  if (isBlank(head)) throw new PaneError('errorEmptySheet', { address: addressOf(source) });
  const inspected = await client.inspect(
    source.sheet,
    head,
    options.kind ?? undefined,
    options.mapping,
  );
  if (inspected.kind === null) throw new PaneError('errorNoHeader', { address: addressOf(source) });
  return { source, inspected };
}

export interface RunRequest {
  choice: SourceChoice;
  inspected: InspectSheetResult;
  /** Field → header text; null: no column feeds the field. */
  mapping: Record<string, string | null>;
  parameters: AnalysisParameters;
  settings: PaneSettings;
  locale: AddinLocale;
}

export interface RunHooks {
  onStep(step: 'stepRead' | 'stepAnalyse' | 'stepWrite', done?: number, total?: number): void;
  isCancelled(): boolean;
}

export interface RunOutcome {
  written: WrittenSheet[];
  outputs: OutputSheet[];
  source: SourceRange;
}

/**
 * One run of the pane: read the source (and the workbook's sheets with their markers in the same
 * syncs), analyse it in the worker, write the output sheets and save the pane settings with them.
 *
 * @throws PaneError for missing columns, an empty or too large source, a persistent payload error,
 *   a cancelled run, or what the worker reports.
 */
export async function runPaneAnalysis(
  host: PaneHost,
  client: AnalysisClient,
  api: ApiSupport,
  request: RunRequest,
  hooks: RunHooks,
): Promise<RunOutcome> {
  const { inspected } = request;
  const missing = missingRequired(inspected, request.mapping);
  if (missing.length > 0) {
    const label = (field: string) =>
      inspected.fields.find((f) => f.field === field)?.label[request.locale] ?? field;
    throw new PaneError('errorMissingColumns', {
      missing: missing.map(label).join(', '),
      found: headersFound(inspected).join(', '),
    });
  }
  hooks.onStep('stepRead');
  const extra = request.settings.extraSheets[request.settings.analysis];
  const { sources, sheets, date1904 } = await readWithSheets(
    host,
    api,
    request.choice,
    extra,
    hooks,
  );
  const [primary] = sources;
  if (primary === undefined || isBlank(primary.values))
    throw new PaneError('errorEmptySheet', { address: primary ? addressOf(primary.range) : '' });
  if (hooks.isCancelled()) throw new PaneError('cancelled');
  hooks.onStep('stepAnalyse');
  const { outputs } = await client.analyse({
    analysis: request.settings.analysis,
    locale: request.locale,
    date1904,
    parameters: request.parameters,
    sources: sources.map(({ range, values }, i) => ({
      name: range.sheet,
      values,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      // The extra sheet's kind and columns come from its headers (payments, customers).
      kind: i === 0 ? inspected.kind : null,
      mapping: i === 0 ? request.mapping : {},
    })),
  });
  if (hooks.isCancelled()) throw new PaneError('cancelled');
  hooks.onStep('stepWrite');
  const written = await host.run((context) =>
    writeResults(context, outputs, {
      api,
      sheets,
      defaultNames: DEFAULT_OUTPUT_NAMES,
      alsoQueue: () => queueSavePaneSettings(context, request.settings),
      onProgress: (done, total) => hooks.onStep('stepWrite', done, total),
    }),
  );
  return { written, outputs, source: primary.range };
}

interface ReadSource {
  range: SourceRange;
  values: CellValue[][];
}

/**
 * Reads the source, and the extra sheet's used range when one is chosen, with the workbook's
 * sheets, their markers and its date system queued into the same syncs.
 */
async function readWithSheets(
  host: PaneHost,
  api: ApiSupport,
  choice: SourceChoice,
  extraSheet: string | undefined,
  hooks: RunHooks,
): Promise<{ sources: ReadSource[]; sheets: WorkbookSheet[]; date1904: boolean }> {
  return host.run(async (context) => {
    const queued = [queueSource(context, choice)];
    if (extraSheet !== undefined)
      queued.push(queueSource(context, { type: 'usedRange', sheet: extraSheet }));
    const list = queueSheetList(context, api);
    const dateSystem = queueDate1904(context, api);
    await context.sync();
    const sources: ReadSource[] = [];
    let markersQueued = false;
    for (const source of queued) {
      const range = source.resolve();
      const values = (await readSourceValues(context, range, {
        alsoQueue: markersQueued ? undefined : () => list.queueMarkers(),
        onProgress: (done, total) => hooks.onStep('stepRead', done, total),
        isCancelled: hooks.isCancelled,
      })) as CellValue[][];
      markersQueued = true;
      sources.push({ range, values });
    }
    return { sources, sheets: list.resolve(), date1904: dateSystem.resolve() };
  });
}

/** Selects a cell of the source sheet (a warning's cell), bringing its sheet to the front. */
export async function selectSourceCell(
  host: PaneHost,
  sheet: string,
  address: string,
): Promise<void> {
  await host.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

/** Required fields of the inspected kind that the mapping leaves without a column. */
export function missingRequired(
  inspected: InspectSheetResult,
  mapping: Readonly<Record<string, string | null>>,
): string[] {
  return inspected.fields
    .filter((f) => f.required && (mapping[f.field] ?? null) === null)
    .map((f) => f.field);
}

/** The header texts of the inspected header row, left to right. */
export function headersFound(inspected: InspectSheetResult): string[] {
  return [...inspected.columns.matched, ...inspected.columns.unmatched]
    .sort((a, b) => a.index - b.index)
    .map((c) => c.header);
}

/**
 * The columns a customer list read beside the orders adds to the segments' "Break down by":
 * its header texts but the id's (the core joins the list's columns to the customers by id),
 * each not already among the source's (the core keeps a header both have as one column). None
 * when the sheet does not read as a customer list.
 *
 * @param list - the extra sheet as inspectSheet read it.
 * @param sourceHeaders - the source's header texts, offered already.
 */
export function customerListColumns(
  list: InspectSheetResult,
  sourceHeaders: readonly string[],
): string[] {
  if (list.kind !== 'customer') return [];
  const id = list.fields.find((field) => field.field === 'id')?.column?.index;
  const offered = new Set(sourceHeaders.map((header) => normalizeHeader(header)));
  return [...list.columns.matched, ...list.columns.unmatched]
    .sort((a, b) => a.index - b.index)
    .filter((column) => column.index !== id && column.header !== '')
    .map((column) => column.header)
    .filter((header) => !offered.has(normalizeHeader(header)));
}

/** The mapping the core found: each field with a column → that column's header text. */
export function mappingOf(inspected: InspectSheetResult): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  for (const field of inspected.fields) mapping[field.field] = field.column?.header ?? null;
  return mapping;
}

function isBlank(values: readonly (readonly unknown[])[]): boolean {
  return values.every((row) =>
    row.every((cell) => cell === '' || cell === null || cell === undefined),
  );
}

function addressOf(source: SourceRange): string {
  return `${source.sheet}!${source.address}`;
}
