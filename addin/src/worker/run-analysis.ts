import type { ColumnMapping, RecordKind, SheetValues, StageTemplate } from '../../../core/index.js';
import {
  ageReceivables,
  cellText,
  forecast,
  forecastColumnReadAs,
  type ForecastRun,
  inspectSheet,
  parseStageTemplate,
  segment,
  STAGE_TEMPLATES,
} from '../../../core/index.js';
import { agingOutput } from '../results/aging-output.js';
import type { BreakdownParts } from '../results/breakdown-output.js';
import {
  agingBreakdownParts,
  forecastBreakdownParts,
  segmentBreakdownParts,
} from '../results/breakdown-output.js';
import { forecastOutput, MONTH_RANGE_MAX_ROWS } from '../results/forecast-output.js';
import type { NotePlaces } from '../results/notes-of.js';
import { asOfNote } from '../results/notes-of.js';
import type { OutputSheet } from '../results/output-model.js';
import type { SegmentRuns } from '../results/segment-output.js';
import { segmentOutput } from '../results/segment-output.js';
import type { AnalysisParameters, AnalysisRequest, AnalysisResult } from './protocol.js';
import type { CurrencyRefusal } from './segment-currency.js';
import { currencyNote, unlessCurrencyRefused } from './segment-currency.js';

/** A failure of the user's input, reported by catalogue key (the worker has no language of its own). */
export class AnalysisInputError extends Error {
  constructor(
    readonly key: 'errorNoHeader' | 'errorEmptySheet',
    readonly params: Record<string, string | number>,
  ) {
    super(key);
  }
}

/**
 * Runs one analysis of the pane on its sources through the core's entry points and shapes the
 * result as output sheets. Pure: the worker calls it, and tests call it directly.
 *
 * @throws AnalysisInputError when no source holds the records the analysis needs.
 */
export function runAnalysis(request: AnalysisRequest): AnalysisResult {
  const sheets: SheetValues[] = request.sources.map((s) => ({
    name: s.name,
    values: s.values,
    date1904: request.date1904,
  }));
  const kinds: Record<string, RecordKind> = {};
  const mappings: Record<string, ColumnMapping> = {};
  for (const s of request.sources) {
    if (s.kind !== null) kinds[s.name] = s.kind;
    if (Object.keys(s.mapping).length > 0) mappings[s.name] = s.mapping;
  }
  const choice = { kinds, mappings, file: 'workbook' };
  const { places, detected } = inspectSources(request);
  const { parameters: params, locale } = request;
  const first = request.sources[0];
  const where = first === undefined ? '' : first.name;
  const breakdowns = params.breakdowns ?? [];
  // Blank: the core takes the data's own day (the day after its last event), as the CLI does.
  const asOf = params.asOf === undefined ? {} : { asOf: params.asOf };
  const perRow = breakdowns.length > 0;
  let output: OutputSheet;
  if (request.analysis === 'forecast') {
    const run = forecast(sheets, {
      ...choice,
      ...asOf,
      monthRanges: sourceRows(first) <= MONTH_RANGE_MAX_ROWS,
      perRow,
      ...(params.quota === undefined ? {} : { quota: params.quota }),
      ...templateOption(params),
    });
    if (run === null) throw new AnalysisInputError('errorNoHeader', { address: where });
    output = withParts(
      withoutOwnersTwice(forecastOutput(run, locale, places, sourceRows(first)), run, breakdowns),
      forecastBreakdownParts(run, breakdowns, locale),
    );
  } else if (request.analysis === 'segment') {
    const { runs, warnings, refusal } = segmentRuns(sheets, choice, params, detected);
    const segments = segmentOutput(runs, warnings, locale, places);
    output = {
      ...segments,
      notes: refusal === null ? segments.notes : [currencyNote(refusal, locale), ...segments.notes],
      asOf: runs.rfm === null ? null : asOfNote(runs.rfm.asOf, params.asOf === undefined, locale),
    };
    if (runs.abc !== null && perRow)
      output = withParts(output, segmentBreakdownParts(runs.abc, breakdowns, locale));
  } else {
    const run = ageReceivables(sheets, {
      ...choice,
      ...asOf,
      perRow,
      ...(params.buckets === undefined ? {} : { buckets: params.buckets }),
    });
    if (run.result === null) throw new AnalysisInputError('errorNoHeader', { address: where });
    output = withParts(
      agingOutput(run, locale, places),
      agingBreakdownParts(run, breakdowns, locale),
    );
  }
  return { outputs: [output] };
}

/** Rows of a source below its first (the header's, or a title's): the deals it can hold at most. */
function sourceRows(source: AnalysisRequest['sources'][number] | undefined): number {
  return Math.max(0, (source?.values.length ?? 0) - 1);
}

/** An output sheet with the breakdowns' tables and charts after its own, their notes first. */
/**
 * The Forecast sheet without its owners table when a breakdown is by the column the core read as
 * the owner: that breakdown lists the same groups, with a chart, so the sheet shows them once
 * (as the report does).
 */
function withoutOwnersTwice(
  output: OutputSheet,
  run: ForecastRun,
  breakdowns: readonly string[],
): OutputSheet {
  const byOwner = breakdowns.some((by) => {
    try {
      return forecastColumnReadAs(run, by) === 'owner';
    } catch {
      // A name the breakdown itself refuses: its note says why, and the owners table stays.
      return false;
    }
  });
  if (!byOwner) return output;
  return { ...output, tables: output.tables.filter((table) => table.id !== 'forecast-owners') };
}

function withParts(output: OutputSheet, parts: BreakdownParts): OutputSheet {
  return {
    ...output,
    tables: [...output.tables, ...parts.tables],
    charts: [...output.charts, ...parts.charts],
    notes: [...parts.notes, ...output.notes],
  };
}

type SheetChoiceOptions = {
  kinds: Record<string, RecordKind>;
  mappings: Record<string, ColumnMapping>;
  file: string;
};

/**
 * ABC always; RFM when a source holds order lines, or, as the report, invoices or won deals taken
 * as orders; the portfolio when one is a customer list. ABC and RFM are skipped, not the run,
 * when they refuse the orders' currencies (the refusal is given back for the Notes).
 */
function segmentRuns(
  sheets: SheetValues[],
  choice: SheetChoiceOptions,
  params: AnalysisParameters,
  kinds: ReadonlySet<RecordKind>,
): {
  runs: SegmentRuns;
  warnings: Parameters<typeof segmentOutput>[1];
  refusal: CurrencyRefusal | null;
} {
  let refusal: CurrencyRefusal | null = null;
  const refused = (error: CurrencyRefusal) => (refusal ??= error);
  const currency = params.currency === undefined ? {} : { currency: params.currency };
  const abc = unlessCurrencyRefused(
    () =>
      segment(sheets, {
        ...choice,
        ...currency,
        method: 'abc',
        perRow: (params.breakdowns ?? []).length > 0,
        ...(params.abcCutPoints === undefined ? {} : { cutPoints: params.abcCutPoints }),
      }),
    refused,
  );
  const warnings = [...(abc?.warnings ?? [])];
  const runs: SegmentRuns = { abc, rfm: null, portfolio: null, scorecard: null };
  // A currency refusal means there are orders: RFM is tried too (and refuses alike).
  if (kinds.has('orderLine') || abc === null || abc.orderHistory !== null) {
    const rfm = unlessCurrencyRefused(
      () =>
        segment(sheets, {
          ...choice,
          ...currency,
          method: 'rfm',
          ...(params.asOf === undefined ? {} : { asOf: params.asOf }),
          ...(params.rfmMode === undefined ? {} : { mode: params.rfmMode }),
        }),
      refused,
    );
    runs.rfm = rfm?.result ?? null;
    warnings.push(...(rfm?.warnings ?? []));
  }
  if (kinds.has('customer')) {
    const portfolio = segment(sheets, {
      ...choice,
      method: 'portfolio',
      ...(params.potentialThreshold === undefined
        ? {}
        : { potentialThreshold: params.potentialThreshold }),
      ...(params.shareThreshold === undefined ? {} : { shareThreshold: params.shareThreshold }),
    });
    runs.portfolio = portfolio.result;
    warnings.push(...portfolio.warnings);
    if (params.scorecard !== undefined) {
      const scored = segment(sheets, {
        ...choice,
        method: 'scorecard',
        // Raw columns (revenue, potential) are put on 1–100 by rank among the customers.
        criteria: params.scorecard.map((c) => ({
          name: c.column,
          weight: c.weight,
          scale: 'rank',
        })),
      });
      runs.scorecard = scored.result;
      warnings.push(...scored.warnings);
    }
  }
  return { runs, warnings: uniqueWarnings(warnings), refusal };
}

/** ABC and RFM read the same order lines and raise the same reading warnings: keep the first. */
function uniqueWarnings<T extends { code: string; message: string; row?: number; column?: string }>(
  warnings: readonly T[],
): T[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = JSON.stringify([w.code, w.message, w.row, w.column]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The stage template option: a built-in template with the user's rates in place of its own,
 * or none (the core picks the template matching the stage names).
 */
export function templateOption(params: AnalysisParameters): { template?: StageTemplate } {
  const base = STAGE_TEMPLATES[params.template as keyof typeof STAGE_TEMPLATES] as
    StageTemplate | undefined;
  if (base === undefined) return {};
  const rates = params.stageRates ?? {};
  const template = parseStageTemplate({
    name: base.name,
    stages: base.stages.map((s) => ({
      name: s.name,
      zh: s.nameZh,
      rate: rates[s.name] ?? s.rate,
      category: s.category,
      aliases: [...s.aliases],
    })),
  });
  return { template };
}

/**
 * Each source's offset and header texts, so notes can name cells in the source sheet, and the
 * record kinds the sources hold (a source without a chosen kind is read as its headers say).
 */
function inspectSources(request: AnalysisRequest): {
  places: NotePlaces;
  detected: Set<RecordKind>;
} {
  const places: Record<string, NotePlaces[string]> = {};
  const detected = new Set<RecordKind>();
  for (const s of request.sources) {
    const seen = inspectSheet(s.values.slice(0, 50), {
      name: s.name,
      readRows: false,
      ...(s.kind === null ? {} : { kind: s.kind }),
      ...(Object.keys(s.mapping).length > 0 ? { mapping: s.mapping } : {}),
    });
    if (seen.kind !== null) detected.add(seen.kind);
    const header = seen.headerRow === null ? [] : (s.values[seen.headerRow - 1] ?? []);
    places[s.name] = {
      rowIndex: s.rowIndex,
      columnIndex: s.columnIndex,
      headers: header.map((cell) => cellText(cell).trim()),
    };
  }
  return { places, detected };
}
