// The home page: the services and the agency picker.
import type { Page } from 'playwright-core';
import { pageHeading } from './layout.ts';
import { type Locale, text } from './text.ts';

export function homePage(page: Page, locale: Locale) {
  const t = (key: string, vars?: Record<string, number>) => text(locale, 'agencies', key, vars);
  const heading = pageHeading(page, text(locale, 'home', 'title'));
  const agencySelect = page.getByRole('combobox', { name: t('pickerLabel') });
  return {
    heading,
    agencySelect,
    goto: async () => {
      await page.goto('/');
      await heading.waitFor();
    },
    /** Choose the agency by its name in the page's language, then open its page. */
    openAgency: async (name: string) => {
      await agencySelect.selectOption({ label: name });
      await page.getByRole('button', { name: t('open'), exact: true }).click();
    },
    /** Unfold the list of every agency (a disclosure under the picker). */
    showAllAgencies: (count: number) => page.getByText(t('allAgencies', { count }), { exact: true }).click(),
    agencyLink: (name: string) => page.getByRole('link', { name, exact: true }),
  };
}
