// The three demo areas. Coordinates are approximate town centres; everything drawn there is
// synthetic. Lambert zones: Casablanca (33.56°N) and Témara (33.93°N) are north of 31.5°N, in
// Nord Maroc (EPSG:26191); Taroudant (30.47°N) lies between 27.66°N and 31.5°N, the area of
// Sud Maroc (EPSG:26192) — one degree south of Nord Maroc's limit.

import type { CrsCode } from '../../src/geo/crs.ts';

export type ReservationSpec = {
  /** Code prefix on the plan: EP 3, CS 1, M 2… */
  prefix: string;
  kind: 'school' | 'health' | 'mosque' | 'green_space' | 'administration' | 'sport' | 'market';
  labelFr: string;
  labelAr: string;
  beneficiaryFr: string;
  beneficiaryAr: string;
  count: number;
  /** Whole block (true) or a corner of one (false) with a target area. */
  whole: boolean;
  areaM2: [number, number];
};

export type ServitudeSpec =
  | {
      kind: 'high_voltage';
      /** Where the axis crosses the local v = 0 line, as a fraction of the width. */
      at: number;
      angleDeg: number;
      widthM: number;
      labelFr: string;
      labelAr: string;
      authority: string;
    }
  | {
      kind: 'non_aedificandi' | 'heritage' | 'railway';
      /** Strip along the local west (u = 0) or south (v = 0) edge. */
      edge: 'west' | 'south';
      /** Metres inside the urban area (over the first blocks) and outside it. */
      insideM: number;
      outsideM: number;
      labelFr: string;
      labelAr: string;
      authority: string;
      ruleFr: string;
      ruleAr: string;
    };

export type TitleSpec = {
  number: string;
  kind: 'titre_foncier' | 'requisition';
  nameFr: string;
  nameAr: string;
};

export type AgencyConfig = {
  slug: string;
  agencyFr: string;
  agencyAr: string;
  crs: CrsCode;
  centre: [number, number];
  rotationDeg: number;
  seed: number;
  width: number;
  height: number;
  blockU: [number, number];
  blockV: [number, number];
  primaryEvery: number;
  secondaryEvery: number;
  widths: { primary: number; secondary: number; tertiary: number };
  /** Sector seeds [code, u, v] (fractions of the area); blocks take the code of the nearest seed. */
  sectors: [string, number, number][];
  stripCode: string;
  stripTargets: string[];
  stripDepth: number;
  agriculturalBandM: number;
  reservations: ReservationSpec[];
  servitudes: ServitudeSpec[];
  titles: TitleSpec[];
  conservationFr: string;
  plan: {
    id: string;
    nameFr: string;
    nameAr: string;
    communes: { nameFr: string; nameAr: string; arrondissements?: string[] }[];
    decreeFr: string;
    decreeAr: string;
    approvedOn: string;
    bulletinOfficiel: string;
  };
};

const SCHOOLS_FR = "Ministère de l'Éducation nationale";
const SCHOOLS_AR = 'وزارة التربية الوطنية';
const HEALTH_FR = 'Ministère de la Santé';
const HEALTH_AR = 'وزارة الصحة';
const HABOUS_FR = 'Ministère des Habous et des Affaires islamiques';
const HABOUS_AR = 'وزارة الأوقاف والشؤون الإسلامية';
const COMMUNE_FR = 'Commune';
const COMMUNE_AR = 'الجماعة';
const SPORT_FR = 'Ministère de la Jeunesse et des Sports';
const SPORT_AR = 'وزارة الشباب والرياضة';
const INTERIOR_FR = "Ministère de l'Intérieur";
const INTERIOR_AR = 'وزارة الداخلية';

function standardReservations(scale: number): ReservationSpec[] {
  const n = (k: number) => Math.max(1, Math.round(k * scale));
  return [
    {
      prefix: 'EP',
      kind: 'school',
      labelFr: 'École primaire',
      labelAr: 'مدرسة ابتدائية',
      beneficiaryFr: SCHOOLS_FR,
      beneficiaryAr: SCHOOLS_AR,
      count: n(4),
      whole: false,
      areaM2: [4000, 6000],
    },
    {
      prefix: 'CL',
      kind: 'school',
      labelFr: 'Collège',
      labelAr: 'ثانوية إعدادية',
      beneficiaryFr: SCHOOLS_FR,
      beneficiaryAr: SCHOOLS_AR,
      count: n(2),
      whole: true,
      areaM2: [0, 0],
    },
    {
      prefix: 'LY',
      kind: 'school',
      labelFr: 'Lycée',
      labelAr: 'ثانوية تأهيلية',
      beneficiaryFr: SCHOOLS_FR,
      beneficiaryAr: SCHOOLS_AR,
      count: n(1),
      whole: true,
      areaM2: [0, 0],
    },
    {
      prefix: 'CS',
      kind: 'health',
      labelFr: 'Centre de santé',
      labelAr: 'مركز صحي',
      beneficiaryFr: HEALTH_FR,
      beneficiaryAr: HEALTH_AR,
      count: n(3),
      whole: false,
      areaM2: [1500, 3000],
    },
    {
      prefix: 'M',
      kind: 'mosque',
      labelFr: 'Mosquée',
      labelAr: 'مسجد',
      beneficiaryFr: HABOUS_FR,
      beneficiaryAr: HABOUS_AR,
      count: n(5),
      whole: false,
      areaM2: [1200, 2500],
    },
    {
      prefix: 'EV',
      kind: 'green_space',
      labelFr: 'Espace vert public',
      labelAr: 'مساحة خضراء عمومية',
      beneficiaryFr: COMMUNE_FR,
      beneficiaryAr: COMMUNE_AR,
      count: n(4),
      whole: true,
      areaM2: [0, 0],
    },
    {
      prefix: 'SQ',
      kind: 'green_space',
      labelFr: 'Square',
      labelAr: 'حديقة عمومية صغيرة',
      beneficiaryFr: COMMUNE_FR,
      beneficiaryAr: COMMUNE_AR,
      count: n(3),
      whole: false,
      areaM2: [1500, 3000],
    },
    {
      prefix: 'ADM',
      kind: 'administration',
      labelFr: 'Annexe administrative',
      labelAr: 'ملحقة إدارية',
      beneficiaryFr: INTERIOR_FR,
      beneficiaryAr: INTERIOR_AR,
      count: n(2),
      whole: false,
      areaM2: [1500, 2500],
    },
    {
      prefix: 'PC',
      kind: 'administration',
      labelFr: 'Protection civile',
      labelAr: 'الوقاية المدنية',
      beneficiaryFr: INTERIOR_FR,
      beneficiaryAr: INTERIOR_AR,
      count: n(1),
      whole: false,
      areaM2: [2000, 3000],
    },
    {
      prefix: 'SP',
      kind: 'sport',
      labelFr: 'Terrain de sport',
      labelAr: 'ملعب رياضي',
      beneficiaryFr: SPORT_FR,
      beneficiaryAr: SPORT_AR,
      count: n(3),
      whole: true,
      areaM2: [0, 0],
    },
    {
      prefix: 'MA',
      kind: 'market',
      labelFr: 'Marché municipal',
      labelAr: 'سوق جماعي',
      beneficiaryFr: COMMUNE_FR,
      beneficiaryAr: COMMUNE_AR,
      count: n(2),
      whole: false,
      areaM2: [2000, 4000],
    },
  ];
}

export const AGENCIES: readonly AgencyConfig[] = [
  {
    slug: 'casablanca',
    agencyFr: 'Agence urbaine de Casablanca',
    agencyAr: 'الوكالة الحضرية للدار البيضاء',
    crs: 'EPSG:26191',
    centre: [-7.675, 33.556],
    rotationDeg: 32,
    seed: 20190712,
    width: 2600,
    height: 1900,
    blockU: [95, 150],
    blockV: [60, 100],
    primaryEvery: 5,
    secondaryEvery: 2,
    widths: { primary: 30, secondary: 20, tertiary: 12 },
    // Oulfa's economic housing in the middle, villas to the north, industry to the south-east
    // (towards Lissasfa).
    sectors: [
      ['E3', 0.25, 0.3],
      ['E4', 0.2, 0.75],
      ['E3', 0.55, 0.5],
      ['B4', 0.05, 0.45],
      ['D2', 0.45, 0.88],
      ['I', 0.85, 0.18],
      ['E3', 0.5, 0.12],
      ['D1', 0.75, 0.72],
      ['B4', 0.95, 0.55],
      ['E4', 0.35, 0.55],
    ],
    stripCode: 'B6',
    stripTargets: ['E3', 'E4', 'D1', 'D2', 'B4'],
    stripDepth: 30,
    agriculturalBandM: 0,
    reservations: standardReservations(1),
    servitudes: [
      {
        kind: 'high_voltage',
        at: 0.62,
        angleDeg: 68,
        widthM: 50,
        labelFr: 'Couloir de ligne électrique 225 kV',
        labelAr: 'ممر خط كهربائي 225 ك.ف',
        authority: 'ONEE – Branche électricité',
      },
      {
        kind: 'non_aedificandi',
        edge: 'south',
        insideM: 25,
        outsideM: 15,
        labelFr: "Zone non aedificandi de l'autoroute urbaine",
        labelAr: 'منطقة غير قابلة للبناء على جانب الطريق السيار الحضري',
        authority: 'Autoroutes du Maroc',
        ruleFr: "Toute construction est interdite dans une bande de 40 m à compter de l'axe de l'autoroute.",
        ruleAr: 'يمنع كل بناء داخل شريط عرضه 40 م انطلاقا من محور الطريق السيار.',
      },
    ],
    titles: [
      { number: '31457/C', kind: 'titre_foncier', nameFr: 'Dar Essalam 2', nameAr: 'دار السلام 2' },
      { number: '8812/D', kind: 'titre_foncier', nameFr: 'Bled El Hajja', nameAr: 'بلاد الحاجة' },
      { number: '164203/63', kind: 'titre_foncier', nameFr: 'Feddane Lakbir', nameAr: 'الفدان الكبير' },
      { number: '22561/63', kind: 'titre_foncier', nameFr: 'Al Amal lot 127', nameAr: 'الأمل البقعة 127' },
      { number: '97340/C', kind: 'titre_foncier', nameFr: 'Jnane Sidi Ahmed', nameAr: 'جنان سيدي أحمد' },
      { number: '45127/63', kind: 'requisition', nameFr: 'Ard Ouled Ali', nameAr: 'أرض أولاد علي' },
      { number: '130588/63', kind: 'titre_foncier', nameFr: 'Oulfa Centre 14', nameAr: 'الألفة المركز 14' },
    ],
    conservationFr: 'Casablanca',
    plan: {
      id: 'pa-hay-hassani-oulfa-demo',
      nameFr: "Plan d'aménagement de Hay Hassani – Oulfa (démonstration, fictif)",
      nameAr: 'تصميم التهيئة لحي الحسني – الألفة (للعرض، غير حقيقي)',
      communes: [
        {
          nameFr: 'Casablanca',
          nameAr: 'الدار البيضاء',
          arrondissements: ['Hay Hassani', 'Aïn Chock'],
        },
      ],
      decreeFr: 'Décret n° 2-19-xxx du 12 juillet 2019 (fictif)',
      decreeAr: 'المرسوم رقم 2.19.xxx الصادر في 12 يوليو 2019 (غير حقيقي)',
      approvedOn: '2019-07-12',
      bulletinOfficiel: 'B.O. n° xxxx (fictif)',
    },
  },
  {
    slug: 'skhirate-temara',
    agencyFr: 'Agence urbaine de Skhirate-Témara',
    agencyAr: 'الوكالة الحضرية للصخيرات تمارة',
    crs: 'EPSG:26191',
    centre: [-6.91, 33.925],
    rotationDeg: -20,
    seed: 20210318,
    width: 2400,
    height: 1700,
    blockU: [90, 140],
    blockV: [60, 95],
    primaryEvery: 4,
    secondaryEvery: 2,
    widths: { primary: 30, secondary: 20, tertiary: 12 },
    sectors: [
      ['E3', 0.2, 0.2],
      ['D1', 0.7, 0.75],
      ['E2', 0.15, 0.65],
      ['D2', 0.45, 0.88],
      ['B4', 0.5, 0.45],
      ['E3', 0.8, 0.25],
      ['D1', 0.92, 0.55],
      ['E2', 0.35, 0.3],
    ],
    stripCode: 'B4',
    stripTargets: ['E3', 'E2', 'D1', 'D2'],
    stripDepth: 28,
    agriculturalBandM: 320,
    reservations: standardReservations(0.9),
    servitudes: [
      {
        kind: 'railway',
        edge: 'west',
        insideM: 20,
        outsideM: 30,
        labelFr: 'Servitude de la voie ferrée Rabat – Casablanca',
        labelAr: 'ارتفاق السكة الحديدية الرباط – الدار البيضاء',
        authority: 'ONCF',
        ruleFr: "Aucune construction à moins de 20 m de la limite de l'emprise ferroviaire.",
        ruleAr: 'لا يسمح بأي بناء على مسافة تقل عن 20 م من حد الملك السككي.',
      },
      {
        kind: 'high_voltage',
        at: 0.35,
        angleDeg: 75,
        widthM: 40,
        labelFr: 'Couloir de ligne électrique 60 kV',
        labelAr: 'ممر خط كهربائي 60 ك.ف',
        authority: 'ONEE – Branche électricité',
      },
    ],
    titles: [
      { number: '76512/R', kind: 'titre_foncier', nameFr: 'Témara Plage 3', nameAr: 'تمارة الشاطئ 3' },
      { number: '28734/R', kind: 'requisition', nameFr: 'Feddane El Oued', nameAr: 'فدان الواد' },
      { number: '113209/R', kind: 'titre_foncier', nameFr: 'Riad Al Andalous', nameAr: 'رياض الأندلس' },
      { number: '5561/R', kind: 'titre_foncier', nameFr: 'Bled Sidi Lahcen', nameAr: 'بلاد سيدي لحسن' },
      { number: '90877/R', kind: 'titre_foncier', nameFr: 'Massira 2 lot 33', nameAr: 'المسيرة 2 البقعة 33' },
      { number: '141052/R', kind: 'titre_foncier', nameFr: 'Hay Nahda', nameAr: 'حي النهضة' },
      { number: '61930/R', kind: 'titre_foncier', nameFr: 'Jnane El Kheir', nameAr: 'جنان الخير' },
    ],
    conservationFr: 'Skhirate-Témara',
    plan: {
      id: 'pa-temara-centre-demo',
      nameFr: "Plan d'aménagement de Témara centre (démonstration, fictif)",
      nameAr: 'تصميم التهيئة لمركز تمارة (للعرض، غير حقيقي)',
      communes: [{ nameFr: 'Témara', nameAr: 'تمارة' }],
      decreeFr: 'Décret n° 2-21-xxx du 18 mars 2021 (fictif)',
      decreeAr: 'المرسوم رقم 2.21.xxx الصادر في 18 مارس 2021 (غير حقيقي)',
      approvedOn: '2021-03-18',
      bulletinOfficiel: 'B.O. n° xxxx (fictif)',
    },
  },
  {
    slug: 'taroudant',
    agencyFr: 'Agence urbaine de Taroudant',
    agencyAr: 'الوكالة الحضرية لتارودانت',
    crs: 'EPSG:26192',
    centre: [-8.852, 30.468],
    rotationDeg: 4,
    seed: 20180905,
    width: 1900,
    height: 1400,
    blockU: [80, 130],
    blockV: [55, 90],
    primaryEvery: 4,
    secondaryEvery: 2,
    widths: { primary: 25, secondary: 15, tertiary: 10 },
    // Traditional housing next to the ramparts (west), the activity zone at the far east.
    sectors: [
      ['HM', 0.08, 0.5],
      ['HM', 0.12, 0.15],
      ['HM', 0.3, 0.55],
      ['E2', 0.4, 0.2],
      ['E2', 0.62, 0.45],
      ['D1', 0.45, 0.82],
      ['D2', 0.75, 0.82],
      ['I', 0.95, 0.15],
    ],
    stripCode: 'B2',
    stripTargets: ['HM', 'E2', 'D1', 'D2'],
    stripDepth: 25,
    agriculturalBandM: 300,
    reservations: standardReservations(0.75),
    servitudes: [
      {
        kind: 'heritage',
        edge: 'west',
        insideM: 35,
        outsideM: 15,
        labelFr: 'Zone de protection des remparts (non aedificandi)',
        labelAr: 'منطقة حماية الأسوار (غير قابلة للبناء)',
        authority: 'Ministère de la Culture',
        ruleFr:
          'Bande de protection des remparts historiques : toute construction y est interdite ; seuls les aménagements paysagers sont admis après avis du ministère chargé de la Culture.',
        ruleAr:
          'شريط حماية الأسوار التاريخية: يمنع فيه كل بناء، ولا يسمح إلا بالتهيئة المجالية الخضراء بعد رأي الوزارة المكلفة بالثقافة.',
      },
      {
        kind: 'high_voltage',
        at: 0.7,
        angleDeg: 110,
        widthM: 40,
        labelFr: 'Couloir de ligne électrique 60 kV',
        labelAr: 'ممر خط كهربائي 60 ك.ف',
        authority: 'ONEE – Branche électricité',
      },
    ],
    titles: [
      { number: '12740/48', kind: 'titre_foncier', nameFr: 'Jnane Bab Taghount', nameAr: 'جنان باب تاغونت' },
      { number: '3318/48', kind: 'titre_foncier', nameFr: 'Arset Lalla', nameAr: 'عرصة للا' },
      { number: '20915/48', kind: 'titre_foncier', nameFr: 'Tafellagt', nameAr: 'تافلاكت' },
      { number: '7745/48', kind: 'requisition', nameFr: 'Bled Igli', nameAr: 'بلاد إكلي' },
      { number: '16602/48', kind: 'titre_foncier', nameFr: 'Dar Al Baraka', nameAr: 'دار البركة' },
      { number: '9051/48', kind: 'titre_foncier', nameFr: 'Riad Souss', nameAr: 'رياض سوس' },
      {
        number: '24388/48',
        kind: 'titre_foncier',
        nameFr: 'Lotissement Al Wahda lot 18',
        nameAr: 'تجزئة الوحدة البقعة 18',
      },
    ],
    conservationFr: 'Taroudant',
    plan: {
      id: 'pa-taroudant-demo',
      nameFr: "Plan d'aménagement de la ville de Taroudant (démonstration, fictif)",
      nameAr: 'تصميم التهيئة لمدينة تارودانت (للعرض، غير حقيقي)',
      communes: [{ nameFr: 'Taroudant', nameAr: 'تارودانت' }],
      decreeFr: 'Décret n° 2-18-xxx du 5 septembre 2018 (fictif)',
      decreeAr: 'المرسوم رقم 2.18.xxx الصادر في 5 شتنبر 2018 (غير حقيقي)',
      approvedOn: '2018-09-05',
      bulletinOfficiel: 'B.O. n° xxxx (fictif)',
    },
  },
];
