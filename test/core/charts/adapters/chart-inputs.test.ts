import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../../../core/aging/age-receivables.js';
import {
  agingStackedChartInput,
  topOverdueChartInput,
} from '../../../../core/charts/adapters/aging-chart-inputs.js';
import {
  forecastBandChartInput,
  funnelChartInput,
  stageConversionChartInput,
} from '../../../../core/charts/adapters/forecast-chart-inputs.js';
import {
  paretoChartInput,
  portfolioScatterChartInput,
  rfmSegmentMapChartInput,
} from '../../../../core/charts/adapters/segment-chart-inputs.js';
import { agingStackedChart } from '../../../../core/charts/aging-stacked-chart.js';
import { funnelChart } from '../../../../core/charts/funnel-chart.js';
import { paretoChart } from '../../../../core/charts/pareto-chart.js';
import { portfolioScatterChart } from '../../../../core/charts/portfolio-scatter-chart.js';
import { rfmSegmentMapChart } from '../../../../core/charts/rfm-segment-map-chart.js';
import { stageConversionChart } from '../../../../core/charts/stage-conversion-chart.js';
import { topOverdueChart } from '../../../../core/charts/top-overdue-chart.js';
import { epochDayFromIso } from '../../../../core/columns/epoch-day.js';
import type { Deal, Invoice } from '../../../../core/columns/records.js';
import { forecastFunnel } from '../../../../core/funnel/forecast-funnel.js';
import { abc } from '../../../../core/segments/abc.js';
import { portfolio } from '../../../../core/segments/portfolio.js';
import { rfm } from '../../../../core/segments/rfm.js';

const day = (iso: string) => epochDayFromIso(iso)!;

const DEALS: Deal[] = [
  { row: 2, id: 'D1', stage: 'Design', amount: 100, closeDate: day('2026-07-10') },
  { row: 3, id: 'D2', stage: '承诺', amount: 200, closeDate: day('2026-07-20') },
  { row: 4, id: 'D3', stage: 'Compare', amount: 50 },
];

describe('forecast chart inputs', () => {
  const forecast = forecastFunnel(DEALS, { asOf: day('2026-06-30'), template: 'six' });

  it('funnelChartInput copies every template stage in funnel order, Chinese names for zh', () => {
    const en = funnelChartInput(forecast, 'en');
    expect(en.stages.map((s) => s.stage)).toEqual(forecast.stages.map((s) => s.name));
    // Design: 100 × 20% = 20 (DOMAIN.md six-stage rate)
    expect(en.stages[2]).toEqual({
      stage: 'Design (dig into needs)',
      amount: 100,
      weighted: 20,
      count: 1,
    });
    const zh = funnelChartInput(forecast, 'zh');
    expect(zh.stages.map((s) => s.stage)).toEqual(forecast.stages.map((s) => s.nameZh || s.name));
    expect(() => funnelChart(zh, { locale: 'zh' })).not.toThrow();
  });

  it('forecastBandChartInput joins months by key and leaves out (no date) and months without a range', () => {
    const input = forecastBandChartInput(forecast, [
      { month: '2026-07', range: { p10: 0, p50: 100, p90: 300 } },
      { month: '2026-09', range: { p10: 1, p50: 2, p90: 3 } }, // no deals that month: not drawn
    ]);
    // July: 100 × 20% + 200 × 50% = 120
    expect(input.months).toEqual([{ month: '2026-07', weighted: 120, p10: 0, p50: 100, p90: 300 }]);
    expect(forecastBandChartInput(forecast, []).months).toEqual([]);
  });

  it('stageConversionChartInput marks the bottleneck stage the KPIs found', () => {
    const input = stageConversionChartInput(forecast, 'en');
    expect(input.stages).toHaveLength(forecast.stages.length);
    const marked = input.stages.filter((s) => s.bottleneck);
    const expected = forecast.kpis.bottleneck;
    expect(marked.map((s) => s.stage)).toEqual(
      expected ? [forecast.stages.find((s) => s.key === expected.stageKey)!.name] : [],
    );
    expect(() => stageConversionChart(input)).not.toThrow();
  });

  it('forecast adapters do not mutate the result', () => {
    const copy = structuredClone(forecast);
    funnelChartInput(forecast, 'zh');
    stageConversionChartInput(forecast, 'en');
    forecastBandChartInput(forecast, []);
    expect(forecast).toEqual(copy);
  });
});

describe('segment chart inputs', () => {
  it('paretoChartInput keeps the ranking order and leaves out blank values', () => {
    const result = abc([
      { id: 'B', revenue: 150 },
      { id: 'A', revenue: 800 },
      { id: 'C', revenue: 50 },
      { id: 'X', revenue: null },
    ]);
    const input = paretoChartInput(result);
    // 800/1000 = 80% → A; 950/1000 = 95% → B; the rest C (DOMAIN.md 80/95)
    expect(input.customers).toEqual([
      { customer: 'A', revenue: 800, abcClass: 'A' },
      { customer: 'B', revenue: 150, abcClass: 'B' },
      { customer: 'C', revenue: 50, abcClass: 'C' },
    ]);
    expect(() => paretoChart(input)).not.toThrow();
    expect(paretoChartInput({ customers: [] })).toEqual({ customers: [] });
  });

  it('rfmSegmentMapChartInput gives each grid cell its English segment name and count', () => {
    const lines = [
      { row: 2, customer: 'C1', invoice: 'I1', date: day('2026-06-01'), amount: 100 },
      { row: 3, customer: 'C2', invoice: 'I2', date: day('2026-01-01'), amount: 10 },
    ];
    const result = rfm(lines, { asOf: day('2026-06-30') });
    const input = rfmSegmentMapChartInput(result);
    expect(input.cells.reduce((n, c) => n + c.count, 0)).toBe(2);
    for (const c of input.cells) expect(c.segment).toMatch(/^[A-Z]/);
    expect(() => rfmSegmentMapChart(input, { locale: 'zh' })).not.toThrow();
  });

  it('portfolioScatterChartInput draws classified customers with the thresholds used', () => {
    const result = portfolio([
      { id: 'P1', potential: 1000, share: 0.1 },
      { id: 'P2', potential: 100, share: 0.8 },
      { id: 'P3', potential: null, share: 0.5 },
    ]);
    const input = portfolioScatterChartInput(result);
    expect(input.customers.map((c) => c.customer).sort()).toEqual(['P1', 'P2']);
    expect(input.potentialLine).toBe(result.thresholds.potential);
    expect(input.shareLine).toBe(result.thresholds.share);
    expect(() => portfolioScatterChart(input)).not.toThrow();
  });
});

describe('aging chart inputs', () => {
  const invoices: Invoice[] = [
    {
      row: 2,
      invoice: 'I1',
      customer: 'Acme',
      owner: 'Ann',
      invoiceDate: day('2026-04-01'),
      dueDate: day('2026-05-01'),
      amount: 300,
    },
    {
      row: 3,
      invoice: 'I2',
      customer: 'Bolt',
      owner: 'Ann',
      invoiceDate: day('2026-06-20'),
      dueDate: day('2026-07-20'),
      amount: 100,
    },
  ];
  const section = ageReceivables(invoices, [], { asOf: '2026-06-30' }).sections[0]!;

  it('agingStackedChartInput gives each customer its non-zero bucket amounts, buckets in order', () => {
    const input = agingStackedChartInput(section, 'customer');
    expect(input.buckets).toEqual(section.buckets.map((b) => b.label));
    // I1: 60 days past due on 2026-06-30 → 31–60; I2 not yet due → Current
    expect(input.amounts).toEqual([
      { group: 'Acme', bucket: '31–60', amount: 300 },
      { group: 'Bolt', bucket: 'Current', amount: 100 },
    ]);
    expect(agingStackedChartInput(section, 'owner').amounts.map((a) => a.group)).toEqual([
      'Ann',
      'Ann',
    ]);
    expect(() => agingStackedChart(input)).not.toThrow();
  });

  it('topOverdueChartInput passes every customer with its overdue balance', () => {
    const input = topOverdueChartInput(section);
    expect(input.customers).toEqual([
      { customer: 'Acme', overdue: 300 },
      { customer: 'Bolt', overdue: 0 },
    ]);
    expect(() => topOverdueChart(input)).not.toThrow();
  });
});
