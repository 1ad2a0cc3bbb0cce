import type { DataWarning } from '../../../core/index.js';
import { epochDayFromIso, isoFromEpochDay, warningMessage } from '../../../core/index.js';
import { columnLetters } from '../excel/a1-address.js';
import type { AddinLocale } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import type { OutputAsOf, OutputNote } from './output-model.js';

/** Where a source grid sits in its sheet, to turn a warning's row and header into a cell. */
export interface SourcePlace {
  /** 0-based sheet row and column of the grid's top-left cell. */
  rowIndex: number;
  columnIndex: number;
  /** The grid's header cells as text, for the warning's column (the header the user typed). */
  headers: readonly string[];
}

/** Source places by sheet name (the names the grids were analysed under). */
export type NotePlaces = Readonly<Record<string, SourcePlace>>;

/** The Notes table's column labels. */
export function notesColumns(locale: AddinLocale): string[] {
  return ['colType', 'colSheet', 'colAddress', 'colMessage', 'colAction'].map((key) =>
    addinText(locale, key as 'colType'),
  );
}

/**
 * Warnings as notes with the cell each points at in the source sheet: the warning's row is the
 * grid's (1-based), its column the header text; a warning with a row but no known column points
 * at the row's first cell, one without a row at nothing. Messages are in the pane's language.
 */
export function notesOf(
  warnings: readonly DataWarning[],
  places: NotePlaces,
  locale: AddinLocale,
): OutputNote[] {
  return warnings.map((w) => {
    const message = warningMessage(w, locale);
    return {
      type: w.code,
      sheet: w.sheet ?? null,
      address: warningAddress(w, places),
      message: w.count !== undefined && w.count > 1 ? `${message} (×${w.count})` : message,
      action: w.action === 'none' ? null : w.action,
    };
  });
}

/** The A1 address (without the sheet) a warning points at, or null. */
export function warningAddress(warning: DataWarning, places: NotePlaces): string | null {
  const place = warning.sheet === undefined ? undefined : places[warning.sheet];
  if (place === undefined || warning.row === undefined) return null;
  const found = warning.column === undefined ? -1 : place.headers.indexOf(warning.column.trim());
  const column = place.columnIndex + Math.max(0, found);
  return `${columnLetters(column)}${place.rowIndex + warning.row}`;
}

/**
 * The as-of date a run used, said in the Notes table's first row: the date set in the
 * parameters, or the data's own day with the last recorded event it follows (never the clock).
 */
export function asOfNote(day: string, fromData: boolean, locale: AddinLocale): OutputAsOf {
  const epochDay = epochDayFromIso(day);
  const lastEvent = epochDay === undefined ? '?' : isoFromEpochDay(epochDay - 1);
  return {
    day,
    fromData,
    type: addinText(locale, 'noteAsOf'),
    message: fromData
      ? addinText(locale, 'asOfFromData', { day, lastEvent })
      : addinText(locale, 'asOfGiven', { day }),
  };
}
