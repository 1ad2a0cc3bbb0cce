import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC, Type } from '@uwdata/flechette';
import { fromArrow, fromCSV as fromCsv } from 'arquero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipeline/cli-io.js';
import { main } from '../../pipeline/cli.js';
import { openDuckDbWasm } from '../support/duckdb-wasm.js';

// Six-stage rates (core/funnel/stage-templates.ts): Compare 30%, Commit 50%, Design 20%.
const CSV = [
  'Deal,Stage,Amount,Close date,Industry',
  'D1,Compare,1000,2026-07-15,Retail',
  'D2,Commit,2000,2026-08-01,Retail',
  'D3,Design,500,2026-07-20,',
  'D4,Won,4000,2026-05-01,Energy',
].join('\n');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['export', ...args], io);
  return { code, out, err };
}

/** The rows of a DuckDB query in a fresh in-memory database. */
async function duckDbRows(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
  }
}

let dir = '';
let file = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipecast-export-'));
  file = join(dir, 'deals.csv');
  await writeFile(file, CSV);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pipecast export', () => {
  it('writes Arrow that arquero reads back with the same values and types', async () => {
    const out = join(dir, 'arrow');
    expect((await run(file, '--as-of', '2026-06-30', '--out', out, '--format', 'arrow')).code).toBe(
      0,
    );
    const deals = fromArrow(await readFile(join(out, 'deals.arrow')));
    expect(deals.numRows()).toBe(4);
    // D1: 1000 × 30% = 300; D2: 2000 × 50% = 1000; D4 won: no weight.
    expect(deals.array('weighted')).toEqual([300, 1000, 100, null]);
    expect(deals.array('category')).toEqual(['best-case', 'commit', 'pipeline', 'closed']);
    expect(deals.array('inFunnel')).toEqual([true, true, true, false]);
    expect(deals.array('Industry')).toEqual(['Retail', 'Retail', null, 'Energy']);
    expect(typeof deals.get('amount', 0)).toBe('number');
  });

  it('writes CSV that DuckDB groups to the forecast’s totals', async () => {
    const out = join(dir, 'csv');
    expect((await run(file, '--as-of', '2026-06-30', '--out', out, '--format', 'csv')).code).toBe(
      0,
    );
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(
      `SELECT Industry, count(*) AS n, sum(weighted) AS weighted FROM read_csv('${join(out, 'deals.csv')}')
       WHERE inFunnel GROUP BY Industry ORDER BY Industry NULLS LAST`,
    );
    // Retail: D1 + D2 = 300 + 1000; blank: D3 = 500 × 20% = 100.
    expect(
      reader.getRowObjects().map((row) => [row.Industry, Number(row.n), Number(row.weighted)]),
    ).toEqual([
      ['Retail', 2, 1300],
      [null, 1, 100],
    ]);
    connection.closeSync();
  });

  it('writes the open invoices of a ledger, read back with their types', async () => {
    const ledger = join(dir, 'ledger.csv');
    // As of 2026-06-30, A is 20 days past due (1–30); B, due 2026-07-15, is Current.
    await writeFile(
      ledger,
      'Invoice,Customer,Invoice date,Due date,Amount,Rep\nA,C1,2026-05-11,2026-06-10,250.5,Li\nB,C2,2026-06-15,2026-07-15,100,Wang\n',
    );
    const out = join(dir, 'ledger-arrow');
    const { code, out: said } = await run(
      ledger,
      '--as-of',
      '2026-06-30',
      '--out',
      out,
      '--format',
      'arrow',
    );
    expect(code).toBe(0);
    expect(said).not.toContain('deals');
    const invoices = fromArrow(await readFile(join(out, 'invoices.arrow')));
    expect(invoices.array('invoice')).toEqual(['A', 'B']);
    expect(Array.from(invoices.array('open') as ArrayLike<number>)).toEqual([250.5, 100]);
    expect(Array.from(invoices.array('daysPastDue') as ArrayLike<number>)).toEqual([20, -15]);
    expect(invoices.array('bucket')).toEqual(['1–30', 'Current']);
    expect(invoices.array('Rep')).toEqual(['Li', 'Wang']);
  });

  it('writes each customer of order lines with its ABC class and RFM scores', async () => {
    const lines = join(dir, 'lines.csv');
    // C1 600 + 200 = 800 (last order 2026-05-05), C2 250, C3 100; 1,150 in all. C1 bought in
    // China, then in Germany.
    await writeFile(
      lines,
      'Customer,Invoice,Date,Amount,Country\nC1,I1,2026-05-01,600,China\nC2,I2,2026-05-02,250,China\nC3,I3,2026-05-03,100,\nC1,I5,2026-05-05,200,Germany\n',
    );
    const out = join(dir, 'lines-arrow');
    const said = await run(lines, '--as-of', '2026-06-30', '--out', out, '--format', 'arrow');
    expect(said.code).toBe(0);
    expect(said.out).toContain('3 customers');
    expect(said.out).toContain('Country: 1 customers’ lines hold different values');
    const customers = fromArrow(await readFile(join(out, 'customers.arrow')));
    // ABC (cut points 80% / 95%, class by the share ranked strictly above): C1 0 → A,
    // C2 800/1150 = 0.696 → A, C3 1050/1150 = 0.913 → B. Recency to 2026-06-30: C1 from
    // 2026-05-05 is 26 + 30 = 56 days, C2 59, C3 58. Frequency: invoices per customer.
    expect(
      (customers.objects() as Record<string, unknown>[]).map((row) => [
        row.id,
        row.abcRevenue,
        row.abcClass,
        row.recency,
        row.frequency,
        row.Country,
      ]),
    ).toEqual([
      // Country: each customer's most recent line's (C1's 2026-05-05 line: Germany).
      ['C1', 800, 'A', 56, 2, 'Germany'],
      ['C2', 250, 'A', 59, 1, 'China'],
      ['C3', 100, 'B', 58, 1, null],
    ]);
    // The lines' other columns only: Customer, Invoice, Date and Amount made the figures.
    expect(customers.columnNames().slice(-2)).toEqual(['lastOrder', 'Country']);
  });

  it('adds a customer list’s columns to the customers, joined by customer id', async () => {
    const folder = join(dir, 'with-accounts');
    await mkdir(folder);
    // The lines of the test above; the accounts list C1 (Energy) and C2 (Retail), not C3, and
    // C9 who has no orders.
    await writeFile(
      join(folder, 'lines.csv'),
      'Customer,Invoice,Date,Amount,Country\nC1,I1,2026-05-01,600,China\nC2,I2,2026-05-02,250,China\nC3,I3,2026-05-03,100,\nC1,I5,2026-05-05,200,Germany\n',
    );
    await writeFile(
      join(folder, 'accounts.csv'),
      'Customer ID,Name,Industry\nC1,Acme,Energy\nC2,Bolt,Retail\nC9,Zed,Retail\n',
    );
    const out = join(dir, 'with-accounts-csv');
    expect((await run(folder, '--as-of', '2026-06-30', '--out', out)).code).toBe(0);
    const customers = fromCsv(await readFile(join(out, 'customers.csv'), 'utf8'));
    expect(customers.columnNames().slice(-3)).toEqual(['Country', 'Name', 'Industry']);
    expect(
      (customers.objects() as Record<string, unknown>[]).map((row) => [
        row.id,
        row.abcClass,
        row.Name,
        row.Industry,
      ]),
    ).toEqual([
      ['C1', 'A', 'Acme', 'Energy'],
      ['C2', 'A', 'Bolt', 'Retail'],
      ['C3', 'B', null, null],
    ]);
  });

  it('writes Arrow and CSV with the same values, and types each Arrow column', async () => {
    const ledger = join(dir, 'typed-ledger.csv');
    await writeFile(
      ledger,
      'Invoice,Customer,Invoice date,Due date,Amount,Rep\nA,C1,2026-05-11,2026-06-10,250,Li\nB,C2,2026-06-15,2026-07-15,100,\n',
    );
    const lines = join(dir, 'typed-lines.csv');
    await writeFile(
      lines,
      'Customer,Invoice,Date,Amount\nC1,I1,2026-05-01,600\nC2,I2,2026-05-02,250\n',
    );
    for (const [input, name] of [
      [file, 'deals'],
      [ledger, 'invoices'],
      [lines, 'customers'],
    ] as const) {
      const folder = join(dir, `typed-${name}`);
      for (const format of ['csv', 'arrow'])
        expect(
          (
            await run(
              input,
              '--as-of',
              '2026-06-30',
              '--out',
              `${folder}-${format}`,
              '--format',
              format,
            )
          ).code,
        ).toBe(0);
      const bytes = await readFile(join(`${folder}-arrow`, `${name}.arrow`));
      const fromArquero = fromArrow(bytes).objects() as Record<string, unknown>[];
      const fromDuckDb = await duckDbRows(
        `SELECT * FROM read_csv('${join(`${folder}-csv`, `${name}.csv`)}', all_varchar = true)`,
      );
      const asText = (row: Record<string, unknown>): Record<string, string | null> =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, value === null ? null : String(value)]),
        );
      expect(fromDuckDb.length).toBeGreaterThan(1);
      expect(fromArquero.map(asText)).toEqual(fromDuckDb.map(asText));
      // Whole numbers Int32 and money Float64 whatever the values (250 and 100 are whole), a
      // column with no value at all (currency, settledDate) as text.
      const types = Object.fromEntries(
        tableFromIPC(bytes).schema.fields.map((field) => [field.name, field.type.typeId]),
      );
      const expected: Record<string, Record<string, number>> = {
        deals: { row: Type.Int, amount: Type.Float, rate: Type.Float, inFunnel: Type.Bool },
        invoices: {
          amount: Type.Float,
          open: Type.Float,
          daysPastDue: Type.Int,
          currency: Type.Utf8,
          settledDate: Type.Utf8,
          daysLate: Type.Int,
          disputed: Type.Bool,
        },
        customers: {
          abcRevenue: Type.Float,
          abcRank: Type.Int,
          recency: Type.Int,
          monetary: Type.Float,
        },
      };
      expect(types).toMatchObject(expected[name] ?? {});
    }
  });

  it('writes Arrow that DuckDB reads with arquero’s values, and the CSV’s under the same SQL types', async () => {
    const ledger = join(dir, 'duck-ledger.csv');
    await writeFile(
      ledger,
      'Invoice,Customer,Invoice date,Due date,Amount,Rep\nA,C1,2026-05-11,2026-06-10,250,Li\nB,C2,2026-06-15,2026-07-15,100.5,\n',
    );
    const lines = join(dir, 'duck-lines.csv');
    await writeFile(
      lines,
      'Customer,Invoice,Date,Amount,Country\nC1,I1,2026-05-01,600,China\nC2,I2,2026-05-02,250,\nC1,I3,2026-05-05,200,Germany\n',
    );
    // The SQL type of each result column DuckDB reads from the Arrow file: whole-number columns
    // INTEGER, money DOUBLE, flags BOOLEAN, text and columns with no value VARCHAR
    // (pipeline/commands/export-tables.ts).
    const expectedTypes: Record<string, Record<string, string>> = {
      deals: {
        row: 'INTEGER',
        rate: 'DOUBLE',
        amount: 'DOUBLE',
        weighted: 'DOUBLE',
        category: 'VARCHAR',
        inFunnel: 'BOOLEAN',
        Industry: 'VARCHAR',
      },
      invoices: {
        amount: 'DOUBLE',
        open: 'DOUBLE',
        daysPastDue: 'INTEGER',
        currency: 'VARCHAR',
        settledDate: 'VARCHAR',
        disputed: 'BOOLEAN',
        Rep: 'VARCHAR',
      },
      customers: {
        abcRevenue: 'DOUBLE',
        abcRank: 'INTEGER',
        abcClass: 'VARCHAR',
        recency: 'INTEGER',
        frequency: 'INTEGER',
        monetary: 'DOUBLE',
        segment: 'VARCHAR',
        Country: 'VARCHAR',
      },
    };
    const duck = await openDuckDbWasm();
    try {
      for (const [input, name] of [
        [file, 'deals'],
        [ledger, 'invoices'],
        [lines, 'customers'],
      ] as const) {
        const folder = join(dir, `duck-${name}`);
        for (const format of ['csv', 'arrow'])
          expect(
            (
              await run(
                input,
                '--as-of',
                '2026-06-30',
                '--out',
                `${folder}-${format}`,
                '--format',
                format,
              )
            ).code,
          ).toBe(0);
        const bytes = await readFile(join(`${folder}-arrow`, `${name}.arrow`));
        duck.insertArrow(name, bytes);
        const fromArquero = fromArrow(bytes).objects() as Record<string, unknown>[];
        expect(fromArquero.length).toBeGreaterThan(1);
        expect(duck.rows(`FROM ${name}`)).toEqual(fromArquero);
        const types = duck.rows(`DESCRIBE ${name}`).map((c) => [c.column_name, c.column_type]);
        expect(Object.fromEntries(types)).toMatchObject(expectedTypes[name] ?? {});
        // The CSV read with the Arrow file's types holds the same rows: nothing in one and not
        // in the other (set operations compare NULLs as equal).
        const columns = types.map(([column, type]) => `'${String(column)}': '${String(type)}'`);
        const csv = join(`${folder}-csv`, `${name}.csv`);
        duck.rows(
          `CREATE TABLE ${name}_csv AS FROM read_csv('${csv}', header = true, columns = {${columns.join(', ')}})`,
        );
        expect(duck.rows(`SELECT count(*)::INTEGER AS n FROM ${name}_csv`)).toEqual([
          { n: fromArquero.length },
        ]);
        expect(
          duck.rows(
            `(FROM ${name} EXCEPT ALL FROM ${name}_csv) UNION ALL (FROM ${name}_csv EXCEPT ALL FROM ${name})`,
          ),
        ).toEqual([]);
      }
    } finally {
      duck.close();
    }
  });

  it('writes the invoices of a ledger in two currencies, which RFM would refuse to add up', async () => {
    const ledger = join(dir, 'two-currencies.csv');
    // A in CNY, B in USD: ABC and RFM never add them together; the invoices table keeps both.
    await writeFile(
      ledger,
      'Invoice,Customer,Invoice date,Due date,Amount,Currency\nA,C1,2026-05-11,2026-06-10,250.5,CNY\nB,C2,2026-06-15,2026-07-15,100,USD\n',
    );
    const out = join(dir, 'two-currencies');
    const said = await run(ledger, '--as-of', '2026-06-30', '--out', out);
    expect(said.err).toBe('');
    expect(said.code).toBe(0);
    expect(said.out).toContain('invoices.csv: 2 invoices');
    const rows = await duckDbRows(
      `SELECT invoice, currency, open FROM read_csv('${join(out, 'invoices.csv')}') ORDER BY invoice`,
    );
    expect(rows.map((row) => [row.invoice, row.currency, Number(row.open)])).toEqual([
      ['A', 'CNY', 250.5],
      ['B', 'USD', 100],
    ]);
    // A ledger's customers are in its invoices table, in one currency or several.
    expect(said.out).not.toContain('customers');
  });

  it('refuses to write into the input’s folder', async () => {
    const { code, err } = await run(file, '--as-of', '2026-06-30', '--out', dir);
    expect(code).toBe(1);
    expect(err).toMatch(/--out .* contains the input/);
  });
});
