// The geoportal pages: search, the map (zone click), the typed-parcel form, the plan list and its
// rules, and the indicative urban sheet. Texts come from the geoportal's own catalogue.
import type { Page } from 'playwright-core';
import geoportal from '../../../web/src/features/geoportal/i18n.ts';
import type { Locale } from '../../../web/src/lib/i18n.ts';
import { pageHeading } from './layout.ts';

/** `geo('fr', 'search.submit')`, with `{{name}}` placeholders filled from `vars`. */
export function geo(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = geoportal[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no ${locale} text for geoportal:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

export function geoportalPage(page: Page, locale: Locale) {
  const t = (key: string, vars?: Record<string, string | number>) => geo(locale, key, vars);
  const map = page.getByTestId('geoportal-map');
  return {
    heading: pageHeading(page, t('title')),
    goto: async (path = '/geoportal') => {
      await page.goto(path);
      await pageHeading(page, t('title')).waitFor();
    },
    search: async (query: string) => {
      await page.getByRole('searchbox', { name: t('search.label') }).fill(query);
      await page.getByRole('button', { name: t('search.submit'), exact: true }).click();
      await page.getByRole('heading', { name: t('search.results'), exact: true }).waitFor();
    },
    /** The result block of a land title (its heading names the number). */
    titleResult: (number: string) => page.locator('.result').filter({ hasText: number }),
    sheetLink: (scope: ReturnType<Page['locator']>) =>
      scope.getByRole('link', { name: t('search.openSheet') }),
    showOnMap: (scope: ReturnType<Page['locator']>) =>
      scope.getByRole('button', { name: t('search.showOnMap') }),
    map,
    /** Waits until the map has drawn its tiles after the last move. */
    mapIdle: async () => {
      await page.locator('[data-testid="geoportal-map"][data-loaded="true"]').waitFor({ timeout: 20_000 });
      await page.waitForFunction(
        () => document.querySelector('[data-testid="geoportal-map"]')?.getAttribute('data-idle') === 'true',
        undefined,
        { timeout: 20_000 },
      );
    },
    zonePanel: page.getByRole('region', { name: t('map.zone') }),
    parcelField: page.getByRole('textbox', { name: t('parcelForm.label') }),
    parcelCrs: page.getByRole('combobox', { name: t('parcelForm.crs') }),
    parcelSubmit: page.getByRole('button', { name: t('parcelForm.submit') }),
    planLink: (name: string) => page.getByRole('link', { name, exact: true }),
  };
}

export function sheetPage(page: Page, locale: Locale) {
  const t = (key: string, vars?: Record<string, string | number>) => geo(locale, key, vars);
  return {
    notLegal: page.getByText(t('sheet.notLegal'), { exact: true }),
    zonesTable: page.getByRole('table', { name: t('sheet.zonesCaption') }),
    /** The zone codes in the zones table, in order. */
    zoneCodes: async () =>
      (
        await page
          .getByRole('table', { name: t('sheet.zonesCaption') })
          .locator('tbody th')
          .allTextContents()
      ).map((s) => s.trim()),
    rulesHeading: (code: string) =>
      page.getByRole('heading', { name: new RegExp(t('sheet.rulesOf', { code })) }),
  };
}
