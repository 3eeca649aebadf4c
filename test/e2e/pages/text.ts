// The words a person sees, taken from the web app's own catalogues, so page objects find elements by
// role and accessible name in the page's language. A key missing in a language fails loudly instead of
// quietly matching the French fallback.

import common from '../../../web/src/app/common-i18n.ts';
import accounts from '../../../web/src/features/accounts/i18n.ts';
import agencies from '../../../web/src/features/agencies/i18n.ts';
import backOffice from '../../../web/src/features/back-office/i18n.ts';
import cases from '../../../web/src/features/cases/i18n.ts';
import eNote from '../../../web/src/features/e-note/i18n.ts';
import home from '../../../web/src/features/home/i18n.ts';
import mySpace from '../../../web/src/features/my-space/i18n.ts';
import type { FeatureCatalogue, Locale } from '../../../web/src/lib/i18n.ts';

export type { Locale };

const CATALOGUES = {
  accounts,
  agencies,
  backOffice,
  cases,
  common,
  eNote,
  home,
  mySpace,
} as const satisfies Record<string, FeatureCatalogue>;
export type Namespace = keyof typeof CATALOGUES;

/** `text('ar', 'accounts', 'signIn.title')`, with `{{name}}` placeholders filled from `vars`. */
export function text(
  locale: Locale,
  namespace: Namespace,
  key: string,
  vars: Record<string, string | number> = {},
): string {
  let node: unknown = CATALOGUES[namespace][locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no ${locale} text for ${namespace}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

/** The language switch shows each language in its own script. */
export const LANGUAGE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };
