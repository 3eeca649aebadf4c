// Maps the attribute columns of an uploaded plan layer to our fields. Column names are matched
// case-, accent- and punctuation-insensitively against synonyms (including the 10-character names
// DBF truncates to, e.g. DESIGNATIO); values are parsed leniently (French decimal commas, units,
// percentages) and every doubt becomes a per-feature issue. Unmapped columns are kept in `extra`.
//
// Floors: "R+n" means the ground floor (rez-de-chaussée) plus n floors, i.e. n + 1 levels. We store
// maxFloorsAboveGround = n and the raw text. A bare number is read by its column: NIVEAUX, NB_NIV…
// count levels including the ground floor (5 → R+4); ETAGES (and our own maxFloorsAboveGround)
// count floors above it (4 → R+4).
//
// CES (coefficient d'emprise au sol) is stored as a fraction: 0.6, "0,6", 60 and "60%" all give 0.6.
// COS (coefficient d'occupation du sol) is stored as given (it can exceed 1); "120%" gives 1.2.

import { GEO_MESSAGES, type GeoCode } from './messages.ts';

export type LayerKind = 'zones' | 'reservations' | 'roads' | 'servitudes';

export type EquipmentKind =
  | 'school'
  | 'health'
  | 'mosque'
  | 'green_space'
  | 'administration'
  | 'sport'
  | 'market'
  | 'other';

export type ServitudeKind =
  | 'high_voltage'
  | 'non_aedificandi'
  | 'railway'
  | 'road_setback'
  | 'watercourse'
  | 'heritage'
  | 'cemetery'
  | 'utility_line'
  | 'other';

export type RoadStatus = 'existing' | 'planned' | 'widening';

export type ZoneAttributes = {
  zoneCode?: string;
  labelFr?: string;
  labelAr?: string;
  maxHeightM?: number;
  /** Floors above the ground floor: R+4 → 4. */
  maxFloorsAboveGround?: number;
  /** The floors value as written in the source ("R+4", "5"). */
  maxFloorsRaw?: string;
  cos?: number;
  /** Fraction of the parcel, 0–1. */
  ces?: number;
};

export type ReservationAttributes = {
  reservationCode?: string;
  equipmentKind: EquipmentKind;
  /** The type value as written ("ECOLE", "CS", "مسجد"). */
  equipmentKindRaw?: string;
  labelFr?: string;
  labelAr?: string;
  areaM2?: number;
  beneficiary?: string;
};

export type RoadAttributes = {
  roadCode?: string;
  labelFr?: string;
  labelAr?: string;
  plannedWidthM?: number;
  status?: RoadStatus;
  statusRaw?: string;
};

export type ServitudeAttributes = {
  servitudeKind: ServitudeKind;
  servitudeKindRaw?: string;
  labelFr?: string;
  labelAr?: string;
  widthM?: number;
};

export type AttributesByKind = {
  zones: ZoneAttributes;
  reservations: ReservationAttributes;
  roads: RoadAttributes;
  servitudes: ServitudeAttributes;
};

export type AttributeIssue = {
  /** Our field. */
  field: string;
  /** The source column. */
  column: string;
  code: GeoCode;
  message: string;
  value: unknown;
};

export type MappedAttributes<T> = { attributes: T; extra: Record<string, unknown>; issues: AttributeIssue[] };

/** Our field → the source column that feeds it. */
export type ColumnMapping = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Column names

/** Upper case, no accents, runs of punctuation/space → '_'. Arabic letters are kept. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9\u0600-\u06FF]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const LABEL_FR = [
  'LIBELLE',
  'LABEL_FR',
  'LIBELLE_FR',
  'LIB',
  'LIB_FR',
  'DESIGNATION',
  'DESIGN',
  'NOM',
  'NOM_FR',
  'INTITULE',
  'DENOMINATION',
];
const LABEL_AR = [
  'LIBELLE_AR',
  'LABEL_AR',
  'LIB_AR',
  'NOM_AR',
  'DESIGNATION_AR',
  'DESIGN_AR',
  'INTITULE_AR',
  'ARABE',
  'AR',
  'التسمية',
  'الاسم',
];

const SYNONYMS: { [K in LayerKind]: Record<string, readonly string[]> } = {
  zones: {
    zoneCode: [
      'ZONE',
      'CODE_ZONE',
      'ZONAGE',
      'CODE',
      'ZONE_CODE',
      'CD_ZONE',
      'TYPE_ZONE',
      'SYMBOLE',
      'REF_ZONE',
      'المنطقة',
    ],
    labelFr: LABEL_FR,
    labelAr: LABEL_AR,
    maxHeightM: [
      'HAUTEUR',
      'MAX_HEIGHT_M',
      'H_MAX',
      'HAUTEUR_MAX',
      'HT_MAX',
      'HAUT_MAX',
      'HAUT',
      'HAUTEUR_M',
      'H',
      'العلو',
    ],
    maxFloors: [
      'NIVEAUX',
      'FLOORS',
      'MAX_FLOORS_ABOVE_GROUND',
      'NB_NIV',
      'NB_NIVEAUX',
      'NIVEAU',
      'NIV',
      'NBR_NIV',
      'ETAGES',
      'NB_ETAGES',
      'GABARIT',
      'R_N',
    ],
    cos: ['COS', 'C_O_S', 'COEF_OCC', 'COEFF_OCCUPATION'],
    ces: ['CES', 'C_E_S', 'EMPRISE_SOL', 'EMPRISE_AU_SOL', 'COEF_EMP'],
  },
  reservations: {
    reservationCode: [
      'CODE',
      'RESERVATION_ID',
      'NUM',
      'NUMERO',
      'REF',
      'REFERENCE',
      'CODE_EQ',
      'N_RESERV',
      'ID_EQ',
    ],
    equipmentKind: [
      'TYPE',
      'EQUIPMENT_KIND',
      'EQUIPEMENT',
      'EQUIP',
      'TYPE_EQ',
      'TYPE_EQUIP',
      'NATURE',
      'AFFECTATION',
      'DESTINATION',
      'USAGE',
      'التجهيز',
    ],
    labelFr: LABEL_FR,
    labelAr: LABEL_AR,
    areaM2: ['SUPERFICIE', 'AREA_M2', 'SURFACE', 'SUP', 'AREA', 'SUPERF', 'SURF_M2', 'SUP_M2'],
    beneficiary: ['BENEFICIAIRE', 'BENEFICIARY_FR', 'BENEF', 'ORGANISME', 'MAITRE_OUVRAGE', 'MO'],
  },
  roads: {
    roadCode: ['CODE', 'ROAD_ID', 'NUM', 'NUMERO', 'REF', 'CODE_VOIE', 'ID_VOIE'],
    labelFr: ['NOM_VOIE', ...LABEL_FR],
    labelAr: LABEL_AR,
    plannedWidthM: [
      'LARGEUR',
      'PLANNED_WIDTH_M',
      'EMPRISE',
      'LARG',
      'EMPRISE_M',
      'LARGEUR_M',
      'LARG_PREVUE',
      'LARGEUR_PR',
      'EMPRISE_PR',
      'L_EMPRISE',
      'العرض',
    ],
    status: ['STATUT', 'ETAT', 'STATUS', 'SITUATION', 'NATURE'],
  },
  servitudes: {
    servitudeKind: ['TYPE', 'SERVITUDE_KIND', 'NATURE', 'SERVITUDE', 'TYPE_SERV', 'CATEGORIE', 'OBJET'],
    labelFr: LABEL_FR,
    labelAr: LABEL_AR,
    widthM: ['LARGEUR', 'WIDTH_M', 'BANDE', 'RECUL', 'LARG', 'DISTANCE', 'EMPRISE', 'ZONE_NA'],
  },
};

function matchScore(column: string, synonym: string): number {
  if (column === synonym) return 3;
  const bare = (s: string) => s.replaceAll('_', '');
  if (bare(column) === bare(synonym)) return 3;
  // DBF field names are cut at 10 characters: DESIGNATIO, HAUTEUR_MA. The less cut, the better:
  // DESIGNATIO is DESIGNATION rather than DESIGNATION_AR.
  if (column.length >= 8 && column.length <= 10 && synonym.startsWith(column)) {
    return 2 - (synonym.length - column.length) / 100;
  }
  return 0;
}

/**
 * Proposes which source column feeds each of our fields. Each column feeds at most one field; an
 * exact synonym beats a truncated one, and earlier synonyms beat later ones.
 */
export function suggestColumnMapping(kind: LayerKind, columns: readonly string[]): ColumnMapping {
  const candidates: { field: string; column: string; score: number; rank: number }[] = [];
  for (const [field, synonyms] of Object.entries(SYNONYMS[kind])) {
    for (const column of columns) {
      const n = normaliseName(column);
      synonyms.forEach((syn, rank) => {
        const score = matchScore(n, syn);
        if (score > 0) candidates.push({ field, column, score, rank });
      });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.column)) continue;
    mapping[c.field] = c.column;
    used.add(c.column);
  }
  return mapping;
}

const ARABIC = /[\u0600-\u06FF]/;

/**
 * suggestColumnMapping plus content: when no column is named like an Arabic label, an unmapped
 * text column whose values are mostly Arabic becomes labelAr.
 */
export function suggestLayerMapping(
  kind: LayerKind,
  rows: readonly Record<string, unknown>[],
): ColumnMapping {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const mapping = suggestColumnMapping(kind, columns);
  if (mapping.labelAr === undefined) {
    const used = new Set(Object.values(mapping));
    for (const column of columns) {
      if (used.has(column)) continue;
      const texts = rows
        .map((r) => r[column])
        .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      if (texts.length > 0 && texts.filter((t) => ARABIC.test(t)).length / texts.length >= 0.5) {
        mapping.labelAr = column;
        // A label column that turned out to be Arabic is not the French label.
        if (mapping.labelFr === column) delete mapping.labelFr;
        break;
      }
    }
  }
  return mapping;
}

// ---------------------------------------------------------------------------------------------
// Values

function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** Lenient number: 17.5, "17,50 m", "5 200 m²", "60%". undefined for empty input. */
export function parseNumber(
  v: unknown,
): { value: number; percent: boolean } | { error: GeoCode } | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number')
    return Number.isFinite(v) ? { value: v, percent: false } : { error: 'geo.attr_not_a_number' };
  if (typeof v === 'boolean') return { error: 'geo.attr_not_a_number' };
  let s = String(v).trim();
  if (s === '' || /^[-–—]$/.test(s)) return undefined;
  const percent = s.endsWith('%');
  s = s
    .replace(/%$/, '')
    .replace(/\s*(m²|m2|ml|mètres?|metres?|m|ha)\.?$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return { error: 'geo.attr_not_a_number' };
  return { value: Number(s), percent };
}

/** "R+4" → 4, "RDC" → 0, "R+2 à R+4" → 4 (ambiguous), a bare number by the column's meaning. */
export function parseFloors(
  v: unknown,
  column: string,
): { value: number; raw: string; ambiguous: boolean } | { error: GeoCode; raw: string } | undefined {
  const raw = text(v);
  if (raw === undefined) return undefined;
  const up = normaliseName(raw.replaceAll('+', ' PLUS '));
  const rn = [...up.matchAll(/(?:^|_)(?:R|RDC|RC)(?:_PLUS_(\d+))?(?=_|$)/g)].map((m) =>
    m[1] === undefined ? 0 : Number(m[1]),
  );
  if (rn.length > 0) {
    return { value: Math.max(...rn), raw, ambiguous: rn.length > 1 };
  }
  const n = parseNumber(v);
  if (n && 'value' in n && Number.isInteger(n.value) && n.value >= 0) {
    const countsLevels = !/ETAGE|ABOVE_?GROUND/.test(normaliseName(column));
    return { value: countsLevels ? Math.max(0, n.value - 1) : n.value, raw, ambiguous: false };
  }
  return { error: 'geo.attr_not_a_number', raw };
}

type Keywords = readonly [string, readonly string[]][];

function classify<K extends string>(
  v: unknown,
  codes: Readonly<Record<string, K>>,
  keywords: Keywords,
): K | undefined {
  const raw = text(v);
  if (raw === undefined) return undefined;
  const n = normaliseName(raw);
  // A code as first word, optionally numbered: "EP 3", "CS-2", "M1", "HT 225 kV".
  const code = /^([A-Z]{1,4})\d*[A-Z]?$/.exec(n.split('_')[0] ?? '');
  const byCode = code ? codes[code[1] as string] : undefined;
  if (byCode) return byCode;
  const spaced = ` ${n.replaceAll('_', ' ')} `;
  for (const [kind, words] of keywords) {
    if (words.some((w) => (ARABIC.test(w) ? raw.includes(w) : spaced.includes(` ${w}`)))) return kind as K;
  }
  return undefined;
}

const EQUIPMENT_CODES: Readonly<Record<string, EquipmentKind>> = {
  EP: 'school',
  EC: 'school',
  ES: 'school',
  GS: 'school',
  CL: 'school',
  LY: 'school',
  LQ: 'school',
  CS: 'health',
  CSU: 'health',
  CSR: 'health',
  H: 'health',
  HP: 'health',
  DISP: 'health',
  M: 'mosque',
  MQ: 'mosque',
  MOS: 'mosque',
  EV: 'green_space',
  V: 'green_space',
  ZV: 'green_space',
  SQ: 'green_space',
  JP: 'green_space',
  ADM: 'administration',
  AD: 'administration',
  ADMI: 'administration',
  PTT: 'administration',
  PC: 'administration',
  SP: 'sport',
  TS: 'sport',
  ST: 'sport',
  CSP: 'sport',
  MA: 'market',
  MC: 'market',
  MG: 'market',
};

const EQUIPMENT_WORDS: Keywords = [
  [
    'school',
    [
      'SCHOOL',
      'ECOLE',
      'COLLEGE',
      'LYCEE',
      'ENSEIGNEMENT',
      'SCOLAIRE',
      'PRESCOLAIRE',
      'UNIVERSIT',
      'FACULTE',
      'FORMATION',
      'مدرس',
      'إعدادي',
      'اعدادي',
      'ثانوي',
      'تعليم',
    ],
  ],
  [
    'health',
    [
      'HEALTH',
      'SANTE',
      'DISPENSAIRE',
      'HOPITAL',
      'CLINIQUE',
      'MATERNITE',
      'POLYCLINIQUE',
      'MEDICAL',
      'مستشف',
      'مستوصف',
      'صحي',
      'صحة',
    ],
  ],
  ['mosque', ['MOSQUE', 'MOSQUEE', 'ORATOIRE', 'MSALLA', 'MSELLA', 'CULTE', 'مسجد', 'جامع', 'مصلى']],
  [
    'sport',
    [
      'SPORT',
      'SPORT',
      'STADE',
      'PISCINE',
      'TERRAIN DE SPORT',
      'SALLE COUVERTE',
      'GYMNASE',
      'ملعب',
      'رياض',
      'مسبح',
    ],
  ],
  [
    'green_space',
    [
      'GREEN SPACE',
      'ESPACE VERT',
      'ESPACES VERTS',
      'JARDIN',
      'PARC',
      'SQUARE',
      'PROMENADE',
      'BOISEMENT',
      'مساحة خضراء',
      'حديقة',
      'منتزه',
    ],
  ],
  ['market', ['MARKET', 'MARCHE', 'SOUK', 'SOUQ', 'سوق']],
  [
    'administration',
    [
      'ADMINISTRATION',
      'ADMINISTRATI',
      'POSTE',
      'PREFECTURE',
      'COMMUNE',
      'MAIRIE',
      'CAIDAT',
      'ANNEXE ADMINISTRATIVE',
      'POLICE',
      'SURETE',
      'GENDARMERIE',
      'PROTECTION CIVILE',
      'TRIBUNAL',
      'BUREAU',
      'إدار',
      'ادار',
      'مقاطعة',
      'عمالة',
      'شرطة',
      'وقاية مدنية',
    ],
  ],
];

/** ECOLE, "EP 3", "centre de santé", "مسجد"… → our kind, or undefined when not recognised. */
export function equipmentKindOf(v: unknown): EquipmentKind | undefined {
  return classify(v, EQUIPMENT_CODES, EQUIPMENT_WORDS);
}

const SERVITUDE_CODES: Readonly<Record<string, ServitudeKind>> = {
  HT: 'high_voltage',
  THT: 'high_voltage',
  MT: 'high_voltage',
  NA: 'non_aedificandi',
  ZNA: 'non_aedificandi',
  SNA: 'non_aedificandi',
  ONCF: 'railway',
  VF: 'railway',
  DPH: 'watercourse',
  SI: 'watercourse',
};

const SERVITUDE_WORDS: Keywords = [
  [
    'high_voltage',
    [
      'HIGH VOLTAGE',
      'HAUTE TENSION',
      'LIGNE ELECTRIQUE',
      'ELECTRIQUE',
      'ONEE',
      'ONE',
      'LIGNE HT',
      'التوتر العالي',
      'كهرباء',
    ],
  ],
  [
    'non_aedificandi',
    ['NON AEDIFICANDI', 'NON AEDIFICANDI', 'NONAEDIFICANDI', 'INCONSTRUCTIBLE', 'غير قابلة للبناء'],
  ],
  ['railway', ['RAILWAY', 'ONCF', 'VOIE FERREE', 'CHEMIN DE FER', 'FERROVIAIRE', 'RAIL', 'سكة']],
  [
    'watercourse',
    [
      'WATERCOURSE',
      'OUED',
      'COURS D EAU',
      'INONDABLE',
      'HYDRAULIQUE',
      'DOMAINE PUBLIC HYDRAULIQUE',
      'واد',
      'وادي',
      'فيضان',
    ],
  ],
  [
    'heritage',
    [
      'HERITAGE',
      'REMPART',
      'MONUMENT',
      'PATRIMOINE',
      'HISTORIQUE',
      'SITE CLASSE',
      'ARCHEOLOGIQUE',
      'MEDINA',
      'أسوار',
      'سور',
      'تراث',
    ],
  ],
  ['cemetery', ['CEMETERY', 'CIMETIERE', 'مقبرة']],
  ['road_setback', ['ROAD SETBACK', 'AUTOROUTE', 'RECUL', 'ALIGNEMENT', 'ROUTE NATIONALE', 'طريق سيار']],
  [
    'utility_line',
    ['UTILITY LINE', 'CONDUITE', 'ADDUCTION', 'ASSAINISSEMENT', 'COLLECTEUR', 'GAZODUC', 'PIPELINE', 'قناة'],
  ],
];

export function servitudeKindOf(v: unknown): ServitudeKind | undefined {
  return classify(v, SERVITUDE_CODES, SERVITUDE_WORDS);
}

const ROAD_STATUS_WORDS: Keywords = [
  ['widening', ['WIDENING', 'ELARGI', 'ELARGISSEMENT', 'A ELARGIR', 'RECALIBRAGE', 'توسيع']],
  [
    'planned',
    [
      'PLANNED',
      'PROJET',
      'PREVU',
      'NOUVELLE',
      'NOUVEAU',
      'A CREER',
      'CREATION',
      'AMENAGER',
      'مبرمج',
      'مقترح',
      'جديد',
    ],
  ],
  ['existing', ['EXISTING', 'EXISTANT', 'EXISTANTE', 'EXIST', 'ACTUEL', 'موجود', 'قائم']],
];

const ROAD_STATUS_CODES: Readonly<Record<string, RoadStatus>> = {
  EX: 'existing',
  P: 'planned',
  PR: 'planned',
  EL: 'widening',
};

export function roadStatusOf(v: unknown): RoadStatus | undefined {
  return classify(v, ROAD_STATUS_CODES, ROAD_STATUS_WORDS);
}

// ---------------------------------------------------------------------------------------------
// Mapping one feature

type Ctx = {
  props: Record<string, unknown>;
  mapping: ColumnMapping;
  issues: AttributeIssue[];
};

function issue(ctx: Ctx, field: string, code: GeoCode, value: unknown, message?: string): void {
  ctx.issues.push({
    field,
    column: ctx.mapping[field] ?? '',
    code,
    message: message ?? GEO_MESSAGES[code].en,
    value,
  });
}

function raw(ctx: Ctx, field: string): unknown {
  const column = ctx.mapping[field];
  return column === undefined ? undefined : ctx.props[column];
}

function textField(ctx: Ctx, field: string): string | undefined {
  return text(raw(ctx, field));
}

function numberField(
  ctx: Ctx,
  field: string,
  range: { min: number; max: number },
  transform: (p: { value: number; percent: boolean }) => number = (p) => p.value,
): number | undefined {
  const v = raw(ctx, field);
  const p = parseNumber(v);
  if (p === undefined) return undefined;
  if ('error' in p) {
    issue(ctx, field, p.error, v);
    return undefined;
  }
  const value = transform(p);
  if (value < range.min || value > range.max) {
    issue(
      ctx,
      field,
      'geo.attr_out_of_range',
      v,
      `${GEO_MESSAGES['geo.attr_out_of_range'].en} (${range.min}–${range.max})`,
    );
    return undefined;
  }
  return value;
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function mapZone(ctx: Ctx): ZoneAttributes {
  const a: ZoneAttributes = {};
  set(a, 'zoneCode', textField(ctx, 'zoneCode'));
  set(a, 'labelFr', textField(ctx, 'labelFr'));
  set(a, 'labelAr', textField(ctx, 'labelAr'));
  set(a, 'maxHeightM', numberField(ctx, 'maxHeightM', { min: 0, max: 400 }));
  const floorsColumn = ctx.mapping.maxFloors;
  if (floorsColumn !== undefined) {
    const f = parseFloors(ctx.props[floorsColumn], floorsColumn);
    if (f) {
      a.maxFloorsRaw = f.raw;
      if ('error' in f) issue(ctx, 'maxFloors', f.error, f.raw);
      else {
        a.maxFloorsAboveGround = f.value;
        if (f.ambiguous)
          issue(
            ctx,
            'maxFloors',
            'geo.attr_ambiguous',
            f.raw,
            `Several levels in "${f.raw}": kept R+${f.value}`,
          );
      }
    }
  }
  set(
    a,
    'cos',
    numberField(ctx, 'cos', { min: 0, max: 20 }, (p) => (p.percent ? p.value / 100 : p.value)),
  );
  set(
    a,
    'ces',
    numberField(ctx, 'ces', { min: 0, max: 1 }, (p) =>
      p.percent || (p.value > 1 && p.value <= 100) ? p.value / 100 : p.value,
    ),
  );
  return a;
}

function mapReservation(ctx: Ctx): ReservationAttributes {
  const kindRaw = textField(ctx, 'equipmentKind');
  const code = textField(ctx, 'reservationCode');
  const labelFr = textField(ctx, 'labelFr');
  const labelAr = textField(ctx, 'labelAr');
  // The type column first, then the code ("EP 3"), then the labels.
  let kind =
    equipmentKindOf(kindRaw) ?? equipmentKindOf(code) ?? equipmentKindOf(labelFr) ?? equipmentKindOf(labelAr);
  if (!kind) {
    kind = 'other';
    if (kindRaw !== undefined) issue(ctx, 'equipmentKind', 'geo.attr_unrecognised', kindRaw);
  }
  const a: ReservationAttributes = { equipmentKind: kind };
  set(a, 'equipmentKindRaw', kindRaw);
  set(a, 'reservationCode', code);
  set(a, 'labelFr', labelFr);
  set(a, 'labelAr', labelAr);
  set(a, 'areaM2', numberField(ctx, 'areaM2', { min: 0, max: 1e8 }));
  set(a, 'beneficiary', textField(ctx, 'beneficiary'));
  return a;
}

function mapRoad(ctx: Ctx): RoadAttributes {
  const a: RoadAttributes = {};
  set(a, 'roadCode', textField(ctx, 'roadCode'));
  set(a, 'labelFr', textField(ctx, 'labelFr'));
  set(a, 'labelAr', textField(ctx, 'labelAr'));
  set(a, 'plannedWidthM', numberField(ctx, 'plannedWidthM', { min: 1, max: 200 }));
  const statusRaw = textField(ctx, 'status');
  if (statusRaw !== undefined) {
    a.statusRaw = statusRaw;
    const s = roadStatusOf(statusRaw);
    if (s) a.status = s;
    else issue(ctx, 'status', 'geo.attr_unrecognised', statusRaw);
  }
  return a;
}

function mapServitude(ctx: Ctx): ServitudeAttributes {
  const kindRaw = textField(ctx, 'servitudeKind');
  const labelFr = textField(ctx, 'labelFr');
  const labelAr = textField(ctx, 'labelAr');
  let kind = servitudeKindOf(kindRaw) ?? servitudeKindOf(labelFr) ?? servitudeKindOf(labelAr);
  if (!kind) {
    kind = 'other';
    if (kindRaw !== undefined) issue(ctx, 'servitudeKind', 'geo.attr_unrecognised', kindRaw);
  }
  const a: ServitudeAttributes = { servitudeKind: kind };
  set(a, 'servitudeKindRaw', kindRaw);
  set(a, 'labelFr', labelFr);
  set(a, 'labelAr', labelAr);
  set(a, 'widthM', numberField(ctx, 'widthM', { min: 0, max: 1000 }));
  return a;
}

const MAPPERS: { [K in LayerKind]: (ctx: Ctx) => AttributesByKind[K] } = {
  zones: mapZone,
  reservations: mapReservation,
  roads: mapRoad,
  servitudes: mapServitude,
};

/** Maps one feature's attributes; `mapping` defaults to suggestColumnMapping on its own columns. */
export function mapAttributes<K extends LayerKind>(
  kind: K,
  properties: Record<string, unknown>,
  mapping: ColumnMapping = suggestColumnMapping(kind, Object.keys(properties)),
): MappedAttributes<AttributesByKind[K]> {
  const ctx: Ctx = { props: properties, mapping, issues: [] };
  const attributes = MAPPERS[kind](ctx);
  const used = new Set(Object.values(mapping));
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties)) if (!used.has(k)) extra[k] = v;
  return { attributes, extra, issues: ctx.issues };
}

export type MappedLayer<K extends LayerKind> = {
  mapping: ColumnMapping;
  /** Source columns no field uses (their values are in each feature's `extra`). */
  unmappedColumns: string[];
  features: ({ index: number } & MappedAttributes<AttributesByKind[K]>)[];
  /** Count of features with at least one issue. */
  featuresWithIssues: number;
};

/** Maps a whole layer with one column mapping (suggested from all rows unless given). */
export function mapLayerAttributes<K extends LayerKind>(
  kind: K,
  features: readonly { properties: Record<string, unknown> }[],
  options: { mapping?: ColumnMapping } = {},
): MappedLayer<K> {
  const rows = features.map((f) => f.properties);
  const mapping = options.mapping ?? suggestLayerMapping(kind, rows);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const used = new Set(Object.values(mapping));
  const mapped = features.map((f, index) => ({ index, ...mapAttributes(kind, f.properties, mapping) }));
  return {
    mapping,
    unmappedColumns: columns.filter((c) => !used.has(c)),
    features: mapped,
    featuresWithIssues: mapped.filter((m) => m.issues.length > 0).length,
  };
}
