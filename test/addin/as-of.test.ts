import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../core/index.js';
import { defaultParameters, parseParameters } from '../../addin/src/ui/parse-parameters.js';
import { PaneError } from '../../addin/src/pane-error.js';
import { main } from '../../pipeline/cli.js';
import { createExcelHost, loadXlsxFile, snapshotWorksheet } from '../excel-simulator/index.js';
import { writtenTable } from './support/output-table.js';
import { runPane } from './support/run-pane.js';

/** `pipecast <args> --json` in process, as its JSON. */
async function cliJson(args: string[]): Promise<Record<string, unknown>> {
  let out = '';
  const io = { stdout: (text: string) => (out += text), stderr: () => undefined, isTTY: false };
  expect(await main([...args, '--json'], io)).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

describe('the as-of date of a pane run', () => {
  it('is blank by default, and a blank or an ISO date is read, anything else refused', () => {
    for (const analysis of ['forecast', 'segment', 'aging'] as const)
      expect(defaultParameters(analysis).asOf).toBe('');
    expect(parseParameters('forecast', { asOf: ' ' }).asOf).toBeUndefined();
    expect(parseParameters('aging', { asOf: '2026-06-30' }).asOf).toBe('2026-06-30');
    expect(() => parseParameters('forecast', { asOf: '30/06/2026' })).toThrow(PaneError);
  });

  it('left blank, is the data’s own day, as pipecast forecast takes it, and the notes say so', async () => {
    const model = await loadXlsxFile('samples/pipeline-en.xlsx');
    const outcome = await runPane(createExcelHost(model), {
      analysis: 'forecast',
      choice: { type: 'usedRange', sheet: 'Pipeline' },
      parameters: { asOf: undefined },
    });
    // pipecast forecast without --as-of: 2026-07-01, the day after the last activity (2026-06-30).
    const cli = await cliJson(['forecast', 'samples/pipeline-en.xlsx']);
    expect([cli.asOf, cli.asOfSource]).toEqual(['2026-07-01', 'data']);
    expect(outcome.outputs[0]?.asOf).toMatchObject({ day: '2026-07-01', fromData: true });
    const notes = writtenTable(snapshotWorksheet(model, 'Pipecast Forecast'), 'Notes');
    expect(notes.rows[0]).toEqual([
      'as-of date',
      '',
      '',
      'As-of date 2026-07-01: the day after the last recorded event in the data (2026-06-30).',
      '',
    ]);
  });

  it('left blank for aging, is the ledger’s own day; set, the notes say it was set', async () => {
    const model = await loadXlsxFile('samples/invoices-payments.xlsx');
    const blank = await runPane(createExcelHost(model), {
      analysis: 'aging',
      choice: { type: 'usedRange', sheet: 'Invoices' },
      extraSheet: 'Payments',
      parameters: { asOf: undefined },
      locale: 'zh',
    });
    const sent = blank.client.requests[0]?.sources.map((s) => ({ name: s.name, values: s.values }));
    const core = ageReceivables(sent ?? [], { kinds: { Invoices: 'invoice' } });
    expect(core.asOfSource).toBe('data');
    expect(blank.outputs[0]?.asOf?.day).toBe(core.result?.asOf);
    expect(blank.outputs[0]?.asOf?.message).toMatch(
      /^截至日期 \d{4}-\d{2}-\d{2}：数据中最后一次记录事件/,
    );

    const fresh = await loadXlsxFile('samples/invoices-payments.xlsx');
    const set = await runPane(createExcelHost(fresh), {
      analysis: 'aging',
      choice: { type: 'usedRange', sheet: 'Invoices' },
      parameters: { asOf: '2026-05-31' },
    });
    expect(set.outputs[0]?.asOf).toMatchObject({ day: '2026-05-31', fromData: false });
    const notes = writtenTable(snapshotWorksheet(fresh, 'Pipecast Aging'), 'Notes');
    expect(notes.rows[0]?.[3]).toBe('As-of date 2026-05-31, as set in the parameters.');
  });
});
