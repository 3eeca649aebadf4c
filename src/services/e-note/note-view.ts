// The signed note's template data: a note content turned into display strings (dates in both
// calendars, French number style, ar/fr labels) for src/documents/templates/information-note.typ.
// Excluded items (corrected away by the instructor) are left out. Pure.
import { formatDecimal, formatPercent, ltr, officialDate } from '../../documents/format.ts';
import {
  type AgencyIdentity,
  type Bilingual,
  officialDocumentView,
  type SignatoryView,
} from '../../documents/official.ts';
import type { NoteContent } from './content.ts';
import { EQUIPMENT, PLAN_KINDS, ROAD_STATUS, SERVITUDES, USES, word } from './vocabulary.ts';

export const NOTE_TITLE = {
  fr: 'Note de renseignements urbanistiques',
  ar: 'مذكرة المعلومات التعميرية',
  en: 'Planning information note',
} as const;

const DASH = '—';
const num = (n: number | null | undefined, digits: number) =>
  n === null || n === undefined ? DASH : formatDecimal(n, digits);
const area = (n: number) => formatDecimal(n, n < 100 ? 2 : 0);
const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : DASH);

const STATE: Record<string, Bilingual> = {
  in_force: { fr: 'Approuvé, en vigueur', ar: 'مصادق عليه وساري المفعول' },
  public_enquiry: { fr: "En cours d'enquête publique", ar: 'في طور البحث العمومي' },
  expired: { fr: 'Effets expirés', ar: 'انتهت آثاره' },
};

const SOURCE: Record<string, Bilingual> = {
  title: { fr: 'Titre du registre de l’agence', ar: 'رسم من سجل الوكالة' },
  drawn: { fr: 'Tracé sur la carte par le demandeur', ar: 'رسم على الخريطة من طرف الطالب' },
  coordinates: { fr: 'Coordonnées données par le demandeur', ar: 'إحداثيات أدلى بها الطالب' },
  file: { fr: 'Fichier de sommets fourni par le demandeur', ar: 'ملف الرؤوس أدلى به الطالب' },
};

export type NoteViewInput = {
  agency: AgencyIdentity;
  reference: string;
  issuedOn: string;
  verification: { url: string; code: string };
  specimen: boolean;
  supersedes?: string;
  content: NoteContent;
  caseReference: string;
  requestedOn: string;
  applicant: string;
  signatories: SignatoryView[];
};

const uses = (codes: readonly string[], lang: 'fr' | 'ar') =>
  codes.length ? codes.map((c) => word(USES, c)[lang]).join(lang === 'ar' ? '، ' : ', ') : DASH;

const height = (r: NoteContent['zones'][number]['rules']) => {
  const floors = r.floors ?? (r.maxFloorsAboveGround !== null ? `R+${r.maxFloorsAboveGround}` : null);
  const metres = r.maxHeightM !== null ? `${formatDecimal(r.maxHeightM, r.maxHeightM % 1 ? 2 : 0)} m` : null;
  return [floors, metres].filter(Boolean).join(' · ') || DASH;
};

const setbacks = (r: NoteContent['zones'][number]['rules']) => {
  const s = r.setbacks;
  if (s.frontM === null && s.sideM === null && s.rearM === null) return { fr: DASH, ar: DASH };
  const m = (v: number | null) => (v === null ? DASH : `${formatDecimal(v, v % 1 ? 2 : 0)} m`);
  return {
    fr: `voie ${m(s.frontM)} · limites séparatives ${m(s.sideM)} · fond ${m(s.rearM)}`,
    ar: `الطريق ${m(s.frontM)} · الحدود الفاصلة ${m(s.sideM)} · الخلف ${m(s.rearM)}`,
  };
};

export function noteView(input: NoteViewInput) {
  const c = input.content;
  const kept = <T extends { excluded: boolean }>(list: T[]) => list.filter((x) => !x.excluded);
  const zones = kept(c.zones);
  const parcelArea = c.parcel.areaM2;
  const share = (a: number) => (parcelArea > 0 ? formatPercent((a / parcelArea) * 100) : DASH);
  const zonesArea = zones.reduce((s, z) => s + z.areaM2, 0);
  const title = c.parcel.landTitle;
  const requested = officialDate(input.requestedOn);
  const at = officialDate(c.at);
  const [lon, lat] = c.parcel.centroid;
  const doc = officialDocumentView({
    agency: input.agency,
    title: { fr: NOTE_TITLE.fr, ar: NOTE_TITLE.ar },
    reference: input.reference,
    issuedOn: input.issuedOn,
    verification: input.verification,
    specimen: input.specimen,
  });
  return {
    doc: input.supersedes ? { ...doc, supersedes: input.supersedes } : doc,
    variant: c.variant,
    at: { fr: at.gregorianFr, ar: at.gregorianAr },
    parcel: {
      titleFr: title ? title.fr : 'Terrain non immatriculé',
      titleAr: title
        ? `${title.kind === 'requisition' ? 'مطلب التحفيظ رقم' : 'الرسم العقاري رقم'} ${ltr(title.number)}`
        : 'عقار غير محفظ',
      sourceFr: (SOURCE[c.parcel.source] ?? SOURCE.drawn!).fr,
      sourceAr: (SOURCE[c.parcel.source] ?? SOURCE.drawn!).ar,
      areaM2: area(parcelArea),
      centroid: `${formatDecimal(lat, 6)} N · ${formatDecimal(-lon, 6)} W`,
      applicant: input.applicant,
      caseReference: input.caseReference,
      requestedFr: requested.gregorianFr,
      requestedAr: requested.gregorianAr,
    },
    plans: c.plans.map((p) => ({
      nameFr: p.nameFr,
      nameAr: p.nameAr,
      kindFr: word(PLAN_KINDS, p.kind).fr,
      kindAr: word(PLAN_KINDS, p.kind).ar,
      stateFr: (STATE[p.state] ?? { fr: p.state }).fr,
      stateAr: (STATE[p.state] ?? { ar: p.state }).ar,
      enquiry: p.state === 'public_enquiry',
      decreeFr: text(p.decreeRefFr),
      decreeAr: text(p.decreeRefAr),
      approvedFr: p.approvedOn ? officialDate(p.approvedOn).gregorianFr : DASH,
      approvedAr: p.approvedOn ? officialDate(p.approvedOn).gregorianAr : DASH,
      effectsFr: p.effectsUntil ? officialDate(p.effectsUntil).gregorianFr : DASH,
      effectsAr: p.effectsUntil ? officialDate(p.effectsUntil).gregorianAr : DASH,
    })),
    zones: zones.map((z) => ({
      code: z.zoneCode,
      labelFr: text(z.labelFr),
      labelAr: text(z.labelAr),
      cos: num(z.rules.cos, 2),
      ces: z.rules.ces === null ? DASH : formatPercent(z.rules.ces * 100, 0),
      height: height(z.rules),
      areaM2: area(z.areaM2),
      percent: share(z.areaM2),
      usesFr: uses(z.rules.allowedUses, 'fr'),
      usesAr: uses(z.rules.allowedUses, 'ar'),
      forbiddenFr: uses(z.rules.forbiddenUses, 'fr'),
      forbiddenAr: uses(z.rules.forbiddenUses, 'ar'),
      setbacksFr: setbacks(z.rules).fr,
      setbacksAr: setbacks(z.rules).ar,
      // 0 in the plans' rules means "no minimum".
      minParcel: z.rules.minParcelAreaM2 ? `${area(z.rules.minParcelAreaM2)} m²` : DASH,
      minFrontage: z.rules.minFrontageM ? `${num(z.rules.minFrontageM, 0)} m` : DASH,
      articleFr: text(z.rules.articleFr),
      articleAr: text(z.rules.articleAr),
    })),
    zonesTotal: { areaM2: area(zonesArea), percent: share(zonesArea) },
    servitudes: kept(c.servitudes).map((s) => ({
      labelFr: s.labelFr ?? word(SERVITUDES, s.kind).fr,
      labelAr: s.labelAr ?? word(SERVITUDES, s.kind).ar,
      ruleFr: text(s.ruleFr),
      ruleAr: text(s.ruleAr),
      areaM2: area(s.areaM2),
      percent: share(s.areaM2),
    })),
    reservations: kept(c.reservations).map((r) => ({
      ref: r.ref ?? DASH,
      labelFr: r.labelFr ?? word(EQUIPMENT, r.equipmentKind).fr,
      labelAr: r.labelAr ?? word(EQUIPMENT, r.equipmentKind).ar,
      beneficiaryFr: text(r.beneficiaryFr),
      beneficiaryAr: text(r.beneficiaryAr),
      areaM2: area(r.areaM2),
      percent: share(r.areaM2),
    })),
    alignments: kept(c.alignments).map((r) => ({
      labelFr: text(r.labelFr),
      labelAr: text(r.labelAr),
      statusFr: r.status ? word(ROAD_STATUS, r.status).fr : DASH,
      statusAr: r.status ? word(ROAD_STATUS, r.status).ar : DASH,
      width: r.plannedWidthM === null ? DASH : `${num(r.plannedWidthM, r.plannedWidthM % 1 ? 1 : 0)} m`,
      areaM2: area(r.areaM2),
      percent: share(r.areaM2),
    })),
    warnings: c.warnings.map((w) => ({ fr: w.fr, ar: w.ar })),
    observations: c.observations.map((o) => ({ fr: o.fr || o.ar, ar: o.ar || o.fr })),
    mentions: [
      {
        fr: `Renseignements établis d'après les documents d'urbanisme opposables au ${at.gregorianFr}, pour la parcelle décrite ci-dessus telle qu'elle a été identifiée par le demandeur.`,
        ar: `معلومات مستخرجة من وثائق التعمير السارية بتاريخ ${at.gregorianAr}، بالنسبة للقطعة الموصوفة أعلاه كما حددها الطالب.`,
      },
      {
        fr: "La présente note est délivrée à titre d'information. Elle ne vaut ni autorisation de construire, de lotir ou de morceler, ni reconnaissance d'un droit de propriété.",
        ar: 'تسلم هذه المذكرة على سبيل الإخبار، ولا تعتبر رخصة للبناء أو التجزئة أو التقسيم، ولا اعترافا بحق الملكية.',
      },
      {
        fr: 'Les surfaces sont calculées dans le plan de la projection Lambert du Maroc ; elles sont indicatives et ne remplacent pas un levé topographique.',
        ar: 'المساحات محسوبة في مستوى إسقاط لامبير للمغرب، وهي إرشادية ولا تعوض رفعا طبوغرافيا.',
      },
    ],
    signatories: input.signatories,
  };
}

export type NoteView = ReturnType<typeof noteView>;
