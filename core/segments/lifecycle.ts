import { codedMessage } from '../text/coded-text.js';
import type { DataWarning } from '../columns/data-warning.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { OrderLine } from '../columns/records.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { compareIds } from '../columns/compare-ids.js';
import { PipecastError } from '../errors/pipecast-error.js';
import type { TallyOrderLinesResult } from './tally-order-lines.js';
import { tallyOrderLines } from './tally-order-lines.js';

/** A period of whole days, both ends inclusive. */
export interface LifecyclePeriod {
  from: EpochDay;
  to: EpochDay;
}

export interface LifecycleOptions {
  previous: LifecyclePeriod;
  current: LifecyclePeriod;
  /** Plan figures for the current period (销售计划); each gives a completion ratio. */
  targets?: {
    revenue?: number;
    newAccounts?: number;
    /** Revenue target per customer id. */
    byCustomer?: Readonly<Record<string, number>>;
  };
}

export type LifecycleStatus = 'new' | 'reactivated' | 'retained' | 'churned';

export interface LifecycleCustomer {
  id: string;
  status: LifecycleStatus;
  previousRevenue: number;
  currentRevenue: number;
}

export interface LifecycleResult {
  previous: { from: string; to: string; activeCustomers: number; revenue: number };
  current: { from: string; to: string; activeCustomers: number; revenue: number };
  /** Active now, not in the previous period (reactivated ones included). */
  newAccounts: number;
  /** Of newAccounts: ordered before the previous period started. */
  reactivated: number;
  retained: number;
  churned: number;
  /** churned ÷ previous active (大客户流失率); null when nobody was active. */
  churnRate: number | null;
  /** retained ÷ previous active; null when nobody was active. */
  retentionRate: number | null;
  /** newAccounts ÷ current active (新开发率); null when nobody is active. */
  newAccountRate: number | null;
  /** Revenue in the current period from new, reactivated-included, and retained customers. */
  revenueFromNew: number;
  revenueFromRetained: number;
  /** Previous-period revenue of the churned customers. */
  revenueLost: number;
  /** Completion ratios (销售计划完成率) for the targets given; null where no target was given. */
  plan: {
    revenue: { target: number; actual: number; completion: number } | null;
    newAccounts: { target: number; actual: number; completion: number } | null;
    byCustomer: { id: string; target: number; actual: number; completion: number | null }[];
  };
  /** Every customer active in either period, by id. */
  customers: LifecycleCustomer[];
  warnings: DataWarning[];
}

/**
 * Lifecycle KPIs between two periods: new, retained and churned accounts, churn and new-account
 * rates, plan completion.
 *
 * Formula: active in a period = at least one order (non-cancellation invoice) dated in it.
 * new = active now and not in the previous period; retained = active in both; churned = active in
 * the previous period only. churn rate = churned ÷ previous active; new-account rate = new ÷
 * current active; completion = actual ÷ target. Revenue is net (returns subtract). Blanks: lines
 * without a customer id are counted in a warning; a customer target ≤ 0 has completion null with
 * a warning.
 *
 * @param lines Order lines covering both periods (and any earlier history); not mutated.
 * @param options The two periods and optional targets.
 * @returns Counts, rates, revenue split, plan completion and per-customer status.
 * @throws PipecastError when a period is not integer days with from ≤ to, the previous period does
 *   not end before the current one starts, or a total target is not a positive number.
 * @example
 * lifecycle(lines, { previous: { from: 0, to: 30 }, current: { from: 31, to: 60 } }).churnRate
 * // 0.25 when 1 of 4 customers active in days 0–30 has no order in days 31–60
 */
export function lifecycle(lines: readonly OrderLine[], options: LifecycleOptions): LifecycleResult {
  checkLifecycleOptions(options);
  const { previous, current } = options;
  const targets = options.targets ?? {};
  const previousTally = tallyOrderLines(lines, previous);
  const currentTally = tallyOrderLines(lines, current);
  const beforeTally = tallyOrderLines(lines, { to: previous.from - 1 });
  const warnings = new WarningCollector();
  for (const [label, result] of [
    ['previous', previousTally],
    ['current', currentTally],
  ] as const) {
    for (const warning of result.warnings) {
      if (warning.code === 'missing-value')
        warnings.report({
          ...warning,
          ...codedMessage(
            label === 'previous' ? 'warning.previousPeriod' : 'warning.currentPeriod',
            {
              warning: warning.text ?? warning.message,
            },
          ),
        });
    }
  }
  const accounts = accountMovements(previousTally, currentTally, beforeTally);
  const previousActive = previousTally.customers.length;
  const currentActive = currentTally.customers.length;
  const currentRevenue = periodRevenue(currentTally);
  const { newAccounts, retained, churned } = accounts;
  return {
    previous: periodSummary(previous, previousActive, periodRevenue(previousTally)),
    current: periodSummary(current, currentActive, currentRevenue),
    newAccounts,
    reactivated: accounts.reactivated,
    retained,
    churned,
    churnRate: previousActive > 0 ? churned / previousActive : null,
    retentionRate: previousActive > 0 ? retained / previousActive : null,
    newAccountRate: currentActive > 0 ? newAccounts / currentActive : null,
    revenueFromNew: accounts.revenueFromNew,
    revenueFromRetained: accounts.revenueFromRetained,
    revenueLost: accounts.revenueLost,
    plan: {
      revenue: planCompletion(targets.revenue, currentRevenue),
      newAccounts: planCompletion(targets.newAccounts, newAccounts),
      byCustomer: customerPlans(targets.byCustomer ?? {}, revenueById(currentTally), warnings),
    },
    customers: accounts.customers,
    warnings: warnings.finish(),
  };
}

/**
 * A customer's lifecycle status: retained when active in both periods; new when active now only
 * (reactivated when it ordered before the previous period); churned when active before only.
 */
export function lifecycleStatus(
  wasActive: boolean,
  isActive: boolean,
  orderedEarlier: boolean,
): LifecycleStatus {
  if (wasActive && isActive) return 'retained';
  if (isActive) return orderedEarlier ? 'reactivated' : 'new';
  return 'churned';
}

/** The account counts and revenue split between the periods, and each customer's status. */
function accountMovements(
  previousTally: TallyOrderLinesResult,
  currentTally: TallyOrderLinesResult,
  beforeTally: TallyOrderLinesResult,
) {
  const previousRevenue = revenueById(previousTally);
  const currentRevenue = revenueById(currentTally);
  const wasActive = new Set(previousTally.customers.map((customer) => customer.id));
  const isActive = new Set(currentTally.customers.map((customer) => customer.id));
  const earlier = new Set(beforeTally.customers.map((customer) => customer.id));
  const movements = {
    customers: [] as LifecycleCustomer[],
    newAccounts: 0,
    reactivated: 0,
    retained: 0,
    churned: 0,
    revenueFromNew: 0,
    revenueFromRetained: 0,
    revenueLost: 0,
  };
  for (const id of [...new Set([...wasActive, ...isActive])].sort(compareIds)) {
    const status = lifecycleStatus(wasActive.has(id), isActive.has(id), earlier.has(id));
    const before = previousRevenue.get(id) ?? 0;
    const now = currentRevenue.get(id) ?? 0;
    if (status === 'retained') {
      movements.retained++;
      movements.revenueFromRetained += now;
    } else if (status === 'churned') {
      movements.churned++;
      movements.revenueLost += before;
    } else {
      movements.newAccounts++;
      if (status === 'reactivated') movements.reactivated++;
      movements.revenueFromNew += now;
    }
    movements.customers.push({ id, status, previousRevenue: before, currentRevenue: now });
  }
  return movements;
}

/** Net revenue per customer of a period, returns-only customers included. */
function revenueById(tally: TallyOrderLinesResult): Map<string, number> {
  const revenue = new Map<string, number>();
  for (const customer of [...tally.customers, ...tally.returnsOnly])
    revenue.set(customer.id, customer.revenue);
  return revenue;
}

/** A period's net revenue: its customers' plus its returns-only customers'. */
function periodRevenue(tally: TallyOrderLinesResult): number {
  return (
    tally.customers.reduce((sum, customer) => sum + customer.revenue, 0) +
    tally.returnsOnly.reduce((sum, customer) => sum + customer.revenue, 0)
  );
}

function periodSummary(period: LifecyclePeriod, activeCustomers: number, revenue: number) {
  return {
    from: isoFromEpochDay(period.from),
    to: isoFromEpochDay(period.to),
    activeCustomers,
    revenue,
  };
}

/** Plan completion (销售计划完成率) = actual ÷ target; null without a target. */
function planCompletion(
  target: number | undefined,
  actual: number,
): { target: number; actual: number; completion: number } | null {
  return target === undefined ? null : { target, actual, completion: actual / target };
}

/** Per customer target, by id: completion, null (with a warning) for a target ≤ 0. */
function customerPlans(
  targets: Readonly<Record<string, number>>,
  currentRevenue: ReadonlyMap<string, number>,
  warnings: WarningCollector,
): LifecycleResult['plan']['byCustomer'] {
  const plans: LifecycleResult['plan']['byCustomer'] = [];
  for (const [id, target] of Object.entries(targets).sort((a, b) => compareIds(a[0], b[0]))) {
    const actual = currentRevenue.get(id) ?? 0;
    const usable = Number.isFinite(target) && target > 0;
    if (!usable) {
      warnings.report({
        code: 'out-of-range',
        ...codedMessage('warning.lifecycleTarget', { id, target: String(target) }),
        column: 'target',
        action: 'value ignored',
      });
    }
    plans.push({ id, target, actual, completion: usable ? actual / target : null });
  }
  return plans;
}

function checkLifecycleOptions(options: LifecycleOptions): void {
  const { previous, current } = options;
  checkPeriod('previous', previous);
  checkPeriod('current', current);
  if (previous.to >= current.from) {
    throw new PipecastError(
      'invalid-option',
      `lifecycle: the previous period must end before the current one starts, got ${isoFromEpochDay(previous.to)} ≥ ${isoFromEpochDay(current.from)}`,
    );
  }
  const targets = options.targets ?? {};
  for (const name of ['revenue', 'newAccounts'] as const) {
    const target = targets[name];
    if (target !== undefined && !(Number.isFinite(target) && target > 0)) {
      throw new PipecastError(
        'invalid-option',
        `lifecycle: targets.${name} must be a positive number, got ${target}`,
      );
    }
  }
}

function checkPeriod(name: string, period: LifecyclePeriod | undefined): void {
  if (
    period === undefined ||
    !Number.isInteger(period.from) ||
    !Number.isInteger(period.to) ||
    period.from > period.to
  ) {
    throw new PipecastError(
      'invalid-option',
      `lifecycle: ${name} must be {from, to} integer epoch days with from ≤ to, got ${JSON.stringify(period)}`,
    );
  }
}
