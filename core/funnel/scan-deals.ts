import type { WarningPlace } from '../columns/data-warning.js';
import type { WarningCollector } from '../columns/warning-collector.js';
import type { TextCodes } from '../internal/coded-text-column.js';
import type { RecordTable } from '../columns/record-table.js';
import type { Deal, DealStatus } from '../columns/records.js';
import { ColumnRecoder } from '../internal/column-recoder.js';
import type { StageNameFacts } from '../internal/stage-name-codes.js';
import {
  packedIsBlank,
  packedStageIndex,
  packedTerminal,
  StageNameCodes,
} from '../internal/stage-name-codes.js';
import { dealStatus, isStaleOpen, isUnknownStage, votesOnTemplate } from './deal-status.js';
import type { MissingFieldTallies } from './missing-field-tally.js';
import { countMissing, missingFieldTallies } from './missing-field-tally.js';
import { toMinorUnits } from '../columns/money.js';
import { normalizeStageName } from './normalize-stage-name.js';
import { probabilityOutOfRangeWarning, staleOpenWarning } from './prepare-deals-warnings.js';
import type { UnknownStage } from './prepared-deals.js';
import { LOST, OPEN, WON } from './prepared-deals.js';
import { terminalStatusOf } from './resolve-template.js';
import { isValidProbability } from './win-probability.js';

/** Excel rows listed per unknown stage name. */
const ROW_SAMPLE = 20;

/** The deals' columns as prepareDeals reads them: coded texts and numbers (NaN where blank). */
export interface DealColumns {
  stageTexts: TextCodes;
  statuses: TextCodes;
  accounts: TextCodes;
  amounts: Float64Array | undefined;
  probabilities: Float64Array | undefined;
  closes: Float64Array | undefined;
  createds: Float64Array | undefined;
  owners: ColumnRecoder;
  regions: ColumnRecoder;
  products: ColumnRecoder;
}

/** What one pass over the deals finds, per deal in typed arrays. */
export interface ScannedDeals {
  /** The columns read. */
  columns: DealColumns;
  stage: Int16Array;
  furthest: Int16Array;
  status: Uint8Array;
  unknownStage: Uint8Array;
  amountMinor: Float64Array;
  /** Own valid probabilities; undefined when no deal has one. */
  probability: Float64Array | undefined;
  owner: Int32Array;
  region: Int32Array;
  product: Int32Array;
  owners: string[];
  regions: string[];
  products: string[];
  unknown: Map<string, UnknownStage>;
  missing: MissingFieldTallies;
  /** Deals that vote on the template's fit (see votesOnTemplate), and those it matched. */
  templateVotes: number;
  templateMatches: number;
}

/**
 * One pass over the deals: each deal's stage, status, amount in minor units, own probability,
 * owner/region/product codes, and the blanks and unknown stages to report.
 */
export function scanDeals(
  table: RecordTable<Deal>,
  matcher: ReadonlyMap<string, number>,
  scale: number,
  place: WarningPlace,
  warnings: WarningCollector,
): ScannedDeals {
  const size = table.size;
  const rows = table.rows();
  const columns = dealColumns(table);
  const { stageTexts, statuses, amounts, probabilities, closes, createds } = columns;
  const stageNames = new StageNameCodes(stageTexts.dictionary, (name) =>
    matchStageName(name, matcher),
  );
  const accountBlank = Uint8Array.from(columns.accounts.dictionary, (account) =>
    isBlankText(account as string | undefined) ? 1 : 0,
  );
  const scan = emptyScan(size, columns);
  const { stage, furthest, status, unknownStage, amountMinor, owner, region, product } = scan;
  const { missing, unknown } = scan;
  for (let i = 0; i < size; i += 1) {
    const row = rows[i]!;
    const stageCode = stageTexts.codes[i]!;
    const packed = stageNames.packedOf(stageCode);
    const stageIndex = packedStageIndex(packed);
    const terminal = packedTerminal(packed);
    const given = statuses.dictionary[statuses.codes[i]!] as DealStatus | undefined;
    const dealState = dealStatus(given, terminal);
    if (isStaleOpen(given, terminal))
      warnings.report(
        staleOpenWarning(stageTexts.dictionary[stageCode] as string, terminal, row, place),
      );
    if (votesOnTemplate(packedIsBlank(packed), terminal, given)) {
      scan.templateVotes += 1;
      if (stageIndex >= 0) scan.templateMatches += 1;
    }
    status[i] = dealState;
    stage[i] = stageIndex;
    furthest[i] = stageIndex;
    // Absent numbers are NaN in the table.
    const amount = amounts === undefined ? NaN : amounts[i]!;
    const minor = Number.isFinite(amount) ? toMinorUnits(amount, scale) : NaN;
    amountMinor[i] = minor;
    if (isUnknownStage(stageIndex, terminal)) {
      unknownStage[i] = 1;
      noteUnknownStage(unknown, stageTexts.dictionary[stageCode] as string, minor, row);
    }
    const own = probabilities === undefined ? NaN : probabilities[i]!;
    if (isValidProbability(own)) (scan.probability ??= filledWithNaN(size))[i] = own;
    else if (!Number.isNaN(own)) warnings.report(probabilityOutOfRangeWarning(own, row, place));
    const ownerCode = columns.owners.codeOfRow(i);
    owner[i] = ownerCode;
    region[i] = columns.regions.codeOfRow(i);
    product[i] = columns.products.codeOfRow(i);
    if (dealState === OPEN) {
      if (Number.isNaN(minor)) countMissing(missing.amount, row, i);
      if (closes === undefined || Number.isNaN(closes[i]!)) countMissing(missing.closeDate, row, i);
    }
    if (accountBlank[columns.accounts.codes[i]!] === 1) countMissing(missing.account, row, i);
    if (columns.owners.dictionary.keyAt(ownerCode) === '') countMissing(missing.owner, row, i);
    if (createds === undefined || Number.isNaN(createds[i]!))
      countMissing(missing.createdDate, row, i);
  }
  scan.owners = [...columns.owners.dictionary.keyList];
  scan.regions = [...columns.regions.dictionary.keyList];
  scan.products = [...columns.products.dictionary.keyList];
  return scan;
}

/** Matches one distinct stage name: template stage, blank, won/lost name. */
function matchStageName(name: string, matcher: ReadonlyMap<string, number>): StageNameFacts {
  const key = normalizeStageName(name);
  const terminal = terminalStatusOf(name);
  return {
    index: matcher.get(key) ?? -1,
    blank: key === '',
    terminal: terminal === 'won' ? WON : terminal === 'lost' ? LOST : 0,
  };
}

/** The columns scanDeals reads; a text column no deal has reads as all blank. */
function dealColumns(table: RecordTable<Deal>): DealColumns {
  let noCodes: Uint16Array | undefined;
  // Texts as codes into their distinct values (code 0: none), so each distinct stage, status,
  // owner, region, product and account is looked at once, not once per deal.
  const textCodes = (field: string): TextCodes =>
    table.codes(field) ?? {
      codes: (noCodes ??= new Uint16Array(table.size)),
      dictionary: [undefined],
    };
  return {
    stageTexts: textCodes('stage'),
    statuses: textCodes('status'),
    accounts: textCodes('account'),
    amounts: table.numbers('amount'),
    probabilities: table.numbers('probability'),
    closes: table.numbers('closeDate'),
    createds: table.numbers('createdDate'),
    owners: new ColumnRecoder(textCodes('owner')),
    regions: new ColumnRecoder(textCodes('region')),
    products: new ColumnRecoder(textCodes('product')),
  };
}

/** The scan's arrays before the pass: stages -1 (none), the rest 0. */
function emptyScan(size: number, columns: DealColumns): ScannedDeals {
  return {
    columns,
    stage: new Int16Array(size).fill(-1),
    furthest: new Int16Array(size).fill(-1),
    status: new Uint8Array(size),
    unknownStage: new Uint8Array(size),
    amountMinor: new Float64Array(size),
    // Allocated on the first deal with a probability of its own.
    probability: undefined,
    owner: new Int32Array(size),
    region: new Int32Array(size),
    product: new Int32Array(size),
    // Filled from the recoders once the pass has coded every deal.
    owners: [],
    regions: [],
    products: [],
    unknown: new Map(),
    missing: missingFieldTallies(),
    templateVotes: 0,
    templateMatches: 0,
  };
}

/** Counts a deal in its unknown stage's entry (by trimmed name): deals, amount, first rows. */
function noteUnknownStage(
  unknown: Map<string, UnknownStage>,
  stageText: string,
  amountMinor: number,
  row: number,
): void {
  const name = stageText.trim();
  const entry = unknown.get(name) ?? { name, count: 0, amount: 0, rows: [] };
  entry.count += 1;
  if (!Number.isNaN(amountMinor)) entry.amount += amountMinor;
  if (entry.rows.length < ROW_SAMPLE) entry.rows.push(row);
  unknown.set(name, entry);
}

/**
 * True for undefined or text that trims to "" — without trimming text that starts with a
 * character String.prototype.trim never removes (the common case at a million rows).
 */
function isBlankText(text: string | undefined): boolean {
  if (text === undefined || text === '') return true;
  const first = text.charCodeAt(0);
  if (first > 32 && first < 0x80) return false;
  return text.trim() === '';
}

/** A Float64Array of `size` NaNs. */
export function filledWithNaN(size: number): Float64Array {
  return new Float64Array(size).fill(NaN);
}
