// The proof procedure end to end in the browser: a citizen files a general information request with
// an attachment and sees the legal clock; an agent takes it from the work queue and answers; the
// citizen reads the answer and receives it by mail. In Arabic and in French, with axe on each page.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { totpCode } from '../../src/accounts/totp.ts';
import { createUser } from '../../src/accounts/use-cases/create-user.ts';
import { TOTP_PURPOSE } from '../../src/accounts/use-cases/sign-in.ts';
import { seal } from '../../src/platform/security/crypto.ts';
import { INFORMATION_REQUEST as INFO } from '../../src/services/information-request/procedure.ts';
import { applicantCasePage, procedurePage, staffCasePage } from './pages/cases.ts';
import { pageHeading } from './pages/layout.ts';
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
const STAFF_NAME: Record<Locale, string> = { ar: 'نادية الشرايبي', fr: 'Nadia Chraibi', en: 'Nadia Chraibi' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const CASES = {
  ar: {
    agency: 'الوكالة الحضرية للصخيرات-تمارة',
    subject: 'العلو المسموح به',
    question: 'ما هو العلو المسموح به للبناء في زنقة البرتقال بتمارة؟',
    answer: 'تسمح المنطقة B4 ببناء طابق أرضي وأربعة طوابق، أي 16 متراً.',
  },
  fr: {
    agency: 'Agence urbaine de Skhirate-Témara',
    subject: 'Hauteur autorisée',
    question: 'Quelle hauteur est permise rue des Orangers à Témara ?',
    answer: 'La zone B4 permet un rez-de-chaussée et quatre étages, soit 16 mètres.',
  },
} as const;

async function person(kind: 'citizen' | 'staff', locale: Locale) {
  const email = `${kind}.${randomBytes(4).toString('hex')}@example.ma`;
  await createUser(
    server.platform,
    { actor: { kind: 'system', label: 'e2e' } },
    {
      email,
      fullName:
        kind === 'citizen' ? (locale === 'ar' ? 'يوسف المنصوري' : 'Youssef Mansouri') : STAFF_NAME[locale],
      password: PASSWORD,
      locale,
      ...(kind === 'staff'
        ? {
            organizationCode: 'AUST',
            role: 'instructor' as const,
            totpSecretEnc: seal(server.platform.config.secrets.secretKey, SECRET, TOTP_PURPOSE),
          }
        : {}),
    },
  );
  return email;
}

async function signedIn(
  locale: Locale,
  email: string,
  staff: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { locale, baseURL: server.baseUrl });
  const page = await context.newPage();
  const signIn = signInPage(page, locale);
  await signIn.goto();
  await signIn.signIn(email, PASSWORD);
  if (staff) {
    await signIn.mfaHeading.waitFor();
    await signIn.enterCode(totpCode(SECRET, new Date()));
  }
  await page.waitForURL(staff ? /\/back-office/ : /\/my-space/);
  return { context, page };
}

describe.each(['ar', 'fr'] as const)('in %s', (locale) => {
  const c = CASES[locale];
  const t = (key: string, vars?: Record<string, string | number>) => text(locale, 'cases', key, vars);
  const field = (key: string) => INFO.fields.find((f) => f.key === key)!.label[locale];
  const transition = (key: string) => INFO.transitions.find((x) => x.key === key)!.label[locale];
  const state = (key: string) => INFO.states[key]!.label[locale];

  test('a citizen files a request with an attachment, an agent answers it, the citizen reads the answer', async () => {
    const citizenEmail = await person('citizen', locale);
    const staffEmail = await person('staff', locale);

    // The citizen
    const citizen = await signedIn(locale, citizenEmail, false);
    const proc = procedurePage(citizen.page, locale, INFO.name);
    await proc.goto('INFO');
    await expectNoSeriousA11yViolations(citizen.page, `${locale} procedure page`);
    await proc.start(c.agency);
    const draft = applicantCasePage(citizen.page, locale);
    await pageHeading(citizen.page, INFO.name[locale]).waitFor();
    await draft.fill(field('subject'), c.subject);
    await draft.choose(
      field('topic'),
      INFO.fields.find((f) => f.key === 'topic')!.options![0]!.label[locale],
    );
    await draft.fill(field('question'), c.question);
    await citizen.page.waitForTimeout(900);
    await draft.saved.waitFor();
    await draft.attach(INFO.checklist[0]!.label[locale], {
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await citizen.page.getByRole('link', { name: t('download', { filename: 'plan.pdf' }) }).waitFor();
    await expectNoSeriousA11yViolations(citizen.page, `${locale} draft`);
    await screenshots(citizen.page, `${locale}-info-draft`);

    // Drafts resume anywhere: reload and the answers are still there.
    await citizen.page.reload();
    await expect
      .poll(() => citizen.page.getByLabel(field('subject'), { exact: true }).inputValue())
      .toBe(c.subject);

    await draft.act(transition('deposit'));
    await draft.stateIs(state('deposited')).waitFor();
    const reference = (await draft.reference())!.trim();
    expect(reference).toMatch(/^AUST-INFO-\d{4}-\d{6}$/);
    // The legal clock in words: 20 working days.
    const plural = new Intl.PluralRules(locale).select(20);
    await citizen.page
      .getByText(t(`clock.left_working_${plural}`, { count: 20 }), { exact: true })
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(citizen.page, `${locale} deposited case`);
    await screenshots(citizen.page, `${locale}-info-deposited`);

    // The agent, from the work queue
    const staff = await signedIn(locale, staffEmail, true);
    await staff.page.getByRole('link', { name: reference, exact: true }).click();
    await pageHeading(staff.page, INFO.name[locale]).waitFor();
    await expectNoSeriousA11yViolations(staff.page, `${locale} staff case`);
    const desk = staffCasePage(staff.page);
    await desk.openAction(transition('assign'));
    const assignForm = desk.form(transition('assign'));
    await assignForm.getByRole('combobox').selectOption({ label: STAFF_NAME[locale] });
    await assignForm.getByRole('button', { name: t('confirm'), exact: true }).click();
    await staff.page.getByText(state('in_progress'), { exact: true }).first().waitFor();
    await desk.openAction(transition('answer'));
    const answerForm = desk.form(transition('answer'));
    await answerForm.getByRole('textbox').fill(c.answer);
    await answerForm.getByRole('button', { name: t('confirm'), exact: true }).click();
    await staff.page.getByText(state('answered'), { exact: true }).first().waitFor();
    await staff.page
      .getByText(text(locale, 'backOffice', 'assignedTo', { name: STAFF_NAME[locale] }), { exact: true })
      .waitFor();
    await screenshots(staff.page, `${locale}-info-staff-answered`);
    await staff.context.close();

    // The citizen reads the answer, and has it by mail too.
    await citizen.page.reload();
    await citizen.page.getByText(c.answer).first().waitFor();
    await expectNoSeriousA11yViolations(citizen.page, `${locale} answered case`);
    await screenshots(citizen.page, `${locale}-info-answered`);
    const mail = await server.waitForMail(
      (m) => m.envelopeTo.includes(citizenEmail) && (m.text ?? '').includes(c.answer),
      20_000,
    );
    expect(mail.subject).toContain(reference);
    await citizen.context.close();
  });
});
