// Moroccan working-day calendar: public holidays (fixed and Hijri), working-day arithmetic. Pure: no
// database, no I/O, no time zone — every date is a `YYYY-MM-DD` string.
export { type CalendarOptions, createCalendar, defaultCalendar, type WorkingCalendar } from './calendar.ts';
export { CALENDAR_PROBLEMS, type CalendarProblemCode } from './calendar-problems.ts';
export { addCalendarDays, calendarDaysBetween, isIsoDate, isWeekend } from './dates.ts';
export { formatHolidayLines } from './format-holidays.ts';
export {
  DEFAULT_HIJRI_METHOD,
  HIJRI_CALENDARS,
  type HijriCalendarName,
  type HijriMethod,
  hijriDateToGregorian,
} from './hijri.ts';
export {
  FIXED_HOLIDAY_KEYS,
  type FixedHolidayKey,
  HOLIDAY_DEFINITIONS,
  type HolidayDefinition,
  type HolidayKey,
  ISLAMIC_HOLIDAY_KEYS,
  type IslamicHolidayKey,
  SUPPORTED_YEARS,
} from './holiday-catalogue.ts';
export {
  type HolidayOverride,
  MAX_ADDED_DAYS,
  MAX_MOVE_DAYS,
  validateOverrides,
} from './holiday-overrides.ts';
export { type Holiday, holidaysOf } from './holidays.ts';
export {
  OFFICIAL_ISLAMIC_DATES,
  OFFICIAL_OVERRIDES,
  type OfficialIslamicDate,
} from './official-islamic-dates.ts';
export { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.ts';
