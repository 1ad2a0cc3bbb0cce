import { describe, expect, it } from 'vitest';
import { STAGE_TEMPLATES } from '../../../core/funnel/stage-templates.js';
import { parseReportConfig, ReportConfigError } from '../../../core/workbook/report-config.js';

const SRC = 'pipecast.json';

describe('parseReportConfig', () => {
  it('parseReportConfig({}) is an empty config (every analysis uses its defaults)', () => {
    expect(parseReportConfig({}, SRC)).toEqual({});
  });

  it('parseReportConfig(full config) keeps every key typed, percents read as shares', () => {
    const config = parseReportConfig(
      {
        sheets: { Deals: 'deal', Notes: 'ignore', 回款: 'payment' },
        mappings: { Deals: { stage: 'Phase', amount: 'F', region: null } },
        forecast: { template: 'six', quota: 1000, smallOrderThreshold: 5, seed: 7 },
        aging: {
          by: 'due',
          buckets: [30, 60],
          groupBy: 'owner',
          provisionRates: [0, 0.01, 0.05, 0.5],
          netMargin: 0.1,
          currency: 'CNY',
          dsoDays: 60,
        },
        segments: {
          cutPoints: [70, 90],
          by: 'margin',
          rfmMode: 'b2b',
          rfmThresholds: { monetary: [1, 2, 3, 4] },
        },
        locale: 'zh',
      },
      SRC,
    );
    expect(config.sheets).toEqual({ Deals: 'deal', Notes: 'ignore', 回款: 'payment' });
    expect(config.mappings?.Deals).toEqual({ stage: 'Phase', amount: 'F', region: null });
    expect(config.forecast?.template).toBe(STAGE_TEMPLATES.six);
    expect(config.aging?.provisionRates).toHaveLength(4); // 2 bounds + Current + over 60
    expect(config.segments?.cutPoints).toEqual([0.7, 0.9]); // 70% and 90%
    expect(config.locale).toBe('zh');
  });

  it('reads segments.measure, and segments.by as its older name', () => {
    expect(parseReportConfig({ segments: { measure: 'margin' } }, SRC).segments).toEqual({
      measure: 'margin',
    });
    expect(parseReportConfig({ segments: { by: 'margin' } }, SRC).segments).toEqual({
      measure: 'margin',
    });
    expect(() =>
      parseReportConfig({ segments: { measure: 'margin', by: 'revenue' } }, SRC),
    ).toThrow('pipecast.json: segments.by is the older name of segments.measure');
  });

  it('reads breakdowns: per analysis, a list of column names', () => {
    const breakdowns = { forecast: ['行业', 'C'], aging: ['Sales rep'], segments: ['Country'] };
    expect(parseReportConfig({ breakdowns }, SRC).breakdowns).toEqual(breakdowns);
    expect(() => parseReportConfig({ breakdowns: { forecast: 'Industry' } }, SRC)).toThrow(
      'pipecast.json: breakdowns.forecast must be an array of column names, got "Industry"',
    );
    expect(() => parseReportConfig({ breakdowns: { aging: ['', 'B'] } }, SRC)).toThrow(
      'pipecast.json: breakdowns.aging[0] must be a header text or column letter',
    );
    expect(() => parseReportConfig({ breakdowns: { funnel: [] } }, SRC)).toThrow(
      'pipecast.json: breakdowns.funnel is not a known key (known: forecast, aging, segments)',
    );
  });

  it('parseReportConfig reads an inline stage template', () => {
    const config = parseReportConfig(
      {
        forecast: {
          template: {
            name: 'Mine',
            stages: [
              { name: 'Lead', rate: 10 },
              { name: 'Deal', rate: 60 },
            ],
          },
        },
      },
      SRC,
    );
    // The config file's template is resolved to a StageTemplate, never left as a key.
    const template = config.forecast?.template;
    expect(typeof template === 'object' ? template.stages.map((s) => s.rate) : template).toEqual([
      0.1, 0.6,
    ]);
  });

  it('parseReportConfig does not mutate its input', () => {
    const json = { aging: { buckets: [30, 60] }, segments: { cutPoints: [80, 95] } };
    const copy = structuredClone(json);
    parseReportConfig(json, SRC);
    expect(json).toEqual(copy);
  });

  const bad: [string, unknown, RegExp][] = [
    ['a non-object', [1], /^pipecast\.json: the config must be an object/],
    ['an unknown top-level key', { agin: {} }, /pipecast\.json: agin is not a known key/],
    ['an unknown sheet kind', { sheets: { A: 'deals' } }, /sheets\.A must be one of deal, /],
    [
      'an unknown mapped field',
      { sheets: { A: 'deal' }, mappings: { A: { stag: 'x' } } },
      /mappings\.A\.stag is not a field of deal records/,
    ],
    [
      'a blank mapped header',
      { mappings: { A: { stage: ' ' } } },
      /mappings\.A\.stage must be a header text/,
    ],
    [
      'an unknown template key',
      { forecast: { template: 'seven' } },
      /forecast\.template must be six, key-account, generic/,
    ],
    [
      'a bad inline template',
      { forecast: { template: { name: 'x', stages: [] } } },
      /forecast\.template is not a template: "stages"/,
    ],
    [
      'a negative quota',
      { forecast: { quota: -1 } },
      /forecast\.quota must be a number ≥ 0, got -1/,
    ],
    ['a fractional seed', { forecast: { seed: 1.5 } }, /forecast\.seed must be a whole number/],
    [
      'decreasing buckets',
      { aging: { buckets: [60, 30] } },
      /aging\.buckets\[1\] must be a whole number > 0 and above/,
    ],
    [
      'a text bucket',
      { aging: { buckets: [30, '60'] } },
      /aging\.buckets\[1\] must be a number, got "60"/,
    ],
    [
      'the wrong number of provision rates',
      { aging: { provisionRates: [0, 0.1] } },
      /aging\.provisionRates needs 6 rates/,
    ],
    [
      'a provision rate above 1',
      { aging: { provisionRates: [0, 0, 0, 0, 0, 2] } },
      /aging\.provisionRates\[5\] must be from 0 to 1/,
    ],
    ['a margin of 0', { aging: { netMargin: 0 } }, /aging\.netMargin must be in \(0, 1\]/],
    [
      'an unknown groupBy',
      { aging: { groupBy: 'region' } },
      /aging\.groupBy must be customer or owner, got "region"/,
    ],
    [
      'crossed cut points',
      { segments: { cutPoints: [0.9, 0.8] } },
      /segments\.cutPoints must be two shares/,
    ],
    [
      'b2b without monetary thresholds',
      { segments: { rfmMode: 'b2b' } },
      /segments\.rfmThresholds\.monetary is required/,
    ],
    [
      'three RFM thresholds',
      { segments: { rfmThresholds: { recency: [1, 2, 3] } } },
      /segments\.rfmThresholds\.recency must be four ascending/,
    ],
    ['an unknown locale', { locale: 'fr' }, /locale must be en or zh, got "fr"/],
  ];
  for (const [what, json, message] of bad) {
    it(`parseReportConfig throws ReportConfigError naming the source and key for ${what}`, () => {
      expect(() => parseReportConfig(json, SRC)).toThrow(ReportConfigError);
      expect(() => parseReportConfig(json, SRC)).toThrow(message);
    });
  }
});
