import type { AgingInvoiceLine } from './aging-result.js';
import type { NormalisedAgingOptions } from './aging-options.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import { StringIndex } from '../internal/string-index.js';

/** One currency section while the passes run (the base currency when a rate table converts). */
export interface LedgerSection {
  /** Currency code, or null when it is not known. */
  key: string | null;
  /** Pair id per global customer id (-1: none yet). */
  pairOfCustomer: Int32Array;
  /** Pair ids of this section, in first-seen order. */
  pairs: number[];
  /** Section owner id per global owner id (-1: none yet). */
  ownerOfGlobal: Int32Array;
  ownerIds: string[];
  /** Net cents invoiced in the DSO window. */
  salesWindowCents: number;
  /** Days-late tallies of invoices settled by as-of. */
  settled: number;
  late: number;
  lateSum: number;
  lateWeighted: number;
  lateWeight: number;
  lines: AgingInvoiceLine[];
  /** Net cents invoiced per month from the first aged invoice to as-of. */
  monthly: Float64Array | null;
}

/**
 * The ids shared by the three passes of ageReceivables: currency sections, (section, customer)
 * pairs, owners per section, and the unapplied cash per pair. Everything is an index into typed or
 * plain arrays, so the million-row loops allocate nothing per row.
 *
 * Warnings it raises (a currency without a rate) go to the collector it is given.
 */
export class AgingLedger {
  readonly sections: LedgerSection[] = [];
  /** Section of each pair. */
  readonly pairSection: number[] = [];
  readonly pairCustomer: string[] = [];
  /** First non-blank owner named on the pair's invoices. */
  readonly pairOwner: (string | null)[] = [];
  readonly pairLimit: (number | null)[] = [];
  /** Unapplied cash per pair: cents, payments, first and last date (count 0: none). */
  unappliedCents = new Float64Array(1024);
  unappliedCount = new Int32Array(1024);
  unappliedFirst = new Int32Array(1024);
  unappliedLast = new Int32Array(1024);

  private readonly sectionByKey = new Map<string | null, number>();
  private readonly factorOf = new Map<string | null, number>();
  private readonly warnedNoRate = new Set<string | null>();
  private readonly currencyCache = new Map<string, string | null>();
  private readonly customerIds = new StringIndex(1024);
  private readonly ownerIds = new StringIndex(64);

  constructor(
    private readonly o: NormalisedAgingOptions,
    private readonly warnings: WarningCollector,
  ) {}

  /** The currency code of a currency cell: trimmed, upper-cased; blank → the default currency. */
  currencyOf(raw: string | undefined): string | null {
    if (raw === undefined) return this.o.defaultCurrency;
    let c = this.currencyCache.get(raw);
    if (c === undefined) {
      const t = raw.trim().toUpperCase();
      c = t === '' ? this.o.defaultCurrency : t;
      this.currencyCache.set(raw, c);
    }
    return c;
  }

  /** Units of the section currency per unit of cur: the rate, or 1 without a rate table. */
  factor(cur: string | null): number {
    let f = this.factorOf.get(cur);
    if (f === undefined) {
      const { rates, base } = this.o;
      f = cur !== null && rates && cur !== base ? (rates.get(cur) ?? 1) : 1;
      this.factorOf.set(cur, f);
    }
    return f;
  }

  /** The section of a currency: its own, or the base currency's when the rate table converts it. */
  sectionOf(cur: string | null): number {
    const { rates, base } = this.o;
    let key = cur;
    if (rates) {
      if (cur !== null && (cur === base || rates.has(cur))) key = base;
      else if (!this.warnedNoRate.has(cur)) {
        this.warnedNoRate.add(cur);
        this.warnings.add(
          `no-rate:${cur}`,
          {},
          {
            code: 'currency-mismatch',
            message: `no exchange rate for ${cur ?? 'a blank currency'}: kept in its own section, not added to ${base}`,
            action: 'row kept',
          },
          'currencies without a rate',
        );
      }
    }
    let s = this.sectionByKey.get(key);
    if (s === undefined) {
      s = this.sections.length;
      this.sectionByKey.set(key, s);
      this.sections.push({
        key,
        pairOfCustomer: new Int32Array(16).fill(-1),
        pairs: [],
        ownerOfGlobal: new Int32Array(16).fill(-1),
        ownerIds: [],
        salesWindowCents: 0,
        settled: 0,
        late: 0,
        lateSum: 0,
        lateWeighted: 0,
        lateWeight: 0,
        lines: [],
        monthly: null,
      });
    }
    return s;
  }

  /** The pair id of a customer in a section, made on first sight. */
  pairOf(s: number, customer: string): number {
    return this.pairOfCustomerId(s, this.customerIds.intern(customer), customer);
  }

  /** A guess at the global customer id of a name with hashString h, for confirmCustomerId. */
  customerCandidate(h: number): number {
    return this.customerIds.candidate(h);
  }

  /** The global id of a customer name (any section), given customerCandidate's guess. */
  confirmCustomerId(customer: string, h: number, candidate: number): number {
    return this.customerIds.confirmIntern(customer, h, candidate);
  }

  /** pairOf for a customer whose global id (customerId) is known. */
  pairOfCustomerId(s: number, c: number, customer: string): number {
    const sec = this.sections[s] as LedgerSection;
    if (c >= sec.pairOfCustomer.length) sec.pairOfCustomer = grown(sec.pairOfCustomer, c);
    let p = sec.pairOfCustomer[c] as number;
    if (p < 0) {
      p = this.pairSection.length;
      sec.pairOfCustomer[c] = p;
      sec.pairs.push(p);
      this.pairSection.push(s);
      this.pairCustomer.push(customer);
      this.pairOwner.push(null);
      this.pairLimit.push(this.o.creditLimits[customer] ?? null);
      if (p >= this.unappliedCount.length) this.growUnapplied();
    }
    return p;
  }

  /** The section-local owner id of an owner, made on first sight. */
  ownerOf(s: number, owner: string): number {
    const sec = this.sections[s] as LedgerSection;
    const g = this.ownerIds.intern(owner);
    if (g >= sec.ownerOfGlobal.length) sec.ownerOfGlobal = grown(sec.ownerOfGlobal, g);
    let id = sec.ownerOfGlobal[g] as number;
    if (id < 0) {
      id = sec.ownerIds.length;
      sec.ownerOfGlobal[g] = id;
      sec.ownerIds.push(owner);
    }
    return id;
  }

  /** Counts one unapplied payment of `cents` on `date` for a pair. */
  addUnapplied(pair: number, cents: number, date: number): void {
    const n = this.unappliedCount[pair] as number;
    this.unappliedCents[pair] = (this.unappliedCents[pair] as number) + cents;
    this.unappliedCount[pair] = n + 1;
    if (n === 0 || date < (this.unappliedFirst[pair] as number)) this.unappliedFirst[pair] = date;
    if (n === 0 || date > (this.unappliedLast[pair] as number)) this.unappliedLast[pair] = date;
  }

  private growUnapplied(): void {
    const length = this.unappliedCount.length * 2;
    const cents = new Float64Array(length);
    cents.set(this.unappliedCents);
    this.unappliedCents = cents;
    const count = new Int32Array(length);
    count.set(this.unappliedCount);
    this.unappliedCount = count;
    const first = new Int32Array(length);
    first.set(this.unappliedFirst);
    this.unappliedFirst = first;
    const last = new Int32Array(length);
    last.set(this.unappliedLast);
    this.unappliedLast = last;
  }
}

/** A copy of a -1-filled index array long enough to hold `index`. */
function grown(array: Int32Array, index: number): Int32Array {
  let length = array.length;
  while (length <= index) length *= 2;
  const out = new Int32Array(length).fill(-1);
  out.set(array);
  return out;
}
