// The content of an information note as data: built automatically from the overlay of the parcel
// on the plans in force (the automatic draft, نسخة أولية آلية), then amended by agents only where
// judgement is needed — corrections of listed values with a reason, observations — and hashed
// (SHA-256 of canonical JSON) so that what is signed is provably what was reviewed (ADR 21). Pure.
import { officialDate } from '../../documents/format.ts';
import type { OverlayResult, ZoneRules } from '../../geo/overlay.ts';
import { canonicalJson } from '../../platform/audit/canonical-json.ts';
import { AppError } from '../../platform/errors.ts';
import type { Localized } from '../../platform/i18n/locale.ts';
import { sha256Hex } from '../../platform/security/crypto.ts';
import type { LandTitleKind } from './land-title.ts';
import type { ParcelSource } from './parcel.ts';
import './problems.ts';

export type Bi = { fr: string; ar: string };

export type NotePlan = {
  versionId: string;
  kind: string;
  nameFr: string;
  nameAr: string;
  version: number;
  state: 'in_force' | 'public_enquiry' | 'expired' | string;
  decreeRefFr: string | null;
  decreeRefAr: string | null;
  approvedOn: string | null;
  effectsUntil: string | null;
  enquiryStart: string | null;
  enquiryEnd: string | null;
  synthetic: boolean;
};

type Share = { areaM2: number; percent: number; excluded: boolean };

export type NoteZone = Share & {
  versionId: string;
  ref: string | null;
  zoneCode: string;
  labelFr: string | null;
  labelAr: string | null;
  family: string;
  rules: ZoneRules;
};
export type NoteServitude = Share & {
  versionId: string;
  ref: string | null;
  kind: string;
  labelFr: string | null;
  labelAr: string | null;
  ruleFr: string | null;
  ruleAr: string | null;
  authority: string | null;
  widthM: number | null;
};
export type NoteReservation = Share & {
  versionId: string;
  ref: string | null;
  equipmentKind: string;
  labelFr: string | null;
  labelAr: string | null;
  beneficiaryFr: string | null;
  beneficiaryAr: string | null;
};
export type NoteAlignment = Share & {
  versionId: string;
  ref: string | null;
  labelFr: string | null;
  labelAr: string | null;
  status: 'existing' | 'planned' | 'widening' | null;
  plannedWidthM: number | null;
};

export type NoteWarning = { code: string } & Localized;

export type NoteContent = {
  schema: 'taamir.enote/v1';
  /** The plans are those in force on this date. */
  at: string;
  /** Template variant: every plan approved, or one of them under public enquiry. */
  variant: 'approved' | 'public_enquiry';
  parcel: {
    landTitle: { kind: LandTitleKind; number: string; fr: string; ar: string } | null;
    source: ParcelSource;
    areaM2: number;
    areaCrs: string;
    centroid: [number, number];
  };
  plans: NotePlan[];
  zones: NoteZone[];
  servitudes: NoteServitude[];
  reservations: NoteReservation[];
  alignments: NoteAlignment[];
  warnings: NoteWarning[];
  observations: Bi[];
};

export type Correction = { path: string; value: string | number | boolean | null; reason: string };
export type Amendments = { corrections: Correction[]; observations: Bi[] };
export const NO_AMENDMENTS: Amendments = { corrections: [], observations: [] };

const dateFr = (iso: string | null) => (iso ? officialDate(iso).gregorianFr : '…');
const dateAr = (iso: string | null) => (iso ? officialDate(iso).gregorianAr : '…');
const m2 = (n: number) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n).replace(/\u202f/g, ' ');

function warningText(w: OverlayResult['warnings'][number], plans: NotePlan[]): NoteWarning {
  const plan = 'versionId' in w ? plans.find((p) => p.versionId === w.versionId) : undefined;
  const nameFr = plan?.nameFr ?? '';
  const nameAr = plan?.nameAr ?? '';
  switch (w.code) {
    case 'plan_public_enquiry':
      return {
        code: w.code,
        fr: `Le document « ${nameFr} » est en cours d'enquête publique (du ${dateFr(w.enquiryStart)} au ${dateFr(w.enquiryEnd)}) : ses dispositions sont communiquées à titre d'information et peuvent être modifiées avant son approbation.`,
        ar: `الوثيقة «${nameAr}» في طور البحث العمومي (من ${dateAr(w.enquiryStart)} إلى ${dateAr(w.enquiryEnd)}): مقتضياتها مبلغة على سبيل الإخبار وقد تتغير قبل المصادقة عليها.`,
        en: `“${nameFr}” is under public enquiry (${w.enquiryStart ?? '…'} to ${w.enquiryEnd ?? '…'}): its provisions are given for information and may change before approval.`,
      };
    case 'plan_expired':
      return {
        code: w.code,
        fr: `Les effets du document « ${nameFr} » ont pris fin le ${dateFr(w.effectsUntil)} ; aucun document ne le remplace encore.`,
        ar: `انتهت آثار الوثيقة «${nameAr}» بتاريخ ${dateAr(w.effectsUntil)}، ولم تعوضها بعد أي وثيقة.`,
        en: `The effects of “${nameFr}” ended on ${w.effectsUntil ?? '…'}; no document replaces it yet.`,
      };
    case 'no_plan':
      return {
        code: w.code,
        fr: "Aucun document d'urbanisme publié ne couvre la parcelle.",
        ar: 'لا تغطي القطعة أي وثيقة تعمير منشورة.',
        en: 'No published planning document covers the parcel.',
      };
    case 'partly_unzoned':
      return {
        code: w.code,
        fr: `${m2(w.uncoveredM2)} m² (${m2(w.percent)} %) de la parcelle ne sont couverts par aucune zone.`,
        ar: `${m2(w.uncoveredM2)} م² (${m2(w.percent)} %) من القطعة لا تغطيها أي منطقة.`,
        en: `${w.uncoveredM2} m² (${w.percent} %) of the parcel lie in no zone.`,
      };
    case 'synthetic_data':
      return {
        code: w.code,
        fr: 'Données de démonstration fictives : cette note ne vaut pas renseignement officiel.',
        ar: 'معطيات تجريبية غير حقيقية: هذه المذكرة لا تعتبر معلومات رسمية.',
        en: 'Fictitious demonstration data: this note is not official information.',
      };
  }
}

const share = (r: { areaM2: number | null; percent: number | null }) => ({
  areaM2: r.areaM2 ?? 0,
  percent: r.percent ?? 0,
  excluded: false,
});

/** The automatic draft of a note: the overlay, as the note's content. */
export function automaticContent(input: {
  overlay: OverlayResult;
  source: ParcelSource;
  landTitle: { kind: LandTitleKind; number: string; display: Bi } | null;
}): NoteContent {
  const { overlay } = input;
  const plans: NotePlan[] = overlay.plans.map((p) => ({
    versionId: p.versionId,
    kind: p.kind,
    nameFr: p.nameFr,
    nameAr: p.nameAr,
    version: p.version,
    state: p.state,
    decreeRefFr: p.decreeRefFr,
    decreeRefAr: p.decreeRefAr,
    approvedOn: p.approvedOn,
    effectsUntil: p.effectsUntil,
    enquiryStart: p.enquiryStart,
    enquiryEnd: p.enquiryEnd,
    synthetic: p.synthetic,
  }));
  return {
    schema: 'taamir.enote/v1',
    at: overlay.at,
    variant: plans.some((p) => p.state === 'public_enquiry') ? 'public_enquiry' : 'approved',
    parcel: {
      landTitle: input.landTitle
        ? {
            kind: input.landTitle.kind,
            number: input.landTitle.number,
            fr: input.landTitle.display.fr,
            ar: input.landTitle.display.ar,
          }
        : null,
      source: input.source,
      areaM2: overlay.parcel.areaM2 ?? 0,
      areaCrs: overlay.parcel.areaCrs,
      centroid: [overlay.parcel.centroid[0] ?? 0, overlay.parcel.centroid[1] ?? 0],
    },
    plans,
    zones: overlay.zones.map((z) => ({
      ...share(z),
      versionId: z.versionId,
      ref: z.ref,
      zoneCode: z.zoneCode,
      labelFr: z.labelFr,
      labelAr: z.labelAr,
      family: z.family,
      rules: z.rules,
    })),
    servitudes: overlay.servitudes.map((s) => ({
      ...share(s),
      versionId: s.versionId,
      ref: s.ref,
      kind: s.kind,
      labelFr: s.labelFr,
      labelAr: s.labelAr,
      ruleFr: s.ruleFr,
      ruleAr: s.ruleAr,
      authority: s.authority,
      widthM: s.widthM,
    })),
    reservations: overlay.reservations.map((r) => ({
      ...share(r),
      versionId: r.versionId,
      ref: r.ref,
      equipmentKind: r.equipmentKind,
      labelFr: r.labelFr,
      labelAr: r.labelAr,
      beneficiaryFr: r.beneficiaryFr,
      beneficiaryAr: r.beneficiaryAr,
    })),
    alignments: overlay.roads.map((r) => ({
      ...share(r),
      versionId: r.versionId,
      ref: r.ref,
      labelFr: r.labelFr,
      labelAr: r.labelAr,
      status: r.status,
      plannedWidthM: r.plannedWidthM,
    })),
    warnings: overlay.warnings.map((w) => warningText(w, plans)),
    observations: [],
  };
}

// What judgement may change, and the type each value must keep. Indices address the automatic
// draft's arrays, which never change once computed.
const EDITABLE: readonly { pattern: RegExp; type: 'number' | 'string' | 'boolean' }[] = [
  {
    pattern: /^\/zones\/\d+\/rules\/(cos|ces|maxHeightM|maxFloorsAboveGround|minParcelAreaM2|minFrontageM)$/,
    type: 'number',
  },
  { pattern: /^\/zones\/\d+\/rules\/setbacks\/(frontM|sideM|rearM)$/, type: 'number' },
  { pattern: /^\/zones\/\d+\/rules\/(floors|articleFr|articleAr)$/, type: 'string' },
  { pattern: /^\/zones\/\d+\/(labelFr|labelAr)$/, type: 'string' },
  { pattern: /^\/servitudes\/\d+\/(ruleFr|ruleAr)$/, type: 'string' },
  { pattern: /^\/(zones|servitudes|reservations|alignments)\/\d+\/excluded$/, type: 'boolean' },
];

const segments = (path: string) => path.split('/').slice(1);

function getAt(root: unknown, path: string): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const key of segments(path)) {
    if (node === null || typeof node !== 'object' || !(key in (node as object)))
      return { found: false, value: undefined };
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

function setAt(root: unknown, path: string, value: unknown): void {
  const keys = segments(path);
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}

const invalid = (path: string, i: number) =>
  new AppError('enote.correction_invalid', {
    params: { path },
    fields: [{ pointer: `/amendments/corrections/${i}`, in: 'body', code: 'correction_invalid' }],
  });

/** Refuses a correction outside what judgement may change, of the wrong type, or without a reason. */
export function checkAmendments(automatic: NoteContent, amendments: Amendments): void {
  const seen = new Set<string>();
  for (const [i, c] of amendments.corrections.entries()) {
    const rule = EDITABLE.find((e) => e.pattern.test(c.path));
    const current = getAt(automatic, c.path);
    if (!rule || !current.found || seen.has(c.path)) throw invalid(c.path, i);
    seen.add(c.path);
    const ok =
      rule.type === 'boolean'
        ? typeof c.value === 'boolean'
        : c.value === null ||
          (rule.type === 'number'
            ? typeof c.value === 'number' && Number.isFinite(c.value) && c.value >= 0
            : typeof c.value === 'string');
    if (!ok || c.reason.trim().length < 3) throw invalid(c.path, i);
  }
  for (const [i, o] of amendments.observations.entries()) {
    if (!o.fr.trim() && !o.ar.trim())
      throw new AppError('enote.correction_invalid', {
        params: { path: `/observations/${i}` },
        fields: [{ pointer: `/amendments/observations/${i}`, in: 'body', code: 'required' }],
      });
  }
}

/** The note's content: the automatic draft with the corrections applied and the observations added. */
export function applyAmendments(automatic: NoteContent, amendments: Amendments): NoteContent {
  const content = structuredClone(automatic);
  for (const c of amendments.corrections) setAt(content, c.path, c.value);
  content.observations = amendments.observations.map((o) => ({ fr: o.fr.trim(), ar: o.ar.trim() }));
  return content;
}

/** SHA-256 of the canonical JSON of a content: the same content always gives the same hash. */
export const contentHash = (content: NoteContent): string => sha256Hex(canonicalJson(content));

export type DiffEntry =
  | { kind: 'correction'; path: string; before: unknown; after: unknown; reason: string }
  | { kind: 'observation'; index: number; fr: string; ar: string };

/** What the agents changed from the automatic draft, for the reviewer and the director. */
export function diffFromAutomatic(automatic: NoteContent, amendments: Amendments): DiffEntry[] {
  return [
    ...amendments.corrections.map((c) => ({
      kind: 'correction' as const,
      path: c.path,
      before: getAt(automatic, c.path).value ?? null,
      after: c.value,
      reason: c.reason,
    })),
    ...amendments.observations.map((o, index) => ({
      kind: 'observation' as const,
      index,
      fr: o.fr,
      ar: o.ar,
    })),
  ];
}
