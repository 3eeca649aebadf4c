// The overlay of a parcel (or a point) on the planning documents in force at a date: which zones,
// servitudes, equipment reservations and road alignments it touches, with the area of each part in
// m² and in % of the parcel, the plans and decrees they come from, and warnings (a plan under public
// enquiry, a plan whose effects have ended, land outside any zone). The geoportal's indicative sheet
// and the information-note service both read this.
//
// Areas are planar, in the Lambert zone covering the parcel (as surveyors and the land registry
// compute them): both the stored zones and the parcel are projected there by PostGIS.
import { sql } from 'drizzle-orm';
import { type Orm, one, rows } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { type CrsCode, toWgs84 } from './crs.ts';
import { moroccanDate } from './plan-lifecycle.ts';
import { statusAtSql, type VisibleState } from './plan-queries.ts';
import { metricCrsAt, STORAGE_SRID, sridOf } from './srid.ts';
import type { PlanKind } from './tables.ts';
import type { Geometry, Position } from './types.ts';
import { validateGeometry } from './validate-geometry.ts';
import type { ZoneFamily } from './zone-families.ts';

export type OverlayInput = {
  /** Only this agency's plans (e.g. the agency instructing a note); all agencies when absent. */
  agencyId?: string | null;
  /** A Point, Polygon or MultiPolygon in `crs`. */
  geometry: Geometry;
  crs: CrsCode;
  /** The date whose plans apply ('YYYY-MM-DD'); today in Morocco when absent. */
  at?: string;
  /** Refuse larger parcels (geo.parcel_too_large). */
  maxAreaM2?: number;
};

export type OverlayPlan = {
  versionId: string;
  documentId: string;
  agencyId: string;
  agencyCode: string;
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
};

/** The part of the parcel a feature covers; null areas for a point. */
type Share = { areaM2: number | null; percent: number | null };

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

export type OverlayZone = Share & {
  id: number;
  versionId: string;
  ref: string | null;
  zoneCode: string;
  labelAr: string | null;
  labelFr: string | null;
  family: ZoneFamily;
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

export type OverlayWarning =
  | { code: 'plan_public_enquiry'; versionId: string; enquiryStart: string | null; enquiryEnd: string | null }
  | { code: 'plan_expired'; versionId: string; effectsUntil: string | null }
  | { code: 'no_plan' }
  | { code: 'partly_unzoned'; uncoveredM2: number; percent: number }
  | { code: 'synthetic_data' };

export type OverlayResult = {
  at: string;
  parcel: {
    kind: 'point' | 'polygon';
    /** The parcel in WGS 84 (GeoJSON). */
    geometry: Geometry;
    /** Its area in the metric plane (null for a point). */
    areaM2: number | null;
    centroid: Position;
    inputCrs: CrsCode;
    areaCrs: CrsCode;
  };
  plans: OverlayPlan[];
  zones: OverlayZone[];
  servitudes: OverlayServitude[];
  reservations: OverlayReservation[];
  roads: OverlayRoad[];
  warnings: OverlayWarning[];
};

/** Intersections smaller than this are a shared edge, not an overlap. */
const MIN_AREA_M2 = 0.01;

const round2 = (n: number) => Math.round(n * 100) / 100;

function checkParcel(geometry: Geometry, crs: CrsCode): 'point' | 'polygon' {
  const kind =
    geometry.type === 'Point'
      ? 'point'
      : geometry.type === 'Polygon' || geometry.type === 'MultiPolygon'
        ? 'polygon'
        : undefined;
  if (!kind) throw new AppError('geo.parcel_invalid', { params: { type: geometry.type } });
  const problems = validateGeometry(geometry, { crs, expect: kind });
  if (problems.length) {
    throw new AppError('geo.parcel_invalid', { extensions: { problems: problems.map((p) => p.code) } });
  }
  return kind;
}

function firstPosition(g: Geometry): Position {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates[0]?.[0] ?? [0, 0];
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0] ?? [0, 0];
    default:
      return [0, 0];
  }
}

type ParcelRow = { g: string; area: number | null; lon: number; lat: number; valid: boolean };

/** Overlays a parcel or point on the plans in force at a date. */
export async function overlayParcel(db: Orm, input: OverlayInput): Promise<OverlayResult> {
  const kind = checkParcel(input.geometry, input.crs);
  const at = input.at ?? moroccanDate(new Date());
  const near = toWgs84(input.crs, firstPosition(input.geometry));
  const areaCrs = metricCrsAt(near);
  const srid = sridOf(input.crs);
  const metric = sridOf(areaCrs);
  const gj = JSON.stringify(input.geometry);

  // The parcel in the storage SRID and in the metric plane, as every layer sees it.
  const parcelGeom = () =>
    sql`ST_Transform(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${gj}), ${srid}::int)), ${STORAGE_SRID}::int)`;
  const parcelSql = () => sql`(select ${parcelGeom()} as g)`;
  const parcel = await one<ParcelRow>(
    db,
    sql`select ST_AsGeoJSON(p.g, 9) as g, ST_IsValid(p.g) as valid,
          case when ST_Dimension(p.g) = 2 then ST_Area(ST_Transform(p.g, ${metric}::int)) end as area,
          ST_X(ST_PointOnSurface(p.g)) as lon, ST_Y(ST_PointOnSurface(p.g)) as lat
        from ${parcelSql()} p`,
  );
  if (!parcel?.valid) throw new AppError('geo.parcel_invalid');
  const parcelArea = parcel.area === null ? null : Number(parcel.area);
  if (input.maxAreaM2 !== undefined && parcelArea !== null && parcelArea > input.maxAreaM2) {
    throw new AppError('geo.parcel_too_large', {
      params: { maxHa: Math.round(input.maxAreaM2 / 1000) / 10 },
    });
  }

  const agencyFilter = input.agencyId ? sql`and v.agency_id = ${input.agencyId}::uuid` : sql``;
  const plans = (
    await rows<OverlayPlan & { version: number }>(
      db,
      sql`select * from (
        select v.id as "versionId", v.document_id as "documentId", v.agency_id as "agencyId", a.code as "agencyCode",
          d.slug, d.kind, d.name_ar as "nameAr", d.name_fr as "nameFr", v.version, ${statusAtSql(at)} as state,
          v.decree_ref_fr as "decreeRefFr", v.decree_ref_ar as "decreeRefAr", v.approved_on::text as "approvedOn",
          v.effects_until::text as "effectsUntil", v.enquiry_start::text as "enquiryStart",
          v.enquiry_end::text as "enquiryEnd", v.synthetic
        from plan_versions v
          join plan_documents d on d.id = v.document_id
          join agencies a on a.id = v.agency_id
        where v.extent && ${parcelGeom()} ${agencyFilter}) s
      where state in ('in_force', 'public_enquiry', 'expired')
      order by "approvedOn" desc nulls last, version desc`,
    )
  ).map((p) => ({ ...p, version: Number(p.version) }));

  const result: OverlayResult = {
    at,
    parcel: {
      kind,
      geometry: JSON.parse(parcel.g) as Geometry,
      areaM2: parcelArea === null ? null : round2(parcelArea),
      centroid: [Number(parcel.lon), Number(parcel.lat)],
      inputCrs: input.crs,
      areaCrs,
    },
    plans,
    zones: [],
    servitudes: [],
    reservations: [],
    roads: [],
    warnings: [],
  };
  if (plans.length === 0) {
    result.warnings.push({ code: 'no_plan' });
    return result;
  }

  const ids = plans.map((p) => p.versionId);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // One round trip for the four layers: the parcel is parsed and projected once (p.g, p.gm), each
  // layer contributes its rows with its own fields in `f`.
  const area = (column: string) =>
    sql.raw(
      `case when ST_Dimension(p.g) = 2 then ST_Area(ST_Intersection(ST_Transform(${column}, p.srid), p.gm)) end`,
    );
  const hit = (column: string) => sql.raw(`t.${column} && p.g and ST_Intersects(t.${column}, p.g)`);
  const found = await rows<{
    layer: 'zones' | 'servitudes' | 'reservations' | 'roads';
    id: number;
    versionId: string;
    ref: string | null;
    f: Record<string, unknown>;
    areaM2: number | null;
  }>(
    db,
    sql`with p as (
        select g, ST_Transform(g, ${metric}::int) as gm, ${metric}::int as srid from ${parcelSql()} x
      )
      select 'zones' as layer, t.id::int as id, t.version_id as "versionId", t.ref,
        jsonb_build_object('zoneCode', t.zone_code, 'labelAr', coalesce(r.label_ar, t.label_ar),
          'labelFr', coalesce(r.label_fr, t.label_fr), 'family', coalesce(r.family, t.family),
          'allowedUses', coalesce(r.allowed_uses, '{}'), 'forbiddenUses', coalesce(r.forbidden_uses, '{}'),
          'maxHeightM', coalesce(r.max_height_m, t.max_height_m), 'maxFloors', coalesce(r.max_floors, t.max_floors),
          'floorsText', coalesce(r.floors_text, t.floors_text), 'cos', coalesce(r.cos, t.cos), 'ces', coalesce(r.ces, t.ces),
          'frontM', r.setback_front_m, 'sideM', r.setback_side_m, 'rearM', r.setback_rear_m,
          'minParcelAreaM2', r.min_parcel_area_m2, 'minFrontageM', r.min_frontage_m,
          'articleFr', r.article_fr, 'articleAr', r.article_ar) as f,
        ${area('t.geom')} as "areaM2"
      from plan_zones t cross join p
        left join plan_zone_rules r on r.version_id = t.version_id and r.zone_code = t.zone_code
      where t.version_id in (${idList}) and ${hit('geom')}
      union all
      select 'servitudes', t.id::int, t.version_id, t.ref,
        jsonb_build_object('kind', t.kind, 'labelAr', t.label_ar, 'labelFr', t.label_fr, 'ruleAr', t.rule_ar,
          'ruleFr', t.rule_fr, 'authority', t.authority, 'widthM', t.width_m),
        ${area('t.geom')}
      from plan_servitudes t cross join p where t.version_id in (${idList}) and ${hit('geom')}
      union all
      select 'reservations', t.id::int, t.version_id, t.ref,
        jsonb_build_object('equipmentKind', t.equipment_kind, 'labelAr', t.label_ar, 'labelFr', t.label_fr,
          'beneficiaryAr', t.beneficiary_ar, 'beneficiaryFr', t.beneficiary_fr),
        ${area('t.geom')}
      from plan_reservations t cross join p where t.version_id in (${idList}) and ${hit('geom')}
      union all
      select 'roads', t.id::int, t.version_id, t.ref,
        jsonb_build_object('labelAr', t.label_ar, 'labelFr', t.label_fr, 'status', t.status,
          'plannedWidthM', t.planned_width_m),
        ${area('t.right_of_way')}
      from plan_roads t cross join p where t.version_id in (${idList}) and ${hit('right_of_way')}`,
  );

  const withShare = <T extends { areaM2: number | null }>(list: T[]): (T & Share)[] =>
    list
      .map((r) => {
        const a = r.areaM2 === null ? null : Number(r.areaM2);
        return {
          ...r,
          areaM2: a === null ? null : round2(a),
          percent: a === null || !parcelArea ? null : round2((a / parcelArea) * 100),
        };
      })
      .filter((r) => r.areaM2 === null || r.areaM2 >= MIN_AREA_M2)
      .sort((x, y) => (y.areaM2 ?? 0) - (x.areaM2 ?? 0));
  const of = (layer: (typeof found)[number]['layer']) =>
    withShare(
      found
        .filter((r) => r.layer === layer)
        .map((r) => ({ id: Number(r.id), versionId: r.versionId, ref: r.ref, areaM2: r.areaM2, f: r.f })),
    );
  const text = (v: unknown) => (typeof v === 'string' ? v : null);

  result.zones = of('zones').map(({ f, ...z }) => ({
    ...z,
    zoneCode: String(f.zoneCode),
    labelAr: text(f.labelAr),
    labelFr: text(f.labelFr),
    family: f.family as ZoneFamily,
    rules: {
      allowedUses: (f.allowedUses as string[] | null) ?? [],
      forbiddenUses: (f.forbiddenUses as string[] | null) ?? [],
      maxHeightM: nullableNumber(f.maxHeightM),
      maxFloorsAboveGround: nullableNumber(f.maxFloors),
      floors: text(f.floorsText),
      cos: nullableNumber(f.cos),
      ces: nullableNumber(f.ces),
      setbacks: {
        frontM: nullableNumber(f.frontM),
        sideM: nullableNumber(f.sideM),
        rearM: nullableNumber(f.rearM),
      },
      minParcelAreaM2: nullableNumber(f.minParcelAreaM2),
      minFrontageM: nullableNumber(f.minFrontageM),
      articleFr: text(f.articleFr),
      articleAr: text(f.articleAr),
    },
  }));
  result.servitudes = of('servitudes').map(({ f, ...s }) => ({
    ...s,
    kind: String(f.kind),
    labelAr: text(f.labelAr),
    labelFr: text(f.labelFr),
    ruleAr: text(f.ruleAr),
    ruleFr: text(f.ruleFr),
    authority: text(f.authority),
    widthM: nullableNumber(f.widthM),
  }));
  result.reservations = of('reservations').map(({ f, ...r }) => ({
    ...r,
    equipmentKind: String(f.equipmentKind),
    labelAr: text(f.labelAr),
    labelFr: text(f.labelFr),
    beneficiaryAr: text(f.beneficiaryAr),
    beneficiaryFr: text(f.beneficiaryFr),
  }));
  result.roads = of('roads').map(({ f, ...r }) => ({
    ...r,
    labelAr: text(f.labelAr),
    labelFr: text(f.labelFr),
    status: (text(f.status) as OverlayRoad['status']) ?? null,
    plannedWidthM: nullableNumber(f.plannedWidthM),
  }));

  for (const p of plans) {
    if (p.state === 'public_enquiry')
      result.warnings.push({
        code: 'plan_public_enquiry',
        versionId: p.versionId,
        enquiryStart: p.enquiryStart,
        enquiryEnd: p.enquiryEnd,
      });
    if (p.state === 'expired')
      result.warnings.push({ code: 'plan_expired', versionId: p.versionId, effectsUntil: p.effectsUntil });
  }
  if (parcelArea) {
    // Zones of one version tile the land; count the best-covered version.
    const byVersion = new Map<string, number>();
    for (const z of result.zones)
      byVersion.set(z.versionId, (byVersion.get(z.versionId) ?? 0) + (z.areaM2 ?? 0));
    const covered = Math.max(0, ...byVersion.values());
    const uncovered = parcelArea - covered;
    if (uncovered > Math.max(1, parcelArea * 0.005)) {
      result.warnings.push({
        code: 'partly_unzoned',
        uncoveredM2: round2(uncovered),
        percent: round2((uncovered / parcelArea) * 100),
      });
    }
  } else if (result.zones.length === 0) {
    result.warnings.push({ code: 'partly_unzoned', uncoveredM2: 0, percent: 100 });
  }
  if (plans.some((p) => p.synthetic)) result.warnings.push({ code: 'synthetic_data' });
  return result;
}

function nullableNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
