// The holidays of a Gregorian year: computed dates, then overrides (official table, then the caller's).
import type { Localized } from '../../platform/i18n/locale.ts';
import { calendarError } from './calendar-problems.ts';
import { epochDayOf, fromEpochDay, toEpochDay, yearOfEpochDay } from './dates.ts';
import { DEFAULT_HIJRI_METHOD, type HijriMethod, hijriDateInGregorianYear } from './hijri.ts';
import {
  catalogueRank,
  HOLIDAY_DEFINITIONS,
  holidayDefinition,
  nameOfDay,
  SUPPORTED_YEARS,
} from './holiday-catalogue.ts';
import { type HolidayOverride, MAX_MOVE_DAYS, validateOverrides } from './holiday-overrides.ts';
import { OFFICIAL_OVERRIDES } from './official-islamic-dates.ts';

/** One day off. A two-day holiday yields two entries with the same key; the second is named “(day 2)”. */
export type Holiday = {
  readonly date: string;
  /** A catalogue key (`eid-al-fitr`, `throne-day`, …) or the key of an added holiday. */
  readonly key: string;
  readonly name: Localized;
};

type Occurrence = {
  readonly key: string;
  readonly name: Localized;
  readonly computedStart: number;
  readonly days: number;
};

export function assertSupportedYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < SUPPORTED_YEARS.min || year > SUPPORTED_YEARS.max) {
    throw calendarError('calendar.year_out_of_range', {
      year: String(year),
      min: SUPPORTED_YEARS.min,
      max: SUPPORTED_YEARS.max,
    });
  }
}

const computedCache = new Map<string, readonly Occurrence[]>();

/** Every holiday occurrence whose computed first day falls in `year`, before any override. */
function computedOccurrences(year: number, method: HijriMethod): readonly Occurrence[] {
  const cacheKey = `${method.calendar}:${method.offsetDays}:${year}`;
  const cached = computedCache.get(cacheKey);
  if (cached) return cached;
  const occurrences: Occurrence[] = [];
  for (const definition of HOLIDAY_DEFINITIONS) {
    const { key, name } = definition;
    if (definition.kind === 'fixed') {
      if (definition.since === undefined || year >= definition.since) {
        occurrences.push({
          key,
          name,
          computedStart: epochDayOf(year, definition.month, definition.day),
          days: 1,
        });
      }
    } else {
      for (const start of hijriDateInGregorianYear(
        year,
        definition.hijriMonth,
        definition.hijriDay,
        method,
      )) {
        occurrences.push({ key, name, computedStart: start, days: definition.days });
      }
    }
  }
  computedCache.set(cacheKey, occurrences);
  return occurrences;
}

type Day = { epochDay: number; key: string; name: Localized };

/**
 * The holidays of `year` under `overrides`, which must already be validated and are used as given:
 * the callers (`holidaysOf`, `createCalendar`) put the official table in front of them.
 */
export function computeHolidays(
  year: number,
  overrides: readonly HolidayOverride[],
  method: HijriMethod = DEFAULT_HIJRI_METHOD,
): readonly Holiday[] {
  assertSupportedYear(year);
  // A move shifts a date by at most MAX_MOVE_DAYS, so occurrences computed two years around `year`
  // and overrides filed one year around it are all that can land in `year`.
  const pool = [year - 2, year - 1, year, year + 1, year + 2].flatMap((y) =>
    computedOccurrences(y, method).map((occurrence) => ({ ...occurrence, start: occurrence.computedStart })),
  );
  const near = overrides.filter((o) => o.year >= year - 1 && o.year <= year + 1);

  for (const override of near) {
    if (override.action !== 'move') continue;
    const target = toEpochDay(override.date);
    let best: (typeof pool)[number] | undefined;
    for (const occurrence of pool) {
      if (occurrence.key !== override.key) continue;
      if (!best || Math.abs(occurrence.computedStart - target) < Math.abs(best.computedStart - target)) {
        best = occurrence;
      }
    }
    if (!best || Math.abs(best.computedStart - target) > MAX_MOVE_DAYS) {
      throw calendarError('calendar.override_target_missing', {
        key: override.key,
        date: override.date,
        maxDays: MAX_MOVE_DAYS,
      });
    }
    best.start = target;
  }

  let days: Day[] = pool.flatMap((occurrence) =>
    Array.from({ length: occurrence.days }, (_, i) => ({
      epochDay: occurrence.start + i,
      key: occurrence.key,
      name: nameOfDay(occurrence.name, i + 1),
    })),
  );
  days = days.filter((day) => yearOfEpochDay(day.epochDay) === year);

  for (const override of overrides) {
    if (override.action !== 'remove' || override.year !== year) continue;
    const only = override.date === undefined ? undefined : toEpochDay(override.date);
    days = days.filter((day) => day.key !== override.key || (only !== undefined && day.epochDay !== only));
  }

  for (const override of near) {
    if (override.action !== 'add' || override.year > year) continue;
    const name = override.name ?? holidayDefinition(override.key)?.name;
    if (!name) continue; // unreachable after validateOverrides
    const start = toEpochDay(override.date);
    for (let i = 0; i < (override.days ?? 1); i++) {
      if (yearOfEpochDay(start + i) === year)
        days.push({ epochDay: start + i, key: override.key, name: nameOfDay(name, i + 1) });
    }
  }

  const seen = new Set<string>();
  return days
    .sort(
      (a, b) =>
        a.epochDay - b.epochDay || catalogueRank(a.key) - catalogueRank(b.key) || a.key.localeCompare(b.key),
    )
    .filter((day) => {
      const id = `${day.epochDay}:${day.key}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .map((day) => Object.freeze({ date: fromEpochDay(day.epochDay), key: day.key, name: day.name }));
}

/**
 * The holidays of `year`, sorted by date: computed dates corrected by the built-in official Islamic
 * dates, then by `overrides`. A two-day holiday yields two entries.
 */
export function holidaysOf(year: number, overrides: readonly HolidayOverride[] = []): readonly Holiday[] {
  return computeHolidays(year, [...OFFICIAL_OVERRIDES, ...validateOverrides(overrides)]);
}
