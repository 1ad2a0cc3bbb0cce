import { existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

/** Excel's row limit: a full sheet. */
export const DEFAULT_LARGE_ROWS = 1_048_576;

export interface MakeLargeXlsxOptions {
  /** Rows including the header row. */
  rows?: number;
  /** Output path; default a cached file in os.tmpdir() named after the row count. */
  path?: string;
}

const STAGES = [
  'Lead',
  'Qualified',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
  '赢单',
];
const OWNERS = Array.from({ length: 40 }, (_, i) => `Owner ${String(i + 1).padStart(2, '0')}`);
const REGIONS = ['North', 'South', 'East', 'West', '华东', '华南'];
const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1);

export const LARGE_XLSX_HEADER = [
  'Deal ID',
  'Customer',
  'Owner',
  'Stage',
  'Amount',
  'Probability',
  'Created',
  'Close Date',
  'Region',
  'Won',
];

/** Where makeLargeXlsx caches the workbook of `rows` rows by default. */
export function largeXlsxPath(rows: number): string {
  return join(tmpdir(), `pipecast-bench-${rows}x10.xlsx`);
}

/**
 * Writes a sales-pipeline .xlsx of `rows` rows × 10 columns (ids, customer and owner names,
 * stages, amounts, probabilities, two date columns, region, a boolean) with exceljs's streaming
 * WorkbookWriter and shared strings, as Excel writes them. Values are a deterministic function
 * of the row number, so every run makes the same file. Reuses the file when it already exists.
 *
 * @returns the path of the workbook.
 */
export async function makeLargeXlsx(options: MakeLargeXlsxOptions = {}): Promise<string> {
  const rows = options.rows ?? DEFAULT_LARGE_ROWS;
  const path = options.path ?? largeXlsxPath(rows);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const partial = `${path}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: partial,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Deals');
  sheet.columns = LARGE_XLSX_HEADER.map((header, i) => ({
    header,
    key: `c${i}`,
    style: i === 6 || i === 7 ? { numFmt: 'yyyy-mm-dd' } : i === 4 ? { numFmt: '#,##0.00' } : {},
  }));
  for (let r = 1; r < rows; r++) {
    const created = START + (r % 1000) * DAY;
    sheet
      .addRow([
        `D-${String(r).padStart(7, '0')}`,
        `Customer ${(r * 7919) % 20000}`,
        OWNERS[r % OWNERS.length],
        STAGES[(r * 31) % STAGES.length],
        Math.round(((r * 104729) % 1_000_000) + 500) / 100,
        ((r * 13) % 101) / 100,
        new Date(created),
        new Date(created + ((r * 17) % 180) * DAY),
        REGIONS[r % REGIONS.length],
        r % 3 === 0,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  renameSync(partial, path);
  return path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--rows');
  const rows = at >= 0 ? Number(process.argv[at + 1]) : DEFAULT_LARGE_ROWS;
  const started = performance.now();
  const path = await makeLargeXlsx({ rows });
  console.log(
    `${path} (${(statSync(path).size / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
