import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectDelimiter, readCsv } from '../../pipeline/read-csv.js';
import { readWorkbook } from '../../pipeline/read-workbook.js';
import { WorkbookReadError } from '../../core/workbook/workbook-read-error.js';

const CRM = fileURLToPath(new URL('../../../shared/data/crm-opportunities', import.meta.url));
const HAVE_CRM = existsSync(CRM);
if (!HAVE_CRM) console.warn(`skipping sales_pipeline.csv tests: ${CRM} is missing`);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-read-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csvFile(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readCsv', () => {
  it('reads quoted cells with embedded commas, quotes and newlines as one cell each', async () => {
    const path = await csvFile(
      'quotes.csv',
      'Deal,Account,Note\r\n"D-1","Acme, Inc.","said ""yes""\r\nthen left"\r\nD-2,Beta,plain\r\n',
    );
    const sheet = await readCsv(path);
    expect(sheet).toEqual({
      file: path,
      sheet: 'quotes',
      date1904: false,
      rows: [
        ['Deal', 'Account', 'Note'],
        ['D-1', 'Acme, Inc.', 'said "yes"\r\nthen left'],
        ['D-2', 'Beta', 'plain'],
      ],
    });
  });

  it('drops a UTF-8 BOM so the first header matches', async () => {
    const path = await csvFile(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('商机,阶段\nA,赢单\n')]),
    );
    expect((await readCsv(path)).rows).toEqual([
      ['商机', '阶段'],
      ['A', '赢单'],
    ]);
  });

  it('decodes a GBK file with Chinese headers (Chinese Excel\'s "CSV" save)', async () => {
    const text =
      '商机名称,客户名称,销售阶段,预计金额,预计成交日期\n华东项目,上海某某有限公司,方案报价,"12,000",2024/3/31\n';
    const bytes = iconv.encode(text, 'gbk');
    // The GBK bytes are not valid UTF-8, which is what sends them to the GB18030 decoder.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const path = await csvFile('gbk.csv', bytes);
    expect((await readCsv(path)).rows).toEqual([
      ['商机名称', '客户名称', '销售阶段', '预计金额', '预计成交日期'],
      ['华东项目', '上海某某有限公司', '方案报价', '12,000', '2024/3/31'],
    ]);
  });

  it('decodes UTF-16LE with a BOM (Excel\'s "Unicode Text" save, tab-separated)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('客户\t金额\n甲\t5\n', 'utf-16le'),
    ]);
    const path = await csvFile('unicode.txt', bytes);
    expect((await readCsv(path)).rows).toEqual([
      ['客户', '金额'],
      ['甲', '5'],
    ]);
  });

  it('detects a semicolon delimiter from the header line (European Excel)', async () => {
    const path = await csvFile('semi.csv', 'Deal;Amount;Stage\nD-1;"1.200,50";Won\nD-2;3,5;Lost\n');
    expect((await readCsv(path)).rows).toEqual([
      ['Deal', 'Amount', 'Stage'],
      ['D-1', '1.200,50', 'Won'],
      ['D-2', '3,5', 'Lost'],
    ]);
  });

  it('uses tabs for .tsv even when the header has commas', async () => {
    const path = await csvFile('tabs.tsv', 'Deal\tAccount, legal name\nD-1\tAcme\n');
    expect((await readCsv(path)).rows).toEqual([
      ['Deal', 'Account, legal name'],
      ['D-1', 'Acme'],
    ]);
  });

  it('keeps strings as typed, blank cells as null, gaps as empty rows, and drops trailing blanks', async () => {
    const path = await csvFile(
      'blanks.csv',
      '\nDeal,Amount,Close\n 007 ,,2024-01-31\n,,\nD-2,  ,\n\n\n',
    );
    expect((await readCsv(path)).rows).toEqual([
      [],
      ['Deal', 'Amount', 'Close'],
      [' 007 ', null, '2024-01-31'],
      [],
      ['D-2'],
    ]);
  });

  it('reads an empty file as a sheet with no rows', async () => {
    const path = await csvFile('empty.csv', '');
    expect(await readCsv(path)).toEqual({ file: path, sheet: 'empty', rows: [], date1904: false });
  });

  it('reports an unclosed quote as a WorkbookReadError naming the file', async () => {
    const path = await csvFile('broken.csv', 'Deal,Note\nD-1,"never closed\nD-2,x\n');
    // The rows are split on first use, so the error comes when they are read.
    const error: unknown = await readCsv(path)
      .then((grid) => grid.rows)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).message).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: malformed CSV: a quoted field opened on line 2 is never closed \\(column B\\)$`,
      ),
    );
  });

  it('reads a file of many blocks as one text, and GB18030 bytes found late', async () => {
    // 100,000 lines (~2 MB) span many read blocks; the GBK bytes sit in the last line only.
    const lines = Array.from({ length: 100_000 }, (_, i) => `D-${i},${i % 7}`);
    const utf8 = await csvFile('big.csv', ['Deal,Amount', ...lines, 'D-x,客户'].join('\n'));
    const rows = (await readCsv(utf8)).rows;
    expect(rows).toHaveLength(100_002);
    expect(rows[50_001]).toEqual(['D-50000', '6']); // 50000 mod 7 = 6
    expect(rows.at(-1)).toEqual(['D-x', '客户']);
    const gbk = await csvFile(
      'big-gbk.csv',
      iconv.encode(['Deal,Amount', ...lines, 'D-x,客户'].join('\n'), 'gbk'),
    );
    expect((await readCsv(gbk)).rows.at(-1)).toEqual(['D-x', '客户']);
  });

  it('refuses to read records from a file that changed after it was opened', async () => {
    const path = await csvFile('moving.csv', 'Deal,Stage\nA,Design\n');
    const grid = await readCsv(path);
    await writeFile(path, 'Deal,Stage\nA,Design\nB,Commit\n');
    expect(() => grid.rows).toThrow(
      /moving\.csv: the file changed while it was being read; run again$/,
    );
  });

  it('is what readWorkbook gives for .csv, .tsv and .txt', async () => {
    const path = await csvFile('Deals Q1.CSV', 'a,b\n1,2\n');
    expect(await readWorkbook(path)).toEqual([await readCsv(path)]);
    expect((await readWorkbook(path))[0]!.sheet).toBe('Deals Q1');
  });
});

describe('decodeCsvBytes', () => {
  it('names the encoding it used', () => {
    expect(decodeCsvBytes(Buffer.from('a,b')).encoding).toBe('utf-8');
    expect(decodeCsvBytes(iconv.encode('客户', 'gbk')).encoding).toBe('gb18030');
    expect(decodeCsvBytes(Buffer.from([0xfe, 0xff, 0x5b, 0xa2])).encoding).toBe('utf-16be');
    expect(decodeCsvBytes(Buffer.from([0xfe, 0xff, 0x5b, 0xa2])).text).toBe('客');
  });
});

describe('detectDelimiter', () => {
  it('counts only outside quotes and skips leading blank lines', () => {
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(',');
    expect(detectDelimiter('\r\n\na;b,c;d\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1,2,3,4,5\n')).toBe('\t');
  });

  it('falls back on a tie or a single column', () => {
    expect(detectDelimiter('Deal\n')).toBe(',');
    expect(detectDelimiter('a;b,c\n')).toBe(',');
    expect(detectDelimiter('Deal\n', '\t')).toBe('\t');
  });
});

describe.skipIf(!HAVE_CRM)('readCsv on ../shared/data/crm-opportunities/sales_pipeline.csv', () => {
  it('reads the header and all 8 800 data rows', async () => {
    const sheet = await readCsv(join(CRM, 'sales_pipeline.csv'));
    expect(sheet.sheet).toBe('sales_pipeline');
    // `wc -l sales_pipeline.csv` = 8801 lines: one header and 8800 opportunities.
    expect(sheet.rows).toHaveLength(8801);
    expect(sheet.rows[0]).toEqual([
      'opportunity_id',
      'sales_agent',
      'product',
      'account',
      'deal_stage',
      'engage_date',
      'close_date',
      'close_value',
    ]);
    // Line 2 of the file.
    expect(sheet.rows[1]).toEqual([
      '1C1I7A6R',
      'Moses Frase',
      'GTX Plus Basic',
      'Cancity',
      'Won',
      '2016-10-20',
      '2017-03-01',
      '1054',
    ]);
  });
});
