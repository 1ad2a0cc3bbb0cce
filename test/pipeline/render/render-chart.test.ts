import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { funnelChart } from '../../../core/charts/funnel-chart.js';
import { CHART_FONT_FILE, findChartFont } from '../../../pipeline/render/chart-font.js';
import { renderChart } from '../../../pipeline/render/render-chart.js';
import { MALICIOUS_NAME, sampleCharts } from '../../core/charts/chart-fixtures.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Minimal PNG decoder for the test: IHDR size plus inflated 8-bit RGBA rows. */
async function decodePng(png: Buffer): Promise<{ width: number; height: number; rgba: Buffer }> {
  const { inflateSync } = await import('node:zlib');
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]); // 8-bit RGBA, as resvg writes it
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= 4 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const v = line[x] ?? 0;
      let out: number;
      if (filter === 0) out = v;
      else if (filter === 1) out = v + left;
      else if (filter === 2) out = v + up;
      else if (filter === 3) out = v + Math.floor((left + up) / 2);
      else {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        out = v + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      rgba[y * stride + x] = out & 0xff;
    }
  }
  return { width, height, rgba };
}

/** Pixels in the box that are not (near) white. */
function inkIn(
  image: { width: number; rgba: Buffer },
  box: { x0: number; y0: number; x1: number; y1: number },
): number {
  let ink = 0;
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1) {
      const i = (y * image.width + x) * 4;
      const lum =
        ((image.rgba[i] ?? 255) + (image.rgba[i + 1] ?? 255) + (image.rgba[i + 2] ?? 255)) / 3;
      if (lum < 200) ink += 1;
    }
  }
  return ink;
}

/** A chart with only a title: the title is the only ink in its top band. */
function titleOnly(title: string): TopLevelSpec {
  return funnelChart({ stages: [] }, { title, width: 300, height: 60 });
}

describe('renderChart', () => {
  for (const locale of ['en', 'zh'] as const) {
    for (const { id, spec } of sampleCharts(locale)) {
      it(`renderChart(${id}, ${locale}) gives SVG and PNG with no vega warnings`, async () => {
        const result = await renderChart(spec);
        expect(result.warnings).toEqual([]);
        expect(result.svg.startsWith('<svg')).toBe(true);
        expect(result.svg.endsWith('</svg>')).toBe(true);
        expect(result.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
        expect(result.width).toBeGreaterThan(300);
        expect(result.height).toBeGreaterThan(100);
      });
    }
  }

  it('renderChart puts Chinese text into the SVG as text', async () => {
    const { svg } = await renderChart(sampleCharts('zh')[0]!.spec);
    expect(svg).toContain('各阶段商机漏斗');
    expect(svg).toContain('兴趣(客户分析)');
  });

  it('renderChart escapes a markup-like customer name in the SVG', async () => {
    const { svg } = await renderChart(sampleCharts('en').find((c) => c.id === 'portfolio')!.spec);
    expect(svg).not.toContain(MALICIOUS_NAME);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toMatch(/<img/i);
  });

  it('renderChart draws CJK glyphs in the PNG (title ink present, distinct per character, unlike .notdef boxes)', async () => {
    const scale = 1;
    const band = { x0: 0, y0: 0, x1: 300, y1: 22 };
    const chinese = await decodePng((await renderChart(titleOnly('销售漏斗'), { scale })).png);
    // Ideographic spaces lay out exactly like four hanzi but draw nothing: the ink difference is the glyphs.
    const blank = await decodePng(
      (await renderChart(titleOnly('\u3000\u3000\u3000\u3000'), { scale })).png,
    );
    const otherChinese = await decodePng((await renderChart(titleOnly('应收账龄'), { scale })).png);
    const titleInk = inkIn(chinese, band) - inkIn(blank, band);
    // Four 15px hanzi put well over 100 dark pixels on the page.
    expect(titleInk).toBeGreaterThan(100);
    // Different characters give different pixels: glyphs are drawn, not one .notdef box repeated.
    expect(chinese.rgba.equals(otherChinese.rgba)).toBe(false);
    // A missing glyph renders as the same .notdef box whatever the character: compare two
    // characters outside every bundled font (Private Use Area) to prove that case is detectable.
    const pua1 = await decodePng(
      (await renderChart(titleOnly('\ue000\ue001\ue002\ue003'), { scale })).png,
    );
    const pua2 = await decodePng(
      (await renderChart(titleOnly('\ue010\ue011\ue012\ue013'), { scale })).png,
    );
    expect(pua1.rgba.equals(pua2.rgba)).toBe(true);
  });

  it('renderChart defaults to a 2× PNG and honours scale', async () => {
    const spec = titleOnly('Scale');
    const one = await renderChart(spec, { scale: 1 });
    const two = await renderChart(spec);
    expect(two.width).toBe(one.width * 2);
    expect(two.height).toBe(one.height * 2);
  });

  it('renderChart reports vega-lite warnings instead of printing them', async () => {
    const spec = {
      data: { values: [{ a: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } },
    } as TopLevelSpec;
    const result = await renderChart(spec);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.warnings[0]).toMatch(/^warning: .*shape/);
  });

  it('renderChart throws on a bad scale naming the value', async () => {
    await expect(renderChart(titleOnly('x'), { scale: 0 })).rejects.toThrow(
      /renderChart: scale must be a number in \(0, 8\], got 0/,
    );
  });

  it('findChartFont finds the bundled font from the source tree and names the file when missing', () => {
    expect(existsSync(findChartFont())).toBe(true);
    expect(findChartFont().endsWith(CHART_FONT_FILE)).toBe(true);
    expect(() => findChartFont('/')).toThrow(
      /assets\/fonts\/NotoSansSC-Regular-GB2312.ttf not found/,
    );
  });
});
