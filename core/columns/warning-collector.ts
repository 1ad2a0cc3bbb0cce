import type { DataWarning, DataWarningAction, DataWarningCode } from './data-warning.js';

/** Where a warning points inside the sheet. */
export interface WarningCell {
  row?: number;
  column?: string;
  raw?: string;
}

/**
 * Keeps the first warnings of each kind per column and counts the rest into one summary, so a
 * million bad cells give a readable list instead of a million lines.
 */
export class WarningCollector {
  private readonly kept: DataWarning[] = [];
  private readonly overflow = new Map<
    string,
    { code: DataWarningCode; column?: string; count: number; action: DataWarningAction }
  >();
  private readonly perKey = new Map<string, number>();

  constructor(
    private readonly where: { file?: string; sheet: string },
    private readonly max: number,
  ) {}

  /** True when a warning of this code and column would still be listed in full. */
  wouldKeep(code: DataWarningCode, column: string | undefined): boolean {
    return (this.perKey.get(`${code}\u0000${column ?? ''}`) ?? 0) < this.max;
  }

  add(
    code: DataWarningCode,
    message: string,
    action: DataWarningAction,
    place: WarningCell = {},
  ): void {
    const key = `${code}\u0000${place.column ?? ''}`;
    const seen = this.perKey.get(key) ?? 0;
    this.perKey.set(key, seen + 1);
    if (seen < this.max) {
      this.kept.push({
        code,
        message,
        action,
        ...definedOnly({ file: this.where.file, sheet: this.where.sheet, ...place }),
      });
      return;
    }
    const entry = this.overflow.get(key) ?? { code, column: place.column, count: 0, action };
    entry.count++;
    this.overflow.set(key, entry);
  }

  finish(): DataWarning[] {
    const summaries: DataWarning[] = [...this.overflow.values()].map((entry) => ({
      code: 'more-warnings',
      message: `${entry.count} more "${entry.code}" warnings${entry.column ? ` in column ${entry.column}` : ''} (${entry.action}).`,
      action: entry.action,
      count: entry.count,
      ...definedOnly({ file: this.where.file, sheet: this.where.sheet, column: entry.column }),
    }));
    return [...this.kept, ...summaries];
  }
}

function definedOnly<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
