import { describe, expect, it } from 'vitest';
import { DEFAULT_PANE_SETTINGS, toPaneSettings } from '../../addin/src/excel/settings.js';

describe('toPaneSettings', () => {
  it('reads back what the pane stored', () => {
    const stored = {
      version: 1,
      source: { type: 'table', name: 'Deals' },
      analysis: 'aging',
      mappings: { aging: { amount: 'Betrag' } },
      parameters: { aging: { asOf: '2026-06-30', buckets: '30, 60' } },
      extraSheets: { aging: 'Payments' },
    };
    expect(toPaneSettings(JSON.stringify(stored))).toEqual(stored);
  });

  it('falls back to the defaults field by field for anything it cannot read', () => {
    expect(toPaneSettings('{')).toEqual(DEFAULT_PANE_SETTINGS);
    const odd = toPaneSettings(
      JSON.stringify({ analysis: 'magic', source: { type: 'x' }, mappings: 3 }),
    );
    expect(odd).toEqual(DEFAULT_PANE_SETTINGS);
  });
});
