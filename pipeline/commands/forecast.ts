import { readFile } from 'node:fs/promises';
import {
  coded,
  epochDayFromIso,
  forecast,
  forecastBreakdown,
  type ForecastBreakdown,
  type ForecastFunnelResult,
  type ForecastStageRow,
  type MissingValues,
  parseStageTemplate,
  STAGE_TEMPLATES,
  type StageTemplate,
  type StageTemplateKey,
  type Locale,
  textFor,
  warningMessage,
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  stageNameIn,
  onePerColumn,
} from '../../core/index.js';
import { WorkbookReadError } from '../../core/readers/index.js';
import type { CliIo } from '../cli-io.js';
import { parseCommandArgs, singleOperand } from '../parse-command-args.js';
import { UsageError } from '../cli-io.js';
import type { SheetGrid } from '../read-workbook.js';
import { renderBreakdownText } from '../render/breakdown-text.js';
import { cutTextTable, moreRowsLine, textTable } from '../render/text-table.js';
import { shownWarnings } from '../render/shown-warnings.js';
import { templateLineText } from '../report/localized-report-text.js';
import {
  bottleneckLineText,
  cycleVelocityText,
  winRatesLineText,
} from '../report/forecast-kpi-text.js';
import {
  chooseLocale,
  LOCALE_HELP,
  LOCALE_OPTION,
  parseLocaleFlag,
  rowPrefix,
  sayIn,
} from '../cli-locale.js';
import { readInputPath } from '../read-input-path.js';
import { outputJson } from '../render/output-json.js';

import { errorLineOf } from '../failure-line.js';

/** Warnings listed in the text report; `--json` lists them all. */
export const DEFAULT_TEXT_WARNINGS = 20;

const USAGE = `Usage: pipecast forecast <file> [--sheet NAME] [--template six|key-account|generic|salesforce|hubspot|FILE.json]
                         [--as-of YYYY-MM-DD] [--quota N] [--small-orders N] [--previous FILE]
                         [--seed N] [--by COLUMN]... [--locale en|zh] [--json]

Weighted funnel forecast of one pipeline sheet: stages, owners, months, forecast categories,
stage KPIs and bottleneck, learned win rates, sales velocity, P10/P50/P90, hygiene lists.
Stage names may be English or Chinese (兴趣, 酝酿(建立信任), …). Reads .xlsx, .csv; writes nothing.
A sheet of stage changes (deal, stage, date) in the same workbook is used as stage history.

Options:
  --sheet NAME      the pipeline sheet (default: the first sheet that reads as deals)
  --template T      six, key-account, generic, salesforce, hubspot, or a JSON file {name, stages:[{name, zh?, rate?}]}
                    (default: the built-in template matching the stage names, else the data's own stages)
  --as-of DATE      the forecast date (default: the day after the last recorded event, such as a
                    closed deal, an activity or a stage change; the output says so)
  --quota N         team quota, for coverage and gap
  --small-orders N  open deals below N are small orders, added back as a run-rate
  --previous FILE   an earlier export of the same pipeline, for slippage
  --seed N          seed of the P10/P50/P90 simulation (when one is needed)
  --by COLUMN       break the funnel down by any column of the sheet (header text or letter);
                    repeatable; a column named twice (header, letter, other language) is shown once
  --config FILE     pipecast.json (docs/pipecast.schema.json): template, quota, seed, locale; flags win
${LOCALE_HELP}
  --json            print one JSON object instead of text
  -h, --help        show this help
`;

interface ForecastArgs {
  file: string;
  sheet?: string;
  template?: string;
  asOf?: string;
  quota?: number;
  smallOrders?: number;
  previous?: string;
  seed?: number;
  by: string[];
  locale: Locale | undefined;
  json: boolean;
}

/** What `--json` prints: the core result plus where it came from. */
export interface ForecastJson extends ForecastFunnelResult {
  file: string;
  sheet: string;
  /** 'data': the day after the pipeline's last recorded event (no --as-of given). */
  asOfSource: 'option' | 'data';
  input: {
    headerRow: number | null;
    rowsRead: number;
    rowsDropped: number;
    missing: Record<string, MissingValues>;
    historySheet: string | null;
  };
  /** With --by: the funnel per value of each column named, once per sheet column. */
  breakdowns?: ForecastBreakdown[];
}

/** `pipecast forecast`: the funnel forecast of one pipeline sheet. */
export async function forecastCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseForecastArgs(args);
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  let asOf: number | undefined;
  if (options.asOf !== undefined) {
    asOf = epochDayFromIso(options.asOf);
    if (asOf === undefined) throw new UsageError(coded('error.asOfValue', { value: options.asOf }));
  }
  const template = await loadTemplate(options.template);

  let sheets: SheetGrid[];
  let previous: SheetGrid[] | undefined;
  try {
    sheets = await readInputPath(options.file, { sheet: options.sheet });
    if (options.previous !== undefined)
      previous = await readInputPath(options.previous, { sheet: options.sheet });
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    io.stderr(`pipecast forecast: ${errorLineOf(error, options.locale ?? 'en')}\n`);
    return 1;
  }
  const locale = chooseLocale(options.locale, sheets);
  io.useLocale?.(locale);
  const run = forecast(sheets, {
    ...(asOf === undefined ? {} : { asOf }),
    file: options.file,
    template,
    quota: options.quota,
    smallOrderThreshold: options.smallOrders,
    ...(previous === undefined ? {} : { previous }),
    seed: options.seed,
    perRow: options.by.length > 0,
  });
  if (run === null || run.source === null) {
    io.stderr(`pipecast forecast: ${textFor(locale, 'cli.noPipeline', { file: options.file })}\n`);
    return 1;
  }
  const { result, warnings, source } = run;
  const json: ForecastJson = {
    file: source.file,
    sheet: source.sheet,
    asOfSource: run.asOf.source,
    input: {
      headerRow: source.headerRow,
      rowsRead: source.rowsRead,
      rowsDropped: source.rowsDropped,
      missing: source.missing,
      historySheet: source.historySheet,
    },
    ...result,
    warnings,
    ...(options.by.length > 0
      ? { breakdowns: onePerColumn(options.by.map((column) => [forecastBreakdown(run, column)])) }
      : {}),
  };
  io.stdout(
    options.json
      ? `${outputJson(json, 2)}\n`
      : renderText(json, locale) + forecastBreakdownsText(json.breakdowns, locale),
  );
  return 0;
}

/** The --by tables after the report, or nothing. */
function forecastBreakdownsText(
  breakdowns: readonly ForecastBreakdown[] | undefined,
  locale: Locale,
): string {
  if (breakdowns === undefined) return '';
  const measures = [
    { field: 'amount', heading: textFor(locale, 'report.amount') },
    { field: 'weighted', heading: textFor(locale, 'report.weighted') },
  ];
  const deals = textFor(locale, 'report.deals');
  return breakdowns.map((b) => `\n${renderBreakdownText(b, measures, locale, deals)}\n`).join('');
}

async function loadTemplate(name: string | undefined): Promise<StageTemplate | undefined> {
  if (name === undefined) return undefined;
  if (name in STAGE_TEMPLATES) return STAGE_TEMPLATES[name as StageTemplateKey];
  if (!name.toLowerCase().endsWith('.json'))
    throw new UsageError(coded('error.templateValue', { value: name }));
  let text: string;
  try {
    text = await readFile(name, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read template file ${name}: ${(error as Error).message}`);
  }
  try {
    return parseStageTemplate(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    throw new UsageError(`template file ${name}: ${(error as Error).message}`);
  }
}

function parseForecastArgs(args: string[]): ForecastArgs | 'help' {
  const { values, positionals } = parseCommandArgs('forecast', args, {
    sheet: { type: 'string' },
    template: { type: 'string' },
    'as-of': { type: 'string' },
    quota: { type: 'string' },
    'small-orders': { type: 'string' },
    previous: { type: 'string' },
    seed: { type: 'string' },
    by: { type: 'string', multiple: true },
    ...LOCALE_OPTION,
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  const file = singleOperand('forecast', positionals, 'pipeline');
  const number = (flag: string, text: string | undefined, integer = false): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (
      text.trim() === '' ||
      !Number.isFinite(value) ||
      value < 0 ||
      (integer && !Number.isInteger(value))
    )
      throw new UsageError(
        `--${flag} must be a ${integer ? 'whole ' : ''}number ≥ 0, got '${text}'`,
      );
    return value;
  };
  return {
    file,
    sheet: values.sheet,
    template: values.template,
    asOf: values['as-of'],
    quota: number('quota', values.quota),
    smallOrders: number('small-orders', values['small-orders']),
    previous: values.previous,
    seed: number('seed', values.seed, true),
    by: values.by ?? [],
    locale: parseLocaleFlag(values.locale),
    json: values.json,
  };
}

const money = formatMoney;
const pct = (value: number | null): string => formatPercent(value);
const count = formatCount;

/** Owners by weighted amount, then open amount, then deals (largest first), names last. */
function ownersByWeight(owners: ForecastJson['byOwner']): ForecastJson['byOwner'] {
  return [...owners].sort(
    (a, b) =>
      b.weighted - a.weighted ||
      b.amount - a.amount ||
      b.count - a.count ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

function renderText(forecast: ForecastJson, locale: Locale): string {
  const say = sayIn(locale);
  const out: string[] = [];
  out.push(say('cli.sheetOfFile', { file: forecast.file, sheet: forecast.sheet }));
  out.push(
    say(forecast.asOfSource === 'data' ? 'cli.asOfFromPipeline' : 'cli.asOf', {
      day: forecast.asOf,
    }),
  );
  out.push(say('cli.templateLine', { template: templateText(forecast, locale) }));
  if (forecast.input.historySheet)
    out.push(say('cli.stageHistory', { sheet: forecast.input.historySheet }));
  out.push('', stageTable(forecast, locale), '');
  out.push(...headlineLines(forecast, locale));
  if (forecast.byOwner.length > 0) {
    out.push('');
    out.push(
      cutTextTable(
        [say('report.owner'), say('cli.count'), say('report.amount'), say('report.weighted')],
        ownersByWeight(forecast.byOwner).map((group) => [
          group.name,
          count(group.count),
          money(group.amount),
          money(group.weighted),
        ]),
        { locale },
      ),
    );
  }
  if (forecast.warnings.length > 0) {
    out.push('');
    out.push(say('cli.warningsHeading', { count: count(forecast.warnings.length) }));
    const { shown, hidden } = shownWarnings(forecast.warnings, DEFAULT_TEXT_WARNINGS);
    for (const warning of shown)
      out.push(
        `  ${warning.row === undefined ? '' : rowPrefix(warning.row, locale)}${warningMessage(warning, locale)}`,
      );
    if (hidden > 0) out.push(`  ${moreRowsLine(hidden, locale)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The KPIs of the unknown-stage row: none, its deals have no place in the funnel's order. */
const NO_STAGE_KPIS = {
  reached: 0,
  conversion: null,
  avgDaysInStage: null,
  learnedFrom: 0,
  learnedRate: null,
} as const;

/** The template and why it was used, in the locale (the report's own words for it). */
function templateText(forecast: ForecastJson, locale: Locale): string {
  return templateLineText(forecast.template, forecast.stages.length, locale);
}

/**
 * The stage table with its total row, as text: the "Unknown stage" row before the total when
 * open deals name a stage the model lacks, and a "Probability (from file)" column when the file's
 * probability column weighed some deals.
 */
function stageTable(forecast: ForecastJson, locale: Locale): string {
  const say = sayIn(locale);
  const { unknownStage } = forecast;
  const rows: ForecastStageRow[] = unknownStage
    ? [...forecast.stages, { ...unknownStage, ...NO_STAGE_KPIS }]
    : forecast.stages;
  const fromFile = rows.some((stage) => stage.probabilityFromFile !== null);
  const stageRows = rows.map((stage) => [
    stageNameIn(stage, locale),
    ...(fromFile ? [pct(stage.probabilityFromFile)] : []),
    stage.rate === null
      ? '—'
      : stage.rateSource === 'learned'
        ? say('cli.rateLearned', { rate: pct(stage.rate), n: count(stage.learnedFrom ?? 0) })
        : pct(stage.rate),
    count(stage.count),
    money(stage.amount),
    money(stage.weighted),
    pct(stage.conversion),
  ]);
  const { totals } = forecast;
  stageRows.push([
    say('report.total'),
    ...(fromFile ? [''] : []),
    '',
    count(totals.count),
    money(totals.amount),
    money(totals.weighted),
    '',
  ]);
  const rateHeaders = fromFile
    ? [say('cli.probabilityFromFile'), say('cli.stageRate')]
    : [say('report.rate')];
  const totalRow = stageRows.pop() ?? [];
  return textTable(
    [
      say('report.stage'),
      ...rateHeaders,
      say('cli.count'),
      say('report.amount'),
      say('report.weighted'),
      say('report.conversion'),
    ],
    stageRows,
    { footer: [totalRow] },
  );
}

/** Won and lost, roll-ups, quota, range, KPIs, hygiene and slippage, one line each. */
function headlineLines(forecast: ForecastJson, locale: Locale): string[] {
  const say = sayIn(locale);
  const out: string[] = [];
  out.push(
    say('cli.wonLost', {
      won: count(forecast.won.count),
      amount: money(forecast.won.amount),
      lost: count(forecast.lost.count),
    }),
  );
  if (forecast.unknownStages.length > 0)
    out.push(
      say('cli.unknownStages', {
        stages: forecast.unknownStages
          .map(
            (unknown) =>
              `${unknown.name === '' ? say('report.blankValue') : unknown.name} ×${count(unknown.count)}`,
          )
          .join(', '),
      }),
    );
  const { smallOrders, smallOrderRunRate } = forecast;
  if (smallOrders && smallOrderRunRate)
    out.push(
      say('cli.smallOrders', {
        threshold: money(smallOrders.threshold),
        count: count(smallOrders.count),
        amount: money(smallOrders.amount),
        addBack: money(smallOrderRunRate.addBack),
        days: smallOrderRunRate.horizonDays,
      }),
    );
  const rollups = forecast.categories.rollups;
  out.push(
    say('cli.rollups', {
      commit: money(rollups.commitForecast),
      bestCase: money(rollups.bestCaseForecast),
      pipeline: money(rollups.pipelineForecast),
    }),
  );
  if (forecast.categories.unqualified.length > 0)
    out.push(say('cli.unqualifiedDeals', { count: count(forecast.categories.unqualified.length) }));
  if (forecast.quota) out.push(quotaLine(forecast.quota.total, locale));
  out.push(...kpiLines(forecast, locale));
  const { hygiene } = forecast;
  out.push(
    say('cli.hygieneLine', {
      pastClose: count(hygiene.pastClose.length),
      stuck: count(hygiene.stuck.length),
      noActivity: count(hygiene.noActivity.length),
    }),
  );
  if (forecast.slippage)
    out.push(
      say('cli.slippageLine', {
        pushedOut: count(forecast.slippage.totals.pushedOut),
        cut: count(forecast.slippage.totals.amountCut),
        back: count(forecast.slippage.totals.stageBack),
      }),
    );
  return out;
}

/** Quota, won and what is left, coverage and gap, each saying what it is (DOMAIN.md section 1). */
function quotaLine(total: NonNullable<ForecastJson['quota']>['total'], locale: Locale): string {
  return textFor(locale, 'cli.quotaLine', {
    quota: money(total.quota),
    closed: money(total.closed),
    remaining: money(total.remaining),
    coverage: total.coverage === null ? '–' : `${formatDecimal(total.coverage, 2)}×`,
    pipeline: money(total.pipeline),
    gap: money(total.gap),
  });
}

/** The range, bottleneck, cycle and velocity, and what the win rates rest on. */
function kpiLines(forecast: ForecastJson, locale: Locale): string[] {
  const say = sayIn(locale);
  const { range } = forecast;
  const bottleneck = bottleneckLineText(forecast, locale);
  return [
    say('cli.rangeLine', {
      p10: money(range.p10),
      p50: money(range.p50),
      p90: money(range.p90),
      method: say(`cli.method_${range.method}`),
      error: range.cdfError.toPrecision(2),
    }),
    ...(bottleneck === null ? [] : [bottleneck]),
    cycleVelocityText(forecast, locale),
    winRatesLineText(forecast, locale),
  ];
}
