// The geoportal's API types and queries (mirrors of src/geo/*: the web bundle never imports server code).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type LayerKind = 'zones' | 'roads' | 'servitudes' | 'reservations';
export const LAYER_KINDS: readonly LayerKind[] = ['zones', 'reservations', 'servitudes', 'roads'];

export type BBox = [number, number, number, number];
export type Position = number[];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'LineString'; coordinates: Position[] };

export type GeoportalConfig = {
  basemap: { url: string; attribution: string } | null;
  tiles: { url: string; minzoom: number; maxzoom: number; layers: { id: LayerKind }[] };
  zoneFamilies: string[];
  ogc: string;
};

export type PlanState = 'in_force' | 'public_enquiry' | 'expired';

export type VisiblePlan = {
  versionId: string;
  documentId: string;
  agencyCode: string;
  agencyNameAr: string;
  agencyNameFr: string;
  slug: string;
  kind: string;
  nameAr: string;
  nameFr: string;
  version: number;
  state: PlanState;
  decreeRefFr: string | null;
  decreeRefAr: string | null;
  approvedOn: string | null;
  effectsUntil: string | null;
  enquiryStart: string | null;
  enquiryEnd: string | null;
  synthetic: boolean;
  bbox: BBox | null;
  communes: { code: string; nameAr: string; nameFr: string }[];
  counts: Record<LayerKind, number>;
};

export type ZoneRules = {
  allowedUses: string[];
  forbiddenUses: string[];
  maxHeightM: number | null;
  maxFloorsAboveGround: number | null;
  floors: string | null;
  cos: number | null;
  ces: number | null;
  setbacks: { frontM: number | null; sideM: number | null; rearM: number | null };
  minParcelAreaM2: number | null;
  minFrontageM: number | null;
  articleFr: string | null;
  articleAr: string | null;
};

export type TitleHit = {
  id: string;
  kind: 'titre_foncier' | 'requisition';
  number: string;
  refFr: string;
  refAr: string;
  propertyNameFr: string | null;
  propertyNameAr: string | null;
  conservation: string | null;
  areaM2: number | null;
  agencyCode: string;
  synthetic: boolean;
  bbox: BBox;
  centroid: [number, number];
  geometry: Geometry;
};

export type PointHit = {
  crs: string;
  crsName: string;
  x: number;
  y: number;
  lon: number;
  lat: number;
  swapped: boolean;
  inPlan: boolean;
};

export type CommuneHit = {
  code: string;
  kind: string;
  nameAr: string;
  nameFr: string;
  plans: { versionId: string; nameAr: string; nameFr: string; agencyCode: string; bbox: BBox | null }[];
};

export type SearchResult = {
  query: string;
  kind: 'title' | 'coordinates' | 'commune' | 'none';
  titles: TitleHit[];
  points: PointHit[];
  communes: CommuneHit[];
};

type Share = { areaM2: number | null; percent: number | null };
export type OverlayZone = Share & {
  id: number;
  versionId: string;
  ref: string | null;
  zoneCode: string;
  labelAr: string | null;
  labelFr: string | null;
  family: string;
  rules: ZoneRules;
};
export type OverlayServitude = Share & {
  id: number;
  versionId: string;
  ref: string | null;
  kind: string;
  labelAr: string | null;
  labelFr: string | null;
  ruleAr: string | null;
  ruleFr: string | null;
  authority: string | null;
  widthM: number | null;
};
export type OverlayReservation = Share & {
  id: number;
  versionId: string;
  ref: string | null;
  equipmentKind: string;
  labelAr: string | null;
  labelFr: string | null;
  beneficiaryAr: string | null;
  beneficiaryFr: string | null;
};
export type OverlayRoad = Share & {
  id: number;
  versionId: string;
  ref: string | null;
  labelAr: string | null;
  labelFr: string | null;
  status: 'existing' | 'planned' | 'widening' | null;
  plannedWidthM: number | null;
};
export type OverlayPlan = Omit<VisiblePlan, 'agencyNameAr' | 'agencyNameFr' | 'bbox' | 'communes' | 'counts'>;
export type OverlayWarning =
  | { code: 'plan_public_enquiry'; versionId: string; enquiryStart: string | null; enquiryEnd: string | null }
  | { code: 'plan_expired'; versionId: string; effectsUntil: string | null }
  | { code: 'no_plan' }
  | { code: 'partly_unzoned'; uncoveredM2: number; percent: number }
  | { code: 'synthetic_data' };

export type UrbanSheet = {
  indicative: true;
  notice: string;
  generatedAt: string;
  title: TitleHit | null;
  overlay: {
    at: string;
    parcel: {
      kind: 'point' | 'polygon';
      geometry: Geometry;
      areaM2: number | null;
      centroid: [number, number];
      inputCrs: string;
      areaCrs: string;
    };
    plans: OverlayPlan[];
    zones: OverlayZone[];
    servitudes: OverlayServitude[];
    reservations: OverlayReservation[];
    roads: OverlayRoad[];
    warnings: OverlayWarning[];
  };
};

export type ZoneDetails = {
  id: number;
  ref: string | null;
  zoneCode: string;
  labelAr: string | null;
  labelFr: string | null;
  family: string;
  plan: VisiblePlan;
  rules: ZoneRules;
};

export type PlanRules = {
  plan: VisiblePlan;
  rules: {
    zoneCode: string;
    labelAr: string | null;
    labelFr: string | null;
    family: string;
    zones: number;
    rules: ZoneRules;
  }[];
};

export const useGeoportalConfig = () =>
  useQuery({
    queryKey: ['geoportal', 'config'],
    queryFn: () => api.get<GeoportalConfig>('/api/geoportal/config'),
    staleTime: 300_000,
  });

export const useVisiblePlans = () =>
  useQuery({
    queryKey: ['geoportal', 'plans'],
    queryFn: () => api.get<VisiblePlan[]>('/api/geoportal/plans'),
    staleTime: 60_000,
  });

export const usePlanRules = (versionId: string) =>
  useQuery({
    queryKey: ['geoportal', 'plan-rules', versionId],
    queryFn: () => api.get<PlanRules>(`/api/geoportal/plans/${encodeURIComponent(versionId)}/rules`),
  });

export const useSearch = (q: string) =>
  useQuery({
    queryKey: ['geoportal', 'search', q],
    queryFn: () => api.get<SearchResult>(`/api/geoportal/search?q=${encodeURIComponent(q)}`),
    enabled: q.trim().length > 0,
  });

export const useZone = (id: number | null) =>
  useQuery({
    queryKey: ['geoportal', 'zone', id],
    queryFn: () => api.get<ZoneDetails>(`/api/geoportal/zones/${id}`),
    enabled: id !== null,
  });

/** Where the indicative sheet of a land title, a point or a drawn parcel is. */
export type SheetTarget =
  | { kind: 'title'; number: string; titleKind?: 'titre_foncier' | 'requisition' }
  | { kind: 'point'; x: number; y: number; crs?: string }
  | { kind: 'parcel'; geometry: Geometry; crs: string };

export function sheetPath(target: SheetTarget): string {
  const q = new URLSearchParams();
  if (target.kind === 'title') {
    q.set('title', target.number);
    if (target.titleKind) q.set('kind', target.titleKind);
  } else if (target.kind === 'point') {
    q.set('x', String(target.x));
    q.set('y', String(target.y));
    if (target.crs) q.set('crs', target.crs);
  } else {
    q.set('parcel', JSON.stringify(target.geometry.coordinates));
    q.set('crs', target.crs);
  }
  return `/geoportal/sheet?${q.toString()}`;
}

export function sheetTargetOf(params: URLSearchParams): SheetTarget | undefined {
  const title = params.get('title');
  if (title) {
    const kind = params.get('kind');
    return kind === 'titre_foncier' || kind === 'requisition'
      ? { kind: 'title', number: title, titleKind: kind }
      : { kind: 'title', number: title };
  }
  const x = params.get('x');
  const y = params.get('y');
  if (x !== null && y !== null && Number.isFinite(Number(x)) && Number.isFinite(Number(y))) {
    const crs = params.get('crs');
    return crs
      ? { kind: 'point', x: Number(x), y: Number(y), crs }
      : { kind: 'point', x: Number(x), y: Number(y) };
  }
  const parcel = params.get('parcel');
  if (parcel) {
    try {
      const coordinates = JSON.parse(parcel) as Position[][];
      return {
        kind: 'parcel',
        geometry: { type: 'Polygon', coordinates },
        crs: params.get('crs') ?? 'EPSG:4326',
      };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const useSheet = (target: SheetTarget | undefined, locale: string) =>
  useQuery({
    queryKey: ['geoportal', 'sheet', target, locale],
    enabled: target !== undefined,
    queryFn: () => {
      const t = target as SheetTarget;
      if (t.kind === 'parcel')
        return api.post<UrbanSheet>('/api/geoportal/sheet', { geometry: t.geometry, crs: t.crs });
      return api.get<UrbanSheet>(sheetPath(t).replace('/geoportal/sheet', '/api/geoportal/sheet'));
    },
  });

/** Lines of "x y" (or "x, y") → a closed ring; undefined when fewer than 3 points or a bad line. */
export function parseRing(text: string): Position[] | undefined {
  const points: Position[] = [];
  for (const line of text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const parts = line
      .replace(/[()[\]]/g, '')
      .split(/\s*[;,]\s*|\s+/)
      .filter(Boolean)
      .map((s) => Number(s));
    if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return undefined;
    points.push(parts);
  }
  if (points.length < 3) return undefined;
  const first = points[0] as Position;
  const last = points[points.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) points.push([...first]);
  return points;
}

/** The coordinate system of typed coordinates, as the search box detects it (first reading). */
export async function detectCrs(
  x: number,
  y: number,
): Promise<{ crs: string; swapped: boolean } | undefined> {
  const found = await api.get<SearchResult>(`/api/geoportal/search?q=${encodeURIComponent(`${x} ${y}`)}`);
  const best = found.points[0];
  return best ? { crs: best.crs, swapped: best.swapped } : undefined;
}
