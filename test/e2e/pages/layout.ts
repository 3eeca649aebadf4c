// What every page shares: the language switch, the main menu, the document's language and direction.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { LANGUAGE_NAMES, type Locale, text } from './text.ts';

export function layout(page: Page, locale: Locale) {
  const languageSwitch = page.getByRole('navigation', { name: text(locale, 'common', 'language') });
  const mainMenu = page.getByRole('navigation', { name: text(locale, 'common', 'nav.main') });
  return {
    mainMenu,
    /** A link of the main menu: 'home', 'mySpace', 'backOffice', 'signIn', 'signUp'. */
    menuLink: (key: string) =>
      mainMenu.getByRole('link', { name: text(locale, 'common', `nav.${key}`), exact: true }),
    /** Press the language's button; resolves once the page shows it and the server has kept the choice. */
    chooseLanguage: async (target: Locale) => {
      const button = languageSwitch.getByRole('button', { name: LANGUAGE_NAMES[target], exact: true });
      const saved = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/locale' && r.request().method() === 'POST',
      );
      await button.click();
      expect((await saved).status()).toBe(204);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, target);
    },
    languageButton: (target: Locale) =>
      languageSwitch.getByRole('button', { name: LANGUAGE_NAMES[target], exact: true }),
  };
}

export type DocumentLocale = { lang: string; dir: string };

export const documentLocale = (page: Page): Promise<DocumentLocale> =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

export const expectedDocumentLocale = (locale: Locale): DocumentLocale => ({
  lang: locale,
  dir: locale === 'ar' ? 'rtl' : 'ltr',
});

/** The page's one level-1 heading with that text. */
export const pageHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true });

/** The error summary at the top of a form (an alert named by its title). */
export const errorSummary = (page: Page, title: string) =>
  page.getByRole('alert', { name: title, exact: true });

/** What assistive technology reads after a field's name: its hint and error (aria-describedby). */
export const description = (field: Locator): Promise<string> =>
  field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );

/** Is this element the one with keyboard focus? */
export const hasFocus = (element: Locator): Promise<boolean> =>
  element.evaluate((el) => el === document.activeElement);
