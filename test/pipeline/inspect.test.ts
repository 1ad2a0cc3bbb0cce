import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import type { InspectResult } from '../../pipeline/commands/inspect.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = fileURLToPath(new URL('../../../shared/data', import.meta.url));
const SALES_PIPELINE = join(DATA, 'crm-opportunities', 'sales_pipeline.csv');
const HAVE_DATA = existsSync(DATA);
if (!HAVE_DATA) console.warn(`skipping pipecast inspect tests on shared data: ${DATA} is missing`);

/** sales_pipeline.csv's headers and the deal fields they must feed, with no user mapping. */
const SALES_PIPELINE_MAPPING = {
  opportunity_id: 'id',
  sales_agent: 'owner',
  account: 'account',
  deal_stage: 'stage',
  engage_date: 'createdDate',
  close_date: 'closeDate',
  close_value: 'amount',
};

async function inspect(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    isTTY: false,
  };
  const code = await main(['inspect', ...args], io);
  return { code, out, err };
}

function headerToField(result: InspectResult, sheet = 0): Record<string, string> {
  const matched = result.sheets[sheet]!.columns.matched;
  return Object.fromEntries(matched.map((m) => [m.header, m.field]));
}

describe.skipIf(!HAVE_DATA)('pipecast inspect on ../shared/data', () => {
  it('maps sales_pipeline.csv to deal fields without a user mapping (--json)', async () => {
    const { code, out, err } = await inspect(SALES_PIPELINE, '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const result = JSON.parse(out) as InspectResult;
    expect(result.file).toBe(SALES_PIPELINE);
    expect(result.sheets).toHaveLength(1);
    const sheet = result.sheets[0]!;
    expect(sheet).toMatchObject({
      sheet: 'sales_pipeline',
      kind: 'deal',
      kindFrom: 'detected',
      headerRow: 1,
      // `wc -l` = 8801 lines: 8800 opportunities below the header, none unreadable.
      rowsRead: 8800,
      rowsDropped: 0,
    });
    expect(headerToField(result)).toMatchObject(SALES_PIPELINE_MAPPING);
    expect(sheet.columns.matched.every((m) => m.via === 'alias')).toBe(true);
    expect(sheet.columns.missingRequired).toEqual([]);
    expect(sheet.columns.unmatched).toEqual([]);
    // Open deals (Prospecting/Engaging) have no close date and no close value:
    // `awk -F, 'NR>1 && $7==""' sales_pipeline.csv | wc -l` = 2089.
    expect(sheet.missing.closeDate?.count).toBe(2089);
    expect(sheet.missing.amount?.count).toBe(2089);
  });

  it('prints the same mapping as text by default', async () => {
    const { code, out } = await inspect(SALES_PIPELINE);
    expect(code).toBe(0);
    expect(out).toMatch(/^sales_pipeline\.csv\n/);
    expect(out).toContain('Sheet "sales_pipeline": deal records (detected)');
    expect(out).toContain('Header row: 1');
    for (const [header, field] of Object.entries(SALES_PIPELINE_MAPPING)) {
      expect(out).toMatch(new RegExp(`\\b${header}\\s+→ ${field}\\n`));
    }
    // Counts with thousands separators (issue 17: one number format everywhere).
    expect(out).toContain('Rows: 8,800 read, 8,800 kept, 0 dropped');
    expect(out).toContain('Missing required fields: none');
  });

  it('reads the sheet as the --kind given', async () => {
    const { code, out } = await inspect(SALES_PIPELINE, '--kind', 'stageChange', '--json');
    expect(code).toBe(0);
    const sheet = (JSON.parse(out) as InspectResult).sheets[0]!;
    expect(sheet).toMatchObject({ kind: 'stageChange', kindFrom: 'option', alsoFits: [] });
    // A stage-change log needs a date of the change; this export has none.
    expect(sheet.columns.missingRequired).toEqual(['date']);
    expect(sheet.warnings.map((w) => [w.code, w.action])).toEqual([
      ['missing-required-column', 'sheet skipped'],
    ]);
  });

  it('reads richtext-after-plain.xlsx, which exceljs cannot read', async () => {
    const file = join(DATA, 'workbooks', 'richtext-after-plain.xlsx');
    const { code, err } = await inspect(file);
    expect({ code, err }).toEqual({ code: 0, err: '' });
  });

  it('runs through the real bin after npm run build', { timeout: 240_000 }, async () => {
    const build = await run('npm', ['run', 'build'], { cwd: ROOT }).catch(
      (error: { stdout?: string; stderr?: string }) => error,
    );
    // Teammates' files may not compile yet (tsc still emits); ours must.
    expect(`${build.stdout ?? ''}${build.stderr ?? ''}`).not.toMatch(
      /^pipeline\/(read-|list-input-files|workbook-read-error|commands\/inspect)/m,
    );
    const { stdout, stderr } = await run(
      process.execPath,
      ['bin/pipecast.js', 'inspect', SALES_PIPELINE, '--json'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as InspectResult;
    expect(result.sheets[0]).toMatchObject({ kind: 'deal', headerRow: 1, rowsRead: 8800 });
    expect(headerToField(result)).toMatchObject(SALES_PIPELINE_MAPPING);

    const missing = join(tmpdir(), 'pipecast-no-such-file.xlsx');
    const failed = await run(process.execPath, ['bin/pipecast.js', 'inspect', missing], {
      cwd: ROOT,
    }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
    expect(failed).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `pipecast inspect: ${missing}: file not found\n`,
    });
  });
});

describe('pipecast inspect on generated files', () => {
  let dir = '';
  let chinese = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pipecast-inspect-'));
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('说明');
    notes.getCell('A1').value = '本表由系统导出';
    const deals = workbook.addWorksheet('商机');
    deals.getCell('A1').value = '2024年第一季度商机明细';
    deals.addRow([]);
    deals.addRow(['商机名称', '客户名称', '销售阶段', '预计金额', '预计成交日期', '备注']);
    deals.addRow([
      '华东项目',
      '上海甲公司',
      '方案报价',
      120000,
      new Date(Date.UTC(2024, 2, 31)),
      '',
    ]);
    deals.addRow(['华北项目', '北京乙公司', '', 50000, new Date(Date.UTC(2024, 3, 15)), '缺阶段']);
    deals.addRow([
      '华南项目',
      '广州丙公司',
      '商务谈判',
      '约十万',
      new Date(Date.UTC(2024, 4, 1)),
      '',
    ]);
    chinese = join(dir, '商机.xlsx');
    await workbook.xlsx.writeFile(chinese);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a Chinese header below a title, maps it, and lists each warning with its place', async () => {
    const { code, out } = await inspect(chinese, '--sheet', '商机', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as InspectResult;
    expect(result.sheets.map((s) => s.sheet)).toEqual(['商机']);
    const sheet = result.sheets[0]!;
    expect(sheet).toMatchObject({ kind: 'deal', headerRow: 3, rowsRead: 3, rowsDropped: 1 });
    expect(headerToField(result)).toEqual({
      商机名称: 'id',
      客户名称: 'account',
      销售阶段: 'stage',
      预计金额: 'amount',
      预计成交日期: 'closeDate',
    });
    expect(sheet.columns.unmatched.map((c) => [c.column, c.header])).toEqual([['F', '备注']]);
    const places = sheet.warnings.map((w) => [w.sheet, w.row, w.column, w.raw, w.action]);
    // Row 5 has no stage (required): dropped. Row 6's amount "约十万" is not a number: ignored.
    expect(places).toEqual([
      ['商机', 5, '销售阶段', '', 'row dropped'],
      ['商机', 6, '预计金额', '约十万', 'value ignored'],
    ]);
  });

  it('lists every sheet, reporting a sheet with no table instead of guessing', async () => {
    // English wording asked for: without --locale, Chinese headers give a Chinese report.
    const { code, out } = await inspect(chinese, '--locale', 'en');
    expect(code).toBe(0);
    expect(out).toContain('Sheet "说明": no table of any known kind');
    expect(out).toContain('Sheet "商机": deal records (detected)');
    expect(out).toContain('Header row: 3');
    expect(out).toMatch(/Unmatched columns: F "备注"\n/);
    expect(out).toMatch(/row 6, column "预计金额", value "约十万": .* \[value ignored\]\n/);
  });

  it('names the sheets there are when --sheet names none of them', async () => {
    const { code, err } = await inspect(chinese, '--sheet', 'Deals');
    expect(code).toBe(1);
    expect(err).toBe(
      `pipecast inspect: ${chinese}: no sheet named 'Deals' (sheets: '说明', '商机')\n`,
    );
  });

  it('turns a corrupt workbook into one stderr line and exit code 1', async () => {
    const corrupt = join(dir, 'corrupt.xlsx');
    await writeFile(corrupt, Buffer.from('PK\u0003\u0004 this is not really a zip archive'));
    const { code, out, err } = await inspect(corrupt);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toMatch(
      new RegExp(`^pipecast inspect: ${escape(corrupt)}: not a valid \\.xlsx file[^\\n]*\\n$`),
    );
  });

  it('prints usage for --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await inspect(flag);
      expect({ code, err }).toEqual({ code: 0, err: '' });
      expect(out).toMatch(
        /^Usage: pipecast inspect <file> \[--sheet NAME\] \[--kind KIND\] \[--locale en\|zh\] \[--json\]\n/,
      );
      expect(out).toContain('deal, orderLine, invoice, payment, customer, stageChange');
    }
  });

  it('rejects bad arguments with one line and exit code 1', async () => {
    const cases: [string[], string][] = [
      [['--bogus', chinese], "unknown option '--bogus' (see pipecast inspect --help)"],
      [[chinese, '--sheet'], "option '--sheet' needs a value (see pipecast inspect --help)"],
      [[], 'name one file to inspect (see pipecast inspect --help)'],
      [[chinese, chinese], `inspect takes one file, got 2: ${chinese} ${chinese}`],
      [
        [chinese, '--kind', 'deals'],
        "unknown --kind 'deals' (one of deal, orderLine, invoice, payment, customer, stageChange)",
      ],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await inspect(...args);
      expect({ args, code, out, err }).toEqual({
        args,
        code: 1,
        out: '',
        err: `pipecast inspect: ${message}\n`,
      });
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
