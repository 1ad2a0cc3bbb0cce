import type { OutputHeadline, OutputNote, OutputSheet } from '../results/output-model.js';
import type { AddinLocale } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import { el } from './dom.js';

/**
 * The headline figures of each output sheet, then its warnings; a warning with a cell is a
 * button that selects that cell in the source sheet.
 */
export function resultsList(
  outputs: readonly OutputSheet[],
  locale: AddinLocale,
  onSelectCell: (sheet: string, address: string) => void,
): HTMLElement {
  const section = el('div', { className: 'results', 'data-testid': 'results' });
  for (const output of outputs) {
    section.append(
      el('h3', {}, [output.name]),
      el('dl', { className: 'headline' }, output.headline.flatMap(headlineItem)),
      el('p', { className: 'muted', 'data-testid': 'as-of-used' }, [output.asOf?.message]),
      el('h4', {}, [`${addinText(locale, 'warnings')} (${output.notes.length})`]),
      warningsList(output.notes, locale, onSelectCell),
    );
  }
  return section;
}

function headlineItem(item: OutputHeadline): HTMLElement[] {
  return [el('dt', {}, [item.label]), el('dd', {}, [formatHeadline(item)])];
}

/** A headline value as the pane shows it: grouped thousands, percentages with one decimal. */
export function formatHeadline(item: OutputHeadline): string {
  const { value, format } = item;
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  const digits = format === 'money' ? 2 : format === 'number' ? 1 : 0;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Warnings shown in the pane; the Notes table in the sheet has them all. */
const MAX_LISTED_WARNINGS = 200;

function warningsList(
  notes: readonly OutputNote[],
  locale: AddinLocale,
  onSelectCell: (sheet: string, address: string) => void,
): HTMLElement {
  if (notes.length === 0) return el('p', { className: 'muted' }, [addinText(locale, 'noWarnings')]);
  const list = el('ul', { className: 'warnings', 'data-testid': 'warnings' });
  for (const note of notes.slice(0, MAX_LISTED_WARNINGS)) {
    const { sheet, address } = note;
    const place =
      sheet !== null && address !== null
        ? el(
            'button',
            {
              className: 'cell-link',
              type: 'button',
              'data-address': `${sheet}!${address}`,
              onclick: () => onSelectCell(sheet, address),
            },
            [`${sheet}!${address}`],
          )
        : null;
    list.append(el('li', {}, [place, ' ', note.message]));
  }
  return list;
}
