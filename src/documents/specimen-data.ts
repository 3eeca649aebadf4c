import { ltr } from './format.ts';
import { type AgencyIdentity, ROLE_TITLES } from './official.ts';
import type { ReceiptInput } from './receipt.ts';
import type { UrbanNoteInput } from './specimen-note.ts';

/**
 * Fixed sample data for the specimen documents (tests, demos, `taamir documents specimen`).
 * The agency is real, every person, parcel, decree and number is fictitious, and the output
 * carries a SPECIMEN watermark.
 */

export const SPECIMEN_AGENCY: AgencyIdentity = {
  code: 'AUC',
  nameFr: 'Agence Urbaine de Casablanca',
  nameAr: 'الوكالة الحضرية للدار البيضاء',
  ministryFr:
    "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville",
  ministryAr: 'وزارة إعداد التراب الوطني والتعمير والإسكان وسياسة المدينة',
  cityFr: 'Casablanca',
  cityAr: 'الدار البيضاء',
  addressFr: 'Adresse fictive, Casablanca',
  addressAr: 'عنوان وهمي، الدار البيضاء',
  phone: '+212 5 22 00 00 00',
  website: 'taamir.example.ma',
};

export const SPECIMEN_PEOPLE = {
  instructor: { fr: 'Salma Bennani', ar: 'سلمى بناني' },
  director: { fr: 'Youssef El Amrani', ar: 'يوسف العمراني' },
  applicant: { fr: 'M. Karim Alaoui', ar: 'السيد كريم العلوي' },
} as const;

export const specimenUrbanNoteInput = (options: {
  reference: string;
  issuedOn: string;
  verification: { url: string; code: string };
}): UrbanNoteInput => ({
  agency: SPECIMEN_AGENCY,
  reference: options.reference,
  issuedOn: options.issuedOn,
  verification: options.verification,
  specimen: true,
  parcel: {
    landTitle: '12345/C',
    commune: { fr: 'Casablanca — Arrondissement Maârif', ar: 'الدار البيضاء — مقاطعة المعاريف' },
    prefecture: {
      fr: 'Préfecture des arrondissements de Casablanca-Anfa',
      ar: 'عمالة مقاطعات الدار البيضاء أنفا',
    },
    address: { fr: 'Angle rue 12 et boulevard projeté n° 7', ar: 'زاوية الزنقة 12 والشارع المبرمج رقم 7' },
    areaM2: 1250,
    applicant: SPECIMEN_PEOPLE.applicant,
  },
  plan: {
    name: { fr: "Plan d'aménagement de l'arrondissement Maârif", ar: 'تصميم تهيئة مقاطعة المعاريف' },
    approval: {
      fr: 'Décret n° 2-19-000 du 2 janvier 2020 (fictif)',
      ar: 'المرسوم رقم 2.19.000 بتاريخ 2 يناير 2020 (وهمي)',
    },
  },
  zones: [
    {
      code: 'E3',
      label: { fr: "Zone d'habitat continu, immeubles R+4", ar: 'منطقة السكن المسترسل، عمارات R+4' },
      cos: 2.4,
      cesPercent: 60,
      levelsAboveGround: 4,
      areaM2: 850,
    },
    {
      code: 'V',
      label: { fr: 'Voirie projetée (emprise 20 m)', ar: 'طريق مبرمجة (عرض 20 م)' },
      cos: null,
      cesPercent: null,
      levelsAboveGround: null,
      areaM2: 250,
    },
    {
      code: 'EV',
      label: { fr: 'Espace vert public', ar: 'منطقة خضراء عمومية' },
      cos: null,
      cesPercent: null,
      levelsAboveGround: null,
      areaM2: 150,
    },
  ],
  servitudes: [
    {
      fr: "Alignement : recul de 5 m par rapport à l'emprise du boulevard projeté n° 7.",
      ar: 'التصفيف : تراجع بـ 5 أمتار عن حدود الشارع المبرمج رقم 7.',
    },
    {
      fr: "Servitude non aedificandi de 3 m le long de la conduite d'assainissement existante.",
      ar: 'ارتفاق بعدم البناء على عرض 3 أمتار على طول قناة التطهير الموجودة.',
    },
    {
      fr: 'Hauteur maximale en zone E3 : 16 m, acrotère compris.',
      ar: 'العلو الأقصى في المنطقة E3 هو 16 مترا، بما في ذلك الحاجز العلوي.',
    },
  ],
  observations: [
    {
      fr: "La présente note est délivrée à titre d'information. Elle ne vaut ni autorisation de construire ni autorisation de lotir.",
      ar: 'تسلم هذه المذكرة على سبيل الإخبار، ولا تقوم مقام رخصة البناء ولا رخصة التجزيء.',
    },
    {
      fr: "Les renseignements ci-dessus sont valables à la date de délivrance, sous réserve de toute modification du document d'urbanisme.",
      ar: 'تبقى المعلومات أعلاه صالحة في تاريخ التسليم، مع مراعاة كل تعديل يطرأ على وثيقة التعمير.',
    },
    {
      fr: 'Droits acquittés : 250,00 MAD.',
      ar: 'الرسوم المؤداة : 250,00 درهم.',
    },
  ],
  signatories: [
    {
      roleFr: "Chargée de l'instruction du dossier",
      roleAr: 'المكلفة بدراسة الملف',
      nameFr: SPECIMEN_PEOPLE.instructor.fr,
      nameAr: SPECIMEN_PEOPLE.instructor.ar,
    },
    {
      roleFr: ROLE_TITLES['agency-director'].fr,
      roleAr: ROLE_TITLES['agency-director'].ar,
      nameFr: SPECIMEN_PEOPLE.director.fr,
      nameAr: SPECIMEN_PEOPLE.director.ar,
    },
    {
      roleFr: ROLE_TITLES.seal.fr,
      roleAr: ROLE_TITLES.seal.ar,
      nameFr: SPECIMEN_AGENCY.nameFr,
      nameAr: SPECIMEN_AGENCY.nameAr,
    },
  ],
});

export const specimenReceiptInput = (options: {
  reference: string;
  paidAt: Date;
  verification: { url: string; code: string };
}): ReceiptInput => ({
  agency: SPECIMEN_AGENCY,
  reference: options.reference,
  paidAt: options.paidAt,
  verification: options.verification,
  specimen: true,
  payer: { ...SPECIMEN_PEOPLE.applicant, idNumber: 'BE000000' },
  service: {
    fr: 'Note de renseignements urbanistiques (TF 12345/C)',
    ar: `مذكرة المعلومات التعميرية (الرسم العقاري ${ltr('12345/C')})`,
  },
  amountCentimes: 25000,
  orderNumber: 'OP-AUC-2026-000321',
  transactionId: 'SBX-7F3A9C21E05B',
  caseReference: 'NRU-AUC-2026-000123',
  method: { fr: 'Carte bancaire (paiement en ligne)', ar: 'بطاقة بنكية (أداء إلكتروني)' },
  notes: [
    {
      fr: 'Le présent reçu atteste le paiement de la rémunération du service rendu. Il ne vaut pas délivrance de la prestation.',
      ar: 'يثبت هذا الوصل أداء أجرة الخدمة المقدمة، ولا يقوم مقام تسليم الخدمة.',
    },
    {
      fr: 'Conservez ce reçu : sa référence et son code de vérification sont demandés en cas de réclamation.',
      ar: 'احتفظوا بهذا الوصل، إذ يطلب مرجعه ورمز التحقق منه عند كل شكاية.',
    },
  ],
  signatories: [
    {
      roleFr: ROLE_TITLES.seal.fr,
      roleAr: ROLE_TITLES.seal.ar,
      nameFr: SPECIMEN_AGENCY.nameFr,
      nameAr: SPECIMEN_AGENCY.nameAr,
    },
  ],
});
