import { describe, expect, it } from 'vitest';
import type { DataWarning } from '../../../core/index.js';
import { shownWarnings } from '../../../pipeline/render/shown-warnings.js';

function warning(row: number): DataWarning {
  return {
    code: 'duplicate-id',
    message: `invoice repeated at row ${row}`,
    row,
    action: 'row kept',
  };
}

describe('shownWarnings', () => {
  // 50 listed warnings and the collector's summary of the 2,416 it stopped listing (the shape
  // `pipecast aging` gives for the two receivables exports read together).
  const summary: DataWarning = {
    code: 'more-warnings',
    message: '… and 2,416 more like this: repeated invoice numbers',
    count: 2416,
    action: 'row kept',
  };
  const warnings = [...Array.from({ length: 50 }, (_, i) => warning(i + 2)), summary];

  it('keeps the "… and N more like this" summary that the cut would hide', () => {
    const { shown, hidden } = shownWarnings(warnings, 20);
    expect(shown).toHaveLength(21);
    expect(shown.at(-1)).toBe(summary);
    // 51 warnings − 20 listed − 1 summary = 30 left for --json.
    expect(hidden).toBe(30);
  });

  it('cuts nothing when the warnings fit', () => {
    expect(shownWarnings(warnings.slice(0, 5), 20)).toEqual({
      shown: warnings.slice(0, 5),
      hidden: 0,
    });
  });
});
