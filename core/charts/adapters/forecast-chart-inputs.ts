import type { ForecastFunnelResult } from '../../funnel/forecast-funnel.js';
import type { ChartLocale } from '../chart-text.js';
import type { ForecastBandChartInput } from '../forecast-band-chart.js';
import type { FunnelChartInput } from '../funnel-chart.js';
import type { StageConversionChartInput } from '../stage-conversion-chart.js';

/** P10/P50/P90 of one close month, as the pipeline's monthly range gives it. */
export interface MonthRangeInput {
  month: string;
  range: { p10: number; p50: number; p90: number };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Stage name as the chart shows it: the Chinese name in a Chinese report when the template has
 * one, else the name.
 */
function stageLabel(stage: { name: string; nameZh: string }, locale: ChartLocale): string {
  return locale === 'zh' && stage.nameZh !== '' ? stage.nameZh : stage.name;
}

/**
 * The funnel chart input of a forecast: per template stage, in funnel order, the open amount,
 * weighted amount and deal count as forecastFunnel computed them.
 *
 * Formula: none; values are copied from `forecast.stages`.
 * Blanks: stages with no deals are kept (zero bars), so the funnel shape shows every stage.
 *
 * @param forecast - the forecastFunnel result.
 * @param locale - language of the stage names.
 * @returns the funnelChart input.
 * @throws never.
 * @example funnelChartInput(result, 'en').stages[0] // {stage: 'Interest', amount: 300, weighted: 15, count: 5}
 */
export function funnelChartInput(
  forecast: Pick<ForecastFunnelResult, 'stages'>,
  locale: ChartLocale,
): FunnelChartInput {
  return {
    stages: forecast.stages.map((s) => ({
      stage: stageLabel(s, locale),
      amount: s.amount,
      weighted: s.weighted,
      count: s.count,
    })),
  };
}

/**
 * The forecast band chart input: per close month, the weighted amount of `forecast.byMonth` and
 * the P10/P50/P90 of the same month's deals.
 *
 * Formula: none; months are joined by their `YYYY-MM` key.
 * Blanks: "(no date)" and months without a range are left out (they have no band to draw).
 *
 * @param forecast - the forecastFunnel result (byMonth).
 * @param ranges - P10/P50/P90 per close month.
 * @returns the forecastBandChart input, months in calendar order.
 * @throws never.
 * @example forecastBandChartInput(result, [{ month: '2026-07', range: { p10: 0, p50: 40, p90: 90 } }])
 */
export function forecastBandChartInput(
  forecast: Pick<ForecastFunnelResult, 'byMonth'>,
  ranges: readonly MonthRangeInput[],
): ForecastBandChartInput {
  const byKey = new Map(ranges.map((r) => [r.month, r.range]));
  const months = [];
  for (const m of forecast.byMonth) {
    const range = byKey.get(m.key);
    if (!MONTH.test(m.key) || range === undefined) continue;
    months.push({
      month: m.key,
      weighted: m.weighted,
      p10: range.p10,
      p50: range.p50,
      p90: range.p90,
    });
  }
  return { months };
}

/**
 * The stage conversion chart input: each stage's conversion to the next (the last to Won) and
 * the bottleneck the stage KPIs found.
 *
 * Formula: none; conversion is copied from `forecast.stages`.
 * Blanks: a stage no deal reached has conversion null (no bar).
 *
 * @param forecast - the forecastFunnel result (stages, kpis.bottleneck).
 * @param locale - language of the stage names.
 * @returns the stageConversionChart input.
 * @throws never.
 * @example stageConversionChartInput(result, 'zh').stages.find((s) => s.bottleneck)?.stage
 */
export function stageConversionChartInput(
  forecast: Pick<ForecastFunnelResult, 'stages' | 'kpis'>,
  locale: ChartLocale,
): StageConversionChartInput {
  const bottleneck = forecast.kpis.bottleneck?.stageKey;
  return {
    stages: forecast.stages.map((s) => ({
      stage: stageLabel(s, locale),
      conversion: s.conversion,
      ...(s.key === bottleneck ? { bottleneck: true } : {}),
    })),
  };
}
