// The pages behind sign-in: a person's own space and the staff's back office.
import type { Page } from 'playwright-core';
import { pageHeading } from './layout.ts';
import { type Locale, text } from './text.ts';

export function mySpacePage(page: Page, locale: Locale) {
  return {
    heading: pageHeading(page, text(locale, 'mySpace', 'title')),
    signedInAs: (name: string) =>
      page.getByText(text(locale, 'common', 'signedInAs', { name }), { exact: true }),
  };
}

export function backOfficePage(page: Page, locale: Locale) {
  const t = (key: string) => text(locale, 'backOffice', key);
  return {
    heading: pageHeading(page, t('title')),
    /** The row of the "my roles" table for that organisation and role label. */
    roleRow: (organization: string, role: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: organization, exact: true }) })
        .filter({ has: page.getByRole('cell', { name: role, exact: true }) }),
  };
}
