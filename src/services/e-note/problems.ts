// The e-note service's problem codes: what an applicant or an agent did that cannot go through, in
// words they can act on (ar, fr, en). Land-title and coordinate codes mirror the reasons of
// land-title.ts and coordinates.ts.
import { defineProblems } from '../../platform/errors.ts';

// Left-to-right isolates keep `12345/C` whole and in order inside Arabic text (invisible elsewhere).
const ltr = (text: string) => `\u2066${text}\u2069`;
const EXAMPLES = [ltr('12345/C'), ltr('164203/63'), ltr('Réq. 45127/63')].join(' · ');

export const ENoteProblems = defineProblems({
  'enote.land_title_empty': {
    status: 422,
    title: {
      ar: 'رقم الرسم العقاري فارغ',
      fr: 'Numéro de titre foncier vide',
      en: 'Land title number missing',
    },
    detail: {
      ar: `أدخلوا رقم الرسم العقاري أو مطلب التحفيظ، مثلا: ${EXAMPLES}.`,
      fr: `Saisissez le numéro du titre foncier ou de la réquisition, par exemple : ${EXAMPLES}.`,
      en: `Type the land title or requisition number, for example: ${EXAMPLES}.`,
    },
  },
  'enote.land_title_missing_suffix': {
    status: 422,
    title: {
      ar: 'ينقص رمز المحافظة العقارية',
      fr: 'Il manque le suffixe de la conservation foncière',
      en: 'The land conservation suffix is missing',
    },
    detail: {
      ar: `أضيفوا بعد الرقم خطا مائلا ورمز المحافظة كما هو مكتوب في الشهادة، مثلا ${ltr('12345/C')} أو ${ltr('164203/63')}.`,
      fr: 'Ajoutez après le numéro une barre oblique et le suffixe de la conservation, tel qu’il figure sur le certificat : 12345/C ou 164203/63.',
      en: 'Add a slash and the conservation suffix after the number, as on the certificate: 12345/C or 164203/63.',
    },
  },
  'enote.land_title_number_invalid': {
    status: 422,
    title: {
      ar: 'رقم الرسم العقاري غير صحيح',
      fr: 'Numéro de titre foncier incorrect',
      en: 'Invalid land title number',
    },
    detail: {
      ar: `الرقم يتكون من 1 إلى 7 أرقام قبل الخط المائل، مثلا ${ltr('164203/63')}.`,
      fr: 'Le numéro compte de 1 à 7 chiffres avant la barre oblique, par exemple 164203/63.',
      en: 'The number has 1 to 7 digits before the slash, for example 164203/63.',
    },
  },
  'enote.land_title_suffix_invalid': {
    status: 422,
    title: {
      ar: 'رمز المحافظة غير صحيح',
      fr: 'Suffixe de conservation incorrect',
      en: 'Invalid conservation suffix',
    },
    detail: {
      ar: 'بعد الخط المائل: حرف أو حرفان (C، D) أو من رقم إلى 3 أرقام (63).',
      fr: 'Après la barre oblique : une ou deux lettres (C, D) ou 1 à 3 chiffres (63).',
      en: 'After the slash: one or two letters (C, D) or 1 to 3 digits (63).',
    },
  },
  'enote.land_title_format': {
    status: 422,
    title: {
      ar: 'هذا ليس مرجع رسم عقاري',
      fr: "Ce n'est pas une référence de titre foncier",
      en: 'This is not a land title reference',
    },
    detail: {
      ar: `الصيغ المقبولة: ${EXAMPLES}، أو «الرسم العقاري رقم …»، «مطلب التحفيظ رقم …».`,
      fr: `Formes acceptées : ${EXAMPLES}, ou « TF n° … », « Réq. n° … ».`,
      en: `Accepted forms: ${EXAMPLES}, or “TF n° …”, “Réq. n° …”.`,
    },
  },
  'enote.land_title_not_found': {
    status: 422,
    title: {
      ar: 'هذا الرسم غير موجود في سجل الوكالة',
      fr: "Ce titre n'est pas dans le registre de l'agence",
      en: "This title is not in the agency's register",
    },
    detail: {
      ar: 'ارسموا القطعة على الخريطة، أو أدخلوا إحداثياتها، أو أرسلوا ملف رؤوسها.',
      fr: 'Tracez la parcelle sur la carte, saisissez ses coordonnées ou envoyez le fichier de ses sommets.',
      en: 'Draw the parcel on the map, type its coordinates or upload the file of its vertices.',
    },
  },
  'enote.land_title_other_agency': {
    status: 422,
    title: {
      ar: 'هذا الرسم يوجد في نفوذ وكالة أخرى',
      fr: "Ce titre relève d'une autre agence",
      en: 'This title lies in another agency’s territory',
    },
    detail: {
      ar: 'الرسم {number} يوجد في نفوذ {agencyAr}: قدموا الطلب لدى هذه الوكالة.',
      fr: 'Le titre {title} se trouve sur le territoire de {agencyFr} : adressez la demande à cette agence.',
      en: 'Title {title} lies in the territory of {agencyFr}: file the request with that agency.',
    },
  },
  // Coordinates and files of vertices.
  'enote.coordinates_empty': {
    status: 422,
    title: { ar: 'لم تُدخل أي إحداثيات', fr: 'Aucune coordonnée saisie', en: 'No coordinates given' },
    detail: {
      ar: 'رأس واحد في كل سطر: X ثم Y (لامبير بالمتر) أو خط العرض وخط الطول (WGS 84).',
      fr: 'Un sommet par ligne : X puis Y (Lambert, en mètres) ou latitude et longitude (WGS 84).',
      en: 'One vertex per line: X then Y (Lambert, metres) or latitude and longitude (WGS 84).',
    },
  },
  'enote.coordinates_unreadable': {
    status: 422,
    title: { ar: 'سطر غير مقروء', fr: 'Ligne illisible', en: 'Unreadable line' },
    detail: {
      ar: `السطر {line} ليس عددين. اكتبوا مثلا: ${ltr('297012.40 330118.25')}`,
      fr: "La ligne {line} n'est pas formée de deux nombres. Écrivez par exemple : 297012.40 330118.25",
      en: 'Line {line} is not two numbers. Write for example: 297012.40 330118.25',
    },
  },
  'enote.coordinates_too_few_vertices': {
    status: 422,
    title: { ar: 'عدد الرؤوس غير كاف', fr: 'Trop peu de sommets', en: 'Too few vertices' },
    detail: {
      ar: 'تحتاج القطعة إلى 3 رؤوس على الأقل.',
      fr: 'Une parcelle a au moins 3 sommets.',
      en: 'A parcel has at least 3 vertices.',
    },
  },
  'enote.coordinates_too_many_vertices': {
    status: 422,
    title: { ar: 'عدد الرؤوس كبير جدا', fr: 'Trop de sommets', en: 'Too many vertices' },
    detail: {
      ar: 'الحد الأقصى 500 رأس.',
      fr: 'Au plus 500 sommets.',
      en: 'At most 500 vertices.',
    },
  },
  'enote.coordinates_mixed_units': {
    status: 422,
    title: {
      ar: 'إحداثيات مختلطة',
      fr: 'Coordonnées mélangées',
      en: 'Mixed coordinates',
    },
    detail: {
      ar: 'بعض الأعداد درجات وأخرى أمتار: استعملوا نظاما واحدا لكل الرؤوس.',
      fr: 'Certains nombres sont des degrés, d’autres des mètres : un seul système pour tous les sommets.',
      en: 'Some numbers are degrees and others metres: use one system for every vertex.',
    },
  },
  'enote.coordinates_wgs84_as_lambert': {
    status: 422,
    title: {
      ar: 'هذه درجات WGS 84 وليست إحداثيات لامبير',
      fr: 'Ce sont des degrés WGS 84, pas des coordonnées Lambert',
      en: 'These are WGS 84 degrees, not Lambert coordinates',
    },
    detail: {
      ar: `إحداثيات لامبير أمتار بستة أرقام (مثلا ${ltr('297012.40 330118.25')}). اختاروا «WGS 84 (درجات)» أو أدخلوا إحداثيات لامبير.`,
      fr: 'Les coordonnées Lambert sont des mètres à six chiffres (par ex. 297012.40 330118.25). Choisissez « WGS 84 (degrés) » ou saisissez les coordonnées Lambert.',
      en: 'Lambert coordinates are six-digit metres (e.g. 297012.40 330118.25). Choose “WGS 84 (degrees)” or type the Lambert coordinates.',
    },
  },
  'enote.coordinates_lambert_as_wgs84': {
    status: 422,
    title: {
      ar: 'هذه أمتار لامبير وليست درجات WGS 84',
      fr: 'Ce sont des mètres Lambert, pas des degrés WGS 84',
      en: 'These are Lambert metres, not WGS 84 degrees',
    },
    detail: {
      ar: 'اختاروا «لامبير (أمتار)» أو «كشف تلقائي».',
      fr: 'Choisissez « Lambert (mètres) » ou « Détection automatique ».',
      en: 'Choose “Lambert (metres)” or “Detect automatically”.',
    },
  },
  'enote.coordinates_outside_morocco': {
    status: 422,
    title: {
      ar: 'الإحداثيات خارج المغرب',
      fr: 'Coordonnées hors du Maroc',
      en: 'Coordinates outside Morocco',
    },
    detail: {
      ar: 'راجعوا الأرقام: بالمغرب خط العرض بين 21 و36 وخط الطول سالب.',
      fr: 'Vérifiez les nombres : au Maroc la latitude est entre 21 et 36 et la longitude est négative.',
      en: 'Check the numbers: in Morocco latitude lies between 21 and 36 and longitude is negative.',
    },
  },
  'enote.coordinates_not_lambert': {
    status: 422,
    title: {
      ar: 'ليست إحداثيات لامبير للمغرب',
      fr: 'Ce ne sont pas des coordonnées Lambert du Maroc',
      en: 'Not Moroccan Lambert coordinates',
    },
    detail: {
      ar: `X وY بالأمتار كما في تصميم المهندس الطبوغرافي (مثلا ${ltr('297012.40 330118.25')}).`,
      fr: "X et Y en mètres, tels qu'ils figurent sur le plan du géomètre (par ex. 297012.40 330118.25).",
      en: "X and Y in metres, as on the surveyor's plan (e.g. 297012.40 330118.25).",
    },
  },
  'enote.coordinates_file_too_large': {
    status: 413,
    title: { ar: 'الملف كبير جدا', fr: 'Fichier trop volumineux', en: 'File too large' },
    detail: {
      ar: 'ملف الرؤوس لا يتجاوز 64 كيلوبايت.',
      fr: 'Le fichier des sommets ne dépasse pas 64 Ko.',
      en: 'The vertices file is at most 64 KB.',
    },
  },
  'enote.coordinates_file_type': {
    status: 415,
    title: { ar: 'نوع الملف غير مقبول', fr: 'Type de fichier refusé', en: 'File type not accepted' },
    detail: {
      ar: 'ملف نصي CSV (X;Y في كل سطر) أو GeoJSON.',
      fr: 'Un fichier texte CSV (X;Y par ligne) ou GeoJSON.',
      en: 'A CSV text file (X;Y per line) or GeoJSON.',
    },
  },
  'enote.coordinates_file_geometry': {
    status: 422,
    title: {
      ar: 'يجب أن يحتوي الملف على مضلع واحد',
      fr: 'Le fichier doit contenir un seul polygone',
      en: 'The file must hold one polygon',
    },
    detail: {
      ar: 'مضلع واحد بدون ثقوب (Polygon).',
      fr: 'Un seul polygone sans trou (Polygon).',
      en: 'One polygon without holes (Polygon).',
    },
  },
  // The parcel.
  'enote.parcel_self_intersecting': {
    status: 422,
    title: {
      ar: 'حدود القطعة تتقاطع مع نفسها',
      fr: 'Le contour de la parcelle se recoupe',
      en: "The parcel's outline crosses itself",
    },
    detail: {
      ar: 'يتقاطع الحد عند النقطة (\u2066{x} ، {y}\u2069): رتبوا الرؤوس في اتجاه واحد حول القطعة.',
      fr: 'Le contour se croise au point ({x} ; {y}) : donnez les sommets dans l’ordre, en faisant le tour de la parcelle.',
      en: 'The outline crosses at ({x}, {y}): list the vertices in order, going round the parcel.',
    },
  },
  'enote.parcel_too_small': {
    status: 422,
    title: {
      ar: 'مساحة القطعة منعدمة أو صغيرة جدا',
      fr: 'Parcelle nulle ou trop petite',
      en: 'Parcel empty or too small',
    },
    detail: {
      ar: 'مساحة القطعة {area} م²، والحد الأدنى 10 م². راجعوا الرؤوس.',
      fr: 'La parcelle mesure {area} m² ; le minimum est 10 m². Vérifiez les sommets.',
      en: 'The parcel measures {area} m²; the minimum is 10 m². Check the vertices.',
    },
  },
  'enote.parcel_too_large': {
    status: 422,
    title: { ar: 'القطعة كبيرة جدا', fr: 'Parcelle trop grande', en: 'Parcel too large' },
    detail: {
      ar: 'مساحة القطعة {areaHa} هكتار، والحد الأقصى لمذكرة واحدة 500 هكتار.',
      fr: 'La parcelle mesure {areaHa} ha ; une note porte sur 500 ha au plus.',
      en: 'The parcel measures {areaHa} ha; a note covers at most 500 ha.',
    },
  },
  'enote.parcel_outside_territory': {
    status: 422,
    title: {
      ar: 'القطعة خارج نفوذ الوكالة',
      fr: "Parcelle hors du territoire de l'agence",
      en: "Parcel outside the agency's territory",
    },
    detail: {
      ar: 'لا تقع القطعة في نفوذ {ownAr}. {otherAr}',
      fr: 'La parcelle ne se trouve pas sur le territoire de {ownFr}. {otherFr}',
      en: 'The parcel is not in the territory of {ownFr}. {otherEn}',
    },
  },
  'enote.parcel_crosses_agencies': {
    status: 422,
    title: {
      ar: 'القطعة تمتد على نفوذ وكالتين',
      fr: 'La parcelle chevauche deux agences',
      en: 'The parcel straddles two agencies',
    },
    detail: {
      ar: 'جزء من القطعة خارج نفوذ {ownAr} ({otherAr}). قدموا طلبا لكل جزء لدى الوكالة المختصة.',
      fr: 'Une partie de la parcelle sort du territoire de {ownFr} ({otherFr}). Déposez une demande par partie auprès de l’agence compétente.',
      en: 'Part of the parcel lies outside {ownFr} ({otherEn}). File one request per part with the competent agency.',
    },
  },
  'enote.parcel_missing': {
    status: 409,
    title: {
      ar: 'لم تُحدد القطعة بعد',
      fr: "La parcelle n'est pas encore identifiée",
      en: 'The parcel is not identified yet',
    },
    detail: {
      ar: 'حددوا القطعة (الرسم العقاري، الرسم على الخريطة، الإحداثيات أو ملف) قبل الإيداع.',
      fr: 'Identifiez la parcelle (titre, tracé sur la carte, coordonnées ou fichier) avant le dépôt.',
      en: 'Identify the parcel (title, drawing, coordinates or file) before filing.',
    },
  },
  'enote.not_editable': {
    status: 409,
    title: {
      ar: 'لا يمكن التعديل في هذه المرحلة',
      fr: 'Modification impossible à ce stade',
      en: 'Cannot be changed at this stage',
    },
  },
  'enote.agency_not_found': {
    status: 404,
    title: { ar: 'الوكالة غير موجودة', fr: 'Agence introuvable', en: 'Agency not found' },
  },
  'enote.note_not_found': {
    status: 404,
    title: { ar: 'المذكرة غير موجودة', fr: 'Note introuvable', en: 'Note not found' },
  },
  'enote.draft_not_ready': {
    status: 409,
    title: {
      ar: 'النسخة الأولية الآلية غير جاهزة',
      fr: "La version automatique n'est pas prête",
      en: 'The automatic draft is not ready',
    },
  },
  'enote.stale_edit': {
    status: 409,
    title: {
      ar: 'عدّل شخص آخر المذكرة في الأثناء',
      fr: 'La note a été modifiée entre-temps',
      en: 'The note was changed in the meantime',
    },
    detail: {
      ar: 'أعيدوا تحميل الصفحة لرؤية آخر صيغة ثم أعيدوا تعديلكم.',
      fr: 'Rechargez la page pour voir la dernière version, puis refaites votre modification.',
      en: 'Reload the page to see the latest version, then make your change again.',
    },
  },
  'enote.correction_invalid': {
    status: 422,
    title: { ar: 'تصحيح غير مقبول', fr: 'Correction refusée', en: 'Correction not accepted' },
    detail: {
      ar: 'لا يمكن تصحيح «{path}» بهذه القيمة.',
      fr: '« {path} » ne peut pas être corrigé avec cette valeur.',
      en: '“{path}” cannot be corrected with this value.',
    },
  },
  'enote.content_changed': {
    status: 409,
    title: {
      ar: 'تغير مضمون المذكرة منذ مراجعتها',
      fr: 'Le contenu de la note a changé depuis sa vérification',
      en: 'The note changed since it was reviewed',
    },
    detail: {
      ar: 'لم يتم التوقيع. المضمون المعروض عليكم ({given}) ليس هو الذي تمت مراجعته ({reviewed}). أعيدوا قراءة المذكرة.',
      fr: "Rien n'a été signé. Le contenu qui vous est présenté ({given}) n'est pas celui qui a été vérifié ({reviewed}). Relisez la note.",
      en: 'Nothing was signed. The content shown to you ({given}) is not the one reviewed ({reviewed}). Read the note again.',
    },
  },
  'enote.reissue_not_allowed': {
    status: 409,
    title: {
      ar: 'لا يمكن إعادة إصدار هذه المذكرة',
      fr: 'Cette note ne peut pas être rééditée',
      en: 'This note cannot be re-issued',
    },
    detail: {
      ar: 'تعاد إصدار مذكرة مسلمة وموقعة فقط، من طرف مدير الوكالة.',
      fr: "Seule une note délivrée et signée peut être rééditée, par le directeur de l'agence.",
      en: "Only a delivered, signed note can be re-issued, by the agency's director.",
    },
  },
});

export type ENoteProblemCode = keyof typeof ENoteProblems;
