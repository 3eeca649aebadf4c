// Browser journeys of the geoportal, in Arabic and in French: find a land title, see it on the map
// and the zone under it, open the indicative sheet with its zones; then the same without the map
// (search, keyboard, typed coordinates, the plans' rules); axe finds no serious problem.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDemoPlans } from '../../src/geo/demo-plans.ts';
import { geo, geoportalPage, sheetPage } from './pages/geoportal.ts';
import { documentLocale, expectedDocumentLocale, pageHeading } from './pages/layout.ts';
import { expectNoSeriousA11yViolations, launchBrowser, newContext, screenshots } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/server.ts';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  await loadDemoPlans(server.platform.db, new Date());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const TITLE = '31457/C';
const ZONES = ['B6', 'EQ', 'D1'];
const PLAN = {
  ar: 'تصميم التهيئة لحي الحسني – الألفة (للعرض، غير حقيقي)',
  fr: "Plan d'aménagement de Hay Hassani – Oulfa (démonstration, fictif)",
};

describe.each(['ar', 'fr'] as const)('in %s', (locale) => {
  test('a visitor finds a land title, sees its zone on the map and opens the indicative sheet', async () => {
    const context = await newContext(browser, { locale, baseURL: server.baseUrl });
    try {
      const page = await context.newPage();
      const portal = geoportalPage(page, locale);
      await portal.goto();
      expect(await documentLocale(page)).toEqual(expectedDocumentLocale(locale));
      await portal.search(TITLE);
      const result = portal.titleResult(TITLE);
      await result.waitFor();
      await portal.mapIdle();
      await portal.showOnMap(result).click();
      await portal.mapIdle();
      // The parcel is in the middle of the view: a click there shows the zone and its rules.
      const box = await portal.map.boundingBox();
      if (!box) throw new Error('no map');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await portal.zonePanel.waitFor();
      await expect.poll(async () => portal.zonePanel.textContent()).toMatch(/B6|EQ|D1/);
      expect(await portal.zonePanel.textContent()).toContain(geo(locale, 'rules.maxHeight'));
      await expectNoSeriousA11yViolations(page, `${locale} geoportal with a title on the map`);
      await screenshots(page, `${locale}-geoportal`);

      await portal.sheetLink(result).click();
      const sheet = sheetPage(page, locale);
      await sheet.zonesTable.waitFor();
      expect(await page.locator('h1').textContent()).toContain(TITLE);
      await sheet.notLegal.waitFor();
      expect(await sheet.zoneCodes()).toEqual(ZONES);
      for (const code of ZONES) await sheet.rulesHeading(code).waitFor();
      expect(await page.getByText(PLAN[locale]).count()).toBeGreaterThan(0);
      await expectNoSeriousA11yViolations(page, `${locale} indicative sheet`);
      await screenshots(page, `${locale}-geoportal-sheet`);
    } finally {
      await context.close();
    }
  });

  test('the same without the map: search by keyboard, typed coordinates, the plans and their rules', async () => {
    const context = await newContext(browser, { locale, baseURL: server.baseUrl });
    try {
      const page = await context.newPage();
      const portal = geoportalPage(page, locale);
      await portal.goto();
      // Keyboard only: type in the search box, Enter, then Tab to the sheet link and Enter.
      await page.getByRole('searchbox', { name: geo(locale, 'search.label') }).focus();
      await page.keyboard.type(`TF ${TITLE}`);
      await page.keyboard.press('Enter');
      const link = portal.sheetLink(portal.titleResult(TITLE));
      await link.waitFor();
      await link.focus();
      await page.keyboard.press('Enter');
      const sheet = sheetPage(page, locale);
      await sheet.zonesTable.waitFor();
      expect(await sheet.zoneCodes()).toEqual(ZONES);

      // A parcel typed as Lambert coordinates gives the same zones.
      await portal.goto();
      await portal.parcelField.fill(
        ['289219.62 331618.45', '289244.21 331633.82', '289232.02 331653.32', '289207.43 331637.95'].join(
          '\n',
        ),
      );
      await portal.parcelSubmit.click();
      await sheet.zonesTable.waitFor();
      expect(await sheet.zoneCodes()).toEqual(ZONES);
      expect((await page.locator('h1').textContent())?.trim()).toBe(geo(locale, 'sheet.forParcel'));
      await expectNoSeriousA11yViolations(page, `${locale} sheet of a typed parcel`);

      // The plans list leads to each plan's rules, zone by zone.
      await portal.goto();
      await portal.planLink(PLAN[locale]).click();
      await pageHeading(page, PLAN[locale]).waitFor();
      await page.getByRole('heading', { level: 2, name: /^B6/ }).waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} plan rules`);
      await screenshots(page, `${locale}-geoportal-plan-rules`);
    } finally {
      await context.close();
    }
  });
});
