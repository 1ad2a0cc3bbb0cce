/**
 * Rebuilds the sample workbooks in samples/ from a fixed seed: `npm run samples`.
 *
 * The data is made up but shaped like real exports: a title row above the table, English or
 * Chinese headers, a few amounts typed as text ("¥12,500", "3.2万"), some blank cells, closed
 * history next to open deals, returns and unapplied cash. All dates are relative to SAMPLE_AS_OF.
 */
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { epochDayFromIso, isoFromEpochDay } from '../core/columns/epoch-day.js';
import { randomTools, seededRandom } from './seeded-random.js';

/** The date the samples describe; use it as --as-of. */
export const SAMPLE_AS_OF = '2026-06-30';
const AS_OF = epochDayFromIso(SAMPLE_AS_OF)!;
const FIXED_TIME = new Date(Date.UTC(2026, 5, 30));

type Row = (string | number | boolean | Date | null)[];

interface SheetSpec {
  name: string;
  title?: string;
  headers: string[];
  rows: Row[];
  /** Number formats by header. */
  formats?: Record<string, string>;
}

const toDate = (day: number) => new Date(day * 86_400_000);

const STAGES = [
  { en: 'Interest', zh: '兴趣(客户分析)' },
  { en: 'Brewing', zh: '酝酿(建立信任)' },
  { en: 'Design', zh: '设计(挖掘需求)' },
  { en: 'Compare', zh: '比较(呈现价值)' },
  { en: 'Commit', zh: '承诺(赢取承诺)' },
  { en: 'Use', zh: '使用(回收货款)' },
];
const OWNERS_EN = ['Alice Chen', 'Ben Ortiz', 'Carla Novak', 'David Li'];
const OWNERS_ZH = ['王芳', '李强', '张伟', '刘洋'];
const REGIONS_EN = ['North', 'East', 'South', 'West'];
const REGIONS_ZH = ['华北', '华东', '华南', '西部'];
const PRODUCTS_EN = ['Platform', 'Analytics', 'Services'];
const PRODUCTS_ZH = ['平台', '分析', '服务'];
const ACCOUNTS_EN = [
  'Acme Corp',
  'Borealis Ltd',
  'Cobalt Systems',
  'Delta Foods',
  'Evergreen Bank',
  'Fjord Logistics',
  'Granite Mining',
  'Helix Pharma',
  'Ionic Energy',
  'Juniper Retail',
  'Kestrel Air',
  'Lumen Media',
];
const ACCOUNTS_ZH = [
  '华远科技',
  '东方制造',
  '南山物流',
  '北辰能源',
  '西湖银行',
  '长江医药',
  '黄河食品',
  '泰山矿业',
  '珠江零售',
  '天山航空',
  '昆仑传媒',
  '海川电子',
];

function pipelineRows(lang: 'en' | 'zh', seed: number): Row[] {
  const { int, pick, chance } = randomTools(seededRandom(seed));
  const owners = lang === 'en' ? OWNERS_EN : OWNERS_ZH;
  const regions = lang === 'en' ? REGIONS_EN : REGIONS_ZH;
  const products = lang === 'en' ? PRODUCTS_EN : PRODUCTS_ZH;
  const accounts = lang === 'en' ? ACCOUNTS_EN : ACCOUNTS_ZH;
  const status =
    lang === 'en'
      ? { open: 'Open', won: 'Won', lost: 'Lost' }
      : { open: '进行中', won: '赢单', lost: '丢单' };
  const yes = lang === 'en' ? 'Yes' : '是';
  const no = lang === 'en' ? 'No' : '否';
  const rows: Row[] = [];
  for (let i = 1; i <= 72; i++) {
    const closed = i > 54;
    const stageIndex = closed
      ? int(2, 5)
      : Math.min(5, Math.floor(Math.abs(int(0, 9) - int(0, 4)) * 0.7));
    const stage = STAGES[stageIndex]!;
    const won = closed && chance(0.25 + stageIndex * 0.1);
    const amount = int(4, 120) * 1000;
    const created = AS_OF - int(20, 300);
    const close = closed ? AS_OF - int(1, 150) : AS_OF + int(-20, 180);
    const lastActivity = Math.min(AS_OF, created + int(0, 200));
    const amountCell: string | number =
      lang === 'zh' && i % 9 === 0
        ? `${amount / 10000}万`
        : lang === 'en' && i % 11 === 0
          ? `$${amount.toLocaleString('en-US')}`
          : amount;
    const qualified = stageIndex >= 3 || chance(0.5);
    rows.push([
      lang === 'en' ? `OPP-${String(1000 + i)}` : `SJ-${String(2000 + i)}`,
      pick(accounts),
      pick(owners),
      pick(regions),
      pick(products),
      lang === 'en' ? stage.en : stage.zh,
      i === 17 ? (lang === 'en' ? 'TBD' : '待定') : amountCell,
      toDate(created),
      i === 23 ? null : toDate(close),
      toDate(lastActivity),
      closed ? (won ? status.won : status.lost) : status.open,
      qualified ? yes : no,
      qualified || chance(0.5) ? yes : no,
      qualified ? yes : no,
      qualified ? yes : no,
    ]);
  }
  return rows;
}

function pipelineSheet(lang: 'en' | 'zh'): SheetSpec {
  const headers =
    lang === 'en'
      ? [
          'Opportunity',
          'Account',
          'Owner',
          'Region',
          'Product',
          'Stage',
          'Amount',
          'Created date',
          'Close date',
          'Last activity',
          'Status',
          'Need',
          'Authority',
          'Budget',
          'Timeline',
        ]
      : [
          '商机编号',
          '客户名称',
          '负责人',
          '区域',
          '产品',
          '销售阶段',
          '预计金额',
          '创建日期',
          '预计成交日期',
          '最近跟进日期',
          '状态',
          '需求',
          '决策权',
          '预算',
          '时间计划',
        ];
  const dateFormat = 'yyyy-mm-dd';
  return {
    name: lang === 'en' ? 'Pipeline' : '商机',
    title:
      lang === 'en'
        ? `Sales pipeline, exported ${SAMPLE_AS_OF}`
        : `销售漏斗（导出日期 ${SAMPLE_AS_OF}）`,
    headers,
    rows: pipelineRows(lang, lang === 'en' ? 11 : 12),
    formats: {
      [headers[6]!]: '#,##0',
      [headers[7]!]: dateFormat,
      [headers[8]!]: dateFormat,
      [headers[9]!]: dateFormat,
    },
  };
}

function customerSheets(): SheetSpec[] {
  const { int, pick, chance } = randomTools(seededRandom(21));
  const industries = ['Manufacturing', 'Retail', 'Finance', 'Logistics', 'Healthcare'];
  const customers: Row[] = [];
  for (let i = 1; i <= 40; i++) {
    const name = i <= 12 ? ACCOUNTS_EN[i - 1]! : `Customer ${String(i).padStart(2, '0')}`;
    customers.push([
      `C${String(100 + i)}`,
      name,
      pick(REGIONS_EN),
      pick(industries),
      pick(OWNERS_EN),
      int(50, 2000) * 1000,
      int(5, 80) / 100,
      int(20, 400) * 1000,
    ]);
  }
  const orders: Row[] = [];
  let invoice = 500000;
  for (let n = 0; n < 420; n++) {
    // A few large customers buy often (Pareto-shaped revenue).
    const c = Math.min(40, 1 + Math.floor(40 * Math.pow(int(0, 1000) / 1000, 2.2)));
    const customerId = chance(0.03) ? '' : `C${String(100 + c)}`;
    const day = AS_OF - int(0, 364);
    invoice += int(1, 3);
    const lines = int(1, 3);
    for (let l = 0; l < lines; l++) {
      orders.push([
        String(invoice),
        toDate(day),
        customerId,
        `SKU-${int(10, 60)}`,
        int(1, 40),
        int(5, 400) + int(0, 99) / 100,
      ]);
    }
    if (chance(0.04)) {
      // A cancellation: invoice number "C…" and negative quantity, as in the Online Retail data.
      orders.push([
        `C${invoice}`,
        toDate(Math.min(AS_OF, day + int(1, 20))),
        customerId,
        `SKU-${int(10, 60)}`,
        -int(1, 5),
        int(5, 400),
      ]);
    }
  }
  return [
    {
      name: 'Customers',
      headers: [
        'Customer ID',
        'Name',
        'Region',
        'Industry',
        'Owner',
        'Purchase potential',
        'Our share',
        'Target',
      ],
      rows: customers,
      formats: { 'Purchase potential': '#,##0', 'Our share': '0%', Target: '#,##0' },
    },
    {
      name: 'Orders',
      title: `Order lines, 12 months to ${SAMPLE_AS_OF}`,
      headers: [
        'Invoice No',
        'Invoice Date',
        'Customer ID',
        'Stock Code',
        'Quantity',
        'Unit Price',
      ],
      rows: orders,
      formats: { 'Invoice Date': 'yyyy-mm-dd', 'Unit Price': '#,##0.00' },
    },
  ];
}

function receivableSheets(): SheetSpec[] {
  const { int, pick, chance } = randomTools(seededRandom(31));
  const terms = ['Net 30', 'Net 60', '月结60天', 'Net 45', '30'];
  const invoices: Row[] = [];
  const payments: Row[] = [];
  for (let i = 1; i <= 90; i++) {
    const customer = pick(ACCOUNTS_EN.slice(0, 10));
    const invoiceDate = AS_OF - int(0, 240);
    const amount = int(2, 90) * 500 + (chance(0.3) ? 0.5 : 0);
    const currency = i % 7 === 0 ? 'USD' : 'CNY';
    const withDue = chance(0.6);
    const term = pick(terms);
    const id = `INV-${String(7000 + i)}`;
    invoices.push([
      id,
      customer,
      pick(OWNERS_EN),
      toDate(invoiceDate),
      withDue ? null : term,
      withDue ? toDate(invoiceDate + int(15, 60)) : null,
      amount,
      currency,
      chance(0.06) ? 'Yes' : 'No',
    ]);
    const roll = int(0, 9);
    if (roll <= 4)
      payments.push([
        toDate(Math.min(AS_OF + 10, invoiceDate + int(10, 90))),
        customer,
        id,
        amount,
        currency,
      ]);
    else if (roll === 5)
      payments.push([
        toDate(Math.min(AS_OF, invoiceDate + int(10, 60))),
        customer,
        id,
        Math.round(amount * 0.4),
        currency,
      ]);
    else if (roll === 6 && i % 13 === 0)
      payments.push([
        toDate(Math.min(AS_OF, invoiceDate + 30)),
        customer,
        id,
        amount + 1000,
        currency,
      ]);
  }
  invoices.push([
    'CN-0001',
    ACCOUNTS_EN[2]!,
    OWNERS_EN[0]!,
    toDate(AS_OF - 40),
    null,
    toDate(AS_OF - 40),
    -1500,
    'CNY',
    'No',
  ]);
  payments.push([toDate(AS_OF - 12), ACCOUNTS_EN[4]!, null, 8000, 'CNY']);
  payments.push([toDate(AS_OF - 3), ACCOUNTS_EN[1]!, 'INV-9999', 2500, 'CNY']);
  return [
    {
      name: 'Invoices',
      title: `Open and settled invoices to ${SAMPLE_AS_OF}`,
      headers: [
        'Invoice No',
        'Customer',
        'Owner',
        'Invoice Date',
        'Payment Terms',
        'Due Date',
        'Amount',
        'Currency',
        'Disputed',
      ],
      rows: invoices,
      formats: { 'Invoice Date': 'yyyy-mm-dd', 'Due Date': 'yyyy-mm-dd', Amount: '#,##0.00' },
    },
    {
      name: 'Payments',
      headers: ['Payment Date', 'Customer', 'Invoice No', 'Amount', 'Currency'],
      rows: payments,
      formats: { 'Payment Date': 'yyyy-mm-dd', Amount: '#,##0.00' },
    },
  ];
}

async function writeWorkbook(path: string, sheets: SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pipecast samples';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    if (spec.title) {
      sheet.addRow([spec.title]).font = { bold: true, size: 14 };
      sheet.addRow([]);
    }
    const header = sheet.addRow(spec.headers);
    header.font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
    spec.headers.forEach((name, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.max(12, name.length + 4);
      const format = spec.formats?.[name];
      if (format) column.numFmt = format;
    });
  }
  await workbook.xlsx.writeFile(path);
}

/** Writes the sample workbooks into `dir`; returns their paths. */
export async function makeSamples(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, SheetSpec[]][] = [
    ['pipeline-en.xlsx', [pipelineSheet('en')]],
    ['pipeline-zh.xlsx', [pipelineSheet('zh')]],
    ['customers-orders.xlsx', customerSheets()],
    ['invoices-payments.xlsx', receivableSheets()],
  ];
  const paths: string[] = [];
  for (const [name, sheets] of files) {
    const path = join(dir, name);
    await writeWorkbook(path, sheets);
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('.', import.meta.url));
  for (const path of await makeSamples(dir)) process.stdout.write(`${path}\n`);
  process.stdout.write(`as of ${isoFromEpochDay(AS_OF)}\n`);
}
