import type { DataWarning } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import type { EpochDay } from '../columns/epoch-day.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { OrderLine } from '../columns/records.js';
import { compareIds } from '../columns/compare-ids.js';
import type { CustomerTally } from './tally-order-lines.js';
import { tallyOrderLines } from './tally-order-lines.js';
import { PipecastError } from '../errors/pipecast-error.js';

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
    const t = targets[name];
    if (t !== undefined && !(Number.isFinite(t) && t > 0)) {
      throw new PipecastError(
        'invalid-option',
        `lifecycle: targets.${name} must be a positive number, got ${t}`,
      );
    }
  }

  const prev = tallyOrderLines(lines, previous);
  const curr = tallyOrderLines(lines, current);
  const before = tallyOrderLines(lines, { to: previous.from - 1 });
  const warnings = new WarningCollector();
  for (const [label, result] of [
    ['previous', prev],
    ['current', curr],
  ] as const) {
    for (const w of result.warnings) {
      if (w.code === 'missing-value')
        warnings.report({ ...w, message: `${label} period: ${w.message}` });
    }
  }

  const prevActive = new Map<string, CustomerTally>(prev.customers.map((c) => [c.id, c]));
  const currActive = new Map<string, CustomerTally>(curr.customers.map((c) => [c.id, c]));
  const prevRevenue = new Map<string, number>();
  for (const c of [...prev.customers, ...prev.returnsOnly]) prevRevenue.set(c.id, c.revenue);
  const currRevenue = new Map<string, number>();
  for (const c of [...curr.customers, ...curr.returnsOnly]) currRevenue.set(c.id, c.revenue);
  const earlier = new Set(before.customers.map((c) => c.id));

  const customers: LifecycleCustomer[] = [];
  let newAccounts = 0;
  let reactivated = 0;
  let retained = 0;
  let churned = 0;
  let revenueFromNew = 0;
  let revenueFromRetained = 0;
  let revenueLost = 0;
  const ids = new Set([...prevActive.keys(), ...currActive.keys()]);
  for (const id of [...ids].sort(compareIds)) {
    const wasActive = prevActive.has(id);
    const isActive = currActive.has(id);
    const p = prevRevenue.get(id) ?? 0;
    const c = currRevenue.get(id) ?? 0;
    let status: LifecycleStatus;
    if (wasActive && isActive) {
      status = 'retained';
      retained++;
      revenueFromRetained += c;
    } else if (isActive) {
      status = earlier.has(id) ? 'reactivated' : 'new';
      newAccounts++;
      if (status === 'reactivated') reactivated++;
      revenueFromNew += c;
    } else {
      status = 'churned';
      churned++;
      revenueLost += p;
    }
    customers.push({ id, status, previousRevenue: p, currentRevenue: c });
  }

  const sum = (r: typeof prev): number =>
    r.customers.reduce((s, c) => s + c.revenue, 0) +
    r.returnsOnly.reduce((s, c) => s + c.revenue, 0);
  const currentRevenue = sum(curr);

  const byCustomer: LifecycleResult['plan']['byCustomer'] = [];
  for (const [id, target] of Object.entries(targets.byCustomer ?? {}).sort((a, b) =>
    compareIds(a[0], b[0]),
  )) {
    const actual = currRevenue.get(id) ?? 0;
    const usable = Number.isFinite(target) && target > 0;
    if (!usable) {
      warnings.report({
        code: 'out-of-range',
        message: `customer '${id}' has target ${target}; no completion computed`,
        column: 'target',
        action: 'value ignored',
      });
    }
    byCustomer.push({ id, target, actual, completion: usable ? actual / target : null });
  }

  return {
    previous: {
      from: isoFromEpochDay(previous.from),
      to: isoFromEpochDay(previous.to),
      activeCustomers: prevActive.size,
      revenue: sum(prev),
    },
    current: {
      from: isoFromEpochDay(current.from),
      to: isoFromEpochDay(current.to),
      activeCustomers: currActive.size,
      revenue: currentRevenue,
    },
    newAccounts,
    reactivated,
    retained,
    churned,
    churnRate: prevActive.size > 0 ? churned / prevActive.size : null,
    retentionRate: prevActive.size > 0 ? retained / prevActive.size : null,
    newAccountRate: currActive.size > 0 ? newAccounts / currActive.size : null,
    revenueFromNew,
    revenueFromRetained,
    revenueLost,
    plan: {
      revenue:
        targets.revenue === undefined
          ? null
          : {
              target: targets.revenue,
              actual: currentRevenue,
              completion: currentRevenue / targets.revenue,
            },
      newAccounts:
        targets.newAccounts === undefined
          ? null
          : {
              target: targets.newAccounts,
              actual: newAccounts,
              completion: newAccounts / targets.newAccounts,
            },
      byCustomer,
    },
    customers,
    warnings: warnings.finish(),
  };
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
