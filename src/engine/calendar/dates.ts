// Plain calendar dates (`YYYY-MM-DD`, no time, no time zone) and their arithmetic.
// Inside, a date is an "epoch day": the number of days since 1970-01-01 (a Thursday).
import { type CalendarProblemCode, calendarError } from './calendar-problems.ts';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const fail = (code: CalendarProblemCode, params: Record<string, unknown>): never => {
  throw calendarError(code, params);
};

/** Epoch day of a valid `YYYY-MM-DD` date, or undefined. */
function parse(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC maps years 0–99 to 1900–1999 and rolls 02-30 over to March: the round trip catches both.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return time / MS_PER_DAY;
}

export const isIsoDate = (value: unknown): value is string => parse(value) !== undefined;

/** Days since 1970-01-01; throws `calendar.invalid_date` for anything but a real `YYYY-MM-DD` date. */
export function toEpochDay(date: string): number {
  return parse(date) ?? fail('calendar.invalid_date', { value: String(date) });
}

export const fromEpochDay = (epochDay: number): string =>
  new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);

export const epochDayOf = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / MS_PER_DAY;

export const yearOfEpochDay = (epochDay: number): number => new Date(epochDay * MS_PER_DAY).getUTCFullYear();

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOfEpochDay = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;

/** Saturday and Sunday: the weekend of Moroccan public administrations. */
export const isWeekendEpochDay = (epochDay: number): boolean => {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday === 0 || weekday === 6;
};

export const isWeekend = (date: string): boolean => isWeekendEpochDay(toEpochDay(date));

export function assertDayCount(value: number, options: { allowNegative: boolean }): void {
  const ok = Number.isSafeInteger(value) && (options.allowNegative || value >= 0);
  if (!ok) {
    fail('calendar.invalid_day_count', {
      value: String(value),
      expected: options.allowNegative ? 'integer' : 'integer ≥ 0',
    });
  }
}

/** The date `n` calendar days after `date` (`n` may be negative). */
export function addCalendarDays(date: string, n: number): string {
  assertDayCount(n, { allowNegative: true });
  return fromEpochDay(toEpochDay(date) + n);
}

/** Signed number of calendar days from `from` to `to`. */
export const calendarDaysBetween = (from: string, to: string): number => toEpochDay(to) - toEpochDay(from);
