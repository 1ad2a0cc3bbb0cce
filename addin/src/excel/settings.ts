import type { SourceChoice } from './read-source.js';

/** The workbook setting that holds the pane's choices for this workbook. */
export const PANE_SETTINGS_KEY = 'pipecast.pane';

export type PaneAnalysis = 'forecast' | 'segment' | 'aging';

/** What the pane remembers per workbook: the last source, analysis, mappings and parameters. */
export interface PaneSettings {
  version: 1;
  source: SourceChoice | null;
  analysis: PaneAnalysis;
  /** Per analysis: field → header text of the column the user chose for it. */
  mappings: Partial<Record<PaneAnalysis, Record<string, string>>>;
  /** Per analysis: the parameter form's fields as typed. */
  parameters: Partial<Record<PaneAnalysis, Record<string, string>>>;
  /** Per analysis: a second sheet read whole (payments for aging, a customer list for segments). */
  extraSheets: Partial<Record<PaneAnalysis, string>>;
}

export const DEFAULT_PANE_SETTINGS: PaneSettings = {
  version: 1,
  source: null,
  analysis: 'forecast',
  mappings: {},
  parameters: {},
  extraSheets: {},
};

/** The pane settings queued for the next sync; `resolve` reads them after it. */
export function queuePaneSettings(context: Excel.RequestContext): { resolve(): PaneSettings } {
  const setting = context.workbook.settings.getItemOrNullObject(PANE_SETTINGS_KEY);
  setting.load('value');
  return {
    resolve: () => (setting.isNullObject ? DEFAULT_PANE_SETTINGS : toPaneSettings(setting.value)),
  };
}

/** Queues saving the pane settings into the workbook (written with the workbook's next save). */
export function queueSavePaneSettings(context: Excel.RequestContext, settings: PaneSettings): void {
  context.workbook.settings.add(PANE_SETTINGS_KEY, JSON.stringify(settings));
}

/**
 * Pane settings from their stored JSON. Anything unreadable (another version, a hand edit)
 * falls back to the defaults field by field, so an old workbook still opens the pane.
 */
export function toPaneSettings(value: unknown): PaneSettings {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return DEFAULT_PANE_SETTINGS;
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return DEFAULT_PANE_SETTINGS;
  const stored = parsed as Partial<PaneSettings>;
  const analysis = ['forecast', 'segment', 'aging'].includes(stored.analysis as string)
    ? (stored.analysis as PaneAnalysis)
    : DEFAULT_PANE_SETTINGS.analysis;
  return {
    version: 1,
    source: isSourceChoice(stored.source) ? stored.source : null,
    analysis,
    mappings: textMaps(stored.mappings),
    parameters: textMaps(stored.parameters),
    extraSheets: textsOf(stored.extraSheets),
  };
}

function isSourceChoice(value: unknown): value is SourceChoice {
  if (typeof value !== 'object' || value === null) return false;
  const choice = value as Record<string, unknown>;
  if (choice.type === 'selection') return true;
  if (choice.type === 'table') return typeof choice.name === 'string';
  return choice.type === 'usedRange' && typeof choice.sheet === 'string';
}

function textsOf(value: unknown): Partial<Record<PaneAnalysis, string>> {
  const out: Partial<Record<PaneAnalysis, string>> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const analysis of ['forecast', 'segment', 'aging'] as const) {
    const text = (value as Record<string, unknown>)[analysis];
    if (typeof text === 'string' && text !== '') out[analysis] = text;
  }
  return out;
}

function textMaps(value: unknown): Partial<Record<PaneAnalysis, Record<string, string>>> {
  const out: Partial<Record<PaneAnalysis, Record<string, string>>> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const analysis of ['forecast', 'segment', 'aging'] as const) {
    const map = (value as Record<string, unknown>)[analysis];
    if (typeof map !== 'object' || map === null) continue;
    const texts: Record<string, string> = {};
    for (const [key, text] of Object.entries(map)) if (typeof text === 'string') texts[key] = text;
    out[analysis] = texts;
  }
  return out;
}
