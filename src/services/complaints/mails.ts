// Mails to complainants, in their language: the verification code, the receipt (with the private
// tracking link for those without an account) and every public update.
import { defineMail } from '../../platform/mail/mail-templates.ts';

type Code = { code: string; minutes: number };

export const VerificationCodeMail = defineMail<Code>('complaints.verification_code', {
  ar: (v) => ({
    subject: `رمز التأكيد: ${v.code} — تعمير`,
    paragraphs: [
      `رمز تأكيد بريدكم الإلكتروني لإيداع شكاية هو: ${v.code}`,
      `الرمز صالح لمدة ${v.minutes} دقيقة. إذا لم تطلبوه، تجاهلوا هذه الرسالة.`,
    ],
  }),
  fr: (v) => ({
    subject: `Code de confirmation : ${v.code} — Taamir`,
    paragraphs: [
      `Le code pour confirmer votre adresse et déposer une réclamation est : ${v.code}`,
      `Il est valable ${v.minutes} minutes. Si vous ne l'avez pas demandé, ignorez ce message.`,
    ],
  }),
  en: (v) => ({
    subject: `Confirmation code: ${v.code} — Taamir`,
    paragraphs: [
      `The code to confirm your address and file a complaint is: ${v.code}`,
      `It is valid for ${v.minutes} minutes. If you did not ask for it, ignore this message.`,
    ],
  }),
});

type Receipt = {
  name: string;
  reference: string;
  agency: string;
  category: string;
  deadline: string;
  url: string;
  /** For complainants without an account: the link is private, keep it. */
  private: boolean;
};

export const ReceiptMail = defineMail<Receipt>('complaints.receipt', {
  ar: (v) => ({
    subject: `تم تسجيل شكايتكم ${v.reference}: رابط التتبع`,
    paragraphs: [
      ...(v.name ? [`${v.name}،`] : []),
      `توصلت ${v.agency} بشكايتكم (${v.category}). رقم التتبع: ${v.reference}.`,
      `ستتوصلون بجواب في أجل أقصاه ${v.deadline}، وبإشعار عند كل مستجد.`,
      ...(v.private ? ['الرابط أسفله خاص بكم: يمكّنكم من تتبع الشكاية والاطلاع على الجواب. لا تشاركوه.'] : []),
    ],
    action: { label: 'تتبع الشكاية', url: v.url },
  }),
  fr: (v) => ({
    subject: `Réclamation ${v.reference} enregistrée : votre lien de suivi`,
    paragraphs: [
      ...(v.name ? [`${v.name},`] : []),
      `${v.agency} a bien reçu votre réclamation (${v.category}). Numéro de suivi : ${v.reference}.`,
      `Vous recevrez une réponse au plus tard le ${v.deadline}, et un message à chaque nouvelle étape.`,
      ...(v.private
        ? [
            'Le lien ci-dessous vous est personnel : il permet de suivre la réclamation et de lire la réponse. Ne le partagez pas.',
          ]
        : []),
    ],
    action: { label: 'Suivre la réclamation', url: v.url },
  }),
  en: (v) => ({
    subject: `Complaint ${v.reference} registered: your tracking link`,
    paragraphs: [
      ...(v.name ? [`${v.name},`] : []),
      `${v.agency} received your complaint (${v.category}). Tracking number: ${v.reference}.`,
      `You will get an answer by ${v.deadline} at the latest, and a message at every new step.`,
      ...(v.private
        ? [
            'The link below is yours alone: it lets you follow the complaint and read the answer. Do not share it.',
          ]
        : []),
    ],
    action: { label: 'Follow the complaint', url: v.url },
  }),
});

type Update = { name: string; reference: string; state: string; text?: string; url: string };

export const UpdateMail = defineMail<Update>('complaints.update', {
  ar: (v) => ({
    subject: `شكايتكم ${v.reference}: ${v.state}`,
    paragraphs: [
      ...(v.name ? [`${v.name}،`] : []),
      `مستجد في شكايتكم رقم ${v.reference}. الحالة: ${v.state}.`,
      ...(v.text ? [v.text] : []),
    ],
    action: { label: 'الاطلاع على الشكاية', url: v.url },
  }),
  fr: (v) => ({
    subject: `Votre réclamation ${v.reference} : ${v.state}`,
    paragraphs: [
      ...(v.name ? [`${v.name},`] : []),
      `Du nouveau sur votre réclamation n° ${v.reference}. État : ${v.state}.`,
      ...(v.text ? [v.text] : []),
    ],
    action: { label: 'Voir la réclamation', url: v.url },
  }),
  en: (v) => ({
    subject: `Your complaint ${v.reference}: ${v.state}`,
    paragraphs: [
      ...(v.name ? [`${v.name},`] : []),
      `News on your complaint no. ${v.reference}. State: ${v.state}.`,
      ...(v.text ? [v.text] : []),
    ],
    action: { label: 'Open the complaint', url: v.url },
  }),
});
