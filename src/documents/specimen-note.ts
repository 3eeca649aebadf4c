import { formatDecimal, formatPercent } from './format.ts';
import {
  type AgencyIdentity,
  type Bilingual,
  type OfficialDocumentView,
  officialDocumentView,
  type SignatoryView,
} from './official.ts';

/**
 * Note de renseignements urbanistiques / مذكرة المعلومات التعميرية: typed input, and the view
 * (display strings only) that templates/specimen-note.typ lays out.
 */

export type ZoneInput = {
  /** Zone code in the zoning plan: `E3`. */
  code: string;
  label: Bilingual;
  /** Coefficient d'occupation du sol, e.g. 2.4; null where not applicable (roads, green areas). */
  cos: number | null;
  /** Coefficient d'emprise au sol in percent, e.g. 60; null where not applicable. */
  cesPercent: number | null;
  /** Levels allowed above the ground floor: 4 → `R+4`; null where not applicable. */
  levelsAboveGround: number | null;
  /** Part of the parcel inside this zone, m². */
  areaM2: number;
};

export type UrbanNoteInput = {
  agency: AgencyIdentity;
  reference: string;
  issuedOn: string;
  verification: { url: string; code: string };
  specimen: boolean;
  parcel: {
    landTitle: string;
    commune: Bilingual;
    prefecture: Bilingual;
    address: Bilingual;
    areaM2: number;
    applicant: Bilingual;
  };
  plan: { name: Bilingual; approval: Bilingual };
  zones: ZoneInput[];
  servitudes: Bilingual[];
  observations: Bilingual[];
  signatories: SignatoryView[];
};

export type SpecimenNoteView = {
  doc: OfficialDocumentView;
  parcel: {
    landTitle: string;
    communeFr: string;
    communeAr: string;
    prefectureFr: string;
    prefectureAr: string;
    addressFr: string;
    addressAr: string;
    areaM2: string;
    applicantFr: string;
    applicantAr: string;
  };
  plan: { nameFr: string; nameAr: string; approvalFr: string; approvalAr: string };
  zones: {
    code: string;
    labelFr: string;
    labelAr: string;
    cos: string;
    ces: string;
    height: string;
    areaM2: string;
    percent: string;
  }[];
  zonesTotal: { areaM2: string; percent: string };
  servitudes: Bilingual[];
  observations: Bilingual[];
  signatories: SignatoryView[];
};

export const URBAN_NOTE_TITLE: Bilingual = {
  fr: 'Note de renseignements urbanistiques',
  ar: 'مذكرة المعلومات التعميرية',
};

const NOT_APPLICABLE = '—';

export const urbanNoteView = (input: UrbanNoteInput): SpecimenNoteView => {
  const { parcel } = input;
  const share = (areaM2: number): string =>
    parcel.areaM2 > 0 ? formatPercent((areaM2 / parcel.areaM2) * 100) : NOT_APPLICABLE;
  const totalArea = input.zones.reduce((sum, z) => sum + z.areaM2, 0);
  return {
    doc: officialDocumentView({
      agency: input.agency,
      title: URBAN_NOTE_TITLE,
      reference: input.reference,
      issuedOn: input.issuedOn,
      verification: input.verification,
      specimen: input.specimen,
    }),
    parcel: {
      landTitle: parcel.landTitle,
      communeFr: parcel.commune.fr,
      communeAr: parcel.commune.ar,
      prefectureFr: parcel.prefecture.fr,
      prefectureAr: parcel.prefecture.ar,
      addressFr: parcel.address.fr,
      addressAr: parcel.address.ar,
      areaM2: formatDecimal(parcel.areaM2, 0),
      applicantFr: parcel.applicant.fr,
      applicantAr: parcel.applicant.ar,
    },
    plan: {
      nameFr: input.plan.name.fr,
      nameAr: input.plan.name.ar,
      approvalFr: input.plan.approval.fr,
      approvalAr: input.plan.approval.ar,
    },
    zones: input.zones.map((z) => ({
      code: z.code,
      labelFr: z.label.fr,
      labelAr: z.label.ar,
      cos: z.cos === null ? NOT_APPLICABLE : formatDecimal(z.cos, 2),
      ces: z.cesPercent === null ? NOT_APPLICABLE : formatPercent(z.cesPercent, 0),
      height: z.levelsAboveGround === null ? NOT_APPLICABLE : `R+${z.levelsAboveGround}`,
      areaM2: formatDecimal(z.areaM2, 0),
      percent: share(z.areaM2),
    })),
    zonesTotal: { areaM2: formatDecimal(totalArea, 0), percent: share(totalArea) },
    servitudes: input.servitudes,
    observations: input.observations,
    signatories: input.signatories,
  };
};
