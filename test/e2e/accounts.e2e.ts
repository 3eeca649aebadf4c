// Browser journeys of the accounts: a citizen from sign-up to their space and an agency's contact sheet,
// a staff member through password and TOTP to the back office, and the forms' answers to bad input.
// Each runs in Arabic (right to left) and in French, with axe on every page and screenshots to look at.
import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/seed/demo-data.ts';
import { agencyPage } from './pages/agency.ts';
import { homePage } from './pages/home.ts';
import {
  description,
  documentLocale,
  errorSummary,
  expectedDocumentLocale,
  hasFocus,
  layout,
} from './pages/layout.ts';
import { signInPage } from './pages/sign-in.ts';
import { signUpPage, verifyEmailPage } from './pages/sign-up.ts';
import { backOfficePage, mySpacePage } from './pages/spaces.ts';
import { type Locale, text } from './pages/text.ts';
import { expectNoSeriousA11yViolations, launchBrowser, newContext, screenshots } from './support/browser.ts';
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

const PASSWORD = 'Correct-Horse-42-Battery';
const other = (locale: Locale): Locale => (locale === 'ar' ? 'fr' : 'ar');

/** What each language's journey uses; the texts the server writes are spelled out, not looked up. */
const CASES = {
  ar: {
    fullName: 'أمينة العلوي',
    mailSubject: 'تأكيد بريدك الإلكتروني — تعمير',
    mailAction: 'تأكيد البريد الإلكتروني',
    agency: 'الوكالة الحضرية للصخيرات-تمارة',
    staff: { email: 'instructeur.aust@demo.taamir.ma', name: 'سناء بنعلي', role: 'مكلف بالدراسة' },
    wrongCredentials: 'بيانات الدخول غير صحيحة',
    weakPassword: 'كلمة المرور ضعيفة',
  },
  fr: {
    fullName: 'Amina Alaoui',
    mailSubject: 'Confirmez votre adresse électronique — Taamir',
    mailAction: "Confirmer l'adresse",
    agency: 'Agence urbaine de Skhirate-Témara',
    staff: { email: 'accueil.aust@demo.taamir.ma', name: 'Hicham Tazi', role: "Guichet d'accueil" },
    wrongCredentials: 'Identifiants incorrects',
    weakPassword: 'Mot de passe trop faible',
  },
} as const;

async function openPage(locale: Locale): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { locale, baseURL: server.baseUrl });
  return { context, page: await context.newPage() };
}

describe.each(['ar', 'fr'] as const)('in %s', (locale) => {
  const c = CASES[locale];

  test('a citizen signs up, confirms the mailed link, signs in, changes language and finds an agency', async () => {
    const { context, page } = await openPage(locale);
    try {
      // Home, in the browser's language
      const home = homePage(page, locale);
      await home.goto();
      expect(await documentLocale(page)).toEqual(expectedDocumentLocale(locale));
      await expectNoSeriousA11yViolations(page, `${locale} home`);
      await screenshots(page, `${locale}-home`);

      // Sign-up
      await layout(page, locale).menuLink('signUp').click();
      const signUp = signUpPage(page, locale);
      await signUp.heading.waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} sign-up`);
      await screenshots(page, `${locale}-sign-up`);
      const email = `citizen.${locale}.${randomBytes(4).toString('hex')}@example.ma`;
      await signUp.fill({ fullName: c.fullName, email, password: PASSWORD });
      await signUp.submit();
      await signUp.confirmation.waitFor();
      expect(await page.getByText(email).count()).toBe(1);

      // The verification mail, over SMTP, in the person's language; its button opens the link
      const mail = await server.waitForMail((m) => m.envelopeTo.includes(email));
      expect(mail.subject).toBe(c.mailSubject);
      expect(mail.html).toContain(`lang="${locale}"`);
      await page.setContent(mail.html || '');
      await page.getByRole('link', { name: c.mailAction, exact: true }).click();
      const verify = verifyEmailPage(page, locale);
      await verify.confirmed.waitFor();
      expect(new URL(page.url()).origin).toBe(server.baseUrl);
      await expectNoSeriousA11yViolations(page, `${locale} e-mail confirmed`);
      await screenshots(page, `${locale}-verify-email`);

      // Sign-in from the confirmation, then "my space"
      await verify.signInLink.click();
      const signIn = signInPage(page, locale);
      await signIn.heading.waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} sign-in`);
      await screenshots(page, `${locale}-sign-in`);
      await signIn.signIn(email, PASSWORD);
      const mySpace = mySpacePage(page, locale);
      await mySpace.heading.waitFor();
      expect(new URL(page.url()).pathname).toBe('/my-space');
      await mySpace.signedInAs(c.fullName).waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} my space`);
      await screenshots(page, `${locale}-my-space`);

      // The language switch changes the document at once, and the choice survives a reload
      const switched = other(locale);
      await layout(page, locale).chooseLanguage(switched);
      expect(await documentLocale(page)).toEqual(expectedDocumentLocale(switched));
      await mySpacePage(page, switched).heading.waitFor();
      expect(await layout(page, switched).languageButton(switched).getAttribute('aria-pressed')).toBe('true');
      await page.reload();
      await mySpacePage(page, switched).heading.waitFor();
      expect(await documentLocale(page)).toEqual(expectedDocumentLocale(switched));
      // …also on the server, so the first paint of the next visit is in the chosen language
      const served = await context.request.get('/my-space');
      expect(await served.text()).toContain(
        `<html lang="${switched}" dir="${expectedDocumentLocale(switched).dir}">`,
      );
      await layout(page, switched).chooseLanguage(locale);
      await mySpace.heading.waitFor();

      // An agency's contact sheet, from the home page's picker
      await layout(page, locale).menuLink('home').click();
      await home.heading.waitFor();
      await home.openAgency(c.agency);
      const agency = agencyPage(page, locale);
      await agency.heading(c.agency).waitFor();
      expect(new URL(page.url()).pathname).toBe('/agencies/AUST');
      const hotlines = await agency.readHotlines();
      expect(hotlines).toHaveLength(6);
      expect(hotlines[0]).toEqual({
        service: text(locale, 'agencies', 'services.switchboard'),
        number: '+212 537-000301',
        href: 'tel:+212537000301',
      });
      expect(hotlines.map((h) => h.service)).toContain(text(locale, 'agencies', 'services.permits'));
      await expectNoSeriousA11yViolations(page, `${locale} agency page`);
      await screenshots(page, `${locale}-agency`);
    } finally {
      await context.close();
    }
  });

  test('a staff member signs in with a password then a TOTP code and reaches the back office', async () => {
    const { context, page } = await openPage(locale);
    try {
      const signIn = signInPage(page, locale);
      await signIn.goto();
      await signIn.signIn(c.staff.email, DEMO_PASSWORD);
      await signIn.mfaHeading.waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} sign-in, code step`);
      await screenshots(page, `${locale}-sign-in-code`);

      const totp = new OTPAuth.TOTP({
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET),
      });
      await signIn.enterCode(totp.generate());
      const backOffice = backOfficePage(page, locale);
      await backOffice.heading.waitFor();
      expect(new URL(page.url()).pathname).toBe('/back-office');
      await backOffice.roleRow(c.agency, c.staff.role).waitFor();
      await layout(page, locale).menuLink('backOffice').waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} back office`);
      await screenshots(page, `${locale}-back-office`);
    } finally {
      await context.close();
    }
  });

  test('a wrong password shows the error summary in the page language and moves focus to it', async () => {
    const { context, page } = await openPage(locale);
    try {
      const signIn = signInPage(page, locale);
      await signIn.goto();
      await signIn.signIn('citoyen@demo.taamir.ma', 'not-the-password-1');
      const summary = errorSummary(page, c.wrongCredentials);
      await summary.waitFor();
      await expect.poll(() => hasFocus(summary)).toBe(true);
      expect(await signIn.heading.count()).toBe(1);
      await expectNoSeriousA11yViolations(page, `${locale} sign-in with an error`);
      await screenshots(page, `${locale}-sign-in-error`);
    } finally {
      await context.close();
    }
  });

  test('a weak password at sign-up is refused with the error on the field', async () => {
    const { context, page } = await openPage(locale);
    try {
      const signUp = signUpPage(page, locale);
      await signUp.goto();
      await signUp.fill({
        fullName: c.fullName,
        email: `weak.${locale}.${randomBytes(4).toString('hex')}@example.ma`,
        password: 'azerty',
      });
      await signUp.submit();
      const summary = errorSummary(page, text(locale, 'common', 'errors.summaryTitle'));
      await summary.waitFor();
      await expect.poll(() => hasFocus(summary)).toBe(true);
      expect(await signUp.password.getAttribute('aria-invalid')).toBe('true');
      expect(await description(signUp.password)).toContain(c.weakPassword);
      // The summary links to the field
      await summary.getByRole('link', { name: new RegExp(c.weakPassword) }).click();
      expect(await hasFocus(signUp.password)).toBe(true);
      expect(await signUp.confirmation.count()).toBe(0);
      await expectNoSeriousA11yViolations(page, `${locale} sign-up with an error`);
      await screenshots(page, `${locale}-sign-up-error`);
    } finally {
      await context.close();
    }
  });
});
