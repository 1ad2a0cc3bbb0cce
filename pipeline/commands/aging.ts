import {
  ageReceivables,
  type AgeReceivablesOptions,
  type AgingReport,
  type DataWarning,
  epochDayFromIso,
  type Locale,
  textFor,
  agingBucketName,
  type TextKey,
  formatCount,
  formatDecimal,
  formatMoney,
  type PlainSectionKey,
} from '../../core/index.js';
import {
  chooseLocale,
  colon,
  LOCALE_OPTION,
  parseLocaleFlag,
  rowText,
  warningWithAction,
  sayIn,
} from '../cli-locale.js';
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
import { shownWarnings } from '../render/shown-warnings.js';
import { errorLineOf } from '../failure-line.js';

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
                        sheet (header text or letter), a table per currency; repeatable
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
  --config FILE         pipecast.json (docs/pipecast.schema.json): aging keys, invoice sheet, locale;
                        flags win
  --locale en|zh        language of the output; default from the config, else the headers
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
  locale: Locale | undefined;
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
    io.stderr(`pipecast aging: ${errorLineOf(error, options.locale ?? 'en')}\n`);
    return 1;
  }

  const locale = chooseLocale(options.locale, grids);
  io.useLocale?.(locale);
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
    io.stderr(`pipecast aging: ${textFor(locale, 'cli.noInvoices', { file: options.file })}\n`);
    for (const w of warnings) io.stderr(`  ${formatWarning(w, locale)}\n`);
    return 1;
  }
  const { invoicesAged, invoicesAfterAsOf, firstInvoiceAfterAsOf } = report.counts;
  if (invoicesAged === 0 && firstInvoiceAfterAsOf !== null) {
    const reason = textFor(locale, 'cli.nothingToAge', {
      day: report.asOf,
      count: count(invoicesAfterAsOf),
      first: firstInvoiceAfterAsOf,
    });
    io.stderr(`pipecast aging: ${options.file}: ${reason}\n`);
    return 1;
  }
  io.stdout(
    options.json
      ? `${outputJson({ ...report, asOfSource }, 2)}
`
      : formatAging(report, asOfSource, locale) +
          agingBreakdownsText(report.breakdowns, locale, report.currencies.length > 1),
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
    ...LOCALE_OPTION,
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  const file = singleOperand('aging', positionals, 'aging');
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
    locale: parseLocaleFlag(values.locale),
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

function formatWarning(w: DataWarning, locale: Locale): string {
  const where = [w.sheet, w.row === undefined ? undefined : rowText(w.row, locale), w.column]
    .filter((x) => x !== undefined)
    .join(', ');
  return `${where ? `[${where}] ` : ''}${warningWithAction(w, locale)}`;
}

/** The human-readable report, in English unless another locale is given. */
export function formatAging(
  report: AgingReport,
  asOfSource: 'option' | 'data' = 'option',
  locale: Locale = 'en',
): string {
  const say = sayIn(locale);
  const out: string[] = [
    say('cli.agingHeadline', {
      file: report.file,
      day: report.asOf,
      fromData:
        asOfSource === 'data' ? `${locale === 'zh' ? '' : ' '}${say('cli.agingAsOfFromData')}` : '',
      basis: say(report.by === 'due' ? 'cli.agingBasis_due' : 'cli.agingBasis_invoice'),
    }),
    say('cli.agingSheets', {
      sheets: report.sheets
        .map((s) =>
          say('cli.agingSheet', {
            sheet: s.sheet,
            kind: s.kind === null ? say('cli.sheetSkipped') : say(`term.kind_${s.kind}` as TextKey),
            rows: count(s.records),
          }),
        )
        .join(locale === 'zh' ? '；' : '; '),
    }),
    say('cli.agingCounts', {
      aged: count(report.counts.invoicesAged),
      invoicesAfter: count(report.counts.invoicesAfterAsOf),
      applied: count(report.counts.paymentsApplied),
      unapplied: count(report.counts.paymentsUnapplied),
      paymentsAfter: count(report.counts.paymentsAfterAsOf),
    }),
  ];
  if (report.note) out.push(currenciesNote(report, locale));
  for (const s of report.currencies) out.push(...currencyLines(s, locale));
  if (report.warnings.length > 0) {
    out.push('', say('cli.warningsHeading', { count: count(report.warnings.length) }));
    const { shown, hidden } = shownWarnings(report.warnings, TEXT_WARNINGS);
    for (const w of shown) out.push(`  ${formatWarning(w, locale)}`);
    if (hidden > 0) out.push(`  ${moreRowsLine(hidden, locale)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Why the top-level figures are null: several currencies, never added together. */
function currenciesNote(report: AgingReport, locale: Locale): string {
  const say = sayIn(locale);
  if (report.currencies.length < 2) return say('cli.note', { note: report.note ?? '' });
  return say('cli.agingCurrenciesNote', {
    count: report.currencies.length,
    currencies: report.currencies
      .map((s) => s.currency ?? say('cli.blankCurrency'))
      .join(locale === 'zh' ? '、' : ', '),
  });
}

type CurrencySection = AgingReport['currencies'][number];

/** One currency's buckets, totals, DSO, provision, unapplied cash, call list and invoices. */
function currencyLines(s: CurrencySection, locale: Locale): string[] {
  const say = sayIn(locale);
  const out = ['', `== ${s.currency ?? say('cli.currencyNotGiven')} ==`];
  const t = s.totals;
  const heading = (key: PlainSectionKey<'report'>): string => textFor(locale, `report.${key}`);
  out.push(
    textTable(
      [heading('bucket'), heading('amount'), heading('items')],
      // What is owed per bucket, as the aging chart stacks it, and the credits on their own row.
      [
        ...s.buckets.map((b) => [
          agingBucketName(b.label, locale),
          money(b.owed),
          count(b.count - b.creditCount),
        ]),
        ...(t.credit < 0 ? [[heading('credits'), money(t.credit), count(creditItems(s))]] : []),
      ],
      { indent: '  ', footer: [[say('cli.openRow'), money(t.open), count(t.openItems)]] },
    ),
    `  ${say('cli.agingOverdueLine', {
      overdue: money(t.overdue),
      share: t.shareOverdue === null ? '–' : formatDecimal(t.shareOverdue * 100, 1),
      credits: money(t.credit),
      unapplied: money(t.unapplied),
      net: money(t.net),
    })}`,
    `  ${say('cli.agingDsoLine', {
      standard: days(s.dso.standard),
      countback: days(s.dso.countback),
      window: count(s.dso.days),
      sales: money(s.dso.creditSales),
    })}${s.dso.reason === null ? '' : `${colon(locale)}${dsoReasonText(s.dso.reason, s.dso.days, { locale })}`}`,
    `  ${say('cli.agingDaysLateLine', {
      mean: days(s.averageDaysLate.simple),
      weighted: days(s.averageDaysLate.weighted),
      invoices: count(s.averageDaysLate.invoices),
      late: count(s.averageDaysLate.lateInvoices),
    })}`,
  );
  if (s.provision) {
    const cover =
      s.provision.salesToCover === null
        ? ''
        : say('cli.agingSalesToCover', { amount: money(s.provision.salesToCover) });
    out.push(`  ${say('cli.agingProvision', { amount: money(s.provision.total) })}${cover}`);
  }
  if (s.unapplied.length > 0) {
    out.push(`  ${say('cli.unappliedHeading')}`);
    for (const u of s.unapplied.slice(0, TEXT_PRIORITY_ROWS)) {
      const line =
        u.count === 1
          ? say('cli.unappliedLineOne', {
              customer: u.customer,
              amount: money(u.amount),
              first: u.firstDate,
            })
          : say('cli.unappliedLine', {
              customer: u.customer,
              amount: money(u.amount),
              count: count(u.count),
              first: u.firstDate,
              last: u.lastDate,
            });
      out.push(`    ${line}`);
    }
    if (s.unapplied.length > TEXT_PRIORITY_ROWS)
      out.push(`    ${moreRowsLine(s.unapplied.length - TEXT_PRIORITY_ROWS, locale)}`);
  }
  out.push(...priorityLines(s, locale), ...customerLines(s, locale));
  if (s.invoices.length > 0) {
    out.push(`  ${say('cli.openInvoicesHeading')}`);
    for (const l of s.invoices) {
      const line = say('cli.openInvoiceLine', {
        invoice: l.invoice,
        customer: l.customer,
        date: l.invoiceDate,
        due: l.dueDate,
        open: money(l.open),
        bucket: l.bucket ?? '',
      });
      out.push(`    ${line}${l.disputed ? ` ${say('cli.disputed')}` : ''}`);
    }
  }
  return out;
}

/** Who to call first, with disputes and credit use. */
function priorityLines(s: CurrencySection, locale: Locale): string[] {
  if (s.priority.length === 0) return [];
  const say = sayIn(locale);
  const out = [`  ${say('cli.callFirstHeading')}`];
  for (const p of s.priority.slice(0, TEXT_PRIORITY_ROWS)) {
    const flags = [
      p.disputed ? say('cli.disputedAmount', { amount: money(p.disputedAmount) }) : '',
      p.creditUse === null
        ? ''
        : say('cli.creditUse', { percent: formatDecimal(p.creditUse * 100, 0) }),
    ]
      .filter(Boolean)
      .join(locale === 'zh' ? '，' : ', ');
    const line = say('cli.callFirstLine', {
      customer: p.customer,
      overdue: money(p.overdue),
      days: count(p.maxDaysPastDue),
    });
    const flagText = flags === '' ? '' : locale === 'zh' ? `（${flags}）` : ` (${flags})`;
    out.push(`    ${String(p.rank).padStart(3)}. ${line}${flagText}`);
  }
  if (s.priority.length > TEXT_PRIORITY_ROWS)
    out.push(`    ${moreRowsLine(s.priority.length - TEXT_PRIORITY_ROWS, locale)}`);
  return out;
}

/**
 * Customers with an open balance, largest open amount first: open = not yet due + overdue +
 * credits, so a credit note shows as its own figure and never hides a debt past due.
 */
function customerLines(s: CurrencySection, locale: Locale): string[] {
  const owing = s.customers
    .filter((customer) => customer.open !== 0)
    .sort((a, b) => b.open - a.open || b.overdue - a.overdue || (a.id < b.id ? -1 : 1));
  if (owing.length === 0) return [];
  const heading = (key: PlainSectionKey<'report'>): string => textFor(locale, `report.${key}`);
  return [
    `  ${textFor(locale, 'cli.customersByOpen')}`,
    cutTextTable(
      [
        heading('customer'),
        heading('open'),
        heading('notYetDue'),
        heading('overdue'),
        heading('credits'),
        heading('items'),
      ],
      owing.map((c) => [
        c.id,
        money(c.open),
        money(c.notYetDue),
        money(c.overdue),
        money(c.credit),
        count(c.openItems),
      ]),
      { limit: TEXT_PRIORITY_ROWS, indent: '    ', locale },
    ),
  ];
}

/** The open items with a negative balance (credit notes, overpaid invoices) of a section. */
function creditItems(s: CurrencySection): number {
  return s.buckets.reduce((items, b) => items + b.creditCount, 0);
}
