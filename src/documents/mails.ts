import { defineMail } from '../platform/mail/mail-templates.ts';

type DocumentIssued = {
  name: string;
  titleText: string;
  number: string;
  verifyUrl: string;
  url: string;
};

/** Sent once a document is signed, with the PDF attached. */
export const DocumentIssuedMail = defineMail<DocumentIssued>('documents.issued', {
  ar: (v) => ({
    subject: `${v.titleText} رقم ${v.number}`,
    paragraphs: [
      `${v.name}،`,
      `تجدون رفقته ${v.titleText} رقم ${v.number}، موقعاً إلكترونياً (ملف PDF).`,
      `يمكن لأي شخص التحقق من صحته عبر الرابط: ${v.verifyUrl}`,
    ],
    action: { label: 'الاطلاع على الملف', url: v.url },
  }),
  fr: (v) => ({
    subject: `${v.titleText} n° ${v.number}`,
    paragraphs: [
      `${v.name},`,
      `Veuillez trouver ci-joint votre ${v.titleText.toLowerCase()} n° ${v.number}, signé électroniquement (PDF).`,
      `Toute personne peut en vérifier l'authenticité sur : ${v.verifyUrl}`,
    ],
    action: { label: 'Voir le dossier', url: v.url },
  }),
  en: (v) => ({
    subject: `${v.titleText} no. ${v.number}`,
    paragraphs: [
      `${v.name},`,
      `Please find attached your ${v.titleText.toLowerCase()} no. ${v.number}, electronically signed (PDF).`,
      `Anyone can check that it is genuine at: ${v.verifyUrl}`,
    ],
    action: { label: 'Open the file', url: v.url },
  }),
});
