// The information note as people meet it: the service page, the request (land title, parcel,
// documents, deposit, payment, the signed note), the staff desk (queue, signing list, statistics) and
// the review page.
import type { Page } from 'playwright-core';
import { pageHeading } from './layout.ts';
import { type Locale, text } from './text.ts';

type Vars = Record<string, string | number>;

export function eNoteRequest(page: Page, locale: Locale) {
  const t = (key: string, vars?: Vars) => text(locale, 'eNote', key, vars);
  return {
    t,
    gotoService: async () => {
      await page.goto('/e-note');
      await pageHeading(page, t('title')).waitFor();
    },
    start: async (agencyCode: string) => {
      await page.getByRole('combobox', { name: t('agency'), exact: true }).selectOption(agencyCode);
      await page.getByRole('button', { name: t('start'), exact: true }).click();
      await page.waitForURL(/\/e-note\/[0-9a-f-]{36}$/);
      await pageHeading(page, t('caseTitle')).waitFor();
    },
    caseId: () => /\/e-note\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '',
    checkTitle: async (title: string) => {
      await page.getByRole('textbox', { name: t('land.number'), exact: true }).fill(title);
      await page.getByRole('button', { name: t('land.check'), exact: true }).click();
    },
    useRegisterParcel: async () => {
      await page.getByRole('radio', { name: t('parcel.ways.title'), exact: true }).check();
      await page.getByRole('button', { name: t('land.useIt'), exact: true }).click();
      await page.getByRole('heading', { name: t('parcel.saved'), exact: true }).waitFor();
    },
    attach: async (itemLabel: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
      await page
        .getByLabel(text(locale, 'cases', 'uploadFor', { item: itemLabel }), { exact: true })
        .setInputFiles(file);
      await page
        .getByRole('link', { name: text(locale, 'cases', 'download', { filename: file.name }) })
        .first()
        .waitFor();
    },
    deposit: async () => {
      await page.getByRole('button', { name: t('deposit'), exact: true }).click();
      await page.getByRole('heading', { name: t('progress.title'), exact: true }).waitFor();
    },
    noteLink: () => page.getByRole('link', { name: t('note.download'), exact: true }),
    stateIs: (label: string) => page.getByText(label, { exact: true }).first(),
  };
}

export function eNoteDesk(page: Page, locale: Locale) {
  const t = (key: string, vars?: Vars) => text(locale, 'eNote', key, vars);
  return {
    t,
    goto: async (tab: 'queue' | 'sign' | 'stats') => {
      await page.goto(`/back-office/e-note?tab=${tab}`);
      await pageHeading(page, t('staff.title')).waitFor();
    },
    open: async (reference: string) => {
      await page.getByRole('link', { name: reference, exact: true }).click();
      await pageHeading(page, t('review.title')).waitFor();
    },
    addObservation: async (observation: { fr: string; ar: string }) => {
      await page.getByRole('button', { name: t('review.addObservation'), exact: true }).click();
      await page.getByLabel(t('review.observationFr'), { exact: true }).last().fill(observation.fr);
      await page.getByLabel(t('review.observationAr'), { exact: true }).last().fill(observation.ar);
      await page.getByRole('button', { name: t('review.save'), exact: true }).click();
      await page.getByText(t('review.savedOk'), { exact: true }).waitFor();
    },
    submit: async () => {
      await page.getByRole('button', { name: t('review.submit'), exact: true }).click();
    },
    signSelected: async (reference: string) => {
      await page.getByRole('checkbox', { name: t('staff.select', { reference }), exact: true }).check();
      await page.getByRole('button', { name: t('staff.signSelected', { count: 1 }), exact: true }).click();
      await page
        .getByText(t('staff.summary', { signed: 1, failed: 0 }), { exact: true })
        .waitFor({ timeout: 30_000 });
    },
  };
}
