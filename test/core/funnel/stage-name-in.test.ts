import { describe, expect, it } from 'vitest';
import { stageNameIn } from '../../../core/funnel/stage-name-in.js';

describe('stageNameIn', () => {
  // DOMAIN.md's six-stage template: Interest (customer analysis) 兴趣(客户分析).
  const interest = { name: 'Interest (customer analysis)', nameZh: '兴趣(客户分析)' };

  it('gives one name, in the language asked', () => {
    expect(stageNameIn(interest, 'en')).toBe('Interest (customer analysis)');
    expect(stageNameIn(interest, 'zh')).toBe('兴趣(客户分析)');
  });

  it('falls back to the name when a stage has no Chinese one', () => {
    expect(stageNameIn({ name: 'Pilot', nameZh: '' }, 'zh')).toBe('Pilot');
  });
});
