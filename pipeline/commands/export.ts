import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toArrowIPC, toCSV, type ColumnTable } from 'arquero';
import { cellText, epochDayFromIso, forecast, forecastDealsTable } from '../../core/index.js';
import type { CellValue } from '../../core/index.js';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../cli-io.js';
import { parseCommandArgs, singleOperand } from '../parse-command-args.js';
import { readWorkbook } from '../read-workbook.js';
import { checkOutputDir } from '../report/batch/check-output-dir.js';

const USAGE = `Usage: pipecast export <file> --out DIR [--format csv|arrow] --as-of YYYY-MM-DD [--sheet NAME]

Writes the forecast's per-deal table (DIR/deals.csv or DIR/deals.arrow): each deal's stage,
status, rate, amount, weighted amount, category and flags, then every column of the sheet, for
DuckDB, Polars, pandas or Spark. Arrow files are Arrow IPC (stream format).

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
  let sheets;
  try {
    sheets = await readWorkbook(file, { sheet: values.sheet });
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast export: ${error.message}\n`);
    return 1;
  }
  const run = forecast(sheets, { asOf, file, perRow: true });
  if (run === null) {
    io.stderr(
      `pipecast export: no sheet of ${file} reads as a pipeline; run pipecast inspect ${file}\n`,
    );
    return 1;
  }
  const deals = withTextWhereMixed(forecastDealsTable(run));
  await mkdir(values.out, { recursive: true });
  const target = join(values.out, `deals.${format}`);
  await writeFile(
    target,
    format === 'csv' ? toCSV(deals) : toArrowIPC(deals, { format: 'stream' }),
  );
  io.stdout(`${target}: ${deals.numRows()} deals, ${deals.numCols()} columns\n`);
  return 0;
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
