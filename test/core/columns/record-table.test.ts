import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordTable } from '../../../core/columns/record-table.js';
import type { Deal, OrderLine } from '../../../core/columns/records.js';
import { PackedTextColumn } from '../../../core/internal/packed-text-column.js';

describe('RecordTable', () => {
  it('gives back the records it was made from, absent fields left out', () => {
    const deals: Deal[] = [
      { row: 2, id: 'A', stage: 'Design', amount: 1200.5, closeDate: 19905, need: true },
      { row: 3, id: 'B', stage: '设计', owner: 'Li', need: false },
      { row: 5, id: 'C', stage: 'Won', status: 'won', probability: 0 },
    ];
    const table = RecordTable.fromRecords('deal', deals);
    expect(table.size).toBe(3);
    expect(table.toRecords()).toEqual(deals);
    expect(Object.keys(table.record(1)).sort()).toEqual(['id', 'need', 'owner', 'row', 'stage']);
  });

  it('hands out typed columns: NaN, -1 and undefined where a row has no value', () => {
    const table = RecordTable.fromRecords('deal', [
      { row: 2, id: 'A', stage: 'Design', amount: 7, need: true },
      { row: 3, id: 'B', stage: 'Use' },
    ]);
    expect([...table.rows()]).toEqual([2, 3]);
    expect([...table.numbers('amount')!]).toEqual([7, NaN]);
    expect([...table.flags('need')!]).toEqual([1, -1]);
    expect(table.values('stage')!.slice(0, table.size)).toEqual(['Design', 'Use']);
    // No row has a close date or an owner: no column at all.
    expect(table.numbers('closeDate')).toBeUndefined();
    expect(table.values('owner')).toBeUndefined();
    expect(() => table.numbers('stage')).toThrow(/stage is not a number field/);
    expect(() => table.values('amount')).toThrow(/amount is not a text field/);
    expect(() => table.fieldIndex('colour')).toThrow(/deal records have no field 'colour'/);
  });

  it('forgets every value of a discarded row', () => {
    const table = new RecordTable<OrderLine>('orderLine', 1);
    const f = (field: string) => table.fieldIndex(field);
    table.beginRow(2);
    table.set(f('date'), 100);
    table.set(f('customer'), 'C1');
    table.discardRow();
    table.beginRow(3);
    table.set(f('date'), 101);
    table.set(f('amount'), -4);
    table.commitRow();
    expect(table.toRecords()).toEqual([{ row: 3, date: 101, amount: -4 }]);
  });

  it('grows past its first capacity without losing a value', () => {
    const lines: OrderLine[] = Array.from({ length: 5000 }, (_, i) => ({
      row: i + 2,
      date: 15000 + (i % 400),
      amount: i % 7 === 0 ? -i : i / 4,
      ...(i % 3 === 0 ? { customer: `C${i % 50}` } : {}),
      ...(i === 4321 ? { margin: 1.25 } : {}),
    }));
    const table = new RecordTable<OrderLine>('orderLine', 16);
    for (const line of lines) {
      table.beginRow(line.row);
      for (const [field, value] of Object.entries(line))
        if (field !== 'row') table.set(table.fieldIndex(field), value);
      table.commitRow();
    }
    expect(table.toRecords()).toEqual(lines);
    // The margin column appeared at row 4,321: every row before it reads as absent.
    expect([...table.numbers('margin')!].filter((m) => !Number.isNaN(m))).toEqual([1.25]);
  });

  it('round-trips any deals (property)', () => {
    const deal = fc.record(
      {
        row: fc.integer({ min: 1, max: 1_048_576 }),
        id: fc.string(),
        stage: fc.string(),
        owner: fc.string(),
        amount: fc.double({ noNaN: true }),
        closeDate: fc.integer({ min: -1000, max: 80_000 }),
        status: fc.constantFrom('open', 'won', 'lost'),
        need: fc.boolean(),
      },
      { requiredKeys: ['row', 'id', 'stage'] },
    );
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 40 }), (deals) => {
        expect(RecordTable.fromRecords('deal', deals as Deal[]).toRecords()).toEqual(deals);
      }),
    );
  });
});

describe('RecordTable ids', () => {
  it('packs id fields and rebuilds them on demand, one at a time or as a column', () => {
    const table = RecordTable.fromRecords('deal', [
      { row: 2, id: 'D-1', stage: 'Design' },
      { row: 3, id: '商机 2', stage: 'Use' },
    ]);
    expect(table.get(table.fieldIndex('id'), 1)).toBe('商机 2');
    expect(table.values('id')).toEqual(['D-1', '商机 2']);
    expect(table.toRecords().map((d) => d.id)).toEqual(['D-1', '商机 2']);
  });
});

describe('RecordTable text codes', () => {
  it('codes a text or status field, and reads shared texts by number', () => {
    const table = RecordTable.fromRecords('deal', [
      { row: 2, id: 'A', stage: 'Design', owner: 'Li' },
      { row: 3, id: 'B', stage: 'Use' },
      { row: 4, id: 'C', stage: 'Design', owner: 'Li', status: 'won' },
    ]);
    const stage = table.codes('stage')!;
    expect([...stage.codes]).toEqual([1, 2, 1]);
    expect(stage.dictionary).toEqual([undefined, 'Design', 'Use']);
    expect([...table.codes('owner')!.codes]).toEqual([1, 0, 1]);
    expect(table.codes('region')).toBeUndefined();
    expect(() => table.codes('id')).toThrow(/id is not a text or status field/);
    // values() rebuilds a coded column as one value per row.
    expect(table.values('owner')).toEqual(['Li', undefined, 'Li']);

    const shared = new PackedTextColumn(2);
    shared.set(0, 'D-7');
    shared.set(1, 'Negotiation');
    const texts = { packed: shared, text: (i: number) => shared.get(i) };
    table.beginRow(5);
    table.setShared(table.fieldIndex('id'), texts, 0);
    table.setShared(table.fieldIndex('stage'), texts, 1);
    table.commitRow();
    expect(table.record(3)).toEqual({ row: 5, id: 'D-7', stage: 'Negotiation' });
  });
});
