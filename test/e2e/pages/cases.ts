// Cases as people meet them: a procedure's page, the applicant's case page, the staff queue and case page.
import type { Page } from 'playwright-core';
import { pageHeading } from './layout.ts';
import { type Locale, text } from './text.ts';

type L = { ar: string; fr: string; en: string };

export function procedurePage(page: Page, locale: Locale, name: L) {
  const t = (key: string) => text(locale, 'cases', key);
  return {
    heading: pageHeading(page, name[locale]),
    goto: async (code: string) => {
      await page.goto(`/services/${code}`);
      await pageHeading(page, name[locale]).waitFor();
    },
    start: async (agencyName: string) => {
      await page
        .getByRole('combobox', { name: t('agency'), exact: true })
        .selectOption({ label: agencyName });
      await page.getByRole('button', { name: t('start'), exact: true }).click();
    },
  };
}

export function applicantCasePage(page: Page, locale: Locale) {
  const t = (key: string, vars?: Record<string, string | number>) => text(locale, 'cases', key, vars);
  return {
    saved: page.getByRole('status').filter({ hasText: t('saved') }),
    fill: async (label: string, value: string) => {
      await page.getByLabel(label, { exact: true }).fill(value);
    },
    choose: async (label: string, option: string) => {
      await page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
    },
    attach: async (itemLabel: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
      await page.getByLabel(t('uploadFor', { item: itemLabel }), { exact: true }).setInputFiles(file);
    },
    act: async (label: string) => {
      await page.getByRole('button', { name: label, exact: true }).click();
    },
    reference: () =>
      page
        .getByText(/^AUST-INFO-\d{4}-\d{6}$/)
        .first()
        .textContent(),
    stateIs: (label: string) => page.getByText(label, { exact: true }).first(),
  };
}

export function staffCasePage(page: Page) {
  return {
    openAction: async (label: string) => {
      await page.getByText(label, { exact: true }).first().click();
    },
    form: (label: string) => page.getByRole('form', { name: label, exact: true }),
  };
}
