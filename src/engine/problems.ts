import { defineProblems } from '../platform/errors.ts';

export const EngineProblems = defineProblems({
  'case.not_found': {
    status: 404,
    title: { ar: 'الملف غير موجود', fr: 'Dossier introuvable', en: 'File not found' },
  },
  'case.procedure_not_found': {
    status: 404,
    title: { ar: 'المسطرة غير موجودة', fr: 'Procédure inconnue', en: 'Unknown procedure' },
  },
  'case.applicant_not_allowed': {
    status: 403,
    title: {
      ar: 'هذه الخدمة غير متاحة لنوع حسابك',
      fr: "Ce service n'est pas ouvert à votre type de compte",
      en: 'This service is not open to your kind of account',
    },
  },
  'case.transition_not_allowed': {
    status: 409,
    title: { ar: 'الإجراء غير ممكن', fr: 'Action impossible', en: 'Action not allowed' },
    detail: {
      ar: 'لا يمكن القيام بالإجراء «{transition}» والملف في حالة «{state}» أو بصفتك الحالية.',
      fr: "L'action « {transition} » n'est pas possible dans l'état « {state} » ou avec votre fonction.",
      en: 'The action "{transition}" is not possible in state "{state}" or with your role.',
    },
  },
  'case.stale_version': {
    status: 409,
    title: {
      ar: 'تم تعديل الملف في الأثناء',
      fr: 'Le dossier a été modifié entre-temps',
      en: 'The file changed in the meantime',
    },
    detail: {
      ar: 'غيّر شخص آخر هذا الملف قبل قليل. أعد تحميله ثم حاول مجدداً.',
      fr: "Quelqu'un d'autre vient de modifier ce dossier. Rechargez-le puis réessayez.",
      en: 'Someone else just changed this file. Reload it and try again.',
    },
  },
  'case.guard_failed': {
    status: 422,
    title: { ar: 'شرط غير مستوفى', fr: 'Condition non remplie', en: 'Condition not met' },
    detail: {
      ar: 'لا يمكن القيام بهذا الإجراء بعد: {reason}',
      fr: 'Cette action ne peut pas encore être faite : {reason}',
      en: 'This action cannot be done yet: {reason}',
    },
  },
  'case.checklist_incomplete': {
    status: 422,
    title: {
      ar: 'وثائق إلزامية ناقصة',
      fr: 'Pièces obligatoires manquantes',
      en: 'Mandatory documents missing',
    },
    detail: {
      ar: 'أرفق الوثائق الإلزامية قبل الإيداع: {items}',
      fr: 'Joignez les pièces obligatoires avant le dépôt : {items}',
      en: 'Attach the mandatory documents before filing: {items}',
    },
  },
  'case.missing_pieces_already_requested': {
    status: 409,
    title: {
      ar: 'سبق طلب الوثائق الناقصة',
      fr: 'Les pièces manquantes ont déjà été demandées',
      en: 'Missing pieces were already requested',
    },
    detail: {
      ar: 'يسمح القانون 55-19 بطلب الوثائق الناقصة مرة واحدة فقط لكل ملف.',
      fr: 'La loi 55-19 ne permet de demander les pièces manquantes qu’une seule fois par dossier.',
      en: 'Law 55-19 allows missing pieces to be requested only once per file.',
    },
  },
  'case.outside_checklist': {
    status: 422,
    title: {
      ar: 'وثيقة خارج اللائحة الوطنية',
      fr: 'Pièce hors de la liste nationale',
      en: 'Document outside the national checklist',
    },
    detail: {
      ar: 'لا يمكن طلب أو إرفاق «{code}»: ليست ضمن لائحة الوثائق المحددة لهذه المسطرة.',
      fr: '« {code} » ne peut être ni demandée ni jointe : elle ne figure pas dans la liste de pièces de cette procédure.',
      en: '"{code}" cannot be requested or attached: it is not in this procedure\'s checklist.',
    },
  },
  'case.reasons_required': {
    status: 422,
    title: { ar: 'يجب تعليل الرفض', fr: 'Le refus doit être motivé', en: 'A refusal must give its reasons' },
  },
  'case.not_editable': {
    status: 409,
    title: {
      ar: 'لم يعد الملف قابلاً للتعديل',
      fr: "Le dossier n'est plus modifiable",
      en: 'The file can no longer be edited',
    },
  },
  'case.assignee_invalid': {
    status: 422,
    title: {
      ar: 'لا يمكن إسناد الملف لهذا الشخص',
      fr: 'Affectation impossible à cette personne',
      en: 'Cannot assign to this person',
    },
  },
  'case.request_not_found': {
    status: 404,
    title: { ar: 'الطلب غير موجود', fr: 'Demande introuvable', en: 'Request not found' },
  },
  'case.request_closed': {
    status: 409,
    title: { ar: 'هذا الطلب مغلق', fr: 'Cette demande est close', en: 'This request is closed' },
  },
  'case.document_not_found': {
    status: 404,
    title: { ar: 'الوثيقة غير موجودة', fr: 'Document introuvable', en: 'Document not found' },
  },
  'upload.type_not_accepted': {
    status: 415,
    title: { ar: 'نوع الملف غير مقبول', fr: 'Type de fichier non accepté', en: 'File type not accepted' },
    detail: {
      ar: 'محتوى الملف من نوع {found}، والمقبول لهذه الوثيقة: {accepted}.',
      fr: 'Le contenu du fichier est de type {found} ; pour cette pièce sont acceptés : {accepted}.',
      en: 'The file content is {found}; accepted for this document: {accepted}.',
    },
  },
  'upload.too_large': {
    status: 413,
    title: { ar: 'الملف كبير جداً', fr: 'Fichier trop volumineux', en: 'File too large' },
    detail: {
      ar: 'الحد الأقصى لهذه الوثيقة هو {max}.',
      fr: 'La taille maximale pour cette pièce est de {max}.',
      en: 'The maximum size for this document is {max}.',
    },
  },
  'upload.missing_file': {
    status: 400,
    title: { ar: 'لم يتم إرسال أي ملف', fr: 'Aucun fichier reçu', en: 'No file received' },
  },
  'upload.too_many_files': {
    status: 422,
    title: { ar: 'عدد الملفات كبير جداً', fr: 'Trop de fichiers', en: 'Too many files' },
  },
  'calendar.override_not_found': {
    status: 404,
    title: { ar: 'التعديل غير موجود', fr: 'Correction introuvable', en: 'Override not found' },
  },
});
