import { monthIndexOfEpochDay } from '../columns/calendar-month.js';

/** Longest close-date span (days) given a day → month table; beyond it months are computed per deal. */
const MAX_MONTH_TABLE_DAYS = 1 << 20;

/**
 * Close months as slots 0…monthCount − 1 from the earliest close month of the deals counted, and
 * slot `monthCount` for deals without a close date.
 *
 * Why: working out a calendar month from a day number per deal is date arithmetic a million
 * times over; deals' close dates span a few hundred days, so the month of each day of the span is
 * worked out once into a table and each deal reads one slot.
 */
export class CloseMonthSlots {
  readonly minMonth: number;
  readonly monthCount: number;
  private readonly minDay: number;
  private readonly useTable: boolean;
  private readonly slotOfDay: Int32Array;

  /**
   * @param closeDay - per deal its close day (epoch days, NaN when blank).
   * @param counted - per deal 1 when it is summed.
   */
  constructor(closeDay: Float64Array, counted: Uint8Array) {
    let minDay = Infinity;
    let maxDay = -Infinity;
    for (let i = 0; i < closeDay.length; i += 1) {
      if (counted[i] !== 1) continue;
      const day = closeDay[i] as number;
      if (day < minDay) minDay = day;
      if (day > maxDay) maxDay = day;
    }
    const hasDays = maxDay >= minDay;
    this.minDay = minDay;
    this.minMonth = hasDays ? monthIndexOfEpochDay(minDay) : 0;
    this.monthCount = hasDays ? monthIndexOfEpochDay(maxDay) - this.minMonth + 1 : 0;
    const span = hasDays ? maxDay - minDay + 1 : 0;
    this.useTable =
      Number.isInteger(minDay) && Number.isInteger(maxDay) && span <= MAX_MONTH_TABLE_DAYS;
    this.slotOfDay = new Int32Array(this.useTable ? span : 0);
    if (this.useTable)
      for (let day = 0; day < span; day += 1)
        this.slotOfDay[day] = monthIndexOfEpochDay(minDay + day) - this.minMonth;
  }

  /** The slot of a close day (NaN: the no-date slot). */
  slotOf(day: number): number {
    if (day !== day) return this.monthCount;
    return this.useTable
      ? (this.slotOfDay[day - this.minDay] as number)
      : monthIndexOfEpochDay(day) - this.minMonth;
  }
}
