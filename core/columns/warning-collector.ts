import { actionTerm, type CodedText, codedMessage } from '../text/coded-text.js';
import type { DataWarning, DataWarningCode, WarningPlace } from './data-warning.js';

/**
 * How many warnings of one kind are listed in full; the rest of that kind become one counted
 * summary warning. The one cap of core: reading sheets, forecasts, segments and aging alike.
 *
 * Why 50 per kind, a kind being one code in one column of one sheet: 50 rows are enough to see
 * the pattern and to fix a few cells by hand, and still fit a screen or two of a task pane or an
 * HTML report; a million bad cells of one column then cost 50 warnings and one count, so memory
 * stays bounded by codes × columns, not by rows. Counting per column (not per code alone) keeps
 * a flood in one column from hiding the first problems of another.
 */
export const DEFAULT_WARNING_CAP = 50;

/** A warning as a caller builds it: file and sheet come from the collector or the place. */
export type WarningBody = Omit<DataWarning, 'file' | 'sheet'>;

interface Kind {
  kept: number;
  dropped: number;
  first: DataWarning;
  summary: string | CodedText;
}

/**
 * The kind of a warning when the caller names none: its code in its column. Warnings of one
 * kind share one cap and one "n more" summary.
 *
 * @param code - The warning's code.
 * @param column - The column it points at, if any.
 * @returns A key for {@link WarningCollector.add} and {@link WarningCollector.skip}.
 * @example warningKind('unreadable-value', 'Amount') // 'unreadable-value\u0000Amount'
 */
export function warningKind(code: DataWarningCode, column?: string): string {
  return `${code}\u0000${column ?? ''}`;
}

/**
 * Collects the warnings of one analysis or one sheet: the first {@link DEFAULT_WARNING_CAP} of
 * each kind in full, in the order they were added, and for every kind that had more, one
 * 'more-warnings' summary at the end saying how many were left out ("… and 1,234 more like
 * this: …"), so a million bad rows give a readable list instead of a million lines.
 *
 * A kind is one code in one column ({@link warningKind}, what `report` uses). A caller that
 * reads several sheets into one collector names its kinds and gives their summaries (`skip` and
 * `add`: aging's 'terms', 'unknown-invoice', …, each one code in one column of one sheet).
 *
 * @example
 * const warnings = new WarningCollector({ file: 'deals.xlsx', sheet: 'Deals' });
 * warnings.report({ code: 'unreadable-value', message: 'Amount: not a number.', row: 7,
 *   column: 'Amount', action: 'value ignored' });
 * warnings.finish(); // [{ code: 'unreadable-value', file: 'deals.xlsx', sheet: 'Deals', row: 7, … }]
 */
export class WarningCollector {
  private readonly kept: DataWarning[] = [];
  private readonly kinds = new Map<string, Kind>();

  /**
   * @param where - File and sheet put on every warning unless its own place says otherwise.
   * @param cap - Warnings kept in full per kind; whole number ≥ 0.
   */
  constructor(
    private readonly where: WarningPlace = {},
    private readonly cap: number = DEFAULT_WARNING_CAP,
  ) {}

  /**
   * Counts one more warning of `kind` without its details when the kind already holds its full
   * quota, and says so: the caller then need not build the warning (its message string and
   * object) only for add to drop it. A million bad rows of one kind make a million of those
   * otherwise.
   *
   * @param kind - The kind, as given to add.
   * @returns true when the warning was counted (skip the add), false when it must be added.
   * @example
   * if (!warnings.skip('unknown-invoice')) warnings.add('unknown-invoice', place, {…}, summary);
   */
  skip(kind: string): boolean {
    const known = this.kinds.get(kind);
    if (known === undefined || known.kept < this.cap) return false;
    known.dropped++;
    return true;
  }

  /**
   * Adds one warning of a named kind.
   *
   * @param kind - Groups warnings that share a cause (e.g. 'unknown-invoice', or
   *   {@link warningKind} of a code and column).
   * @param place - File and sheet, when they differ from the collector's.
   * @param warning - The warning without file and sheet.
   * @param summary - What the kind is, for its "n more" line (taken from the kind's first
   *   warning); by default its code, column and action.
   */
  add(kind: string, place: WarningPlace, warning: WarningBody, summary?: string | CodedText): void {
    let known = this.kinds.get(kind);
    if (known !== undefined && known.kept >= this.cap) {
      known.dropped++;
      return;
    }
    // Undefined entries (a header-less warning's column) are left out, so JSON and equality
    // checks see only what is known.
    const full = { ...placed(this.where, place), ...definedOnly(warning) } as DataWarning;
    if (known === undefined) {
      known = { kept: 0, dropped: 0, first: full, summary: summary ?? describeKind(full) };
      this.kinds.set(kind, known);
      if (this.cap === 0) {
        known.dropped++;
        return;
      }
    }
    known.kept++;
    this.kept.push(full);
  }

  /**
   * Adds one warning of the kind {@link warningKind}(code, column): the usual way to report.
   *
   * @param warning - The warning; file and sheet default to the collector's.
   * @param summary - What the kind is, for its "n more" line; by default its code, column and
   *   action.
   * @example
   * warnings.report({ code: 'out-of-range', message: 'Probability 140 is outside 0–100%', row: 9,
   *   column: 'probability', action: 'value ignored' });
   */
  report(warning: DataWarning, summary?: string | CodedText): void {
    const kind = warningKind(warning.code, warning.column);
    if (this.skip(kind)) return;
    const { file, sheet, ...body } = warning;
    this.add(kind, definedOnly({ file, sheet }), body, summary);
  }

  /** The warnings kept, then one counted summary per kind that had more than the cap. */
  finish(): DataWarning[] {
    const out = [...this.kept];
    for (const kind of this.kinds.values()) {
      if (kind.dropped === 0) continue;
      const { file, sheet, column, action } = kind.first;
      out.push({
        code: 'more-warnings',
        ...codedMessage('warning.moreLikeThis', {
          count: groupThousands(kind.dropped),
          summary: kind.summary,
        }),
        action,
        count: kind.dropped,
        ...definedOnly({ file, sheet, column }),
      });
    }
    return out;
  }
}

/** A kind's default description: `"unreadable-value" in column Amount (value ignored)`. */
function describeKind(warning: DataWarning): CodedText {
  const { code, column } = warning;
  const action = actionTerm(warning.action);
  return column === undefined
    ? { key: 'warning.kindAnywhere', params: { code, action } }
    : { key: 'warning.kindInColumn', params: { code, column, action } };
}

/** 1234567 → '1,234,567': the same in every locale, unlike toLocaleString. */
function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function placed(where: WarningPlace, place: WarningPlace): WarningPlace {
  const out: WarningPlace = {};
  const file = place.file ?? where.file;
  const sheet = place.sheet ?? where.sheet;
  if (file !== undefined) out.file = file;
  if (sheet !== undefined) out.sheet = sheet;
  return out;
}

function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
