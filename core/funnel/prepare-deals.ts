import type { WarningPlace } from '../columns/data-warning.js';
import { WarningCollector } from '../columns/warning-collector.js';
import type { TextCodes } from '../columns/coded-text-column.js';
import type { RecordTable } from '../columns/record-table.js';
import type { Deal, DealStatus, StageChange } from '../columns/records.js';
import { dealTable } from './deal-table.js';
import { StringIndex } from '../internal/string-index.js';
import {
  DEFAULT_MONEY_DECIMALS,
  fromMinorUnits,
  moneyScale,
  toMinorUnits,
} from '../columns/money.js';
import { normalizeStageName } from './normalize-stage-name.js';
import type { MissingField, PreparedDeals, PreparedStage, UnknownStage } from './prepared-deals.js';
import { LOST, OPEN, WON } from './prepared-deals.js';
import type { ResolveTemplateOptions } from './resolve-template.js';
import {
  resolveTemplate,
  stageMatcher,
  terminalStatusOf,
  userTemplate,
  userTemplateChoice,
} from './resolve-template.js';
import { DEFAULT_MIN_CLOSED, DEFAULT_PRIOR_WEIGHT, winRatesOf } from './win-rates-of.js';
import { PipecastError } from '../errors/pipecast-error.js';

const ROW_SAMPLE = 20;

export interface PrepareDealsOptions extends ResolveTemplateOptions {
  /** Stage history (one row per stage change), for learned rates, dwell times and order. */
  stageChanges?: readonly StageChange[];
  /** Win rates set by the user, by stage key or name (English or Chinese), 0–1. */
  rates?: Readonly<Record<string, number>>;
  /**
   * Which stage rates learned from closed deals replace: 'missing' (stages the template gives no
   * rate, the default), 'all', or 'none'.
   */
  learnRates?: 'missing' | 'all' | 'none';
  minClosed?: number;
  priorWeight?: number;
  /** Decimals money is summed at (default 2). */
  decimals?: number;
  /** File and sheet put on warnings. */
  place?: WarningPlace;
}

/**
 * Reads deals once into typed arrays for the funnel: resolves the stage template, matches each
 * stage name (case, width, space and punctuation insensitive, English or Chinese), works out
 * won/lost from the status or a won/lost stage name, learns win rates from closed deals and fills
 * the stage rates the template lacks.
 *
 * Blanks: a blank amount is NaN (reported, adds nothing to sums); a blank owner, region or product
 * is the group "" (shown as "(none)"); blank dates leave the deal out of the averages needing them.
 * Unknown stage names get one 'unknown-stage' warning each, with the rows; those deals stay out of
 * the stage table and totals and are listed in `unknownStages`.
 *
 * @param deals - the pipeline (not mutated): deal objects, or the table a reader collected them
 *   in (ReadRecordsOptions.table), which a million deals read much faster from.
 * @param options - template, history, user rates, rate learning, money decimals.
 * @returns PreparedDeals.
 * @throws PipecastError for a bad template key, a user rate outside 0–1, or decimals not an integer 0–6.
 * @example prepareDeals(deals, { template: 'six' }).stages[0].rate // 0.05
 */
export function prepareDeals(
  deals: readonly Deal[] | RecordTable<Deal>,
  options: PrepareDealsOptions = {},
): PreparedDeals {
  const decimals = options.decimals ?? DEFAULT_MONEY_DECIMALS;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new PipecastError(
      'invalid-option',
      `prepareDeals: decimals must be an integer 0–6, got ${decimals}`,
    );
  const learnMode = options.learnRates ?? 'missing';
  const minClosed = options.minClosed ?? DEFAULT_MIN_CLOSED;
  const priorWeight = options.priorWeight ?? DEFAULT_PRIOR_WEIGHT;
  const place = options.place ?? {};
  const scale = moneyScale(decimals);
  // A template the user names needs no scan of the deals: its matched share is counted in the
  // main loop below. Otherwise resolveTemplate reads the stage names to choose one.
  const table = dealTable(deals);
  const resolved = options.template === undefined ? resolveTemplate(table, options) : undefined;
  const template = resolved ? resolved.template : userTemplate(options.template ?? 'six');
  const matcher = stageMatcher(template);
  const stageCount = template.stages.length;

  const stages: PreparedStage[] = template.stages.map((s) => ({
    ...s,
    rateSource: s.rate === undefined ? 'none' : 'template',
  }));
  for (const [name, rate] of Object.entries(options.rates ?? {})) {
    const index = matcher.get(normalizeStageName(name));
    if (index === undefined)
      throw new PipecastError(
        'invalid-option',
        `prepareDeals: rates names stage ${JSON.stringify(name)}, which is not in template ${template.key}`,
      );
    if (!(rate >= 0 && rate <= 1))
      throw new PipecastError(
        'invalid-option',
        `prepareDeals: rate for ${JSON.stringify(name)} must be 0–1, got ${rate}`,
      );
    const stage = stages[index];
    if (stage) {
      stage.rate = rate;
      stage.rateSource = 'user';
    }
  }

  const size = table.size;
  const rows = table.rows();
  // Texts as codes into their distinct values (code 0: none), so each distinct stage, status,
  // owner, region, product and account is looked at once, not once per deal.
  let noCodes: Uint16Array | undefined;
  const textCodes = (field: string): TextCodes =>
    table.codes(field) ?? { codes: (noCodes ??= new Uint16Array(size)), dictionary: [undefined] };
  const stageTexts = textCodes('stage');
  const statuses = textCodes('status');
  const amounts = table.numbers('amount');
  const probabilities = table.numbers('probability');
  const ownerTexts = textCodes('owner');
  const regionTexts = textCodes('region');
  const productTexts = textCodes('product');
  const accounts = textCodes('account');
  const closes = table.numbers('closeDate');
  const createds = table.numbers('createdDate');
  const entereds = table.numbers('stageEnteredDate');
  const actives = table.numbers('lastActivityDate');

  const stage = new Int16Array(size).fill(-1);
  const furthest = new Int16Array(size).fill(-1);
  const status = new Uint8Array(size);
  const unknownStage = new Uint8Array(size);
  const amountMinor = new Float64Array(size);
  // The deals' own probabilities, where valid: allocated on the first one (see `allNaN` below).
  let probability: Float64Array | undefined;
  const owner = new Int32Array(size);
  const region = new Int32Array(size);
  const product = new Int32Array(size);
  const owners = new StringIndex();
  const regions = new StringIndex();
  const products = new StringIndex();
  const warnings = new WarningCollector();
  const unknown = new Map<string, UnknownStage>();
  const missAmount = tally(
    'amount',
    'open',
    'counted in deal counts; adds nothing to amounts or weighted sums',
    0,
  );
  const missClose = tally(
    'closeDate',
    'open',
    "shown under close month '(no date)'; not checked for past close date",
    1,
  );
  const missAccount = tally('account', 'all', 'none: the forecast does not need the account', 2);
  const missOwner = tally('owner', 'all', "grouped under owner '(none)'", 3);
  const missCreated = tally('createdDate', 'all', 'left out of sales-cycle averages', 4);
  // Each distinct stage name is matched once. Packed: (stage index + 1) × 8, + 4 for a blank
  // name, + terminal status (0 none, WON, LOST), so one lookup gives all three; -1 not yet.
  const stagePacked = new Int32Array(stageTexts.dictionary.length).fill(-1);
  // Each distinct owner, region and product is coded once (in the order deals first name them,
  // as coding every deal's text would); -1 not yet.
  const ownerOf = new Int32Array(ownerTexts.dictionary.length).fill(-1);
  const regionOf = new Int32Array(regionTexts.dictionary.length).fill(-1);
  const productOf = new Int32Array(productTexts.dictionary.length).fill(-1);
  const accountBlank = Uint8Array.from(accounts.dictionary, (a) =>
    isBlankText(a as string | undefined) ? 1 : 0,
  );
  // For the matched share of a user template (resolveTemplate's rule): open deals with a
  // non-blank, non-terminal stage name vote; those the template recognises match.
  let voting = 0;
  let matched = 0;

  for (let i = 0; i < size; i += 1) {
    const row = rows[i]!;
    const stageCode = stageTexts.codes[i]!;
    const stageText = stageTexts.dictionary[stageCode] as string;
    let packed = stagePacked[stageCode]!;
    if (packed < 0) {
      const key = normalizeStageName(stageText);
      const terminal = terminalStatusOf(stageText);
      packed =
        ((matcher.get(key) ?? -1) + 1) * 8 +
        (key === '' ? 4 : 0) +
        (terminal === 'won' ? WON : terminal === 'lost' ? LOST : 0);
      stagePacked[stageCode] = packed;
    }
    const index = (packed >> 3) - 1;
    const terminal = packed & 3;
    const given = statuses.dictionary[statuses.codes[i]!] as DealStatus | undefined;
    // A won/lost stage name closes the deal even when the status column still says open: an
    // open deal in a closed stage fits no open stage and would drop out of every total unseen.
    const staleOpen = given === 'open' && terminal !== 0;
    const st =
      given === 'won'
        ? WON
        : given === 'lost'
          ? LOST
          : given === undefined || staleOpen
            ? terminal
            : OPEN;
    if (staleOpen) {
      warnings.report({
        code: 'other',
        message: `Status is open but the stage '${stageText.trim()}' is closed; counted as ${terminal === WON ? 'won' : 'lost'}, as the stage says`,
        ...place,
        row,
        column: 'status',
        raw: 'open',
        action: 'assumed',
      });
    }
    if (terminal === 0 && (packed & 4) === 0 && given !== 'won' && given !== 'lost') {
      voting += 1;
      if (index >= 0) matched += 1;
    }
    status[i] = st;
    stage[i] = index;
    furthest[i] = index;
    // Absent numbers are NaN in the table.
    const amount = amounts === undefined ? NaN : amounts[i]!;
    const minor = Number.isFinite(amount) ? toMinorUnits(amount, scale) : NaN;
    amountMinor[i] = minor;
    if (index < 0 && terminal === 0) {
      unknownStage[i] = 1;
      const name = stageText.trim();
      const entry = unknown.get(name) ?? { name, count: 0, amount: 0, rows: [] };
      entry.count += 1;
      if (!Number.isNaN(minor)) entry.amount += minor;
      if (entry.rows.length < ROW_SAMPLE) entry.rows.push(row);
      unknown.set(name, entry);
    }
    const p = probabilities === undefined ? NaN : probabilities[i]!;
    if (p >= 0 && p <= 1) (probability ??= filledWithNaN(size))[i] = p;
    else if (!Number.isNaN(p)) {
      warnings.report({
        code: 'out-of-range',
        message: `Probability ${p} is outside 0–100%; the stage rate is used instead`,
        ...place,
        row,
        column: 'probability',
        raw: String(p),
        action: 'value ignored',
      });
    }
    const ownerCode = codeOnce(owners, ownerOf, ownerTexts, i);
    owner[i] = ownerCode;
    region[i] = codeOnce(regions, regionOf, regionTexts, i);
    product[i] = codeOnce(products, productOf, productTexts, i);

    if (st === OPEN) {
      if (Number.isNaN(minor)) count(missAmount, row, i);
      if (closes === undefined || Number.isNaN(closes[i]!)) count(missClose, row, i);
    }
    if (accountBlank[accounts.codes[i]!] === 1) count(missAccount, row, i);
    if (owners.keyAt(ownerCode) === '') count(missOwner, row, i);
    if (createds === undefined || Number.isNaN(createds[i]!)) count(missCreated, row, i);
  }
  const choice = resolved
    ? resolved.choice
    : userTemplateChoice(template, voting > 0 ? matched / voting : 0);
  const filled = {
    need: anyFlag(table.flags('need')),
    authority: anyFlag(table.flags('authority')),
    budget: anyFlag(table.flags('budget')),
    timeline: anyFlag(table.flags('timeline')),
    forecastCategory: anyValue(table.codes('forecastCategory')),
  };
  // In the order each field was first found missing (deal by deal, fields in the order above).
  const missing: MissingField[] = [missAmount, missClose, missAccount, missOwner, missCreated]
    .filter((t) => t.entry.count > 0)
    .sort((a, b) => a.first - b.first || a.order - b.order)
    .map((t) => t.entry);

  // Date columns are the table's own (NaN where absent; read only, like every PreparedDeals
  // array). Fields no deal has share one all-NaN array: at a million deals each is 8 MB that
  // would otherwise be allocated, filled and garbage collected.
  let allNaN: Float64Array | undefined;
  const blank = (): Float64Array => (allNaN ??= filledWithNaN(size));
  const closeDay = closes ?? blank();
  const history = options.stageChanges ?? [];
  // The history fills in stage-entered days, so that array must be the deals' own.
  const stageEnteredDay =
    history.length > 0 ? (entereds?.slice() ?? filledWithNaN(size)) : (entereds ?? blank());

  // Stage history: furthest stage reached, completed stays, stage-entered fallback.
  const stayStage: number[] = [];
  const stayDays: number[] = [];
  if (history.length > 0) {
    const indexById = new Map<string, number>();
    const ids = table.values('id') ?? [];
    for (let i = 0; i < size; i += 1) indexById.set(ids[i] as string, i);
    const byDeal = new Map<number, { stage: number; date: number; row: number }[]>();
    const unknownHistory = new Map<string, number[]>();
    let orphans = 0;
    for (const change of history) {
      const dealIndex = indexById.get(change.dealId);
      if (dealIndex === undefined) {
        orphans += 1;
        continue;
      }
      const s = matcher.get(normalizeStageName(change.stage)) ?? -1;
      if (s < 0 && terminalStatusOf(change.stage) === undefined) {
        const rows = unknownHistory.get(change.stage.trim()) ?? [];
        rows.push(change.row);
        unknownHistory.set(change.stage.trim(), rows);
      }
      const list = byDeal.get(dealIndex) ?? [];
      list.push({ stage: s, date: change.date, row: change.row });
      byDeal.set(dealIndex, list);
    }
    for (const [dealIndex, list] of byDeal) {
      list.sort((a, b) => a.date - b.date || a.row - b.row);
      let far = furthest[dealIndex] ?? -1;
      list.forEach((change, k) => {
        if (change.stage > far) far = change.stage;
        if (change.stage < 0) return;
        const next = list[k + 1];
        const end = next
          ? next.date
          : status[dealIndex] !== OPEN
            ? (closeDay[dealIndex] ?? NaN)
            : NaN;
        if (!Number.isNaN(end)) {
          stayStage.push(change.stage);
          stayDays.push(end - change.date);
        }
      });
      furthest[dealIndex] = far;
      const current = stage[dealIndex] ?? -1;
      if (current >= 0 && Number.isNaN(stageEnteredDay[dealIndex] ?? NaN)) {
        const last = [...list].reverse().find((c) => c.stage === current);
        if (last) stageEnteredDay[dealIndex] = last.date;
      }
    }
    for (const [name, rows] of unknownHistory) {
      warnings.report({
        code: 'unknown-stage',
        message: `Stage history names stage "${name}" ${rows.length} time(s), which is not in template ${template.key}; those changes are ignored`,
        ...place,
        row: rows[0],
        column: 'stage',
        raw: name,
        action: 'value ignored',
        count: rows.length,
      });
    }
    if (orphans > 0) {
      warnings.report({
        code: 'other',
        message: `${orphans} stage change(s) name a deal id that is not in the pipeline; they are ignored`,
        ...place,
        action: 'value ignored',
        count: orphans,
      });
    }
  }

  // Learned rates.
  let closedCount = 0;
  let wonCount = 0;
  let lostWithoutStage = 0;
  for (let i = 0; i < size; i += 1) {
    if (status[i] === WON) wonCount += 1;
    if (status[i] !== OPEN) closedCount += 1;
    if (status[i] === LOST && (furthest[i] ?? -1) < 0) lostWithoutStage += 1;
  }
  const overallWinRate = closedCount > 0 ? wonCount / closedCount : null;
  const winRates = winRatesOf({
    stages,
    status,
    furthest,
    priors: template.stages.map((s) => s.rate ?? overallWinRate),
    minClosed,
    priorWeight,
  });
  if (learnMode !== 'none') {
    winRates.forEach((learned, s) => {
      const target = stages[s];
      if (!target || learned.rate === null || target.rateSource === 'user') return;
      if (learnMode === 'all' || target.rate === undefined) {
        target.rate = learned.rate;
        target.rateSource = 'learned';
      }
    });
  }

  for (const entry of unknown.values()) {
    warnings.report({
      code: 'unknown-stage',
      message: `Stage "${entry.name}" (${entry.count} deal(s)) is not in template ${template.key}; those deals are listed but kept out of stage rows and weighted totals`,
      ...place,
      row: entry.rows[0],
      column: 'stage',
      raw: entry.name,
      action: 'row kept',
      count: entry.count,
    });
  }
  // A field no deal has is an absent column (the input layer reports those), not dirty data.
  const present: Record<string, boolean> = {
    amount: amounts !== undefined && amounts.some((a) => !Number.isNaN(a)),
    closeDate: closes !== undefined && closes.some((d) => !Number.isNaN(d)),
    account: anyValue(accounts),
    owner: anyValue(ownerTexts),
    createdDate: createds !== undefined && createds.some((d) => !Number.isNaN(d)),
  };
  for (const entry of missing) {
    if (!present[entry.field]) continue;
    warnings.report({
      code: 'missing-value',
      message: `${entry.count} ${entry.among === 'open' ? 'open ' : ''}deal(s) have no ${entry.field} (first row ${entry.rows[0]}): ${entry.action}`,
      ...place,
      row: entry.rows[0],
      column: entry.field,
      action:
        entry.field === 'amount' ? 'row kept' : entry.field === 'account' ? 'none' : 'assumed',
      count: entry.count,
    });
  }
  stages.forEach((s) => {
    if (s.rate === undefined) {
      warnings.report({
        code: 'missing-value',
        message: `Stage "${s.name}" has no win rate (the template gives none and no closed deals teach one); its deals add to weighted sums only through their own probability`,
        ...place,
        action: 'none',
      });
    }
  });
  if (lostWithoutStage > 0 && stageCount > 0) {
    warnings.report({
      code: 'other',
      message: `${lostWithoutStage} lost deal(s) do not say at which stage they were lost; for learned win rates they count as having reached every stage`,
      ...place,
      action: 'assumed',
      count: lostWithoutStage,
    });
  }

  return {
    kind: 'prepared-deals',
    table,
    template,
    choice,
    stages,
    size,
    decimals,
    scale,
    stage,
    furthest,
    status,
    unknownStage,
    amountMinor,
    probability: probability ?? blank(),
    owner,
    owners: [...owners.keyList],
    region,
    regions: [...regions.keyList],
    product,
    products: [...products.keyList],
    closeDay,
    createdDay: createds ?? blank(),
    stageEnteredDay,
    lastActivityDay: actives ?? blank(),
    stays: { stage: Int16Array.from(stayStage), days: Float64Array.from(stayDays) },
    hasHistory: history.length > 0,
    present: filled,
    winRates,
    overallWinRate,
    closedCount,
    lostWithoutStage,
    unknownStages: [...unknown.values()].map((u) => ({
      ...u,
      amount: fromMinorUnits(u.amount, scale),
    })),
    missing,
    warnings: warnings.finish(),
  };
}

/** A missing-field entry being counted, with where it was first seen (for the report order). */
interface Tally {
  entry: MissingField;
  order: number;
  first: number;
}

function tally(field: string, among: 'all' | 'open', action: string, order: number): Tally {
  return { entry: { field, among, count: 0, rows: [], action }, order, first: -1 };
}

function count(t: Tally, row: number, index: number): void {
  const entry = t.entry;
  if (entry.count === 0) t.first = index;
  entry.count += 1;
  if (entry.rows.length < ROW_SAMPLE) entry.rows.push(row);
}

/**
 * True for undefined or text that trims to "" — without trimming text that starts with a
 * character String.prototype.trim never removes (the common case at a million rows).
 */
function anyFlag(flags: Int8Array | undefined): boolean {
  return flags !== undefined && flags.some((f) => f >= 0);
}

/** Whether any row has a value. */
function anyValue(texts: TextCodes | undefined): boolean {
  return texts !== undefined && texts.codes.some((c) => c !== 0);
}

/**
 * Row i's text coded in `dictionary`, coding each distinct text of the column once (`codeOf`
 * remembers it per column code, -1 until then).
 */
function codeOnce(
  dictionary: StringIndex,
  codeOf: Int32Array,
  texts: TextCodes,
  i: number,
): number {
  const c = texts.codes[i]!;
  let code = codeOf[c]!;
  if (code < 0) {
    code = dictionary.intern(((texts.dictionary[c] as string | undefined) ?? '').trim());
    codeOf[c] = code;
  }
  return code;
}

function isBlankText(text: string | undefined): boolean {
  if (text === undefined || text === '') return true;
  const c = text.charCodeAt(0);
  if (c > 32 && c < 0x80) return false;
  return text.trim() === '';
}

function filledWithNaN(size: number): Float64Array {
  return new Float64Array(size).fill(NaN);
}
