// Corrections to the computed holidays, entered by an admin (or shipped in official-islamic-dates.ts).
import { LOCALES, type Localized } from '../../platform/i18n/locale.ts';
import { calendarError } from './calendar-problems.ts';
import { isIsoDate } from './dates.ts';
import { type HolidayKey, isHolidayKey, SUPPORTED_YEARS } from './holiday-catalogue.ts';

/**
 * One correction, filed under the Gregorian `year` of its `date` (for `remove` without date: the
 * year whose days are removed). Overrides apply in three passes — every `move`, then every `remove`,
 * then every `add` — each pass in list order, the built-in official dates first.
 *
 * - `move`: “holiday `key` is on `date`”. Takes the occurrence of the catalogue holiday `key` whose
 *   *computed* first day is nearest to `date` (at most `MAX_MOVE_DAYS` away, else
 *   `calendar.override_target_missing`) and makes it start on `date`; its other days follow
 *   (Eid al-Fitr moved to 2024-04-10 is off on 10 and 11 April). Moving again replaces the date.
 * - `remove`: drops the days of `key` that fall in `year` — all of them, or only the one on `date`.
 *   Removing something absent is a no-op.
 * - `add`: a day off starting on `date` for `days` days (default 1, at most 7), e.g. an exceptional
 *   closure of the administration. `name` is required unless `key` is a catalogue key (then it
 *   defaults to the catalogue name). An added day is never removed by a `remove`.
 *
 * Keys are kebab-case (`exceptional-closure`); catalogue keys are listed in holiday-catalogue.ts.
 */
export type HolidayOverride =
  | { readonly action: 'move'; readonly key: HolidayKey; readonly year: number; readonly date: string }
  | { readonly action: 'remove'; readonly key: string; readonly year: number; readonly date?: string }
  | {
      readonly action: 'add';
      readonly key: string;
      readonly year: number;
      readonly date: string;
      readonly name?: Localized;
      readonly days?: number;
    };

/** Largest shift a `move` may apply to a computed date (moon sighting moves it by a day or two). */
export const MAX_MOVE_DAYS = 30;
export const MAX_ADDED_DAYS = 7;

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isLocalized = (value: unknown): value is Localized => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return LOCALES.every((lang) => typeof record[lang] === 'string' && record[lang] !== '');
};

function problem(override: unknown): string | undefined {
  if (typeof override !== 'object' || override === null) return 'not an object';
  const o = override as Record<string, unknown>;
  const { action, key, year, date } = o;
  if (action !== 'move' && action !== 'remove' && action !== 'add')
    return 'action must be move, remove or add';
  if (typeof key !== 'string' || !KEY.test(key)) return 'key must be kebab-case';
  if (typeof year !== 'number' || !Number.isSafeInteger(year)) return 'year must be an integer';
  if (year < SUPPORTED_YEARS.min || year > SUPPORTED_YEARS.max) {
    return `year must be within ${SUPPORTED_YEARS.min}–${SUPPORTED_YEARS.max}`;
  }
  if (date !== undefined || action !== 'remove') {
    if (!isIsoDate(date)) return 'date must be a YYYY-MM-DD date';
    if (Number(date.slice(0, 4)) !== year) return 'date must fall in year';
  }
  if (action === 'move' && !isHolidayKey(key)) return 'only catalogue holidays can be moved';
  if (action === 'add') {
    const { days, name } = o;
    if (
      days !== undefined &&
      (!Number.isSafeInteger(days) || Number(days) < 1 || Number(days) > MAX_ADDED_DAYS)
    ) {
      return `days must be an integer from 1 to ${MAX_ADDED_DAYS}`;
    }
    if (name !== undefined && !isLocalized(name)) return 'name needs non-empty ar, fr and en';
    if (name === undefined && !isHolidayKey(key)) return 'name is required for a key outside the catalogue';
  }
  return undefined;
}

/** Checks the shape of every override; throws `calendar.invalid_override` on the first bad one. */
export function validateOverrides(overrides: readonly HolidayOverride[]): readonly HolidayOverride[] {
  overrides.forEach((override, index) => {
    const reason = problem(override);
    if (reason) {
      const o = (typeof override === 'object' && override !== null ? override : {}) as Record<
        string,
        unknown
      >;
      throw calendarError('calendar.invalid_override', {
        index,
        key: String(o.key),
        year: String(o.year),
        reason,
      });
    }
  });
  return overrides;
}
