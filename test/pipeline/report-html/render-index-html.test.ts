import { describe, expect, it } from 'vitest';
import { renderIndexHtml } from '../../../pipeline/report-html/render-index-html.js';
import { MALICIOUS_NAME } from '../../core/charts/chart-fixtures.js';

describe('renderIndexHtml', () => {
  const entries = [
    {
      name: 'pipeline-en.xlsx',
      status: 'ok' as const,
      href: 'pipeline-en/report.html',
      summary: [{ label: 'Deals', value: 18 }],
    },
    { name: '客户 2024.xlsx', status: 'ok' as const, href: '客户 2024/report.html' },
    {
      name: `${MALICIOUS_NAME}.xlsx`,
      status: 'error' as const,
      message: `corrupt zip: ${MALICIOUS_NAME}`,
    },
  ];

  it('renderIndexHtml links each good report and lists each failure with its reason', () => {
    const html = renderIndexHtml(entries, { generatedFor: '2024-03-31' });
    expect(html).toContain('<a href="pipeline-en/report.html">Open report</a>');
    expect(html).toContain('<a href="%E5%AE%A2%E6%88%B7%202024/report.html">');
    expect(html.match(/class="entry-error"/g)).toHaveLength(1);
    expect(html.match(/class="entry-ok"/g)).toHaveLength(2);
    expect(html).toContain('2 reports ready, failed: 1');
    expect(html).toContain('corrupt zip: &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img/i);
  });

  it('renderIndexHtml(zh) uses Chinese wording', () => {
    const html = renderIndexHtml(entries, { locale: 'zh' });
    expect(html).toContain('<title>报告列表</title>');
    expect(html).toContain('打开报告');
    expect(html).toContain('失败');
  });

  it('renderIndexHtml rejects links that leave the output folder or carry a scheme', () => {
    for (const href of [
      'javascript:alert(1)',
      'https://example.com/r.html',
      '/etc/passwd',
      '//host/x',
    ]) {
      expect(() => renderIndexHtml([{ name: 'x', status: 'ok', href }])).toThrow(
        /href must be a relative path/,
      );
    }
  });

  it('renderIndexHtml(no entries) is a valid page saying 0 and 0', () => {
    const html = renderIndexHtml([]);
    expect(html).toContain('0 reports ready, failed: 0');
    expect(html).toContain('</html>');
    expect(() => renderIndexHtml(null as never)).toThrow(/entries must be an array/);
  });
});
