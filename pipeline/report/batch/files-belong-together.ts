import { basename, dirname, resolve } from 'node:path';
import type { ReportConfig } from '../../../core/index.js';
import {
  haveSameKindAndHeaders,
  joinDealTables,
  WorkbookReadError,
} from '../../../core/readers/index.js';
import { readFilesTogether } from '../../read-input-path.js';
import { readWorkbook, type SheetGrid } from '../../read-workbook.js';

/** Why a batch's files make one report, or null when each file makes its own. */
export type FilesTogether = 'same-kind' | 'related-tables' | null;

/**
 * Whether `pipecast report` reads its files as one report by default: two or more files that are
 * dated exports of one table (every file the same kind with the same headers, e.g. 305 daily
 * order files), or single-table files that join to a deals table by their keys (a CRM's
 * pipeline, accounts, products and sales teams, see joinDealTables). Workbooks of several sheets
 * are related inside themselves and are not joined to each other.
 *
 * @param files - the batch's files, in order.
 * @param config - the report config (sheet kinds and mappings).
 * @returns the reason to combine, or null (also when a file cannot be read: the batch then
 *   reports each file on its own, with that file's error).
 */
export async function filesBelongTogether(
  files: readonly string[],
  config: ReportConfig = {},
): Promise<FilesTogether> {
  if (files.length < 2) return null;
  // CSV files are read lazily: classifying them reads only their first lines.
  const perFile: SheetGrid[][] = [];
  for (const file of files) {
    try {
      perFile.push(await readWorkbook(file));
    } catch (error) {
      // A file that cannot be read is reported on its own by the batch, beside the others.
      if (error instanceof WorkbookReadError) return null;
      throw error;
    }
  }
  if (haveSameKindAndHeaders(perFile, config)) return 'same-kind';
  if (perFile.some((sheets) => sheets.length !== 1)) return null;
  const sheets = await readFilesTogether(files);
  const joined = joinDealTables(sheets, {
    ...(config.sheets === undefined ? {} : { kinds: config.sheets }),
    ...(config.mappings === undefined ? {} : { mappings: config.mappings }),
  });
  return joined.joins.length > 0 ? 'related-tables' : null;
}

/**
 * The name of a combined report: the files' folder when they share one (its output folder and
 * title then read "by-day"), else "combined".
 */
export function combinedReportName(files: readonly string[]): string {
  const folders = new Set(files.map((file) => dirname(resolve(file))));
  if (folders.size !== 1) return 'combined';
  const folder = dirname(files[0]!);
  return basename(resolve(folder)) === '' ? 'combined' : folder;
}
