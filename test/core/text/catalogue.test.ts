import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_TEXT, chartText } from '../../../core/charts/chart-text.js';
import {
  LOCALES,
  TEXT_CATALOGUE,
  textFor,
  type PlainSectionKey,
  type TextKey,
} from '../../../core/index.js';

const entries = Object.entries(TEXT_CATALOGUE).flatMap(([section, keys]) =>
  Object.entries(keys as Record<string, Record<string, string>>).map(
    ([name, entry]) => [`${section}.${name}`, entry] as const,
  ),
);
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('TEXT_CATALOGUE', () => {
  it('has the sections chart, report, cli, addin, warning, term, reason and error', () => {
    expect(Object.keys(TEXT_CATALOGUE)).toEqual([
      'chart',
      'report',
      'cli',
      'addin',
      'warning',
      'term',
      'reason',
      'error',
    ]);
  });

  it('gives every key in every locale, none empty or padded', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [key, entry] of entries) {
      expect(Object.keys(entry).sort(), key).toEqual([...LOCALES].sort());
      for (const locale of LOCALES) {
        const text = entry[locale] ?? '';
        expect(text.trim(), `${key} ${locale}`).not.toBe('');
        expect(text, `${key} ${locale}`).toBe(text.trim());
      }
    }
  });

  it('names the same parameters in both languages of an entry', () => {
    for (const [key, entry] of entries) {
      expect(placeholders(entry.zh ?? ''), key).toEqual(placeholders(entry.en ?? ''));
    }
  });

  it('holds the chart strings the chart builders use (CHART_TEXT is its chart section)', () => {
    expect(CHART_TEXT).toBe(TEXT_CATALOGUE.chart);
    expect(chartText('stage', 'zh')).toBe('阶段');
  });
});

describe('textFor', () => {
  it('looks an entry up in either language', () => {
    expect(textFor('en', 'chart.amount')).toBe('Amount');
    expect(textFor('zh', 'chart.amount')).toBe('金额');
    expect(textFor('zh', 'report.dataAsOf')).toBe('数据截至');
    expect(textFor('en', 'chart.Champions')).toBe('Champions');
  });

  it('fills in parameters, giving the text the report wrote before the catalogue held it', () => {
    // Before: `… ${n} ${'more rows in the CSV and results.xlsx'}` and `… ${n} ${'行见 CSV 与 results.xlsx'}`.
    expect(textFor('en', 'report.moreRows', { count: 12 })).toBe(
      '… 12 more rows in the CSV and results.xlsx',
    );
    expect(textFor('zh', 'report.moreRows', { count: 12 })).toBe('… 12 行见 CSV 与 results.xlsx');
    // Before: `${ok} ${'份报告已生成，失败：'} ${failed}`, a space either side.
    expect(textFor('zh', 'report.summaryCounts', { ready: 3, failed: 0 })).toBe(
      '3 份报告已生成，失败： 0',
    );
    expect(textFor('en', 'report.summaryCounts', { ready: 3, failed: 0 })).toBe(
      '3 reports ready, failed: 0',
    );
    // Before: `${NOT_RUN[locale]}: ${skipped}`.
    expect(textFor('zh', 'cli.notRun', { analyses: 'aging, rfm' })).toBe('未运行: aging, rfm');
  });

  it('fills a parameter in as given, even when it looks like a placeholder', () => {
    expect(textFor('en', 'cli.notRun', { analyses: '{analyses}' })).toBe('Not run: {analyses}');
  });

  it('throws for a missing parameter, an unknown key or locale (callers without types)', () => {
    const untyped = textFor as (locale: string, key: string, params?: object) => string;
    expect(() => untyped('en', 'report.moreRows')).toThrow(
      'textFor: report.moreRows needs the parameter count',
    );
    expect(() => untyped('en', 'chart.nope')).toThrow('textFor: no catalogue text "chart.nope"');
    expect(() => untyped('en', 'toString')).toThrow('no catalogue text');
    expect(() => untyped('en', 'chart.toString')).toThrow('no catalogue text');
    expect(() => untyped('fr', 'chart.stage')).toThrow(
      expect.objectContaining({ code: 'invalid-option' }),
    );
  });

  it('asks, by type, for exactly the parameters an entry names', () => {
    // These lines are checked by `tsc -p tsconfig.json` (npm run typecheck), not at run time.
    const plain: PlainSectionKey<'report'> = 'stage';
    // @ts-expect-error moreRows takes a parameter, so it is not a plain key
    const withParameter: PlainSectionKey<'report'> = 'moreRows';
    const check = (): void => {
      // @ts-expect-error count is missing
      textFor('en', 'report.moreRows');
      // @ts-expect-error chart.stage takes no parameters
      textFor('en', 'chart.stage', { count: 1 });
      // @ts-expect-error no such key
      textFor('en', 'chart.nope');
      // @ts-expect-error the parameter is called analyses
      textFor('en', 'cli.notRun', { analysis: 'x' });
    };
    const key: TextKey = 'cli.notRun';
    expect([plain, withParameter, key, typeof check]).toEqual([
      'stage',
      'moreRows',
      'cli.notRun',
      'function',
    ]);
  });
});

describe('catalogue keys the code uses', () => {
  /** The .ts files under the folders that build user text. */
  function sourceFiles(): string[] {
    const root = join(import.meta.dirname, '../../..');
    return ['core', 'pipeline', 'addin/src'].flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('.ts'))
        .map((path) => join(root, folder, path)),
    );
  }
  const entryOf = (key: string): Record<string, string> | undefined => {
    const [section, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const entries = (TEXT_CATALOGUE as Record<string, Record<string, Record<string, string>>>)[
      section
    ];
    return entries !== undefined && Object.hasOwn(entries, name) ? entries[name] : undefined;
  };
  const has = (key: string): boolean => entryOf(key) !== undefined;

  it('finds every key given to coded() and codedError() in both languages', () => {
    const used = new Set<string>();
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bcoded\(\s*'([a-zA-Z]+\.[\w-]+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/\bcodedError\(\s*'[^']+',[\s\S]*?'(error\.[\w-]+)'/g))
        used.add(match[1]!);
    }
    // The error keys of the CLI, the readers and the config checks, at least.
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect(has(key), key).toBe(true);
      for (const locale of LOCALES) expect(entryOf(key)?.[locale]?.trim(), key).toBeTruthy();
    }
  });

  it('has the keys the code builds from a name: one file to what, by command', () => {
    for (const what of ['pipeline', 'aging', 'inspect'])
      expect(has(`error.what_${what}`)).toBe(true);
  });
});
