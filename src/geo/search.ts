// What the public geoportal reads: the plans shown today, the search box (land title, coordinates,
// commune), a land title's parcel, and a zone's regulation.
import { sql } from 'drizzle-orm';
import { type Orm, rows } from '../platform/db/database.ts';
import type { CrsCode } from './crs.ts';
import { statusAtSql, type VisibleState } from './plan-queries.ts';
import { type CoordinateCandidate, coordinateCandidates, crsName, parseTitleQuery } from './search-query.ts';
import type { PlanKind } from './tables.ts';
import type { Geometry } from './types.ts';

export type BBox = [number, number, number, number];

export type VisiblePlan = {
  versionId: string;
  documentId: string;
  agencyCode: string;
  agencyNameAr: string;
  agencyNameFr: string;
  slug: string;
  kind: PlanKind;
  nameAr: string;
  nameFr: string;
  version: number;
  state: VisibleState;
  decreeRefFr: string | null;
  decreeRefAr: string | null;
  approvedOn: string | null;
  effectsUntil: string | null;
  enquiryStart: string | null;
  enquiryEnd: string | null;
  synthetic: boolean;
  bbox: BBox | null;
  communes: { code: string; nameAr: string; nameFr: string }[];
  counts: { zones: number; roads: number; servitudes: number; reservations: number };
};

const bboxOf = (w: unknown, s: unknown, e: unknown, n: unknown): BBox | null =>
  w === null || w === undefined ? null : ([Number(w), Number(s), Number(e), Number(n)].map(round6) as BBox);
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The plan versions the public sees on `at`: in force, under public enquiry, or expired and not replaced. */
export async function listVisiblePlans(
  db: Orm,
  at: string,
  filter: { documentIds?: string[] } = {},
): Promise<VisiblePlan[]> {
  const byDocument = filter.documentIds
    ? filter.documentIds.length
      ? sql`and v.document_id in (${sql.join(
          filter.documentIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`and false`
    : sql``;
  const list = await rows<
    Omit<VisiblePlan, 'bbox' | 'communes' | 'counts'> & {
      w: number | null;
      s: number | null;
      e: number | null;
      n: number | null;
      communeCodes: string[];
      zones: number;
      roads: number;
      servitudes: number;
      reservations: number;
    }
  >(
    db,
    sql`select * from (
      select v.id as "versionId", v.document_id as "documentId", a.code as "agencyCode", a.name_ar as "agencyNameAr",
        a.name_fr as "agencyNameFr", d.slug, d.kind, d.name_ar as "nameAr", d.name_fr as "nameFr", v.version,
        ${statusAtSql(at)} as state, v.decree_ref_fr as "decreeRefFr", v.decree_ref_ar as "decreeRefAr",
        v.approved_on::text as "approvedOn", v.effects_until::text as "effectsUntil",
        v.enquiry_start::text as "enquiryStart", v.enquiry_end::text as "enquiryEnd", v.synthetic,
        ST_XMin(v.extent) as w, ST_YMin(v.extent) as s, ST_XMax(v.extent) as e, ST_YMax(v.extent) as n,
        d.commune_codes as "communeCodes",
        (select count(*)::int from plan_zones t where t.version_id = v.id) as zones,
        (select count(*)::int from plan_roads t where t.version_id = v.id) as roads,
        (select count(*)::int from plan_servitudes t where t.version_id = v.id) as servitudes,
        (select count(*)::int from plan_reservations t where t.version_id = v.id) as reservations
      from plan_versions v join plan_documents d on d.id = v.document_id join agencies a on a.id = v.agency_id
      where true ${byDocument}) x
    where state in ('in_force', 'public_enquiry', 'expired')
    order by "agencyCode", "nameFr"`,
  );
  const codes = [...new Set(list.flatMap((p) => p.communeCodes))];
  const communes = codes.length
    ? await rows<{ code: string; nameAr: string; nameFr: string }>(
        db,
        sql`select code, name_ar as "nameAr", name_fr as "nameFr" from communes where code in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      )
    : [];
  const byCode = new Map(communes.map((c) => [c.code, c]));
  return list.map(({ w, s, e, n, communeCodes, zones, roads, servitudes, reservations, ...p }) => ({
    ...p,
    version: Number(p.version),
    bbox: bboxOf(w, s, e, n),
    communes: communeCodes.map((c) => byCode.get(c)).filter((c): c is NonNullable<typeof c> => Boolean(c)),
    counts: {
      zones: Number(zones),
      roads: Number(roads),
      servitudes: Number(servitudes),
      reservations: Number(reservations),
    },
  }));
}

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

/** Land titles by number ('31457/C' exactly, or '31457' for every suffix). */
export async function findTitles(db: Orm, input: string, limit = 10): Promise<TitleHit[]> {
  const q = parseTitleQuery(input) ?? (/^\d{1,8}$/.test(input.trim()) ? { number: input.trim() } : undefined);
  if (!q) return [];
  const byNumber = q.number.includes('/')
    ? sql`t.number = ${q.number}`
    : sql`(t.number = ${q.number} or t.number like ${`${q.number}/%`})`;
  const byKind = q.kind ? sql`and t.kind = ${q.kind}` : sql``;
  const found = await rows<
    Omit<TitleHit, 'bbox' | 'centroid' | 'geometry'> & {
      w: number;
      s: number;
      e: number;
      n: number;
      cx: number;
      cy: number;
      g: string;
    }
  >(
    db,
    sql`select t.id, t.kind, t.number, t.ref_fr as "refFr", t.ref_ar as "refAr", t.property_name_fr as "propertyNameFr",
          t.property_name_ar as "propertyNameAr", t.conservation, t.area_m2 as "areaM2", a.code as "agencyCode", t.synthetic,
          ST_XMin(t.geom) as w, ST_YMin(t.geom) as s, ST_XMax(t.geom) as e, ST_YMax(t.geom) as n,
          ST_X(ST_PointOnSurface(t.geom)) as cx, ST_Y(ST_PointOnSurface(t.geom)) as cy, ST_AsGeoJSON(t.geom, 9) as g
        from land_titles t join agencies a on a.id = t.agency_id
        where ${byNumber} ${byKind}
        order by t.number, t.kind limit ${limit}`,
  );
  return found.map(({ w, s, e, n, cx, cy, g, ...t }) => ({
    ...t,
    areaM2: t.areaM2 === null ? null : Number(t.areaM2),
    bbox: bboxOf(w, s, e, n) as BBox,
    centroid: [round6(Number(cx)), round6(Number(cy))],
    geometry: JSON.parse(g) as Geometry,
  }));
}

export type PointHit = CoordinateCandidate & { crsName: string; inPlan: boolean };

export type CommuneHit = {
  code: string;
  kind: string;
  nameAr: string;
  nameFr: string;
  provinceCode: string;
  plans: { versionId: string; nameAr: string; nameFr: string; agencyCode: string; bbox: BBox | null }[];
};

export type SearchResult = {
  query: string;
  kind: 'title' | 'coordinates' | 'commune' | 'none';
  titles: TitleHit[];
  points: PointHit[];
  communes: CommuneHit[];
};

export async function pointsInPlans(
  db: Orm,
  candidates: CoordinateCandidate[],
  at: string,
): Promise<PointHit[]> {
  if (candidates.length === 0) return [];
  const values = sql.join(
    candidates.map((c, i) => sql`(${i}::int, ${c.lon}::float8, ${c.lat}::float8)`),
    sql`, `,
  );
  const inside = await rows<{ i: number }>(
    db,
    sql`select distinct c.i from (values ${values}) as c(i, lon, lat)
        join plan_versions v on v.extent && ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326)
        where ${statusAtSql(at)} in ('in_force', 'public_enquiry', 'expired')`,
  );
  const hit = new Set(inside.map((r) => Number(r.i)));
  return candidates
    .map((c, i) => ({ ...c, crsName: crsName(c.crs as CrsCode), inPlan: hit.has(i) }))
    .sort((a, b) => Number(b.inPlan) - Number(a.inPlan));
}

async function findCommunes(db: Orm, q: string, at: string): Promise<CommuneHit[]> {
  const text = q.trim();
  if (text.length < 2) return [];
  const like = `%${text.toLowerCase()}%`;
  const found = await rows<Omit<CommuneHit, 'plans'> & { parentCode: string | null }>(
    db,
    sql`select code, kind, name_ar as "nameAr", name_fr as "nameFr", province_code as "provinceCode", parent_code as "parentCode"
        from communes
        where lower(unaccent(name_fr)) like lower(unaccent(${like})) or name_ar like ${`%${text}%`}
        order by (lower(unaccent(name_fr)) = lower(unaccent(${text})) or name_ar = ${text}) desc, kind, name_fr
        limit 10`,
  );
  if (found.length === 0) return [];
  const plans = await listVisiblePlans(db, at);
  return found.map(({ parentCode, ...c }) => ({
    ...c,
    plans: plans
      .filter((p) => p.communes.some((pc) => pc.code === c.code || pc.code === parentCode))
      .map((p) => ({
        versionId: p.versionId,
        nameAr: p.nameAr,
        nameFr: p.nameFr,
        agencyCode: p.agencyCode,
        bbox: p.bbox,
      })),
  }));
}

/** The search box: a land title, then coordinates, then a commune name. */
export async function searchGeoportal(db: Orm, query: string, at: string): Promise<SearchResult> {
  const q = query.trim().slice(0, 120);
  const empty: SearchResult = { query: q, kind: 'none', titles: [], points: [], communes: [] };
  if (!q) return empty;
  const candidates = coordinateCandidates(q);
  if (candidates.length)
    return { ...empty, kind: 'coordinates', points: await pointsInPlans(db, candidates, at) };
  const titleQuery = parseTitleQuery(q);
  if (titleQuery || /^\d{1,8}$/.test(q)) {
    const titles = await findTitles(db, q);
    if (titles.length || titleQuery) return { ...empty, kind: 'title', titles };
  }
  const communes = await findCommunes(db, q, at);
  return { ...empty, kind: communes.length ? 'commune' : 'none', communes };
}

export type ZoneDetails = {
  id: number;
  ref: string | null;
  zoneCode: string;
  labelAr: string | null;
  labelFr: string | null;
  family: string;
  plan: VisiblePlan;
  rules: Record<string, unknown>;
};

/** One zone with its regulation, when its plan is visible on `at` (the map's click). */
export async function zoneDetails(db: Orm, id: number, at: string): Promise<ZoneDetails | undefined> {
  const [z] = await rows<Record<string, unknown> & { versionId: string; documentId: string }>(
    db,
    sql`select z.id::int as id, z.ref, z.zone_code as "zoneCode", coalesce(r.label_ar, z.label_ar) as "labelAr",
          coalesce(r.label_fr, z.label_fr) as "labelFr", coalesce(r.family, z.family) as family,
          z.version_id as "versionId", v.document_id as "documentId",
          coalesce(r.allowed_uses, '{}') as "allowedUses", coalesce(r.forbidden_uses, '{}') as "forbiddenUses",
          coalesce(r.max_height_m, z.max_height_m) as "maxHeightM",
          coalesce(r.max_floors, z.max_floors) as "maxFloorsAboveGround", coalesce(r.floors_text, z.floors_text) as floors,
          coalesce(r.cos, z.cos) as cos, coalesce(r.ces, z.ces) as ces, r.setback_front_m as "frontM",
          r.setback_side_m as "sideM", r.setback_rear_m as "rearM", r.min_parcel_area_m2 as "minParcelAreaM2",
          r.min_frontage_m as "minFrontageM", r.article_fr as "articleFr", r.article_ar as "articleAr"
        from plan_zones z join plan_versions v on v.id = z.version_id
          left join plan_zone_rules r on r.version_id = z.version_id and r.zone_code = z.zone_code
        where z.id = ${id}`,
  );
  if (!z) return undefined;
  const [plan] = (await listVisiblePlans(db, at, { documentIds: [z.documentId] })).filter(
    (p) => p.versionId === z.versionId,
  );
  if (!plan) return undefined;
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(z.id),
    ref: (z.ref as string | null) ?? null,
    zoneCode: z.zoneCode as string,
    labelAr: (z.labelAr as string | null) ?? null,
    labelFr: (z.labelFr as string | null) ?? null,
    family: z.family as string,
    plan,
    rules: {
      allowedUses: z.allowedUses,
      forbiddenUses: z.forbiddenUses,
      maxHeightM: n(z.maxHeightM),
      maxFloorsAboveGround: n(z.maxFloorsAboveGround),
      floors: z.floors ?? null,
      cos: n(z.cos),
      ces: n(z.ces),
      setbacks: { frontM: n(z.frontM), sideM: n(z.sideM), rearM: n(z.rearM) },
      minParcelAreaM2: n(z.minParcelAreaM2),
      minFrontageM: n(z.minFrontageM),
      articleFr: z.articleFr ?? null,
      articleAr: z.articleAr ?? null,
    },
  };
}

export type ZoneRuleView = {
  zoneCode: string;
  labelAr: string | null;
  labelFr: string | null;
  family: string;
  zones: number;
  rules: Record<string, unknown>;
};

/** The regulation of every zone code of a visible plan version: the non-map way to read the rules. */
export async function planRules(
  db: Orm,
  versionId: string,
  at: string,
): Promise<{ plan: VisiblePlan; rules: ZoneRuleView[] } | undefined> {
  const [v] = await rows<{ documentId: string }>(
    db,
    sql`select document_id as "documentId" from plan_versions where id = ${versionId}::uuid`,
  );
  if (!v) return undefined;
  const plan = (await listVisiblePlans(db, at, { documentIds: [v.documentId] })).find(
    (p) => p.versionId === versionId,
  );
  if (!plan) return undefined;
  const found = await rows<Record<string, unknown>>(
    db,
    sql`select r.zone_code as "zoneCode", r.label_ar as "labelAr", r.label_fr as "labelFr", r.family,
          (select count(*)::int from plan_zones z where z.version_id = r.version_id and z.zone_code = r.zone_code) as zones,
          r.allowed_uses as "allowedUses", r.forbidden_uses as "forbiddenUses", r.max_height_m as "maxHeightM",
          r.max_floors as "maxFloorsAboveGround", r.floors_text as floors, r.cos, r.ces, r.setback_front_m as "frontM",
          r.setback_side_m as "sideM", r.setback_rear_m as "rearM", r.min_parcel_area_m2 as "minParcelAreaM2",
          r.min_frontage_m as "minFrontageM", r.article_fr as "articleFr", r.article_ar as "articleAr"
        from plan_zone_rules r where r.version_id = ${versionId}::uuid order by r.zone_code`,
  );
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    plan,
    rules: found.map((r) => ({
      zoneCode: r.zoneCode as string,
      labelAr: (r.labelAr as string | null) ?? null,
      labelFr: (r.labelFr as string | null) ?? null,
      family: r.family as string,
      zones: Number(r.zones),
      rules: {
        allowedUses: r.allowedUses,
        forbiddenUses: r.forbiddenUses,
        maxHeightM: n(r.maxHeightM),
        maxFloorsAboveGround: n(r.maxFloorsAboveGround),
        floors: r.floors ?? null,
        cos: n(r.cos),
        ces: n(r.ces),
        setbacks: { frontM: n(r.frontM), sideM: n(r.sideM), rearM: n(r.rearM) },
        minParcelAreaM2: n(r.minParcelAreaM2),
        minFrontageM: n(r.minFrontageM),
        articleFr: r.articleFr ?? null,
        articleAr: r.articleAr ?? null,
      },
    })),
  };
}
