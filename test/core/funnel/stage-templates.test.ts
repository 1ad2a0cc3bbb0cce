import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/columns/records.js';
import { normalizeStageName } from '../../../core/funnel/normalize-stage-name.js';
import { parseStageTemplate } from '../../../core/funnel/parse-stage-template.js';
import { prepareDeals } from '../../../core/funnel/prepare-deals.js';
import {
  resolveTemplate,
  stageMatcher,
  terminalStatusOf,
  userTemplate,
  userTemplateChoice,
} from '../../../core/funnel/resolve-template.js';
import { STAGE_TEMPLATES } from '../../../core/funnel/stage-templates.js';

describe('stage names', () => {
  it('normalise width, case, spaces, punctuation and a leading ordinal', () => {
    expect(normalizeStageName('Interest (customer analysis)')).toBe('interestcustomeranalysis');
    expect(normalizeStageName('１. ＩＮＴＥＲＥＳＴ（Customer Analysis）')).toBe(
      'interestcustomeranalysis',
    );
    expect(normalizeStageName('兴趣（客户分析）')).toBe('兴趣客户分析');
    expect(normalizeStageName('  ')).toBe('');
  });

  it('match every template stage by long and short names in both languages', () => {
    const six = stageMatcher(STAGE_TEMPLATES.six);
    for (const name of [
      'Interest',
      'interest (customer analysis)',
      '兴趣',
      '兴趣(客户分析)',
      '兴趣（客户分析）',
    ])
      expect(six.get(normalizeStageName(name))).toBe(0);
    expect(stageMatcher(STAGE_TEMPLATES['key-account']).get(normalizeStageName('商务洽谈'))).toBe(
      3,
    );
    expect(stageMatcher(STAGE_TEMPLATES.generic).get(normalizeStageName('Needs Analysis'))).toBe(1);
    expect([
      terminalStatusOf('Closed Won'),
      terminalStatusOf('输单'),
      terminalStatusOf('成交'),
      terminalStatusOf('Design'),
    ]).toEqual(['won', 'lost', 'won', undefined]);
  });
});

describe('resolveTemplate', () => {
  const deals = (stages: string[]): Deal[] =>
    stages.map((stage, i) => ({ row: i + 2, id: String(i), stage }));

  it('picks the built-in template that recognises the most open deals', () => {
    expect(resolveTemplate(deals(['确认商机', '方案论证', 'Won'])).choice.key).toBe('key-account');
    expect(resolveTemplate(deals(['Proposal', '商务谈判', 'Lost'])).choice.key).toBe('generic');
  });

  it('builds stages from the data when nothing matches, in CRM order', () => {
    const r = resolveTemplate(deals(['Engaging', 'Prospecting', 'Won', 'Engaging']));
    expect(r.choice.key).toBe('from-data');
    expect(r.template.stages.map((s) => s.name)).toEqual(['Prospecting', 'Engaging']);
    expect(resolveTemplate(deals(['Zeta', 'Alpha'])).template.stages.map((s) => s.name)).toEqual([
      'Zeta',
      'Alpha',
    ]);
  });

  it('orders data stages by their history position', () => {
    const r = resolveTemplate(deals(['B stage', 'A stage']), {
      stageChanges: [
        { row: 2, dealId: '0', stage: 'A stage', date: 1 },
        { row: 3, dealId: '0', stage: 'B stage', date: 2 },
      ],
    });
    expect(r.template.stages.map((s) => s.name)).toEqual(['A stage', 'B stage']);
  });

  it('throws on an unknown key', () => {
    expect(() => resolveTemplate([], { template: 'x' as 'six' })).toThrow(
      /resolveTemplate: unknown template "x"/,
    );
    expect(() => userTemplate('x' as 'six')).toThrow(/resolveTemplate: unknown template "x"/);
  });

  it('userTemplate looks up keys and passes template objects through', () => {
    expect(userTemplate('generic')).toBe(STAGE_TEMPLATES.generic);
    expect(userTemplate(STAGE_TEMPLATES.six)).toBe(STAGE_TEMPLATES.six);
    // Hand-made: the user chose it, 3 of 4 open deals matched.
    expect(userTemplateChoice(STAGE_TEMPLATES.six, 0.75)).toEqual({
      key: 'six',
      name: STAGE_TEMPLATES.six.name,
      reason: 'chosen by the user',
      matchedShare: 0.75,
    });
  });

  it('prepareDeals counts the matched share of a user template as resolveTemplate does', () => {
    // prepareDeals counts the share in its own pass; resolveTemplate scans the deals: same rule.
    const names = [
      'Interest',
      ' 兴趣（客户分析） ',
      'commit',
      'Won',
      '赢单',
      'Lost',
      '',
      '  ',
      'Zeta',
    ];
    const dealArb = fc.record({
      stage: fc.constantFrom(...names),
      status: fc.constantFrom(undefined, 'open' as const, 'won' as const, 'lost' as const),
    });
    fc.assert(
      fc.property(
        fc.array(dealArb, { maxLength: 40 }),
        fc.constantFrom('six' as const, 'generic' as const, 'key-account' as const),
        (rows, key) => {
          const input: Deal[] = rows.map((r, i) => ({
            row: i + 2,
            id: `D${i}`,
            stage: r.stage,
            amount: 10,
            ...(r.status ? { status: r.status } : {}),
          }));
          expect(prepareDeals(input, { template: key }).choice).toEqual(
            resolveTemplate(input, { template: key }).choice,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseStageTemplate', () => {
  it('reads names, Chinese names, percent or fraction rates, aliases and default categories', () => {
    const t = parseStageTemplate({
      name: 'Mine',
      stages: [
        { name: 'Lead', zh: '线索', rate: 10 },
        { name: 'Quote', rate: 0.4, aliases: ['报价'] },
        { name: 'Sign', rate: 90 },
      ],
    });
    expect(t.stages.map((s) => [s.name, s.nameZh, s.rate, s.category])).toEqual([
      ['Lead', '线索', 0.1, 'pipeline'],
      ['Quote', 'Quote', 0.4, 'best-case'],
      ['Sign', 'Sign', 0.9, 'commit'],
    ]);
  });

  it.each([
    [null, /expected an object/],
    [{ name: '', stages: [] }, /"name"/],
    [{ name: 'x', stages: [] }, /"stages"/],
    [{ name: 'x', stages: [{ name: ' ' }] }, /stages\[0\]\.name/],
    [{ name: 'x', stages: [{ name: 'a', rate: -1 }] }, /stages\[0\]\.rate/],
    [{ name: 'x', stages: [{ name: 'a', category: 'maybe' }] }, /stages\[0\]\.category/],
    [
      { name: 'x', stages: [{ name: 'A' }, { name: ' a ' }] },
      /stages\[1\] name "a" is the same stage name as stages\[0\]/,
    ],
    [{ name: 'x', stages: [{ name: 'a', aliases: [1] }] }, /aliases/],
  ])('throws naming the bad field (%j)', (json, message) => {
    expect(() => parseStageTemplate(json)).toThrow(message);
  });
});
