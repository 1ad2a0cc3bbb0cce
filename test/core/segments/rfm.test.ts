import { describe, expect, it } from 'vitest';
import { DEFAULT_B2B_THRESHOLDS, rfm } from '../../../core/segments/rfm.js';
import { fmScore, RFM_SEGMENTS, rfmSegment } from '../../../core/segments/rfm-segment.js';
import { localizeKnownName } from '../../../core/charts/chart-text.js';
import { day, line } from './order-lines.js';

const AS_OF = day('2024-03-31');

// Five customers, one order each unless stated, so each metric's ranking is easy to follow.
// recency (days to 2024-03-31): a 1, b 10, c 10, d 30, e 90
// frequency (distinct invoices): a 3, b 2, c 1, d 1, e 1
// monetary: a 500, b 300, c 300, d 100, e 50 (e also returned 20 of 70 via a cancellation)
const LINES = [
  line('a', 'A1', '2024-03-01', 100),
  line('a', 'A2', '2024-03-15', 200),
  line('a', 'A3', '2024-03-30', 200),
  line('b', 'B1', '2024-03-01', 100),
  line('b', 'B2', '2024-03-21', 200),
  line('c', 'C-less', '2024-03-21', 300),
  line('d', 'D1', '2024-03-01', 100),
  line('e', 'E1', '2024-01-01', 70),
  line('e', 'C9', '2024-02-01', -20),
];

describe('rfm', () => {
  it('scores by 1 + floor(5 × worse ÷ n) with ties together (DOMAIN.md)', () => {
    const result = rfm(LINES, { asOf: AS_OF });
    const byId = Object.fromEntries(result.customers.map((c) => [c.id, c]));
    // n = 5. Recency worse = more days: a 4 → 5; b, c 2 → 1 + floor(10/5) = 3; d 1 → 2; e 0 → 1.
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => byId[id]!.r)).toEqual([5, 3, 3, 2, 1]);
    // Frequency worse = fewer: a 4 → 5; b 3 → 4; c, d, e 0 → 1.
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => byId[id]!.f)).toEqual([5, 4, 1, 1, 1]);
    // Monetary: a 4 → 5; b, c 2 → 3; d 1 → 2; e 0 → 1.
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => byId[id]!.m)).toEqual([5, 3, 3, 2, 1]);
    // FM = round half up of (F+M)/2: a 5; b (4+3)/2 = 3.5 → 4; c 2; d 1.5 → 2; e 1.
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => byId[id]!.fm)).toEqual([5, 4, 2, 2, 1]);
    // Grid: a R5 FM5 Champions; b R3 FM4 Loyal; c R3 FM2 About to sleep; d R2 FM2 Hibernating;
    // e R1 FM1 Lost.
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => byId[id]!.segment)).toEqual([
      'champions',
      'loyal',
      'about-to-sleep',
      'hibernating',
      'lost',
    ]);
    expect(byId.e).toMatchObject({
      recency: 90,
      frequency: 1,
      monetary: 50,
      code: '111',
      lastOrder: '2024-01-01',
    });
    expect(byId.a).toMatchObject({ segmentName: 'Champions', segmentNameZh: '冠军客户' });
  });

  it('summarises all 11 segments and the 25 grid cells', () => {
    const result = rfm(LINES, { asOf: AS_OF });
    expect(result.segments.map((s) => s.segment)).toEqual(RFM_SEGMENTS.map((s) => s.key));
    const champions = result.segments.find((s) => s.segment === 'champions')!;
    // a: 500 of 500 + 300 + 300 + 100 + 50 = 1250.
    expect(champions).toMatchObject({
      customers: 1,
      customerShare: 0.2,
      monetary: 500,
      monetaryShare: 0.4,
    });
    expect(result.segments.find((s) => s.segment === 'new')!.meanRecency).toBeNull();
    expect(result.grid).toHaveLength(25);
    expect(result.grid.reduce((s, c) => s + c.customers, 0)).toBe(5);
    expect(result.grid.find((c) => c.r === 5 && c.fm === 5)!.customers).toBe(1);
  });

  it('scores a single customer 1 on every metric (nobody is worse)', () => {
    const result = rfm([line('solo', '1', '2024-03-30', 10)], { asOf: AS_OF });
    expect(result.customers).toEqual([
      expect.objectContaining({ id: 'solo', recency: 1, r: 1, f: 1, m: 1, fm: 1, segment: 'lost' }),
    ]);
  });

  it('lists returns-only customers apart and leaves out lines after as-of', () => {
    const result = rfm(
      [
        ...LINES,
        line('ret', 'C77', '2024-03-10', -40),
        line('late', 'L1', '2024-04-02', 999),
        line(undefined, 'N1', '2024-03-02', 5),
      ],
      { asOf: AS_OF },
    );
    expect(result.customers.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.returnsOnly).toEqual([{ id: 'ret', monetary: -40, lines: 1 }]);
    expect(result.counts).toMatchObject({ linesOutsidePeriod: 1, linesWithoutCustomer: 1 });
    expect(result.warnings.map((w) => w.code).sort()).toEqual([
      'missing-value',
      'other',
      'out-of-range',
    ]);
  });

  it('takes custom rank cut points', () => {
    // Cut points 0.5/0.6/0.7/0.8: a's monetary worse 4 → 4/5 = 0.8 ≥ all four → 5;
    // b, c worse 2 → 0.4 below all → 1; d 0.2 → 1.
    const result = rfm(LINES, { asOf: AS_OF, cutPoints: [0.5, 0.6, 0.7, 0.8] });
    expect(result.customers.map((c) => c.m)).toEqual([5, 1, 1, 1, 1]);
    expect(result.scoring.monetary).toBe('rank cut points 0.5/0.6/0.7/0.8');
  });

  it('scores by fixed thresholds in b2b mode', () => {
    const result = rfm(LINES, {
      asOf: AS_OF,
      mode: 'b2b',
      thresholds: { monetary: [100, 200, 300, 400] },
    });
    const byId = Object.fromEntries(result.customers.map((c) => [c.id, c]));
    // Recency defaults 30/60/90/180 days: a 1 → 5, b 10 → 5, d 30 → 5 (≤ 30), e 90 → 3 (≤ 90).
    expect(DEFAULT_B2B_THRESHOLDS.recency).toEqual([30, 60, 90, 180]);
    expect(['a', 'b', 'd', 'e'].map((id) => byId[id]!.r)).toEqual([5, 5, 5, 3]);
    // Frequency defaults 2/4/6/12 orders: a 3 → 2, b 2 → 2, c 1 → 1.
    expect(['a', 'b', 'c'].map((id) => byId[id]!.f)).toEqual([2, 2, 1]);
    // Monetary 100/200/300/400: a 500 → 5, b 300 → 4, d 100 → 2, e 50 → 1.
    expect(['a', 'b', 'd', 'e'].map((id) => byId[id]!.m)).toEqual([5, 4, 2, 1]);
    expect(result.mode).toBe('b2b');
  });

  it('gives an empty, well-formed result for no lines', () => {
    const result = rfm([], { asOf: AS_OF });
    expect(result.customers).toEqual([]);
    expect(result.segments.every((s) => s.customers === 0 && s.monetaryShare === null)).toBe(true);
    expect(result.asOf).toBe('2024-03-31');
  });

  it('throws on caller mistakes, naming the function and value', () => {
    expect(() => rfm(LINES, { asOf: 1.5 })).toThrow(
      /rfm: asOf must be an integer epoch day, got 1.5/,
    );
    expect(() => rfm(LINES, { asOf: AS_OF, mode: 'b2b' })).toThrow(
      /rfm: b2b mode needs thresholds.monetary/,
    );
    expect(() => rfm(LINES, { asOf: AS_OF, cutPoints: [0.2, 0.2, 0.6, 0.8] })).toThrow(
      /rfm: cutPoints must be four ascending/,
    );
    expect(() => rfm(LINES, { asOf: AS_OF, cutPoints: [0, 0.4, 0.6, 0.8] })).toThrow(
      /strictly between 0 and 1/,
    );
    expect(() => rfm(LINES, { asOf: AS_OF, thresholds: { recency: [30, 20, 90, 180] } })).toThrow(
      /rfm: thresholds.recency must be four ascending/,
    );
    expect(() => rfm(LINES, { asOf: AS_OF, mode: 'x' as 'b2b' })).toThrow(/rfm: mode must be/);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(LINES);
    rfm(LINES, { asOf: AS_OF });
    expect(LINES).toEqual(copy);
  });
});

describe('rfmSegment and fmScore', () => {
  it('follows DOMAIN.md grid row by row', () => {
    const names = (r: number) => [1, 2, 3, 4, 5].map((fm) => rfmSegment(r, fm).name);
    expect(names(5)).toEqual([
      'New',
      'Potential loyalist',
      'Potential loyalist',
      'Champions',
      'Champions',
    ]);
    expect(names(4)).toEqual([
      'Promising',
      'Potential loyalist',
      'Potential loyalist',
      'Loyal',
      'Champions',
    ]);
    expect(names(3)).toEqual([
      'About to sleep',
      'About to sleep',
      'Need attention',
      'Loyal',
      'Loyal',
    ]);
    expect(names(2)).toEqual(['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose"]);
    expect(names(1)).toEqual(['Lost', 'Lost', 'Hibernating', 'At risk', "Can't lose"]);
  });

  it('has all 11 segments with Chinese names, the same as the segment map shows', () => {
    expect(RFM_SEGMENTS.map((s) => s.nameZh)).toEqual([
      '冠军客户',
      '忠诚客户',
      '潜在忠诚客户',
      '新客户',
      '有潜力客户',
      '需要关注',
      '即将沉睡',
      '流失风险',
      '不能失去',
      '休眠客户',
      '流失客户',
    ]);
    // One name per segment: the chart's catalogue entry is the one the tables use.
    for (const segment of RFM_SEGMENTS)
      expect(localizeKnownName(segment.name, 'zh'), segment.key).toBe(segment.nameZh);
  });

  it('rounds FM half up', () => {
    expect(fmScore(1, 2)).toBe(2); // 1.5 → 2
    expect(fmScore(4, 5)).toBe(5); // 4.5 → 5
    expect(fmScore(3, 3)).toBe(3);
  });

  it('throws on a score outside 1–5', () => {
    expect(() => rfmSegment(0, 3)).toThrow(/rfmSegment: r must be an integer 1–5, got 0/);
    expect(() => fmScore(2, 6)).toThrow(/fmScore: m must be an integer 1–5, got 6/);
  });
});
