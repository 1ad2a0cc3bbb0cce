import type { DataWarning } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import { isoFromEpochDay } from '../columns/epoch-day.js';
import type { Deal } from '../columns/records.js';
import {
  fromMinorUnits,
  moneyScale,
  toMinorUnits,
  DEFAULT_MONEY_DECIMALS,
} from '../columns/money.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { ResolveTemplateOptions } from './resolve-template.js';
import { resolveTemplate, stageMatcher, terminalStatusOf } from './resolve-template.js';

export type SlippageOptions = ResolveTemplateOptions & { decimals?: number };

export interface SlippedDeal {
  id: string;
  /** Row in the later snapshot. */
  row: number;
  owner: string | null;
  from: string | number;
  to: string | number;
  /** Days pushed out, amount cut (positive), or stages moved back. */
  change: number;
}

export interface SlippageResult {
  /** Close date later in the second snapshot. */
  pushedOut: SlippedDeal[];
  /** Amount lower in the second snapshot. */
  amountCut: SlippedDeal[];
  /** Stage earlier in the funnel in the second snapshot. */
  stageBack: SlippedDeal[];
  totals: {
    pushedOut: number;
    pushedOutAmount: number;
    amountCut: number;
    amountCutTotal: number;
    stageBack: number;
  };
  /** Deals only in the later snapshot, and only in the earlier one. */
  added: number;
  removed: string[];
  matched: number;
  warnings: DataWarning[];
}

/**
 * Slippage between two snapshots of the same pipeline, matched by deal id: close dates pushed
 * out, amounts cut, stages moved back.
 *
 * Only deals open in the earlier snapshot are compared. A blank close date or amount on either
 * side skips that comparison; stages outside the template (or won/lost) skip the stage check.
 * Duplicate ids: the first row wins and a 'duplicate-id' warning names the others.
 *
 * @param before - the earlier snapshot (not mutated).
 * @param after - the later snapshot (not mutated).
 * @param options - template (resolved from `after` when not given), decimals.
 * @returns three lists (largest change first), totals, added/removed counts, warnings.
 * @throws PipecastError for an unknown template key.
 * @example slippage(lastWeek, thisWeek).pushedOut
 */
export function slippage(
  before: readonly Deal[],
  after: readonly Deal[],
  options: SlippageOptions = {},
): SlippageResult {
  const scale = moneyScale(options.decimals ?? DEFAULT_MONEY_DECIMALS);
  const { template } = resolveTemplate(after.length > 0 ? after : before, options);
  const matcher = stageMatcher(template);
  const warnings = new WarningCollector();
  const index = (deals: readonly Deal[], which: string): Map<string, Deal> => {
    const map = new Map<string, Deal>();
    for (const d of deals) {
      if (map.has(d.id)) {
        warnings.report({
          code: 'duplicate-id',
          message: `Deal id "${d.id}" appears again in the ${which} snapshot; the first row is used`,
          row: d.row,
          column: 'id',
          raw: d.id,
          action: 'row dropped',
        });
      } else map.set(d.id, d);
    }
    return map;
  };
  const old = index(before, 'earlier');
  const now = index(after, 'later');
  const isOpen = (d: Deal): boolean => (d.status ?? terminalStatusOf(d.stage) ?? 'open') === 'open';
  const pushedOut: SlippedDeal[] = [];
  const amountCut: SlippedDeal[] = [];
  const stageBack: SlippedDeal[] = [];
  let pushedOutAmount = 0;
  let amountCutTotal = 0;
  let matched = 0;
  for (const [id, b] of old) {
    const a = now.get(id);
    if (!a || !isOpen(b)) continue;
    matched += 1;
    const owner = a.owner?.trim() || null;
    if (b.closeDate !== undefined && a.closeDate !== undefined && a.closeDate > b.closeDate) {
      pushedOut.push({
        id,
        row: a.row,
        owner,
        from: isoFromEpochDay(b.closeDate),
        to: isoFromEpochDay(a.closeDate),
        change: a.closeDate - b.closeDate,
      });
      if (a.amount !== undefined) pushedOutAmount += toMinorUnits(a.amount, scale);
    }
    if (b.amount !== undefined && a.amount !== undefined) {
      const cut = toMinorUnits(b.amount, scale) - toMinorUnits(a.amount, scale);
      if (cut > 0) {
        amountCut.push({
          id,
          row: a.row,
          owner,
          from: b.amount,
          to: a.amount,
          change: fromMinorUnits(cut, scale),
        });
        amountCutTotal += cut;
      }
    }
    const sb = matcher.get(normalizeStageName(b.stage));
    const sa = matcher.get(normalizeStageName(a.stage));
    if (sb !== undefined && sa !== undefined && sa < sb)
      stageBack.push({ id, row: a.row, owner, from: b.stage, to: a.stage, change: sb - sa });
  }
  const byChange = (x: SlippedDeal, y: SlippedDeal): number => y.change - x.change || x.row - y.row;
  return {
    pushedOut: pushedOut.sort(byChange),
    amountCut: amountCut.sort(byChange),
    stageBack: stageBack.sort(byChange),
    totals: {
      pushedOut: pushedOut.length,
      pushedOutAmount: fromMinorUnits(pushedOutAmount, scale),
      amountCut: amountCut.length,
      amountCutTotal: fromMinorUnits(amountCutTotal, scale),
      stageBack: stageBack.length,
    },
    added: [...now.keys()].filter((id) => !old.has(id)).length,
    removed: [...old.keys()].filter((id) => !now.has(id)),
    matched,
    warnings: warnings.finish(),
  };
}
