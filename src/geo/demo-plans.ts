// The three synthetic demo plans (src/geo/demo-data/, made by scripts/demo-plans/generate.ts) go
// through the same pipeline as an agency's file: read, map, check, then published as approved
// versions with their zone regulations and demo land titles. Loading is skipped when the plan is
// already there, so starting again costs one query per plan.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { AuditContext } from '../platform/audit/audit-log.ts';
import { type Database, type Orm, one, rows } from '../platform/db/database.ts';
import { parseCrsCode } from './crs.ts';
import { errorCount, type PreparedLayer, prepareImport } from './import/prepare-import.ts';
import { publishPlanVersion, type ZoneRuleInput } from './import/publish-plan.ts';
import type { LayerKind } from './map-attributes.ts';
import { STORAGE_SRID, sridOf } from './srid.ts';

export const DEMO_PLAN_FOLDERS = { AUC: 'casablanca', AUST: 'skhirate-temara', AUTAR: 'taroudant' } as const;

const DEMO_DIR = new URL('./demo-data/', import.meta.url);

type DemoPlanFile = {
  plan: {
    id: string;
    kind: 'plan_amenagement';
    nameFr: string;
    nameAr: string;
    communes: { nameFr: string; arrondissements?: string[] }[];
    approval: { referenceFr: string; referenceAr: string; date: string };
    effectsUntil: string;
  };
  crs: string;
  zoneRules: Record<string, ZoneRuleInput & { code: string }>;
};

type Parcel = {
  properties: {
    titleKind: 'titre_foncier' | 'requisition';
    titleNumber: string;
    titleRef: string;
    titleRefAr: string;
    propertyNameFr: string;
    propertyNameAr: string;
    conservation: string;
    areaM2: number;
  };
  geometry: unknown;
};

const read = (folder: string, file: string) => readFileSync(new URL(`${folder}/${file}`, DEMO_DIR));

/** The commune codes named by the plan (communes and Casablanca's arrondissements), in the agency's provinces. */
async function communeCodes(db: Orm, agencyId: string, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const found = await rows<{ code: string }>(
    db,
    sql`select c.code from communes c join agency_provinces ap on ap.province_code = c.province_code
        where ap.agency_id = ${agencyId}::uuid
          and lower(unaccent(c.name_fr)) in (${sql.join(
            names.map((n) => sql`lower(unaccent(${n}))`),
            sql`, `,
          )})
        order by c.code`,
  );
  return found.map((r) => r.code);
}

const LAYER_FILES: Record<LayerKind, string> = {
  zones: 'zones.geojson',
  roads: 'roads.geojson',
  servitudes: 'servitudes.geojson',
  reservations: 'reservations.geojson',
};

export type DemoPlanLoad = {
  agency: string;
  slug: string;
  loaded: boolean;
  features: number;
  titles: number;
};

/** Loads one agency's demo plan unless it is there already. */
export async function loadDemoPlan(
  db: Database,
  agencyCode: keyof typeof DEMO_PLAN_FOLDERS,
  now: Date,
): Promise<DemoPlanLoad> {
  const folder = DEMO_PLAN_FOLDERS[agencyCode];
  const meta = JSON.parse(read(folder, 'plan.json').toString('utf8')) as DemoPlanFile;
  const agency = await one<{ id: string }>(db.orm, sql`select id from agencies where code = ${agencyCode}`);
  if (!agency) throw new Error(`demo plan: agency ${agencyCode} is not loaded`);
  const present = await one<{ n: number }>(
    db.orm,
    sql`select count(*)::int as n from plan_documents where agency_id = ${agency.id}::uuid and slug = ${meta.plan.id}`,
  );
  if (present && present.n > 0)
    return { agency: agencyCode, slug: meta.plan.id, loaded: false, features: 0, titles: 0 };

  const layers: PreparedLayer[] = [];
  for (const [kind, file] of Object.entries(LAYER_FILES) as [LayerKind, string][]) {
    const prepared = await prepareImport(new Uint8Array(read(folder, file)), {
      fileName: file,
      layer: kind,
      agencyCode,
    });
    const errors = errorCount(prepared.issues);
    if (prepared.fileError || errors > 0) {
      throw new Error(
        `demo plan ${folder}/${file}: ${prepared.fileError?.code ?? `${errors} errors`} ${JSON.stringify(prepared.issues.slice(0, 3))}`,
      );
    }
    layers.push(...prepared.layers);
  }
  const names = meta.plan.communes.flatMap((c) => [c.nameFr, ...(c.arrondissements ?? [])]);
  const audit: AuditContext = { actor: { kind: 'system', label: 'demo-seed' } };
  const crs = parseCrsCode(meta.crs) ?? 'EPSG:26191';
  let titles = 0;
  const result = await db.transaction(async (tx) => {
    const published = await publishPlanVersion(
      tx,
      audit,
      {
        agencyId: agency.id,
        document: {
          slug: meta.plan.id,
          kind: meta.plan.kind,
          nameAr: meta.plan.nameAr,
          nameFr: meta.plan.nameFr,
          communeCodes: await communeCodes(tx, agency.id, names),
        },
        lifecycle: {
          status: 'approved',
          approvedOn: meta.plan.approval.date,
          effectsUntil: meta.plan.effectsUntil,
          decreeRefFr: meta.plan.approval.referenceFr,
          decreeRefAr: meta.plan.approval.referenceAr,
        },
        layers,
        zoneRules: Object.values(meta.zoneRules).map((r) => ({ ...r, zoneCode: r.code })),
        synthetic: true,
      },
      now,
    );
    const parcels = (JSON.parse(read(folder, 'parcels.geojson').toString('utf8')) as { features: Parcel[] })
      .features;
    for (const p of parcels) {
      const q = p.properties;
      await tx.execute(sql`insert into land_titles (agency_id, kind, number, ref_fr, ref_ar, property_name_fr,
          property_name_ar, conservation, area_m2, source_crs, synthetic, geom)
        values (${agency.id}::uuid, ${q.titleKind}, ${q.titleNumber}, ${q.titleRef}, ${q.titleRefAr}, ${q.propertyNameFr},
          ${q.propertyNameAr}, ${q.conservation}, ${q.areaM2}, ${crs}, true,
          ST_Multi(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(p.geometry)}), ${sridOf(crs)}::int), ${STORAGE_SRID}::int)))
        on conflict (kind, number) do nothing`);
      titles++;
    }
    return published;
  });
  const features = Object.values(result.counts).reduce((a, b) => a + b, 0);
  return { agency: agencyCode, slug: meta.plan.id, loaded: true, features, titles };
}

/** Loads the three demo plans (the agencies must be loaded). */
export async function loadDemoPlans(db: Database, now: Date): Promise<DemoPlanLoad[]> {
  const out: DemoPlanLoad[] = [];
  for (const code of Object.keys(DEMO_PLAN_FOLDERS) as (keyof typeof DEMO_PLAN_FOLDERS)[]) {
    out.push(await loadDemoPlan(db, code, now));
  }
  return out;
}
