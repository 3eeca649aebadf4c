// A working calendar: the holiday rules plus one set of overrides, with the years it has computed.
import { fromEpochDay, toEpochDay } from './dates.ts';
import { DEFAULT_HIJRI_METHOD, type HijriMethod } from './hijri.ts';
import { type HolidayOverride, validateOverrides } from './holiday-overrides.ts';
import { computeHolidays, type Holiday } from './holidays.ts';
import { OFFICIAL_OVERRIDES } from './official-islamic-dates.ts';

export type CalendarOptions = {
  /** Admin corrections, applied after the built-in official dates (see holiday-overrides.ts). */
  overrides?: readonly HolidayOverride[];
  /** Apply the built-in table of official Islamic dates first (default true). */
  officialDates?: boolean;
  /** How Islamic holidays are estimated when no override gives the date (default islamic-civil +0). */
  hijri?: HijriMethod;
};

export type WorkingCalendar = {
  /** Holidays of `year`, sorted by date (computed once per year, then cached). */
  readonly holidaysOf: (year: number) => readonly Holiday[];
  /** Holidays falling on `date` (usually none or one; two when holidays coincide). */
  readonly holidaysOn: (date: string) => readonly Holiday[];
  readonly isHoliday: (date: string) => boolean;
};

type YearEntry = { list: readonly Holiday[]; byDate: ReadonlyMap<string, readonly Holiday[]> };

/**
 * A calendar for one set of overrides. Overrides are checked now (`calendar.invalid_override`);
 * a `move` whose holiday cannot be found fails when its year is first computed.
 */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const overrides = [
    ...(options.officialDates === false ? [] : OFFICIAL_OVERRIDES),
    ...validateOverrides(options.overrides ?? []),
  ];
  const method = options.hijri ?? DEFAULT_HIJRI_METHOD;
  const years = new Map<number, YearEntry>();

  const entry = (year: number): YearEntry => {
    let found = years.get(year);
    if (!found) {
      const list = Object.freeze([...computeHolidays(year, overrides, method)]);
      const byDate = new Map<string, Holiday[]>();
      for (const holiday of list) byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday]);
      found = { list, byDate };
      years.set(year, found);
    }
    return found;
  };

  const holidaysOn = (date: string): readonly Holiday[] => {
    const normalized = fromEpochDay(toEpochDay(date));
    return entry(Number(normalized.slice(0, 4))).byDate.get(normalized) ?? [];
  };

  return {
    holidaysOf: (year) => entry(year).list,
    holidaysOn,
    isHoliday: (date) => holidaysOn(date).length > 0,
  };
}

/** Built-in rules and official dates, no admin override. */
export const defaultCalendar: WorkingCalendar = createCalendar();
