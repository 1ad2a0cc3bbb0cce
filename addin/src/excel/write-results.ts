import { PaneError } from '../pane-error.js';
import type { OutputColumnFormat, OutputSheet } from '../results/output-model.js';
import type { ApiSupport } from './api-support.js';
import { BLOCK_TARGET_BYTES, blockRows, isPayloadError, jsonBytes } from './excel-limits.js';
import type { WorkbookSheet } from './owned-sheets.js';
import { queueMarker, queueOwnedMap } from './owned-sheets.js';
import type { OutputSheetPlan } from './plan-output-sheets.js';
import { planOutputSheets } from './plan-output-sheets.js';
import type { CellBlock, SheetLayout } from './sheet-layout.js';
import { layoutSheet, sheetBlocks } from './sheet-layout.js';
import { queueSheetFinish } from './finish-output-sheet.js';

/** Excel number format codes of the output columns; `@` is Excel's text format. */
export const NUMBER_FORMATS: Readonly<Record<OutputColumnFormat, string>> = {
  text: '@',
  money: '#,##0.00',
  percent: '0.0%',
  integer: '#,##0',
  number: '#,##0.0',
  date: 'yyyy-mm-dd',
};

export interface WriteResultsOptions {
  api: ApiSupport;
  /** The workbook's sheets with their markers (queueSheetList). */
  sheets: readonly WorkbookSheet[];
  /** Every default output sheet name in every language. */
  defaultNames: readonly string[];
  /** Queued into the last write batch (e.g. saving the pane settings). */
  alsoQueue?: () => void;
  onProgress?: (blocksWritten: number, blockCount: number) => void;
}

export interface WrittenSheet {
  analysis: OutputSheet['analysis'];
  name: string;
}

/**
 * Writes output sheets: replaces the add-in's own sheets of these analyses, adds the new ones
 * with their marker, writes every table (text number format before values), then makes the
 * Excel tables, conditional formats and charts. Everything under the payload limit goes in one
 * sync; more is split into row blocks of about BLOCK_TARGET_BYTES, and a batch Excel refuses
 * as too large is sent again in halves.
 *
 * @throws PaneError `errorPayload` when a single row is still refused.
 */
export async function writeResults(
  context: Excel.RequestContext,
  outputs: readonly OutputSheet[],
  options: WriteResultsOptions,
): Promise<WrittenSheet[]> {
  const plan = planOutputSheets(outputs, options.sheets, options.defaultNames);
  const layouts = outputs.map(layoutSheet);
  let pending = layouts.flatMap((layout, i) => sheetBlocks(i, layout, rowsPerBlock(layout)));
  const total = pending.length;
  let target = BLOCK_TARGET_BYTES;
  let worksheets: Excel.Worksheet[] | null = null;
  for (;;) {
    const batch = takeBatch(pending, target);
    const isLast = batch.length === pending.length;
    const sheetsOfBatch: Excel.Worksheet[] = worksheets ?? queueStructure(context, plan);
    for (const block of batch) queueBlock(sheetsOfBatch, block);
    if (isLast) queueFinish(context, sheetsOfBatch, layouts, options);
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      pending = [...splitBlocks(batch), ...pending.slice(batch.length)];
      target = Math.floor(target / 2);
      continue;
    }
    worksheets = sheetsOfBatch;
    pending = pending.slice(batch.length);
    options.onProgress?.(total - pending.length, total);
    if (isLast) break;
  }
  await saveOwnership(context, plan, worksheets, options.api);
  return plan.targets.map(({ analysis, name }) => ({ analysis, name }));
}

/** Rows per data block of each table, from its measured bytes per row. */
function rowsPerBlock(layout: SheetLayout): number {
  let rows = Number.MAX_SAFE_INTEGER;
  for (const { table } of layout.tables) {
    if (table.rows.length === 0) continue;
    const sample = table.rows.slice(0, 200);
    rows = Math.min(rows, blockRows(jsonBytes(sample) / sample.length, table.columns.length));
  }
  return rows === Number.MAX_SAFE_INTEGER ? 1 : rows;
}

/** The first blocks of `pending` that fit in `target` bytes (at least one). */
function takeBatch(pending: readonly CellBlock[], target: number): CellBlock[] {
  const batch: CellBlock[] = [];
  let bytes = 0;
  for (const block of pending) {
    const size = jsonBytes(block.values);
    if (batch.length > 0 && bytes + size > target) break;
    batch.push(block);
    bytes += size;
  }
  return batch;
}

/** Each block cut in two by rows; a one-row block that was refused cannot be cut further. */
function splitBlocks(blocks: readonly CellBlock[]): CellBlock[] {
  return blocks.flatMap((block) => {
    if (block.values.length <= 1) {
      if (blocks.length === 1) throw new PaneError('errorPayload', { rows: 1 });
      return [block];
    }
    const half = Math.ceil(block.values.length / 2);
    return [
      { ...block, values: block.values.slice(0, half) },
      { ...block, values: block.values.slice(half), rowIndex: block.rowIndex + half },
    ];
  });
}

/** Queues the deletion of replaced output sheets and the new sheets (marked once their ids are known). */
function queueStructure(context: Excel.RequestContext, plan: OutputSheetPlan): Excel.Worksheet[] {
  const worksheets = context.workbook.worksheets;
  for (const old of plan.deletions) worksheets.getItem(old.id).delete();
  return plan.targets.map((target) => {
    const sheet = worksheets.add(target.name);
    if (target.position !== null) sheet.position = target.position;
    sheet.load('id');
    return sheet;
  });
}

/**
 * Queues one block: the number format of each run of equal-format columns over the whole block
 * first (one format per column block, not per cell), then the values, so text stays text.
 */
function queueBlock(worksheets: readonly Excel.Worksheet[], block: CellBlock): void {
  const sheet = worksheets[block.sheet];
  if (sheet === undefined) return;
  const rows = block.values.length;
  if (rows === 0) return;
  let start = 0;
  while (start < block.formats.length) {
    let end = start + 1;
    while (end < block.formats.length && block.formats[end] === block.formats[start]) end += 1;
    const format = NUMBER_FORMATS[block.formats[start] ?? 'text'];
    const range = sheet.getRangeByIndexes(
      block.rowIndex,
      block.columnIndex + start,
      rows,
      end - start,
    );
    setUniformNumberFormat(range, format);
    start = end;
  }
  const range = sheet.getRangeByIndexes(
    block.rowIndex,
    block.columnIndex,
    rows,
    block.formats.length,
  );
  range.values = block.values;
}

/**
 * Sets one number format for every cell of a range. Excel takes a single value for a multi-cell
 * range's numberFormat and applies it to each cell; @types/office-js types the property as a
 * 2-D array only, hence the cast.
 */
export function setUniformNumberFormat(range: Excel.Range, format: string): void {
  range.numberFormat = format as unknown as string[][];
}

function queueFinish(
  context: Excel.RequestContext,
  worksheets: readonly Excel.Worksheet[],
  layouts: readonly SheetLayout[],
  options: WriteResultsOptions,
): void {
  layouts.forEach((layout, i) => {
    const sheet = worksheets[i];
    if (sheet !== undefined) queueSheetFinish(sheet, layout);
  });
  worksheets[0]?.activate();
  options.alsoQueue?.();
}

/**
 * Marks the new output sheets once their ids are known (read with the write): the custom
 * property naming the sheet's own id on ExcelApi 1.12, else the settings map of output sheets
 * by id. One more sync, whatever the row count.
 */
async function saveOwnership(
  context: Excel.RequestContext,
  plan: OutputSheetPlan,
  worksheets: readonly Excel.Worksheet[] | null,
  api: ApiSupport,
): Promise<void> {
  const owned: Record<string, OutputSheet['analysis']> = {};
  for (const sheet of plan.kept) if (sheet.owner !== null) owned[sheet.id] = sheet.owner;
  plan.targets.forEach((target, i) => {
    const sheet = worksheets?.[i];
    if (sheet === undefined) return;
    owned[sheet.id] = target.analysis;
    queueMarker(sheet, target.analysis, api);
  });
  if (!api.worksheetCustomProperties) queueOwnedMap(context, owned);
  await context.sync();
}
