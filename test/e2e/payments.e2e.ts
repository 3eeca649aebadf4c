// Payments and documents in the browser: a citizen orders agency documents, is shown the fee before
// paying, pays in the sandbox gateway (a test card that succeeds), gets a signed receipt whose QR code
// opens the verification page and verifies the file; then a second order fails with a declined card.
// In Arabic and in French, with axe on every page and screenshots to look at.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { totpCode } from '../../src/accounts/totp.ts';
import { createUser } from '../../src/accounts/use-cases/create-user.ts';
import { TOTP_PURPOSE } from '../../src/accounts/use-cases/sign-in.ts';
import { text as sandboxText } from '../../src/payments/sandbox/pages.ts';
import { seal } from '../../src/platform/security/crypto.ts';
import { DEMO_TOTP_SECRET } from '../../src/seed/demo-data.ts';
import eDocumentCatalogue from '../../web/src/features/e-document/i18n.ts';
import paymentsCatalogue from '../../web/src/features/payments/i18n.ts';
import verifyCatalogue from '../../web/src/features/verify/i18n.ts';
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
const CATALOGUES = { eDocument: eDocumentCatalogue, payments: paymentsCatalogue, verify: verifyCatalogue };

/** A text of this feature's catalogues, `{{name}}` filled; a missing key fails loudly. */
function t(
  locale: Locale,
  namespace: keyof typeof CATALOGUES,
  key: string,
  vars: Record<string, string> = {},
) {
  let node: unknown = CATALOGUES[namespace][locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no ${locale} text for ${namespace}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
}

const NAMES: Record<Locale, string> = { ar: 'خديجة بنسعيد', fr: 'Khadija Bensaid', en: 'Khadija Bensaid' };

/** Decodes the QR code of page 1 of a PDF, as a phone would read the printed document. */
function qrOf(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'taamir-e2e-qr-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', 'doc.pdf', 'page'], {
      cwd: dir,
      stdio: 'ignore',
    });
    const out = execFileSync('zbarimg', ['-q', '--raw', 'page.png'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The e-document form: fills it for `copies` prints of the plan and waits for the fee. */
async function orderPlanPrint(page: Page, locale: Locale, copies: string) {
  const e = (key: string) => t(locale, 'eDocument', key);
  await pageHeading(page, e('title')).waitFor();
  await page.getByRole('combobox', { name: e('agency') }).selectOption('AUST');
  await page.getByRole('radio', { name: e('kinds.plan_print') }).check();
  await page.getByRole('textbox', { name: e('planReference') }).fill("Plan d'aménagement de Témara-centre");
  await page.getByRole('spinbutton', { name: e('copies') }).fill(copies);
  await page.getByRole('radio', { name: e('requesters.individual') }).check();
  const fee = page.getByRole('table', { name: t(locale, 'payments', 'feeTitle') });
  await fee.waitFor();
  return fee;
}

async function payWithCard(page: Page, locale: Locale, card: string) {
  const s = (key: Parameters<typeof sandboxText>[1]) => sandboxText(locale === 'en' ? 'en' : locale, key);
  await page.getByRole('button', { name: t(locale, 'payments', 'pay') }).click();
  await page.waitForURL(/\/sandbox\/cmi\/est3Dgate$/);
  await pageHeading(page, s('title')).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
  await page.getByLabel(s('cardNumber')).fill(card);
  await page.getByLabel(s('expiry')).fill('12/30');
  await page.getByLabel(s('cvv')).fill('123');
  await page.getByLabel(s('holder')).fill(NAMES[locale]);
  return async () => {
    await page.getByRole('button', { name: s('pay') }).click();
    // The bank's page tells the merchant (server to server), then sends the browser back.
    await page.waitForURL(/\/payments\/orders\/[0-9a-f-]+\?return=(ok|fail)$/, { timeout: 20_000 });
  };
}

/** The demo director of AUST signs in (password + TOTP) and revokes a document from the registry page. */
async function revokeInRegistry(locale: Locale, number: string, reason: string) {
  const r = (key: string, vars?: Record<string, string>) => t(locale, 'verify', `registry.${key}`, vars);
  const context = await newContext(browser, { locale, baseURL: server.baseUrl });
  const page = await context.newPage();
  try {
    // A director of AUST of their own: a TOTP code is accepted once, and both languages run in one window.
    const email = `director.${locale}.${randomBytes(4).toString('hex')}@example.ma`;
    await createUser(
      server.platform,
      { actor: { kind: 'system', label: 'e2e' } },
      {
        email,
        fullName: locale === 'ar' ? 'كريم العلوي' : 'Karim Alaoui',
        password: PASSWORD,
        locale,
        organizationCode: 'AUST',
        role: 'director',
        totpSecretEnc: seal(server.platform.config.secrets.secretKey, DEMO_TOTP_SECRET, TOTP_PURPOSE),
      },
    );
    const signIn = signInPage(page, locale);
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    await signIn.mfaHeading.waitFor();
    await signIn.enterCode(totpCode(DEMO_TOTP_SECRET, new Date()));
    await page.waitForURL(/\/back-office/);
    await page.goto('/back-office/documents');
    await pageHeading(page, r('title')).waitFor();
    await page.getByRole('textbox', { name: r('search') }).fill(number);
    await page.getByRole('button', { name: r('find'), exact: true }).click();
    await page.getByRole('button', { name: `${r('revoke')} ${number}` }).click();
    await page.getByRole('textbox', { name: r('reason') }).fill(reason);
    await expectNoSeriousA11yViolations(page, `${locale} registry, revocation form`);
    await screenshots(page, `${locale}-registry-revoke`);
    await page.getByRole('button', { name: r('revoke'), exact: true }).click();
    await page.getByText(r('revokeDone', { number }), { exact: true }).waitFor();
    // The finance page of the same agency: orders, the day's reconciliation and its CSV.
    await page.getByRole('link', { name: r('financeLink') }).click();
    await pageHeading(page, t(locale, 'payments', 'financeTitle')).waitFor();
    await page.getByRole('link', { name: t(locale, 'payments', 'downloadCsv') }).waitFor();
    await expectNoSeriousA11yViolations(page, `${locale} finance page`);
    await screenshots(page, `${locale}-finance`);
  } finally {
    await context.close();
  }
}

describe.each(['ar', 'fr'] as const)('in %s', (locale) => {
  test('a citizen is shown the fee, pays in the sandbox, gets a receipt whose QR code verifies, then a card fails', async () => {
    const email = `payer.${locale}.${randomBytes(4).toString('hex')}@example.ma`;
    await createUser(
      server.platform,
      { actor: { kind: 'system', label: 'e2e' } },
      { email, fullName: NAMES[locale], password: PASSWORD, locale },
    );
    const context = await newContext(browser, { locale, baseURL: server.baseUrl });
    const page = await context.newPage();
    try {
      const signIn = signInPage(page, locale);
      await signIn.goto();
      await signIn.signIn(email, PASSWORD);
      await page.waitForURL(/\/my-space/);

      // The service, from the home page's catalogue.
      await page.goto('/');
      await page
        .getByRole('link', { name: text(locale, 'home', 'services.eDocument.title'), exact: true })
        .click();
      const fee = await orderPlanPrint(page, locale, '2');
      // The fee is shown before anything is paid: 2 prints × 250.00 MAD.
      await expect.poll(async () => (await fee.locator('tfoot').textContent()) ?? '').toMatch(/500[,.]00/);
      await expectNoSeriousA11yViolations(page, `${locale} e-document order form`);
      await screenshots(page, `${locale}-e-document-form`);

      await page.getByRole('button', { name: t(locale, 'eDocument', 'submit') }).click();
      await page.waitForURL(/\/e-document\/[0-9a-f-]+$/);
      await page.getByRole('button', { name: t(locale, 'payments', 'pay') }).waitFor();
      expect(await page.getByText(/500[,.]00/).count()).toBeGreaterThan(0);
      await expectNoSeriousA11yViolations(page, `${locale} e-document order awaiting payment`);
      await screenshots(page, `${locale}-e-document-awaiting-payment`);

      // The sandbox gateway: the card page, in the payer's language.
      const submitCard = await payWithCard(page, locale, '4000000000000010');
      await expectNoSeriousA11yViolations(page, `${locale} sandbox card page`);
      await screenshots(page, `${locale}-sandbox-card`);
      await submitCard();
      expect(new URL(page.url()).searchParams.get('return')).toBe('ok');
      await page.getByText(t(locale, 'payments', 'returnOk'), { exact: true }).waitFor();
      const receiptLink = page.getByRole('link', { name: t(locale, 'payments', 'download') });
      await receiptLink.waitFor({ timeout: 20_000 });
      await expectNoSeriousA11yViolations(page, `${locale} order paid`);
      await screenshots(page, `${locale}-order-paid`);

      // The receipt: signed PDF, its QR code leads to the verification page.
      const href = await receiptLink.getAttribute('href');
      const receiptNumber = (await receiptLink.getAttribute('download'))!.replace(/\.pdf$/, '');
      const pdf = Buffer.from(await (await context.request.get(href!)).body());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const [url] = qrOf(pdf);
      expect(url).toMatch(
        new RegExp(`^${server.baseUrl}/verify/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$`),
      );
      const mail = await server.waitForMail(
        (m) => m.envelopeTo.includes(email) && Boolean(m.text?.includes(url!)),
      );
      expect(mail.attachments[0]?.content.equals(pdf)).toBe(true);

      await page.goto(url!);
      const v = (key: string, vars?: Record<string, string>) => t(locale, 'verify', key, vars);
      await page.getByText(v('status.valid'), { exact: true }).first().waitFor();
      await page
        .getByRole('heading', { level: 1 })
        .filter({ hasText: /AUST-RECU-\d{4}-\d{6}/ })
        .waitFor();
      await page
        .getByLabel(v('fileLabel'))
        .setInputFiles({ name: 'recu.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByText(v('result.match'), { exact: true }).waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} verification page`);
      await screenshots(page, `${locale}-verify-receipt`);
      // One byte different: the page says the file was altered.
      const altered = Buffer.from(pdf);
      const at = altered.indexOf('stream\n', 1000) + 30;
      altered[at] = altered[at]! ^ 0x01;
      await page
        .getByLabel(v('fileLabel'))
        .setInputFiles({ name: 'recu.pdf', mimeType: 'application/pdf', buffer: altered });
      await page.getByText(v('result.mismatch'), { exact: true }).waitFor();
      await screenshots(page, `${locale}-verify-altered`);

      // The agency's director revokes the receipt (a signed act): its page then says so.
      await revokeInRegistry(locale, receiptNumber, 'Paiement annulé à la demande du payeur (test).');
      await page.reload();
      await page.getByText(v('status.revoked'), { exact: true }).first().waitFor();
      await page
        .getByText(v('reason', { reason: 'Paiement annulé à la demande du payeur (test).' }))
        .waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} revoked document`);
      await screenshots(page, `${locale}-verify-revoked`);
      // An unknown code, then the page to type one.
      await page.goto('/verify/ABCD-EFGH-JKLM');
      await page.getByRole('alert').or(page.locator('.notice.error')).first().waitFor();
      await page.goto('/verify');
      await pageHeading(page, v('title')).waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} verification start`);
      await screenshots(page, `${locale}-verify-start`);

      // A second order, and a card the bank declines: nothing is charged, the order can be paid again.
      await page.goto('/e-document');
      await orderPlanPrint(page, locale, '1');
      await page.getByRole('button', { name: t(locale, 'eDocument', 'submit') }).click();
      await page.waitForURL(/\/e-document\/[0-9a-f-]+$/);
      const submitDeclined = await payWithCard(page, locale, '4000000000000002');
      await submitDeclined();
      expect(new URL(page.url()).searchParams.get('return')).toBe('fail');
      await page.getByText(t(locale, 'payments', 'returnFail'), { exact: true }).waitFor();
      await page.getByRole('button', { name: t(locale, 'payments', 'pay') }).waitFor();
      await expectNoSeriousA11yViolations(page, `${locale} payment declined`);
      await screenshots(page, `${locale}-order-declined`);
    } finally {
      await context.close();
    }
  });
});
