// The geo module's stable codes: HTTP status (for errors that end an upload) and localized titles.
// Warnings and per-feature problems use the same catalogue; their status is what an API would
// answer if the condition were made fatal.

export type GeoMessage = { status: number; ar: string; fr: string; en: string };

export const GEO_MESSAGES = {
  // Reading a source file.
  'geo.format_unsupported': {
    status: 415,
    ar: 'صيغة الملف غير مدعومة (المقبول: shapefile مضغوط zip أو GeoJSON)',
    fr: 'Format de fichier non pris en charge (attendu : shapefile zippé ou GeoJSON)',
    en: 'Unsupported file format (expected a zipped shapefile or GeoJSON)',
  },
  'geo.file_too_large': {
    status: 413,
    ar: 'الملف يتجاوز الحجم المسموح به',
    fr: 'Le fichier dépasse la taille autorisée',
    en: 'The file exceeds the allowed size',
  },
  'geo.zip_invalid': {
    status: 422,
    ar: 'تعذرت قراءة الأرشيف المضغوط',
    fr: "L'archive zip est illisible",
    en: 'The zip archive cannot be read',
  },
  'geo.zip_too_many_entries': {
    status: 413,
    ar: 'الأرشيف يحتوي على عدد كبير جدا من الملفات',
    fr: "L'archive contient trop de fichiers",
    en: 'The archive holds too many files',
  },
  'geo.zip_bomb': {
    status: 413,
    ar: 'نسبة ضغط الأرشيف غير معقولة؛ رُفض الملف',
    fr: "Taux de compression anormal : l'archive est refusée",
    en: 'Abnormal compression ratio: the archive is refused',
  },
  'geo.no_layer': {
    status: 422,
    ar: 'لا توجد أي طبقة (.shp) في الأرشيف',
    fr: "Aucune couche (.shp) dans l'archive",
    en: 'No layer (.shp) in the archive',
  },
  'geo.shp_invalid': {
    status: 422,
    ar: 'ملف shapefile تالف أو غير مكتمل',
    fr: 'Shapefile corrompu ou incomplet',
    en: 'Corrupt or incomplete shapefile',
  },
  'geo.dbf_missing': {
    status: 422,
    ar: 'ملف السمات (.dbf) غير موجود؛ قُرئت الأشكال بدون سمات',
    fr: 'Fichier attributaire (.dbf) absent : géométries lues sans attributs',
    en: 'Attribute file (.dbf) missing: geometries read without attributes',
  },
  'geo.dbf_deleted_records': {
    status: 422,
    ar: 'تم تجاهل سجلات محذوفة في ملف السمات',
    fr: 'Des enregistrements supprimés du .dbf ont été ignorés',
    en: 'Deleted .dbf records were skipped',
  },
  'geo.geojson_invalid': {
    status: 422,
    ar: 'ملف GeoJSON غير صالح',
    fr: 'Fichier GeoJSON invalide',
    en: 'Invalid GeoJSON file',
  },
  'geo.crs_unknown': {
    status: 422,
    ar: 'نظام الإحداثيات غير معروف: أرفقوا ملف .prj أو حددوا النظام (مثلا لامبير شمال المغرب EPSG:26191)',
    fr: 'Système de coordonnées inconnu : joignez le .prj ou indiquez le système (ex. Lambert Nord Maroc, EPSG:26191)',
    en: 'Unknown coordinate system: include the .prj or state the system (e.g. Lambert Nord Maroc, EPSG:26191)',
  },
  'geo.crs_prj_mismatch': {
    status: 422,
    ar: 'النظام المحدد يختلف عن ملف .prj؛ اعتُمد النظام المحدد',
    fr: 'Le système indiqué diffère du .prj : le système indiqué a été retenu',
    en: 'The stated system differs from the .prj: the stated system was used',
  },
  'geo.encoding_unknown': {
    status: 422,
    ar: 'ترميز الأحرف المعلن غير معروف',
    fr: 'Encodage des caractères déclaré inconnu',
    en: 'Declared character encoding unknown',
  },
  'geo.encoding_guessed': {
    status: 422,
    ar: 'لم يُعلن ترميز الأحرف؛ تم تخمينه، يرجى التحقق من النصوص العربية',
    fr: 'Encodage non déclaré : il a été deviné, vérifiez les textes arabes et accentués',
    en: 'Encoding not declared: it was guessed, check Arabic and accented text',
  },
  // Geometry checks.
  'geo.geometry_missing': {
    status: 422,
    ar: 'عنصر بدون شكل هندسي',
    fr: 'Entité sans géométrie',
    en: 'Feature without geometry',
  },
  'geo.geometry_type_unexpected': {
    status: 422,
    ar: 'نوع الشكل الهندسي غير متوقع لهذه الطبقة',
    fr: 'Type de géométrie inattendu pour cette couche',
    en: 'Unexpected geometry type for this layer',
  },
  'geo.coordinate_invalid': {
    status: 422,
    ar: 'إحداثية غير صالحة (فارغة أو غير رقمية)',
    fr: 'Coordonnée invalide (vide ou non numérique)',
    en: 'Invalid coordinate (empty or not a number)',
  },
  'geo.ring_not_closed': {
    status: 422,
    ar: 'الحلقة غير مغلقة (النقطة الأخيرة تختلف عن الأولى)',
    fr: 'Anneau non fermé (le dernier point diffère du premier)',
    en: 'Ring not closed (last point differs from the first)',
  },
  'geo.ring_too_few_points': {
    status: 422,
    ar: 'الحلقة تحتوي على أقل من أربع نقاط',
    fr: 'Anneau de moins de quatre points',
    en: 'Ring with fewer than four points',
  },
  'geo.line_too_few_points': {
    status: 422,
    ar: 'الخط يحتوي على أقل من نقطتين',
    fr: 'Ligne de moins de deux points',
    en: 'Line with fewer than two points',
  },
  'geo.ring_self_intersection': {
    status: 422,
    ar: 'الحلقة تتقاطع مع نفسها',
    fr: "L'anneau se recoupe lui-même",
    en: 'The ring intersects itself',
  },
  'geo.zero_area': { status: 422, ar: 'مساحة منعدمة', fr: 'Surface nulle', en: 'Zero area' },
  'geo.outside_morocco': {
    status: 422,
    ar: 'الإحداثيات خارج المغرب أو خارج منطقة نظام الإحداثيات المعلن',
    fr: 'Coordonnées hors du Maroc ou hors de la zone du système déclaré',
    en: 'Coordinates outside Morocco or outside the area of the declared system',
  },
  'geo.axes_swapped': {
    status: 422,
    ar: 'يبدو أن X و Y معكوسان',
    fr: 'X et Y semblent inversés',
    en: 'X and Y look swapped',
  },
  'geo.crs_suspect': {
    status: 422,
    ar: 'الإحداثيات تبدو في نظام آخر غير النظام المعلن',
    fr: 'Les coordonnées semblent exprimées dans un autre système que celui déclaré',
    en: 'The coordinates look like another system than the declared one',
  },
  // Attribute mapping.
  'geo.attr_not_a_number': {
    status: 422,
    ar: 'قيمة غير رقمية في حقل رقمي',
    fr: 'Valeur non numérique dans un champ numérique',
    en: 'Non-numeric value in a numeric field',
  },
  'geo.attr_out_of_range': {
    status: 422,
    ar: 'قيمة خارج المجال المعقول',
    fr: 'Valeur hors des bornes plausibles',
    en: 'Value outside the plausible range',
  },
  'geo.attr_unrecognised': {
    status: 422,
    ar: 'قيمة غير معروفة',
    fr: 'Valeur non reconnue',
    en: 'Unrecognised value',
  },
  'geo.attr_ambiguous': {
    status: 422,
    ar: 'قيمة ملتبسة؛ يرجى التحقق من التأويل المعتمد',
    fr: "Valeur ambiguë : vérifiez l'interprétation retenue",
    en: 'Ambiguous value: check the reading that was kept',
  },
  // Import of a plan (layers, database checks).
  'geo.layer_kind_unknown': {
    status: 422,
    ar: 'تعذر معرفة محتوى الطبقة (مناطق، طرق، ارتفاقات، تجهيزات)؛ حددوه بالخيار --layer',
    fr: 'Contenu de la couche indéterminé (zones, voirie, servitudes, réservations) : précisez-le (--layer)',
    en: 'Cannot tell what the layer holds (zones, roads, servitudes, reservations): state it (--layer)',
  },
  'geo.layer_skipped': {
    status: 422,
    ar: 'طبقة لم يتم استيرادها',
    fr: 'Couche non importée',
    en: 'Layer not imported',
  },
  'geo.layer_empty': {
    status: 422,
    ar: 'الطبقة لا تحتوي على أي عنصر',
    fr: 'La couche ne contient aucune entité',
    en: 'The layer holds no feature',
  },
  'geo.geometry_invalid': {
    status: 422,
    ar: 'شكل هندسي غير صالح حسب PostGIS',
    fr: 'Géométrie invalide selon PostGIS',
    en: 'Invalid geometry according to PostGIS',
  },
  'geo.outside_agency': {
    status: 422,
    ar: 'العنصر خارج المجال الترابي للوكالة',
    fr: "Entité hors du ressort territorial de l'agence",
    en: "Feature outside the agency's territory",
  },
  'geo.territory_unknown': {
    status: 422,
    ar: 'المجال الترابي للوكالة غير مسجل؛ لم يتم التحقق من موقع العناصر بالنسبة للوكالة',
    fr: "Ressort territorial de l'agence non enregistré : la position par rapport à l'agence n'a pas été vérifiée",
    en: "The agency's territory is not recorded: positions were not checked against it",
  },
  'geo.zone_code_missing': {
    status: 422,
    ar: 'منطقة بدون رمز',
    fr: 'Zone sans code',
    en: 'Zone without a code',
  },
  'geo.width_missing': {
    status: 422,
    ar: 'ارتفاق خطي بدون عرض: يتعذر رسم نطاقه',
    fr: "Servitude linéaire sans largeur : impossible d'en tracer l'emprise",
    en: 'Line servitude without a width: its strip cannot be drawn',
  },
} as const satisfies Record<string, GeoMessage>;

export type GeoCode = keyof typeof GEO_MESSAGES;

export type GeoError = { code: GeoCode; message: string; details?: Record<string, unknown> };

export function geoError(code: GeoCode, details?: Record<string, unknown>, message?: string): GeoError {
  const out: GeoError = { code, message: message ?? GEO_MESSAGES[code].en };
  if (details) out.details = details;
  return out;
}
