import { coded, codedMessage } from '../text/coded-text.js';
import type { AgingInvoiceLine } from './aging-result.js';
import type { NormalizedAgingOptions } from './aging-options.js';
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
    private readonly options: NormalizedAgingOptions,
    private readonly warnings: WarningCollector,
  ) {}

  /** The currency code of a currency cell: trimmed, upper-cased; blank → the default currency. */
  currencyOf(raw: string | undefined): string | null {
    if (raw === undefined) return this.options.defaultCurrency;
    let code = this.currencyCache.get(raw);
    if (code === undefined) {
      const text = raw.trim().toUpperCase();
      code = text === '' ? this.options.defaultCurrency : text;
      this.currencyCache.set(raw, code);
    }
    return code;
  }

  /** Units of the section currency per unit of cur: the rate, or 1 without a rate table. */
  factor(cur: string | null): number {
    let factor = this.factorOf.get(cur);
    if (factor === undefined) {
      const { rates, base } = this.options;
      factor = cur !== null && rates && cur !== base ? (rates.get(cur) ?? 1) : 1;
      this.factorOf.set(cur, factor);
    }
    return factor;
  }

  /** The section of a currency: its own, or the base currency's when the rate table converts it. */
  sectionOf(cur: string | null): number {
    const { rates, base } = this.options;
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
            ...(cur === null
              ? codedMessage('warning.noRateBlank', { base: String(base) })
              : codedMessage('warning.noRate', { currency: cur, base: String(base) })),
            action: 'row kept',
          },
          coded('warning.summaryNoRate'),
        );
      }
    }
    let section = this.sectionByKey.get(key);
    if (section === undefined) {
      section = this.sections.length;
      this.sectionByKey.set(key, section);
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
    return section;
  }

  /** The pair id of a customer in a section, made on first sight. */
  pairOf(section: number, customer: string): number {
    return this.pairOfCustomerId(section, this.customerIds.intern(customer), customer);
  }

  /** A guess at the global customer id of a name with hashString `hash`, for confirmCustomerId. */
  customerCandidate(hash: number): number {
    return this.customerIds.candidate(hash);
  }

  /** The global id of a customer name (the same in every section), given customerCandidate's guess. */
  confirmCustomerId(customer: string, hash: number, candidate: number): number {
    return this.customerIds.confirmIntern(customer, hash, candidate);
  }

  /** pairOf for a customer whose global id (customerIdOf) is known. */
  pairOfCustomerId(section: number, customerId: number, customer: string): number {
    const ledgerSection = this.sections[section] as LedgerSection;
    if (customerId >= ledgerSection.pairOfCustomer.length) {
      ledgerSection.pairOfCustomer = grown(ledgerSection.pairOfCustomer, customerId);
    }
    let pair = ledgerSection.pairOfCustomer[customerId] as number;
    if (pair < 0) {
      pair = this.pairSection.length;
      ledgerSection.pairOfCustomer[customerId] = pair;
      ledgerSection.pairs.push(pair);
      this.pairSection.push(section);
      this.pairCustomer.push(customer);
      this.pairOwner.push(null);
      this.pairLimit.push(this.options.creditLimits[customer] ?? null);
      if (pair >= this.unappliedCount.length) this.growUnapplied();
    }
    return pair;
  }

  /** The section-local owner id of an owner, made on first sight. */
  ownerOf(section: number, owner: string): number {
    const ledgerSection = this.sections[section] as LedgerSection;
    const globalId = this.ownerIds.intern(owner);
    if (globalId >= ledgerSection.ownerOfGlobal.length) {
      ledgerSection.ownerOfGlobal = grown(ledgerSection.ownerOfGlobal, globalId);
    }
    let id = ledgerSection.ownerOfGlobal[globalId] as number;
    if (id < 0) {
      id = ledgerSection.ownerIds.length;
      ledgerSection.ownerOfGlobal[globalId] = id;
      ledgerSection.ownerIds.push(owner);
    }
    return id;
  }

  /** Counts one unapplied payment of `cents` on `date` for a pair. */
  addUnapplied(pair: number, cents: number, date: number): void {
    const before = this.unappliedCount[pair] as number;
    this.unappliedCents[pair] = (this.unappliedCents[pair] as number) + cents;
    this.unappliedCount[pair] = before + 1;
    if (before === 0 || date < (this.unappliedFirst[pair] as number))
      this.unappliedFirst[pair] = date;
    if (before === 0 || date > (this.unappliedLast[pair] as number))
      this.unappliedLast[pair] = date;
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
