// The public holidays of Morocco (jours fériés chômés et payés): décret n° 2-77-169 of 28 February 1977
// as amended (public administrations) and décret n° 2-04-426 of 29 December 2004 (private sector).
import type { Localized } from '../../platform/i18n/locale.ts';

export const FIXED_HOLIDAY_KEYS = [
  'new-year',
  'independence-manifesto',
  'amazigh-new-year',
  'labour-day',
  'throne-day',
  'oued-ed-dahab',
  'revolution-king-people',
  'youth-day',
  'unity-day',
  'green-march',
  'independence-day',
] as const;
export const ISLAMIC_HOLIDAY_KEYS = ['islamic-new-year', 'mawlid', 'eid-al-fitr', 'eid-al-adha'] as const;

export type FixedHolidayKey = (typeof FIXED_HOLIDAY_KEYS)[number];
export type IslamicHolidayKey = (typeof ISLAMIC_HOLIDAY_KEYS)[number];
export type HolidayKey = FixedHolidayKey | IslamicHolidayKey;

export type FixedHolidayDefinition = {
  readonly kind: 'fixed';
  readonly key: FixedHolidayKey;
  readonly name: Localized;
  readonly month: number;
  readonly day: number;
  /** First Gregorian year the day is off; absent = every supported year. */
  readonly since?: number;
};

export type IslamicHolidayDefinition = {
  readonly kind: 'islamic';
  readonly key: IslamicHolidayKey;
  readonly name: Localized;
  readonly hijriMonth: number;
  readonly hijriDay: number;
  /** Consecutive days off, starting on the Hijri date. */
  readonly days: number;
};

export type HolidayDefinition = FixedHolidayDefinition | IslamicHolidayDefinition;

/**
 * Years the calendar answers for. Before 2006 the rules differ and are not modelled: the Monday–Friday
 * week of the public administration comes from décret n° 2-05-916 of 20 July 2005, and Throne Day and
 * Youth Day had other dates before the current reign.
 */
export const SUPPORTED_YEARS = { min: 2006, max: 2100 } as const;

/** In calendar order; this order also breaks ties between two holidays on the same day. */
export const HOLIDAY_DEFINITIONS: readonly HolidayDefinition[] = [
  {
    kind: 'fixed',
    key: 'new-year',
    month: 1,
    day: 1,
    name: { ar: 'رأس السنة الميلادية', fr: 'Nouvel An', en: 'New Year’s Day' },
  },
  {
    kind: 'fixed',
    key: 'independence-manifesto',
    month: 1,
    day: 11,
    name: {
      ar: 'ذكرى تقديم وثيقة الاستقلال',
      fr: 'Manifeste de l’Indépendance',
      en: 'Proclamation of Independence',
    },
  },
  {
    // Royal decision of 3 May 2023; first observed on Sunday 14 January 2024.
    kind: 'fixed',
    key: 'amazigh-new-year',
    month: 1,
    day: 14,
    since: 2024,
    name: { ar: 'رأس السنة الأمازيغية', fr: 'Nouvel An amazigh', en: 'Amazigh New Year' },
  },
  {
    kind: 'fixed',
    key: 'labour-day',
    month: 5,
    day: 1,
    name: { ar: 'عيد الشغل', fr: 'Fête du Travail', en: 'Labour Day' },
  },
  {
    kind: 'fixed',
    key: 'throne-day',
    month: 7,
    day: 30,
    name: { ar: 'عيد العرش', fr: 'Fête du Trône', en: 'Throne Day' },
  },
  {
    kind: 'fixed',
    key: 'oued-ed-dahab',
    month: 8,
    day: 14,
    name: {
      ar: 'ذكرى استرجاع إقليم وادي الذهب',
      fr: 'Allégeance de Oued Eddahab',
      en: 'Oued Ed-Dahab Day',
    },
  },
  {
    kind: 'fixed',
    key: 'revolution-king-people',
    month: 8,
    day: 20,
    name: {
      ar: 'ذكرى ثورة الملك والشعب',
      fr: 'Révolution du Roi et du Peuple',
      en: 'Revolution of the King and the People',
    },
  },
  {
    kind: 'fixed',
    key: 'youth-day',
    month: 8,
    day: 21,
    name: { ar: 'عيد الشباب', fr: 'Fête de la Jeunesse', en: 'Youth Day' },
  },
  {
    // Decided by the King on 4 November 2025, days after 31 October 2025 (which stayed a working day);
    // made a paid day off by décrets n° 2-25-1140 and 2-26-14 (Government Council, January 2026).
    // First day off: Saturday 31 October 2026.
    kind: 'fixed',
    key: 'unity-day',
    month: 10,
    day: 31,
    since: 2026,
    name: { ar: 'عيد الوحدة', fr: 'Fête de l’Unité', en: 'Unity Day' },
  },
  {
    kind: 'fixed',
    key: 'green-march',
    month: 11,
    day: 6,
    name: { ar: 'ذكرى المسيرة الخضراء', fr: 'Anniversaire de la Marche Verte', en: 'Green March Day' },
  },
  {
    kind: 'fixed',
    key: 'independence-day',
    month: 11,
    day: 18,
    name: { ar: 'عيد الاستقلال', fr: 'Fête de l’Indépendance', en: 'Independence Day' },
  },
  {
    kind: 'islamic',
    key: 'islamic-new-year',
    hijriMonth: 1,
    hijriDay: 1,
    days: 1,
    name: {
      ar: 'فاتح محرم (رأس السنة الهجرية)',
      fr: '1er Moharram (Nouvel An de l’Hégire)',
      en: 'Islamic New Year (1 Muharram)',
    },
  },
  {
    kind: 'islamic',
    key: 'mawlid',
    hijriMonth: 3,
    hijriDay: 12,
    days: 2,
    name: { ar: 'عيد المولد النبوي', fr: 'Aïd Al Mawlid Annabaoui', en: 'Prophet’s Birthday (Mawlid)' },
  },
  {
    kind: 'islamic',
    key: 'eid-al-fitr',
    hijriMonth: 10,
    hijriDay: 1,
    days: 2,
    name: { ar: 'عيد الفطر', fr: 'Aïd Al Fitr', en: 'Eid al-Fitr' },
  },
  {
    kind: 'islamic',
    key: 'eid-al-adha',
    hijriMonth: 12,
    hijriDay: 10,
    days: 2,
    name: { ar: 'عيد الأضحى', fr: 'Aïd Al Adha', en: 'Eid al-Adha' },
  },
];

const byKey = new Map<string, HolidayDefinition>(HOLIDAY_DEFINITIONS.map((d) => [d.key, d]));

export const holidayDefinition = (key: string): HolidayDefinition | undefined => byKey.get(key);
export const isHolidayKey = (key: string): key is HolidayKey => byKey.has(key);

/** Position in the catalogue (custom keys sort after every catalogue key). */
export const catalogueRank = (key: string): number => {
  const index = HOLIDAY_DEFINITIONS.findIndex((d) => d.key === key);
  return index === -1 ? HOLIDAY_DEFINITIONS.length : index;
};

const AR_ORDINALS = ['', 'الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع'];

/** Name of day `dayNumber` (1-based) of a holiday: the plain name, then “(day 2)” etc. */
export function nameOfDay(name: Localized, dayNumber: number): Localized {
  if (dayNumber <= 1) return name;
  const ar = AR_ORDINALS[dayNumber] ?? String(dayNumber);
  return {
    ar: `${name.ar} (اليوم ${ar})`,
    fr: `${name.fr} (${dayNumber}e jour)`,
    en: `${name.en} (day ${dayNumber})`,
  };
}
