import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import { agingStackedChart } from '../../../core/charts/aging-stacked-chart.js';
import { shortLabel, shortUniqueLabels } from '../../../core/charts/chart-labels.js';
import { funnelChart, funnelChartMeasure } from '../../../core/charts/funnel-chart.js';
import { moneyAxis, onAxis } from '../../../core/charts/money-axis.js';
import { topOverdueChart } from '../../../core/charts/top-overdue-chart.js';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { compileWarnings, specRows } from './spec-helpers.js';

const d = (iso: string): number => epochDayFromIso(iso) as number;

describe('moneyAxis', () => {
  it('moneyAxis keeps plain numbers below 100,000 and cents below 100', () => {
    expect(moneyAxis('Amount', [0, 99_999], 'en')).toEqual({
      divisor: 1,
      title: 'Amount',
      axisFormat: ',~f',
      labelFormat: ',.0f',
    });
    // 0.25 with '~s' read "250m"; small amounts keep their digits.
    expect(moneyAxis('Amount', [0.25, 0.5], 'en').labelFormat).toBe(',.2~f');
  });

  it('moneyAxis picks the unit the largest value reaches 100 of, by language', () => {
    // 1,344,000 ≥ 100 × 1,000 but < 100 × 1,000,000 → thousands; in Chinese ≥ 100 × 10,000 → 万.
    expect(moneyAxis('Amount', [0, 1_344_000], 'en')).toMatchObject({
      divisor: 1e3,
      title: 'Amount (thousands)',
    });
    expect(moneyAxis('金额', [0, 1_344_000], 'zh', 'CNY')).toMatchObject({
      divisor: 1e4,
      title: '金额（CNY，万）',
    });
    expect(moneyAxis('Amount', [-250_000_000], 'en', 'USD').title).toBe('Amount (USD, millions)');
    expect(moneyAxis('金额', [3e10], 'zh').title).toBe('金额（亿）');
  });

  it('moneyAxis ignores non-finite values and gives divisor 1 for none', () => {
    expect(moneyAxis('Amount', [Number.NaN, Infinity], 'en').divisor).toBe(1);
    expect(moneyAxis('Amount', [], 'en').divisor).toBe(1);
  });

  it('onAxis divides without float noise', () => {
    const axis = moneyAxis('Amount', [1e6], 'en');
    expect(onAxis(300.1, axis)).toBe(0.3001);
  });
});

describe('shortLabel', () => {
  it('shortLabel leaves names up to 40 characters alone and cuts longer ones with an ellipsis', () => {
    const stage = 'Interest (customer analysis) 兴趣(客户分析)'; // 38 characters
    expect(shortLabel(stage)).toBe(stage);
    expect(shortLabel('x'.repeat(10_000_000))).toBe(`${'x'.repeat(39)}…`);
    expect([...shortLabel('名'.repeat(50))]).toHaveLength(40);
  });

  it('shortLabel never splits a character outside the BMP', () => {
    expect(shortLabel('𠀀'.repeat(10), 5)).toBe(`${'𠀀'.repeat(4)}…`);
  });

  it('shortUniqueLabels keeps names that a cut made equal apart', () => {
    expect(shortUniqueLabels(['Acme North Holdings', 'Acme North Trading', 'Bolt'], 11)).toEqual([
      'Acme North…',
      'Acme North… (2)',
      'Bolt',
    ]);
  });
});

describe('funnelChart on zero and missing amounts', () => {
  const stages = [
    { stage: 'Prospecting', amount: 0, weighted: 0, count: 500 },
    { stage: 'Engaging', amount: 0, weighted: 0, count: 1589 },
  ];

  it('funnelChart draws deal counts when no open deal has an amount, and says why', () => {
    expect(funnelChartMeasure(stages)).toBe('count');
    const spec = funnelChart({ stages });
    expect(spec.title).toEqual({
      text: 'Pipeline by stage',
      subtitle: 'No open deal has an amount, so the bars count deals',
    });
    expect(specRows(spec).map((row) => row.value)).toEqual([500, 1589]);
    expect(JSON.stringify(spec)).toContain('"title":"Open deals"');
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('funnelChart with no open deal at all says so over a 0–1 axis', () => {
    const none = stages.map((stage) => ({ ...stage, count: 0 }));
    expect(funnelChartMeasure(none)).toBe('none');
    const spec = funnelChart({ stages: none }, { locale: 'zh' });
    expect(spec.title).toEqual({ text: '各阶段商机漏斗', subtitle: '没有可显示的未结商机' });
    expect(JSON.stringify(spec)).toContain('"domain":[0,1]');
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('funnelChart keeps the amount funnel when one stage has an amount', () => {
    const some = [{ ...stages[0]!, amount: 100, weighted: 10 }, stages[1]!];
    expect(funnelChartMeasure(some)).toBe('amount');
    expect(funnelChart({ stages: some }).title).toEqual({ text: 'Pipeline by stage' });
  });
});

describe('agingStackedChart and topOverdueChart on credits', () => {
  const input = {
    buckets: ['Current', '1–30', '181+'],
    groupBy: 'customer' as const,
    amounts: [
      { group: 'Beta Ltd', bucket: '1–30', amount: 50_000 },
      { group: 'Beta Ltd', bucket: '181+', amount: -51_000 },
      { group: 'Acme', bucket: 'Current', amount: 2_000 },
    ],
  };

  it('agingStackedChart stacks what is owed and draws credits as one labelled bar above zero', () => {
    const spec = agingStackedChart(input);
    const rows = specRows(spec);
    expect(rows.every((row) => Number(row.axisAmount) > 0)).toBe(true);
    // Credits: the one negative (group, bucket) balance, −51,000, drawn 51,000 high.
    expect(rows.filter((row) => row.isCredit === true)).toEqual([
      expect.objectContaining({ bucket: 'Credits', amount: -51_000, axisAmount: 51_000 }),
    ]);
    expect(JSON.stringify(spec)).toContain('"domain":["Current","1–30","181+","Credits"]');
    expect((spec.title as { subtitle: string }).subtitle).toMatch(/Credits .* their own bar/);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('agingStackedChart without credits has no credits bar and no note', () => {
    const spec = agingStackedChart({ ...input, amounts: input.amounts.slice(0, 1) });
    expect(JSON.stringify(spec)).not.toContain('Credits');
    expect(spec.title).toEqual({ text: 'Receivables aging by bucket' });
  });

  it('topOverdueChart leaves out customers whose credits cover what is overdue', () => {
    const spec = topOverdueChart({
      customers: [
        { customer: 'Beta Ltd', overdue: -1_000 },
        { customer: 'Acme', overdue: 0 },
        { customer: 'Cosmo', overdue: 2_000 },
      ],
    });
    expect(specRows(spec).map((row) => row.label)).toEqual(['Cosmo']);
  });
});

describe('ageReceivables dso.reason', () => {
  const invoice = (id: string, date: string, amount: number) => ({
    row: 2,
    invoice: id,
    customer: 'ACME',
    invoiceDate: d(date),
    dueDate: d(date) + 30,
    amount,
  });

  it('says nothing open and nothing invoiced when all is paid and the window is empty', () => {
    const result = ageReceivables(
      [invoice('A1', '2024-01-01', 100)],
      [{ row: 2, invoice: 'A1', date: d('2024-02-01'), amount: 100 }],
      { asOf: '2024-12-31' },
    );
    // AR 0, no invoice in the 90 days to 2024-12-31: standard has nothing to divide by.
    expect(result.sections[0]?.dso).toMatchObject({
      standard: null,
      countback: 0,
      reason: 'nothing-open-no-sales',
    });
  });

  it('says credit balance when credits exceed what is owed, and nothing when both DSO stand', () => {
    const credit = ageReceivables(
      [invoice('A1', '2024-06-01', 100), invoice('C1', '2024-06-05', -300)],
      [],
      { asOf: '2024-06-30' },
    );
    expect(credit.sections[0]?.dso.reason).toBe('credit-balance');
    const fine = ageReceivables([invoice('A1', '2024-06-01', 100)], [], { asOf: '2024-06-30' });
    expect(fine.sections[0]?.dso.reason).toBeNull();
  });

  it('says no sales in the window when something is open but nothing was invoiced lately', () => {
    const result = ageReceivables([invoice('A1', '2024-01-01', 100)], [], { asOf: '2024-12-31' });
    expect(result.sections[0]?.dso).toMatchObject({
      standard: null,
      reason: 'no-sales-in-window',
    });
  });
});
