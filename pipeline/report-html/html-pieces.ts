import { formatDecimal, textFor } from '../../core/index.js';
import { escapeHtml } from './escape-html.js';
import { REPORT_CSS } from './report-css.js';
import type { ReportCell, ReportLocale, ReportSummaryItem, ReportTable } from './report-model.js';
import { cutCellText, HTML_CELL_CHARS } from '../report/cut-cell-text.js';

/**
 * Content-Security-Policy of every page: nothing may load from anywhere (styles are inline,
 * charts are inline SVG, the CJK font a data: URL), so even markup that slipped through could not
 * call out or run script.
 */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Whole HTML document around already-escaped body markup. */
export function htmlPage(title: string, locale: ReportLocale, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Formats a cell: a number that no column format shaped with grouping and at most two decimals
 * (1,234.5; builders format money, counts and shares as text first), blanks empty, text escaped.
 */
export function cellHtml(value: ReportCell): { html: string; numeric: boolean } {
  if (typeof value === 'number') {
    const decimals = Number.isInteger(value) ? 0 : 2;
    return { html: escapeHtml(formatDecimal(value, decimals)), numeric: true };
  }
  const text = typeof value === 'string' ? cutCellText(value, HTML_CELL_CHARS) : value;
  return { html: escapeHtml(text), numeric: false };
}

/** A summary strip of label/value tiles. */
export function summaryHtml(items: readonly ReportSummaryItem[]): string {
  if (items.length === 0) return '';
  const tiles = items.map((item) => {
    const value = cellHtml(item.value).html;
    const note =
      item.note === undefined || item.note === ''
        ? ''
        : `<dd class="note">${escapeHtml(item.note)}</dd>`;
    return `<div><dt>${escapeHtml(item.label)}</dt><dd>${value}</dd>${note}</div>`;
  });
  return `<dl class="summary">${tiles.join('')}</dl>`;
}

/** A titled table; an empty one says so instead of showing bare headers. */
export function tableHtml(table: ReportTable, locale: ReportLocale): string {
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body =
    table.rows.length === 0
      ? `<tr><td class="empty" colspan="${Math.max(1, table.columns.length)}">${escapeHtml(textFor(locale, 'report.noRows'))}</td></tr>`
      : table.rows
          .map((row) => {
            const cells = row.map((value, i) => {
              const cell = cellHtml(value);
              const numeric =
                cell.numeric || (table.numericColumns?.[i] === true && value !== null);
              return numeric ? `<td class="num">${cell.html}</td>` : `<td>${cell.html}</td>`;
            });
            return `<tr>${cells.join('')}</tr>`;
          })
          .join('\n');
  return [
    `<h3>${escapeHtml(table.title)}</h3>`,
    '<div class="table-wrap"><table>',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${body}</tbody>`,
    '</table></div>',
  ].join('\n');
}

/** Anchor-safe id: letters, digits, - and _ only (anything else becomes -). */
export function safeId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return cleaned === '' ? 'section' : cleaned;
}
