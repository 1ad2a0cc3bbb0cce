import type {
  DataWarning,
  DataWarningAction,
  DataWarningCode,
  WarningPlace,
} from '../columns/data-warning.js';

/** Per-row warnings kept per message kind before the rest are summed into one 'more-warnings'. */
export const DEFAULT_MAX_WARNINGS_PER_KIND = 20;

interface Kind {
  code: DataWarningCode;
  action: DataWarningAction;
  kept: number;
  dropped: number;
  summary: string;
  place: WarningPlace;
}

/**
 * Collects the aging warnings: the first few of each kind in full, the rest counted, so a million
 * bad rows give a readable list rather than a million lines.
 */
export class AgingWarnings {
  readonly list: DataWarning[] = [];
  private readonly kinds = new Map<string, Kind>();

  constructor(private readonly maxPerKind: number) {}

  /**
   * Counts one more warning of `kind` without its details when the kind already holds its full
   * quota, and says so: the caller then need not build the warning (its message string and object)
   * only for add to drop it. A million bad rows of one kind make a million of those otherwise.
   *
   * @param kind - The kind, as given to add.
   * @returns true when the warning was counted (skip the add), false when it must be added.
   * @example
   * if (!warnings.skip('unknown-invoice')) warnings.add('unknown-invoice', place, {…}, summary);
   */
  skip(kind: string): boolean {
    const k = this.kinds.get(kind);
    if (k === undefined || k.kept < this.maxPerKind) return false;
    k.dropped++;
    return true;
  }

  /** Adds one warning; `kind` groups warnings that share a cause (e.g. 'unknown-invoice'). */
  add(
    kind: string,
    place: WarningPlace,
    warning: Omit<DataWarning, 'file' | 'sheet'>,
    summary: string,
  ): void {
    let k = this.kinds.get(kind);
    if (!k) {
      k = { code: warning.code, action: warning.action, kept: 0, dropped: 0, summary, place };
      this.kinds.set(kind, k);
    }
    if (k.kept < this.maxPerKind) {
      k.kept++;
      this.list.push({ ...withPlace(place), ...warning });
    } else {
      k.dropped++;
    }
  }

  /** The warnings, each kind that overflowed followed by one summary with the count left out. */
  finish(): DataWarning[] {
    const out = [...this.list];
    for (const k of this.kinds.values()) {
      if (k.dropped === 0) continue;
      out.push({
        ...withPlace(k.place),
        code: 'more-warnings',
        message: `${k.dropped} more: ${k.summary}`,
        action: k.action,
        count: k.dropped,
      });
    }
    return out;
  }
}

function withPlace(place: WarningPlace): WarningPlace {
  const out: WarningPlace = {};
  if (place.file !== undefined) out.file = place.file;
  if (place.sheet !== undefined) out.sheet = place.sheet;
  return out;
}
