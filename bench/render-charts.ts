/**
 * Renders every chart of one report (funnel, forecast band, conversion, Pareto, RFM map,
 * portfolio, aging, top overdue) to SVG and PNG and prints the time. Goal: under 1 s in total.
 *
 * Peer: the same specs through vega-lite → vega → SVG only, so the table shows what the PNG
 * step (resvg + bundled CJK font) adds. (DuckDB has no part in chart rendering.)
 *
 * CPU time (all threads) is printed beside wall time: on a shared, loaded machine wall time
 * mostly measures waiting, CPU time the work done.
 *
 * Run: node --import tsx bench/render-charts.ts [--runs N] [--locale en|zh]
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { renderChart } from '../pipeline/render/render-chart.js';
import { sampleCharts } from '../test/core/charts/chart-fixtures.js';
import { recordMeasures } from './record-measures.js';

const args = process.argv.slice(2);
const runs = Number(valueOf('--runs') ?? 5);
const locales = valueOf('--locale') === undefined ? (['en', 'zh'] as const) : [valueOf('--locale')];

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

async function svgOnly(spec: Parameters<typeof compile>[0]): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

console.log(`render-charts: ${runs} runs per row (after one warm-up run), median shown`);
console.log(
  '| locale | charts | SVG+PNG wall (ms) | SVG+PNG CPU (ms) | SVG only wall (ms) | PNG share of wall | PNG bytes | goal < 1000 ms wall |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const locale of locales) {
  const charts = sampleCharts(locale as 'en' | 'zh');
  const full: number[] = [];
  const cpu: number[] = [];
  const svg: number[] = [];
  let pngBytes = 0;
  for (let run = 0; run <= runs; run += 1) {
    let t = performance.now();
    const cpuStart = process.cpuUsage();
    pngBytes = 0;
    // A report renders its charts concurrently: PNG work runs on the libuv thread pool.
    const results = await Promise.all(charts.map((chart) => renderChart(chart.spec)));
    results.forEach((result, i) => {
      if (result.warnings.length > 0) {
        throw new Error(`${charts[i]?.id}: ${result.warnings.join('; ')}`);
      }
      pngBytes += result.png.length;
    });
    const fullMs = performance.now() - t;
    const cpuUsed = process.cpuUsage(cpuStart);
    const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
    t = performance.now();
    for (const chart of charts) await svgOnly(chart.spec);
    const svgMs = performance.now() - t;
    if (run > 0) {
      full.push(fullMs);
      cpu.push(cpuMs);
      svg.push(svgMs);
    }
  }
  const f = median(full);
  const s = median(svg);
  recordMeasures('render-charts', [
    {
      what: `every chart of one report (${charts.length}, ${locale}) to SVG + PNG vs vega SVG only`,
      ours: { name: 'pipecast', ms: full },
      peer: { name: 'vega-lite → vega SVG only', ms: svg },
      goal: '< 1 s',
    },
  ]);
  console.log(
    `| ${locale} | ${charts.length} | ${f.toFixed(0)} | ${median(cpu).toFixed(0)} | ${s.toFixed(0)} | ${(1 - s / f).toFixed(2)} | ${pngBytes} | ${f < 1000 ? 'met' : 'MISSED'} |`,
  );
}
