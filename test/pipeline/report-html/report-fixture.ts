import type { ReportModel } from '../../../pipeline/report-html/report-model.js';
import { renderChart } from '../../../pipeline/render/render-chart.js';
import { MALICIOUS_NAME, sampleCharts } from '../../core/charts/chart-fixtures.js';

/** A full report model: every chart rendered, a table and warnings carrying a hostile name. */
export async function sampleReportModel(locale: 'en' | 'zh' = 'zh'): Promise<ReportModel> {
  const charts = await Promise.all(
    sampleCharts(locale).map(async ({ id, spec }) => ({
      id,
      title: id,
      svg: (await renderChart(spec)).svg,
    })),
  );
  const byId = (id: string) => charts.filter((c) => c.id === id);
  return {
    title: `销售报告 <b>Q1</b> & "more"`,
    subtitle: 'pipeline-zh.xlsx',
    generatedFor: '2024-03-31',
    locale,
    sections: [
      {
        id: 'forecast',
        title: '漏斗与预测',
        summary: [
          { label: '加权预测', value: 364.8 },
          { label: 'Open deals', value: 18 },
        ],
        charts: [...byId('funnel'), ...byId('forecast'), ...byId('conversion')],
        tables: [
          {
            title: 'By stage',
            columns: ['Stage', 'Count', 'Amount'],
            rows: [
              ['兴趣(客户分析)', 5, 300],
              ['Compare', 2, 464],
            ],
          },
        ],
        notes: ['Six-stage template; rates from DOMAIN.md.'],
      },
      {
        id: 'segments',
        title: 'Customer segments 客户分类',
        summary: [{ label: 'Customers', value: 8 }],
        charts: [...byId('pareto'), ...byId('rfm'), ...byId('portfolio')],
        tables: [
          {
            title: 'ABC',
            columns: ['Customer', 'Revenue', 'Class'],
            rows: [
              [MALICIOUS_NAME, 100, 'A'],
              ['华东机电', 500, 'A'],
              ['Echo', null, 'C'],
            ],
          },
        ],
      },
      {
        id: 'aging',
        title: '应收账龄',
        summary: [{ label: 'Overdue', value: 870 }],
        charts: [...byId('aging'), ...byId('top-overdue')],
        tables: [{ title: 'Empty table', columns: ['Customer'], rows: [] }],
      },
    ],
    warnings: [
      {
        where: 'Deals!E12',
        message: `amount "12,3x" unreadable for ${MALICIOUS_NAME}; row skipped`,
      },
    ],
    skipped: [{ analysis: 'RFM', reason: 'no order dates <script>alert(2)</script>' }],
  };
}
