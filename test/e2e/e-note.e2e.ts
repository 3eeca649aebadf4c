// The information note end to end in the browser, in Arabic and in French: a citizen requests a note
// for a demo parcel (checked land title, parcel from the agency's register, documents), pays in the
// sandbox gateway; the outbox drafts it from the demo plans; an instructor reviews the automatic
// draft (an observation, the diff) and sends it for signature; the director signs it from the
// signing list; the citizen downloads the PDF. Then `pdfsig` validates it and `zbarimg` reads its QR
// code to a /verify/… page that says valid. axe on every page, screenshots at desktop and phone width.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { totpCode } from '../../src/accounts/totp.ts';
import { createUser } from '../../src/accounts/use-cases/create-user.ts';
import { TOTP_PURPOSE } from '../../src/accounts/use-cases/sign-in.ts';
import { pdfsig, signatureReports, zbarPdfPage } from '../../src/documents/test-tools.ts';
import { loadDemoPlans } from '../../src/geo/demo-plans.ts';
import { text as sandboxText } from '../../src/payments/sandbox/pages.ts';
import { seal } from '../../src/platform/security/crypto.ts';
import type { Role } from '../../src/platform/tenancy/roles.ts';
import { ENoteProblems } from '../../src/services/e-note/problems.ts';
import { E_NOTE } from '../../src/services/e-note/procedure.ts';
import paymentsCatalogue from '../../web/src/features/payments/i18n.ts';
import verifyCatalogue from '../../web/src/features/verify/i18n.ts';
import { eNoteDesk, eNoteRequest } from './pages/e-note.ts';
import { pageHeading } from './pages/layout.ts';
import { signInPage } from './pages/sign-in.ts';
import { type Locale, text } from './pages/text.ts';
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

const PASSWORD = 'Correct-Horse-42-Battery';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const OUT = path.resolve('test-results/e-note');
const NAMES: Record<Locale, { citizen: string; instructor: string; director: string }> = {
  ar: { citizen: 'خديجة بنسعيد', instructor: 'نادية الشرايبي', director: 'عمر العلوي' },
  fr: { citizen: 'Khadija Bensaid', instructor: 'Nadia Chraibi', director: 'Omar Alaoui' },
  en: { citizen: 'Khadija Bensaid', instructor: 'Nadia Chraibi', director: 'Omar Alaoui' },
};
const OBSERVATION = {
  fr: "La partie réservée à l'école (EP 2) ne peut recevoir aucune construction privée.",
  ar: 'الجزء المخصص للمدرسة (EP 2) لا يقبل أي بناء خاص.',
};

const catalogue = { payments: paymentsCatalogue, verify: verifyCatalogue };
function t2(locale: Locale, ns: keyof typeof catalogue, key: string) {
  let node: unknown = catalogue[ns][locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no ${locale} text for ${ns}:${key}`);
  return node;
}

async function person(locale: Locale, who: 'citizen' | 'instructor' | 'director') {
  const email = `${who}.${locale}.${randomBytes(4).toString('hex')}@example.ma`;
  await createUser(
    server.platform,
    { actor: { kind: 'system', label: 'e2e' } },
    {
      email,
      fullName: NAMES[locale][who],
      password: PASSWORD,
      locale,
      ...(who === 'citizen'
        ? {}
        : {
            organizationCode: 'AUC',
            role: who as Role,
            totpSecretEnc: seal(server.platform.config.secrets.secretKey, SECRET, TOTP_PURPOSE),
          }),
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

async function payInSandbox(page: Page, locale: Locale) {
  const s = (key: Parameters<typeof sandboxText>[1]) => sandboxText(locale === 'en' ? 'en' : locale, key);
  await page.getByRole('button', { name: t2(locale, 'payments', 'pay'), exact: true }).click();
  await page.waitForURL(/\/sandbox\/cmi\/est3Dgate$/);
  await pageHeading(page, s('title')).waitFor();
  await page.getByLabel(s('cardNumber')).fill('4000000000000010');
  await page.getByLabel(s('expiry')).fill('12/30');
  await page.getByLabel(s('cvv')).fill('123');
  await page.getByLabel(s('holder')).fill(NAMES[locale].citizen);
  await page.getByRole('button', { name: s('pay') }).click();
  await page.waitForURL(/\/payments\/orders\/[0-9a-f-]+\?return=ok$/, { timeout: 20_000 });
}

describe.each(['ar', 'fr'] as const)('in %s', (locale) => {
  const label = (code: string) => E_NOTE.checklist.find((i) => i.code === code)!.label[locale];
  const state = (key: string) => E_NOTE.states[key]!.label[locale];

  test('a citizen gets a signed note for a demo parcel: request, payment, automatic draft, review, signature, download', async () => {
    const [citizenEmail, instructorEmail, directorEmail] = await Promise.all([
      person(locale, 'citizen'),
      person(locale, 'instructor'),
      person(locale, 'director'),
    ]);

    // The citizen, from the home page's catalogue.
    const citizen = await signedIn(locale, citizenEmail, false);
    const request = eNoteRequest(citizen.page, locale);
    await citizen.page.goto('/');
    await citizen.page
      .getByRole('link', { name: text(locale, 'home', 'services.eNote.title'), exact: true })
      .click();
    await pageHeading(citizen.page, request.t('title')).waitFor();
    await expectNoSeriousA11yViolations(citizen.page, `${locale} e-note service page`);
    await screenshots(citizen.page, `${locale}-enote-service`);
    await request.start('AUC');
    const caseId = request.caseId();

    // A wrong land-title number is explained, then the demo title is found in the register.
    await request.checkTitle('31457');
    await citizen.page
      .getByText(ENoteProblems['enote.land_title_missing_suffix'].title[locale], { exact: true })
      .waitFor();
    await request.checkTitle('31457/C');
    await citizen.page.getByText(request.t('land.inRegister', { area: 667 }), { exact: true }).waitFor();
    await request.useRegisterParcel();
    await citizen.page
      .getByText(/^66[67]([,.٫]\d+)? m²$/)
      .first()
      .waitFor();
    for (const code of ['id_card', 'land_certificate', 'cadastral_plan'])
      await request.attach(label(code), { name: `${code}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await citizen.page.getByRole('table', { name: request.t('fee.amount') }).waitFor();
    expect(await citizen.page.getByText(/250[,.]00/).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(citizen.page, `${locale} e-note draft`);
    await screenshots(citizen.page, `${locale}-enote-draft`);

    await request.deposit();
    await request.stateIs(state('awaiting_payment')).waitFor();
    await expectNoSeriousA11yViolations(citizen.page, `${locale} e-note awaiting payment`);
    await screenshots(citizen.page, `${locale}-enote-awaiting-payment`);
    await payInSandbox(citizen.page, locale);
    const reference = (
      (await (await citizen.context.request.get(`/api/cases/${caseId}`)).json()) as { reference: string }
    ).reference;
    expect(reference).toMatch(/^AUC-NRU-\d{4}-\d{6}$/);

    // The outbox drafts the note from the plans; the case goes to review.
    // The page follows the case by itself: no reload.
    await citizen.page.goto(`/e-note/${caseId}`);
    await request.stateIs(state('review')).waitFor({ timeout: 90_000 });
    await expectNoSeriousA11yViolations(citizen.page, `${locale} e-note under review`);
    await screenshots(citizen.page, `${locale}-enote-review-citizen`);

    // The instructor reviews the automatic draft.
    const instructor = await signedIn(locale, instructorEmail, true);
    const desk = eNoteDesk(instructor.page, locale);
    await desk.goto('queue');
    await expectNoSeriousA11yViolations(instructor.page, `${locale} e-note desk`);
    await screenshots(instructor.page, `${locale}-enote-desk`);
    await desk.open(reference);
    await instructor.page.getByRole('table', { name: desk.t('review.zones') }).waitFor();
    for (const zone of ['B6', 'EQ', 'D1'])
      await instructor.page.getByRole('rowheader', { name: zone }).first().waitFor();
    await desk.addObservation(OBSERVATION);
    await instructor.page.getByRole('heading', { name: desk.t('review.diff'), exact: true }).waitFor();
    await instructor.page.locator('.enote-diff ins').first().waitFor();
    await expectNoSeriousA11yViolations(instructor.page, `${locale} e-note review`);
    await screenshots(instructor.page, `${locale}-enote-review`);
    await desk.submit();
    await instructor.page.getByText(state('signature'), { exact: true }).first().waitFor();
    await instructor.context.close();

    // The director signs it from the signing list.
    const director = await signedIn(locale, directorEmail, true);
    const signing = eNoteDesk(director.page, locale);
    await signing.goto('sign');
    await director.page.getByRole('link', { name: reference, exact: true }).waitFor();
    await expectNoSeriousA11yViolations(director.page, `${locale} e-note signing list`);
    await screenshots(director.page, `${locale}-enote-sign-list`);
    await signing.signSelected(reference);
    await expectNoSeriousA11yViolations(director.page, `${locale} e-note signed`);
    await screenshots(director.page, `${locale}-enote-signed`);
    await signing.goto('stats');
    await director.page.getByRole('table', { name: signing.t('staff.stats.caption') }).waitFor();
    await expectNoSeriousA11yViolations(director.page, `${locale} e-note statistics`);
    await screenshots(director.page, `${locale}-enote-stats`);
    await director.context.close();

    // The citizen downloads the signed note.
    await citizen.page.goto(`/e-note/${caseId}`);
    await request.noteLink().waitFor({ timeout: 30_000 });
    await request.stateIs(state('delivered')).waitFor();
    await expectNoSeriousA11yViolations(citizen.page, `${locale} e-note delivered`);
    await screenshots(citizen.page, `${locale}-enote-delivered`);
    const href = await request.noteLink().getAttribute('href');
    const pdf = Buffer.from(await (await citizen.context.request.get(href!)).body());
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, `e2e-${locale}-${reference}.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const signatures = signatureReports(pdfsig(pdf));
    expect(signatures).toHaveLength(3);
    for (const s of signatures) expect(s).toContain('Signature is Valid.');
    const [url] = zbarPdfPage(pdf, { dpi: 150 });
    expect(url).toMatch(
      new RegExp(`^${server.baseUrl}/verify/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$`),
    );
    await citizen.page.goto(url!);
    await citizen.page
      .getByText(t2(locale, 'verify', 'status.valid'), { exact: true })
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(citizen.page, `${locale} verification of the note`);
    await screenshots(citizen.page, `${locale}-enote-verify`);
    // Mailed with the PDF attached.
    const mail = await server.waitForMail(
      (m) => m.envelopeTo.includes(citizenEmail) && m.attachments.some((a) => a.content.equals(pdf)),
      20_000,
    );
    expect(mail.attachments[0]?.contentType).toBe('application/pdf');
    await citizen.context.close();
  }, 300_000);
});
