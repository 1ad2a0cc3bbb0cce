import { textFor } from '../../core/index.js';
import { escapeHtml } from './escape-html.js';
import { htmlPage, summaryHtml } from './html-pieces.js';
import type { ReportIndexEntry, ReportLocale } from './report-model.js';

/** Options of {@link renderIndexHtml}. */
export interface RenderIndexHtmlOptions {
  /** Page title; default "Reports" / "报告列表". */
  title?: string;
  /** As-of date shown under the title, ISO `YYYY-MM-DD`. */
  generatedFor?: string;
  locale?: ReportLocale;
}

/**
 * Renders the index page of a batch run: one row per input workbook with a link to its report,
 * or the reason it failed. Self-contained like the reports (no script, no external request).
 *
 * @param entries - One entry per input file, in the order to list them.
 * @param options - Title, as-of date, locale.
 * @returns The HTML document.
 * @throws {TypeError} When `entries` is not an array, or an entry's `href` is absolute or has a
 *   scheme (links must stay inside the output folder).
 */
export function renderIndexHtml(
  entries: readonly ReportIndexEntry[],
  options: RenderIndexHtmlOptions = {},
): string {
  if (!Array.isArray(entries)) {
    throw new TypeError('renderIndexHtml: entries must be an array');
  }
  const locale = options.locale ?? 'en';
  const title = options.title ?? textFor(locale, 'report.indexTitle');
  const failed = entries.filter((e) => e.status === 'error').length;

  const rows = entries.map((entry) => {
    const ok = entry.status !== 'error';
    const link =
      ok && entry.href !== undefined
        ? `<a href="${escapeHtml(relativeHref(entry.href))}">${escapeHtml(textFor(locale, 'report.openReport'))}</a>`
        : '';
    const status = statusHtml(entry.status, locale);
    const details = [
      entry.message === undefined ? '' : `<div>${escapeHtml(entry.message)}</div>`,
      summaryHtml(entry.summary ?? []),
    ].join('');
    return `<tr class="${entry.status === 'ok' ? 'entry-ok' : 'entry-error'}"><td>${escapeHtml(entry.name)}</td><td>${status}</td><td>${link}</td><td>${details}</td></tr>`;
  });

  const body = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    options.generatedFor === undefined
      ? ''
      : `<p class="as-of">${escapeHtml(textFor(locale, 'report.dataAsOf'))}: ${escapeHtml(options.generatedFor)}</p>`,
    `<p>${escapeHtml(textFor(locale, 'report.summaryCounts', { ready: entries.filter((e) => e.status === 'ok').length, failed }))}</p>`,
    '</header>',
    '<main><section>',
    '<div class="table-wrap"><table>',
    `<thead><tr><th scope="col">${escapeHtml(textFor(locale, 'report.file'))}</th><th scope="col">${escapeHtml(textFor(locale, 'report.status'))}</th><th scope="col"></th><th scope="col">${escapeHtml(textFor(locale, 'report.details'))}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div>',
    '</section></main>',
    `<footer>${escapeHtml(textFor(locale, 'report.footer'))}</footer>`,
  ].join('\n');
  return htmlPage(title, locale, body);
}

/** Keeps links inside the output folder: no scheme, no leading slash; path characters encoded. */
function relativeHref(href: string): string {
  if (
    typeof href !== 'string' ||
    /^[a-z][a-z0-9+.-]*:/i.test(href) ||
    href.startsWith('/') ||
    href.startsWith('\\')
  ) {
    throw new TypeError(
      `renderIndexHtml: href must be a relative path, got ${JSON.stringify(href)}`,
    );
  }
  return href
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/** The index's status cell: ready (green), nothing to analyse or failed (red). */
function statusHtml(status: ReportIndexEntry['status'], locale: ReportLocale): string {
  if (status === 'ok') {
    return `<span class="status-ok">${escapeHtml(textFor(locale, 'report.ok'))}</span>`;
  }
  const key = status === 'nothing' ? 'report.nothing' : 'report.failed';
  return `<span class="status-error">${escapeHtml(textFor(locale, key))}</span>`;
}
