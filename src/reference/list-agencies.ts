import { asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../platform/db/database.ts';
import { agencies, agencyProvinces, communes, provinces, regions } from '../platform/db/tables.ts';

export async function listAgencies(db: Orm) {
  const rows = await db.select().from(agencies).orderBy(asc(agencies.code));
  const coverage = await db
    .select({
      agencyId: agencyProvinces.agencyId,
      code: provinces.code,
      kind: provinces.kind,
      nameAr: provinces.nameAr,
      nameFr: provinces.nameFr,
      regionCode: provinces.regionCode,
    })
    .from(agencyProvinces)
    .innerJoin(provinces, eq(provinces.code, agencyProvinces.provinceCode))
    .orderBy(asc(provinces.code));
  const byAgency = new Map<string, typeof coverage>();
  for (const p of coverage) byAgency.set(p.agencyId, [...(byAgency.get(p.agencyId) ?? []), p]);
  return rows.map((a) => ({
    id: a.id,
    code: a.code,
    nameAr: a.nameAr,
    nameFr: a.nameFr,
    seat: a.seat,
    provinces: (byAgency.get(a.id) ?? []).map(({ agencyId: _, ...p }) => p),
    contact: a.contact,
    demoFields: a.demoFields,
    unverifiedFields: a.unverifiedFields,
  }));
}

export type AgencyView = Awaited<ReturnType<typeof listAgencies>>[number];

export async function listCommunesOfAgency(db: Orm, agencyId: string) {
  return db
    .select({
      code: communes.code,
      provinceCode: communes.provinceCode,
      kind: communes.kind,
      parentCode: communes.parentCode,
      nameAr: communes.nameAr,
      nameFr: communes.nameFr,
    })
    .from(communes)
    .innerJoin(agencyProvinces, eq(agencyProvinces.provinceCode, communes.provinceCode))
    .where(eq(agencyProvinces.agencyId, agencyId))
    .orderBy(asc(communes.code));
}

export async function listRegions(db: Orm) {
  const rs = await db.select().from(regions).orderBy(asc(regions.code));
  const ps = await db.select().from(provinces).orderBy(asc(provinces.code));
  return rs.map((r) => ({
    ...r,
    provinces: ps.filter((p) => p.regionCode === r.code).map(({ regionCode: _, ...p }) => p),
  }));
}

export const countAgencies = async (db: Orm) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(agencies))[0]?.n ?? 0;
