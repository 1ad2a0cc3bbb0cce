import { describe, expect, it } from 'vitest';
import {
  createExcelHost,
  createWorkbookModel,
  snapshotWorksheet,
} from '../excel-simulator/index.js';
import { parseParameters } from '../../addin/src/ui/parse-parameters.js';
import { writtenTable } from './support/output-table.js';
import { runPane } from './support/run-pane.js';

/**
 * Order lines in two currencies and a customer list: ABC and RFM may not add USD and EUR
 * together, while the portfolio and the scorecard read the customer list alone.
 * Dates are Excel serials: 46143 is 2026-05-01.
 */
function mixedCurrencyWorkbook() {
  return createWorkbookModel([
    {
      name: 'Orders',
      values: [
        ['Invoice No', 'Invoice Date', 'Customer ID', 'Amount', 'Currency'],
        ['O1', 46143, 'C1', 100, 'USD'],
        ['O2', 46144, 'C2', 200, 'EUR'],
        ['O3', 46150, 'C1', 50, 'USD'],
        ['O4', 46151, 'C3', 30, 'USD'],
      ],
    },
    {
      name: 'Customers',
      values: [
        ['Customer ID', 'Name', 'Purchase potential', 'Our share'],
        ['C1', 'Acme', 1000, 0.1],
        ['C2', 'Bolt', 500, 0.4],
        ['C3', 'Cove', 800, 0.2],
      ],
    },
  ]);
}

const SCORECARD = [
  { column: 'Purchase potential', weight: 60 },
  { column: 'Our share', weight: 40 },
];

function run(locale: 'en' | 'zh', currency?: string) {
  const model = mixedCurrencyWorkbook();
  const outcome = runPane(createExcelHost(model), {
    analysis: 'segment',
    choice: { type: 'usedRange', sheet: 'Orders' },
    extraSheet: 'Customers',
    locale,
    parameters: { scorecard: SCORECARD, ...(currency === undefined ? {} : { currency }) },
  });
  return { model, outcome };
}

function messages(values: unknown[][]): string[] {
  return values.flat().filter((cell): cell is string => typeof cell === 'string');
}

describe('segments in the pane on orders in several currencies', () => {
  it('skips ABC and RFM with the reason in the Notes, and still writes the portfolio and scorecard', async () => {
    const { model, outcome } = run('en');
    await outcome;
    const out = snapshotWorksheet(model, 'Pipecast Segments');
    expect(() => writtenTable(out, 'ABC classes')).toThrow();
    expect(() => writtenTable(out, 'RFM segments')).toThrow();
    // Three customers in the list, each in the portfolio and on the scorecard.
    expect(writtenTable(out, 'Portfolio (potential × our share)').rows).toHaveLength(3);
    expect(writtenTable(out, 'Scorecard').rows).toHaveLength(3);
    expect(messages(out.values)).toContain(
      'ABC and RFM skipped: the orders are in 2 currencies (EUR, USD), which are never added together; enter one under "Currency for ABC and RFM" (e.g. EUR) and run again',
    );
  });

  it('says so in Chinese in a Chinese pane', async () => {
    const { model, outcome } = run('zh');
    await outcome;
    const out = snapshotWorksheet(model, 'Pipecast 客户分类');
    expect(
      messages(out.values).some((m) =>
        m.startsWith('已跳过 ABC 与 RFM:订单涉及 2 种币种(EUR, USD)'),
      ),
    ).toBe(true);
    expect(writtenTable(out, '客户组合(采购潜力 × 我方份额)').rows).toHaveLength(3);
  });

  it('ranks the one currency entered in the parameters', async () => {
    const { model, outcome } = run('en', 'usd');
    await outcome;
    const out = snapshotWorksheet(model, 'Pipecast Segments');
    // USD lines: C1 100 + 50 = 150, C3 30; C2's 200 EUR is left out. Total 180.
    expect(
      writtenTable(out, 'Customers by value (ABC)').rows.map((row) => [row[0], row[1]]),
    ).toEqual([
      ['C1', 150],
      ['C3', 30],
    ]);
    expect(writtenTable(out, 'RFM segments').rows.length).toBeGreaterThan(0);
    expect(writtenTable(out, 'Scorecard').rows).toHaveLength(3);
  });

  it('a currency that no order has skips ABC and RFM, naming the currencies there are', async () => {
    const { model, outcome } = run('en', 'GBP');
    await outcome;
    const out = snapshotWorksheet(model, 'Pipecast Segments');
    expect(messages(out.values)).toContain(
      'ABC and RFM skipped: no order in GBP (the orders’ currencies: EUR, USD)',
    );
    expect(writtenTable(out, 'Portfolio (potential × our share)').rows).toHaveLength(3);
  });

  it('reads the currency field of the form, in capitals', () => {
    expect(parseParameters('segment', { currency: ' usd ' }).currency).toBe('USD');
    expect(parseParameters('segment', { currency: '' }).currency).toBeUndefined();
  });
});
