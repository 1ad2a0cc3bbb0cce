import { describe, expect, it } from 'vitest';
import { forecast } from '../../../core/index.js';

describe('a deal whose status says open but whose stage says won', () => {
  it('is counted as won, with a warning, never dropped silently', () => {
    const run = forecast(
      {
        deals: [
          { id: 'D1', stage: 'Won', status: 'open', amount: 100, closeDate: 19900, row: 2 },
          { id: 'D2', stage: 'Compare', amount: 1000, closeDate: 19950, row: 3 },
        ],
      },
      { asOf: '2024-07-01' },
    );
    // D1 leaves the open pipeline for the won deals; D2 alone is open: 1000 × 30% (Compare).
    expect(run?.result.totals).toMatchObject({ count: 1, amount: 1000, weighted: 300 });
    const warning = run?.warnings.find((w) => w.column === 'status');
    expect(warning).toMatchObject({ row: 2, action: 'assumed' });
    expect(warning?.message).toContain("stage 'Won' is closed; counted as won");
  });
});
