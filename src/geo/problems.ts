// The geo module's problem codes: those of the file readers and checks (messages.ts), registered so
// an upload can fail with any of them, and those of the geoportal API.
import { defineProblems, type ProblemDefinition } from '../platform/errors.ts';
import { GEO_MESSAGES } from './messages.ts';

const fromMessages: Record<string, ProblemDefinition> = {};
for (const [code, m] of Object.entries(GEO_MESSAGES)) {
  fromMessages[code] = { status: m.status, title: { ar: m.ar, fr: m.fr, en: m.en } };
}
export const GeoFileProblems = defineProblems(fromMessages);

export const GeoProblems = defineProblems({
  'geo.agency_not_found': {
    status: 404,
    title: { ar: 'الوكالة غير موجودة', fr: 'Agence introuvable', en: 'Agency not found' },
  },
  'geo.import_not_found': {
    status: 404,
    title: { ar: 'عملية الاستيراد غير موجودة', fr: 'Import introuvable', en: 'Import not found' },
  },
  'geo.import_not_ready': {
    status: 409,
    title: {
      ar: 'لا يمكن نشر هذا الاستيراد',
      fr: 'Cet import ne peut pas être publié',
      en: 'This import cannot be published',
    },
    detail: {
      ar: 'الاستيراد في حالة «{status}»: لا يُنشر إلا استيراد تم فحصه بدون أخطاء.',
      fr: 'L’import est à l’état « {status} » : seul un import vérifié sans erreur peut être publié.',
      en: 'The import is “{status}”: only an import checked without errors can be published.',
    },
  },
  'geo.upload_empty': {
    status: 400,
    title: { ar: 'لم يتم إرسال أي ملف', fr: 'Aucun fichier reçu', en: 'No file received' },
    detail: {
      ar: 'أرسلوا ملف shapefile مضغوطا (zip) أو GeoJSON في متن الطلب.',
      fr: 'Envoyez un shapefile zippé ou un GeoJSON dans le corps de la requête.',
      en: 'Send a zipped shapefile or a GeoJSON file as the request body.',
    },
  },
  'geo.plan_not_found': {
    status: 404,
    title: { ar: 'وثيقة التعمير غير موجودة', fr: "Document d'urbanisme introuvable", en: 'Plan not found' },
  },
  'geo.version_not_found': {
    status: 404,
    title: { ar: 'نسخة الوثيقة غير موجودة', fr: 'Version introuvable', en: 'Plan version not found' },
  },
  'geo.transition_not_allowed': {
    status: 409,
    title: {
      ar: 'تغيير الحالة غير مسموح به',
      fr: "Changement d'état non autorisé",
      en: 'Status change not allowed',
    },
    detail: {
      ar: 'لا يمكن الانتقال من «{from}» إلى «{to}».',
      fr: 'Impossible de passer de « {from} » à « {to} ».',
      en: 'Cannot go from “{from}” to “{to}”.',
    },
  },
  'geo.lifecycle_incomplete': {
    status: 422,
    title: {
      ar: 'معلومات الحالة ناقصة',
      fr: "Informations d'état incomplètes",
      en: 'Status details missing',
    },
    detail: {
      ar: 'المصادقة تتطلب مرجع المرسوم وتاريخه، والبحث العمومي يتطلب تاريخ بدايته.',
      fr: "L'approbation demande la référence et la date du décret ; l'enquête publique, sa date de début.",
      en: 'Approval needs the decree reference and date; a public enquiry needs its start date.',
    },
  },
  'geo.title_not_found': {
    status: 404,
    title: {
      ar: 'الرسم العقاري غير موجود',
      fr: 'Titre foncier introuvable',
      en: 'Land title not found',
    },
  },
  'geo.parcel_invalid': {
    status: 422,
    title: {
      ar: 'شكل القطعة غير صالح',
      fr: 'Géométrie de la parcelle invalide',
      en: 'Invalid parcel geometry',
    },
    detail: {
      ar: 'أدخلوا نقطة أو مضلعا مغلقا بدون تقاطع ذاتي، داخل المغرب.',
      fr: 'Indiquez un point ou un polygone fermé, sans auto-intersection, situé au Maroc.',
      en: 'Give a point or a closed polygon without self-intersection, in Morocco.',
    },
  },
  'geo.parcel_too_large': {
    status: 422,
    title: {
      ar: 'القطعة كبيرة جدا',
      fr: 'Parcelle trop grande',
      en: 'Parcel too large',
    },
    detail: {
      ar: 'البطاقة الإرشادية تخص قطعا لا تتجاوز {maxHa} هكتار.',
      fr: 'La fiche indicative porte sur des parcelles de {maxHa} ha au plus.',
      en: 'The indicative sheet covers parcels of at most {maxHa} ha.',
    },
  },
  'geo.collection_not_found': {
    status: 404,
    title: { ar: 'المجموعة غير موجودة', fr: 'Collection introuvable', en: 'Collection not found' },
  },
  'geo.feature_not_found': {
    status: 404,
    title: { ar: 'العنصر غير موجود', fr: 'Entité introuvable', en: 'Feature not found' },
  },
  'geo.crs_not_supported': {
    status: 400,
    title: {
      ar: 'نظام الإحداثيات غير مدعوم',
      fr: 'Système de coordonnées non pris en charge',
      en: 'Coordinate reference system not supported',
    },
    detail: {
      ar: 'الأنظمة المتاحة: {supported}',
      fr: 'Systèmes disponibles : {supported}',
      en: 'Available systems: {supported}',
    },
  },
  'geo.bbox_invalid': {
    status: 400,
    title: { ar: 'إطار البحث غير صالح', fr: 'Emprise (bbox) invalide', en: 'Invalid bbox' },
  },
  'geo.tile_invalid': {
    status: 400,
    title: { ar: 'مربع خريطة غير صالح', fr: 'Tuile invalide', en: 'Invalid tile' },
  },
  'geo.layer_not_found': {
    status: 404,
    title: { ar: 'الطبقة غير موجودة', fr: 'Couche introuvable', en: 'Layer not found' },
  },
});
