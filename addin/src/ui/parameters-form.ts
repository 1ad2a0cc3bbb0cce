import { STAGE_TEMPLATES } from '../../../core/index.js';
import type { PaneAnalysis } from '../excel/settings.js';
import type { AddinLocale, AddinTextKey } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import { breakdownsOf } from './parse-parameters.js';
import { el, selectOf } from './dom.js';

/** The form's fields per analysis, in order, with their label keys and kind of input. */
const FIELDS: Readonly<
  Record<
    PaneAnalysis,
    readonly (readonly [string, AddinTextKey, 'input' | 'textarea' | 'select'])[]
  >
> = {
  forecast: [
    ['asOf', 'asOf', 'input'],
    ['quota', 'quota', 'input'],
    ['template', 'stageTemplate', 'select'],
    ['stageRates', 'stageRates', 'textarea'],
  ],
  segment: [
    ['asOf', 'asOf', 'input'],
    ['abcCutPoints', 'abcCutPoints', 'input'],
    ['rfmMode', 'rfmMode', 'select'],
    ['currency', 'segmentCurrency', 'input'],
    ['portfolioThresholds', 'portfolioThresholds', 'input'],
    ['scorecardWeights', 'scorecardWeights', 'textarea'],
  ],
  aging: [
    ['asOf', 'asOf', 'input'],
    ['buckets', 'buckets', 'input'],
  ],
};

/** What the form shows beside its fields: the source's columns and the last run's as-of date. */
export interface ParametersContext {
  /** Header texts of the source, offered under "Break down by". */
  columns: readonly string[];
  /** The last run's as-of sentence (which day, and whether it came from the data), if any. */
  lastAsOf: string | null;
}

/** The parameters section for `analysis`, calling `onChange` with each field as typed. */
export function parametersForm(
  analysis: PaneAnalysis,
  values: Readonly<Record<string, string>>,
  locale: AddinLocale,
  context: ParametersContext,
  onChange: (field: string, value: string) => void,
): HTMLElement {
  const form = el('div', { className: 'parameters', 'data-testid': 'parameters' });
  for (const [field, labelKey, kind] of FIELDS[analysis]) {
    const value = values[field] ?? '';
    const id = `param-${field}`;
    const input = inputOf(field, kind, value, locale, id);
    input.addEventListener('change', () => onChange(field, input.value));
    const label = addinText(locale, labelKey);
    form.append(el('label', { for: id }, [label]), input);
    if (field === 'asOf') form.append(asOfHint(value, locale, context.lastAsOf));
  }
  form.append(breakdownChoice(values.breakdowns ?? '', locale, context.columns, onChange));
  return form;
}

/** Under the as-of field: what a blank means, and which day the last run used. */
function asOfHint(value: string, locale: AddinLocale, lastAsOf: string | null): HTMLElement {
  const lines = [value.trim() === '' ? addinText(locale, 'asOfBlank') : null, lastAsOf];
  return el('p', { className: 'muted hint', 'data-testid': 'as-of-hint' }, [
    lines.filter((line): line is string => line !== null).join(' '),
  ]);
}

/**
 * "Break down by": a box per source column; the ticked headers are kept one per line, so the
 * choice is saved with the other parameters and each becomes a table in the output sheet.
 */
function breakdownChoice(
  value: string,
  locale: AddinLocale,
  columns: readonly string[],
  onChange: (field: string, value: string) => void,
): HTMLElement {
  const chosen = breakdownsOf(value);
  const box = el('fieldset', { className: 'breakdowns', 'data-testid': 'breakdowns' }, [
    el('legend', {}, [addinText(locale, 'breakdownBy')]),
  ]);
  if (columns.length === 0)
    box.append(el('p', { className: 'muted' }, [addinText(locale, 'breakdownNone')]));
  // A header two columns share is one box: the core finds the first column headed so.
  const offered = [...new Set(columns)];
  offered.forEach((column, i) => {
    const id = `breakdown-${i}`;
    const tick = el('input', {
      id,
      type: 'checkbox',
      value: column,
      checked: chosen.includes(column),
    });
    tick.addEventListener('change', () => {
      const next = offered.filter((c) => (c === column ? tick.checked : chosen.includes(c)));
      onChange('breakdowns', next.join('\n'));
    });
    box.append(el('label', { for: id, className: 'tick' }, [tick, column]));
  });
  return box;
}

function inputOf(
  field: string,
  kind: 'input' | 'textarea' | 'select',
  value: string,
  locale: AddinLocale,
  id: string,
): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  if (kind === 'textarea') return el('textarea', { id, value, rows: 6 });
  if (kind === 'input') return el('input', { id, value, type: field === 'asOf' ? 'date' : 'text' });
  if (field === 'rfmMode')
    return selectOf(
      [
        ['quintile', addinText(locale, 'rfmQuintile')],
        ['b2b', addinText(locale, 'rfmThreshold')],
      ],
      value,
      { id },
    );
  const templates = Object.values(STAGE_TEMPLATES).map(
    (t) => [t.key, locale === 'zh' ? t.nameZh : t.name] as const,
  );
  return selectOf([['', '(auto)'], ...templates], value, { id });
}
