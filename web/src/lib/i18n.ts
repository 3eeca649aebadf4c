// i18next with one namespace per feature (each feature owns its catalogue in its i18n.ts), plural
// rules from Intl (Arabic has six forms), Western digits as Moroccan administration prints them.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

export type Catalogue = Record<string, unknown>;
export type FeatureCatalogue = Readonly<Record<Locale, Catalogue>>;

const catalogues = new Map<string, FeatureCatalogue>();

export function defineCatalogue(namespace: string, catalogue: FeatureCatalogue): FeatureCatalogue {
  catalogues.set(namespace, catalogue);
  if (i18next.isInitialized)
    for (const l of LOCALES) i18next.addResourceBundle(l, namespace, catalogue[l], true, true);
  return catalogue;
}

export const registeredCatalogues = (): ReadonlyMap<string, FeatureCatalogue> => catalogues;

export const dirOf = (locale: Locale) => (locale === 'ar' ? 'rtl' : 'ltr');

export function initialLocale(): Locale {
  const fromDocument = document.documentElement.lang;
  const stored = localStorage.getItem('taamir.locale');
  if (isLocale(stored)) return stored;
  return isLocale(fromDocument) ? fromDocument : 'ar';
}

export async function initI18n(locale: Locale) {
  const resources: Record<string, Record<string, Catalogue>> = { ar: {}, fr: {}, en: {} };
  for (const [ns, cat] of catalogues) for (const l of LOCALES) resources[l]![ns] = cat[l];
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'fr',
    resources,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLocale(locale);
  return i18next;
}

export function applyDocumentLocale(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = dirOf(locale);
}

/** Dates and numbers: Intl with Latin digits (Moroccan administrative usage), Gregorian calendar. */
export const intlLocale = (locale: Locale) =>
  locale === 'ar' ? 'ar-MA-u-nu-latn' : locale === 'fr' ? 'fr-MA' : 'en-GB';

export const formatDate = (
  value: string | Date,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
) => new Intl.DateTimeFormat(intlLocale(locale), options).format(new Date(value));

export const formatNumber = (value: number, locale: Locale, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(intlLocale(locale), options).format(value);

/** Amounts are integer centimes. */
export const formatMad = (centimes: number, locale: Locale) =>
  new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'MAD',
    minimumFractionDigits: 2,
  }).format(centimes / 100);
