// Loads the national reference data into the database. Idempotent: rows are upserted by code, so
// running it again after a data correction updates names and contacts in place.
import { sql } from 'drizzle-orm';
import type { Database, Orm } from '../platform/db/database.ts';
import {
  agencies,
  agencyProvinces,
  bodies,
  communes,
  organizations,
  provinces,
  regions,
} from '../platform/db/tables.ts';
import { type ReferenceData, readReferenceData } from './reference-data.ts';

const excluded = (column: string) => sql.raw(`excluded.${column}`);

async function inBatches<T>(items: T[], size: number, fn: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

export const MINISTRY_ORG_CODE = 'MHPV-DU';
export const PLATFORM_ORG_CODE = 'TAAMIR';

export async function loadReferenceData(db: Database, data: ReferenceData = readReferenceData()) {
  await db.transaction(async (tx: Orm) => {
    await tx
      .insert(regions)
      .values(data.regions)
      .onConflictDoUpdate({
        target: regions.code,
        set: { nameAr: excluded('name_ar'), nameFr: excluded('name_fr') },
      });
    await tx
      .insert(provinces)
      .values(data.provinces)
      .onConflictDoUpdate({
        target: provinces.code,
        set: {
          regionCode: excluded('region_code'),
          kind: excluded('kind'),
          nameAr: excluded('name_ar'),
          nameFr: excluded('name_fr'),
        },
      });
    const agencyRows = await tx
      .insert(agencies)
      .values(
        data.agencies.map((a) => ({
          code: a.code,
          nameAr: a.nameAr,
          nameFr: a.nameFr,
          seat: a.seat,
          contact: a.contact,
          demoFields: a.demo,
          unverifiedFields: a.unverified,
        })),
      )
      .onConflictDoUpdate({
        target: agencies.code,
        set: {
          nameAr: excluded('name_ar'),
          nameFr: excluded('name_fr'),
          seat: excluded('seat'),
          contact: excluded('contact'),
          demoFields: excluded('demo_fields'),
          unverifiedFields: excluded('unverified_fields'),
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: agencies.id, code: agencies.code });
    const agencyIdByCode = new Map(agencyRows.map((a) => [a.code, a.id]));
    const coverage = data.agencies.flatMap((a) =>
      a.provinces.map((p) => ({ provinceCode: p, agencyId: agencyIdByCode.get(a.code)! })),
    );
    await tx
      .insert(agencyProvinces)
      .values(coverage)
      .onConflictDoUpdate({ target: agencyProvinces.provinceCode, set: { agencyId: excluded('agency_id') } });
    // Parents before arrondissements, so the self-reference holds at every insert.
    const ordered = [...data.communes].sort(
      (a, b) => Number(Boolean(a.parentCode)) - Number(Boolean(b.parentCode)),
    );
    await inBatches(ordered, 500, (batch) =>
      tx
        .insert(communes)
        .values(batch.map((c) => ({ ...c, parentCode: c.parentCode ?? null })))
        .onConflictDoUpdate({
          target: communes.code,
          set: {
            provinceCode: excluded('province_code'),
            kind: excluded('kind'),
            parentCode: excluded('parent_code'),
            nameAr: excluded('name_ar'),
            nameFr: excluded('name_fr'),
          },
        }),
    );
    await tx
      .insert(bodies)
      .values(data.bodies.map((b) => ({ ...b, scopeProvinces: b.scopeProvinces ?? [] })))
      .onConflictDoUpdate({
        target: bodies.code,
        set: {
          kind: excluded('kind'),
          nameAr: excluded('name_ar'),
          nameFr: excluded('name_fr'),
          nameEn: excluded('name_en'),
          scopeProvinces: excluded('scope_provinces'),
        },
      });

    // Organisations: every agency, every commune (working for the agency covering its province),
    // every body, the ministry's Directorate of Urbanism and the platform operator.
    const agencyOfProvince = new Map(coverage.map((c) => [c.provinceCode, c.agencyId]));
    const orgs = [
      ...data.agencies.map((a) => ({
        kind: 'agency' as const,
        code: a.code,
        nameAr: a.nameAr,
        nameFr: a.nameFr,
        agencyId: agencyIdByCode.get(a.code)!,
        communeCode: null,
        bodyCode: null,
      })),
      ...data.communes
        .filter((c) => c.kind !== 'arrondissement')
        .map((c) => ({
          kind: 'commune' as const,
          code: `COMMUNE-${c.code}`,
          nameAr: `جماعة ${c.nameAr}`,
          nameFr: `Commune de ${c.nameFr}`,
          agencyId: agencyOfProvince.get(c.provinceCode) ?? null,
          communeCode: c.code,
          bodyCode: null,
        })),
      ...data.bodies.map((b) => ({
        kind: 'body' as const,
        code: `BODY-${b.code}`,
        nameAr: b.nameAr,
        nameFr: b.nameFr,
        agencyId: null,
        communeCode: null,
        bodyCode: b.code,
      })),
      {
        kind: 'ministry' as const,
        code: MINISTRY_ORG_CODE,
        nameAr: 'وزارة إعداد التراب الوطني والتعمير والإسكان وسياسة المدينة — مديرية التعمير',
        nameFr:
          "Ministère de l'Aménagement du territoire national, de l'Urbanisme, de l'Habitat et de la Politique de la ville — Direction de l'urbanisme",
        agencyId: null,
        communeCode: null,
        bodyCode: null,
      },
      {
        kind: 'platform' as const,
        code: PLATFORM_ORG_CODE,
        nameAr: 'منصة تعمير',
        nameFr: 'Plateforme Taamir',
        agencyId: null,
        communeCode: null,
        bodyCode: null,
      },
    ];
    await inBatches(orgs, 500, (batch) =>
      tx
        .insert(organizations)
        .values(batch)
        .onConflictDoUpdate({
          target: organizations.code,
          set: { nameAr: excluded('name_ar'), nameFr: excluded('name_fr'), agencyId: excluded('agency_id') },
        }),
    );
  });
  return {
    regions: data.regions.length,
    provinces: data.provinces.length,
    agencies: data.agencies.length,
    communes: data.communes.length,
    bodies: data.bodies.length,
  };
}
