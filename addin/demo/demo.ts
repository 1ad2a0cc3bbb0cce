/**
 * npm run addin:demo: the built task pane in an ordinary browser, framed beside a small
 * spreadsheet view, with the Excel host simulator standing in for Excel. The pane finds the
 * simulator as `pipecastDemoHost` on this page; the sample workbooks are loadable.
 */
// The simulator's browser-safe modules (its index also exports a Node file loader).
import type { ExcelHost } from '../../test/excel-simulator/create-excel-host.js';
import { createExcelHost } from '../../test/excel-simulator/create-excel-host.js';
import { snapshotWorksheet } from '../../test/excel-simulator/snapshot-worksheet.js';
import { workbookFromXlsxBytes } from '../../test/excel-simulator/workbook-from-xlsx-bytes.js';
import type { SheetSpec, WorkbookModel } from '../../test/excel-simulator/workbook-model.js';
import { createWorkbookModel } from '../../test/excel-simulator/workbook-model.js';
import type { PaneHost } from '../src/pane-host.js';
import { renderSheetView } from './sheet-view.js';

export const SAMPLES = [
  'pipeline-en.xlsx',
  'pipeline-zh.xlsx',
  'customers-orders.xlsx',
  'invoices-payments.xlsx',
] as const;

/** What the page offers the pane and the browser tests. */
interface DemoWindow {
  pipecastDemoHost?: PaneHost;
  pipecastDemo?: {
    host: ExcelHost;
    loadWorkbook(bytes: ArrayBuffer, language?: string): Promise<void>;
    loadSample(name: string, language?: string): Promise<void>;
    /** A workbook of sheets given as values (the benchmark's generated pipelines). */
    loadSheets(sheets: SheetSpec[], language?: string): void;
    snapshot: (sheet: string) => ReturnType<typeof snapshotWorksheet>;
  };
}

const page = window as unknown as DemoWindow;
let host: ExcelHost | null = null;
let shownSheet: string | null = null;
let lastSyncs = -1;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`demo.html has no #${id}`);
  return element as T;
}

/** Puts a workbook in the simulator and (re)opens the pane on it, as opening it in Excel would. */
async function loadWorkbook(bytes: ArrayBuffer, language?: string): Promise<void> {
  const model: WorkbookModel = await workbookFromXlsxBytes(bytes);
  const displayLanguage = language ?? byId<HTMLSelectElement>('display-language').value;
  openHost(model, displayLanguage);
}

function openHost(model: WorkbookModel, displayLanguage: string): void {
  host = createExcelHost(model, { displayLanguage });
  const excel = host.Excel;
  page.pipecastDemoHost = {
    run: (batch) => excel.run(batch as never) as never,
    requirements: host.Office.context.requirements,
    displayLanguage,
    workerUrl: 'analysis-worker.js',
  };
  shownSheet = model.sheets[0]?.name ?? null;
  lastSyncs = -1;
  byId<HTMLIFrameElement>('pane').src = '../taskpane.html';
  refreshView();
}

async function loadSample(name: string, language?: string): Promise<void> {
  const response = await fetch(`samples/${name}`);
  if (!response.ok) throw new Error(`demo: samples/${name}: HTTP ${response.status}`);
  await loadWorkbook(await response.arrayBuffer(), language);
}

/** Redraws the tabs and the grid when a sync has changed the workbook. */
function refreshView(): void {
  if (host === null) return;
  const syncs = host.stats.syncs;
  if (syncs === lastSyncs) return;
  lastSyncs = syncs;
  byId('syncs').textContent = `${syncs} syncs`;
  const model = host.workbook;
  const active = model.sheets.find((s) => s.id === model.activeSheetId);
  if (active !== undefined) shownSheet = active.name;
  renderSheetView(byId('tabs'), byId('grid'), model, shownSheet, (name) => {
    shownSheet = name;
    lastSyncs = -1;
    refreshView();
  });
}

function start(): void {
  const sample = byId<HTMLSelectElement>('sample');
  for (const name of SAMPLES) sample.append(new Option(name, name));
  sample.addEventListener('change', () => void loadSample(sample.value));
  byId<HTMLSelectElement>('display-language').addEventListener(
    'change',
    () => void loadSample(sample.value),
  );
  byId<HTMLInputElement>('file').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file !== undefined) await loadWorkbook(await file.arrayBuffer());
  });
  page.pipecastDemo = {
    get host() {
      if (host === null) throw new Error('demo: no workbook loaded yet');
      return host;
    },
    loadWorkbook,
    loadSample,
    loadSheets: (sheets, language) => openHost(createWorkbookModel(sheets), language ?? 'en-US'),
    snapshot: (sheet) => snapshotWorksheet((host as ExcelHost).workbook, sheet),
  };
  setInterval(refreshView, 300);
  void loadSample(SAMPLES[0]);
}

start();
