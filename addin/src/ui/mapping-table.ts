import type { InspectSheetResult } from '../../../core/index.js';
import { headersFound } from '../run-flow.js';
import type { AddinLocale } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import { el, selectOf } from './dom.js';

/**
 * The column-mapping table: one row per field of the kind read (label in the pane's language,
 * required ones marked), each with a choice of the headers found. A required field without a
 * column is flagged.
 */
export function mappingTable(
  inspected: InspectSheetResult,
  mapping: Readonly<Record<string, string | null>>,
  locale: AddinLocale,
  onChange: (field: string, header: string | null) => void,
): HTMLElement {
  const headers = headersFound(inspected);
  const options: [string, string][] = [
    ['', addinText(locale, 'mappingNone')],
    ...headers.map((h): [string, string] => [h, h]),
  ];
  const body = el('tbody');
  for (const field of inspected.fields) {
    const chosen = mapping[field.field] ?? '';
    const select = selectOf(options, chosen, {
      'data-field': field.field,
      'aria-label': field.label[locale],
    });
    select.addEventListener('change', () => onChange(field.field, select.value || null));
    const missing = field.required && chosen === '';
    const label = el('td', {}, [
      field.label[locale],
      field.required
        ? el('span', { className: 'required' }, [` (${addinText(locale, 'mappingRequired')})`])
        : null,
    ]);
    body.append(el('tr', { className: missing ? 'missing' : '' }, [label, el('td', {}, [select])]));
  }
  return el('table', { className: 'mapping', 'data-testid': 'mapping' }, [
    el('thead', {}, [
      el('tr', {}, [
        el('th', {}, [addinText(locale, 'mappingField')]),
        el('th', {}, [addinText(locale, 'mappingColumn')]),
      ]),
    ]),
    body,
  ]);
}
