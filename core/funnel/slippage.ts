import { codedMessage } from '../text/coded-text.js';
import { WarningCollector } from '../columns/warning-collector.js';
import type { DataWarning } from '../columns/data-warning.js';
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
  const earlier = dealsById(before, 'earlier', warnings);
  const later = dealsById(after, 'later', warnings);
  const pushedOut: SlippedDeal[] = [];
  const amountCut: SlippedDeal[] = [];
  const stageBack: SlippedDeal[] = [];
  let pushedOutAmount = 0;
  let amountCutTotal = 0;
  let matched = 0;
  for (const [id, was] of earlier) {
    const now = later.get(id);
    if (!now || !isOpenDeal(was)) continue;
    matched += 1;
    const entry = { id, row: now.row, owner: now.owner?.trim() || null };
    const pushedDays = closePushedOutDays(was, now);
    if (pushedDays > 0) {
      const from = isoFromEpochDay(was.closeDate!);
      pushedOut.push({ ...entry, from, to: isoFromEpochDay(now.closeDate!), change: pushedDays });
      if (now.amount !== undefined) pushedOutAmount += toMinorUnits(now.amount, scale);
    }
    const cut = amountCutMinor(was, now, scale);
    if (cut > 0) {
      const change = fromMinorUnits(cut, scale);
      amountCut.push({ ...entry, from: was.amount!, to: now.amount!, change });
      amountCutTotal += cut;
    }
    const stepsBack = stagesMovedBack(was, now, matcher);
    if (stepsBack > 0)
      stageBack.push({ ...entry, from: was.stage, to: now.stage, change: stepsBack });
  }
  const byChange = (a: SlippedDeal, b: SlippedDeal): number => b.change - a.change || a.row - b.row;
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
    added: [...later.keys()].filter((id) => !earlier.has(id)).length,
    removed: [...earlier.keys()].filter((id) => !later.has(id)),
    matched,
    warnings: warnings.finish(),
  };
}

/** Whether a deal is open: its status, else a won/lost stage name, else open. */
function isOpenDeal(deal: Deal): boolean {
  return (deal.status ?? terminalStatusOf(deal.stage) ?? 'open') === 'open';
}

/** Days the close date moved out between snapshots; 0 when it did not or either is blank. */
export function closePushedOutDays(was: Deal, now: Deal): number {
  if (was.closeDate === undefined || now.closeDate === undefined) return 0;
  return now.closeDate > was.closeDate ? now.closeDate - was.closeDate : 0;
}

/** How much the amount was cut, in minor units; ≤ 0 when not cut, 0 when either is blank. */
export function amountCutMinor(was: Deal, now: Deal, scale: number): number {
  if (was.amount === undefined || now.amount === undefined) return 0;
  return toMinorUnits(was.amount, scale) - toMinorUnits(now.amount, scale);
}

/**
 * Stages a deal moved back in the template's order; 0 when it did not, or either stage is
 * outside the template (or won/lost).
 */
export function stagesMovedBack(
  was: Deal,
  now: Deal,
  matcher: ReadonlyMap<string, number>,
): number {
  const wasIndex = matcher.get(normalizeStageName(was.stage));
  const nowIndex = matcher.get(normalizeStageName(now.stage));
  if (wasIndex === undefined || nowIndex === undefined) return 0;
  return nowIndex < wasIndex ? wasIndex - nowIndex : 0;
}

/** A snapshot's deals by id: the first row wins, later ones are warned about. */
function dealsById(deals: readonly Deal[], which: 'earlier' | 'later', warnings: WarningCollector) {
  const byId = new Map<string, Deal>();
  for (const deal of deals) {
    if (byId.has(deal.id)) {
      warnings.report({
        code: 'duplicate-id',
        ...codedMessage(
          which === 'earlier' ? 'warning.duplicateDealEarlier' : 'warning.duplicateDealLater',
          { id: deal.id },
        ),
        row: deal.row,
        column: 'id',
        raw: deal.id,
        action: 'row dropped',
      });
    } else byId.set(deal.id, deal);
  }
  return byId;
}
