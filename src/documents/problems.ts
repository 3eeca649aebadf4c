import { defineProblems } from '../platform/errors.ts';

/**
 * Problems of the documents module. All are server-side faults (a template, a key, a signer):
 * the public sees the generic title, the details go to the logs through the error's message/cause.
 */
export const DocumentProblems = defineProblems({
  'documents.template_not_found': {
    status: 500,
    title: {
      ar: 'نموذج الوثيقة غير موجود',
      fr: 'Modèle de document introuvable',
      en: 'Document template not found',
    },
  },
  'documents.render_failed': {
    status: 500,
    title: {
      ar: 'تعذر إنشاء الوثيقة',
      fr: 'Le document n’a pas pu être produit',
      en: 'The document could not be rendered',
    },
  },
  'documents.invalid_input': {
    status: 500,
    title: {
      ar: 'معطيات الوثيقة غير صالحة',
      fr: 'Données du document invalides',
      en: 'Invalid document data',
    },
  },
  'documents.key_decryption_failed': {
    status: 500,
    title: {
      ar: 'تعذر فتح مفتاح التوقيع',
      fr: 'Clé de signature inaccessible',
      en: 'Signing key cannot be opened',
    },
  },
  'documents.unsupported_key': {
    status: 500,
    title: {
      ar: 'نوع مفتاح التوقيع غير مدعوم',
      fr: 'Type de clé non pris en charge',
      en: 'Unsupported signing key',
    },
  },
  'documents.invalid_pdf': {
    status: 500,
    title: { ar: 'ملف PDF غير صالح للتوقيع', fr: 'PDF impossible à signer', en: 'PDF cannot be signed' },
  },
  'documents.signature_too_large': {
    status: 500,
    title: {
      ar: 'التوقيع أكبر من المساحة المحجوزة',
      fr: 'Signature trop volumineuse',
      en: 'Signature too large',
    },
  },
  'documents.signer_failed': {
    status: 503,
    title: {
      ar: 'خدمة التوقيع غير متاحة مؤقتاً',
      fr: 'Service de signature momentanément indisponible',
      en: 'Signing service unavailable',
    },
  },
  // Registry and public verification: errors a person can cause.
  'documents.not_found': {
    status: 404,
    title: { ar: 'الوثيقة غير موجودة', fr: 'Document introuvable', en: 'Document not found' },
  },
  'documents.unknown_code': {
    status: 404,
    title: {
      ar: 'لا توجد وثيقة بهذا الرمز',
      fr: 'Aucun document ne porte ce code',
      en: 'No document has this code',
    },
    detail: {
      ar: 'لم تصدر المنصة أي وثيقة برمز التحقق هذا. تأكدوا من الرمز المطبوع أسفل الوثيقة.',
      fr: "La plateforme n'a émis aucun document avec ce code de vérification. Vérifiez le code imprimé en bas du document.",
      en: 'The platform issued no document with this verification code. Check the code printed at the foot of the document.',
    },
  },
  'documents.invalid_code': {
    status: 400,
    title: {
      ar: 'رمز التحقق غير صالح',
      fr: 'Code de vérification invalide',
      en: 'Invalid verification code',
    },
    detail: {
      ar: 'يتكون رمز التحقق من 12 حرفاً ورقماً، مثل K7QF-2MZD-9XWA.',
      fr: 'Un code de vérification compte 12 lettres et chiffres, par exemple K7QF-2MZD-9XWA.',
      en: 'A verification code has 12 letters and digits, for example K7QF-2MZD-9XWA.',
    },
  },
  'documents.not_a_pdf': {
    status: 415,
    title: { ar: 'الملف ليس بصيغة PDF', fr: "Ce fichier n'est pas un PDF", en: 'This file is not a PDF' },
    detail: {
      ar: 'لا يمكن التحقق إلا من ملفات PDF التي تصدرها المنصة. الملف المرسل من نوع {type}.',
      fr: 'Seuls les fichiers PDF émis par la plateforme peuvent être vérifiés. Le fichier envoyé est de type {type}.',
      en: 'Only PDF files issued by the platform can be checked. The file sent is of type {type}.',
    },
  },
  'documents.file_too_large': {
    status: 413,
    title: { ar: 'الملف كبير جداً', fr: 'Fichier trop volumineux', en: 'File too large' },
    detail: {
      ar: 'الحد الأقصى لحجم الملف هو {max}.',
      fr: 'La taille maximale du fichier est de {max}.',
      en: 'The largest file accepted is {max}.',
    },
  },
  'documents.file_missing': {
    status: 400,
    title: { ar: 'لم يتم إرسال أي ملف', fr: 'Aucun fichier envoyé', en: 'No file sent' },
  },
  'documents.not_ready': {
    status: 409,
    title: {
      ar: 'الوثيقة قيد الإصدار',
      fr: "Le document est en cours d'émission",
      en: 'The document is being issued',
    },
    detail: {
      ar: 'يجري توقيع الوثيقة. أعيدوا المحاولة بعد لحظات.',
      fr: 'Le document est en cours de signature. Réessayez dans un instant.',
      en: 'The document is being signed. Try again in a moment.',
    },
  },
  'documents.not_revocable': {
    status: 409,
    title: {
      ar: 'لا يمكن إلغاء هذه الوثيقة أو تعويضها',
      fr: 'Ce document ne peut pas être révoqué ni remplacé',
      en: 'This document cannot be revoked or superseded',
    },
    detail: {
      ar: 'حالة الوثيقة الحالية: {status}.',
      fr: 'État actuel du document : {status}.',
      en: 'Current status of the document: {status}.',
    },
  },
  'documents.act_forbidden': {
    status: 403,
    title: {
      ar: 'هذا الإجراء من اختصاص مدير الوكالة',
      fr: "Cet acte relève du directeur de l'agence",
      en: "This act belongs to the agency's director",
    },
    detail: {
      ar: 'إلغاء وثيقة أو تعويضها عمل موقع يقوم به مدير الوكالة المصدرة.',
      fr: "Révoquer ou remplacer un document est un acte signé du directeur de l'agence émettrice.",
      en: "Revoking or superseding a document is an act signed by the issuing agency's director.",
    },
  },
});

export type DocumentErrorCode = keyof typeof DocumentProblems;
