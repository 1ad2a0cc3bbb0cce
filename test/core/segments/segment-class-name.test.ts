import { describe, expect, it } from 'vitest';
import { localizeKnownName } from '../../../core/charts/chart-text.js';
import { RFM_SEGMENTS } from '../../../core/segments/rfm-segment.js';
import { segmentClassName } from '../../../core/segments/segment-class-name.js';

describe('segmentClassName', () => {
  it('names RFM segments, zones and tiers by DOMAIN.md in each language', () => {
    // DOMAIN.md §2: Can't lose; zones acquire 获取 … ; tiers strategic / key / ordinary.
    expect(segmentClassName('rfm', 'cant-lose', 'en')).toBe("Can't lose");
    expect(segmentClassName('rfm', 'cant-lose', 'zh')).toBe('不能失去');
    expect(segmentClassName('portfolio', 'acquire', 'en')).toBe('Acquire');
    expect(segmentClassName('portfolio', 'acquire', 'zh')).toBe('获取');
    expect(segmentClassName('portfolio', 'disrupt', 'zh')).toBe('侵扰');
    expect(segmentClassName('scorecard', 'strategic', 'en')).toBe('Strategic');
    expect(segmentClassName('scorecard', 'strategic', 'zh')).toBe('战略客户');
    expect(segmentClassName('scorecard', 'A', 'zh')).toBe('A类渠道');
  });

  it('calls each RFM segment what the segment map calls it', () => {
    for (const segment of RFM_SEGMENTS)
      for (const locale of ['en', 'zh'] as const)
        expect(segmentClassName('rfm', segment.key, locale)).toBe(
          localizeKnownName(segment.name, locale),
        );
  });

  it('shows ABC classes and names it does not know as they are', () => {
    expect(segmentClassName('abc', 'A', 'zh')).toBe('A');
    expect(segmentClassName('scorecard', 'Gold', 'zh')).toBe('Gold');
    expect(segmentClassName('rfm', 'vip', 'en')).toBe('vip');
  });

  it('throws for a method without classes', () => {
    expect(() => segmentClassName('lifecycle' as 'abc', 'x', 'en')).toThrow(
      /segmentClassName: "lifecycle" has no classes/,
    );
  });
});
