import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createExcelHost, loadXlsxFile, snapshotWorksheet } from '../excel-simulator/index.js';
import { typedExcel } from '../excel-simulator/typed-excel.js';
import { dealValues } from './support/deal-sheets.js';
import { writtenTable } from './support/output-table.js';
import { runPane } from './support/run-pane.js';

/** A workbook saved in the 1904 date system (workbookPr date1904="1"), from ../shared/data. */
const DATE_1904 = fileURLToPath(
  new URL('../../../shared/data/workbooks/date_1904.xlsx', import.meta.url),
);

/**
 * The 1904 workbook with a deal sheet added: 40 deals closing on serials 46203 … 46242. In the
 * 1904 system serial 46203 is 1904-01-01 + 46203 days = 2030-07-01 (the 1900 system's 2026-06-30
 * plus the 1,462 days between the epochs: Excel's DATE(2030,7,1) in a 1904 workbook is 46203).
 */
async function deals1904(apiSets: Record<string, string>) {
  const model = await loadXlsxFile(DATE_1904);
  const host = createExcelHost(model, { apiSets });
  await typedExcel(host).run(async (context) => {
    const values = dealValues(40);
    const sheet = context.workbook.worksheets.add('Deals');
    sheet.getRangeByIndexes(0, 0, values.length, 5).values = values;
    await context.sync();
  });
  return { model, host };
}

function forecastOf(host: ReturnType<typeof createExcelHost>) {
  return runPane(host, {
    analysis: 'forecast',
    choice: { type: 'usedRange', sheet: 'Deals' },
    parameters: { asOf: '2030-06-30' },
  });
}

describe.skipIf(!existsSync(DATE_1904))('the workbook date system', () => {
  it('is read from Workbook.use1904DateSystem on ExcelApi 1.16 and passed to the core', async () => {
    const { model, host } = await deals1904({ ExcelApi: '1.17' });
    const outcome = await forecastOf(host);
    expect(outcome.client.requests[0]?.date1904).toBe(true);
    // 40 deals over serials 46203 … 46242: 2030-07-01 … 2030-08-09, so July and August 2030.
    const months = writtenTable(
      snapshotWorksheet(model, 'Pipecast Forecast'),
      'Forecast by close month',
    );
    expect(months.rows.map((row) => row[0])).toEqual(['2030-07', '2030-08']);
  });

  it('is taken as the 1900 system where the host cannot say (ExcelApi below 1.16)', async () => {
    const { host } = await deals1904({ ExcelApi: '1.15' });
    const outcome = await forecastOf(host);
    expect(outcome.client.requests[0]?.date1904).toBe(false);
  });
});
