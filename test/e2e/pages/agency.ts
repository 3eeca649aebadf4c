// An agency's page: its contact sheet, phone lines by service and territory.
import type { Page } from 'playwright-core';
import { pageHeading } from './layout.ts';
import { type Locale, text } from './text.ts';

export type Hotline = { service: string; number: string; href: string | null };

export function agencyPage(page: Page, locale: Locale) {
  const t = (key: string) => text(locale, 'agencies', key);
  const hotlines = page.getByRole('table', { name: t('hotlines') });
  return {
    heading: (agencyName: string) => pageHeading(page, agencyName),
    contactHeading: page.getByRole('heading', { level: 2, name: t('contactTitle'), exact: true }),
    hotlines,
    /** The rows of the phone-lines table, as read: service, number and the link's target. */
    readHotlines: async (): Promise<Hotline[]> => {
      await hotlines.waitFor();
      const rows = hotlines.getByRole('row');
      const out: Hotline[] = [];
      for (const row of await rows.all()) {
        const cells = row.getByRole('cell');
        if ((await cells.count()) !== 2) continue;
        const link = cells.nth(1).getByRole('link');
        out.push({
          service: (await cells.nth(0).textContent())?.trim() ?? '',
          number: (await link.textContent())?.trim() ?? '',
          href: await link.getAttribute('href'),
        });
      }
      return out;
    },
    breadcrumbHome: page
      .getByRole('navigation', { name: text(locale, 'common', 'breadcrumbs') })
      .getByRole('link', { name: text(locale, 'common', 'nav.home'), exact: true }),
  };
}
