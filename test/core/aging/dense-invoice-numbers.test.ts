import { describe, expect, it } from 'vitest';
import { DenseInvoiceNumbers } from '../../../core/aging/dense-invoice-numbers.js';
import { ScratchArrays } from '../../../core/aging/scratch-arrays.js';

describe('DenseInvoiceNumbers', () => {
  it('reads one prefix and a plain number, learnt from the first number with digits', () => {
    const table = new DenseInvoiceNumbers();
    expect(table.valueOf('INV-1042')).toBe(1042); // sets the prefix "INV-"
    expect(table.valueOf('INV-0')).toBe(0);
    expect(table.valueOf('INV-999999999')).toBe(999_999_999);
    // Not this form: a leading zero (another spelling), ten digits, another prefix, no digits,
    // letters after the digits.
    for (const other of ['INV-007', 'INV-1234567890', 'CN-1042', 'inv-1042', 'INV-', 'INV-12A'])
      expect(table.valueOf(other)).toBe(-1);
  });

  it('takes plain numbers with the empty prefix ("611365", as the receivables sample writes them)', () => {
    const table = new DenseInvoiceNumbers();
    expect(table.valueOf('611365')).toBe(611_365);
    expect(table.valueOf('611366')).toBe(611_366);
    expect(table.valueOf('A611366')).toBe(-1);
    expect(table.valueOf('0611366')).toBe(-1);
  });

  it('keeps the first row of a repeated number and finds rows by number', () => {
    const table = new DenseInvoiceNumbers();
    for (const value of [5, 9, 7]) table.see(table.valueOf(`N${value}`));
    expect(table.build(3, new ScratchArrays())).toBe(true);
    expect(table.active).toBe(true);
    expect(table.add(5, 0)).toBe(-1);
    expect(table.add(9, 1)).toBe(-1);
    expect(table.add(5, 2)).toBe(0); // repeated: the first row stays
    expect(table.rowOf(5)).toBe(0);
    expect(table.rowOf(9)).toBe(1);
    expect(table.rowOf(7)).toBe(-1); // seen but never added
    expect(table.rowOf(4)).toBe(-1); // below the table
    expect(table.rowOf(10)).toBe(-1); // above it
  });

  it('is not used when the numbers are too spread out (more than 4 slots per row, plus 1,024)', () => {
    const table = new DenseInvoiceNumbers();
    table.see(table.valueOf('N1'));
    table.see(table.valueOf('N5000'));
    // Span 5,000 > 4 × 2 + 1,024.
    expect(table.build(2, new ScratchArrays())).toBe(false);
    expect(table.active).toBe(false);
    // After a refused build nothing is of the table's form, so every number goes to the index.
    expect(table.valueOf('N1')).toBe(-1);
  });
});
