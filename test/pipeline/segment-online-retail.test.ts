import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.js';
import type { CliIo } from '../../pipeline/cli-io.js';
import type { SegmentBreakdownRow } from '../../core/index.js';

const DIR = '../shared/data/online-retail/by-day';
const HAVE_DATA = existsSync(DIR);
if (!HAVE_DATA)
  console.warn(`segment-online-retail: skipped, ${DIR} is missing (shared data not mounted)`);

interface Run {
  code: number;
  json: {
    customers: Record<string, unknown>[];
    summary: Record<string, unknown>;
    warnings: { code: string; count?: number }[];
  };
}

async function run(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false };
  const code = await main(['segment', DIR, '--json', ...args], io);
  if (code !== 0) throw new Error(`exit ${code}: ${err}`);
  return { code, json: JSON.parse(out) as Run['json'] };
}

describe.skipIf(!HAVE_DATA)(
  'pipecast segment on Online Retail by-day (305 CSVs, 541,909 lines)',
  () => {
    let rfmRun: Run;
    let abcRun: Run;
    let duck: Map<
      string,
      {
        monetary: number;
        frequency: number;
        lastOrder: string | null;
        country: string;
        countries: number;
      }
    >;

    beforeAll(async () => {
      rfmRun = await run(['--method', 'rfm', '--as-of', '2011-12-10']);
      abcRun = await run(['--method', 'abc', '--by', 'Country']);
      // Independent figures: DuckDB over the same CSVs, ids as text with the ".0" cut off. Each
      // line's quantity × unit price is rounded to cents in exact decimals, half away from zero
      // (the shared money rule: the segments sum every line in whole cents), then summed exactly.
      const db = await DuckDBInstance.create(':memory:');
      const con = await db.connect();
      const reader = await con.runAndReadAll(`
      SELECT regexp_replace(CustomerID, '\\.0$', '') AS id,
             sum(round(CAST(Quantity AS DECIMAL(18, 0)) * CAST(UnitPrice AS DECIMAL(18, 6)), 2)) AS monetary,
             count(DISTINCT CASE WHEN NOT starts_with(InvoiceNo, 'C') THEN InvoiceNo END) AS frequency,
             CAST(max(CASE WHEN NOT starts_with(InvoiceNo, 'C') THEN CAST(InvoiceDate AS DATE) END) AS VARCHAR) AS last_order,
             arg_max(Country, CAST(InvoiceDate AS DATE)) AS country,
             count(DISTINCT Country) AS countries
      FROM read_csv('${DIR}/*.csv', all_varchar = true, header = true)
      WHERE CustomerID IS NOT NULL
      GROUP BY 1`);
      duck = new Map();
      for (const row of reader.getRowObjectsJson()) {
        duck.set(String(row.id), {
          monetary: Number(row.monetary),
          frequency: Number(row.frequency),
          lastOrder: row.last_order === null ? null : String(row.last_order),
          country: String(row.country),
          countries: Number(row.countries),
        });
      }
      con.closeSync();
    }, 240_000);

    it('counts 541,909 lines, 4,372 distinct ids, 135,080 lines without id, 9,288 cancellations', () => {
      // SOURCES.md section B; DuckDB gives the same (count(*), count(DISTINCT CustomerID), …).
      expect(rfmRun.json.summary.counts).toMatchObject({
        lines: 541_909,
        customers: 4_372,
        linesWithoutCustomer: 135_080,
        cancellationLines: 9_288,
        negativeQuantityLines: 10_624,
      });
      const missing = rfmRun.json.warnings.find((w) => w.code === 'missing-value');
      expect(missing?.count).toBe(135_080);
    });

    it('scores every customer with an order; returns-only customers are listed apart', () => {
      const withOrders = [...duck.values()].filter((d) => d.frequency > 0).length;
      expect(rfmRun.json.customers).toHaveLength(withOrders); // 4,339 per DuckDB
      expect((rfmRun.json.summary.returnsOnly as unknown[]).length).toBe(4_372 - withOrders);
      for (const c of rfmRun.json.customers) {
        for (const k of ['r', 'f', 'm']) expect([1, 2, 3, 4, 5]).toContain(c[k]);
      }
    });

    it('matches DuckDB per customer: monetary to 1e-9 relative, frequency and recency exactly', () => {
      const asOf = Date.UTC(2011, 11, 10);
      let checked = 0;
      for (const c of rfmRun.json.customers) {
        const d = duck.get(c.id as string);
        expect(d, `customer ${String(c.id)} in DuckDB`).toBeDefined();
        const monetary = c.monetary as number;
        expect(Math.abs(monetary - d!.monetary)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(d!.monetary)),
        );
        expect(c.frequency).toBe(d!.frequency);
        expect(c.recency).toBe((asOf - Date.parse(`${d!.lastOrder}T00:00:00Z`)) / 86_400_000);
        checked++;
      }
      expect(checked).toBe(rfmRun.json.customers.length);
    });

    it('scores monetary by the DOMAIN.md rule recomputed from DuckDB values', () => {
      // Quadratic recount over DuckDB's monetary values: score = 1 + floor(5 × worse ÷ n), cap 5.
      const scored = rfmRun.json.customers;
      const values = scored.map((c) => duck.get(c.id as string)!.monetary).sort((a, b) => a - b);
      const n = values.length;
      const lowerBound = (v: number) => {
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (values[mid]! < v) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      for (const c of scored) {
        const worse = lowerBound(duck.get(c.id as string)!.monetary);
        expect(c.m).toBe(Math.min(5, 1 + Math.floor((5 * worse) / n)));
      }
    });

    it('classes ABC so A holds at least 80% of revenue, over all 4,372 ids', () => {
      const summary = abcRun.json.summary as {
        customers: number;
        positiveTotal: number;
        classes: { class: string; customers: number; customerShare: number; value: number }[];
      };
      expect(summary.customers).toBe(4_372);
      const [a, b, c] = summary.classes;
      expect(a!.customers + b!.customers + c!.customers).toBe(4_372);
      expect(a!.value / summary.positiveTotal).toBeGreaterThanOrEqual(0.8);
      // Pareto: A is a minority of customers. Positive total from DuckDB: Σ of positive monetary.
      const duckPositive = [...duck.values()].reduce((s, d) => s + Math.max(0, d.monetary), 0);
      expect(summary.positiveTotal).toBeCloseTo(duckPositive, 4);
      expect(a!.customerShare).toBeLessThan(0.5);
      // The DOMAIN.md rule walked by hand over DuckDB's per-customer sums gives the same classes.
      const ranked = [...duck].sort(
        (x, y) => y[1].monetary - x[1].monetary || (x[0] < y[0] ? -1 : 1),
      );
      const expected = { A: 0, B: 0, C: 0 };
      let above = 0;
      for (const [, d] of ranked) {
        if (d.monetary <= 0) expected.C++;
        else {
          const share = above / duckPositive;
          expected[share < 0.8 ? 'A' : share < 0.95 ? 'B' : 'C']++;
          above += d.monetary;
        }
      }
      expect({ A: a!.customers, B: b!.customers, C: c!.customers }).toEqual(expected);
      console.info(
        `Online Retail ABC: A ${a!.customers} customers (${(a!.customerShare * 100).toFixed(1)}%), ` +
          `B ${b!.customers}, C ${c!.customers}`,
      );
    });

    it('breaks the customers down by Country, each under its most recent line’s', () => {
      // DuckDB: each id's Country on its latest day (arg_max by date; the 8 customers whose
      // lines name two countries have one on their latest day), customers and their ABC revenue
      // summed per country in cents.
      const expected = new Map<string, { count: number; cents: number }>();
      const customers = abcRun.json.customers as { id: string; revenue: number }[];
      for (const customer of customers) {
        const country = duck.get(customer.id)!.country;
        const group = expected.get(country) ?? { count: 0, cents: 0 };
        group.count += 1;
        group.cents += Math.round(customer.revenue * 100);
        expected.set(country, group);
      }
      const breakdown = (
        abcRun.json as unknown as {
          breakdowns: { column: string; disagreeing: number; rows: SegmentBreakdownRow[] }[];
        }
      ).breakdowns[0]!;
      expect(breakdown.column).toBe('Country');
      expect(
        breakdown.rows.map((row) => [row.key, row.count, Math.round(row.revenue * 100)]),
      ).toEqual(
        [...expected]
          .map(([country, group]) => [country, group.count, group.cents])
          .sort((x, y) => (y[2] as number) - (x[2] as number)),
      );
      const twoCountries = [...duck.values()].filter((d) => d.countries > 1).length;
      expect(twoCountries).toBe(8);
      expect(breakdown.disagreeing).toBe(twoCountries);
    });
  },
);
