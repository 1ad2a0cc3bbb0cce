import type { SourceChoice } from '../excel/read-source.js';
import type { PaneAnalysis } from '../excel/settings.js';
import type { PaneApp, PaneState } from '../pane-app.js';
import type { AddinLocale } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import { headersFound } from '../run-flow.js';
import { el, selectOf } from './dom.js';
import { mappingTable } from './mapping-table.js';
import { parametersForm } from './parameters-form.js';
import { resultsList } from './results-list.js';

/** Draws the whole pane from its state (the pane is small: redrawing is simpler than patching). */
export function renderPane(root: HTMLElement, state: PaneState, app: PaneApp): void {
  const { locale } = state;
  const t = (key: Parameters<typeof addinText>[1]) => addinText(locale, key);
  const { settings } = state;
  const children: (Node | null)[] = [
    el('header', {}, [
      el('h1', {}, [t('title')]),
      el('label', { for: 'language' }, [t('language')]),
      selectOf(
        [
          ['en', 'English'],
          ['zh', '中文'],
        ],
        locale,
        {
          id: 'language',
          'data-testid': 'language',
          onchange: (e) => app.setLocale((e.target as HTMLSelectElement).value as AddinLocale),
        },
      ),
    ]),
    section(t('analysis'), [
      selectOf(
        [
          ['forecast', t('analysisForecast')],
          ['segment', t('analysisSegment')],
          ['aging', t('analysisAging')],
        ],
        settings.analysis,
        {
          'data-testid': 'analysis',
          onchange: (e) =>
            void app.setAnalysis((e.target as HTMLSelectElement).value as PaneAnalysis),
        },
      ),
    ]),
    section(t('source'), [sourcePicker(state, app)]),
  ];
  if (state.inspected !== null) {
    const { inspected, source } = state.inspected;
    children.push(
      section(t('mapping'), [
        el('p', { className: 'muted' }, [
          addinText(locale, 'headerRowAt', {
            row: inspected.headerRow ?? '?',
            address: `${source.sheet}!${source.address}`,
          }),
        ]),
        mappingTable(inspected, state.mapping, locale, (field, header) =>
          app.setMapping(field, header),
        ),
      ]),
      section(t('parameters'), [
        parametersForm(
          settings.analysis,
          settings.parameters[settings.analysis] ?? {},
          locale,
          {
            columns: [
              ...headersFound(inspected).filter((header) => header !== ''),
              ...(settings.analysis === 'segment' ? state.extraColumns : []),
            ],
            lastAsOf:
              state.outputs.find((output) => output.analysis === settings.analysis)?.asOf
                ?.message ?? null,
          },
          (field, value) => app.setParameter(field, value),
        ),
      ]),
    );
  }
  children.push(runBar(state, app), statusLine(state));
  if (state.outputs.length > 0)
    children.push(resultsList(state.outputs, locale, (s, a) => void app.selectCell(s, a)));
  root.replaceChildren(...children.filter((c): c is Node => c !== null));
}

function section(title: string, body: Node[]): HTMLElement {
  return el('section', {}, [el('h2', {}, [title]), ...body]);
}

/** Table, region of the selection, or used range of a sheet; the choice inspects the source. */
function sourcePicker(state: PaneState, app: PaneApp): HTMLElement {
  const t = (key: Parameters<typeof addinText>[1]) => addinText(state.locale, key);
  const current = state.settings.source;
  const options: [string, string][] = [
    ['selection', t('sourceSelection')],
    ...state.tables.map((name): [string, string] => [
      `table:${name}`,
      `${t('sourceTable')}: ${name}`,
    ]),
    ...state.sheets.map((name): [string, string] => [
      `sheet:${name}`,
      `${t('sourceUsedRange')}: ${name}`,
    ]),
  ];
  const value =
    current === null
      ? ''
      : current.type === 'selection'
        ? 'selection'
        : current.type === 'table'
          ? `table:${current.name}`
          : `sheet:${current.sheet}`;
  const select = selectOf([['', '—'], ...options], value, { 'data-testid': 'source' });
  const read = () => {
    const choice = toChoice(select.value);
    if (choice !== null) void app.setSource(choice);
  };
  select.addEventListener('change', read);
  const button = el('button', { type: 'button', 'data-testid': 'inspect', onclick: read }, [
    t('inspect'),
  ]);
  const row = el('div', { className: 'row' }, [select, button]);
  if (state.settings.analysis === 'forecast') return row;
  const extra = selectOf(
    [['', '—'], ...state.sheets.map((name): [string, string] => [name, name])],
    state.settings.extraSheets[state.settings.analysis] ?? '',
    {
      id: 'extra-sheet',
      'data-testid': 'extra-sheet',
      onchange: (e) => void app.setExtraSheet((e.target as HTMLSelectElement).value),
    },
  );
  return el('div', {}, [row, el('label', { for: 'extra-sheet' }, [t('sourceExtra')]), extra]);
}

function toChoice(value: string): SourceChoice | null {
  if (value === 'selection') return { type: 'selection' };
  if (value.startsWith('table:')) return { type: 'table', name: value.slice(6) };
  if (value.startsWith('sheet:')) return { type: 'usedRange', sheet: value.slice(6) };
  return null;
}

function runBar(state: PaneState, app: PaneApp): HTMLElement {
  const t = (key: Parameters<typeof addinText>[1]) => addinText(state.locale, key);
  return el('div', { className: 'row run-bar' }, [
    el(
      'button',
      {
        type: 'button',
        className: 'primary',
        'data-testid': 'run',
        disabled: state.inspected === null,
        onclick: () => void app.run(),
      },
      [t('run')],
    ),
    el(
      'button',
      {
        type: 'button',
        'data-testid': 'cancel',
        disabled: !state.running,
        onclick: () => app.cancel(),
      },
      [t('cancel')],
    ),
    state.running ? el('progress', { 'data-testid': 'progress' }) : null,
  ]);
}

function statusLine(state: PaneState): HTMLElement | null {
  if (state.status === null) return null;
  return el(
    'p',
    {
      className: state.status.isError ? 'status error' : 'status',
      role: state.status.isError ? 'alert' : 'status',
      'data-testid': 'status',
    },
    [state.status.text],
  );
}
