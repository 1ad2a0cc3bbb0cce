import { textFor } from '../../core/index.js';
import { escapeHtml } from './escape-html.js';
import { htmlPage, safeId, summaryHtml, tableHtml } from './html-pieces.js';
import type { ReportChart, ReportLocale, ReportModel, ReportSection } from './report-model.js';

/**
 * Renders one workbook's report as a self-contained HTML page: inline CSS, charts as inline SVG,
 * no script and no external request (a Content-Security-Policy forbids any), every user string
 * escaped.
 *
 * @param model - Title, as-of date, sections (summary tiles, charts, tables, notes), warnings
 *   and skipped analyses.
 * @returns The HTML document (UTF-8 text).
 * @throws {TypeError} When `model` lacks `title`, `generatedFor`, `sections`, `warnings` or
 *   `skipped`, or a chart's `svg` is not an `<svg>` element or carries script.
 */
export function renderReportHtml(model: ReportModel): string {
  checkModel(model);
  const locale: ReportLocale = model.locale ?? 'en';
  const ids = uniqueIds(model.sections.map((s) => s.id));

  const nav =
    model.sections.length === 0
      ? ''
      : [
          `<nav aria-label="${escapeHtml(textFor(locale, 'report.contents'))}"><ul>`,
          ...model.sections.map(
            (s, i) => `<li><a href="#${ids[i] ?? ''}">${escapeHtml(s.title)}</a></li>`,
          ),
          '</ul></nav>',
        ].join('\n');

  const header = [
    '<header>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    model.subtitle === undefined ? '' : `<p class="subtitle">${escapeHtml(model.subtitle)}</p>`,
    `<p class="as-of">${escapeHtml(textFor(locale, 'report.dataAsOf'))}: <time datetime="${escapeHtml(model.generatedFor)}">${escapeHtml(model.generatedFor)}</time></p>`,
    nav,
    '</header>',
  ].join('\n');

  const sections = model.sections.map((s, i) => sectionHtml(s, ids[i] ?? 'section', locale));

  const skipped =
    model.skipped.length === 0
      ? ''
      : [
          '<section id="skipped" class="skipped">',
          `<h2>${escapeHtml(textFor(locale, 'report.skipped'))}</h2>`,
          '<ul>',
          ...model.skipped.map(
            (s) => `<li><strong>${escapeHtml(s.analysis)}</strong>: ${escapeHtml(s.reason)}</li>`,
          ),
          '</ul>',
          '</section>',
        ].join('\n');

  const warnings = [
    '<section id="warnings" class="warnings">',
    `<h2>${escapeHtml(textFor(locale, 'report.warnings'))} (${model.warnings.length})</h2>`,
    model.warnings.length === 0
      ? `<p>${escapeHtml(textFor(locale, 'report.noWarnings'))}</p>`
      : [
          '<ul>',
          ...model.warnings.map(
            (w) =>
              `<li><span class="where">${escapeHtml(w.where)}</span>${escapeHtml(w.message)}</li>`,
          ),
          '</ul>',
        ].join('\n'),
    '</section>',
  ].join('\n');

  const body = [
    header,
    '<main>',
    ...sections,
    skipped,
    warnings,
    '</main>',
    `<footer>${escapeHtml(textFor(locale, 'report.footer'))}</footer>`,
  ].join('\n');
  return htmlPage(model.title, locale, body);
}

function sectionHtml(section: ReportSection, id: string, locale: ReportLocale): string {
  return [
    `<section id="${escapeHtml(id)}">`,
    `<h2>${escapeHtml(section.title)}</h2>`,
    ...(section.notes ?? []).map((note) => `<p class="notes">${escapeHtml(note)}</p>`),
    summaryHtml(section.summary),
    ...section.charts.map(chartHtml),
    ...section.tables.map((t) => tableHtml(t, locale)),
    '</section>',
  ].join('\n');
}

/**
 * A chart as a figure. The title is drawn inside the image, so the caption below says how to
 * read it (never the title again); the title labels the figure for screen readers.
 */
function chartHtml(chart: ReportChart): string {
  checkSvg(chart);
  const caption =
    chart.caption === undefined || chart.caption === '' || chart.caption === chart.title
      ? ''
      : `<figcaption>${escapeHtml(chart.caption)}</figcaption>`;
  return [
    `<figure id="chart-${escapeHtml(safeId(chart.id))}" aria-label="${escapeHtml(chart.title)}">`,
    chart.svg,
    caption,
    '</figure>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Chart SVG is inserted as markup, so it must be the renderer's own output: one `<svg>` element
 * (vega escapes the text inside) and nothing that runs or embeds HTML.
 */
function checkSvg(chart: ReportChart): void {
  const svg = chart.svg;
  if (typeof svg !== 'string' || !/^\s*<svg[\s>]/.test(svg) || !/<\/svg>\s*$/.test(svg)) {
    throw new TypeError(
      `renderReportHtml: chart ${JSON.stringify(chart.id)} svg is not an <svg> element`,
    );
  }
  if (/<(script|foreignObject|iframe|object|embed)[\s>/]/i.test(svg) || /javascript:/i.test(svg)) {
    throw new TypeError(
      `renderReportHtml: chart ${JSON.stringify(chart.id)} svg carries script or embedded content`,
    );
  }
}

function uniqueIds(ids: readonly string[]): string[] {
  const used = new Set<string>(['warnings', 'skipped']);
  return ids.map((raw) => {
    const base = safeId(raw);
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

function checkModel(model: ReportModel): void {
  if (model === null || typeof model !== 'object') {
    throw new TypeError(`renderReportHtml: model must be an object, got ${String(model)}`);
  }
  for (const key of ['title', 'generatedFor'] as const) {
    if (typeof model[key] !== 'string') {
      throw new TypeError(
        `renderReportHtml: model.${key} must be a string, got ${JSON.stringify(model[key])}`,
      );
    }
  }
  for (const key of ['sections', 'warnings', 'skipped'] as const) {
    if (!Array.isArray(model[key])) {
      throw new TypeError(`renderReportHtml: model.${key} must be an array`);
    }
  }
}
