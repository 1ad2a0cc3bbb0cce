import type { ColumnMapping } from '../columns/match-columns.js';
import { RECORD_FIELDS } from '../columns/record-fields.js';
import type { RecordKind } from '../columns/records.js';
import { parseStageTemplate } from '../funnel/parse-stage-template.js';
import type { StageTemplate, StageTemplateKey } from '../funnel/stage-templates.js';
import { STAGE_TEMPLATES } from '../funnel/stage-templates.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { type CodedText, coded, renderCoded } from '../text/coded-text.js';

/** What a sheet holds, as a config file names it; `ignore` keeps a sheet out of every analysis. */
export type ReportSheetKind = RecordKind | 'ignore';

/** Four ascending thresholds of one RFM dimension (b2b mode). */
export type ReportRfmThresholds = readonly [number, number, number, number];

/**
 * The `--config pipecast.json` file of `pipecast report`, checked by {@link parseReportConfig}.
 * Every key is optional; what is absent is detected from the headers or takes the analysis default.
 */
export interface ReportConfig {
  /** Sheet name → what it holds; named sheets are not guessed. */
  sheets?: Readonly<Record<string, ReportSheetKind>>;
  /** Sheet name → column mapping (field → header text or column letters, null = no such column). */
  mappings?: Readonly<Record<string, ColumnMapping>>;
  forecast?: {
    /** A built-in template key or an inline template `{name, stages: [...]}`. */
    template?: StageTemplateKey | StageTemplate;
    quota?: number;
    /** Open deals below this amount are small orders (run-rate add-back). */
    smallOrderThreshold?: number;
    /** Seed of the P10/P50/P90 simulation, when one is needed. */
    seed?: number;
  };
  aging?: {
    by?: 'due' | 'invoice';
    /** Upper bucket bounds in days after Current, increasing whole numbers. */
    buckets?: readonly number[];
    /** Stack the aging chart by customer (default) or owner. */
    groupBy?: 'customer' | 'owner';
    /** One loss rate 0–1 per aging bucket (bounds + 2 by due date, + 1 by invoice date). */
    provisionRates?: readonly number[];
    /** Net margin (0, 1] for the sales needed to cover the provision. */
    netMargin?: number;
    /** Currency of rows whose currency cell is blank. */
    currency?: string;
    dsoDays?: number;
  };
  segments?: {
    /** ABC cumulative-share cut points, 0 < A < B ≤ 1. */
    cutPoints?: readonly [number, number];
    /** ABC ranked measure (the file may spell the key `by`, its older name). */
    measure?: 'revenue' | 'margin';
    /** ABC and RFM: rank only the orders in this currency (orders in several are refused). */
    currency?: string;
    rfmMode?: 'quintile' | 'b2b';
    rfmThresholds?: {
      recency?: ReportRfmThresholds;
      frequency?: ReportRfmThresholds;
      monetary?: ReportRfmThresholds;
    };
  };
  /**
   * Columns of the source sheets to break results down by (header text in either language, or
   * a column letter): the forecast by columns of the deals' sheet, the aging by the invoices'
   * sheet, the segments by the order lines' sheet or the customer list (joined by customer id).
   */
  breakdowns?: {
    forecast?: readonly string[];
    aging?: readonly string[];
    segments?: readonly string[];
  };
  /** Language of the report wording; default English, or Chinese when the headers are mostly Chinese. */
  locale?: 'en' | 'zh';
}

/**
 * A config file that does not fit {@link ReportConfig}: the message names the file and the key.
 * A PipecastError with the code 'invalid-option' and the file as its place; its `text` is the key
 * and the problem as coded text (the problem in words when it has no catalogue entry).
 *
 * @example new ReportConfigError('pipecast.json', 'aging.buckets', 'must increase').message
 * // 'pipecast.json: aging.buckets must increase'
 */
export class ReportConfigError extends PipecastError {
  override name = 'ReportConfigError';

  constructor(
    readonly source: string,
    readonly key: string,
    problem: string | CodedText,
  ) {
    const text = coded('error.configKey', { key, problem });
    super('invalid-option', `${source}: ${renderCoded(text, 'en')}`, { file: source }, { text });
  }
}

const SHEET_KINDS: readonly ReportSheetKind[] = [
  'deal',
  'stageChange',
  'orderLine',
  'customer',
  'invoice',
  'payment',
  'ignore',
];
const TOP_KEYS = [
  'sheets',
  'mappings',
  'forecast',
  'aging',
  'segments',
  'breakdowns',
  'locale',
  '$schema',
];

type Json = Record<string, unknown>;

/**
 * Checks a parsed config file and returns it typed; unknown keys are mistakes, not ignored, so a
 * typo never silently falls back to a default.
 *
 * @param json - the value of JSON.parse on the file.
 * @param source - the file name, used in every error message.
 * @returns the config with the template resolved to a StageTemplate.
 * @throws ReportConfigError naming the source and the bad key (e.g. `pipecast.json: aging.buckets[1] must …`).
 * @example parseReportConfig({ aging: { buckets: [30, 60] } }, 'pipecast.json').aging?.buckets // [30, 60]
 */
export function parseReportConfig(json: unknown, source: string): ReportConfig {
  const fail: Fail = (key, problem) => {
    throw new ReportConfigError(source, key, problem);
  };
  const root = object(json, 'the config', fail);
  unknownKeys(root, TOP_KEYS, '', fail);
  const config: ReportConfig = {};

  if (root.sheets !== undefined) config.sheets = parseSheetKinds(root.sheets, fail);
  if (root.mappings !== undefined)
    config.mappings = parseMappings(root.mappings, config.sheets ?? {}, fail);
  if (root.forecast !== undefined) config.forecast = parseForecastConfig(root.forecast, fail);
  if (root.aging !== undefined) config.aging = parseAgingConfig(root.aging, fail);
  if (root.segments !== undefined) config.segments = parseSegmentsConfig(root.segments, fail);
  if (root.breakdowns !== undefined)
    config.breakdowns = parseBreakdownsConfig(root.breakdowns, fail);
  if (root.locale !== undefined)
    config.locale = oneOf(root.locale, ['en', 'zh'] as const, 'locale', fail);
  return config;
}

/** `sheets`: sheet name → what it holds. */
function parseSheetKinds(value: unknown, fail: Fail): Record<string, ReportSheetKind> {
  const sheets: Record<string, ReportSheetKind> = {};
  for (const [name, kind] of Object.entries(object(value, 'sheets', fail))) {
    if (!SHEET_KINDS.includes(kind as ReportSheetKind))
      fail(
        `sheets.${name}`,
        coded('error.mustBeOneOf', { allowed: SHEET_KINDS.join(', '), value: shown(kind) }),
      );
    sheets[name] = kind as ReportSheetKind;
  }
  return sheets;
}

/** `mappings`: sheet name → field → header text, column letters or null. */
function parseMappings(
  value: unknown,
  kinds: Readonly<Record<string, ReportSheetKind>>,
  fail: Fail,
): Record<string, ColumnMapping> {
  const mappings: Record<string, ColumnMapping> = {};
  for (const [sheet, raw] of Object.entries(object(value, 'mappings', fail))) {
    const kind = kinds[sheet];
    const fields = knownFields(kind === 'ignore' ? undefined : kind);
    const mapping: Record<string, string | null> = {};
    for (const [field, header] of Object.entries(object(raw, `mappings.${sheet}`, fail))) {
      const key = `mappings.${sheet}.${field}`;
      if (!fields.has(field))
        fail(
          key,
          kind && kind !== 'ignore'
            ? coded('error.notAFieldOf', { kind, known: [...fields].join(', ') })
            : coded('error.notAField', { known: [...fields].join(', ') }),
        );
      if (header !== null && (typeof header !== 'string' || header.trim() === ''))
        fail(key, coded('error.mustBeHeader', { value: shown(header) }));
      mapping[field] = header as string | null;
    }
    mappings[sheet] = mapping;
  }
  return mappings;
}

/** `forecast`: template (a built-in key or an inline template), quota, threshold, seed. */
function parseForecastConfig(value: unknown, fail: Fail): NonNullable<ReportConfig['forecast']> {
  const f = object(value, 'forecast', fail);
  unknownKeys(f, ['template', 'quota', 'smallOrderThreshold', 'seed'], 'forecast.', fail);
  const forecast: NonNullable<ReportConfig['forecast']> = {};
  if (f.template !== undefined) {
    if (typeof f.template === 'string') {
      if (!(f.template in STAGE_TEMPLATES))
        fail(
          'forecast.template',
          `must be six, key-account, generic or an object {name, stages}, got ${show(f.template)}`,
        );
      forecast.template = STAGE_TEMPLATES[f.template as StageTemplateKey];
    } else {
      try {
        forecast.template = parseStageTemplate(f.template);
      } catch (error) {
        fail(
          'forecast.template',
          (error as Error).message.replace(/^parseStageTemplate: /, 'is not a template: '),
        );
      }
    }
  }
  if (f.quota !== undefined) forecast.quota = number(f.quota, 'forecast.quota', fail, 0);
  if (f.smallOrderThreshold !== undefined)
    forecast.smallOrderThreshold = number(
      f.smallOrderThreshold,
      'forecast.smallOrderThreshold',
      fail,
      0,
    );
  if (f.seed !== undefined) {
    forecast.seed = number(f.seed, 'forecast.seed', fail, 0);
    if (!Number.isInteger(forecast.seed)) fail('forecast.seed', 'must be a whole number');
  }
  return forecast;
}

/** `aging`: basis, bucket bounds, chart grouping, provision rates, margin, currency, DSO window. */
function parseAgingConfig(value: unknown, fail: Fail): NonNullable<ReportConfig['aging']> {
  const a = object(value, 'aging', fail);
  unknownKeys(
    a,
    ['by', 'buckets', 'groupBy', 'provisionRates', 'netMargin', 'currency', 'dsoDays'],
    'aging.',
    fail,
  );
  const aging: NonNullable<ReportConfig['aging']> = {};
  if (a.by !== undefined) aging.by = oneOf(a.by, ['due', 'invoice'] as const, 'aging.by', fail);
  if (a.groupBy !== undefined)
    aging.groupBy = oneOf(a.groupBy, ['customer', 'owner'] as const, 'aging.groupBy', fail);
  if (a.buckets !== undefined) {
    const edges = numbers(a.buckets, 'aging.buckets', fail);
    edges.forEach((e, i) => {
      if (!Number.isInteger(e) || e <= 0 || (i > 0 && e <= (edges[i - 1] as number)))
        fail(
          `aging.buckets[${i}]`,
          `must be a whole number > 0 and above the one before, got ${e}`,
        );
    });
    if (edges.length === 0)
      fail('aging.buckets', 'must list at least one bound, e.g. [30, 60, 90]');
    aging.buckets = edges;
  }
  if (a.provisionRates !== undefined) {
    const rates = numbers(a.provisionRates, 'aging.provisionRates', fail);
    rates.forEach((r, i) => {
      if (r < 0 || r > 1) fail(`aging.provisionRates[${i}]`, `must be from 0 to 1, got ${r}`);
    });
    const expected = (aging.buckets?.length ?? 4) + ((aging.by ?? 'due') === 'due' ? 2 : 1);
    if (rates.length !== expected)
      fail(
        'aging.provisionRates',
        `needs ${expected} rates, one per aging bucket, got ${rates.length}`,
      );
    aging.provisionRates = rates;
  }
  if (a.netMargin !== undefined) {
    const m = number(a.netMargin, 'aging.netMargin', fail, 0);
    if (m <= 0 || m > 1) fail('aging.netMargin', `must be in (0, 1], got ${m}`);
    aging.netMargin = m;
  }
  if (a.currency !== undefined) {
    if (typeof a.currency !== 'string' || a.currency.trim() === '')
      fail('aging.currency', `must be a currency code, got ${show(a.currency)}`);
    aging.currency = (a.currency as string).trim();
  }
  if (a.dsoDays !== undefined) {
    const d = number(a.dsoDays, 'aging.dsoDays', fail, 1);
    if (!Number.isInteger(d)) fail('aging.dsoDays', `must be a whole number of days, got ${d}`);
    aging.dsoDays = d;
  }
  return aging;
}

/** `segments`: ABC cut points and measure, RFM mode and thresholds. */
function parseSegmentsConfig(value: unknown, fail: Fail): NonNullable<ReportConfig['segments']> {
  const s = object(value, 'segments', fail);
  unknownKeys(
    s,
    ['cutPoints', 'measure', 'by', 'currency', 'rfmMode', 'rfmThresholds'],
    'segments.',
    fail,
  );
  const segments: NonNullable<ReportConfig['segments']> = {};
  if (s.cutPoints !== undefined) {
    const cuts = numbers(s.cutPoints, 'segments.cutPoints', fail);
    // Percent (80, 95) is what users type; shares (0.8, 0.95) what the analysis takes.
    const shares = cuts.every((c) => c > 1) ? cuts.map((c) => c / 100) : cuts;
    const [a, b] = shares;
    if (shares.length !== 2 || a === undefined || b === undefined || !(a > 0 && a < b && b <= 1))
      fail(
        'segments.cutPoints',
        `must be two shares 0 < A < B ≤ 1 (or percents), got ${show(s.cutPoints)}`,
      );
    segments.cutPoints = [shares[0] as number, shares[1] as number];
  }
  // `by` is the key's older name, kept so existing files still read.
  for (const key of ['measure', 'by'] as const) {
    if (s[key] === undefined) continue;
    const measure = oneOf(s[key], ['revenue', 'margin'] as const, `segments.${key}`, fail);
    if (segments.measure !== undefined && segments.measure !== measure)
      fail('segments.by', `is the older name of segments.measure and must not differ from it`);
    segments.measure = measure;
  }
  if (s.currency !== undefined) {
    if (typeof s.currency !== 'string' || s.currency.trim() === '')
      fail('segments.currency', `must be a currency code, got ${show(s.currency)}`);
    segments.currency = (s.currency as string).trim();
  }
  if (s.rfmMode !== undefined)
    segments.rfmMode = oneOf(s.rfmMode, ['quintile', 'b2b'] as const, 'segments.rfmMode', fail);
  if (s.rfmThresholds !== undefined) {
    const t = object(s.rfmThresholds, 'segments.rfmThresholds', fail);
    unknownKeys(t, ['recency', 'frequency', 'monetary'], 'segments.rfmThresholds.', fail);
    const thresholds: NonNullable<NonNullable<ReportConfig['segments']>['rfmThresholds']> = {};
    for (const name of ['recency', 'frequency', 'monetary'] as const) {
      if (t[name] === undefined) continue;
      const key = `segments.rfmThresholds.${name}`;
      const list = numbers(t[name], key, fail);
      if (list.length !== 4 || !list.every((v, i) => i === 0 || v > (list[i - 1] as number)))
        fail(key, `must be four ascending numbers, got ${show(t[name])}`);
      thresholds[name] = list as unknown as ReportRfmThresholds;
    }
    segments.rfmThresholds = thresholds;
  }
  if (segments.rfmMode === 'b2b' && segments.rfmThresholds?.monetary === undefined)
    fail('segments.rfmThresholds.monetary', 'is required with rfmMode b2b (revenue thresholds)');
  return segments;
}

/** `breakdowns`: per analysis, the columns to break it down by. */
function parseBreakdownsConfig(
  value: unknown,
  fail: Fail,
): NonNullable<ReportConfig['breakdowns']> {
  const b = object(value, 'breakdowns', fail);
  const analyses = ['forecast', 'aging', 'segments'] as const;
  unknownKeys(b, analyses, 'breakdowns.', fail);
  const breakdowns: NonNullable<ReportConfig['breakdowns']> = {};
  for (const analysis of analyses) {
    const columns = b[analysis];
    if (columns === undefined) continue;
    const key = `breakdowns.${analysis}`;
    if (!Array.isArray(columns))
      fail(key, `must be an array of column names, got ${show(columns)}`);
    breakdowns[analysis] = (columns as unknown[]).map((column, i) =>
      typeof column === 'string' && column.trim() !== ''
        ? column
        : fail(`${key}[${i}]`, `must be a header text or column letter, got ${show(column)}`),
    );
  }
  return breakdowns;
}

type Fail = (key: string, problem: string | CodedText) => never;

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** {@link show} as a parameter of coded text: "nothing" in the reader's language. */
function shown(value: unknown): string | CodedText {
  return value === undefined ? coded('error.nothing') : JSON.stringify(value);
}

function object(value: unknown, key: string, fail: Fail): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(key, coded('error.mustBeObject', { value: shown(value) }));
  return value as Json;
}

function unknownKeys(value: Json, known: readonly string[], prefix: string, fail: Fail): void {
  for (const key of Object.keys(value))
    if (!known.includes(key))
      fail(
        `${prefix}${key}`,
        coded('error.notAKnownKey', { known: known.filter((k) => k !== '$schema').join(', ') }),
      );
}

function number(value: unknown, key: string, fail: Fail, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
    return fail(key, coded('error.mustBeNumberAtLeast', { min, value: shown(value) }));
  return value;
}

function numbers(value: unknown, key: string, fail: Fail): number[] {
  if (!Array.isArray(value))
    return fail(key, coded('error.mustBeNumberArray', { value: shown(value) }));
  return value.map((v, i) =>
    typeof v === 'number' && Number.isFinite(v)
      ? v
      : fail(`${key}[${i}]`, coded('error.mustBeNumber', { value: shown(v) })),
  );
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  key: string,
  fail: Fail,
): T {
  if (!allowed.includes(value as T))
    return fail(
      key,
      coded('error.mustBeEither', { allowed: eitherOr(allowed), value: shown(value) }),
    );
  return value as T;
}

/** 'due or invoice' / 'due 或 invoice'. */
function eitherOr(words: readonly string[]): string | CodedText {
  return words
    .slice(1)
    .reduce<string | CodedText>(
      (first, second) => coded('error.eitherOr', { first, second }),
      words[0] ?? '',
    );
}

function knownFields(kind: RecordKind | undefined): Set<string> {
  const kinds = kind === undefined ? (Object.keys(RECORD_FIELDS) as RecordKind[]) : [kind];
  return new Set(kinds.flatMap((k) => RECORD_FIELDS[k].map((f) => f.field)));
}
