// Output of `taamir calendar holidays <year> [--lang fr|ar|en]`: one line per holiday day.
import { isLocale, type Locale } from '../../platform/i18n/locale.ts';
import { defaultCalendar, type WorkingCalendar } from './calendar.ts';
import { calendarError } from './calendar-problems.ts';

/** `YYYY-MM-DD Name` for each holiday of `year`, in date order; names in `lang` (default French). */
export function formatHolidayLines(
  year: number,
  lang: Locale = 'fr',
  calendar: WorkingCalendar = defaultCalendar,
): string[] {
  if (!isLocale(lang)) throw calendarError('calendar.unsupported_language', { value: String(lang) });
  return calendar.holidaysOf(year).map((holiday) => `${holiday.date} ${holiday.name[lang]}`);
}
