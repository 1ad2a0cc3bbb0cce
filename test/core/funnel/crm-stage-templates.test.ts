import { describe, expect, it } from 'vitest';
import { matchColumns } from '../../../core/columns/match-columns.js';
import { forecast, STAGE_TEMPLATES } from '../../../core/index.js';

describe('Salesforce and HubSpot stage models', () => {
  it('ship the published default probabilities', () => {
    // Salesforce's standard Stage picklist and HubSpot's default pipeline (sources in
    // core/funnel/crm-stage-templates.ts).
    expect(STAGE_TEMPLATES.salesforce.stages.map((s) => [s.name, s.rate])).toEqual([
      ['Prospecting', 0.1],
      ['Qualification', 0.1],
      ['Needs Analysis', 0.2],
      ['Value Proposition', 0.5],
      ['Id. Decision Makers', 0.6],
      ['Perception Analysis', 0.7],
      ['Proposal/Price Quote', 0.75],
      ['Negotiation/Review', 0.9],
    ]);
    expect(STAGE_TEMPLATES.hubspot.stages.map((s) => [s.name, s.rate])).toEqual([
      ['Appointment scheduled', 0.2],
      ['Qualified to buy', 0.4],
      ['Presentation scheduled', 0.6],
      ['Decision maker bought-in', 0.8],
      ['Contract sent', 0.9],
    ]);
  });

  it('recognise the headers of a Salesforce and a HubSpot export', () => {
    const salesforce = matchColumns(
      [
        'Opportunity Name',
        'Account Name',
        'Opportunity Owner',
        'Stage',
        'Amount',
        'Probability (%)',
        'Close Date',
        'Forecast Category',
      ],
      { kind: 'deal' },
    );
    expect(salesforce.matched.map((m) => m.field)).toEqual([
      'id',
      'account',
      'owner',
      'stage',
      'amount',
      'probability',
      'closeDate',
      'forecastCategory',
    ]);
    const hubspot = matchColumns(
      ['Deal Name', 'Deal Stage', 'Deal owner', 'Amount', 'Close Date', 'Pipeline'],
      { kind: 'deal' },
    );
    expect(hubspot.matched.map((m) => [m.header, m.field])).toEqual([
      ['Deal Name', 'id'],
      ['Deal Stage', 'stage'],
      ['Deal owner', 'owner'],
      ['Amount', 'amount'],
      ['Close Date', 'closeDate'],
    ]);
  });

  it('choose the HubSpot model for a HubSpot export and weight by its rates', () => {
    const run = forecast(
      [
        {
          name: 'Deals',
          values: [
            ['Deal Name', 'Deal Stage', 'Deal owner', 'Amount', 'Close Date', 'Pipeline'],
            ['D1', 'Appointment scheduled', 'Ann', 1000, '2024-08-01', 'Sales Pipeline'],
            ['D2', 'Contract sent', 'Bo', 2000, '2024-08-15', 'Sales Pipeline'],
            ['D3', 'Closed won', 'Bo', 500, '2024-06-30', 'Sales Pipeline'],
          ],
        },
      ],
      { asOf: '2024-07-01' },
    );
    expect(run?.result.template.key).toBe('hubspot');
    // 1000 × 20% + 2000 × 90% = 200 + 1,800 = 2,000.
    expect(run?.result.totals.weighted).toBe(2000);
  });
});
