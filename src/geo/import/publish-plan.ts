// Step three: a checked plan becomes a new version of its planning document, in one transaction
// with its audit event. PostGIS reprojects every geometry from the source CRS to the storage SRID
// (ST_Transform picks "Merchich to WGS 84 (1)" for the Lambert zones, exactly as gdaltransform does),
// and draws the right-of-way of roads (and the strip of line servitudes) in the metric plane.
// Layers the file does not carry are copied from the previous version, and the previous version
// itself is never touched, except for its status when the new one replaces it.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import { type Orm, one, rows } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CrsCode } from '../crs.ts';
import type { AttributesByKind, LayerKind } from '../map-attributes.ts';
import { addYears, EFFECTS_YEARS, isIsoDate } from '../plan-lifecycle.ts';
import { metricCrsFor, STORAGE_SRID, sridOf } from '../srid.ts';
import { type PlanKind, type PlanStatus, planDocuments, planVersions } from '../tables.ts';
import { zoneFamilyOf } from '../zone-families.ts';
import { LAYER_KINDS, type PreparedFeature, type PreparedLayer } from './prepare-import.ts';

export type PlanDocumentInput = {
  slug: string;
  kind: PlanKind;
  nameAr: string;
  nameFr: string;
  communeCodes?: string[];
};

export type LifecycleInput = {
  status: 'in_study' | 'public_enquiry' | 'approved';
  enquiryStart?: string | null;
  enquiryEnd?: string | null;
  decreeRefFr?: string | null;
  decreeRefAr?: string | null;
  approvedOn?: string | null;
  effectsUntil?: string | null;
};

/** The regulation of one zone code, as a plan's rules file or a form gives it. */
export type ZoneRuleInput = {
  zoneCode: string;
  labelAr?: string | null;
  labelFr?: string | null;
  category?: string | null;
  allowedUses?: string[];
  forbiddenUses?: string[];
  maxHeightM?: number | null;
  maxFloorsAboveGround?: number | null;
  floors?: string | null;
  cos?: number | null;
  ces?: number | null;
  setbacks?: { frontM?: number | null; sideM?: number | null; rearM?: number | null };
  minParcelAreaM2?: number | null;
  minFrontageM?: number | null;
  articleFr?: string | null;
  articleAr?: string | null;
};

export type PublishInput = {
  agencyId: string;
  document: PlanDocumentInput;
  lifecycle: LifecycleInput;
  layers: PreparedLayer[];
  zoneRules?: ZoneRuleInput[];
  importId?: string | null;
  synthetic?: boolean;
  createdBy?: string | null;
  onProgress?: (done: number, total: number) => void;
};

export type PublishResult = {
  documentId: string;
  versionId: string;
  version: number;
  status: PlanStatus;
  counts: Record<LayerKind, number>;
  copied: LayerKind[];
  replaced: string[];
};

const BATCH = 500;

export function checkLifecycle(l: LifecycleInput): void {
  const dates = [l.enquiryStart, l.enquiryEnd, l.approvedOn, l.effectsUntil].filter((d) => d != null);
  if (dates.some((d) => !isIsoDate(d))) throw new AppError('geo.lifecycle_incomplete');
  if (l.status === 'approved' && !l.approvedOn) throw new AppError('geo.lifecycle_incomplete');
  if (l.status === 'public_enquiry' && !l.enquiryStart) throw new AppError('geo.lifecycle_incomplete');
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Picks the first non-empty value among columns kept in `extra` (names compared loosely). */
function fromExtra(extra: Record<string, unknown>, ...names: string[]): string | null {
  const wanted = new Set(names.map((n) => n.toLowerCase().replace(/[^a-z]/g, '')));
  for (const [k, v] of Object.entries(extra)) {
    if (wanted.has(k.toLowerCase().replace(/[^a-z]/g, ''))) {
      const s = str(typeof v === 'number' ? String(v) : v);
      if (s) return s;
    }
  }
  return null;
}

function zoneRow(f: PreparedFeature<'zones'>) {
  const a = f.attributes;
  const category = fromExtra(f.extra, 'category', 'categorie');
  return {
    ref: f.ref,
    zoneCode: a.zoneCode ?? '',
    labelAr: a.labelAr ?? null,
    labelFr: a.labelFr ?? null,
    family: zoneFamilyOf(a.zoneCode ?? '', category),
    maxHeightM: num(a.maxHeightM),
    maxFloors: num(a.maxFloorsAboveGround),
    floorsText: a.maxFloorsRaw ?? null,
    cos: num(a.cos),
    ces: num(a.ces),
    extra: f.extra,
    geometry: f.geometry,
  };
}

function roadRow(f: PreparedFeature<'roads'>) {
  const a = f.attributes;
  return {
    ref: f.ref ?? a.roadCode ?? null,
    labelAr: a.labelAr ?? null,
    labelFr: a.labelFr ?? null,
    status: a.status ?? null,
    plannedWidthM: num(a.plannedWidthM),
    extra: f.extra,
    geometry: f.geometry,
  };
}

function servitudeRow(f: PreparedFeature<'servitudes'>) {
  const a = f.attributes;
  return {
    ref: f.ref,
    kind: a.servitudeKind,
    labelAr: a.labelAr ?? null,
    labelFr: a.labelFr ?? null,
    ruleAr: fromExtra(f.extra, 'ruleAr', 'regleAr', 'regle_ar', 'reglementAr'),
    ruleFr: fromExtra(f.extra, 'ruleFr', 'regle', 'regleFr', 'reglement'),
    authority: fromExtra(f.extra, 'authority', 'autorite', 'gestionnaire', 'organisme'),
    widthM: num(a.widthM),
    extra: f.extra,
    geometry: f.geometry,
  };
}

function reservationRow(f: PreparedFeature<'reservations'>) {
  const a: AttributesByKind['reservations'] = f.attributes;
  return {
    ref: f.ref,
    equipmentKind: a.equipmentKind,
    labelAr: a.labelAr ?? null,
    labelFr: a.labelFr ?? null,
    beneficiaryAr: fromExtra(f.extra, 'beneficiaryAr', 'beneficiaire_ar', 'benef_ar'),
    beneficiaryFr: a.beneficiary ?? null,
    declaredAreaM2: num(a.areaM2),
    extra: f.extra,
    geometry: f.geometry,
  };
}

/** The projected source geometry of each row, as the insert statements read it. */
const SOURCE = (srid: number) =>
  sql`ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), ${srid}::int))`;

async function insertLayer(
  tx: Orm,
  layer: PreparedLayer,
  ids: { versionId: string; agencyId: string },
  onBatch: (n: number) => void,
): Promise<number> {
  const srid = sridOf(layer.crs);
  const metric = sridOf(metricCrsFor(layer.crs, layerCentre(layer)));
  for (let start = 0; start < layer.features.length; start += BATCH) {
    const slice = layer.features.slice(start, start + BATCH);
    const v = ids.versionId;
    const a = ids.agencyId;
    const src = SOURCE(srid);
    switch (layer.kind) {
      case 'zones': {
        const json = JSON.stringify((slice as PreparedFeature<'zones'>[]).map(zoneRow));
        await tx.execute(sql`insert into plan_zones (version_id, agency_id, ref, zone_code, label_ar, label_fr, family,
            max_height_m, max_floors, floors_text, cos, ces, extra, geom)
          select ${v}::uuid, ${a}::uuid, f->>'ref', f->>'zoneCode', f->>'labelAr', f->>'labelFr', f->>'family',
            (f->>'maxHeightM')::float8, (f->>'maxFloors')::int, f->>'floorsText', (f->>'cos')::float8, (f->>'ces')::float8,
            coalesce(f->'extra', '{}'::jsonb), ST_Multi(ST_Transform(${src}, ${STORAGE_SRID}::int))
          from jsonb_array_elements(${json}::jsonb) f`);
        break;
      }
      case 'roads': {
        const json = JSON.stringify((slice as PreparedFeature<'roads'>[]).map(roadRow));
        await tx.execute(sql`insert into plan_roads (version_id, agency_id, ref, label_ar, label_fr, status,
            planned_width_m, extra, geom, right_of_way)
          select ${v}::uuid, ${a}::uuid, f->>'ref', f->>'labelAr', f->>'labelFr', f->>'status',
            (f->>'plannedWidthM')::float8, coalesce(f->'extra', '{}'::jsonb), ST_Transform(g, ${STORAGE_SRID}::int),
            case
              when ST_Dimension(g) = 2 then ST_Multi(ST_Transform(g, ${STORAGE_SRID}::int))
              when f->>'plannedWidthM' is not null then ST_Multi(ST_Transform(
                ST_Buffer(ST_Transform(g, ${metric}::int), (f->>'plannedWidthM')::float8 / 2, 'endcap=flat join=mitre mitre_limit=2'),
                ${STORAGE_SRID}::int))
            end
          from (select f, ${src} as g from jsonb_array_elements(${json}::jsonb) f) s`);
        break;
      }
      case 'servitudes': {
        const json = JSON.stringify((slice as PreparedFeature<'servitudes'>[]).map(servitudeRow));
        await tx.execute(sql`insert into plan_servitudes (version_id, agency_id, ref, kind, label_ar, label_fr, rule_ar,
            rule_fr, authority, width_m, extra, geom)
          select ${v}::uuid, ${a}::uuid, f->>'ref', f->>'kind', f->>'labelAr', f->>'labelFr', f->>'ruleAr', f->>'ruleFr',
            f->>'authority', (f->>'widthM')::float8, coalesce(f->'extra', '{}'::jsonb),
            case
              when ST_Dimension(g) = 2 then ST_Multi(ST_Transform(g, ${STORAGE_SRID}::int))
              else ST_Multi(ST_Transform(
                ST_Buffer(ST_Transform(g, ${metric}::int), (f->>'widthM')::float8 / 2, 'endcap=flat join=mitre mitre_limit=2'),
                ${STORAGE_SRID}::int))
            end
          from (select f, ${src} as g from jsonb_array_elements(${json}::jsonb) f) s`);
        break;
      }
      case 'reservations': {
        const json = JSON.stringify((slice as PreparedFeature<'reservations'>[]).map(reservationRow));
        await tx.execute(sql`insert into plan_reservations (version_id, agency_id, ref, equipment_kind, label_ar, label_fr,
            beneficiary_ar, beneficiary_fr, declared_area_m2, extra, geom)
          select ${v}::uuid, ${a}::uuid, f->>'ref', f->>'equipmentKind', f->>'labelAr', f->>'labelFr',
            f->>'beneficiaryAr', f->>'beneficiaryFr', (f->>'declaredAreaM2')::float8, coalesce(f->'extra', '{}'::jsonb),
            ST_Multi(ST_Transform(${src}, ${STORAGE_SRID}::int))
          from jsonb_array_elements(${json}::jsonb) f`);
        break;
      }
    }
    onBatch(slice.length);
  }
  return layer.features.length;
}

/** A WGS 84 point of the layer (the first vertex), to choose the metric plane for widths. */
function layerCentre(layer: PreparedLayer): number[] {
  const first = layer.features[0]?.geometry;
  let p: unknown = first && 'coordinates' in first ? first.coordinates : undefined;
  while (Array.isArray(p) && Array.isArray(p[0])) p = p[0];
  const xy = Array.isArray(p) ? (p as number[]) : [0, 0];
  if (layer.crs === 'EPSG:4326') return xy;
  // Projected sources keep their own plane (metricCrsFor ignores the point); 3857 needs degrees.
  if (layer.crs === 'EPSG:3857') {
    const lon = ((xy[0] ?? 0) / 6378137) * (180 / Math.PI);
    const lat = (2 * Math.atan(Math.exp((xy[1] ?? 0) / 6378137)) - Math.PI / 2) * (180 / Math.PI);
    return [lon, lat];
  }
  return xy;
}

const LAYER_TABLE: Record<LayerKind, string> = {
  zones: 'plan_zones',
  roads: 'plan_roads',
  servitudes: 'plan_servitudes',
  reservations: 'plan_reservations',
};

const LAYER_COLUMNS: Record<LayerKind, string> = {
  zones:
    'ref, zone_code, label_ar, label_fr, family, max_height_m, max_floors, floors_text, cos, ces, extra, geom',
  roads: 'ref, label_ar, label_fr, status, planned_width_m, extra, geom, right_of_way',
  servitudes: 'ref, kind, label_ar, label_fr, rule_ar, rule_fr, authority, width_m, extra, geom',
  reservations:
    'ref, equipment_kind, label_ar, label_fr, beneficiary_ar, beneficiary_fr, declared_area_m2, extra, geom',
};

async function copyLayer(tx: Orm, kind: LayerKind, from: string, to: string): Promise<number> {
  const table = sql.raw(LAYER_TABLE[kind]);
  const columns = sql.raw(LAYER_COLUMNS[kind]);
  const result = (await tx.execute(sql`insert into ${table} (version_id, agency_id, ${columns})
    select ${to}::uuid, agency_id, ${columns} from ${table} where version_id = ${from}::uuid`)) as unknown as {
    rowCount?: number;
    affectedRows?: number;
  };
  return result.rowCount ?? result.affectedRows ?? 0;
}

async function insertZoneRules(tx: Orm, versionId: string, rules: ZoneRuleInput[]): Promise<void> {
  if (rules.length === 0) return;
  const json = JSON.stringify(
    rules.map((r) => ({
      zoneCode: r.zoneCode,
      labelAr: r.labelAr ?? null,
      labelFr: r.labelFr ?? null,
      family: zoneFamilyOf(r.zoneCode, r.category ?? null),
      allowedUses: r.allowedUses ?? [],
      forbiddenUses: r.forbiddenUses ?? [],
      maxHeightM: num(r.maxHeightM),
      maxFloors: num(r.maxFloorsAboveGround),
      floorsText: r.floors ?? null,
      cos: num(r.cos),
      ces: num(r.ces),
      setbackFrontM: num(r.setbacks?.frontM),
      setbackSideM: num(r.setbacks?.sideM),
      setbackRearM: num(r.setbacks?.rearM),
      minParcelAreaM2: num(r.minParcelAreaM2),
      minFrontageM: num(r.minFrontageM),
      articleFr: r.articleFr ?? null,
      articleAr: r.articleAr ?? null,
    })),
  );
  await tx.execute(sql`insert into plan_zone_rules (version_id, zone_code, label_ar, label_fr, family, allowed_uses,
      forbidden_uses, max_height_m, max_floors, floors_text, cos, ces, setback_front_m, setback_side_m, setback_rear_m,
      min_parcel_area_m2, min_frontage_m, article_fr, article_ar)
    select ${versionId}::uuid, r->>'zoneCode', r->>'labelAr', r->>'labelFr', r->>'family',
      array(select jsonb_array_elements_text(r->'allowedUses')), array(select jsonb_array_elements_text(r->'forbiddenUses')),
      (r->>'maxHeightM')::float8, (r->>'maxFloors')::int, r->>'floorsText', (r->>'cos')::float8, (r->>'ces')::float8,
      (r->>'setbackFrontM')::float8, (r->>'setbackSideM')::float8, (r->>'setbackRearM')::float8,
      (r->>'minParcelAreaM2')::float8, (r->>'minFrontageM')::float8, r->>'articleFr', r->>'articleAr'
    from jsonb_array_elements(${json}::jsonb) r`);
}

/** Rules for zone codes the rules input does not cover, read from the first zone of each code. */
function derivedRules(layer: PreparedLayer | undefined, covered: Set<string>): ZoneRuleInput[] {
  if (layer?.kind !== 'zones') return [];
  const out = new Map<string, ZoneRuleInput>();
  for (const f of layer.features) {
    const a = f.attributes;
    const code = a.zoneCode;
    if (!code || covered.has(code) || out.has(code)) continue;
    out.set(code, {
      zoneCode: code,
      labelAr: a.labelAr ?? null,
      labelFr: a.labelFr ?? null,
      category: fromExtra(f.extra, 'category', 'categorie'),
      maxHeightM: a.maxHeightM ?? null,
      maxFloorsAboveGround: a.maxFloorsAboveGround ?? null,
      floors: a.maxFloorsRaw ?? null,
      cos: a.cos ?? null,
      ces: a.ces ?? null,
    });
  }
  return [...out.values()];
}

/** Publishes the layers as a new version of the document (created on first use). Call inside a transaction. */
export async function publishPlanVersion(
  tx: Orm,
  audit: AuditContext,
  input: PublishInput,
  now: Date,
): Promise<PublishResult> {
  checkLifecycle(input.lifecycle);
  const { agencyId, document: doc, lifecycle } = input;
  const [existing] = await tx
    .select()
    .from(planDocuments)
    .where(and(eq(planDocuments.agencyId, agencyId), eq(planDocuments.slug, doc.slug)))
    .for('update');
  let documentId: string;
  if (existing) {
    documentId = existing.id;
    await tx
      .update(planDocuments)
      .set({
        kind: doc.kind,
        nameAr: doc.nameAr,
        nameFr: doc.nameFr,
        communeCodes: doc.communeCodes?.length ? doc.communeCodes : existing.communeCodes,
      })
      .where(eq(planDocuments.id, documentId));
  } else {
    const [created] = await tx
      .insert(planDocuments)
      .values({
        agencyId,
        slug: doc.slug,
        kind: doc.kind,
        nameAr: doc.nameAr,
        nameFr: doc.nameFr,
        communeCodes: doc.communeCodes ?? [],
      })
      .returning({ id: planDocuments.id });
    documentId = (created as { id: string }).id;
  }
  const [previous] = await tx
    .select()
    .from(planVersions)
    .where(eq(planVersions.documentId, documentId))
    .orderBy(desc(planVersions.version))
    .limit(1);
  const version = (previous?.version ?? 0) + 1;
  const sourceCrs: CrsCode | string = input.layers[0]?.crs ?? previous?.sourceCrs ?? 'EPSG:4326';
  const approvedOn = lifecycle.status === 'approved' ? (lifecycle.approvedOn as string) : null;
  const [created] = await tx
    .insert(planVersions)
    .values({
      documentId,
      agencyId,
      version,
      status: lifecycle.status,
      enquiryStart: lifecycle.enquiryStart ?? null,
      enquiryEnd: lifecycle.enquiryEnd ?? null,
      decreeRefFr: lifecycle.decreeRefFr ?? null,
      decreeRefAr: lifecycle.decreeRefAr ?? null,
      approvedOn,
      effectsUntil: lifecycle.effectsUntil ?? (approvedOn ? addYears(approvedOn, EFFECTS_YEARS) : null),
      sourceCrs,
      importId: input.importId ?? null,
      synthetic: input.synthetic ?? false,
      createdAt: now,
      createdBy: input.createdBy ?? null,
    })
    .returning({ id: planVersions.id });
  const versionId = (created as { id: string }).id;

  const counts = { zones: 0, roads: 0, servitudes: 0, reservations: 0 } satisfies Record<LayerKind, number>;
  const total = input.layers.reduce((n, l) => n + l.features.length, 0);
  let done = 0;
  const given = new Set<LayerKind>();
  for (const layer of input.layers) {
    given.add(layer.kind);
    counts[layer.kind] += await insertLayer(tx, layer, { versionId, agencyId }, (n) => {
      done += n;
      input.onProgress?.(done, total);
    });
  }
  const copied: LayerKind[] = [];
  if (previous) {
    for (const kind of LAYER_KINDS) {
      if (given.has(kind)) continue;
      const n = await copyLayer(tx, kind, previous.id, versionId);
      if (n > 0) {
        counts[kind] = n;
        copied.push(kind);
      }
    }
  }

  // Zone rules: the ones given, then those read from the zones, then the previous version's.
  const givenRules = input.zoneRules ?? [];
  const covered = new Set(givenRules.map((r) => r.zoneCode));
  await insertZoneRules(tx, versionId, [
    ...givenRules,
    ...derivedRules(
      input.layers.find((l) => l.kind === 'zones'),
      covered,
    ),
  ]);
  if (previous) {
    await tx.execute(sql`insert into plan_zone_rules
      select ${versionId}::uuid, zone_code, label_ar, label_fr, family, allowed_uses, forbidden_uses, max_height_m,
        max_floors, floors_text, cos, ces, setback_front_m, setback_side_m, setback_rear_m, min_parcel_area_m2,
        min_frontage_m, article_ar, article_fr
      from plan_zone_rules p where p.version_id = ${previous.id}::uuid
        and exists (select 1 from plan_zones z where z.version_id = ${versionId}::uuid and z.zone_code = p.zone_code)
        and not exists (select 1 from plan_zone_rules n where n.version_id = ${versionId}::uuid and n.zone_code = p.zone_code)`);
  }

  await tx.execute(sql`update plan_versions set extent = (
      select ST_SetSRID(ST_Expand(ST_Extent(g), 0.00001)::geometry, ${STORAGE_SRID}::int) from (
        select geom as g from plan_zones where version_id = ${versionId}::uuid
        union all select geom from plan_roads where version_id = ${versionId}::uuid
        union all select geom from plan_servitudes where version_id = ${versionId}::uuid
        union all select geom from plan_reservations where version_id = ${versionId}::uuid) s)
    where id = ${versionId}::uuid`);

  let replaced: string[] = [];
  if (approvedOn) {
    const older = await tx
      .update(planVersions)
      .set({ status: 'replaced', replacedOn: approvedOn, replacedBy: versionId })
      .where(
        and(
          eq(planVersions.documentId, documentId),
          ne(planVersions.id, versionId),
          inArray(planVersions.status, ['approved', 'expired', 'public_enquiry', 'in_study']),
        ),
      )
      .returning({ id: planVersions.id });
    replaced = older.map((r) => r.id);
  }

  await appendAudit(
    tx,
    audit,
    {
      action: 'geo.plan_version_published',
      objectType: 'plan_version',
      objectId: versionId,
      agencyId,
      summary: {
        document: doc.slug,
        version,
        status: lifecycle.status,
        counts,
        copied,
        replaced,
        importId: input.importId ?? null,
      },
    },
    now,
  );
  return { documentId, versionId, version, status: lifecycle.status, counts, copied, replaced };
}

/** The version ids of a document, newest first (tests and the staff page). */
export async function versionsOf(db: Orm, documentId: string) {
  return rows<{ id: string; version: number; status: PlanStatus }>(
    db,
    sql`select id, version, status from plan_versions where document_id = ${documentId}::uuid order by version desc`,
  );
}

export async function documentIdOf(db: Orm, agencyId: string, slug: string): Promise<string | undefined> {
  return (
    await one<{ id: string }>(
      db,
      sql`select id from plan_documents where agency_id = ${agencyId}::uuid and slug = ${slug}`,
    )
  )?.id;
}
