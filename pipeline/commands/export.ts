import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toArrowIPC, toCSV, type ColumnTable } from 'arquero';
import {
  ageReceivables,
  agingInvoicesTable,
  cellText,
  epochDayFromIso,
  forecast,
  forecastDealsTable,
} from '../../core/index.js';
import type { CellValue } from '../../core/index.js';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../cli-io.js';
import { parseCommandArgs, singleOperand } from '../parse-command-args.js';
import type { SheetGrid } from '../read-workbook.js';
import { readWorkbook } from '../read-workbook.js';
import { checkOutputDir } from '../report/batch/check-output-dir.js';

const USAGE = `Usage: pipecast export <file> --out DIR [--format csv|arrow] --as-of YYYY-MM-DD [--sheet NAME]

Writes the per-row results, each followed by every column of its sheet, for DuckDB, Polars,
pandas or Spark: DIR/deals.csv (or .arrow) when the file holds a pipeline (each deal's stage,
status, rate, amount, weighted amount, category and flags) and DIR/invoices.csv when it holds
invoices (each open invoice's open balance, days past due and bucket). Arrow files are Arrow IPC
(stream format).

Options:
  --out DIR         the folder to write to (never an input's folder)
  --format F        csv (default) or arrow
  --as-of DATE      the forecast date
  --sheet NAME      the pipeline sheet (default: the first sheet that reads as deals)
  -h, --help        show this help
`;

/** `pipecast export`: per-row results as CSV or Arrow files. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    out: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    'as-of': { type: 'string' },
    sheet: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const file = singleOperand('export', positionals, 'one pipeline file');
  const format = values.format;
  if (format !== 'csv' && format !== 'arrow')
    throw new UsageError(`--format must be csv or arrow, got '${format}'`);
  if (values.out === undefined) throw new UsageError('name a folder with --out DIR');
  const asOf = epochDayFromIso(values['as-of'] ?? '');
  if (asOf === undefined)
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, got '${values['as-of'] ?? ''}'`);
  await checkOutputDir(values.out, { paths: [file], files: [file] });
  let sheets: SheetGrid[];
  try {
    sheets = await readWorkbook(file, { sheet: values.sheet });
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast export: ${error.message}\n`);
    return 1;
  }
  const tables = perRowTables(sheets, asOf, file);
  if (tables.length === 0) {
    io.stderr(
      `pipecast export: no sheet of ${file} reads as a pipeline or as invoices; run pipecast inspect ${file}\n`,
    );
    return 1;
  }
  await mkdir(values.out, { recursive: true });
  for (const { name, rows } of tables) {
    const target = join(values.out, `${name}.${format}`);
    const data = withTextWhereMixed(rows);
    await writeFile(
      target,
      format === 'csv' ? toCSV(data) : toArrowIPC(data, { format: 'stream' }),
    );
    io.stdout(`${target}: ${data.numRows()} ${name}, ${data.numCols()} columns\n`);
  }
  return 0;
}

/** The per-row tables the workbook allows: its deals, its open invoices, or both. */
function perRowTables(
  sheets: SheetGrid[],
  asOf: number,
  file: string,
): { name: string; rows: ColumnTable }[] {
  const tables: { name: string; rows: ColumnTable }[] = [];
  const run = forecast(sheets, { asOf, file, perRow: true });
  if (run !== null) tables.push({ name: 'deals', rows: forecastDealsTable(run) });
  const aging = ageReceivables(sheets, { asOf, file, perRow: true });
  if (aging.report !== null && (aging.invoiceGrids?.length ?? 0) > 0)
    tables.push({ name: 'invoices', rows: agingInvoicesTable(aging) });
  return tables;
}

/**
 * The table with each sheet column that mixes kinds of values (numbers and text, say) as text,
 * so Arrow gets one type per column, as a database would.
 */
function withTextWhereMixed(deals: ColumnTable): ColumnTable {
  const changes: Record<string, unknown[]> = {};
  for (const name of deals.columnNames()) {
    const column = deals.array(name) as ArrayLike<unknown>;
    const kinds = new Set<string>();
    for (let i = 0; i < column.length; i += 1) {
      const value = column[i];
      if (value !== null && value !== undefined)
        kinds.add(value instanceof Date ? 'date' : typeof value);
    }
    if (kinds.size > 1)
      changes[name] = Array.from(column, (value) =>
        value === null || value === undefined ? null : cellText(value as CellValue),
      );
  }
  return Object.keys(changes).length === 0 ? deals : deals.assign(changes);
}
