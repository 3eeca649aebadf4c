// Sign-in: password, then for staff the six-digit code of their authenticator app.
import type { Page } from 'playwright-core';
import { pageHeading } from './layout.ts';
import { type Locale, text } from './text.ts';

export function signInPage(page: Page, locale: Locale) {
  const t = (key: string) => text(locale, 'accounts', `signIn.${key}`);
  const heading = pageHeading(page, t('title'));
  const mfaHeading = pageHeading(page, t('mfaTitle'));
  return {
    heading,
    mfaHeading,
    goto: async () => {
      await page.goto('/sign-in');
      await heading.waitFor();
    },
    signIn: async (email: string, password: string) => {
      await page.getByRole('textbox', { name: t('email'), exact: true }).fill(email);
      await page.getByLabel(t('password'), { exact: true }).fill(password);
      await page.getByRole('button', { name: t('submit'), exact: true }).click();
    },
    enterCode: async (code: string) => {
      await page.getByRole('textbox', { name: t('mfaCode'), exact: true }).fill(code);
      await page.getByRole('button', { name: t('mfaSubmit'), exact: true }).click();
    },
  };
}
