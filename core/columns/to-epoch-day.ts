import type { EpochDay } from './epoch-day.js';
import { epochDayFromIso } from './epoch-day.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** A date as the public API takes it: an ISO `YYYY-MM-DD` string or a whole epoch day. */
export type DateInput = string | EpochDay;

/**
 * Normalises a date option of the public API to an epoch day (days since 1970-01-01).
 *
 * @param value - an ISO date `YYYY-MM-DD` (a real calendar date) or a whole number of days since
 *   1970-01-01.
 * @param optionName - the option's name, for the error message (e.g. `asOf`).
 * @returns the epoch day.
 * @throws PipecastError naming the option and the value when it is neither a real ISO date nor a
 *   whole number (e.g. `asOf must be a date YYYY-MM-DD or an epoch day, got '2026-02-30'`).
 * @example toEpochDay('2026-06-30', 'asOf') // 20634
 * @example toEpochDay(20634, 'asOf') // 20634
 */
export function toEpochDay(value: DateInput, optionName: string): EpochDay {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  const day = typeof value === 'string' ? epochDayFromIso(value) : undefined;
  if (day !== undefined) return day;
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  throw new PipecastError(
    'invalid-option',
    `${optionName} must be a date YYYY-MM-DD or an epoch day, got ${shown}`,
  );
}
