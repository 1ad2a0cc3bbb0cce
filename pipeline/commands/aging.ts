import {
  ageReceivables,
  type AgeReceivablesOptions,
  type AgingReport,
  type DataWarning,
  epochDayFromIso,
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  type PlainSectionKey,
  textFor,
} from '../../core/index.js';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs, singleOperand } from '../parse-command-args.js';
import { UsageError } from '../cli-io.js';
import type { SheetGrid } from '../read-workbook.js';
import { agingBreakdownsText, agingWithBreakdowns } from './aging-breakdowns.js';
import type { AgingReportWithBreakdowns } from './aging-breakdowns.js';
import { readInputPath } from '../read-input-path.js';
import { dsoReasonText } from '../report/report-parts.js';
import { outputJson } from '../render/output-json.js';
import { cutTextTable, moreRowsLine, textTable } from '../render/text-table.js';

const USAGE = `Usage: pipecast aging <file> [--as-of YYYY-MM-DD] [options]

Receivables aging at a date: open balances as the ledger showed them that day, buckets per
customer, owner and currency, unapplied cash, DSO (standard and countback), days late,
bad-debt provision and who to call first. The file is a workbook with an invoices sheet and
optionally a payments sheet (each recognised by its headers, English or Chinese), or one CSV of
invoices (a paid/settled date column counts as payment in full that day).

Options:
  --as-of DATE          the ledger date, YYYY-MM-DD (default: the day after the last invoice,
                        paid date or payment; the output says so)
  --by due|invoice      bucket by days past due (default) or by days since the invoice
  --by COLUMN           any other value: break the aging down by that column of the invoice
                        sheet (header text or letter); repeatable
  --by-column COLUMN    the same, for a column named "due" or "invoice"
  --buckets 30,60,90,180  upper bucket bounds after Current (default 30,60,90,180)
  --sheet NAME          read only this sheet (as invoices)
  --currency CODE       currency of rows whose currency cell is blank
  --base CODE --rates USD=7.1,EUR=7.8
                        add currencies up in CODE at these rates (otherwise one section each)
  --dso-days N          DSO window in days (default 90)
  --provision R1,R2,…   loss rate per bucket (0–1, or percent with %), for the provision
  --margin M            net margin (0–1 or %) for the sales needed to cover the provision
  --invoices            list open invoices one by one (JSON and text)
  --config FILE         pipecast.json (docs/pipecast.schema.json): aging keys, invoice sheet; flags win
  --json                print one JSON object
  -h, --help            show this help
`;

/** Open invoices listed per currency in the text report. */
const TEXT_PRIORITY_ROWS = 10;
const TEXT_WARNINGS = 20;

interface AgingArgs {
  file: string;
  sheet: string | undefined;
  json: boolean;
  core: AgeReceivablesOptions;
  /** Sheet columns to break the aging down by (--by COLUMN, --by-column). */
  breakdownColumns: string[];
  /** Whether the invoice lines go into the output (--invoices). */
  listInvoices: boolean;
}

export type { AgingReport } from '../../core/index.js';
export type { AgingSheetReport } from '../../core/index.js';

/** `pipecast aging`: receivables aging of one workbook or CSV at an as-of date. */
export async function agingCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseAgingArgs(args);
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  let grids: SheetGrid[];
  try {
    grids = await readInputPath(options.file, { sheet: options.sheet });
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast aging: ${error.message}\n`);
    return 1;
  }

  const breakingDown = options.breakdownColumns.length > 0;
  const run = ageReceivables(grids, {
    ...options.core,
    ...(breakingDown ? { invoiceLines: 'open', perRow: true } : {}),
    file: options.file,
    forceInvoices: options.sheet !== undefined,
  });
  const { warnings, asOfSource } = run;
  const report: AgingReportWithBreakdowns | null = breakingDown
    ? agingWithBreakdowns(run, options)
    : run.report;
  if (report === null) {
    io.stderr(
      `pipecast aging: no sheet of ${options.file} holds invoices (needs invoice number, invoice date and amount columns; try pipecast inspect)\n`,
    );
    for (const w of warnings) io.stderr(`  ${formatWarning(w)}\n`);
    return 1;
  }
  io.stdout(
    options.json
      ? `${outputJson({ ...report, asOfSource }, 2)}
`
      : formatAging(report, asOfSource) + agingBreakdownsText(report.breakdowns),
  );
  return 0;
}

/** --by values: 'due' or 'invoice' choose the bucket basis (once); others name columns. */
function splitByValues(values: readonly string[]): { basis: 'due' | 'invoice'; columns: string[] } {
  const bases = values.filter((value) => value === 'due' || value === 'invoice');
  if (bases.length > 1) throw new UsageError(`--by due|invoice given ${bases.length} times`);
  return {
    basis: (bases[0] as 'due' | 'invoice' | undefined) ?? 'due',
    columns: values.filter((value) => value !== 'due' && value !== 'invoice'),
  };
}

/** --buckets: increasing whole numbers of days > 0, the buckets' upper edges. */
function parseBucketEdges(text: string): number[] {
  const edges = numberList('--buckets', text, false);
  const increasing = edges.every(
    (edge, i) => Number.isInteger(edge) && edge > 0 && (i === 0 || edge > (edges[i - 1] as number)),
  );
  if (!increasing)
    throw new UsageError(`--buckets must be increasing whole numbers > 0, got '${text}'`);
  return edges;
}

/** --rates CODE=rate,…: exchange rates to the base currency, each > 0. */
function parseRates(text: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const pair of text.split(',')) {
    const [code, rate] = pair.split('=');
    const value = Number(rate);
    if (code === undefined || code.trim() === '' || !Number.isFinite(value) || value <= 0) {
      throw new UsageError(`--rates wants CODE=rate,…, got '${pair}'`);
    }
    rates[code.trim()] = value;
  }
  return rates;
}

function parseAgingArgs(args: string[]): AgingArgs | 'help' {
  const { values, positionals } = parseCommandArgs('aging', args, {
    'as-of': { type: 'string' },
    by: { type: 'string', multiple: true },
    'by-column': { type: 'string', multiple: true },
    buckets: { type: 'string' },
    sheet: { type: 'string' },
    currency: { type: 'string' },
    base: { type: 'string' },
    rates: { type: 'string' },
    'dso-days': { type: 'string' },
    provision: { type: 'string' },
    margin: { type: 'string' },
    invoices: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  const file = singleOperand('aging', positionals, 'one file to age');
  const asOfText = values['as-of'];
  const asOf = asOfText === undefined ? undefined : epochDayFromIso(asOfText.trim());
  if (asOfText !== undefined && asOf === undefined)
    throw new UsageError(`--as-of '${asOfText}' is not a YYYY-MM-DD date`);
  const { basis: by, columns: breakdownColumns } = splitByValues(values.by ?? []);
  breakdownColumns.push(...(values['by-column'] ?? []));
  const core: AgeReceivablesOptions = {
    ...(asOf === undefined ? {} : { asOf }),
    by,
    invoiceLines: values.invoices ? 'open' : 'none',
  };
  if (values.buckets !== undefined) core.buckets = parseBucketEdges(values.buckets);
  if (values.currency !== undefined) core.currency = values.currency;
  if ((values.base === undefined) !== (values.rates === undefined)) {
    throw new UsageError('--base and --rates go together');
  }
  if (values.base !== undefined && values.rates !== undefined) {
    core.baseCurrency = values.base;
    core.rates = parseRates(values.rates);
  }
  if (values['dso-days'] !== undefined) {
    const days = Number(values['dso-days']);
    if (!Number.isInteger(days) || days <= 0) {
      throw new UsageError(`--dso-days must be a whole number > 0, got '${values['dso-days']}'`);
    }
    core.dsoDays = days;
  }
  if (values.provision !== undefined) {
    const rates = numberList('--provision', values.provision, true);
    const expected = (core.buckets?.length ?? 4) + (by === 'due' ? 2 : 1);
    if (rates.length !== expected || rates.some((rate) => rate < 0 || rate > 1)) {
      throw new UsageError(
        `--provision needs ${expected} rates between 0 and 1 (one per bucket), got '${values.provision}'`,
      );
    }
    core.provisionRates = rates;
  }
  if (values.margin !== undefined) {
    const [margin] = numberList('--margin', values.margin, true);
    if (margin === undefined || margin <= 0 || margin > 1) {
      throw new UsageError(`--margin must be in (0, 1] or (0%, 100%], got '${values.margin}'`);
    }
    core.netMargin = margin;
  }
  return {
    file,
    sheet: values.sheet,
    json: values.json,
    core,
    breakdownColumns,
    listInvoices: values.invoices,
  };
}

/** Comma-separated numbers; with `fractions`, "5%" reads as 0.05. */
function numberList(flag: string, text: string, fractions: boolean): number[] {
  return text.split(',').map((part) => {
    const t = part.trim();
    const percent = fractions && t.endsWith('%');
    const value = Number(percent ? t.slice(0, -1) : t);
    if (t === '' || !Number.isFinite(value)) {
      throw new UsageError(`${flag}: '${part}' is not a number`);
    }
    return percent ? value / 100 : value;
  });
}

const money = formatMoney;
const days = (n: number | null): string => formatDecimal(n, 1);
const count = formatCount;

function formatWarning(w: DataWarning): string {
  const where = [w.sheet, w.row === undefined ? undefined : `row ${w.row}`, w.column]
    .filter((x) => x !== undefined)
    .join(', ');
  return `${where ? `[${where}] ` : ''}${w.message} (${w.action})`;
}

/** The human-readable report. */
export function formatAging(report: AgingReport, asOfSource: 'option' | 'data' = 'option'): string {
  const fromData =
    asOfSource === 'data'
      ? ' (the day after the last invoice, paid date or payment; pass --as-of to fix it)'
      : '';
  const { counts } = report;
  const out: string[] = [
    `Receivables aging of ${report.file} as of ${report.asOf}${fromData}, by days ${report.by === 'due' ? 'past due' : 'since invoice'}`,
    `Sheets: ${report.sheets.map((s) => `${s.sheet} (${s.kind ?? 'skipped'}, ${count(s.records)} rows)`).join('; ')}`,
    `Invoices aged ${count(counts.invoicesAged)}, after as-of ${count(counts.invoicesAfterAsOf)}; payments applied ${count(counts.paymentsApplied)}, unapplied ${count(counts.paymentsUnapplied)}, after as-of ${count(counts.paymentsAfterAsOf)}`,
  ];
  if (report.note) out.push(`Note: ${report.note}`);
  for (const section of report.currencies) out.push('', ...sectionLines(section));
  if (report.warnings.length > 0) {
    out.push('', `Warnings (${count(report.warnings.length)}):`);
    for (const w of report.warnings.slice(0, TEXT_WARNINGS)) out.push(`  ${formatWarning(w)}`);
    if (report.warnings.length > TEXT_WARNINGS)
      out.push(`  ${moreRowsLine(report.warnings.length - TEXT_WARNINGS)}`);
  }
  return `${out.join('\n')}\n`;
}

type AgingSectionText = AgingReport['currencies'][number];

/** One currency: buckets, totals, DSO, provision, then who to call and who owes most. */
function sectionLines(section: AgingSectionText): string[] {
  const t = section.totals;
  const heading = (key: PlainSectionKey<'report'>): string => textFor('en', `report.${key}`);
  const out = [
    `== ${section.currency ?? 'currency not given'} ==`,
    textTable(
      [heading('bucket'), heading('amount'), heading('items')],
      section.buckets.map((b) => [b.label, money(b.amount), count(b.count)]),
      { indent: '  ', footer: [[heading('open'), money(t.open), count(t.openItems)]] },
    ),
    `  Overdue ${money(t.overdue)} (${formatPercent(t.shareOverdue)}), credits ${money(t.credit)}, unapplied cash ${money(t.unapplied)}, net ${money(t.net)}`,
    `  DSO standard ${days(section.dso.standard)} days, countback ${days(section.dso.countback)} days (${section.dso.days}-day window, sales ${money(section.dso.creditSales)})${section.dso.reason === null ? '' : `: ${dsoReasonText(section.dso.reason, section.dso.days, { locale: 'en' })}`}`,
    `  Days late of settled invoices: mean ${days(section.averageDaysLate.simple)}, amount-weighted ${days(section.averageDaysLate.weighted)} (${count(section.averageDaysLate.invoices)} invoices, ${count(section.averageDaysLate.lateInvoices)} late)`,
  ];
  if (section.provision) {
    out.push(
      `  Provision ${money(section.provision.total)}${section.provision.salesToCover === null ? '' : `; extra sales to cover it ${money(section.provision.salesToCover)}`}`,
    );
  }
  out.push(...unappliedLines(section), ...priorityLines(section), ...customerLines(section));
  if (section.invoices.length > 0) {
    out.push('  Open invoices:');
    for (const l of section.invoices) {
      out.push(
        `    ${l.invoice} ${l.customer} ${l.invoiceDate} due ${l.dueDate} open ${money(l.open)} ${l.bucket ?? ''}${l.disputed ? ' disputed' : ''}`,
      );
    }
  }
  return out;
}

/** Unapplied cash per customer, largest first as the core lists it. */
function unappliedLines(section: AgingSectionText): string[] {
  if (section.unapplied.length === 0) return [];
  const out = ['  Unapplied cash:'];
  for (const u of section.unapplied.slice(0, TEXT_PRIORITY_ROWS)) {
    out.push(
      `    ${u.customer}: ${money(u.amount)} (${count(u.count)} payments, ${u.firstDate} … ${u.lastDate})`,
    );
  }
  if (section.unapplied.length > TEXT_PRIORITY_ROWS)
    out.push(`    ${moreRowsLine(section.unapplied.length - TEXT_PRIORITY_ROWS)}`);
  return out;
}

/** Who to call first, in the core's priority order (overdue × days past due). */
function priorityLines(section: AgingSectionText): string[] {
  if (section.priority.length === 0) return [];
  const rows = section.priority.map((p) => [
    count(p.rank),
    p.customer,
    money(p.overdue),
    count(p.maxDaysPastDue),
    [
      p.disputed ? `disputed ${money(p.disputedAmount)}` : '',
      p.creditUse === null ? '' : `credit use ${formatPercent(p.creditUse, 0)}`,
    ]
      .filter(Boolean)
      .join(', '),
  ]);
  const header = ['#', 'Customer', 'Overdue', 'Max days past due', ''];
  return [
    '  Call first (overdue × days past due):',
    cutTextTable(header, rows, {
      limit: TEXT_PRIORITY_ROWS,
      indent: '    ',
      rightAligned: [true, false, true, true, false],
    }),
  ];
}

/** Customers with an open balance, largest open amount first. */
function customerLines(section: AgingSectionText): string[] {
  const owing = section.customers
    .filter((customer) => customer.open !== 0)
    .sort((a, b) => b.open - a.open || b.overdue - a.overdue || (a.id < b.id ? -1 : 1));
  if (owing.length === 0) return [];
  const heading = (key: PlainSectionKey<'report'>): string => textFor('en', `report.${key}`);
  return [
    '  Customers by open amount:',
    cutTextTable(
      [heading('customer'), heading('open'), heading('overdue'), heading('items')],
      owing.map((c) => [c.id, money(c.open), money(c.overdue), count(c.openItems)]),
      { limit: TEXT_PRIORITY_ROWS, indent: '    ' },
    ),
  ];
}
