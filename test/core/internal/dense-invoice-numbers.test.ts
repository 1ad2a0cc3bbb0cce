import { describe, expect, it } from 'vitest';
import { DenseInvoiceNumbers } from '../../../core/internal/dense-invoice-numbers.js';
import { ScratchArrays } from '../../../core/internal/scratch-arrays.js';

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

  it('reads zero-padded numbers at the width of the first one ("INV-000123")', () => {
    const table = new DenseInvoiceNumbers();
    expect(table.valueOf('INV-000123')).toBe(123); // sets the prefix "INV-" and the width 6
    expect(table.valueOf('INV-000000')).toBe(0);
    expect(table.valueOf('INV-999999')).toBe(999_999);
    expect(table.valueOf('INV-100000')).toBe(100_000);
    // Not this form: another width (so "INV-123" and "INV-000123" never meet here), another
    // prefix, letters among the digits.
    for (const other of ['INV-123', 'INV-0000123', 'INV-1000000', 'CN-000123', 'INV-00012A'])
      expect(table.valueOf(other)).toBe(-1);
  });

  it('takes padding only up to 9 digits, and none from a single zero', () => {
    const tenDigits = new DenseInvoiceNumbers();
    // SAP-style "0090000123": ten digits would not fit an int32, so the unpadded form stays and
    // the padded numbers go to the hash index.
    expect(tenDigits.valueOf('0090000123')).toBe(-1);
    expect(tenDigits.valueOf('90000123')).toBe(90_000_123);
    const zero = new DenseInvoiceNumbers();
    expect(zero.valueOf('N0')).toBe(0); // "0" is unpadded: no width
    expect(zero.valueOf('N17')).toBe(17);
    expect(zero.valueOf('N017')).toBe(-1);
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
