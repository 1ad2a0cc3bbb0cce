import type { Config, TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/unit.js';
import type { NormalizedChartOptions } from './chart-options.js';

/** One layer of a chart: a Vega-Lite unit spec (mark + encoding), data inherited from the top. */
export type ChartLayer = UnitSpec<Field>;

/** A plain data row as charts put it in `data.values`: user strings live here, never in expressions. */
export type ChartRow = Record<string, string | number | boolean | null>;

/** The Vega-Lite schema every chart declares. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Font stack for chart text. The renderer maps these to its bundled CJK font; browsers pick
 * the first installed family that has Chinese glyphs.
 */
export const CHART_FONT = 'Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif';

/** Colours with one meaning across every chart. */
export const CHART_COLOURS = {
  primary: '#4c78a8',
  secondary: '#f58518',
  band: '#9ecae9',
  muted: '#bab0ac',
  alert: '#e45756',
  good: '#54a24b',
  rule: '#666666',
  text: '#333333',
} as const;

/** Categorical palette for groups (customers, owners); "Other" always gets the muted grey. */
export const GROUP_PALETTE: readonly string[] = [
  '#4c78a8',
  '#f58518',
  '#e45756',
  '#72b7b2',
  '#54a24b',
  '#eeca3b',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
  '#79706e',
];

/** d3-format for shares shown as percentages. */
export const PERCENT_FORMAT = '.0%';

/**
 * Shared look of every chart: one font (so CJK renders), white background, quiet axes.
 *
 * @returns A Vega-Lite config object.
 */
export function chartConfig(): Config {
  return {
    font: CHART_FONT,
    background: 'white',
    view: { stroke: null },
    title: { fontSize: 15, anchor: 'start', color: CHART_COLOURS.text, subtitleColor: '#666666' },
    // No pixel limit on labels: names are cut to MAX_CHART_LABEL_CHARS in the data (shortLabel),
    // so a stage name is shown whole rather than cut at a width guessed from its characters.
    axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0, gridColor: '#e6e6e6' },
    legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
  };
}

/**
 * Title block: text plus optional subtitle and the builder's notes (one line each), all literal
 * strings (never expressions).
 *
 * @param options - Normalised chart options.
 * @returns The `title` property of a top-level spec.
 */
export function chartTitle(options: NormalizedChartOptions): TopLevelSpec['title'] {
  const lines =
    options.subtitle === undefined ? [...options.notes] : [options.subtitle, ...options.notes];
  if (lines.length === 0) return { text: options.title };
  return { text: options.title, subtitle: lines.length === 1 ? lines[0] : lines };
}

/**
 * Axis title for a money measure with the optional unit in parentheses.
 *
 * @param label - The measure name, e.g. `'Amount'`.
 * @param unit - Currency or scale, e.g. `'10k EUR'`.
 * @returns `'Amount (10k EUR)'`, or `label` alone without a unit.
 */
export function moneyTitle(label: string, unit: string | undefined): string {
  return unit === undefined ? label : `${label} (${unit})`;
}

/**
 * Wraps layers into a complete top-level spec: schema, title, size, data and config.
 *
 * @param options - Normalised chart options (title, size).
 * @param rows - The chart's data rows, inlined as `data.values`.
 * @param layer - Mark layers drawing `rows` (or their own data).
 * @param extra - Further top-level properties (e.g. `resolve`).
 * @returns A self-contained Vega-Lite spec.
 */
export function layeredChart(
  options: NormalizedChartOptions,
  rows: readonly ChartRow[],
  layer: LayerSpec<Field>['layer'],
  extra: Partial<Pick<LayerSpec<Field>, 'resolve' | 'encoding'>> = {},
): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(options),
    width: options.width,
    height: options.height,
    data: { values: rows.map((row) => ({ ...row })) },
    layer,
    ...extra,
    config: chartConfig(),
  };
}
