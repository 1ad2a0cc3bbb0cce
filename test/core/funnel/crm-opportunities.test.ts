import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { readRecords } from '../../../core/columns/read-records.js';
import type { Deal } from '../../../core/columns/records.js';
import { forecastFunnel } from '../../../core/funnel/forecast-funnel.js';
import { learnWinRates } from '../../../core/funnel/learn-win-rates.js';
import { readWorkbook } from '../../../pipeline/read-workbook.js';

const FILE = fileURLToPath(
  new URL('../../../../shared/data/crm-opportunities/sales_pipeline.csv', import.meta.url),
);
const HAVE_DATA = existsSync(FILE);
if (!HAVE_DATA) console.warn(`skipping funnel tests on the CRM data: ${FILE} is missing`);

describe.skipIf(!HAVE_DATA)('funnel on ../shared/data/crm-opportunities/sales_pipeline.csv', () => {
  let deals: Deal[] = [];
  beforeAll(async () => {
    const [grid] = await readWorkbook(FILE);
    if (!grid) throw new Error('no grid');
    deals = readRecords(grid.rows, { kind: 'deal', sheet: grid.sheet, file: grid.file }).records;
  });

  it('counts the stages as SOURCES.md does (Won 4,238, Lost 2,473, Engaging 1,589, Prospecting 500)', () => {
    const result = forecastFunnel(deals, { asOf: epochDayFromIso('2017-12-31') as number });
    expect(result.won.count).toBe(4238);
    expect(result.lost.count).toBe(2473);
    expect(result.stages.map((s) => [s.name, s.count])).toEqual([
      ['Prospecting', 500],
      ['Engaging', 1589],
    ]);
    expect(result.template.key).toBe('from-data');
    expect(result.template.reason).toMatch(/no built-in template/);
  });

  it('learns the open stages’ win rate from the 6,711 closed deals', () => {
    const rates = learnWinRates(deals);
    // No stage history and lost deals say only "Lost": each closed deal counts for every stage,
    // so both rates are 4238 / (4238 + 2473) = 4238 / 6711 = 0.63150…
    expect(rates.overall).toEqual({ won: 4238, closed: 6711, rate: 4238 / 6711 });
    for (const stage of rates.stages) {
      expect(stage).toMatchObject({ won: 4238, closed: 6711, shrunk: false });
      expect(stage.rate).toBeCloseTo(0.6315, 4);
    }
    expect(rates.basis).toBe('last-stage');
    expect(rates.lostWithoutStage).toBe(2473);
  });

  it('reports rows with no account (1,425), no engage date (500) and no close value (2,089)', () => {
    const result = forecastFunnel(deals, { asOf: epochDayFromIso('2017-12-31') as number });
    const missing = Object.fromEntries(result.missing.map((m) => [m.field, m]));
    expect(missing.account).toMatchObject({ count: 1425, among: 'all' });
    expect(missing.createdDate).toMatchObject({ count: 500, among: 'all' });
    // Every open deal lacks close_value (and close_date); won and lost deals all have one.
    expect(missing.amount).toMatchObject({ count: 2089, among: 'open' });
    expect(missing.closeDate).toMatchObject({ count: 2089, among: 'open' });
    const amountWarning = result.warnings.find((w) => w.column === 'amount');
    expect(amountWarning).toMatchObject({ code: 'missing-value', count: 2089, action: 'row kept' });
    expect(result.stages.every((s) => s.unweighted === s.count)).toBe(true);
    expect(result.velocity.perDay).toBeNull();
    expect(result.velocity.missing).toContain('no open deal has an amount');
    // Won deals: created → close averages over all 4,238 (every won deal has an engage date).
    expect(result.kpis.cycleDeals).toBe(4238);
  });
});
