import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvoiceNumberIndex } from '../../../core/internal/invoice-number-index.js';
import type { Invoice } from '../../../core/columns/records.js';
import { hashString } from '../../../core/internal/string-index.js';

const invoice = (row: number, number: string): Invoice => ({
  row,
  invoice: number,
  invoiceDate: 19_700,
  amount: 1,
});

describe('InvoiceNumberIndex', () => {
  it('maps a number to the row of its first invoice and reports the first row on a repeat', () => {
    const invoices = [invoice(2, 'A1'), invoice(3, 'A2'), invoice(4, 'A1')];
    const index = new InvoiceNumberIndex(invoices.length);
    expect(index.add('A1', 0)).toBe(-1);
    expect(index.add('A2', 1)).toBe(-1);
    expect(index.add('A1', 2)).toBe(0); // repeat: the first row wins
    expect(index.get('A1')).toBe(0);
    expect(index.get('A2')).toBe(1);
    expect(index.get('A3')).toBe(-1);
  });

  it('matches a trimmed number to a cell typed with spaces around it', () => {
    const invoices = [invoice(2, '  INV-7 '), invoice(3, 'INV-8')];
    const index = new InvoiceNumberIndex(invoices.length);
    index.add('INV-7', 0);
    index.add('INV-8', 1);
    expect(index.get('INV-7')).toBe(0);
    expect(index.get('  INV-7 ')).toBe(-1); // callers look up trimmed numbers
    expect(invoices[0]?.invoice).toBe('  INV-7 '); // not mutated
  });

  it('adding in slot-block order gives the same first rows as adding in row order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 50 }),
        (numbers, probes) => {
          const index = new InvoiceNumberIndex(numbers.length);
          const first = new Map<string, number>();
          numbers.forEach((n, i) => {
            if (!first.has(n)) first.set(n, i);
          });
          // Rows sorted by block, stably (as loadInvoices adds them): a repeat still follows its first.
          const rows = numbers.map((_, i) => i);
          rows.sort(
            (a, b) =>
              index.blockOf(hashString(numbers[a] as string)) -
                index.blockOf(hashString(numbers[b] as string)) || a - b,
          );
          for (const i of rows) {
            const n = numbers[i] as string;
            const added = index.addHashed(n, hashString(n), i);
            expect(added).toBe(first.get(n) === i ? -1 : (first.get(n) as number));
          }
          for (const n of [...numbers, ...probes]) {
            expect(index.getHashed(n, hashString(n))).toBe(first.get(n) ?? -1);
            expect(index.get(n)).toBe(first.get(n) ?? -1);
          }
        },
      ),
    );
  });

  it('stays exact over 5,000 sequential numbers, whose hashes share probe runs', () => {
    const numbers = Array.from({ length: 5000 }, (_, i) => `INV-${i}`);
    const index = new InvoiceNumberIndex(numbers.length);
    numbers.forEach((n, i) => index.add(n, i));
    numbers.forEach((n, i) => expect(index.get(n)).toBe(i));
    expect(index.get('INV-5000')).toBe(-1);
  });

  it('has one slot block per 4,096 slots, and every hash falls in one of them', () => {
    const small = new InvoiceNumberIndex(3);
    expect(small.blocks).toBe(1);
    const large = new InvoiceNumberIndex(1_000_000); // 2^21 slots
    expect(large.blocks).toBe(512);
    for (const h of [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), hashString('INV-1')]) {
      const b = large.blockOf(h);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(512);
    }
  });

  it('matches on the number, not the hash: two numbers with one hash keep their own rows', () => {
    const index = new InvoiceNumberIndex(4);
    expect(index.addHashed('A', 7, 0)).toBe(-1);
    expect(index.addHashed('B', 7, 1)).toBe(-1); // same hash, other number: a row of its own
    expect(index.addHashed('A', 7, 2)).toBe(0);
    expect(index.getHashed('B', 7)).toBe(1);
    expect(index.getHashed('C', 7)).toBe(-1);
  });
});
