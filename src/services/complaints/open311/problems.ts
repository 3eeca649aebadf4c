import { defineProblems } from '../../../platform/errors.ts';

/** Open311 errors; the routes write them in Open311's own format ([{code, description}] or <errors>). */
export const Open311Problems = defineProblems({
  'open311.api_key_missing': {
    status: 400,
    title: { ar: 'مفتاح api_key مطلوب', fr: 'Paramètre api_key requis', en: 'api_key required' },
    detail: {
      ar: 'يتطلب إيداع طلب مفتاحاً تمنحه الوكالة للأنظمة الشريكة.',
      fr: "Déposer une demande exige une clé délivrée par l'agence aux systèmes partenaires.",
      en: 'Filing a request needs a key issued by the agency to partner systems.',
    },
  },
  'open311.api_key_invalid': {
    status: 403,
    title: { ar: 'مفتاح api_key غير صالح', fr: 'Clé api_key invalide', en: 'Invalid api_key' },
    detail: {
      ar: 'المفتاح غير معروف أو ملغى أو منتهي الصلاحية أو غير مخصص لـOpen311.',
      fr: 'La clé est inconnue, révoquée, expirée ou non autorisée pour Open311.',
      en: 'The key is unknown, revoked, expired or not allowed for Open311.',
    },
  },
  'open311.jurisdiction_required': {
    status: 400,
    title: { ar: 'jurisdiction_id مطلوب', fr: 'jurisdiction_id requis', en: 'jurisdiction_id required' },
    detail: {
      ar: 'تخدم هذه النقطة عدة وكالات. حدد الوكالة: {jurisdictions}.',
      fr: 'Ce point d’accès sert plusieurs agences. Indiquez laquelle : {jurisdictions}.',
      en: 'This endpoint serves several agencies. Say which one: {jurisdictions}.',
    },
  },
  'open311.jurisdiction_unknown': {
    status: 404,
    title: { ar: 'وكالة غير معروفة', fr: 'Juridiction inconnue', en: 'Unknown jurisdiction' },
    detail: {
      ar: 'لا توجد وكالة بالرمز «{jurisdiction}».',
      fr: "Aucune agence n'a le code « {jurisdiction} ».",
      en: 'No agency has the code "{jurisdiction}".',
    },
  },
  'open311.jurisdiction_mismatch': {
    status: 403,
    title: {
      ar: 'المفتاح لا يخص هذه الوكالة',
      fr: "La clé n'est pas celle de cette agence",
      en: 'The key is not for this agency',
    },
  },
  'open311.service_not_found': {
    status: 404,
    title: { ar: 'الخدمة غير موجودة', fr: 'Service introuvable', en: 'Service not found' },
    detail: {
      ar: 'لا توجد خدمة بالرمز «{code}» لدى هذه الوكالة.',
      fr: 'Aucun service « {code} » dans cette agence.',
      en: 'No service "{code}" at this agency.',
    },
  },
  'open311.request_not_found': {
    status: 404,
    title: { ar: 'الطلب غير موجود', fr: 'Demande introuvable', en: 'Request not found' },
    detail: {
      ar: 'لا يوجد طلب برقم «{id}».',
      fr: 'Aucune demande n° « {id} ».',
      en: 'No request "{id}".',
    },
  },
  'open311.token_not_found': {
    status: 404,
    title: { ar: 'الرمز غير موجود', fr: 'Jeton introuvable', en: 'Token not found' },
  },
  'open311.format_unsupported': {
    status: 404,
    title: {
      ar: 'الصيغة غير مدعومة (json أو xml)',
      fr: 'Format non pris en charge (json ou xml)',
      en: 'Format not supported (json or xml)',
    },
  },
  'open311.invalid': {
    status: 400,
    title: { ar: 'معامل غير صالح', fr: 'Paramètre invalide', en: 'Invalid parameter' },
    detail: { ar: 'المعامل: {field}.', fr: 'Paramètre : {field}.', en: 'Parameter: {field}.' },
  },
  'open311.not_found': {
    status: 404,
    title: { ar: 'المورد غير موجود', fr: 'Ressource introuvable', en: 'Not found' },
    detail: {
      ar: 'راجع وثيقة الاكتشاف: /open311/discovery.json',
      fr: 'Voir le document de découverte : /open311/discovery.json',
      en: 'See the discovery document: /open311/discovery.json',
    },
  },
});
