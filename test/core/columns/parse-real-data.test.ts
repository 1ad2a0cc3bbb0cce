import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { epochDayFromIso } from '../../../core/columns/epoch-day.js';
import { parseBoolean } from '../../../core/columns/parse-boolean.js';
import { parseDate } from '../../../core/columns/parse-date.js';
import { parseId } from '../../../core/columns/parse-id.js';
import { parseNumber } from '../../../core/columns/parse-number.js';
import { parseStatus } from '../../../core/columns/parse-status.js';
import type { Parsed } from '../../../core/columns/parsed.js';

const DATA = join(import.meta.dirname, '../../../../shared/data');
if (!existsSync(DATA)) console.warn(`parse-real-data: ${DATA} is missing; real-data tests skipped`);

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(join(DATA, path)), { columns: true }) as Record<string, string>[];
}

/** The value of a result that must be readable (blank allowed). */
function valueOf<T>(result: Parsed<T>, where: string): T | undefined {
  if (!result.ok) throw new Error(`${where}: ${result.reason}`);
  return result.value;
}

describe.skipIf(!existsSync(DATA))('parsers on the real exports in ../shared/data', () => {
  it('IBM receivables: US dates agree with the file’s own DaysToSettle and DaysLate', () => {
    const rows = readCsv('receivables/WA_Fn-UseC_-Accounts-Receivable.csv');
    expect(rows).toHaveLength(2466); // SOURCES.md: 2,466 rows
    let disputed = 0;
    for (const [i, row] of rows.entries()) {
      const where = `row ${i + 2}`;
      const invoice = valueOf(parseDate(row.InvoiceDate), where) ?? Number.NaN;
      const due = valueOf(parseDate(row.DueDate), where) ?? Number.NaN;
      const settled = valueOf(parseDate(row.SettledDate), where) ?? Number.NaN;
      valueOf(parseDate(row.PaperlessDate), where);
      // The file's own columns: DaysToSettle = settled − invoice, DaysLate = max(0, settled − due).
      expect(settled - invoice, where).toBe(Number(row.DaysToSettle));
      expect(Math.max(0, settled - due), where).toBe(Number(row.DaysLate));
      expect(valueOf(parseNumber(row.InvoiceAmount), where)).toBe(Number(row.InvoiceAmount));
      if (valueOf(parseBoolean(row.Disputed), where)) disputed++;
    }
    // The first line's dates (SOURCES.md): InvoiceDate 1/2/2013, SettledDate 1/15/2013.
    expect(parseDate(rows[0]?.InvoiceDate)).toEqual({
      ok: true,
      value: epochDayFromIso('2013-01-02'),
    });
    expect(disputed).toBeGreaterThan(0);
    expect(disputed).toBeLessThan(rows.length);
  });

  it('CRM pipeline: ISO dates in range, blanks counted, Won/Lost read as statuses', () => {
    const rows = readCsv('crm-opportunities/sales_pipeline.csv');
    expect(rows).toHaveLength(8800); // SOURCES.md
    const first = epochDayFromIso('2016-10-20') ?? 0;
    const last = epochDayFromIso('2017-12-31') ?? 0;
    let blankEngage = 0;
    let blankClose = 0;
    let blankValue = 0;
    const statuses = { open: 0, won: 0, lost: 0, unread: 0 };
    for (const [i, row] of rows.entries()) {
      const where = `row ${i + 2}`;
      const engage = valueOf(parseDate(row.engage_date), where);
      const close = valueOf(parseDate(row.close_date), where);
      const value = valueOf(parseNumber(row.close_value), where);
      if (engage === undefined) blankEngage++;
      if (close === undefined) blankClose++;
      if (value === undefined) blankValue++;
      for (const day of [engage, close]) {
        if (day !== undefined) expect(day >= first && day <= last, where).toBe(true);
      }
      const status = parseStatus(row.deal_stage);
      if (status.ok && status.value) statuses[status.value]++;
      else statuses.unread++;
    }
    // SOURCES.md: 500 empty engage_date, 2,089 empty close_date and close_value.
    expect([blankEngage, blankClose, blankValue]).toEqual([500, 2089, 2089]);
    // SOURCES.md: Won 4,238, Lost 2,473; Engaging 1,589 + Prospecting 500 are stages, not statuses.
    expect(statuses).toEqual({ open: 0, won: 4238, lost: 2473, unread: 2089 });
  });

  it('Online Retail: every InvoiceDate is its file’s day; CustomerID "17850.0" is customer "17850"', () => {
    const dir = 'online-retail/by-day';
    const files = readdirSync(join(DATA, dir)).filter((name) => name.endsWith('.csv'));
    expect(files).toHaveLength(305); // SOURCES.md
    let lines = 0;
    let blankCustomers = 0;
    const customers = new Set<string>();
    // Counted, not asserted per line: 2.7 million expect() calls would dominate the run.
    const mismatches: string[] = [];
    for (const file of files) {
      const day = epochDayFromIso(file.slice(0, 10));
      for (const row of readCsv(join(dir, file))) {
        lines++;
        const date = parseDate(row.InvoiceDate);
        const quantity = parseNumber(row.Quantity);
        const price = parseNumber(row.UnitPrice);
        const customer = parseId(row.CustomerID);
        if (
          !date.ok ||
          date.value !== day ||
          !quantity.ok ||
          quantity.value !== Number(row.Quantity) ||
          !price.ok ||
          price.value !== Number(row.UnitPrice) ||
          !customer.ok ||
          (customer.value !== undefined && !/^\d+$/.test(customer.value))
        ) {
          mismatches.push(`${file}: ${JSON.stringify(row)}`);
        } else if (customer.value === undefined) blankCustomers++;
        else customers.add(customer.value);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // SOURCES.md: 541,909 rows, 135,080 empty CustomerID, 4,372 distinct customers.
    expect([lines, blankCustomers, customers.size]).toEqual([541909, 135080, 4372]);
  });
});
