import type { EpochDay } from './epoch-day.js';

/**
 * Typed records the three analyses read. Every record carries `row`, the Excel row it came from,
 * so an analysis can point a warning at the user's own cell. Optional fields are undefined when
 * the column is absent or the cell is blank; unreadable cells are reported as warnings.
 */
export interface SourceRow {
  /** Excel row number as the user sees it (1-based). */
  row: number;
}

export type DealStatus = 'open' | 'won' | 'lost';

/** An opportunity (商机) in a sales pipeline. */
export interface Deal extends SourceRow {
  id: string;
  account?: string;
  owner?: string;
  /** Stage text as typed; matched to a stage template by the funnel. */
  stage: string;
  amount?: number;
  closeDate?: EpochDay;
  createdDate?: EpochDay;
  region?: string;
  product?: string;
  source?: string;
  stageEnteredDate?: EpochDay;
  lastActivityDate?: EpochDay;
  status?: DealStatus;
  /** 0–1, from a probability column (0–100% and 0–1 inputs both normalised). */
  probability?: number;
  /** Forecast category override as typed (Pipeline, Best case, Commit, Closed, Omitted). */
  forecastCategory?: string;
  need?: boolean;
  authority?: boolean;
  budget?: boolean;
  timeline?: boolean;
}

/** A stage change of one opportunity, for learning win rates and days in stage. */
export interface StageChange extends SourceRow {
  dealId: string;
  stage: string;
  date: EpochDay;
}

/** One order line (sales or return) for RFM and ABC. */
export interface OrderLine extends SourceRow {
  customer?: string;
  invoice?: string;
  date: EpochDay;
  product?: string;
  quantity?: number;
  unitPrice?: number;
  /** Line revenue: the amount column, else quantity × unit price. Negative for returns. */
  amount: number;
  margin?: number;
  region?: string;
  /** The line's currency, when its source names one (invoices taken as orders). */
  currency?: string;
  /**
   * Whether the line cancels an order, when its source says so outright: false for invoices and
   * won deals taken as orders, whose numbers follow no "C536379" convention (a deal id such as
   * "C1PNP4QA" is no cancellation). Unset: the invoice number decides (isCancellation).
   */
  cancellation?: boolean;
}

/** A row of a customer list. */
export interface Customer extends SourceRow {
  id: string;
  name?: string;
  region?: string;
  industry?: string;
  owner?: string;
  /** Purchase potential (采购潜力), in money. */
  potential?: number;
  /** Our share of the customer's spend (客户份额), 0–1. */
  share?: number;
  revenue?: number;
  margin?: number;
  target?: number;
  /** Other numeric columns by header, for scorecard criteria. */
  extra: Record<string, number>;
}

/** An invoice (or, with a negative amount, a credit note). */
export interface Invoice extends SourceRow {
  invoice: string;
  customer?: string;
  invoiceDate: EpochDay;
  dueDate?: EpochDay;
  /** Payment terms as typed: "net 30", "月结60天", "30". */
  terms?: string;
  amount: number;
  currency?: string;
  owner?: string;
  disputed?: boolean;
  /** Invoice-level paid date: paid in full that day unless paidAmount says otherwise. */
  paidDate?: EpochDay;
  paidAmount?: number;
  balance?: number;
  creditLimit?: number;
}

/** A payment or credit note, applied to an invoice or unapplied. */
export interface Payment extends SourceRow {
  customer?: string;
  /** Invoice it settles; undefined for unapplied cash. */
  invoice?: string;
  date: EpochDay;
  amount: number;
  currency?: string;
}

export interface RecordByKind {
  deal: Deal;
  stageChange: StageChange;
  orderLine: OrderLine;
  customer: Customer;
  invoice: Invoice;
  payment: Payment;
}

export type RecordKind = keyof RecordByKind;
