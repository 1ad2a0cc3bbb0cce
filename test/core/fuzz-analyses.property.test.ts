import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataWarning, SheetValues } from '../../core/index.js';
import { ageReceivables, forecast, PipecastError, segment } from '../../core/index.js';

/**
 * Issue 19: the three analyses fuzzed through the public API with arbitrary tables. Whatever the
 * cells, an analysis returns (every problem a warning that says where: file and sheet at least)
 * or throws a PipecastError that names its place; nothing else escapes, and no number in the
 * result is NaN or infinite (JSON would print them as null, the text output as ∞).
 */

/** Headers the readers recognise (English and Chinese), mixed with arbitrary text. */
const KNOWN_HEADERS = [
  'Deal',
  'Stage',
  'Amount',
  'Probability (%)',
  'Close Date',
  'Owner',
  'Status',
  'Customer',
  'Order Date',
  'Invoice',
  'Invoice Date',
  'Due Date',
  'Paid Date',
  'Currency',
  'Revenue',
  'Quantity',
  'Unit Price',
  '销售阶段',
  '金额',
  '客户',
  '到期日',
  '发票号',
  '订单日期',
];

const header = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_HEADERS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** Cells as Excel's Range.values gives them: numbers, text, booleans, '' for blanks, errors. */
const cell: fc.Arbitrary<string | number | boolean> = fc.oneof(
  fc.constantFrom('', ' ', '#N/A', '#DIV/0!', '#VALUE!', 'NaN', 'Infinity', '-Infinity', 'null'),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, -1, 0, -0, 5e-324, 1e21, -99999999.995),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 3e6 }),
  fc.constantFrom(
    '2024-02-30',
    '0000-00-00',
    '9999-12-31',
    '1900-02-29',
    '2024-13-01',
    '31/12/2024',
  ),
  fc.constantFrom('Prospecting', 'Won', 'Lost', 'Closed Won', '赢单', '设计', 'Design', 'open'),
  fc.constantFrom('D1', 'D1', 'C-1', 'C-1', 'INV-1', 'INV-1', 'USD', 'EUR', '€', '$'),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
);

const table: fc.Arbitrary<SheetValues> = fc
  .tuple(fc.array(header, { minLength: 1, maxLength: 7 }), fc.nat({ max: 12 }))
  .chain(([headers, rowCount]) =>
    fc
      .array(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), {
        minLength: rowCount,
        maxLength: rowCount,
      })
      .map((rows) => ({ name: 'Fuzz', values: [headers, ...rows] })),
  );

/** Runs an analysis; a throw must be a PipecastError naming its place (a file at least). */
function runChecked(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PipecastError)) throw error;
    expect(error.place.file ?? error.place.sheet, `no place: ${error.message}`).toBeDefined();
    return undefined;
  }
}

/** The warnings a run reports to the user: its top-level list (reading, then the method's). */
function warningsIn(run: unknown): DataWarning[] {
  const warnings = (run as { warnings?: unknown }).warnings;
  expect(Array.isArray(warnings), 'a run has a warnings list').toBe(true);
  return warnings as DataWarning[];
}

/** Paths of numbers that are NaN or infinite in a result. */
function nonFinite(
  value: unknown,
  path = '',
  found: string[] = [],
  seen = new Set<unknown>(),
): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push(`${path} = ${value}`);
    return found;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return found;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return found;
  for (const [key, child] of Object.entries(value)) nonFinite(child, `${path}.${key}`, found, seen);
  return found;
}

function checkResult(result: unknown): void {
  if (result === undefined || result === null) return;
  for (const warning of warningsIn(result))
    expect(
      warning.file ?? warning.sheet,
      `warning without a place: ${warning.message}`,
    ).toBeDefined();
  expect(nonFinite(result)).toEqual([]);
}

const FILE = 'fuzz.xlsx';
const RUNS = 150;

describe('fuzz: the three analyses on arbitrary tables (issue 19)', () => {
  it('forecast', () => {
    fc.assert(
      fc.property(table, (sheet) => {
        checkResult(
          runChecked(() => forecast([sheet], { file: FILE, asOf: '2024-07-01', seed: 1 })),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('segment: abc and rfm', () => {
    fc.assert(
      fc.property(table, (sheet) => {
        checkResult(runChecked(() => segment([sheet], { method: 'abc', file: FILE })));
        checkResult(runChecked(() => segment([sheet], { method: 'rfm', file: FILE })));
      }),
      { numRuns: RUNS },
    );
  });

  it('ageReceivables', () => {
    fc.assert(
      fc.property(table, (sheet) => {
        checkResult(runChecked(() => ageReceivables([sheet], { file: FILE, forceInvoices: true })));
        checkResult(runChecked(() => ageReceivables([sheet], { file: FILE })));
      }),
      { numRuns: RUNS },
    );
  });
});
