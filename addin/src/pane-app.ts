import type { RecordKind } from '../../core/index.js';
import type { ApiSupport } from './excel/api-support.js';
import { detectApiSupport } from './excel/api-support.js';
import type { SourceChoice } from './excel/read-source.js';
import type { PaneAnalysis, PaneSettings } from './excel/settings.js';
import { DEFAULT_PANE_SETTINGS, queuePaneSettings } from './excel/settings.js';
import type { PaneHost } from './pane-host.js';
import { errorText, PaneError } from './pane-error.js';
import type { OutputSheet } from './results/output-model.js';
import type { InspectedSource } from './run-flow.js';
import {
  customerListColumns,
  headersFound,
  inspectSource,
  mappingOf,
  runPaneAnalysis,
  selectSourceCell,
} from './run-flow.js';
import type { AddinLocale, AddinTextKey } from './text/addin-text.js';
import { addinText, toAddinLocale } from './text/addin-text.js';
import { renderPane } from './ui/render-pane.js';
import { defaultParameters, parseParameters, stageRateLines } from './ui/parse-parameters.js';
import type { WorkerLike } from './worker/worker-client.js';
import { WorkerClient } from './worker/worker-client.js';

/** Everything the pane shows; render-pane draws it, the handlers below change it. */
export interface PaneState {
  locale: AddinLocale;
  api: ApiSupport | null;
  settings: PaneSettings;
  tables: string[];
  sheets: string[];
  inspected: InspectedSource | null;
  /** Segments: the columns of the customer list chosen beside the source, to break down by. */
  extraColumns: string[];
  mapping: Record<string, string | null>;
  running: boolean;
  status: { text: string; isError: boolean } | null;
  outputs: OutputSheet[];
}

/** The record kind each analysis reads its source as; segments take what the headers say. */
const KIND_OF: Readonly<Record<PaneAnalysis, RecordKind | undefined>> = {
  forecast: 'deal',
  segment: undefined,
  aging: 'invoice',
};

/** The pane's controller: state, the user's actions, one error boundary per action. */
export class PaneApp {
  readonly state: PaneState;
  private readonly client: WorkerClient;
  private cancelled = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PaneHost,
  ) {
    this.client = new WorkerClient(() => new Worker(host.workerUrl) as unknown as WorkerLike);
    this.state = {
      locale: toAddinLocale(host.displayLanguage),
      api: null,
      settings: DEFAULT_PANE_SETTINGS,
      tables: [],
      sheets: [],
      inspected: null,
      extraColumns: [],
      mapping: {},
      running: false,
      status: null,
      outputs: [],
    };
  }

  /** Checks the API sets, restores this workbook's settings and lists its tables and sheets. */
  async start(): Promise<void> {
    await this.action(async () => {
      this.state.api = detectApiSupport(this.host.requirements);
      const { settings, tables, sheets } = await this.host.run(async (context) => {
        const stored = queuePaneSettings(context);
        const tableItems = context.workbook.tables.load('items/name');
        const sheetItems = context.workbook.worksheets.load('items/name');
        await context.sync();
        return {
          settings: stored.resolve(),
          tables: tableItems.items.map((t) => t.name),
          sheets: sheetItems.items.map((s) => s.name),
        };
      });
      this.state.settings = settings;
      this.state.tables = tables;
      this.state.sheets = sheets;
      this.ensureParameters();
      if (settings.source !== null) await this.inspect();
    });
  }

  render(): void {
    renderPane(this.root, this.state, this);
  }

  setLocale(locale: AddinLocale): void {
    this.state.locale = locale;
    this.render();
  }

  async setSource(source: SourceChoice): Promise<void> {
    this.state.settings = { ...this.state.settings, source };
    await this.action(() => this.inspect());
  }

  async setAnalysis(analysis: PaneAnalysis): Promise<void> {
    this.state.settings = { ...this.state.settings, analysis };
    this.ensureParameters();
    await this.action(() => this.inspect());
  }

  /** The sheet read whole beside the source (payments for aging, customers for segments). */
  async setExtraSheet(sheet: string): Promise<void> {
    const { settings } = this.state;
    const extraSheets = { ...settings.extraSheets };
    if (sheet === '') delete extraSheets[settings.analysis];
    else extraSheets[settings.analysis] = sheet;
    this.state.settings = { ...settings, extraSheets };
    await this.action(() => this.inspectExtra());
  }

  setMapping(field: string, header: string | null): void {
    this.state.mapping = { ...this.state.mapping, [field]: header };
    const { settings } = this.state;
    const stored = Object.fromEntries(
      Object.entries(this.state.mapping).map(([k, v]) => [k, v ?? '']),
    );
    this.state.settings = {
      ...settings,
      mappings: { ...settings.mappings, [settings.analysis]: stored },
    };
    this.render();
  }

  setParameter(field: string, value: string): void {
    const { settings } = this.state;
    const current = { ...(settings.parameters[settings.analysis] ?? {}), [field]: value };
    if (field === 'template') current.stageRates = stageRateLines(value);
    this.state.settings = {
      ...settings,
      parameters: { ...settings.parameters, [settings.analysis]: current },
    };
    this.render();
  }

  /** Runs the chosen analysis; refused with a message while another run is in progress. */
  async run(): Promise<void> {
    if (this.state.running) {
      this.showStatus('errorRunInProgress', {}, true);
      return;
    }
    const { inspected, settings, api, locale } = this.state;
    if (inspected === null || api === null || settings.source === null) return;
    this.cancelled = false;
    this.state.running = true;
    this.state.outputs = [];
    await this.action(async () => {
      const parameters = parseParameters(
        settings.analysis,
        settings.parameters[settings.analysis] ?? {},
      );
      const outcome = await runPaneAnalysis(
        this.host,
        this.client,
        api,
        {
          choice: settings.source as SourceChoice,
          inspected: inspected.inspected,
          mapping: this.state.mapping,
          parameters,
          settings,
          locale,
        },
        {
          onStep: (step, done, total) => this.showProgress(step, done, total),
          isCancelled: () => this.cancelled,
        },
      );
      this.state.outputs = outcome.outputs;
      this.showStatus('done', { sheets: outcome.written.map((w) => w.name).join(', ') }, false);
    });
    this.state.running = false;
    this.render();
  }

  cancel(): void {
    if (!this.state.running) return;
    this.cancelled = true;
    this.client.cancel();
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.action(() => selectSourceCell(this.host, sheet, address));
  }

  /** Reads the source's head and maps its columns, keeping the user's saved choices. */
  private async inspect(): Promise<void> {
    const { settings } = this.state;
    if (settings.source === null) return;
    const saved = settings.mappings[settings.analysis] ?? {};
    const savedMapping = Object.fromEntries(
      Object.entries(saved).map(([k, v]) => [k, v === '' ? null : v]),
    );
    const hasSaved = Object.keys(savedMapping).length > 0;
    let kind = KIND_OF[settings.analysis];
    let result = await inspectSource(this.host, this.client, settings.source, {
      ...(kind ? { kind } : {}),
      ...(hasSaved ? { mapping: savedMapping } : {}),
    });
    if (
      settings.analysis === 'segment' &&
      !['orderLine', 'customer'].includes(result.inspected.kind ?? '')
    ) {
      kind = 'orderLine';
      result = await inspectSource(this.host, this.client, settings.source, { kind });
    }
    this.state.inspected = result;
    this.state.mapping = { ...mappingOf(result.inspected), ...savedMapping };
    await this.inspectExtra();
  }

  /**
   * Reads the head of the customer list chosen beside a segments source, for its columns under
   * "Break down by" (the core joins them to the customers by id). A sheet that is blank or not
   * a customer list offers none; that is no error until the run reads it.
   */
  private async inspectExtra(): Promise<void> {
    const { settings, inspected } = this.state;
    const sheet = settings.extraSheets[settings.analysis];
    this.state.extraColumns = [];
    if (settings.analysis !== 'segment' || sheet === undefined || inspected === null) return;
    try {
      const list = await inspectSource(this.host, this.client, { type: 'usedRange', sheet });
      this.state.extraColumns = customerListColumns(
        list.inspected,
        headersFound(inspected.inspected),
      );
    } catch (error) {
      if (!(error instanceof PaneError)) throw error;
    }
  }

  private ensureParameters(): void {
    const { settings } = this.state;
    if (settings.parameters[settings.analysis] !== undefined) return;
    this.state.settings = {
      ...settings,
      parameters: {
        ...settings.parameters,
        [settings.analysis]: defaultParameters(settings.analysis),
      },
    };
  }

  private showProgress(step: AddinTextKey, done?: number, total?: number): void {
    const text = addinText(this.state.locale, 'running', {
      step: addinText(this.state.locale, step),
    });
    const counted =
      done !== undefined && total !== undefined
        ? ` ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`
        : '';
    this.state.status = { text: `${text}${counted}`, isError: false };
    this.render();
  }

  private showStatus(
    key: AddinTextKey,
    params: Record<string, string | number>,
    isError: boolean,
  ): void {
    this.state.status = { text: addinText(this.state.locale, key, params), isError };
    this.render();
  }

  /** The one error boundary of every user action: the message in the pane, never a throw. */
  private async action(work: () => Promise<void>): Promise<void> {
    try {
      this.state.status = null;
      await work();
    } catch (error) {
      const isCancel = error instanceof PaneError && error.key === 'cancelled';
      this.state.status = { text: errorText(error, this.state.locale), isError: !isCancel };
    }
    this.render();
  }
}
