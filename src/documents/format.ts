import { DocumentError } from './errors.ts';

/**
 * Display formatting for official documents. Moroccan administration prints Western digits
 * (0-9) in Arabic text too, and French number style in French text (decimal comma, space between
 * thousands). Every function returns plain strings that go into the template data.
 */

const CASABLANCA = 'Africa/Casablanca';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type OfficialDate = {
  /** `2026-11-22` */
  iso: string;
  /** `22 نونبر 2026` (Moroccan month names, Western digits) */
  gregorianAr: string;
  /** `22 novembre 2026` */
  gregorianFr: string;
  /** `12 جمادى الآخرة 1448 هـ` */
  hijriAr: string;
  /** `12 joumada ath-thania 1448 H` */
  hijriFr: string;
};

const parseIsoDate = (iso: string): Date => {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new DocumentError('documents.invalid_input', `calendar date must be YYYY-MM-DD: ${iso}`);
  const [, y, m, d] = match;
  // Noon UTC: the calendar day is the same in every time zone Morocco has used.
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12));
  if (date.toISOString().slice(0, 10) !== iso) {
    throw new DocumentError('documents.invalid_input', `no such calendar date: ${iso}`);
  }
  return date;
};

const dayMonthYear = (locale: string, date: Date): { day: string; month: string; year: string } => {
  const parts = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
};

const joinDate = ({ day, month, year }: { day: string; month: string; year: string }): string =>
  `${day} ${month} ${year}`;

/**
 * Gregorian and Hijri forms of a calendar date (`YYYY-MM-DD`).
 *
 * The Hijri date uses ICU's Umm al-Qura tables. Morocco's official Hijri calendar follows the
 * Ministry of Habous' moon sighting and can differ by one day; pass `hijriOverride` (from the
 * ministry's calendar) when the exact official day matters.
 */
export const officialDate = (
  iso: string,
  hijriOverride?: { hijriAr: string; hijriFr: string },
): OfficialDate => {
  const date = parseIsoDate(iso);
  const hijriAr = joinDate(dayMonthYear('ar-MA-u-ca-islamic-umalqura-nu-latn', date));
  const hijriFr = joinDate(dayMonthYear('fr-MA-u-ca-islamic-umalqura-nu-latn', date));
  return {
    iso,
    gregorianAr: joinDate(dayMonthYear('ar-MA-u-nu-latn', date)),
    gregorianFr: joinDate(dayMonthYear('fr-MA-u-nu-latn', date)),
    hijriAr: hijriOverride?.hijriAr ?? `${hijriAr} هـ`,
    hijriFr: hijriOverride?.hijriFr ?? `${hijriFr} H`,
  };
};

/** Date and time of an instant, in Morocco's legal time: `22 نونبر 2026 - 10:42` / `22 novembre 2026 à 10:42`. */
export const officialDateTime = (instant: Date): { ar: string; fr: string } => {
  const local = (locale: string) => {
    const parts = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: CASABLANCA,
    }).formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes): string =>
      parts.find((p) => p.type === type)?.value ?? '';
    return {
      day: part('day'),
      month: part('month'),
      year: part('year'),
      time: `${part('hour')}:${part('minute')}`,
    };
  };
  const ar = local('ar-MA-u-nu-latn');
  const fr = local('fr-MA-u-nu-latn');
  return { ar: `${joinDate(ar)} - ${ar.time}`, fr: `${joinDate(fr)} à ${fr.time}` };
};

/** Today's calendar date in Morocco (`YYYY-MM-DD`). */
export const moroccanCalendarDate = (instant: Date): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: CASABLANCA,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/**
 * Integer centimes → `1 250,00 MAD` / `1 250,00 درهم`. Plain spaces (U+0020) between thousands:
 * templates keep an amount on one line, and text extraction stays predictable.
 */
export const formatMad = (amountCentimes: number): { fr: string; ar: string; number: string } => {
  if (!Number.isSafeInteger(amountCentimes) || amountCentimes < 0) {
    throw new DocumentError(
      'documents.invalid_input',
      `amount must be a non-negative integer of centimes: ${amountCentimes}`,
    );
  }
  const dirhams = Math.floor(amountCentimes / 100);
  const centimes = amountCentimes % 100;
  const number = `${groupThousands(String(dirhams))},${String(centimes).padStart(2, '0')}`;
  return { number, fr: `${number} MAD`, ar: `${number} درهم` };
};

/**
 * A decimal in French style with a fixed number of fraction digits: `formatDecimal(2.4, 2)` → `2,40`.
 * Uses integer arithmetic on the rounded value, so there are no binary-float surprises (1.005 → 1,01).
 */
export const formatDecimal = (value: number, fractionDigits: number): string => {
  if (!Number.isFinite(value))
    throw new DocumentError('documents.invalid_input', `not a finite number: ${value}`);
  const negative = value < 0;
  const [intPart, fracPart = ''] = Math.abs(value)
    .toFixed(fractionDigits + 2)
    .split('.');
  // Round half away from zero on the decimal string, not the float.
  const scaled = BigInt(intPart + fracPart.slice(0, fractionDigits + 2));
  const divisor = 10n ** 2n;
  const rounded = (scaled + 50n) / divisor;
  const text = rounded.toString().padStart(fractionDigits + 1, '0');
  const whole = text.slice(0, text.length - fractionDigits) || '0';
  const fraction = fractionDigits > 0 ? `,${text.slice(text.length - fractionDigits)}` : '';
  return `${negative && rounded !== 0n ? '-' : ''}${groupThousands(whole)}${fraction}`;
};

/** `62,5 %` style percentage from a ratio in percent units (62.5 → `62,5 %`). */
export const formatPercent = (percent: number, fractionDigits = 1): string =>
  `${formatDecimal(percent, fractionDigits)} %`;

/**
 * Marks a left-to-right unit inside Arabic text (a land title `12345/C`, a phone number, a code)
 * with Unicode isolates (LRI … PDI), so the bidi algorithm keeps it whole and in order: without
 * it `الرسم العقاري 12345/C` displays as `C/12345`. The marks are invisible.
 */
export const ltr = (text: string): string => `\u2066${text}\u2069`;

/** Removes the bidi control characters (embeddings, overrides, isolates, marks) from a string. */
export const stripBidiControls = (text: string): string =>
  text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
