import { describe, expect, it } from 'vitest';
import type { SheetValues } from '../../../core/index.js';
import { forecast, forecastBreakdown } from '../../../core/index.js';

/** A Salesforce-style export: its headers, the given stage names, amounts and probabilities. */
function salesforceSheet(rows: readonly (readonly [string, number, number | null])[]): SheetValues {
  return {
    name: 'Opportunities',
    values: [
      ['Opportunity Name', 'Stage', 'Amount', 'Probability (%)', 'Close Date'],
      ...rows.map(([stage, amount, probability], index) => [
        `O${index + 1}`,
        stage,
        amount,
        probability,
        '2024-09-30',
      ]),
    ],
  };
}

describe('issue 17: a deal in no stage of the model is never dropped from the totals unseen', () => {
  it('counts open deals of an unknown stage in their own row and in the totals, named in a warning', () => {
    const run = forecast(
      [
        salesforceSheet([
          ['Prospecting', 1000, null],
          ['Negotiation/Review', 2000, null],
          ['Discovery Call', 500, null],
          ['Discovery Call', 300, 40],
          ['Closed Won', 700, null],
        ]),
      ],
      { asOf: '2024-07-01', template: 'salesforce' },
    );
    const result = run!.result;
    // Unknown row: the two 'Discovery Call' deals, 500 + 300 = 800; weighted only by their own
    // probability (no stage rate): 300 × 40% = 120, the other unweighted.
    expect(result.unknownStage).toMatchObject({
      key: '(unknown)',
      name: 'Unknown stage',
      nameZh: '未知阶段',
      rate: null,
      count: 2,
      amount: 800,
      weighted: 120,
      unweighted: 1,
    });
    // Totals: 3 known + unknown = 4 open deals; 1000 + 2000 + 800 = 3,800; weighted
    // 1000 × 10% + 2000 × 90% + 120 = 100 + 1,800 + 120 = 2,020 (Salesforce defaults).
    expect(result.totals).toEqual({ count: 4, amount: 3800, weighted: 2020 });
    const stageSum = [...result.stages, result.unknownStage!].reduce(
      (sum, row) => sum + row.amount,
      0,
    );
    expect(stageSum).toBe(result.totals.amount);
    // The owner groups add up to the totals too: all four deals have no owner.
    expect(result.byOwner).toEqual([
      { key: '', name: '(none)', count: 4, amount: 3800, weighted: 2020 },
    ]);
    const warning = result.warnings.find((w) => w.code === 'unknown-stage');
    expect(warning).toMatchObject({ raw: 'Discovery Call', count: 2, column: 'stage', row: 4 });
    expect(warning?.message).toMatch(/Stage "Discovery Call" \(2 deal\(s\)\).*"Unknown stage" row/);
  });

  it('a breakdown by a column of the sheet adds up to the totals, unknown-stage deals included', () => {
    const run = forecast(
      [
        salesforceSheet([
          ['Prospecting', 1000, null],
          ['Discovery Call', 500, 40],
        ]),
      ],
      { asOf: '2024-07-01', template: 'salesforce', perRow: true },
    )!;
    const rows = forecastBreakdown(run, 'Stage').rows;
    // Prospecting 1000 × 10% = 100; Discovery Call 500 × 40% (own probability) = 200.
    const byKey = rows.map((row) => [row.key, row.count, row.amount, row.weighted]).sort();
    expect(byKey).toEqual([
      ['Discovery Call', 1, 500, 200],
      ['Prospecting', 1, 1000, 100],
    ]);
    expect(run.result.totals).toEqual({ count: 2, amount: 1500, weighted: 300 });
  });

  it('has no unknown-stage row when every open deal is in a stage of the model', () => {
    const run = forecast([salesforceSheet([['Prospecting', 1000, null]])], {
      asOf: '2024-07-01',
    });
    expect(run!.result.unknownStage).toBeNull();
    // 1000 × 10% (Salesforce Prospecting) = 100.
    expect(run!.result.totals).toEqual({ count: 1, amount: 1000, weighted: 100 });
  });
});

describe('issue 17: the stage model is chosen by the best match over all stages', () => {
  it('takes Salesforce for Salesforce stage names that the generic model knows only as aliases', () => {
    // 'Needs Analysis', 'Proposal/Price Quote' and 'Negotiation/Review' are in both the generic
    // model (one name, two aliases) and Salesforce's (three own names): the same 100% share, so
    // the own names decide, not which model is listed first.
    const run = forecast(
      [
        salesforceSheet([
          ['Needs Analysis', 1000, null],
          ['Proposal/Price Quote', 1000, null],
          ['Negotiation/Review', 1000, null],
        ]),
      ],
      { asOf: '2024-07-01' },
    );
    expect(run!.result.template.key).toBe('salesforce');
    // Salesforce defaults: 1000 × (20% + 75% + 90%) = 1,850.
    expect(run!.result.totals.weighted).toBe(1850);
  });

  it('still takes the model recognising the most deals when shares differ', () => {
    // Generic recognises 'Initial contact' (its own) and 'Proposal/Price Quote' (alias): 2 of 2;
    // Salesforce only the latter: 1 of 2.
    const run = forecast(
      [
        salesforceSheet([
          ['Initial contact', 1000, null],
          ['Proposal/Price Quote', 1000, null],
        ]),
      ],
      { asOf: '2024-07-01' },
    );
    expect(run!.result.template.key).toBe('generic');
  });
});

describe('issue 17: the rate shown is the file probability column when there is one', () => {
  it('gives each stage the probability from the file its weighted amount used', () => {
    const run = forecast(
      [
        salesforceSheet([
          ['Prospecting', 1000, 20],
          ['Prospecting', 3000, 60],
          ['Negotiation/Review', 2000, null],
        ]),
      ],
      { asOf: '2024-07-01', template: 'salesforce' },
    );
    const stages = run!.result.stages;
    // Prospecting: (1000 × 20% + 3000 × 60%) ÷ 4000 = (200 + 1,800) ÷ 4,000 = 50%.
    expect(stages[0]).toMatchObject({ rate: 0.1, probabilityFromFile: 0.5, weighted: 2000 });
    // Negotiation/Review has no deal with a probability: its 90% stage rate weighs it.
    expect(stages[7]).toMatchObject({ rate: 0.9, probabilityFromFile: null, weighted: 1800 });
  });

  it('leaves probabilityFromFile null everywhere without a probability column', () => {
    const run = forecast(
      [
        {
          name: 'Deals',
          values: [
            ['Stage', 'Amount'],
            ['Prospecting', 1000],
          ],
        },
      ],
      { asOf: '2024-07-01', template: 'salesforce' },
    );
    expect(run!.result.stages.every((stage) => stage.probabilityFromFile === null)).toBe(true);
  });
});
