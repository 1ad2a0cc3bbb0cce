/// <reference types="office-js" />
import { describe, expect, it } from 'vitest';
import { createExcelHost } from './create-excel-host.js';
import { snapshotWorksheet } from './snapshot-worksheet.js';
import { typedExcel } from './typed-excel.js';
import { createWorkbookModel } from './workbook-model.js';

async function failure(promise: Promise<unknown>): Promise<{ code: string; name: string }> {
  return promise.then(
    () => ({ code: 'none', name: 'none' }),
    (error: unknown) => error as { code: string; name: string },
  );
}

/** `rows` rows of one 20-character text each: as JSON, 20 + 2 quotes + 2 brackets + 1 comma = 25 bytes a row. */
function textRows(rows: number): string[][] {
  return Array.from({ length: rows }, (_, i) => [`customer-${String(i).padStart(11, '0')}`]);
}

describe('Excel on the web payload limit (5 MB per request or response)', () => {
  it('a write over 5 MB fails with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
    const model = createWorkbookModel([{ name: 'Out' }]);
    const host = createExcelHost(model);
    // 210,000 rows x 25 bytes = 5.25 MB of values alone.
    const error = await failure(
      typedExcel(host).run(async (context) => {
        context.workbook.worksheets.getItem('Out').getRange('A1:A210000').values =
          textRows(210_000);
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ name: 'RichApi.Error', code: 'RequestPayloadSizeLimitExceeded' });
    expect(snapshotWorksheet(model, 'Out').values).toEqual([]);
    expect(host.stats.log[0]!.requestBytes).toBeGreaterThan(5_000_000);
  });

  it('the same rows written in two blocks pass, one sync each', async () => {
    const model = createWorkbookModel([{ name: 'Out' }]);
    const host = createExcelHost(model);
    const rows = textRows(210_000);
    await typedExcel(host).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Out');
      sheet.getRange('A1:A105000').values = rows.slice(0, 105_000);
      await context.sync();
      sheet.getRange('A105001:A210000').values = rows.slice(105_000);
      await context.sync();
    });
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.errors).toEqual([]);
    // 105,000 x 25 bytes + the array's brackets, plus the envelope of three statements.
    for (const bytes of host.stats.requestBytes) expect(bytes).toBeGreaterThan(105_000 * 25);
    for (const bytes of host.stats.requestBytes) expect(bytes).toBeLessThan(105_000 * 25 + 1_000);
    expect(snapshotWorksheet(model, 'Out').values.length).toBe(210_000);
  });

  it('a read whose values exceed 5 MB fails with ResponsePayloadSizeLimitExceeded; nothing is delivered', async () => {
    const model = createWorkbookModel([{ name: 'Big', values: textRows(210_000) }]);
    const host = createExcelHost(model);
    let range: Excel.Range | undefined;
    const error = await failure(
      typedExcel(host).run(async (context) => {
        range = context.workbook.worksheets.getItem('Big').getRange('A1:A210000').load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(() => range!.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    expect(host.stats.log[0]!.responseBytes).toBeGreaterThan(5_000_000);
  });

  it('the limit can be set lower, to test chunking on small sheets', async () => {
    const model = createWorkbookModel([{ name: 'Big', values: textRows(100) }]);
    const host = createExcelHost(model, { limits: { payloadBytes: 1_000 } });
    const error = await failure(
      typedExcel(host).run(async (context) => {
        context.workbook.worksheets.getItem('Big').getRange('A1:A100').load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
  });
});

describe('the 5,000,000-cell read limit', () => {
  // A1:E1000001 = 5 columns x 1,000,001 rows = 5,000,005 cells, five over the limit.
  const OVER = 'A1:E1000001';
  const AT = 'A1:E1000000';

  it('reading values of more than 5,000,000 cells fails with RangeExceedsLimit (the default)', async () => {
    const host = createExcelHost(
      createWorkbookModel([{ name: 'Data', values: [[1, 2, 3, 4, 5]] }]),
    );
    const error = await failure(
      typedExcel(host).run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange(OVER).load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('RangeExceedsLimit');
  });

  it("with overReadCells 'null' the values arrive as null instead", async () => {
    const host = createExcelHost(createWorkbookModel([{ name: 'Data' }]), {
      limits: { overReadCells: 'null' },
    });
    const values = await typedExcel(host).run(async (context) => {
      const range = context.workbook.worksheets
        .getItem('Data')
        .getRange(OVER)
        .load('values, cellCount, address');
      await context.sync();
      return [range.values, range.cellCount, range.address];
    });
    expect(values).toEqual([null, 5_000_005, 'Data!A1:E1000001']);
  });

  it('the address and size of a huge range load fine: only cell contents count', async () => {
    const host = createExcelHost(createWorkbookModel([{ name: 'Data' }]));
    const [rows, columns] = await typedExcel(host).run(async (context) => {
      const range = context.workbook.worksheets
        .getItem('Data')
        .getRange('A:Z')
        .load('rowCount, columnCount');
      await context.sync();
      return [range.rowCount, range.columnCount];
    });
    expect([rows, columns]).toEqual([1_048_576, 26]);
  });

  it('exactly 5,000,000 cells may be read (of a sparse sheet, under the payload limit)', async () => {
    const host = createExcelHost(createWorkbookModel([{ name: 'Data' }]), {
      limits: { payloadBytes: 100_000_000 },
    });
    const rows = await typedExcel(host).run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange(AT).load('numberFormat');
      await context.sync();
      return range.numberFormat.length;
    });
    expect(rows).toBe(1_000_000);
  });
});

describe('statistics', () => {
  it('count Excel.run calls, syncs, and bytes per sync', async () => {
    const host = createExcelHost(createWorkbookModel([{ name: 'Data', values: [['a', 1]] }]));
    await typedExcel(host).run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1').load('values');
      await context.sync();
      range.values = [['b', 2]];
      await context.sync();
    });
    expect(host.stats.runs).toBe(1);
    expect(host.stats.syncs).toBe(2);
    // Response of the first sync carries [["a",1]] (as JSON, 9 bytes) inside [ ] of the loaded names.
    expect(host.stats.responseBytes[0]).toBeGreaterThan(host.stats.responseBytes[1]!);
    expect(host.stats.payloadBytes).toHaveLength(2);
    host.stats.reset();
    expect(host.stats.syncs).toBe(0);
  });
});

describe('a long sync on the page thread', () => {
  it('yields to the event loop in slices, so timers keep running while a million cells are written', async () => {
    const host = createExcelHost(createWorkbookModel([{ name: 'Out' }]), {
      limits: { payloadBytes: 100_000_000 },
    });
    const rows = Array.from({ length: 200_000 }, (_, i) => [i, i * 2, 'Won', 'customer', 0.5]);
    const ticks: number[] = [];
    let running = true;
    const tick = (): void => {
      ticks.push(performance.now());
      if (running) setTimeout(tick, 0);
    };
    tick();
    await typedExcel(host).run(async (context) => {
      context.workbook.worksheets.getItem('Out').getRange('A1:E200000').values = rows;
      const back = context.workbook.worksheets.getItem('Out').getRange('A1:E200000').load('values');
      await context.sync();
      expect(back.values[199_999]).toEqual([199_999, 399_998, 'Won', 'customer', 0.5]);
    });
    running = false;
    // Without slicing, the timer gets one or two turns (before the sync starts); with 10 ms
    // slices it gets one per slice, so more than three however fast the machine writes (an idle
    // machine needs fewer slices than a busy one). Gaps between turns are not asserted: garbage
    // collection of a million cells and a busy machine stretch them beyond anything the
    // simulator controls.
    expect(ticks.length, `timer turns during the sync`).toBeGreaterThan(3);
  });

  it('two batches run at once have their syncs done one after the other', async () => {
    const model = createWorkbookModel([{ name: 'Out' }]);
    const excel = typedExcel(createExcelHost(model));
    const order: string[] = [];
    const batch = (label: string) =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Out').getRange('A1').values = [[label]];
        const cell = context.workbook.worksheets.getItem('Out').getRange('A1').load('values');
        await context.sync();
        order.push(`${label}:${String(cell.values[0]![0])}`);
      });
    await Promise.all([batch('first'), batch('second')]);
    expect(order).toEqual(['first:first', 'second:second']);
  });
});
