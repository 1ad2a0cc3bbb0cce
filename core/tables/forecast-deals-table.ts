import { table, type ColumnTable } from 'arquero';
import { fromMinorUnits } from '../columns/money.js';
import type { ForecastPerDeal } from '../funnel/forecast-funnel.js';
import { LOST, WON } from '../funnel/prepared-deals.js';
import { FORECAST_CATEGORIES } from '../funnel/stage-templates.js';
import type { ForecastRun } from '../workbook/forecast.js';
import { PipecastError } from '../errors/pipecast-error.js';
import type { SourceColumns } from './source-columns.js';
import { NO_SOURCE_COLUMNS, sourceColumns } from './source-columns.js';

/** The forecast's own columns of forecastDealsTable, before the sheet's columns. */
export const FORECAST_DEAL_COLUMNS = [
  'row',
  'id',
  'stage',
  'status',
  'rate',
  'amount',
  'weighted',
  'category',
  'inFunnel',
  'smallOrder',
  'unknownStage',
  'pastClose',
  'stuck',
  'noActivity',
  'unqualified',
] as const;

const STATUS_NAMES = ['open', 'won', 'lost'] as const;

/** The per-deal values of a forecast run with `perRow: true`, or a one-line error. */
export function perDealOf(run: ForecastRun): ForecastPerDeal {
  const perDeal = run.result.perDeal;
  if (perDeal === undefined)
    throw new PipecastError(
      'invalid-option',
      'per-row results need the forecast to keep them: call forecast(input, { ...options, perRow: true })',
    );
  return perDeal;
}

/** The sheet's columns for the run's deals, or none when the deals were given as records. */
export function forecastSourceColumns(run: ForecastRun): SourceColumns {
  const { prepared } = perDealOf(run);
  if (run.sourceGrid === undefined) return NO_SOURCE_COLUMNS;
  return sourceColumns(
    run.sourceGrid,
    run.source?.headerRow ?? null,
    prepared.table.rows(),
    new Set(FORECAST_DEAL_COLUMNS),
    run.sourceReadAs,
  );
}

/**
 * One row per deal of a forecast, as an arquero table: its Excel row, id, stage and status, the
 * win rate used (its own probability, else the stage rate; null outside the funnel), amount and
 * weighted amount, forecast category (pipeline, best-case, commit, closed, omitted; null when
 * not categorised), whether it is in the funnel, and flags: small order, unknown stage, past
 * close, stuck, no activity, unqualified. Then every column of the source sheet, named by its
 * header text, so a script can filter, group, pivot and join. The values are the forecast's
 * own: the weighted amounts of the funnel's deals add up to `result.totals.weighted`.
 *
 * @param run - a forecast() run made with `perRow: true`.
 * @returns the table, one row per deal in sheet order.
 * @throws PipecastError when the run was made without `perRow: true`.
 * @example
 * const run = forecast(sheets, { asOf: '2026-06-30', perRow: true })!;
 * forecastDealsTable(run).groupby('Industry').rollup({ weighted: op.sum('weighted') });
 */
export function forecastDealsTable(run: ForecastRun): ColumnTable {
  const perDeal = perDealOf(run);
  const columns: Record<string, unknown[]> = dealColumns(perDeal, run);
  const source = forecastSourceColumns(run);
  source.names.forEach((name, j) => {
    columns[name] = source.column(j);
  });
  return table(columns);
}

function dealColumns(perDeal: ForecastPerDeal, run: ForecastRun): Record<string, unknown[]> {
  const { prepared, weights, category } = perDeal;
  const { size, scale, status, amountMinor, unknownStage } = prepared;
  const { inFunnel, smallOrder, weightedMinor, probability } = weights;
  const dealTable = prepared.table;
  const idField = dealTable.fieldIndex('id');
  const stageField = dealTable.fieldIndex('stage');
  const rows = dealTable.rows();
  const { hygiene, categories } = run.result;
  const flagged = (list: readonly { row: number }[]): Set<number> =>
    new Set(list.map((deal) => deal.row));
  const pastClose = flagged(hygiene.pastClose);
  const stuck = flagged(hygiene.stuck);
  const noActivity = flagged(hygiene.noActivity);
  const unqualified = flagged(categories.unqualified);
  const money = (minor: number): number | null =>
    minor === minor ? fromMinorUnits(minor, scale) : null;
  const each = <T>(value: (i: number) => T): T[] =>
    Array.from({ length: size }, (_, i) => value(i));
  const open = (i: number): boolean => status[i] !== WON && status[i] !== LOST;
  return {
    row: each((i) => rows[i] as number),
    id: each((i) => (dealTable.get(idField, i) as string | undefined) ?? null),
    stage: each((i) => (dealTable.get(stageField, i) as string | undefined) ?? null),
    status: each((i) => STATUS_NAMES[status[i] as number] ?? null),
    rate: each((i) => {
      const rate = inFunnel[i] === 1 ? (probability[i] as number) : NaN;
      return rate === rate ? rate : null;
    }),
    amount: each((i) => money(amountMinor[i] as number)),
    weighted: each((i) => money(weightedMinor[i] as number)),
    category: each((i) => FORECAST_CATEGORIES[category[i] as number] ?? null),
    inFunnel: each((i) => inFunnel[i] === 1),
    smallOrder: each((i) => smallOrder[i] === 1),
    unknownStage: each((i) => open(i) && unknownStage[i] === 1),
    pastClose: each((i) => pastClose.has(rows[i] as number)),
    stuck: each((i) => stuck.has(rows[i] as number)),
    noActivity: each((i) => noActivity.has(rows[i] as number)),
    unqualified: each((i) => unqualified.has(rows[i] as number)),
  };
}
