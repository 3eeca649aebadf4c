import { defineMail } from '../platform/mail/mail-templates.ts';

type CaseUpdate = {
  name: string;
  reference: string;
  procedure: string;
  state: string;
  detail?: string;
  url: string;
};

export const CaseUpdateMail = defineMail<CaseUpdate>('engine.case_update', {
  ar: (v) => ({
    subject: `ملفكم ${v.reference}: ${v.state}`,
    paragraphs: [
      `${v.name}،`,
      `تغيرت حالة ملفكم «${v.procedure}» رقم ${v.reference}. الحالة الجديدة: ${v.state}.`,
      ...(v.detail ? [v.detail] : []),
    ],
    action: { label: 'الاطلاع على الملف', url: v.url },
  }),
  fr: (v) => ({
    subject: `Votre dossier ${v.reference} : ${v.state}`,
    paragraphs: [
      `${v.name},`,
      `Votre dossier « ${v.procedure} » n° ${v.reference} a changé d'état. Nouvel état : ${v.state}.`,
      ...(v.detail ? [v.detail] : []),
    ],
    action: { label: 'Voir le dossier', url: v.url },
  }),
  en: (v) => ({
    subject: `Your file ${v.reference}: ${v.state}`,
    paragraphs: [
      `${v.name},`,
      `Your file "${v.procedure}" no. ${v.reference} changed. New state: ${v.state}.`,
      ...(v.detail ? [v.detail] : []),
    ],
    action: { label: 'Open the file', url: v.url },
  }),
});

type StaffAlert = { name: string; reference: string; procedure: string; what: string; url: string };

export const StaffAlertMail = defineMail<StaffAlert>('engine.staff_alert', {
  ar: (v) => ({
    subject: `${v.reference}: ${v.what}`,
    paragraphs: [`${v.name}،`, `الملف ${v.reference} («${v.procedure}»): ${v.what}.`],
    action: { label: 'فتح الملف', url: v.url },
  }),
  fr: (v) => ({
    subject: `${v.reference} : ${v.what}`,
    paragraphs: [`${v.name},`, `Dossier ${v.reference} (« ${v.procedure} ») : ${v.what}.`],
    action: { label: 'Ouvrir le dossier', url: v.url },
  }),
  en: (v) => ({
    subject: `${v.reference}: ${v.what}`,
    paragraphs: [`${v.name},`, `File ${v.reference} ("${v.procedure}"): ${v.what}.`],
    action: { label: 'Open the file', url: v.url },
  }),
});
