// The sign-up form (citizen or professional) and its confirmation.
import type { Page } from 'playwright-core';
import { pageHeading } from './layout.ts';
import { type Locale, text } from './text.ts';

export function signUpPage(page: Page, locale: Locale) {
  const t = (key: string, vars?: Record<string, string>) => text(locale, 'accounts', `signUp.${key}`, vars);
  const heading = pageHeading(page, t('title'));
  const fullName = page.getByRole('textbox', { name: t('fullName'), exact: true });
  const email = page.getByRole('textbox', { name: t('email'), exact: true });
  const password = page.getByLabel(t('password'), { exact: true });
  return {
    heading,
    fullName,
    email,
    password,
    goto: async () => {
      await page.goto('/sign-up');
      await heading.waitFor();
    },
    fill: async (person: { fullName: string; email: string; password: string }) => {
      await page.getByRole('radio', { name: t('citizen') }).check();
      await fullName.fill(person.fullName);
      await email.fill(person.email);
      await password.fill(person.password);
    },
    submit: () => page.getByRole('button', { name: t('submit'), exact: true }).click(),
    /** "Check your email", shown once the form is accepted. */
    confirmation: pageHeading(page, t('doneTitle')),
  };
}

/** The page a verification link opens. */
export function verifyEmailPage(page: Page, locale: Locale) {
  const t = (key: string) => text(locale, 'accounts', `verify.${key}`);
  return {
    heading: pageHeading(page, t('title')),
    confirmed: page.getByRole('status').filter({ hasText: t('doneTitle') }),
    signInLink: page
      .getByRole('status')
      .getByRole('link', { name: text(locale, 'common', 'nav.signIn'), exact: true }),
  };
}
