import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FAMILY, findChartFont } from './chart-font.js';
import { measureChartText } from './measure-chart-text.js';
import type { MeasureText } from './measure-chart-text.js';

/** Options of {@link renderChart}. */
export interface RenderChartOptions {
  /** PNG pixels per SVG pixel (2 gives crisp images in HTML and Excel). Default {@link DEFAULT_PNG_SCALE}. */
  scale?: number;
  /** Font files for the PNG; default the bundled Noto Sans SC subset ({@link findChartFont}). */
  fontFiles?: readonly string[];
  /**
   * Extra fonts searched only for characters the main fonts lack (e.g. a full CJK font for rare
   * name characters). Default none, so output does not depend on the machine.
   */
  fallbackFontFiles?: readonly string[];
}

/** What {@link renderChart} produced. */
export interface RenderChartResult {
  /** Standalone SVG document (text stays text, so it is searchable and scales). */
  svg: string;
  /** PNG of the same chart on a white background. */
  png: Buffer;
  /** PNG size in pixels. */
  width: number;
  height: number;
  /** Every warning or error vega-lite and vega logged while compiling and rendering. */
  warnings: string[];
}

/** Default PNG scale. */
export const DEFAULT_PNG_SCALE = 2;

/**
 * Renders a Vega-Lite spec to SVG (vega, headless) and PNG (resvg with a bundled CJK font).
 *
 * System fonts are not loaded, so a PNG is the same on every machine and Chinese text never
 * depends on what happens to be installed.
 *
 * @param spec - A Vega-Lite spec, e.g. from core/charts.
 * @param options - PNG scale and font files.
 * @returns SVG text, PNG bytes, PNG size and the collected warnings (empty when all is well).
 * @throws {RangeError} When `scale` is not a finite number in (0, 8].
 * @throws {Error} When vega-lite cannot compile the spec (its message is kept).
 */
export async function renderChart(
  spec: TopLevelSpec,
  options: RenderChartOptions = {},
): Promise<RenderChartResult> {
  const scale = options.scale ?? DEFAULT_PNG_SCALE;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 8) {
    throw new RangeError(`renderChart: scale must be a number in (0, 8], got ${String(scale)}`);
  }
  const fontFiles = [
    ...(options.fontFiles ?? [findChartFont()]),
    ...(options.fallbackFontFiles ?? []),
  ];
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  measureTextWith(fontFiles[0]);

  const vegaSpec = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logger });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }

  // renderAsync lays out text and rasterises on libuv's thread pool, so several charts of a
  // report rendered with Promise.all use every core instead of blocking the event loop.
  const image = await renderAsync(svg, {
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
      serifFamily: CHART_FONT_FAMILY,
      monospaceFamily: CHART_FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    logLevel: 'off',
  });
  const png = image.asPng();
  return { svg, png, width: image.width, height: image.height, warnings };
}

const measurers = new Map<string, MeasureText>();

/** The text item vega asks the width of. */
interface TextItem {
  text?: unknown;
  fontSize?: unknown;
}

/** vega's text measuring hook (exported by vega-scenegraph, absent from vega's typings). */
function textMetrics(): { width: (item: TextItem, text?: unknown) => number } {
  return (vega as unknown as { textMetrics: ReturnType<typeof textMetrics> }).textMetrics;
}

/** Vega's default for text marks without a font size. */
const DEFAULT_FONT_SIZE = 11;

/**
 * Lays text out with the widths of the font the PNG is drawn in (vega's hook for this, as
 * vl-convert uses it), so labels are neither cut short nor overlap. Every chart of a process
 * draws with the same bundled font, so setting the one global hook per call is safe.
 */
function measureTextWith(fontFile: string | undefined): void {
  if (fontFile === undefined) return;
  let measure = measurers.get(fontFile);
  if (measure === undefined) {
    measure = measureChartText(fontFile);
    measurers.set(fontFile, measure);
  }
  const measureItem = measure;
  textMetrics().width = (item, text) => {
    const value = text ?? item.text ?? '';
    const size = item.fontSize == null ? DEFAULT_FONT_SIZE : Number(item.fontSize);
    const lines = Array.isArray(value) ? value.map(String) : [String(value)];
    return Math.max(0, ...lines.map((line) => measureItem(line, size)));
  };
}

/**
 * A vega/vega-lite logger that records warnings and errors instead of printing them, so callers
 * (and tests) can report or assert on them.
 */
function collectingLogger(sink: string[]) {
  let level = 2; // vega.Warn: keep warnings and errors, drop info and debug chatter
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      sink.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: unknown[]) {
      if (level >= 2) sink.push(`warning: ${args.map(String).join(' ')}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
