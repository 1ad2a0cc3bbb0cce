import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../pipeline/report-html/render-report-html.js';
import type { ReportModel } from '../../../pipeline/report-html/report-model.js';
import { MALICIOUS_NAME } from '../../core/charts/chart-fixtures.js';
import { sampleReportModel } from './report-fixture.js';

const minimal: ReportModel = {
  title: 'T',
  generatedFor: '2024-03-31',
  sections: [],
  warnings: [],
  skipped: [],
};

describe('renderReportHtml', () => {
  it('renderReportHtml escapes every user string and never emits the hostile markup', async () => {
    const html = renderReportHtml(await sampleReportModel());
    expect(html).not.toContain(MALICIOUS_NAME);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>Q1</b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('销售报告 &lt;b&gt;Q1&lt;/b&gt; &amp; &quot;more&quot;');
  });

  it('renderReportHtml is self-contained: UTF-8, CSP forbidding loads, no external URLs or scripts', async () => {
    const html = renderReportHtml(await sampleReportModel());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('default-src &#39;none&#39;');
    expect(html).not.toMatch(/<(script|link|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('renderReportHtml lays out sections with headings, summary tiles, charts, tables and notes', async () => {
    const html = renderReportHtml(await sampleReportModel());
    expect(html.match(/<figure /g)).toHaveLength(8);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(8);
    expect(html).toContain('<section id="forecast">');
    expect(html).toContain('<a href="#segments">');
    // A number no builder formatted is shown at two decimals, as money (never 364.8 beside 464.00).
    expect(html).toContain('<dt>加权预测</dt><dd>364.80</dd>');
    expect(html).toContain('<td class="num">464</td>');
    expect(html).toContain('Six-stage template');
    expect(html).toContain('无数据。'); // empty table in a zh report
    expect(html).toContain('<span class="where">Deals!E12</span>');
    expect(html).toContain('未运行的分析');
  });

  it('renderReportHtml defaults to English wording and says when there are no warnings', () => {
    const html = renderReportHtml(minimal);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Data as of: <time datetime="2024-03-31">2024-03-31</time>');
    expect(html).toContain('No data warnings.');
    expect(html).not.toContain('<nav');
    expect(html).not.toContain('Analyses not run');
  });

  it('renderReportHtml formats numbers with grouping and blanks as empty cells', () => {
    const html = renderReportHtml({
      ...minimal,
      sections: [
        {
          id: 's',
          title: 's',
          summary: [],
          charts: [],
          tables: [{ title: 't', columns: ['a', 'b'], rows: [[12345.678, null]] }],
        },
      ],
    });
    expect(html).toContain('<tr><td class="num">12,345.68</td><td></td></tr>');
  });

  it('renderReportHtml makes section ids anchor-safe and unique', () => {
    const section = { title: 's', summary: [], charts: [], tables: [] };
    const html = renderReportHtml({
      ...minimal,
      sections: [
        { ...section, id: 'a b"><x' },
        { ...section, id: 'a b"><x' },
        { ...section, id: 'warnings' },
      ],
    });
    expect(html).toContain('<section id="a-b---x">');
    expect(html).toContain('<section id="a-b---x-2">');
    expect(html).toContain('<section id="warnings-2">');
  });

  it('renderReportHtml throws on a chart svg that is not an svg element or carries script', () => {
    const withSvg = (svg: string): ReportModel => ({
      ...minimal,
      sections: [
        { id: 's', title: 's', summary: [], tables: [], charts: [{ id: 'c', title: 'c', svg }] },
      ],
    });
    expect(() => renderReportHtml(withSvg('<img src=x>'))).toThrow(
      /chart "c" svg is not an <svg> element/,
    );
    expect(() => renderReportHtml(withSvg('<svg><script>alert(1)</script></svg>'))).toThrow(
      /carries script/,
    );
    expect(() => renderReportHtml(withSvg('<svg><a href="javascript:x()"/></svg>'))).toThrow(
      /carries script/,
    );
  });

  it('renderReportHtml throws on a model missing required fields', () => {
    expect(() =>
      renderReportHtml({ ...minimal, title: undefined } as unknown as ReportModel),
    ).toThrow(/model.title must be a string/);
    expect(() =>
      renderReportHtml({ ...minimal, warnings: null } as unknown as ReportModel),
    ).toThrow(/model.warnings must be an array/);
  });

  it('renderReportHtml does not mutate the model', async () => {
    const model = await sampleReportModel('en');
    const copy = structuredClone(model);
    renderReportHtml(model);
    expect(model).toEqual(copy);
  });
});
