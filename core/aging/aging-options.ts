import type { WarningPlace } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { epochDayFromIso } from '../columns/epoch-day.js';
import type { AgingBasis, AgingBucket } from './aging-buckets.js';
import { agingBuckets, DEFAULT_BUCKET_EDGES } from './aging-buckets.js';
import { DEFAULT_WARNING_CAP } from '../columns/warning-collector.js';
import { DEFAULT_DSO_DAYS } from './dso-standard.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** Which invoices the result lists one by one. */
export type InvoiceLineSelection = 'open' | 'all' | 'none';

export interface AgeReceivablesOptions {
  /** The ledger date of the report: an epoch day or `YYYY-MM-DD`. Required. */
  asOf: EpochDay | string;
  /** Bucket by days past due (default) or by days since the invoice date. */
  by?: AgingBasis;
  /** Upper bucket bounds after Current (default 30, 60, 90, 180). */
  buckets?: readonly number[];
  /** Currency of invoices and payments whose currency cell is blank. */
  currency?: string;
  /** With `rates`: the currency everything convertible is added up in. */
  baseCurrency?: string;
  /** Units of baseCurrency per one unit of each currency (`{USD: 7.1}` with base CNY). */
  rates?: Readonly<Record<string, number>>;
  /** DSO window N in days (default 90). */
  dsoDays?: number;
  /** Provision matrix: one loss rate (0–1) per bucket. Without it no provision is computed. */
  provisionRates?: readonly number[];
  /** Net margin (0–1] for "extra sales needed to cover the provision". */
  netMargin?: number;
  /** Credit limits by customer id; these win over a credit-limit column on the invoices. */
  creditLimits?: Readonly<Record<string, number>>;
  /** Invoices listed one by one: 'open' (default: open items and credits), 'all', 'none'. */
  invoiceLines?: InvoiceLineSelection;
  /** Where the invoices and payments came from, for warnings. */
  invoicePlace?: WarningPlace;
  paymentPlace?: WarningPlace;
  /** Row warnings kept per kind before the rest are counted in one summary (default DEFAULT_WARNING_CAP, 50). */
  maxWarningsPerKind?: number;
}

/** AgeReceivablesOptions checked once, with every default filled in. */
export interface NormalisedAgingOptions {
  asOf: EpochDay;
  by: AgingBasis;
  buckets: AgingBucket[];
  defaultCurrency: string | null;
  base: string | null;
  rates: Map<string, number> | null;
  dsoDays: number;
  provisionRates: readonly number[] | null;
  netMargin: number | null;
  creditLimits: Readonly<Record<string, number>>;
  invoiceLines: InvoiceLineSelection;
  invoicePlace: WarningPlace;
  paymentPlace: WarningPlace;
  maxWarnings: number;
}

/**
 * Checks the options of ageReceivables and fills in the defaults, so the passes over a million rows
 * never test an option twice.
 *
 * Blank currency codes (`currency`, `baseCurrency`) count as not given; codes are trimmed and
 * upper-cased, including the keys of `rates`.
 *
 * @param options - The caller's options; not mutated.
 * @returns The checked options with defaults (by 'due', DEFAULT_BUCKET_EDGES, DEFAULT_DSO_DAYS,
 *   invoiceLines 'open', DEFAULT_WARNING_CAP).
 * @throws {PipecastError} When options is missing.
 * @throws {PipecastError} Naming ageReceivables and the bad value: asOf, bucket edges, rates without a
 *   baseCurrency or ≤ 0, dsoDays, provision rates, netMargin, credit limits, invoiceLines,
 *   maxWarningsPerKind.
 * @example
 * normaliseAgingOptions({ asOf: '2024-03-01' }).buckets.map((b) => b.label);
 * // ['Current', '1–30', '31–60', '61–90', '91–180', '181+']
 */
export function normaliseAgingOptions(options: AgeReceivablesOptions): NormalisedAgingOptions {
  if (options === null || typeof options !== 'object') {
    throw new PipecastError('invalid-option', 'ageReceivables: options with asOf are required');
  }
  const rawAsOf = options.asOf;
  const asOf = typeof rawAsOf === 'string' ? epochDayFromIso(rawAsOf) : rawAsOf;
  if (asOf === undefined || !Number.isInteger(asOf)) {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: asOf must be an epoch day or YYYY-MM-DD date, got ${String(rawAsOf)}`,
    );
  }
  const by = options.by ?? 'due';
  const buckets = agingBuckets(options.buckets ?? DEFAULT_BUCKET_EDGES, by);
  const upper = (c: string | undefined): string | null => {
    const t = c?.trim().toUpperCase();
    return t === undefined || t === '' ? null : t;
  };
  let rates: Map<string, number> | null = null;
  const base = upper(options.baseCurrency);
  if (options.rates !== undefined) {
    if (base === null)
      throw new PipecastError('invalid-option', 'ageReceivables: rates need a baseCurrency');
    rates = new Map();
    for (const [cur, rate] of Object.entries(options.rates)) {
      if (!Number.isFinite(rate) || rate <= 0) {
        throw new PipecastError(
          'invalid-option',
          `ageReceivables: rate for ${cur} must be a number > 0, got ${rate}`,
        );
      }
      rates.set(cur.trim().toUpperCase(), rate);
    }
  }
  const dsoDays = options.dsoDays ?? DEFAULT_DSO_DAYS;
  if (!Number.isInteger(dsoDays) || dsoDays <= 0) {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: dsoDays must be a whole number > 0, got ${dsoDays}`,
    );
  }
  const provisionRates = options.provisionRates ?? null;
  if (provisionRates !== null) {
    if (provisionRates.length !== buckets.length) {
      throw new PipecastError(
        'invalid-option',
        `ageReceivables: provisionRates needs one rate per bucket (${buckets.length}), got ${provisionRates.length}`,
      );
    }
    for (const rate of provisionRates) {
      if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
        throw new PipecastError(
          'invalid-option',
          `ageReceivables: each provision rate must be 0–1, got ${rate}`,
        );
      }
    }
  }
  const netMargin = options.netMargin ?? null;
  if (netMargin !== null && (!Number.isFinite(netMargin) || netMargin <= 0 || netMargin > 1)) {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: netMargin must be in (0, 1], got ${netMargin}`,
    );
  }
  // Without a prototype, a customer named "constructor" or "toString" has no limit unless given.
  const creditLimits: Record<string, number> = Object.assign(
    Object.create(null) as Record<string, number>,
    options.creditLimits ?? {},
  );
  for (const [customer, limit] of Object.entries(creditLimits)) {
    if (!Number.isFinite(limit) || limit < 0) {
      throw new PipecastError(
        'invalid-option',
        `ageReceivables: credit limit of ${customer} must be ≥ 0, got ${limit}`,
      );
    }
  }
  const invoiceLines = options.invoiceLines ?? 'open';
  if (invoiceLines !== 'open' && invoiceLines !== 'all' && invoiceLines !== 'none') {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: invoiceLines must be 'open', 'all' or 'none', got '${String(invoiceLines)}'`,
    );
  }
  const maxWarnings = options.maxWarningsPerKind ?? DEFAULT_WARNING_CAP;
  if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: maxWarningsPerKind must be a whole number ≥ 0, got ${maxWarnings}`,
    );
  }
  return {
    asOf,
    by,
    buckets,
    defaultCurrency: upper(options.currency),
    base,
    rates,
    dsoDays,
    provisionRates,
    netMargin,
    creditLimits,
    invoiceLines,
    invoicePlace: options.invoicePlace ?? {},
    paymentPlace: options.paymentPlace ?? {},
    maxWarnings,
  };
}
