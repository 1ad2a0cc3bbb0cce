import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const PIPELINE = `${SAMPLES}pipeline-en.xlsx`;
const INVOICES = `${SAMPLES}invoices-payments.xlsx`;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

/** A column's dates below the header row, read with exceljs (the peer reader), as ISO days. */
async function datesOf(file: string, header: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const headers = sheet.getRow(3).values as unknown[];
  const column = headers.indexOf(header);
  const days: string[] = [];
  sheet.eachRow((row, number) => {
    const value = row.getCell(column).value;
    if (number > 3 && value instanceof Date) days.push(value.toISOString().slice(0, 10));
  });
  return days.sort();
}

describe('pipecast forecast --as-of before the deals were created', () => {
  it('warns how many deals were created after the as-of date, and keeps them', async () => {
    // Every deal of the sample has a created date in 2025–2026 (exceljs reads them below).
    const created = await datesOf(PIPELINE, 'Created date');
    const { code, out } = await run('forecast', PIPELINE, '--as-of', '2020-01-01', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      totals: { count: number };
      warnings: { message: string; count?: number; row?: number }[];
    };
    const warning = json.warnings.find((w) => w.message.includes('created after the as-of'));
    expect(warning?.count).toBe(created.length);
    expect(warning?.row).toBe(4); // the first deal, under the header on row 3
    expect(warning?.message).toContain(`the earliest on ${created[0]}`);
    // Kept: DOMAIN.md does not take them out, so the funnel is the same as today's (54 open).
    expect(json.totals.count).toBe(54);
  });

  it('says nothing when the as-of date follows every created date', async () => {
    const { out } = await run('forecast', PIPELINE, '--json');
    expect(out).not.toContain('created after the as-of');
  });
});

describe('pipecast aging --as-of before every invoice', () => {
  it('refuses with the count and first invoice date, exit 1', async () => {
    const dates = await datesOf(INVOICES, 'Invoice Date');
    const { code, out, err } = await run('aging', INVOICES, '--as-of', '2020-01-01');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      `pipecast aging: ${INVOICES}: nothing to age as of 2020-01-01: all ${dates.length} invoices are dated after it (first invoice ${dates[0]}); pass a later --as-of\n`,
    );
  });

  it('ages as before when some invoice is on or before the as-of date', async () => {
    const { code, out } = await run('aging', INVOICES, '--as-of', '2026-01-01');
    expect(code).toBe(0);
    expect(out).toContain('Invoices aged');
  });
});
