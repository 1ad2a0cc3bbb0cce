/**
 * The synthetic pipeline CSV of the forecast and breakdown benchmarks (seeded, so every run and
 * every machine gets the same file): id, owner (60 reps), region (6), product (12), stage
 * (six-stage template names plus Won/Lost), amount (2 decimals, skewed: most near 500, a few up
 * to 10,500), close date over 540 days from 2024-01-01; with `industries`, an industry column
 * of that many values ("Industry 0" …) drawn after the others, so the other columns are the
 * same with or without it.
 */
import { seededRandom } from '../core/funnel/seeded-random.js';

export const STAGES = ['Interest', 'Brewing', 'Design', 'Compare', 'Commit', 'Use', 'Won', 'Lost'];
/** The six-stage template's rates of the open stages, for DuckDB's rate table. */
export const RATES: Record<string, number> = {
  Interest: 0.05,
  Brewing: 0.1,
  Design: 0.2,
  Compare: 0.3,
  Commit: 0.5,
  Use: 0.8,
};

/** The DuckDB column types of dealCsv's columns, for read_csv's `columns`. */
export function dealCsvDuckDbColumns(industries?: number): string {
  const columns = [
    `'id': 'VARCHAR'`,
    `'owner': 'VARCHAR'`,
    `'region': 'VARCHAR'`,
    `'product': 'VARCHAR'`,
    `'stage': 'VARCHAR'`,
    `'amount': 'DECIMAL(18,2)'`,
    `'close_date': 'DATE'`,
    ...(industries === undefined ? [] : [`'industry': 'VARCHAR'`]),
  ];
  return `{${columns.join(', ')}}`;
}

export function dealCsv(size: number, options: { industries?: number } = {}): string {
  const next = seededRandom(size);
  const { industries } = options;
  const lines = [`id,owner,region,product,stage,amount,close_date${industries ? ',industry' : ''}`];
  const start = Date.UTC(2024, 0, 1) / 86_400_000;
  for (let i = 0; i < size; i += 1) {
    const stage = STAGES[Math.floor(next() * STAGES.length)] ?? 'Interest';
    const amount = (Math.round(100 * 500 * (1 + 20 * next() ** 3)) / 100).toFixed(2);
    const close = new Date((start + Math.floor(next() * 540)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const line = `D${i},Rep ${Math.floor(next() * 60)},R${Math.floor(next() * 6)},P${Math.floor(next() * 12)},${stage},${amount},${close}`;
    lines.push(industries ? `${line},Industry ${Math.floor(next() * industries)}` : line);
  }
  return `${lines.join('\n')}\n`;
}
