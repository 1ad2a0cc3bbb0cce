import { describe, expect, it } from 'vitest';
import { parsePaymentTerms } from '../../../core/aging/payment-terms.js';

describe('parsePaymentTerms', () => {
  // Expected values: the terms wording itself (net N = N days; 月结N天 = month end + N; COD = 0).
  it.each([
    ['net 30', 30, false],
    ['Net30', 30, false],
    ['NET 45', 45, false],
    ['N30', 30, false],
    ['n/60', 60, false],
    ['30 days', 30, false],
    ['30', 30, false],
    ['60天', 60, false],
    ['３０天', 30, false],
    ['票到30天', 30, false],
    ['2/10 net 30', 30, false],
    ['2/10, n/30', 30, false],
    ['月结60天', 60, true],
    ['月结 30 天', 30, true],
    ['月结', 0, true],
    ['EOM 30', 30, true],
    ['net 30 EOM', 30, true],
    ['货到付款', 0, false],
    ['COD', 0, false],
    ['due on receipt', 0, false],
    ['现结', 0, false],
  ])('reads %j as %i days (month end: %s)', (text, days, monthEnd) => {
    expect(parsePaymentTerms(text)).toEqual({ ok: true, value: { days, monthEnd } });
  });

  it('gives undefined for blank text', () => {
    expect(parsePaymentTerms('  ')).toEqual({ ok: true, value: undefined });
  });

  it.each(['soon', 'net', 'net thirty', '2024-01-31', '30/60/90', '99999 days'])(
    'does not guess %j',
    (text) => {
      const parsed = parsePaymentTerms(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain(text);
    },
  );
});
