/**
 * Aging 1,000,000 invoices with 1,000,000 payments (payments applied by invoice number, true
 * as-of, buckets per customer, unapplied cash per customer): ageReceivables against DuckDB doing
 * the same join and bucketed sums, in the same run, on the same seeded synthetic data.
 *
 *   node --import tsx bench/aging.ts [--invoices 1000000] [--payments 1000000] [--runs 5]
 *     [--padded-numbers | --lettered-numbers] [--write]
 *
 * Invoice numbers are INV-0 … INV-999999, as most ledgers number them in sequence, so ours looks
 * them up in its dense table (DenseInvoiceNumbers). --padded-numbers writes them zero-padded to one
 * width (INV-0000000 … INV-0999999), which that table takes too. --lettered-numbers writes INV-0/A
 * … instead, which it does not take, so every number goes through the hash index.
 *
 * Timed: ours = the whole ageReceivables call on Invoice/Payment records already in memory (due
 * dates from terms, the invoice-number index, payment application, buckets, per-customer and
 * per-owner totals, DSO, days late, priority list). DuckDB = only the two queries (aged buckets per
 * customer; unapplied cash per customer) on tables already loaded; loading is reported apart.
 * Both results are compared bucket by bucket before any time is printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ageReceivables } from '../core/aging/age-receivables.js';
import { DEFAULT_BUCKET_EDGES } from '../core/aging/aging-buckets.js';
import { epochDayFromIso } from '../core/columns/epoch-day.js';
import type { Invoice, Payment } from '../core/columns/records.js';
import { recordMeasures } from './record-measures.js';

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number > 0`);
  return value;
}

const N_INVOICES = argNumber('--invoices', 1_000_000);
const N_PAYMENTS = argNumber('--payments', 1_000_000);
const RUNS = argNumber('--runs', 5);
const N_CUSTOMERS = 20_000;
const NUMBER_SUFFIX = process.argv.includes('--lettered-numbers') ? '/A' : '';
const NUMBER_WIDTH = process.argv.includes('--padded-numbers') ? String(N_INVOICES).length : 0;
const invoiceNumber = (i: number): string =>
  `INV-${String(i).padStart(NUMBER_WIDTH, '0')}${NUMBER_SUFFIX}`;
const FIRST_DAY = epochDayFromIso('2023-01-01') as number;
const AS_OF = epochDayFromIso('2024-09-30') as number;
const SPAN = AS_OF - FIRST_DAY + 60; // some invoices and payments fall after as-of

/** mulberry32: small, seeded, good enough for synthetic ledgers. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Ledger {
  invoices: Invoice[];
  payments: Payment[];
  /** Due day per invoice, as DuckDB gets it (net 30 resolved). */
  due: Int32Array;
}

function makeLedger(): Ledger {
  const random = rng(20240930);
  const invoices: Invoice[] = new Array(N_INVOICES);
  const due = new Int32Array(N_INVOICES);
  for (let i = 0; i < N_INVOICES; i++) {
    const day = FIRST_DAY + Math.floor(random() * SPAN);
    const cents = 1000 + Math.floor(random() * 5_000_000);
    const withTerms = random() < 0.5;
    const dueDay = day + (withTerms ? 30 : 15 + Math.floor(random() * 60));
    due[i] = dueDay;
    // A few credit notes, as a real ledger has.
    const amount = (random() < 0.01 ? -cents : cents) / 100;
    const inv: Invoice = {
      row: i + 2,
      invoice: invoiceNumber(i),
      customer: `C${Math.floor(random() * N_CUSTOMERS)}`,
      invoiceDate: day,
      amount,
      owner: `Rep ${Math.floor(random() * 50)}`,
    };
    if (withTerms) inv.terms = 'net 30';
    else inv.dueDate = dueDay;
    invoices[i] = inv;
  }
  const payments: Payment[] = new Array(N_PAYMENTS);
  for (let j = 0; j < N_PAYMENTS; j++) {
    const r = random();
    const k = Math.floor(random() * N_INVOICES);
    const target = invoices[k] as Invoice;
    const day = target.invoiceDate + Math.floor(random() * 120) - 5;
    const share = random() < 0.7 ? 1 : random();
    const amount = Math.round(Math.abs(target.amount) * share * 100) / 100;
    if (r < 0.98) {
      payments[j] = {
        row: j + 2,
        customer: target.customer,
        invoice: target.invoice,
        date: day,
        amount,
      };
    } else if (r < 0.99) {
      payments[j] = {
        row: j + 2,
        customer: target.customer,
        invoice: `UNKNOWN-${j}`,
        date: day,
        amount,
      };
    } else {
      payments[j] = { row: j + 2, customer: target.customer, date: day, amount };
    }
  }
  return { invoices, payments, due };
}

async function loadDuckDb(connection: DuckDBConnection, ledger: Ledger): Promise<void> {
  await connection.run(
    'CREATE TABLE invoices (invoice VARCHAR, customer VARCHAR, day INTEGER, due INTEGER, cents BIGINT)',
  );
  await connection.run(
    'CREATE TABLE payments (invoice VARCHAR, customer VARCHAR, day INTEGER, cents BIGINT)',
  );
  const ia = await connection.createAppender('invoices');
  ledger.invoices.forEach((inv, i) => {
    ia.appendVarchar(inv.invoice);
    ia.appendVarchar(inv.customer as string);
    ia.appendInteger(inv.invoiceDate);
    ia.appendInteger(ledger.due[i] as number);
    ia.appendBigInt(BigInt(Math.round(inv.amount * 100)));
    ia.endRow();
  });
  ia.closeSync();
  const pa = await connection.createAppender('payments');
  for (const p of ledger.payments) {
    if (p.invoice === undefined) pa.appendNull();
    else pa.appendVarchar(p.invoice);
    pa.appendVarchar(p.customer as string);
    pa.appendInteger(p.date);
    pa.appendBigInt(BigInt(Math.round(p.amount * 100)));
    pa.endRow();
  }
  pa.closeSync();
}

// The same rules as ageReceivables: invoices dated ≤ as-of, payments dated ≤ as-of applied by
// invoice number; payments with no invoice, an unknown one or one issued after as-of are unapplied.
const edges = DEFAULT_BUCKET_EDGES;
const bucketCase = `CASE WHEN dpd <= 0 THEN 0 ${edges.map((e, k) => `WHEN dpd <= ${e} THEN ${k + 1}`).join(' ')} ELSE ${edges.length + 1} END`;
const AGED_SQL = `
WITH paid AS (
  SELECT invoice, sum(cents) AS paid FROM payments
  WHERE day <= ${AS_OF} AND invoice IS NOT NULL GROUP BY invoice
), aged AS (
  SELECT i.customer, i.cents - coalesce(p.paid, 0) AS open, ${AS_OF} - i.due AS dpd
  FROM invoices i LEFT JOIN paid p ON p.invoice = i.invoice
  WHERE i.day <= ${AS_OF}
)
SELECT customer, ${bucketCase} AS bucket, sum(open) AS cents, count(*) AS items
FROM aged WHERE open <> 0 GROUP BY ALL`;
const UNAPPLIED_SQL = `
SELECT p.customer, sum(p.cents) AS cents, count(*) AS n
FROM payments p LEFT JOIN invoices i ON i.invoice = p.invoice AND i.day <= ${AS_OF}
WHERE p.day <= ${AS_OF} AND i.invoice IS NULL
GROUP BY p.customer`;

interface Totals {
  buckets: bigint[];
  items: number[];
  unapplied: bigint;
  customers: number;
}

async function duckDbRun(connection: DuckDBConnection): Promise<Run> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const aged = await connection.runAndReadAll(AGED_SQL);
  const unapplied = await connection.runAndReadAll(UNAPPLIED_SQL);
  const ms = performance.now() - started;
  const cpuMs = cpuTotal(process.cpuUsage(cpu));
  const totals: Totals = {
    buckets: new Array<bigint>(edges.length + 2).fill(0n),
    items: new Array<number>(edges.length + 2).fill(0),
    unapplied: 0n,
    customers: 0,
  };
  const customers = new Set<string>();
  for (const row of aged.getRows()) {
    const b = Number(row[1]);
    totals.buckets[b] = (totals.buckets[b] as bigint) + BigInt(row[2] as bigint);
    totals.items[b] = (totals.items[b] as number) + Number(row[3]);
    customers.add(String(row[0]));
  }
  for (const row of unapplied.getRows()) {
    totals.unapplied += BigInt(row[1] as bigint);
    customers.add(String(row[0]));
  }
  totals.customers = customers.size;
  return { ms, cpuMs, totals };
}

function oursRun(ledger: Ledger): Run {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = ageReceivables(ledger.invoices, ledger.payments, {
    asOf: AS_OF,
    invoiceLines: 'none',
  });
  const ms = performance.now() - started;
  const cpuMs = cpuTotal(process.cpuUsage(cpu));
  const section = result.sections[0];
  if (!section || result.sections.length !== 1) throw new Error('expected one currency section');
  return {
    ms,
    cpuMs,
    totals: {
      buckets: section.buckets.map((b) => BigInt(Math.round(b.amount * 100))),
      items: section.buckets.map((b) => b.count),
      unapplied: BigInt(Math.round(section.totals.unapplied * 100)),
      customers: section.customers.filter((c) => c.openItems > 0 || c.unapplied !== 0).length,
    },
  };
}

interface Run {
  ms: number;
  /** CPU time of the whole process (all threads), user + system. */
  cpuMs: number;
  totals: Totals;
}

const cpuTotal = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

async function main(): Promise<void> {
  let t = performance.now();
  const ledger = makeLedger();
  const genMs = performance.now() - t;

  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  t = performance.now();
  await loadDuckDb(connection, ledger);
  const loadMs = performance.now() - t;
  const threads = (
    await connection.runAndReadAll("SELECT current_setting('threads')")
  ).getRows()[0]?.[0];

  // Warm up both, and check they agree before timing anything.
  const ours0 = oursRun(ledger);
  const duck0 = await duckDbRun(connection);
  const same =
    ours0.totals.buckets.every((c, b) => c === duck0.totals.buckets[b]) &&
    ours0.totals.items.every((c, b) => c === duck0.totals.items[b]) &&
    ours0.totals.unapplied === duck0.totals.unapplied;
  if (!same) {
    console.error('results differ', ours0.totals, duck0.totals);
    process.exitCode = 1;
    return;
  }

  const oursRuns: Run[] = [];
  const duckRuns: Run[] = [];
  for (let r = 0; r < RUNS; r++) {
    oursRuns.push(oursRun(ledger));
    duckRuns.push(await duckDbRun(connection));
  }
  await connection.run('SET threads = 1');
  const duck1Runs: Run[] = [];
  for (let r = 0; r < RUNS; r++) duck1Runs.push(await duckDbRun(connection));
  connection.closeSync();

  const ours = median(oursRuns.map((r) => r.ms));
  const duck = median(duckRuns.map((r) => r.ms));
  const duck1 = median(duck1Runs.map((r) => r.ms));
  const oursCpu = median(oursRuns.map((r) => r.cpuMs));
  const duckCpu = median(duckRuns.map((r) => r.cpuMs));
  const duck1Cpu = median(duck1Runs.map((r) => r.cpuMs));
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  const table = [
    `${N_INVOICES.toLocaleString('en-US')} invoices (numbered ${invoiceNumber(0)} …), ${N_PAYMENTS.toLocaleString('en-US')} payments, ${N_CUSTOMERS.toLocaleString('en-US')} customers, as-of 2024-09-30; median of ${RUNS} runs after a warm-up`,
    `results agree: bucket sums and counts ${ours0.totals.buckets.map((c) => Number(c) / 100).join(' / ')}, unapplied ${Number(ours0.totals.unapplied) / 100}`,
    '',
    `1-minute load average at the end: ${load} on ${cpus().length} CPUs (wall times suffer when it exceeds the CPU count; CPU times less so)`,
    '',
    '| engine | wall ms | ratio | CPU ms | CPU ratio |',
    '|---|---:|---:|---:|---:|',
    `| ours: ageReceivables (whole report) | ${ours.toFixed(0)} | ${(ours / duck).toFixed(2)}× | ${oursCpu.toFixed(0)} | ${(oursCpu / duckCpu).toFixed(2)}× |`,
    `| DuckDB @duckdb/node-api (threads=${String(threads)}): join + bucketed sums, query only | ${duck.toFixed(0)} | 1.00× | ${duckCpu.toFixed(0)} | 1.00× |`,
    `| DuckDB (threads=1), same queries | ${duck1.toFixed(0)} | ${(duck1 / duck).toFixed(2)}× | ${duck1Cpu.toFixed(0)} | ${(duck1Cpu / duckCpu).toFixed(2)}× |`,
    '',
    `Not timed: generating the ledger ${genMs.toFixed(0)} ms; loading DuckDB with appenders ${loadMs.toFixed(0)} ms.`,
    `Target: ours ≤ 2× DuckDB (wall) → ${ours <= 2 * duck ? 'met' : 'NOT met'} (${(ours / duck).toFixed(2)}×); by CPU time ${(oursCpu / duckCpu).toFixed(2)}×.`,
  ].join('\n');
  console.log(table);
  recordMeasures('aging', [
    {
      what: `ageReceivables vs DuckDB join + bucketed sums (${N_PAYMENTS.toLocaleString('en-US')} payments)`,
      size: N_INVOICES,
      ours: { name: 'pipecast', ms: oursRuns.map((r) => r.ms) },
      peer: { name: `DuckDB (threads=${String(threads)})`, ms: duckRuns.map((r) => r.ms) },
      goal: '≤ 2×',
    },
  ]);
  if (process.argv.includes('--write')) {
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/aging.md', `# aging\n\n${table}\n`);
  }
}

await main();
