import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvoiceNumberIndex } from '../../../core/aging/invoice-number-index.js';
import type { Invoice } from '../../../core/columns/records.js';
import { hashString } from '../../../core/aging/string-index.js';

const invoice = (row: number, number: string): Invoice => ({
  row,
  invoice: number,
  invoiceDate: 19_700,
  amount: 1,
});

describe('InvoiceNumberIndex', () => {
  it('maps a number to the row of its first invoice and reports the first row on a repeat', () => {
    const invoices = [invoice(2, 'A1'), invoice(3, 'A2'), invoice(4, 'A1')];
    const index = new InvoiceNumberIndex(invoices);
    expect(index.add('A1', 0)).toBe(-1);
    expect(index.add('A2', 1)).toBe(-1);
    expect(index.add('A1', 2)).toBe(0); // repeat: the first row wins
    expect(index.get('A1')).toBe(0);
    expect(index.get('A2')).toBe(1);
    expect(index.get('A3')).toBe(-1);
  });

  it('matches a trimmed number to a cell typed with spaces around it', () => {
    const invoices = [invoice(2, '  INV-7 '), invoice(3, 'INV-8')];
    const index = new InvoiceNumberIndex(invoices);
    index.add('INV-7', 0);
    index.add('INV-8', 1);
    expect(index.get('INV-7')).toBe(0);
    expect(index.get('  INV-7 ')).toBe(-1); // callers look up trimmed numbers
    expect(invoices[0]?.invoice).toBe('  INV-7 '); // not mutated
  });

  it('candidate then confirm gives the same row as get, also for absent numbers (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 50 }),
        (numbers, probes) => {
          const invoices = numbers.map((n, i) => invoice(i + 2, n));
          const index = new InvoiceNumberIndex(invoices);
          const first = new Map<string, number>();
          numbers.forEach((n, i) => {
            expect(index.add(n, i)).toBe(first.get(n) ?? -1);
            if (!first.has(n)) first.set(n, i);
          });
          for (const n of [...numbers, ...probes]) {
            const h = hashString(n);
            const guess = index.candidate(h);
            const row = guess < 0 ? -1 : index.confirm(n, h, guess);
            expect(row).toBe(first.get(n) ?? -1);
            expect(index.get(n)).toBe(first.get(n) ?? -1);
          }
        },
      ),
    );
  });

  it('stays exact over 5,000 sequential numbers, whose hashes share probe runs', () => {
    const numbers = Array.from({ length: 5000 }, (_, i) => `INV-${i}`);
    const index = new InvoiceNumberIndex(numbers.map((n, i) => invoice(i + 2, n)));
    numbers.forEach((n, i) => index.add(n, i));
    numbers.forEach((n, i) => expect(index.get(n)).toBe(i));
    expect(index.get('INV-5000')).toBe(-1);
  });

  it('peek shows the first probed slot: 0 while empty, row + 1 once a number lands there', () => {
    const index = new InvoiceNumberIndex([invoice(2, 'A1')]);
    const h = hashString('A1');
    expect(index.peek(h)).toBe(0);
    index.addHashed('A1', h, 0);
    expect(index.peek(h)).toBe(1);
  });
});
