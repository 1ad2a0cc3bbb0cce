/*
 * breakdownRows (the core's single pass over typed arrays) against arqueroBreakdownRows (arquero
 * groupby/rollup over the folded keys) on random records: keys that fold together (case, width,
 * spaces), blanks of every kind, numbers as keys, records left out, NaN amounts, and a count
 * measure. The rows are compared whole, in order. The key codes come three ways: cells coded in
 * place (codeCells), any codes into a dictionary that repeats cells and holds cells no record
 * uses, and a sheet's column coded once and kept (SourceColumns.codes, asked twice).
 *
 * Checked to fail (each mutation made by hand, run, restored) when: a NaN amount is added
 * (sums become NaN); an excluded record is counted; blank keys are folded into "0"; the count
 * measure is divided by the scale like money.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/columns/cell-value.js';
import { codeCells, type CellCodes } from '../../core/internal/sheet-column-codes.js';
import { breakdownRows } from '../../core/tables/breakdown-rows.js';
import { sourceColumns } from '../../core/tables/source-columns.js';
import type { SheetGrid } from '../../core/workbook/sheet-grid.js';
import { arqueroBreakdownRows } from './arquero-breakdown-rows.js';

const KEYS: (CellValue | undefined)[] = [
  'Retail',
  'retail',
  'ＲＥＴＡＩＬ ',
  'Re  tail',
  're tail',
  '零售',
  'Energy',
  '',
  '   ',
  undefined,
  null,
  0,
  12,
  true,
];

const arbRecord = fc.record({
  key: fc.constantFrom(...KEYS),
  included: fc.constantFrom(0, 1, 1, 1),
  amount: fc.oneof(fc.integer({ min: -50_000, max: 5_000_000 }), fc.constant(Number.NaN)),
  weighted: fc.integer({ min: 0, max: 5_000_000 }),
  flag: fc.constantFrom(0, 1),
});

type DealRecord = typeof arbRecord extends fc.Arbitrary<infer T> ? T : never;

/** The records' measures and inclusion, as breakdownRows and the reference take them. */
function measuresOf(records: readonly DealRecord[]) {
  return {
    included: records.map((record) => record.included),
    measures: {
      amount: records.map((record) => record.amount),
      weighted: records.map((record) => record.weighted),
      flagged: records.map((record) => record.flag),
    },
  };
}

const counted = new Set(['flagged']);

/** breakdownRows over `keys` equals the reference over the cells the keys stand for. */
function expectAsReference(keys: CellCodes, records: readonly DealRecord[]): void {
  const { included, measures } = measuresOf(records);
  const keyOf = (i: number): CellValue | undefined => keys.dictionary[keys.codes[i] as number];
  expect(breakdownRows(keys, included, measures, 100, counted)).toEqual(
    arqueroBreakdownRows(keyOf, included, measures, 100, counted),
  );
}

describe('breakdownRows', () => {
  it('gives the rows of arquero groupby/rollup over the folded keys', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 200 }), (records) => {
        const { included, measures } = measuresOf(records);
        const keyOf = (i: number): CellValue | undefined => records[i]?.key;
        expect(
          breakdownRows(codeCells(records.length, keyOf), included, measures, 100, counted),
        ).toEqual(arqueroBreakdownRows(keyOf, included, measures, 100, counted));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same rows from any codes, a cell repeated under several codes or unused', () => {
    const arbCoded = fc
      .array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 12 })
      .chain((dictionary) =>
        fc.record({
          dictionary: fc.constant(dictionary),
          records: fc.array(fc.record({ code: fc.nat(dictionary.length - 1), record: arbRecord }), {
            maxLength: 200,
          }),
        }),
      );
    fc.assert(
      fc.property(arbCoded, ({ dictionary, records }) => {
        const codes = Int32Array.from(records, (r) => r.code);
        expectAsReference(
          { codes, dictionary },
          records.map((r) => r.record),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same rows from a sheet's coded column, coded once and asked again", () => {
    // Sheet rows of random width (short and empty rows leave the key cell absent); records are
    // some of the rows, in any order, as a result's Excel rows are.
    const arbSheet = fc
      .array(fc.array(fc.constantFrom(...KEYS), { maxLength: 4 }), { minLength: 1, maxLength: 60 })
      .chain((rows) =>
        fc.record({
          rows: fc.constant(rows),
          column: fc.nat(3),
          records: fc.array(
            fc.record({ row: fc.integer({ min: 1, max: rows.length + 1 }), record: arbRecord }),
            { maxLength: 200 },
          ),
        }),
      );
    fc.assert(
      fc.property(arbSheet, ({ rows, column, records }) => {
        const grid: SheetGrid = { file: 'deals.csv', sheet: 'deals', rows, date1904: false };
        const excelRows = Int32Array.from(records, (r) => r.row);
        const plain = records.map((r) => r.record);
        // Two columns of one sheet, each asked twice: the second time its kept codes are used.
        for (const j of [column, column, (column + 1) % 4, column]) {
          const columns = sourceColumns(grid, null, excelRows, new Set());
          const keys = columns.codes(j);
          expect(Array.from(keys.codes, (code) => keys.dictionary[code])).toEqual(
            records.map((_, i) => columns.cell(j, i)),
          );
          expectAsReference(keys, plain);
        }
      }),
      { numRuns: 300 },
    );
  });
});
