import { describe, expect, it } from 'vitest';
import { PipecastError, placeText } from '../../../core/errors/pipecast-error.js';
import { ageReceivables } from '../../../core/aging/age-receivables.js';
import { matchColumns } from '../../../core/columns/match-columns.js';
import { quantile } from '../../../core/segments/quantile.js';
import { PipecastError as PipecastErrorFromIndex, ReportConfigError } from '../../../core/index.js';
import { WorkbookReadError } from '../../../core/readers/index.js';

describe('PipecastError', () => {
  it('carries its code, message and place, and is an Error named PipecastError', () => {
    const error = new PipecastError('missing-column', 'readRecords: no column Amount', {
      file: 'deals.xlsx',
      sheet: 'Deals',
      row: 1,
      column: 'Amount',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PipecastError');
    expect(error.code).toBe('missing-column');
    expect(error.message).toBe('readRecords: no column Amount');
    expect(error.place).toEqual({ file: 'deals.xlsx', sheet: 'Deals', row: 1, column: 'Amount' });
  });

  it('has an empty place when none is given, and drops undefined parts', () => {
    expect(new PipecastError('invalid-option', 'x: bad').place).toEqual({});
    expect(
      new PipecastError('invalid-option', 'x: bad', { sheet: undefined, row: 3 }).place,
    ).toEqual({ row: 3 });
  });

  it('oneLine puts the place first, parts in file, sheet, row, column order', () => {
    const error = new PipecastError('missing-column', 'mapping names column Owner', {
      column: 'Owner',
      row: 4,
      sheet: '商机',
      file: 'q3.xlsx',
    });
    expect(error.oneLine()).toBe(
      'q3.xlsx, sheet 商机, row 4, column Owner: mapping names column Owner',
    );
  });

  it('oneLine is the message alone without a place, with line breaks folded and no stack', () => {
    const error = new PipecastError('invalid-option', 'rfm: mode must be\n  quintile or b2b ');
    expect(error.oneLine()).toBe('rfm: mode must be quintile or b2b');
    expect(error.oneLine()).not.toContain('\n');
    expect(error.oneLine()).not.toContain(' at ');
  });

  it('oneLine does not repeat a place the message already starts with', () => {
    const error = new PipecastError(
      'invalid-option',
      'pipecast.json: aging.buckets must increase',
      {
        file: 'pipecast.json',
      },
    );
    expect(error.oneLine()).toBe('pipecast.json: aging.buckets must increase');
  });

  it('is the class of the file and config errors too, each with its code and file', () => {
    const unreadable = new WorkbookReadError('q3.xlsx', 'not a valid .xlsx file');
    expect(unreadable).toBeInstanceOf(PipecastError);
    expect(unreadable).toMatchObject({ code: 'unreadable-file', place: { file: 'q3.xlsx' } });
    expect(unreadable.oneLine()).toBe('q3.xlsx: not a valid .xlsx file');
    const config = new ReportConfigError('pipecast.json', 'aging.buckets', 'must increase');
    expect(config).toBeInstanceOf(PipecastError);
    expect(config).toMatchObject({ code: 'invalid-option', place: { file: 'pipecast.json' } });
  });

  it('keeps the cause it replaces', () => {
    const cause = new Error('inner');
    expect(new PipecastError('invalid-input', 'outer', {}, { cause }).cause).toBe(cause);
  });

  it('placeText names only the parts it is given', () => {
    expect(placeText({})).toBe('');
    expect(placeText({ row: 12 })).toBe('row 12');
    expect(placeText({ file: 'a.csv', column: 'Date' })).toBe('a.csv, column Date');
  });

  it('is the class core/index.ts exports', () => {
    expect(PipecastErrorFromIndex).toBe(PipecastError);
  });
});

describe('core throws PipecastError with a code for each kind of mistake', () => {
  it("a bad option: 'invalid-option', message unchanged", () => {
    expect(() => ageReceivables([], [], { asOf: 'soon' })).toThrow(
      expect.objectContaining({
        name: 'PipecastError',
        code: 'invalid-option',
        message: 'ageReceivables: asOf must be an epoch day or YYYY-MM-DD date, got soon',
      }),
    );
  });

  it("input of the wrong shape: 'invalid-input'", () => {
    expect(() => ageReceivables('x' as never, [], { asOf: '2024-01-01' })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });

  it("no values where some are needed: 'empty-input'", () => {
    expect(() => quantile([], 0.5)).toThrow(expect.objectContaining({ code: 'empty-input' }));
  });

  it("a mapping to a column the header row lacks: 'missing-column'", () => {
    expect(() =>
      matchColumns(['Deal', 'Stage'], { kind: 'deal', mapping: { amount: 'Betrag' } }),
    ).toThrow(expect.objectContaining({ code: 'missing-column' }));
  });

  it("a mapping to a field the record kind lacks: 'unknown-field'", () => {
    expect(() =>
      matchColumns(['Deal', 'Stage'], { kind: 'deal', mapping: { colour: 'Stage' } }),
    ).toThrow(expect.objectContaining({ code: 'unknown-field' }));
  });
});

describe('readRecords names the sheet of a mapping error', () => {
  it('adds file, sheet and the given header row to the missing column', async () => {
    const { readRecords } = await import('../../../core/columns/read-records.js');
    const grid = [
      ['Deal', 'Stage'],
      ['D1', 'Design'],
    ];
    const read = (): unknown =>
      readRecords(grid, {
        kind: 'deal',
        file: 'q3.xlsx',
        sheet: 'Deals',
        headerRow: 1,
        mapping: { amount: 'Betrag' },
      });
    expect(read).toThrow(
      expect.objectContaining({
        code: 'missing-column',
        place: { file: 'q3.xlsx', sheet: 'Deals', row: 1, column: 'Betrag' },
      }),
    );
    expect(thrownBy(read)?.oneLine()).toBe(
      "q3.xlsx, sheet Deals, row 1, column Betrag: matchColumns: mapping for 'amount' names column 'Betrag', which the header row does not have",
    );
  });
});

/** The PipecastError `run` throws; undefined when it throws none (and the caller's expect fails). */
function thrownBy(run: () => unknown): PipecastError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PipecastError) return error;
    throw error;
  }
  return undefined;
}
