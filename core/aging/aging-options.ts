import type { WarningPlace } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { epochDayFromIso } from '../columns/epoch-day.js';
import type { AgingBasis, AgingBucket } from './aging-buckets.js';
import { agingBuckets, DEFAULT_BUCKET_EDGES } from './aging-buckets.js';
import { DEFAULT_WARNING_CAP } from '../columns/warning-collector.js';
import { PipecastError } from '../errors/pipecast-error.js';
import { DEFAULT_DSO_DAYS } from './dso-standard.js';

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
export interface NormalizedAgingOptions {
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
 * normalizeAgingOptions({ asOf: '2024-03-01' }).buckets.map((b) => b.label);
 * // ['Current', '1–30', '31–60', '61–90', '91–180', '181+']
 */
export function normalizeAgingOptions(options: AgeReceivablesOptions): NormalizedAgingOptions {
  if (options === null || typeof options !== 'object') {
    throw new PipecastError('invalid-option', 'ageReceivables: options with asOf are required');
  }
  // Checked in this order, so the first bad option named is the same whatever else is wrong.
  const asOf = asOfDay(options.asOf);
  const by = options.by ?? 'due';
  const buckets = agingBuckets(options.buckets ?? DEFAULT_BUCKET_EDGES, by);
  const base = currencyCode(options.baseCurrency);
  const rates = ratesOf(options.rates, base);
  const dsoDays = options.dsoDays ?? DEFAULT_DSO_DAYS;
  if (!Number.isInteger(dsoDays) || dsoDays <= 0) {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: dsoDays must be a whole number > 0, got ${dsoDays}`,
    );
  }
  const provisionRates = provisionRatesOf(options.provisionRates, buckets.length);
  const netMargin = options.netMargin ?? null;
  if (netMargin !== null && (!Number.isFinite(netMargin) || netMargin <= 0 || netMargin > 1)) {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: netMargin must be in (0, 1], got ${netMargin}`,
    );
  }
  const creditLimits = creditLimitsOf(options.creditLimits);
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
    defaultCurrency: currencyCode(options.currency),
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

/** The as-of date as an epoch day. */
function asOfDay(asOf: EpochDay | string): EpochDay {
  const day = typeof asOf === 'string' ? epochDayFromIso(asOf) : asOf;
  if (day === undefined || !Number.isInteger(day)) {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: asOf must be an epoch day or YYYY-MM-DD date, got ${String(asOf)}`,
    );
  }
  return day;
}

/** A currency code trimmed and upper-cased; blank or missing → null. */
function currencyCode(code: string | undefined): string | null {
  const text = code?.trim().toUpperCase();
  return text === undefined || text === '' ? null : text;
}

/** The rate table keyed by upper-cased currency code, null without one. */
function ratesOf(
  rates: Readonly<Record<string, number>> | undefined,
  base: string | null,
): Map<string, number> | null {
  if (rates === undefined) return null;
  if (base === null)
    throw new PipecastError('invalid-option', 'ageReceivables: rates need a baseCurrency');
  const checked = new Map<string, number>();
  for (const [currency, rate] of Object.entries(rates)) {
    if (!Number.isFinite(rate) || rate <= 0) {
      throw new PipecastError(
        'invalid-option',
        `ageReceivables: rate for ${currency} must be a number > 0, got ${rate}`,
      );
    }
    checked.set(currency.trim().toUpperCase(), rate);
  }
  return checked;
}

/** The provision rates, one per bucket and each 0–1, null without them. */
function provisionRatesOf(
  rates: readonly number[] | undefined,
  bucketCount: number,
): readonly number[] | null {
  if (rates === undefined) return null;
  if (rates.length !== bucketCount) {
    throw new PipecastError(
      'invalid-option',
      `ageReceivables: provisionRates needs one rate per bucket (${bucketCount}), got ${rates.length}`,
    );
  }
  for (const rate of rates) {
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new PipecastError(
        'invalid-option',
        `ageReceivables: each provision rate must be 0–1, got ${rate}`,
      );
    }
  }
  return rates;
}

/** The credit limits, each ≥ 0, in a record without a prototype. */
function creditLimitsOf(
  limits: Readonly<Record<string, number>> | undefined,
): Readonly<Record<string, number>> {
  // Without a prototype, a customer named "constructor" or "toString" has no limit unless given.
  const checked: Record<string, number> = Object.assign(
    Object.create(null) as Record<string, number>,
    limits ?? {},
  );
  for (const [customer, limit] of Object.entries(checked)) {
    if (!Number.isFinite(limit) || limit < 0) {
      throw new PipecastError(
        'invalid-option',
        `ageReceivables: credit limit of ${customer} must be ≥ 0, got ${limit}`,
      );
    }
  }
  return checked;
}
