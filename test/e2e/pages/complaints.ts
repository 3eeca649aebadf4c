// E-complaint pages as people meet them: filing (with the contact code and the map), the confirmation,
// the public status page, the private page, and the staff's queue and complaint page. Words come from
// the web app's own catalogue, in the page's language.
import type { Page } from 'playwright-core';
import catalogue from '../../../web/src/features/complaints/i18n.ts';
import { pageHeading } from './layout.ts';
import type { Locale } from './text.ts';

/** `t('ar', 'new.title')`, with `{{name}}` filled from vars; a key missing in a language fails loudly. */
export function complaintText(
  locale: Locale,
  key: string,
  vars: Record<string, string | number> = {},
): string {
  let node: unknown = catalogue[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no ${locale} text for complaints:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

export function filingPage(page: Page, locale: Locale) {
  const t = (key: string, vars?: Record<string, string | number>) => complaintText(locale, key, vars);
  const map = page.getByTestId('complaint-map');
  return {
    heading: pageHeading(page, t('new.title')),
    chooseAgency: (code: string) =>
      page.getByRole('combobox', { name: t('new.agency'), exact: true }).selectOption(code),
    /** A category's radio is named by its name followed by its description. */
    chooseCategory: (name: string) =>
      page
        .getByRole('radio', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
        .check(),
    answerList: (label: string, value: string) =>
      page.getByRole('combobox', { name: label, exact: true }).selectOption(value),
    describe: (text: string) =>
      page.getByRole('textbox', { name: t('new.description'), exact: true }).fill(text),
    address: (text: string) =>
      page.getByRole('textbox', { name: t('place.address'), exact: true }).fill(text),
    latitude: page.getByRole('textbox', { name: t('place.latitude'), exact: true }),
    longitude: page.getByRole('textbox', { name: t('place.longitude'), exact: true }),
    showMap: () => page.getByRole('button', { name: t('place.showMap'), exact: true }).click(),
    map,
    /** Waits for the map to be drawn, then clicks its middle: the point goes there. */
    clickMap: async () => {
      await page.locator('[data-testid="complaint-map"][data-loaded="true"]').waitFor({ timeout: 20_000 });
      const box = await map.locator('canvas').boundingBox();
      if (!box) throw new Error('no map canvas');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
    chosenPoint: page
      .getByRole('status')
      .filter({ hasText: t('place.chosen', { latitude: '', longitude: '' }).slice(0, 12) }),
    attach: (file: { name: string; mimeType: string; buffer: Buffer }) =>
      page.getByLabel(t('files.add'), { exact: true }).setInputFiles(file),
    name: (value: string) =>
      page.getByRole('textbox', { name: `${t('contact.name')} ${t('optional')}`, exact: true }).fill(value),
    email: (value: string) =>
      page.getByRole('textbox', { name: t('contact.email'), exact: true }).fill(value),
    sendCode: () => page.getByRole('button', { name: t('contact.sendCode'), exact: true }).click(),
    code: (value: string) => page.getByRole('textbox', { name: t('contact.code'), exact: true }).fill(value),
    confirmCode: () => page.getByRole('button', { name: t('contact.confirm'), exact: true }).click(),
    verified: page.getByText(t('contact.verified'), { exact: true }),
    submit: () => page.getByRole('button', { name: t('new.submit'), exact: true }).click(),
    confirmation: page.getByRole('heading', { level: 1, name: t('filed.title'), exact: true }),
    reference: page.locator('.complaint-reference'),
    privateLink: page.getByRole('link', { name: t('filed.follow'), exact: true }),
  };
}

export function trackPage(page: Page, locale: Locale) {
  const t = (key: string, vars?: Record<string, string | number>) => complaintText(locale, key, vars);
  return {
    goto: () => page.goto('/complaints'),
    track: async (reference: string) => {
      await page.getByRole('textbox', { name: t('track.reference'), exact: true }).fill(reference);
      await page.getByRole('button', { name: t('track.submit'), exact: true }).click();
    },
    heading: (reference: string) => pageHeading(page, reference),
    state: (label: string) => page.getByRole('definition').filter({ hasText: label }).first(),
    answer: page.getByRole('region', { name: t('public.answerTitle'), exact: true }),
    history: page.getByRole('list').filter({ has: page.locator('time') }),
  };
}

export function staffComplaintPages(page: Page, locale: Locale) {
  const t = (key: string, vars?: Record<string, string | number>) => complaintText(locale, key, vars);
  return {
    queueHeading: pageHeading(page, t('staff.queueTitle')),
    open: (reference: string) => page.getByRole('link', { name: reference, exact: true }).click(),
    priority: (value: string) =>
      page.getByRole('combobox', { name: t('staff.priority'), exact: true }).selectOption(value),
    unit: (value: string) => page.getByRole('combobox', { name: t('staff.unit'), exact: true }).fill(value),
    triage: () => page.getByRole('button', { name: t('staff.triageSubmit'), exact: true }).click(),
    templateLanguage: (value: Locale) => page.locator('#field-answer-language').selectOption(value),
    template: (title: string) => page.locator('#field-answer-template').selectOption({ label: title }),
    answerText: page.getByRole('textbox', { name: t('staff.answerText'), exact: true }),
    answer: () => page.getByRole('button', { name: t('staff.answerSubmit'), exact: true }).click(),
    saved: page.getByRole('status').filter({ hasText: t('staff.saved') }),
  };
}
