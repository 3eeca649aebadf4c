import { defineProblems } from '../../platform/errors.ts';

export const ComplaintProblems = defineProblems({
  'complaint.not_found': {
    status: 404,
    title: { ar: 'الشكاية غير موجودة', fr: 'Réclamation introuvable', en: 'Complaint not found' },
    detail: {
      ar: 'تحقق من رقم التتبع كما يظهر في وصل الإيداع.',
      fr: 'Vérifiez le numéro de suivi tel qu’il figure sur le récépissé.',
      en: 'Check the tracking number as it appears on the receipt.',
    },
  },
  'complaint.category_unknown': {
    status: 422,
    title: { ar: 'صنف غير معروف', fr: 'Catégorie inconnue', en: 'Unknown category' },
    detail: {
      ar: 'الصنف «{category}» غير متاح لدى هذه الوكالة. اختر صنفاً من اللائحة.',
      fr: "La catégorie « {category} » n'existe pas dans cette agence. Choisissez-en une dans la liste.",
      en: 'The category "{category}" does not exist at this agency. Choose one from the list.',
    },
  },
  'complaint.outside_morocco': {
    status: 422,
    title: {
      ar: 'الموقع خارج المغرب',
      fr: 'Emplacement hors du Maroc',
      en: 'Location outside Morocco',
    },
    detail: {
      ar: 'النقطة المحددة ({latitude}، {longitude}) ليست داخل المغرب. تحقق من الإحداثيات (خط العرض ثم خط الطول) أو اترك الموقع فارغاً.',
      fr: "Le point indiqué ({latitude}, {longitude}) n'est pas au Maroc. Vérifiez les coordonnées (latitude puis longitude) ou laissez l'emplacement vide.",
      en: 'The point given ({latitude}, {longitude}) is not in Morocco. Check the coordinates (latitude then longitude) or leave the location empty.',
    },
  },
  'complaint.location_required': {
    status: 422,
    title: { ar: 'الموقع مطلوب', fr: 'Emplacement requis', en: 'Location required' },
    detail: {
      ar: 'يتطلب هذا الصنف تحديد المكان: نقطة على الخريطة أو عنوان.',
      fr: 'Cette catégorie demande un lieu : un point sur la carte ou une adresse.',
      en: 'This category needs a place: a point on the map or an address.',
    },
  },
  'complaint.verification_required': {
    status: 401,
    title: {
      ar: 'يجب تأكيد وسيلة الاتصال',
      fr: 'Confirmation du contact requise',
      en: 'Contact confirmation required',
    },
    detail: {
      ar: 'سجّل الدخول أو أكّد بريدك الإلكتروني أو رقم هاتفك برمز قبل إيداع الشكاية.',
      fr: 'Connectez-vous, ou confirmez votre adresse électronique ou votre numéro de téléphone par un code, avant de déposer la réclamation.',
      en: 'Sign in, or confirm your e-mail address or phone number with a code, before filing the complaint.',
    },
  },
  'complaint.verification_not_found': {
    status: 404,
    title: { ar: 'طلب التأكيد غير موجود', fr: 'Vérification introuvable', en: 'Verification not found' },
  },
  'complaint.code_invalid': {
    status: 422,
    title: { ar: 'الرمز غير صحيح', fr: 'Code incorrect', en: 'Wrong code' },
    detail: {
      ar: 'الرمز المدخل غير صحيح. المحاولات المتبقية: {remaining}.',
      fr: 'Le code saisi est incorrect. Essais restants : {remaining}.',
      en: 'The code entered is wrong. Attempts left: {remaining}.',
    },
  },
  'complaint.code_expired': {
    status: 410,
    title: { ar: 'انتهت صلاحية الرمز', fr: 'Code expiré', en: 'Code expired' },
    detail: {
      ar: 'اطلب رمزاً جديداً.',
      fr: 'Demandez un nouveau code.',
      en: 'Ask for a new code.',
    },
  },
  'complaint.code_attempts_exhausted': {
    status: 429,
    title: { ar: 'عدد كبير من المحاولات', fr: "Trop d'essais", en: 'Too many attempts' },
    detail: {
      ar: 'أدخلت رمزاً خاطئاً عدة مرات. اطلب رمزاً جديداً.',
      fr: 'Vous avez saisi un code erroné trop de fois. Demandez un nouveau code.',
      en: 'You entered a wrong code too many times. Ask for a new code.',
    },
  },
  'complaint.proof_invalid': {
    status: 403,
    title: {
      ar: 'التأكيد منتهي أو مستعمل',
      fr: 'Confirmation expirée ou déjà utilisée',
      en: 'Confirmation expired or already used',
    },
    detail: {
      ar: 'أكّد وسيلة الاتصال من جديد ثم أعد الإرسال. لم يضع شيء مما أدخلته.',
      fr: 'Confirmez à nouveau votre contact puis renvoyez le formulaire. Rien de ce que vous avez saisi n’est perdu.',
      en: 'Confirm your contact again, then send the form again. Nothing you entered is lost.',
    },
  },
  'complaint.tracking_invalid': {
    status: 404,
    title: {
      ar: 'رابط التتبع غير صالح',
      fr: 'Lien de suivi invalide',
      en: 'Invalid tracking link',
    },
    detail: {
      ar: 'استعمل الرابط الكامل كما وصلك في رسالة وصل الإيداع.',
      fr: 'Utilisez le lien complet tel que reçu dans le message du récépissé.',
      en: 'Use the full link as received in the receipt message.',
    },
  },
  'complaint.phone_required': {
    status: 422,
    title: { ar: 'رقم الهاتف مطلوب', fr: 'Numéro de téléphone requis', en: 'Phone number required' },
    detail: {
      ar: 'لتلقي الإشعارات عبر الرسائل القصيرة، أدخل رقم هاتف صحيحاً.',
      fr: 'Pour être prévenu par SMS, indiquez un numéro de téléphone valide.',
      en: 'To be told by SMS, give a valid phone number.',
    },
  },
  'complaint.partner_not_here': {
    status: 403,
    title: {
      ar: 'الأنظمة الشريكة تستعمل Open311',
      fr: 'Les systèmes partenaires passent par Open311',
      en: 'Partner systems use Open311',
    },
    detail: {
      ar: 'أودع الشكايات عبر /open311/v2/requests.',
      fr: 'Déposez les réclamations par /open311/v2/requests.',
      en: 'File complaints through /open311/v2/requests.',
    },
  },
  'complaint.duplicate_invalid': {
    status: 422,
    title: {
      ar: 'لا يمكن الضم إلى هذه الشكاية',
      fr: 'Fusion impossible avec cette réclamation',
      en: 'Cannot merge into this complaint',
    },
    detail: {
      ar: 'يجب أن تكون الشكاية الأصلية من نفس الوكالة، مودعة، وغير مضمومة بدورها.',
      fr: "La réclamation d'origine doit être de la même agence, déposée, et non fusionnée elle-même.",
      en: 'The original complaint must be of the same agency, filed, and not merged itself.',
    },
  },
  'complaint.body_unknown': {
    status: 422,
    title: { ar: 'هيئة غير معروفة', fr: 'Organisme inconnu', en: 'Unknown body' },
  },
  'complaint.category_code_taken': {
    status: 409,
    title: {
      ar: 'رمز الصنف مستعمل',
      fr: 'Code de catégorie déjà utilisé',
      en: 'Category code already used',
    },
  },
  'complaint.category_not_found': {
    status: 404,
    title: { ar: 'الصنف غير موجود', fr: 'Catégorie introuvable', en: 'Category not found' },
  },
  'complaint.template_not_found': {
    status: 404,
    title: { ar: 'النموذج غير موجود', fr: 'Modèle introuvable', en: 'Template not found' },
  },
  'complaint.redaction_target_unknown': {
    status: 422,
    title: {
      ar: 'لا يوجد ما يُحجب هنا',
      fr: 'Rien à masquer à cet endroit',
      en: 'Nothing to redact there',
    },
  },
  'complaint.not_open': {
    status: 409,
    title: {
      ar: 'الشكاية ليست قيد المعالجة',
      fr: "La réclamation n'est pas en cours de traitement",
      en: 'The complaint is not being handled',
    },
  },
});
