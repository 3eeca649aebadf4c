export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ar';

/** A text in the three languages of the platform. */
export type Localized = Readonly<Record<Locale, string>>;

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The best of our locales for an Accept-Language header, by quality then order. */
export function fromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.lang && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.lang).find(isLocale);
}

/** Explicit choice (user profile or language cookie) wins over the browser's header. */
export function negotiateLocale(options: {
  choice?: string | undefined;
  acceptLanguage?: string | undefined;
}): Locale {
  if (isLocale(options.choice)) return options.choice;
  return fromAcceptLanguage(options.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** Replace `{name}` placeholders; unknown names are left visible so they are noticed. */
export function interpolate(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
