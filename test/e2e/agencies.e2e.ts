// Browser journeys of the agency pages for a visitor on a phone, in Arabic and in French: the list of
// every agency, a contact sheet with its phone lines, the way back, and an address that leads nowhere.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { agencyPage } from './pages/agency.ts';
import { homePage } from './pages/home.ts';
import { documentLocale, expectedDocumentLocale, pageHeading } from './pages/layout.ts';
import { text } from './pages/text.ts';
import {
  expectNoSeriousA11yViolations,
  horizontalOverflow,
  launchBrowser,
  newContext,
  PHONE,
  screenshots,
} from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/server.ts';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const CASES = {
  ar: { agency: 'الوكالة الحضرية للدار البيضاء', notFound: 'الوكالة غير موجودة' },
  fr: { agency: 'Agence urbaine de Casablanca', notFound: 'Agence introuvable' },
} as const;

describe.each(['ar', 'fr'] as const)('in %s', (locale) => {
  const c = CASES[locale];

  test('a visitor on a phone finds an agency in the list of all agencies and calls a service', async () => {
    const context = await newContext(browser, { locale, baseURL: server.baseUrl });
    try {
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      const home = homePage(page, locale);
      await home.goto();
      expect(await documentLocale(page)).toEqual(expectedDocumentLocale(locale));
      expect(await horizontalOverflow(page)).toBe(0);

      await home.showAllAgencies(30);
      await home.agencyLink(c.agency).click();
      const agency = agencyPage(page, locale);
      await agency.heading(c.agency).waitFor();
      expect(new URL(page.url()).pathname).toBe('/agencies/AUC');
      expect(await page.title()).toBe(`${c.agency} — ${text(locale, 'common', 'appName')}`);
      const hotlines = await agency.readHotlines();
      expect(hotlines.map((h) => h.service)).toEqual(
        ['switchboard', 'e-note', 'permits', 'complaints', 'geoportal', 'payments'].map((s) =>
          text(locale, 'agencies', `services.${s}`),
        ),
      );
      expect(hotlines.every((h) => h.href === `tel:${h.number.replace(/[^+0-9]/g, '')}`)).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
      await expectNoSeriousA11yViolations(page, `${locale} agency page on a phone`);

      await agency.breadcrumbHome.click();
      await home.heading.waitFor();
    } finally {
      await context.close();
    }
  });

  test('an agency address that does not exist says so, in the page language', async () => {
    const context = await newContext(browser, { locale, baseURL: server.baseUrl });
    try {
      const page = await context.newPage();
      await page.goto('/agencies/NOPE');
      await pageHeading(page, c.notFound).waitFor();
      expect(await page.title()).toBe(`${c.notFound} — ${text(locale, 'common', 'appName')}`);
      await expectNoSeriousA11yViolations(page, `${locale} unknown agency`);
      await screenshots(page, `${locale}-agency-not-found`);
    } finally {
      await context.close();
    }
  });
});
