// The e-note API as the web app uses it: land titles, parcels, the note (applicant and staff views),
// amendments, bulk signature and statistics.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { L } from '../cases/api.ts';

export type Position = number[];
export type ParcelGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };
export type System = 'auto' | 'lambert' | 'wgs84';
export type ParcelSource = 'title' | 'drawn' | 'coordinates' | 'file';

export type ParcelBody =
  | { source: 'title'; landTitle: string }
  | { source: 'drawn'; positions: Position[]; landTitle?: string }
  | { source: 'coordinates'; text: string; system: System; landTitle?: string }
  | { source: 'file'; contentBase64: string; filename: string; system: System; landTitle?: string };

export type ParcelView = {
  source: ParcelSource;
  inputCrs: string;
  crsName: string;
  swapped: boolean;
  areaM2: number;
  geometry: ParcelGeometry | null;
  landTitle: { kind: string; number: string } | null;
};

export type TitleCheck = {
  title: { kind: 'titre_foncier' | 'requisition'; number: string; fr: string; ar: string };
  hits: {
    id: string;
    number: string;
    refFr: string;
    refAr: string;
    propertyNameFr: string | null;
    propertyNameAr: string | null;
    areaM2: number | null;
    synthetic: boolean;
    bbox: [number, number, number, number];
    geometry: ParcelGeometry;
  }[];
};

export type ZoneRules = {
  allowedUses: string[];
  forbiddenUses: string[];
  maxHeightM: number | null;
  maxFloorsAboveGround: number | null;
  floors: string | null;
  cos: number | null;
  ces: number | null;
  articleFr: string | null;
  articleAr: string | null;
};
type Share = { areaM2: number; percent: number; excluded: boolean; ref: string | null };
export type NoteContent = {
  at: string;
  variant: 'approved' | 'public_enquiry';
  parcel: { areaM2: number; landTitle: { fr: string; ar: string } | null };
  plans: {
    versionId: string;
    nameFr: string;
    nameAr: string;
    state: string;
    decreeRefFr: string | null;
    decreeRefAr: string | null;
    approvedOn: string | null;
  }[];
  zones: (Share & { zoneCode: string; labelFr: string | null; labelAr: string | null; rules: ZoneRules })[];
  servitudes: (Share & {
    labelFr: string | null;
    labelAr: string | null;
    ruleFr: string | null;
    ruleAr: string | null;
  })[];
  reservations: (Share & {
    labelFr: string | null;
    labelAr: string | null;
    beneficiaryFr: string | null;
    beneficiaryAr: string | null;
  })[];
  alignments: (Share & {
    labelFr: string | null;
    labelAr: string | null;
    status: string | null;
    plannedWidthM: number | null;
  })[];
  warnings: ({ code: string } & L)[];
  observations: { fr: string; ar: string }[];
};

export type NoteDocument = {
  id: string;
  number: string;
  status: string;
  verificationCode: string;
  ready: boolean;
  sha256: string | null;
  downloadUrl: string;
};

export type ApplicantNote = {
  caseId: string;
  parcel: ParcelView | null;
  draftReady: boolean;
  content: NoteContent | null;
  document: NoteDocument | null;
};

export type Correction = { path: string; value: string | number | boolean | null; reason: string };
export type Amendments = { corrections: Correction[]; observations: { fr: string; ar: string }[] };

export type StaffNote = {
  caseId: string;
  reference: string | null;
  state: string;
  version: number;
  canAmend: boolean;
  parcel: ParcelView;
  automatic: NoteContent | null;
  automaticAt: string | null;
  amendments: Amendments;
  content: NoteContent | null;
  contentSha256: string | null;
  editVersion: number;
  diff: (
    | { kind: 'correction'; path: string; before: unknown; after: unknown; reason: string }
    | { kind: 'observation'; index: number; fr: string; ar: string }
  )[];
  review: { sha256: string; by: string | null; at: string | null } | null;
  signature: { sha256: string; by: string | null; at: string | null } | null;
  document: NoteDocument | null;
  revisions: {
    id: number;
    kind: string;
    contentSha256: string;
    reason: string | null;
    at: string;
    actorName: string | null;
  }[];
};

export type NoteListItem = {
  id: string;
  reference: string | null;
  agencyCode: string;
  state: { key: string; label: L };
  version: number;
  clock: import('../cases/api.ts').ClockView | null;
  landTitle: { kind: string; number: string } | null;
  areaM2: number;
  zones: string[];
  variant: 'approved' | 'public_enquiry' | null;
  warnings: string[];
  corrections: number;
  observations: number;
  reviewedSha256: string | null;
};

export type SignResult =
  | {
      caseId: string;
      reference: string | null;
      status: 'signed';
      document: { id: string; number: string; verificationCode: string; ready: boolean } | null;
    }
  | { caseId: string; status: 'failed'; problem: { code: string; title: string; detail?: string } };

export type DayStats = {
  date: string;
  requested: number;
  delivered: number;
  delayDays: { average: number | null; p90: number | null };
  delayWorkingDays: { average: number | null; p90: number | null };
};
export type Stats = { from: string; to: string; days: DayStats[]; totals: Omit<DayStats, 'date'> };

export const useApplicantNote = (caseId: string, poll: boolean) =>
  useQuery({
    queryKey: ['e-note', caseId],
    queryFn: () => api.get<ApplicantNote>(`/api/e-note/cases/${encodeURIComponent(caseId)}`),
    refetchInterval: poll ? 3000 : false,
  });

export const useStaffNote = (caseId: string) =>
  useQuery({
    queryKey: ['e-note', 'staff', caseId],
    queryFn: () => api.get<StaffNote>(`/api/staff/e-note/cases/${encodeURIComponent(caseId)}`),
    refetchInterval: (query) => (query.state.data && !query.state.data.automatic ? 3000 : false),
  });

export const useNoteList = (state: string) =>
  useQuery({
    queryKey: ['e-note', 'list', state],
    queryFn: () =>
      api.get<{ total: number; items: NoteListItem[] }>(
        `/api/staff/e-note/notes?limit=200${state ? `&state=${encodeURIComponent(state)}` : ''}`,
      ),
  });

export const saveParcel = (caseId: string, body: ParcelBody) =>
  api.put<ParcelView>(`/api/e-note/cases/${encodeURIComponent(caseId)}/parcel`, body);

export const checkTitle = (agencyCode: string, q: string) =>
  api.get<TitleCheck>(
    `/api/e-note/titles?agency=${encodeURIComponent(agencyCode)}&q=${encodeURIComponent(q)}`,
  );

/** The bounding box of a parcel, for the map. */
export function bboxOf(geometry: ParcelGeometry): [number, number, number, number] {
  const points = geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
  const xs = points.map((p) => p[0] as number);
  const ys = points.map((p) => p[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
