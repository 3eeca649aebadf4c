// Chromium for the journeys (the system browser, driven by playwright-core), accessibility checks with
// axe, and screenshots at desktop and phone widths for people to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Locale } from '../../../src/platform/i18n/locale.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh browser profile whose language (navigator.language and Accept-Language) is `locale`. */
export async function newContext(
  browser: Browser,
  options: { locale: Locale; baseURL: string; extraHTTPHeaders?: Record<string, string> },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: options.locale === 'ar' ? 'ar-MA' : options.locale === 'fr' ? 'fr-MA' : 'en-GB',
    baseURL: options.baseURL,
    viewport: DESKTOP,
    ...(options.extraHTTPHeaders ? { extraHTTPHeaders: options.extraHTTPHeaders } : {}),
  });
  context.setDefaultTimeout(10_000);
  return context;
}

const BLOCKING = new Set(['serious', 'critical']);

function describeViolation(v: Result): string {
  const nodes = v.nodes
    .slice(0, 5)
    .map(
      (n) =>
        `      at ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`,
    )
    .join('\n');
  const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
  return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
}

/** Fail when axe (WCAG 2.1 A and AA rules) finds a serious or critical problem on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  if (blocking.length) {
    throw new Error(
      `axe found ${blocking.length} serious or critical accessibility problem(s) on "${label}" (${page.url()}):\n${blocking.map(describeViolation).join('\n')}`,
    );
  }
}

/** A full-page PNG in test-results/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** How many pixels the page is wider than the viewport: more than 0 makes a phone scroll sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The page at desktop then phone width (`<name>-desktop.png`, `<name>-phone.png`), back to the former
 * size after; fails when the page does not fit the phone's width.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  const overflow = await horizontalOverflow(page);
  await page.setViewportSize(before);
  if (overflow > 0) throw new Error(`"${name}" is ${overflow}px wider than a ${PHONE.width}px phone`);
}
