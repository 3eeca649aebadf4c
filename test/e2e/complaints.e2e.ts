// E-complaints in the browser, in Arabic and in French: a visitor without an account files a complaint
// with a photo and a point on the map (confirming their e-mail address with a mailed code), tracks it
// on the public page; an agent triages it and answers with a template; the visitor reads the answer on
// their private page and by mail. Then the staff's statistics, settings and Open311 keys. Axe on every
// page, screenshots at desktop and phone widths.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { totpCode } from '../../src/accounts/totp.ts';
import { createUser } from '../../src/accounts/use-cases/create-user.ts';
import { TOTP_PURPOSE } from '../../src/accounts/use-cases/sign-in.ts';
import { seal } from '../../src/platform/security/crypto.ts';
import { complaintText, filingPage, staffComplaintPages, trackPage } from './pages/complaints.ts';
import { layout, pageHeading } from './pages/layout.ts';
import { signInPage } from './pages/sign-in.ts';
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
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';
/** A real 1×1 PNG: the server sniffs types from content. */
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a5e40000000049454e44ae426082',
  'hex',
);

const CASES = {
  ar: {
    category: 'بناء بدون ترخيص أو مخالف له',
    stage: 'مرحلة الأشغال',
    description: 'يقوم الجار بإضافة طابق ثالث بدون رخصة في زنقة البرتقال بتمارة.',
    address: 'زنقة البرتقال، تمارة',
    name: 'أمينة العلوي',
    staffName: 'سناء بنعلي',
    template: 'معاينة ومحضر مخالفة',
    codeSubject: /رمز التأكيد: (\d{6})/,
    received: 'متوصل بها',
    answered: 'تم الجواب',
    answerSubject: (ref: string) => `شكايتكم ${ref}: تم الجواب`,
  },
  fr: {
    category: 'Construction sans autorisation ou non conforme',
    stage: 'Stade des travaux',
    description: 'Mon voisin ajoute un troisième étage sans autorisation, rue des Orangers à Témara.',
    address: 'Rue des Orangers, Témara',
    name: 'Amina Alaoui',
    staffName: 'Karim Haddad',
    template: 'Constat et procès-verbal',
    codeSubject: /Code de confirmation : (\d{6})/,
    received: 'Reçue',
    answered: 'Réponse donnée',
    answerSubject: (ref: string) => `Votre réclamation ${ref} : Réponse donnée`,
  },
} as const;

async function openPage(locale: Locale): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { locale, baseURL: server.baseUrl });
  return { context, page: await context.newPage() };
}

/** A director of AUST (triage, answer, statistics, settings, keys) in the journey's language. */
async function staffMember(locale: Locale) {
  const email = `agent.${randomBytes(4).toString('hex')}@example.ma`;
  await createUser(
    server.platform,
    { actor: { kind: 'system', label: 'e2e' } },
    {
      email,
      fullName: CASES[locale as 'ar' | 'fr'].staffName,
      password: PASSWORD,
      locale,
      organizationCode: 'AUST',
      role: 'director',
      totpSecretEnc: seal(server.platform.config.secrets.secretKey, SECRET, TOTP_PURPOSE),
    },
  );
  return email;
}

async function signInStaff(page: Page, locale: Locale, email: string) {
  const signIn = signInPage(page, locale);
  await signIn.goto();
  await signIn.signIn(email, PASSWORD);
  await signIn.mfaHeading.waitFor();
  await signIn.enterCode(totpCode(SECRET, new Date()));
  await pageHeading(page, text(locale, 'backOffice', 'title')).waitFor();
}

describe.each(['ar', 'fr'] as const)('in %s', (locale) => {
  const c = CASES[locale];
  const t = (key: string, vars?: Record<string, string | number>) => complaintText(locale, key, vars);
  const email = `visitor.${locale}.${randomBytes(3).toString('hex')}@example.ma`;
  let reference = '';
  let privateUrl = '';

  test('a visitor files a complaint with a photo and a map point, then tracks it', async () => {
    const { context, page } = await openPage(locale);
    try {
      // From the home page's service card to the filing form.
      await page.goto('/');
      await page
        .getByRole('link', { name: text(locale, 'home', 'services.eComplaint.title'), exact: true })
        .click();
      await pageHeading(page, t('title')).waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} complaints home`);
      await screenshots(page, `${locale}-complaints-home`);
      await page.getByRole('link', { name: t('home.fileButton'), exact: true }).click();

      const form = filingPage(page, locale);
      await form.heading.waitFor();
      await form.chooseAgency('AUST');
      await form.chooseCategory(c.category);
      await form.answerList(c.stage, 'structure');
      await form.describe(c.description);
      await form.address(c.address);
      await form.showMap();
      await form.clickMap();
      await expect.poll(() => form.latitude.inputValue()).not.toBe('');
      const latitude = Number(await form.latitude.inputValue());
      const longitude = Number(await form.longitude.inputValue());
      expect(latitude).toBeGreaterThan(33.5);
      expect(latitude).toBeLessThan(34.2);
      expect(longitude).toBeGreaterThan(-7.3);
      expect(longitude).toBeLessThan(-6.5);
      await form.attach({ name: 'chantier.png', mimeType: 'image/png', buffer: PHOTO });
      await page.getByText('chantier.png', { exact: true }).waitFor();

      // The contact, confirmed by a code sent by mail.
      await form.name(c.name);
      await form.email(email);
      await form.sendCode();
      const codeMail = await server.waitForMail(
        (m) => m.envelopeTo.includes(email) && c.codeSubject.test(m.subject ?? ''),
      );
      const code = c.codeSubject.exec(codeMail.subject ?? '')![1]!;
      await form.code(code);
      await expectNoSeriousA11yViolations(page, `${locale} filing form`);
      await screenshots(page, `${locale}-complaint-form`);
      await form.confirmCode();
      await form.verified.waitFor();

      await form.submit();
      await form.confirmation.waitFor();
      reference = (await form.reference.textContent())!.trim();
      expect(reference).toMatch(/^AUST-RECL-2026-\d{6}$|^AUST-RECL-\d{4}-\d{6}$/);
      privateUrl = (await form.privateLink.getAttribute('href'))!;
      expect(privateUrl).toMatch(/^\/complaints\/follow#[A-Za-z0-9_-]{24,}$/);
      await expectNoSeriousA11yViolations(page, `${locale} complaint filed`);
      await screenshots(page, `${locale}-complaint-filed`);
      const receipt = await server.waitForMail(
        (m) =>
          m.envelopeTo.includes(email) &&
          (m.subject ?? '').includes(reference) &&
          (m.text ?? '').includes('/complaints/follow#'),
      );
      expect(receipt.html).toContain(`lang="${locale}"`);

      // Tracked by its number on the public page: no personal data.
      const track = trackPage(page, locale);
      await track.goto();
      await track.track(reference);
      await track.heading(reference).waitFor();
      await page.getByText(c.received, { exact: true }).first().waitFor();
      const body = await page.locator('main').textContent();
      expect(body).not.toContain(email);
      expect(body).not.toContain(c.name);
      expect(body).not.toContain('chantier.png');
      await expectNoSeriousA11yViolations(page, `${locale} public status page`);
      await screenshots(page, `${locale}-complaint-public`);
    } finally {
      await context.close();
    }
  });

  test('an agent triages and answers with a template; the visitor reads the answer', async () => {
    const staffEmail = await staffMember(locale);
    const { context, page } = await openPage(locale);
    try {
      await signInStaff(page, locale, staffEmail);
      await page.goto('/back-office/complaints');
      const staff = staffComplaintPages(page, locale);
      await staff.queueHeading.waitFor();
      await page.getByRole('link', { name: reference, exact: true }).waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} complaints queue`);
      await screenshots(page, `${locale}-complaints-queue`);
      await staff.open(reference);
      await pageHeading(page, reference).waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} staff complaint page`);
      await screenshots(page, `${locale}-complaint-staff`);

      await staff.priority('high');
      await staff.unit(t('units.control'));
      await staff.triage();
      await staff.saved.waitFor();
      await staff.answerText.waitFor();
      await staff.templateLanguage(locale);
      await staff.template(c.template);
      await expect.poll(() => staff.answerText.inputValue()).toContain(reference);
      const answer = await staff.answerText.inputValue();
      await staff.answer();
      await page.getByText(c.answered, { exact: true }).first().waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} staff complaint answered`);
      await screenshots(page, `${locale}-complaint-staff-answered`);

      // The visitor is told, and reads the answer on the private page.
      const mail = await server.waitForMail(
        (m) => m.envelopeTo.includes(email) && m.subject === c.answerSubject(reference),
      );
      expect(mail.text).toContain(answer.slice(0, 40));
      const visitor = await openPage(locale);
      try {
        await visitor.page.goto(privateUrl);
        await pageHeading(visitor.page, reference).waitFor();
        const answerRegion = trackPage(visitor.page, locale).answer;
        await answerRegion.waitFor();
        expect(await answerRegion.textContent()).toContain(answer.slice(0, 40));
        await visitor.page.getByRole('button', { name: t('follow.close'), exact: true }).waitFor();
        await expectNoSeriousA11yViolations(visitor.page, `${locale} private complaint page`);
        await screenshots(visitor.page, `${locale}-complaint-private`);
      } finally {
        await visitor.context.close();
      }

      // The staff's other pages.
      for (const [path, heading, name] of [
        ['/back-office/complaints/stats', t('stats.title'), 'complaint-stats'],
        ['/back-office/complaints/settings', t('settings.title'), 'complaint-settings'],
        ['/back-office/complaints/open311-keys', t('keys.title'), 'complaint-keys'],
      ] as const) {
        await page.goto(path);
        await pageHeading(page, heading).waitFor();
        if (name === 'complaint-stats') await page.getByRole('table').first().waitFor();
        if (name === 'complaint-keys') {
          // An Open311 key issued in the web works at once for a partner system.
          await page.getByRole('textbox', { name: t('keys.name'), exact: true }).fill('Commune de Témara');
          await page.getByRole('button', { name: t('keys.issue'), exact: true }).click();
          const key = (await page.getByTestId('issued-key').textContent())?.trim() ?? '';
          expect(key).toMatch(/^tmr_/);
          const services = await page.request.get(
            `/open311/v2/services.json?api_key=${encodeURIComponent(key)}`,
          );
          expect(services.status()).toBe(200);
          expect(JSON.stringify(await services.json())).toContain('unauthorised_building');
          await page.getByRole('rowheader', { name: 'Commune de Témara', exact: true }).first().waitFor();
        }
        await expectNoSeriousA11yViolations(page, `${locale} ${name}`);
        await screenshots(page, `${locale}-${name}`);
      }
      await layout(page, locale).menuLink('backOffice').waitFor();
    } finally {
      await context.close();
    }
  });
});
