// Working days: Monday to Friday, except public holidays. A holiday on a Saturday or Sunday is simply
// lost — Moroccan law gives no substitute day.

import { defaultCalendar, type WorkingCalendar } from './calendar.ts';
import { assertDayCount, fromEpochDay, isWeekendEpochDay, toEpochDay } from './dates.ts';

const isWorkingEpochDay = (epochDay: number, calendar: WorkingCalendar): boolean =>
  !isWeekendEpochDay(epochDay) && !calendar.isHoliday(fromEpochDay(epochDay));

export const isWorkingDay = (date: string, calendar: WorkingCalendar = defaultCalendar): boolean =>
  isWorkingEpochDay(toEpochDay(date), calendar);

/**
 * The date `n` working days after `date`. The start day never counts, whatever it is: from Friday
 * 2026-03-13, n = 1 gives Monday 2026-03-16. n = 0 returns `date` itself if it is a working day, else
 * the next working day. n must be a whole number ≥ 0 (`calendar.invalid_day_count`).
 * For n ≥ 1, `workingDaysBetween(date, addWorkingDays(date, n)) === n`.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar = defaultCalendar): string {
  assertDayCount(n, { allowNegative: false });
  let day = toEpochDay(date);
  if (n === 0) {
    while (!isWorkingEpochDay(day, calendar)) day++;
    return fromEpochDay(day);
  }
  let remaining = n;
  while (remaining > 0) {
    day++;
    if (isWorkingEpochDay(day, calendar)) remaining--;
  }
  return fromEpochDay(day);
}

/** `date` if it is a working day, else the next one (same as `addWorkingDays(date, 0)`). */
export const nextWorkingDay = (date: string, calendar: WorkingCalendar = defaultCalendar): string =>
  addWorkingDays(date, 0, calendar);

/**
 * Number of working days in (from, to]: `from` excluded, `to` included. Signed: when `to` is before
 * `from` the result is minus the count of (to, from] — e.g. how many working days a deadline is overdue.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: WorkingCalendar = defaultCalendar,
): number {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (isWorkingEpochDay(day, calendar)) count++;
  return sign * count;
}
