// Text helpers for mixed Arabic/Latin content: numbers and codes such as "31457/C" or "2.19.xxx"
// inside an Arabic sentence are isolated left-to-right (Unicode LRI…PDI), so the browser does not
// reorder them ("C/31457"). Works in headings, table cells and the document title alike.
import type { TFunction } from 'i18next';

const LATIN_RUN = /[A-Za-z0-9][A-Za-z0-9/.\-–]*[A-Za-z0-9]|[A-Za-z0-9]/g;

export function isolateLtr(text: string, locale: string): string {
  if (locale !== 'ar') return text;
  return text.replace(LATIN_RUN, (run) => `\u2066${run}\u2069`);
}

/** "EPSG:26191" → its name in the page's language (catalogue keys have no colon: i18next splits on it). */
export function crsLabel(t: TFunction, code: string, fallback?: string): string {
  return t(`crs.${code.replace(/^EPSG:/, '')}`, { defaultValue: fallback ?? code });
}
