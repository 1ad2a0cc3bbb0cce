import { describe, expect, it } from 'vitest';
import { PipecastError } from '../../core/index.js';
import { detectApiSupport } from '../../addin/src/excel/api-support.js';
import { MAX_SOURCE_CELLS } from '../../addin/src/excel/excel-limits.js';
import { readSourceValues } from '../../addin/src/excel/read-source.js';
import { errorText, PaneError } from '../../addin/src/pane-error.js';
import { ADDIN_TEXT } from '../../addin/src/text/addin-text.js';
import type { WorkerLike } from '../../addin/src/worker/worker-client.js';
import { WorkerClient } from '../../addin/src/worker/worker-client.js';
import { createExcelHost, createWorkbookModel } from '../excel-simulator/index.js';
import { dealValues } from './support/deal-sheets.js';
import { runPane } from './support/run-pane.js';

/** The PaneError a promise rejects with. */
async function paneError(work: Promise<unknown>): Promise<PaneError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PaneError)) throw new Error(`expected a PaneError, got ${String(error)}`);
  return error;
}

describe('the catalogue section', () => {
  it('has every key in both languages, none blank', () => {
    expect(Object.keys(ADDIN_TEXT.zh).sort()).toEqual(Object.keys(ADDIN_TEXT.en).sort());
    for (const locale of ['en', 'zh'] as const)
      for (const text of Object.values(ADDIN_TEXT[locale])) expect(text.trim()).not.toBe('');
  });
});

describe('messages the pane shows', () => {
  it('names the missing API set when the host is older than ExcelApi 1.9', () => {
    const host = createExcelHost(createWorkbookModel([{ name: 'Deals' }]), {
      apiSets: { ExcelApi: '1.8' },
    });
    const error = (() => {
      try {
        detectApiSupport(host.Office.context.requirements);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(errorText(error, 'en')).toContain('ExcelApi 1.9');
    expect(errorText(error, 'zh')).toContain('ExcelApi 1.9 要求集');
  });

  it('says an empty sheet is empty', async () => {
    const model = createWorkbookModel([{ name: 'Empty' }]);
    const error = await paneError(
      runPane(createExcelHost(model), {
        analysis: 'forecast',
        choice: { type: 'usedRange', sheet: 'Empty' },
      }),
    );
    expect(error.key).toBe('errorEmptySheet');
  });

  it('says a sheet without a header row has none', async () => {
    const model = createWorkbookModel([
      {
        name: 'Numbers',
        values: [
          [1, 2],
          [3, 4],
        ],
      },
    ]);
    const error = await paneError(
      runPane(createExcelHost(model), {
        analysis: 'segment',
        choice: { type: 'usedRange', sheet: 'Numbers' },
      }),
    );
    expect(error.key).toBe('errorNoHeader');
    expect(error.textIn('en')).toContain('Numbers!A1:B2');
  });

  it('names the missing required column and the headers found', async () => {
    const model = createWorkbookModel([{ name: 'Deals', values: dealValues(5) }]);
    const error = await paneError(
      runPane(createExcelHost(model), {
        analysis: 'forecast',
        choice: { type: 'usedRange', sheet: 'Deals' },
        mapping: { stage: null },
      }),
    );
    expect(error.key).toBe('errorMissingColumns');
    expect(error.textIn('en')).toBe(
      'Missing required columns: Stage. Headers found: Deal, Stage, Amount, Close date, Owner. Choose them in the column list.',
    );
  });

  it('shows a core error (no date to measure at) in the pane language, place included', async () => {
    // No deal has a date: neither the data nor the (blank) parameter gives an as-of date.
    const model = createWorkbookModel([
      {
        name: 'Deals',
        values: [
          ['Stage', 'Amount'],
          ['Lead', 100],
          ['Won', 50],
        ],
      },
    ]);
    const error = await paneError(
      runPane(createExcelHost(model), {
        analysis: 'forecast',
        choice: { type: 'usedRange', sheet: 'Deals' },
        parameters: { asOf: undefined },
      }),
    );
    expect(error.pipecast?.text?.key).toBe('error.forecastNoAsOf');
    const zh = errorText(error, 'zh');
    expect(zh).toContain('工作表 Deals');
    expect(zh).toContain('没有截至日期：没有任何商机带有日期记录');
    expect(zh).not.toContain('no as-of date');
    // English: the core's own words, not "Something went wrong".
    expect(errorText(error, 'en')).toContain(
      'forecast: no as-of date given and no deal has a dated event',
    );
    expect(errorText(error, 'en')).not.toContain('Something went wrong');
  });

  it('frames a core error without catalogue words in Chinese', () => {
    const error = new PipecastError('invalid-option', 'rfm: asOf must be an integer epoch day');
    expect(errorText(error, 'zh')).toBe('选项或参数无效：rfm: asOf must be an integer epoch day');
    expect(errorText(error, 'en')).toBe('rfm: asOf must be an integer epoch day');
  });

  it('refuses a source past the size the add-in reads, before reading it', async () => {
    const rows = Math.ceil(MAX_SOURCE_CELLS / 30) + 1;
    const source = {
      sheet: 'Big',
      address: `A1:AD${rows}`,
      rowIndex: 0,
      columnIndex: 0,
      rowCount: rows,
      columnCount: 30,
    };
    // No request context is needed: the size is checked first.
    const error = await paneError(readSourceValues(undefined as never, source));
    expect(error.key).toBe('errorTooLarge');
  });
});

describe('WorkerClient', () => {
  /** A worker that takes messages and never answers: a run that is still going. */
  class SilentWorker implements WorkerLike {
    terminated = false;
    onmessage: WorkerLike['onmessage'] = null;
    onerror: WorkerLike['onerror'] = null;
    postMessage(): void {}
    terminate(): void {
      this.terminated = true;
    }
  }

  it('refuses a second run while one is in progress, and cancel ends the first', async () => {
    const worker = new SilentWorker();
    const client = new WorkerClient(() => worker);
    const request = {
      analysis: 'forecast',
      locale: 'en',
      date1904: false,
      parameters: { asOf: '2026-06-30' },
      sources: [],
    } as const;
    const first = client.analyse({ ...request, sources: [] });
    const second = await paneError(client.analyse({ ...request, sources: [] }));
    expect(second.key).toBe('errorRunInProgress');
    client.cancel();
    expect((await paneError(first)).key).toBe('cancelled');
    expect(worker.terminated).toBe(true);
    expect(client.busy).toBe(false);
  });
});
