import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookReportSummary } from '../../../pipeline/report/build-workbook-report.js';
import { buildWorkbookReport } from '../../../pipeline/report/build-workbook-report.js';

// results.xlsx is opened by a real spreadsheet program, LibreOffice Calc run headless, which
// converts every sheet to CSV; the figures of summary.json must be found on the sheets.
const SOFFICE = '/usr/bin/soffice';
const HAVE_SOFFICE = existsSync(SOFFICE);
if (!HAVE_SOFFICE)
  console.warn(
    `skipping results.xlsx in LibreOffice: ${SOFFICE} is missing (Debian package libreoffice-calc-nogui; npm test installs it as root)`,
  );
const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
const CRM = fileURLToPath(
  new URL('../../../../shared/data/crm-opportunities/sales_pipeline.csv', import.meta.url),
);
const HAVE_CRM = existsSync(CRM);
if (!HAVE_CRM)
  console.warn(`skipping results.xlsx in LibreOffice on shared data: ${CRM} is missing`);

/** Field separator 44 (,), text delimiter 34 ("), UTF-8 (76), every sheet to its own file (-1). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const run = promisify(execFile);

const INPUTS: { name: string; path: string; asOf: string }[] = [
  { name: 'pipeline-en', path: join(SAMPLES, 'pipeline-en.xlsx'), asOf: '2026-06-30' },
  { name: 'pipeline-zh', path: join(SAMPLES, 'pipeline-zh.xlsx'), asOf: '2026-06-30' },
  { name: 'customers-orders', path: join(SAMPLES, 'customers-orders.xlsx'), asOf: '2026-06-30' },
  ...(HAVE_CRM ? [{ name: 'sales_pipeline', path: CRM, asOf: '2017-09-30' }] : []),
];

let root: string;
const summaries = new Map<string, WorkbookReportSummary>();
/** Per input: sheet name → rows as LibreOffice wrote them. */
const sheetsByInput = new Map<string, Map<string, string[][]>>();

/** Converts with a private LibreOffice profile, so runs in parallel do not share one lock. */
async function convertWithLibreOffice(xlsx: string, outDir: string): Promise<string> {
  const profile = `file://${join(root, `lo-profile-${Math.random().toString(36).slice(2)}`)}`;
  const { stdout } = await run(
    SOFFICE,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      CSV_FILTER,
      '--outdir',
      outDir,
      xlsx,
    ],
    { timeout: 120_000 },
  );
  return stdout;
}

beforeAll(async () => {
  if (!HAVE_SOFFICE) return;
  root = await mkdtemp(join(tmpdir(), 'pipecast-libreoffice-'));
  for (const input of INPUTS) {
    const out = join(root, input.name);
    summaries.set(input.name, await buildWorkbookReport(input.path, out, { asOf: input.asOf }));
    const csvDir = join(out, 'csv');
    const log = await convertWithLibreOffice(join(out, 'results.xlsx'), csvDir);
    const sheets = new Map<string, string[][]>();
    for (const name of await readdir(csvDir)) {
      const rows = parse(await readFile(join(csvDir, name), 'utf8'), {
        relaxColumnCount: true,
      }) as string[][];
      sheets.set(name.replace(/^results-/, '').replace(/\.csv$/, ''), rows);
    }
    if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${input.name}: ${log}`);
    sheetsByInput.set(input.name, sheets);
  }
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A cell as LibreOffice shows it unformatted ("1234.5", "80.84%") as a number, else undefined. */
function cellNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?(E-?\d+)?%?$/i.test(trimmed)) return undefined;
  return trimmed.endsWith('%') ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
}

/** Money is compared to the cent; shares (below 1) to a millionth. */
function sameFigure(cell: number, figure: number): boolean {
  return Math.abs(cell - figure) <= (Math.abs(figure) < 1 ? 1e-6 : 0.005);
}

const SHEET_OF: Record<string, string> = {
  forecast: 'Forecast',
  abc: 'ABC',
  rfm: 'RFM',
  portfolio: 'Portfolio',
  aging: 'Aging',
};

describe.skipIf(!HAVE_SOFFICE)('results.xlsx opened by LibreOffice Calc', () => {
  it.each(INPUTS.map((input) => input.name))(
    '%s: every sheet converts to CSV, with a Notes sheet',
    (name) => {
      const sheets = sheetsByInput.get(name)!;
      const analysed = summaries.get(name)!.analyses.filter((a) => a.ok);
      expect([...sheets.keys()].sort()).toEqual(
        [...analysed.map((a) => SHEET_OF[a.name]), 'Notes'].sort(),
      );
      for (const rows of sheets.values()) expect(rows.length).toBeGreaterThan(1);
    },
  );

  it.each(INPUTS.map((input) => input.name))(
    '%s: every number of summary.json is on its analysis sheet',
    (name) => {
      const sheets = sheetsByInput.get(name)!;
      const missing: string[] = [];
      for (const analysis of summaries.get(name)!.analyses.filter((a) => a.ok)) {
        const rows = sheets.get(SHEET_OF[analysis.name] ?? '') ?? [];
        const cells = rows.flat().flatMap((text) => cellNumber(text) ?? []);
        for (const [key, figure] of Object.entries(analysis.headline)) {
          if (typeof figure !== 'number') continue;
          if (!cells.some((cell) => sameFigure(cell, figure)))
            missing.push(`${analysis.name}.${key} = ${figure}`);
        }
      }
      expect(missing).toEqual([]);
    },
  );
});
