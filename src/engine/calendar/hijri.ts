// Hijri → Gregorian through Intl: format every Gregorian day of a year in a Hijri calendar and keep
// the days whose Hijri month/day match. Results are memoized per calendar and Gregorian year.
import { calendarError } from './calendar-problems.ts';
import { epochDayOf, fromEpochDay } from './dates.ts';

/** Intl calendars usable for the computation. `islamic` (astronomical) is deprecated by ECMA-402. */
export const HIJRI_CALENDARS = ['islamic-civil', 'islamic-umalqura', 'islamic-tbla', 'islamic'] as const;
export type HijriCalendarName = (typeof HIJRI_CALENDARS)[number];

/**
 * How Islamic holidays are estimated before the Ministry of Habous announces the real date:
 * the Gregorian day of the Hijri date in `calendar`, shifted by `offsetDays`.
 */
export type HijriMethod = { readonly calendar: HijriCalendarName; readonly offsetDays: number };

/**
 * The default estimate. Measured against the 45 dates Morocco actually observed for the four
 * holidays in 2015–2026 (see calendar.test.ts): `islamic-civil` +0 gives the exact day 34 times,
 * `islamic-umalqura` +1 30 times, `islamic-umalqura` +0 15 times; civil and umalqura are always within
 * one day. (`islamic` +1 matches 43/45 but ECMA-402 now lets engines replace that calendar with
 * another one, so it is not a safe default.) Official dates come from overrides anyway.
 */
export const DEFAULT_HIJRI_METHOD: HijriMethod = { calendar: 'islamic-civil', offsetDays: 0 };

type MonthDay = number; // month * 100 + day

const formatters = new Map<HijriCalendarName, Intl.DateTimeFormat>();
const yearTables = new Map<string, Int16Array>();

function formatterFor(calendar: HijriCalendarName): Intl.DateTimeFormat {
  let formatter = formatters.get(calendar);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    const resolved = formatter.resolvedOptions().calendar;
    if (resolved !== calendar) {
      throw calendarError('calendar.unsupported_hijri_calendar', { calendar, resolved });
    }
    formatters.set(calendar, formatter);
  }
  return formatter;
}

/** Hijri month/day of every day of Gregorian `year`, indexed by day of year (0-based). */
function yearTable(calendar: HijriCalendarName, year: number): Int16Array {
  const cacheKey = `${calendar}:${year}`;
  let table = yearTables.get(cacheKey);
  if (!table) {
    const formatter = formatterFor(calendar);
    const first = epochDayOf(year, 1, 1);
    const length = epochDayOf(year + 1, 1, 1) - first;
    table = new Int16Array(length);
    for (let i = 0; i < length; i++) {
      let month = 0;
      let day = 0;
      for (const part of formatter.formatToParts(new Date((first + i) * 86_400_000))) {
        if (part.type === 'month') month = Number(part.value);
        else if (part.type === 'day') day = Number(part.value);
      }
      table[i] = month * 100 + day;
    }
    yearTables.set(cacheKey, table);
  }
  return table;
}

function hijriMonthDay(calendar: HijriCalendarName, epochDay: number): MonthDay {
  const year = new Date(epochDay * 86_400_000).getUTCFullYear();
  return yearTable(calendar, year)[epochDay - epochDayOf(year, 1, 1)] ?? 0;
}

/**
 * Epoch days of Gregorian `year` on which the Hijri date `month`/`day` falls, shifted by the method's
 * offset. Usually one day; two when the Hijri date occurs both in early January and late December
 * (e.g. 1 Shawwal in 2033), none when it skips the year.
 */
export function hijriDateInGregorianYear(
  year: number,
  month: number,
  day: number,
  method: HijriMethod = DEFAULT_HIJRI_METHOD,
): number[] {
  const target = month * 100 + day;
  const first = epochDayOf(year, 1, 1);
  const end = epochDayOf(year + 1, 1, 1);
  const found: number[] = [];
  for (let epochDay = first; epochDay < end; epochDay++) {
    if (hijriMonthDay(method.calendar, epochDay - method.offsetDays) === target) found.push(epochDay);
  }
  return found;
}

/** Same as `hijriDateInGregorianYear`, as `YYYY-MM-DD` strings. */
export const hijriDateToGregorian = (
  year: number,
  month: number,
  day: number,
  method: HijriMethod = DEFAULT_HIJRI_METHOD,
): string[] => hijriDateInGregorianYear(year, month, day, method).map(fromEpochDay);
