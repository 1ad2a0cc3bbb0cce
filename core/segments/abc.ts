import { codedMessage, fieldTerm } from '../text/coded-text.js';
import type { DataWarning, WarningPlace } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { compareIds } from '../columns/compare-ids.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { CENTS, fromMinorUnits, toMinorUnits } from '../columns/money.js';

/** A customer's value for ABC: from a customer list (Customer record) or from customerRevenue. */
export interface AbcCustomer {
  id: string;
  revenue?: number | null;
  margin?: number | null;
  /** Source row, for warnings. */
  row?: number;
}

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcOptions {
  /** Cumulative-share cut points [A, B] as fractions, 0 < A < B ≤ 1. Default [0.8, 0.95]. */
  cutPoints?: readonly [number, number];
  /** Rank on revenue (default) or margin. */
  by?: 'revenue' | 'margin';
  /** Most points on the Pareto curve (evenly spaced ranks, class ends always kept). Default 201. */
  maxCurvePoints?: number;
  /** File and sheet put on warnings and errors. */
  place?: WarningPlace;
}

export const DEFAULT_ABC_CUT_POINTS: readonly [number, number] = [0.8, 0.95];
export const DEFAULT_ABC_MAX_CURVE_POINTS = 201;

export interface AbcRow {
  id: string;
  /** 1 = largest value; ties broken by id ascending. Blank values rank last. */
  rank: number;
  /** The revenue or margin ranked; null when blank (then class C, with a warning). */
  value: number | null;
  /** value ÷ Σ positive values; null when there is no positive value (or the ratio overflows). */
  share: number | null;
  /** Σ positive values ranked at or above this one ÷ Σ positive values. */
  cumulativeShare: number | null;
  class: AbcClass;
}

export interface AbcClassSummary {
  class: AbcClass;
  customers: number;
  /** customers ÷ all customers; 0 for an empty table. */
  customerShare: number;
  /** Σ value of the class (signed: negatives stay negative). */
  value: number;
  /** value ÷ Σ all values (so the three shares add to 1); null when that total is ≤ 0. */
  valueShare: number | null;
}

export interface ParetoPoint {
  rank: number;
  /** rank ÷ customers. */
  customerShare: number;
  /** Σ positive values of ranks 1…rank ÷ Σ positive values. */
  valueShare: number;
}

export interface AbcResult {
  by: 'revenue' | 'margin';
  cutPoints: [number, number];
  /** In rank order. */
  customers: AbcRow[];
  /** Always A, B, C in that order. */
  classes: AbcClassSummary[];
  /** Starts at rank 0 (0, 0); empty when no customer has a positive value. */
  curve: ParetoPoint[];
  /** Σ all values. */
  total: number;
  /** Σ positive values: the denominator of the cumulative share. */
  positiveTotal: number;
  warnings: DataWarning[];
}

/**
 * ABC / Pareto classes (二八法则) by the exact rule of ../shared/DOMAIN.md.
 *
 * Rank by value descending, ties by id ascending. With S = Σ positive values and `above` = Σ
 * values ranked strictly above a customer: class A when above ÷ S < cutA, B when < cutB, else C
 * (so the customer that crosses 80% is still A). A value ≤ 0 is C. Blanks: a blank value is
 * class C with value null and a warning; a duplicate id is added up with a warning.
 *
 * @param customers Customers with revenue and/or margin; not mutated.
 * @param options Cut points, the ranked measure and the curve size.
 * @returns Per-customer rank and class, class summary, Pareto curve and warnings.
 * @throws PipecastError when the cut points are not 0 < A < B ≤ 1, maxCurvePoints < 2, or a value
 *   is NaN or infinite.
 * @example
 * abc([{ id: 'a', revenue: 70 }, { id: 'b', revenue: 20 }, { id: 'c', revenue: 10 }])
 *   .customers.map((c) => c.class) // ['A', 'A', 'B']: above-shares 0, 0.7, 0.9
 */
export function abc(customers: readonly AbcCustomer[], options: AbcOptions = {}): AbcResult {
  const { by, cutA, cutB, maxCurvePoints } = normalizeAbcOptions(options);
  const warnings = new WarningCollector();
  const ranked = [...valuesById(customers, by, warnings, options.place ?? {})].sort(
    compareAbcEntries,
  );
  // Sums in whole cents (the money rule), so the total is the sum of the figures shown and the
  // cumulative shares carry no float drift across thousands of customers.
  let totalCents = 0;
  let positiveCents = 0;
  for (const [, value] of ranked) {
    if (value === null) continue;
    const cents = toMinorUnits(value, CENTS);
    totalCents += cents;
    if (value > 0) positiveCents += cents;
  }
  const total = fromMinorUnits(totalCents, CENTS);
  const positiveTotal = fromMinorUnits(positiveCents, CENTS);
  const rows: AbcRow[] = [];
  let aboveCents = 0;
  for (let i = 0; i < ranked.length; i++) {
    const [id, value] = ranked[i]!;
    const above = fromMinorUnits(aboveCents, CENTS);
    const abcClass = abcClassOf(value, above, positiveTotal, cutA, cutB);
    if (value !== null && value > 0) aboveCents += toMinorUnits(value, CENTS);
    const aboveNow = fromMinorUnits(aboveCents, CENTS);
    rows.push({
      id,
      rank: i + 1,
      value,
      share: shareOf(value, positiveTotal),
      cumulativeShare: positiveTotal > 0 ? aboveNow / positiveTotal : null,
      class: abcClass,
    });
  }
  return {
    by,
    cutPoints: [cutA, cutB],
    customers: rows,
    classes: summarise(rows, total),
    curve: paretoCurve(rows, positiveTotal, maxCurvePoints),
    total,
    positiveTotal,
    warnings: warnings.finish(),
  };
}

/**
 * DOMAIN.md's ABC class: A when the positive values ranked strictly above the customer make less
 * than cutA of the positive total, B when less than cutB, else C; a blank, zero or negative value
 * is C. Sums are compared, not quotients, so a share of exactly 80% is not lost to rounding.
 *
 * @param value - the customer's value, null when blank.
 * @param above - Σ positive values ranked strictly above it.
 * @param positiveTotal - Σ positive values.
 * @example abcClassOf(10, 70, 100, 0.8, 0.95) // 'A': 70 < 80
 */
export function abcClassOf(
  value: number | null,
  above: number,
  positiveTotal: number,
  cutA: number,
  cutB: number,
): AbcClass {
  if (value === null || value <= 0) return 'C';
  return above < cutA * positiveTotal ? 'A' : above < cutB * positiveTotal ? 'B' : 'C';
}

/**
 * value ÷ Σ positive values; null without a positive total or a value, and null when the ratio is
 * not a number a sheet can show (a negative value over a total of a few 1e-324 overflows).
 */
function shareOf(value: number | null, positiveTotal: number): number | null {
  if (!(positiveTotal > 0) || value === null) return null;
  const share = value / positiveTotal;
  return Number.isFinite(share) ? share : null;
}

/** abc's options with defaults applied and checked. */
function normalizeAbcOptions(options: AbcOptions) {
  const by = options.by ?? 'revenue';
  const [cutA, cutB] = options.cutPoints ?? DEFAULT_ABC_CUT_POINTS;
  const maxCurvePoints = options.maxCurvePoints ?? DEFAULT_ABC_MAX_CURVE_POINTS;
  if (by !== 'revenue' && by !== 'margin') {
    throw new PipecastError(
      'invalid-option',
      `abc: by must be 'revenue' or 'margin', got '${String(by)}'`,
    );
  }
  if (!(cutA > 0 && cutA < cutB && cutB <= 1)) {
    throw new PipecastError(
      'invalid-option',
      `abc: cut points must satisfy 0 < A < B ≤ 1, got [${cutA}, ${cutB}]`,
    );
  }
  if (!Number.isInteger(maxCurvePoints) || maxCurvePoints < 2) {
    throw new PipecastError(
      'invalid-option',
      `abc: maxCurvePoints must be an integer ≥ 2, got ${maxCurvePoints}`,
    );
  }
  return { by, cutA, cutB, maxCurvePoints };
}

/**
 * Each customer's value by id: a blank is null (class C, warned); a repeated id adds its values
 * up (warned).
 */
function valuesById(
  customers: readonly AbcCustomer[],
  by: 'revenue' | 'margin',
  warnings: WarningCollector,
  place: WarningPlace,
): Map<string, number | null> {
  const valueById = new Map<string, number | null>();
  for (const customer of customers) {
    const raw = customer[by];
    if (raw !== undefined && raw !== null && !Number.isFinite(raw)) {
      throw new PipecastError(
        'invalid-input',
        `abc: ${by} of customer '${customer.id}' must be a finite number, got ${raw}`,
        { ...place, ...(customer.row === undefined ? {} : { row: customer.row }) },
      );
    }
    const value = raw ?? null;
    const row = { ...place, ...(customer.row === undefined ? {} : { row: customer.row }) };
    if (value === null) {
      warnings.report({
        code: 'missing-value',
        ...codedMessage('warning.abcNoValue', { id: customer.id, by: fieldTerm(by) }),
        ...row,
        column: by,
        action: 'assumed',
      });
    }
    if (valueById.has(customer.id)) {
      warnings.report({
        code: 'duplicate-id',
        ...codedMessage('warning.abcDuplicate', { id: customer.id, by: fieldTerm(by) }),
        ...row,
        column: 'id',
        action: 'row kept',
      });
      const before = valueById.get(customer.id) ?? null;
      valueById.set(
        customer.id,
        before === null ? value : value === null ? before : before + value,
      );
    } else {
      valueById.set(customer.id, value);
    }
  }
  return valueById;
}

/** The ABC ranking: value descending, blanks last, ties by id ascending. */
function compareAbcEntries(
  [idA, valueA]: [string, number | null],
  [idB, valueB]: [string, number | null],
): number {
  if (valueA === null || valueB === null) {
    if (valueA !== valueB) return valueA === null ? 1 : -1;
  } else if (valueA !== valueB) {
    return valueB - valueA;
  }
  return compareIds(idA, idB);
}

function summarise(rows: readonly AbcRow[], total: number): AbcClassSummary[] {
  const rowCount = rows.length;
  return (['A', 'B', 'C'] as const).map((abcClass) => {
    let customers = 0;
    let cents = 0;
    for (const row of rows) {
      if (row.class !== abcClass) continue;
      customers++;
      cents += toMinorUnits(row.value ?? 0, CENTS);
    }
    const value = fromMinorUnits(cents, CENTS);
    return {
      class: abcClass,
      customers,
      customerShare: rowCount > 0 ? customers / rowCount : 0,
      value,
      valueShare: total > 0 ? value / total : null,
    };
  });
}

function paretoCurve(
  rows: readonly AbcRow[],
  positiveTotal: number,
  maxPoints: number,
): ParetoPoint[] {
  const n = rows.length;
  if (n === 0 || positiveTotal <= 0) return [];
  const keep = new Set<number>([0, n]);
  for (let i = 0; i < n; i++) {
    const next = rows[i + 1];
    if (next === undefined || next.class !== rows[i]!.class) keep.add(i + 1);
  }
  const budget = Math.max(0, maxPoints - keep.size);
  if (n + 1 <= maxPoints) {
    for (let r = 0; r <= n; r++) keep.add(r);
  } else {
    for (let j = 1; j <= budget; j++) keep.add(Math.round((j * n) / (budget + 1)));
  }
  return [...keep]
    .sort((a, b) => a - b)
    .map((rank) => ({
      rank,
      customerShare: rank / n,
      valueShare: rank === 0 ? 0 : (rows[rank - 1]!.cumulativeShare ?? 0),
    }));
}
