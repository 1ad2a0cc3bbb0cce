import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER_KEY, OWNED_SHEETS_SETTING } from '../../addin/src/excel/owned-sheets.js';
import { PANE_SETTINGS_KEY, queuePaneSettings } from '../../addin/src/excel/settings.js';
import {
  createExcelHost,
  createWorkbookModel,
  snapshotWorksheet,
} from '../excel-simulator/index.js';
import type { WorkbookModel } from '../excel-simulator/index.js';
import { typedExcel } from '../excel-simulator/typed-excel.js';
import { dealValues } from './support/deal-sheets.js';
import { writtenTable } from './support/output-table.js';
import { runPane } from './support/run-pane.js';

const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|'/C calc'!A0", '@SUM(A1)'];

/** ExcelApi 1.12 hosts mark output sheets with a custom property; 1.9 hosts by settings. */
const HOSTS = [
  ['ExcelApi 1.17', { ExcelApi: '1.17' }],
  ['ExcelApi 1.9', { ExcelApi: '1.9' }],
] as const;

function forecastRun(host: ReturnType<typeof createExcelHost>) {
  return runPane(host, { analysis: 'forecast', choice: { type: 'usedRange', sheet: 'Deals' } });
}

function names(model: WorkbookModel): string[] {
  return model.sheets.map((s) => s.name);
}

describe.each(HOSTS)('output sheets on %s', (_, apiSets) => {
  it('leaves a user sheet named like the output alone and writes "Pipecast Forecast (2)"', async () => {
    const model = createWorkbookModel([
      { name: 'Deals', values: dealValues(40) },
      { name: 'Pipecast Forecast', values: [['my own notes']] },
    ]);
    const before = model.sheets.map((s) => snapshotWorksheet(model, s.id));
    const outcome = await forecastRun(createExcelHost(model, { apiSets }));
    expect(outcome.written[0]?.name).toBe('Pipecast Forecast (2)');
    for (const snapshot of before) expect(snapshotWorksheet(model, snapshot.id)).toEqual(snapshot);
  });

  it('replaces only its own sheet on a second run, even after the user renamed it', async () => {
    const model = createWorkbookModel([{ name: 'Deals', values: dealValues(40) }]);
    await forecastRun(createExcelHost(model, { apiSets }));
    const output = model.sheets.find((s) => s.name === 'Pipecast Forecast');
    if (output === undefined) throw new Error('no output sheet');
    output.name = 'Q3 forecast';
    // A user sheet that now carries the default name must not be taken for the output.
    const reopened = createExcelHost(model, { apiSets });
    await typedExcel(reopened).run(async (context) => {
      context.workbook.worksheets.add('Pipecast Forecast').getRange('A1').values = [['mine']];
      await context.sync();
    });
    const before = ['Deals', 'Pipecast Forecast'].map((name) => snapshotWorksheet(model, name));
    const outcome = await forecastRun(reopened);
    expect(outcome.written).toEqual([{ analysis: 'forecast', name: 'Q3 forecast' }]);
    expect(names(model)).toEqual(['Deals', 'Q3 forecast', 'Pipecast Forecast']);
    for (const snapshot of before)
      expect(snapshotWorksheet(model, snapshot.name)).toEqual(snapshot);
    expect(snapshotWorksheet(model, 'Q3 forecast').values[0]?.[0]).toBe('Stages');
  });

  it("never touches the user's copy of an output sheet (Move or Copy → Create a copy)", async () => {
    const model = createWorkbookModel([{ name: 'Deals', values: dealValues(40) }]);
    await forecastRun(createExcelHost(model, { apiSets }));
    // The user copies the output sheet (the copy inherits its custom properties) and edits it.
    const reopened = createExcelHost(model, { apiSets });
    await typedExcel(reopened).run(async (context) => {
      const output = context.workbook.worksheets.getItem('Pipecast Forecast');
      const copy = output.copy('End');
      copy.name = 'My forecast';
      copy.getRange('A1').values = [['my edits']];
      await context.sync();
    });
    const before = snapshotWorksheet(model, 'My forecast');
    const outcome = await forecastRun(reopened);
    expect(outcome.written).toEqual([{ analysis: 'forecast', name: 'Pipecast Forecast' }]);
    expect(names(model)).toEqual(['Deals', 'Pipecast Forecast', 'My forecast']);
    expect(snapshotWorksheet(model, 'My forecast')).toEqual(before);
  });

  it('keeps the marker where the host can: custom property on 1.12, settings by id on 1.9', async () => {
    const model = createWorkbookModel([{ name: 'Deals', values: dealValues(10) }]);
    await forecastRun(createExcelHost(model, { apiSets }));
    const output = snapshotWorksheet(model, 'Pipecast Forecast');
    if (apiSets.ExcelApi === '1.9') {
      expect(output.customProperties).toEqual([]);
      expect(JSON.parse(String(model.settings.get(OWNED_SHEETS_SETTING)))).toEqual({
        [output.id]: 'forecast',
      });
    } else {
      // The marker names the id of the sheet it was written on, so a copy of the sheet
      // (same custom properties, new id) is not taken for an output sheet.
      expect(output.customProperties).toEqual([
        [OUTPUT_MARKER_KEY, JSON.stringify({ analysis: 'forecast', sheetId: output.id })],
      ]);
    }
  });
});

describe('text written to output sheets', () => {
  it('stays text: hostile owner names are values, never formulas', async () => {
    const model = createWorkbookModel([
      { name: 'Deals', values: dealValues(30, (i) => HOSTILE[i % HOSTILE.length] ?? '') },
    ]);
    await forecastRun(createExcelHost(model));
    const output = snapshotWorksheet(model, 'Pipecast Forecast');
    const owners = writtenTable(output, 'Owners');
    expect(new Set(owners.rows.map((row) => row[0]))).toEqual(new Set(HOSTILE));
    expect(output.formulas.flat().filter((formula) => formula !== null)).toEqual([]);
  });
});

describe('pane settings', () => {
  it('are saved with the run and read back when the workbook is opened again', async () => {
    const model = createWorkbookModel([{ name: 'Deals', values: dealValues(10) }]);
    await forecastRun(createExcelHost(model));
    expect(model.settings.has(PANE_SETTINGS_KEY)).toBe(true);
    const reopened = typedExcel(createExcelHost(model));
    const settings = await reopened.run(async (context) => {
      const queued = queuePaneSettings(context);
      await context.sync();
      return queued.resolve();
    });
    expect(settings.source).toEqual({ type: 'usedRange', sheet: 'Deals' });
    expect(settings.analysis).toBe('forecast');
  });
});
