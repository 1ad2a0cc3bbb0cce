/// <reference types="office-js" />
import * as ExcelEnums from './excel-enums.js';
import { versionAtLeast } from './api-sets.js';
import { SimRichApiError } from './rich-api-error.js';
import { SimRequestContext, type HostState } from './sim-context.js';
import { SimEvents } from './sim-events.js';
import { WorkSlicer } from './work-slicer.js';
import { DEFAULT_LIMITS, SimStats, type SimLimits } from './sim-stats.js';
import { formatRect, parseAddress } from './cell-address.js';
import { findSheet } from './sim-worksheet-collection.js';
import type { WorkbookModel } from './workbook-model.js';

export interface ExcelHostOptions {
  /** Office.context.displayLanguage; 'en-US' by default ('zh-CN' for a Chinese Office). */
  displayLanguage?: string;
  /** Highest version of each requirement set the host supports; ExcelApi 1.17 by default. */
  apiSets?: Readonly<Record<string, string>>;
  limits?: Partial<SimLimits>;
  /** Delay of each sync, to let a page repaint between round trips as it would against Excel. */
  syncLatencyMs?: number;
}

/** Office.context.document.settings (Common API): a copy of the workbook's settings until saveAsync. */
export interface SimDocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(options?: unknown, callback?: (result: { status: 'succeeded' }) => void): void;
  refreshAsync(callback?: (result: { status: 'succeeded' }) => void): void;
}

export interface ExcelHost {
  /** To be installed as the global `Excel`: `run` and the enums add-ins use at run time. */
  readonly Excel: typeof ExcelEnums & {
    run<T>(batch: (context: SimRequestContext) => Promise<T>): Promise<T>;
    run<T>(object: unknown, batch: (context: SimRequestContext) => Promise<T>): Promise<T>;
  };
  /** To be installed as the global `Office`. */
  readonly Office: {
    readonly context: {
      readonly displayLanguage: string;
      readonly host: 'Excel';
      readonly platform: 'OfficeOnline';
      readonly document: { readonly settings: SimDocumentSettings };
      readonly requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean;
      };
    };
    onReady(
      callback?: (info: { host: 'Excel'; platform: 'OfficeOnline' }) => void,
    ): Promise<{ host: 'Excel'; platform: 'OfficeOnline' }>;
    readonly HostType: { readonly Excel: 'Excel' };
    readonly PlatformType: { readonly OfficeOnline: 'OfficeOnline' };
    readonly AsyncResultStatus: { readonly Succeeded: 'succeeded'; readonly Failed: 'failed' };
  };
  /** To be installed as the global `OfficeExtension`: `instanceof OfficeExtension.Error` works. */
  readonly OfficeExtension: { readonly Error: typeof SimRichApiError };
  readonly workbook: WorkbookModel;
  readonly stats: SimStats;
  readonly limits: SimLimits;
  /** What a user clicking a cell does: selects it (and activates its sheet), firing selection events. */
  selectRange(address: string): void;
}

/**
 * An Excel host over a workbook model: `Excel.run` with request contexts that follow the
 * Office.js rules (load before read, nothing happens before sync, RichApi.Error codes, Excel
 * on the web's payload and cell limits), `Office` with the display language, requirement sets
 * and document settings, and the statistics tests read. Creating a second host over the same
 * model is reopening the workbook: settings, custom properties and sheets persist.
 */
export function createExcelHost(
  workbook: WorkbookModel,
  options: ExcelHostOptions = {},
): ExcelHost {
  const apiSets = options.apiSets ?? { ExcelApi: '1.17' };
  const state: HostState = {
    model: workbook,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    stats: new SimStats(),
    events: new SimEvents(),
    syncLatencyMs: options.syncLatencyMs ?? 0,
    slicer: new WorkSlicer(),
    apiSets,
    lock: Promise.resolve(),
  };
  return {
    Excel: {
      ...ExcelEnums,
      run: (...args: unknown[]) => runBatch(state, args.at(-1)),
    } as ExcelHost['Excel'],
    Office: {
      context: {
        displayLanguage: options.displayLanguage ?? 'en-US',
        host: 'Excel',
        platform: 'OfficeOnline',
        document: { settings: documentSettings(workbook) },
        requirements: {
          isSetSupported: (name, minVersion) => {
            const have = Object.entries(apiSets).find(
              ([set]) => set.toUpperCase() === name.toUpperCase(),
            )?.[1];
            return (
              have !== undefined &&
              (minVersion === undefined || versionAtLeast(have, String(minVersion)))
            );
          },
        },
      },
      onReady: (callback) => {
        const info = { host: 'Excel', platform: 'OfficeOnline' } as const;
        callback?.(info);
        return Promise.resolve(info);
      },
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    },
    OfficeExtension: { Error: SimRichApiError },
    workbook,
    stats: state.stats,
    limits: state.limits,
    selectRange: (address) => selectRange(state, address),
  };
}

async function runBatch(state: HostState, batch: unknown): Promise<unknown> {
  if (typeof batch !== 'function')
    throw new SimRichApiError('InvalidArgument', { location: 'Excel.run' });
  state.stats.runs += 1;
  const context = new SimRequestContext(state);
  try {
    const pending: unknown = batch(context);
    if (!pending || typeof (pending as Promise<unknown>).then !== 'function') {
      throw new SimRichApiError('RunMustReturnPromise', { location: 'Excel.run' });
    }
    const result = await pending;
    // Excel.run sends what the batch queued after its last sync.
    if (context.pendingActions > 0) await context.sync();
    return result;
  } finally {
    context.close();
  }
}

function documentSettings(workbook: WorkbookModel): SimDocumentSettings {
  let local = new Map(workbook.settings);
  const done = (callback?: (result: { status: 'succeeded' }) => void): void => {
    if (callback) setTimeout(() => callback({ status: 'succeeded' }), 0);
  };
  return {
    get: (name) => (local.has(name) ? local.get(name) : null),
    set: (name, value) => void local.set(name, JSON.parse(JSON.stringify(value ?? null))),
    remove: (name) => void local.delete(name),
    saveAsync: (options, callback) => {
      workbook.settings.clear();
      for (const [key, value] of local) workbook.settings.set(key, value);
      done(typeof options === 'function' ? (options as typeof callback) : callback);
    },
    refreshAsync: (callback) => {
      local = new Map(workbook.settings);
      done(callback);
    },
  };
}

function selectRange(state: HostState, address: string): void {
  const parsed = parseAddress(address);
  const model = state.model;
  const sheet =
    parsed?.sheetName === undefined
      ? model.sheets.find((s) => s.id === model.activeSheetId)
      : findSheet(model, parsed.sheetName);
  if (!parsed || !sheet)
    throw new SimRichApiError('InvalidArgument', {
      message: `'${address}' is not an address in this workbook.`,
    });
  model.activeSheetId = sheet.id;
  model.selection = { sheetId: sheet.id, rect: parsed.rect };
  const args = {
    type: 'WorksheetSelectionChanged',
    worksheetId: sheet.id,
    address: formatRect(parsed.rect),
  };
  state.events.raise('SelectionChanged:*', args);
  state.events.raise(`SelectionChanged:${sheet.id}`, args);
  state.events.flush();
}
