// The import pipeline on a real database: shapefiles made by ogr2ogr in Nord and Sud Maroc land
// where gdaltransform puts them (control points), known points fall in the right zones, bad files
// are reported and import nothing, and a new version never loses the old one.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-app.ts';
import { one, rows } from '../platform/db/database.ts';
import type { CrsCode } from './crs.ts';
import { type CheckedFile, checkFile, publishChecked } from './import/imports.ts';
import { errorCount, prepareImport } from './import/prepare-import.ts';
import { publishPlanVersion } from './import/publish-plan.ts';
import { overlayParcel } from './overlay.ts';

const FIXTURES = new URL('../../test/fixtures/geo/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
type ControlPoints = {
  fixtures: Record<string, { crs: string; points: { source: number[]; wgs84: [number, number] }[] }>;
};
const CONTROL = JSON.parse(readFileSync(new URL('control-points.json', FIXTURES), 'utf8')) as ControlPoints;

let ctx: TestContext;
const agencyIds = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  for (const a of await rows<{ id: string; code: string }>(
    ctx.platform.db.orm,
    sql`select id, code from agencies`,
  ))
    agencyIds.set(a.code, a.id);
});
afterAll(async () => ctx?.close());

const SYSTEM = { actor: { kind: 'system', label: 'test' } } as const;

async function importFile(
  name: string,
  agency: string,
  options: { crs?: string; layer?: 'zones'; slug?: string; approved?: string } = {},
) {
  const bytes = fixture(name);
  const checked = await checkFile(ctx.platform.db.orm, bytes, {
    fileName: name,
    agencyCode: agency,
    ...(options.crs ? { crs: options.crs } : {}),
    ...(options.layer ? { layer: options.layer } : {}),
  });
  expect(checked.report.errors, JSON.stringify(checked.issues.slice(0, 3))).toBe(0);
  return publishChecked(ctx.platform, SYSTEM, {
    agencyId: agencyIds.get(agency)!,
    actor: { userId: null, label: 'test' },
    fileName: name,
    bytes,
    checked,
    document: {
      slug: options.slug ?? name.replace(/\.zip$/, '').replace(/[^a-z0-9]+/g, '-'),
      kind: 'plan_amenagement',
      nameFr: name,
      nameAr: name,
    },
    lifecycle: options.approved
      ? { status: 'approved', approvedOn: options.approved }
      : { status: 'in_study' },
  });
}

async function vertices(versionId: string): Promise<[number, number][]> {
  const found = await rows<{ x: number; y: number }>(
    ctx.platform.db.orm,
    sql`select ST_X(p.geom) as x, ST_Y(p.geom) as y from (
          select (ST_DumpPoints(geom)).geom from plan_zones where version_id = ${versionId}::uuid
          union all select (ST_DumpPoints(geom)).geom from plan_roads where version_id = ${versionId}::uuid
          union all select (ST_DumpPoints(geom)).geom from plan_reservations where version_id = ${versionId}::uuid) p`,
  );
  return found.map((v) => [Number(v.x), Number(v.y)]);
}

/** Metres between two WGS 84 positions a few metres apart. */
const metres = (a: [number, number], b: [number, number]) =>
  Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((b[1] * Math.PI) / 180), (a[1] - b[1]) * 110_574);

describe('control points: PostGIS reprojection against gdaltransform', () => {
  const cases: [string, string, { crs?: string; layer?: 'zones' }][] = [
    ['zones-26191.zip', 'AUC', {}],
    ['zones-26192.zip', 'AUTAR', {}],
    ['zones-noprj.zip', 'AUST', { crs: 'EPSG:26191', layer: 'zones' }],
    ['reservations-cp1256.zip', 'AUC', {}],
  ];
  let worst = 0;
  for (const [name, agency, options] of cases) {
    it(`lands every control point of ${name} within a millimetre`, async () => {
      const published = await importFile(name, agency, { ...options, approved: '2020-01-01' });
      const stored = await vertices(published.versionId);
      for (const cp of CONTROL.fixtures[name]!.points) {
        const nearest = Math.min(...stored.map((v) => metres(v, cp.wgs84)));
        worst = Math.max(worst, nearest);
        expect(nearest, `${name} ${cp.source}`).toBeLessThan(0.001);
      }
    });
  }
  afterAll(() => {
    process.stdout.write(`control points: worst distance to gdaltransform ${(worst * 1000).toFixed(6)} mm\n`);
  });
});

describe('known points land in the right zones', () => {
  const zoneAt = async (x: number, y: number, crs: CrsCode) =>
    (
      await overlayParcel(ctx.platform.db.orm, {
        geometry: { type: 'Point', coordinates: [x, y] },
        crs,
        at: '2024-01-01',
      })
    ).zones.map((z) => z.zoneCode);

  it('in Nord Maroc (Casablanca), including the square inside the hole of the villa zone', async () => {
    expect(await zoneAt(296900, 329900, 'EPSG:26191')).toEqual(['B4']);
    expect(await zoneAt(297050, 329850, 'EPSG:26191')).toEqual(['D1']);
    expect(await zoneAt(297130, 329910, 'EPSG:26191')).toEqual(['EV']);
  });

  it('in Sud Maroc (Taroudant)', async () => {
    expect(await zoneAt(166075, 390575, 'EPSG:26192')).toEqual(['HM']);
    expect(await zoneAt(166225, 390575, 'EPSG:26192')).toEqual(['B2']);
    expect(await zoneAt(166150, 390800, 'EPSG:26192')).toEqual(['RA']);
  });

  it('stores the decoded Arabic labels and the road right-of-way', async () => {
    const label = await one<{ label_ar: string }>(
      ctx.platform.db.orm,
      sql`select label_ar from plan_reservations where ref = 'EP 3'`,
    );
    expect(label?.label_ar).toBe('مدرسة ابتدائية');
    // Boulevard projeté n° 1: 540 m long, 30 m planned width, flat ends → 16,200 m² in Lambert.
    const road = await one<{ area: number }>(
      ctx.platform.db.orm,
      sql`select ST_Area(ST_Transform(right_of_way, 26191)) as area from plan_roads where planned_width_m = 30`,
    );
    expect(Number(road?.area)).toBeCloseTo(16_200, 0);
  });
});

describe('bad input imports nothing', () => {
  const count = async () =>
    Number(
      (await one<{ n: number }>(ctx.platform.db.orm, sql`select count(*)::int as n from plan_documents`))
        ?.n ?? 0,
    );

  it('reports what is wrong with a clear code', async () => {
    const check = (name: string, agency: string, options: Partial<Parameters<typeof checkFile>[2]> = {}) =>
      checkFile(ctx.platform.db.orm, fixture(name), { fileName: name, agencyCode: agency, ...options });
    expect((await check('zones-noprj.zip', 'AUST')).report.fileError?.code).toBe('geo.crs_unknown');
    const codes = (c: CheckedFile) => [
      ...new Set(c.issues.filter((i) => i.severity === 'error').map((i) => i.code)),
    ];
    expect(codes(await check('bowtie-26191.zip', 'AUC', { layer: 'zones' }))).toEqual([
      'geo.ring_self_intersection',
    ]);
    expect(codes(await check('wgs84-labelled-26191.zip', 'AUC'))).toContain('geo.crs_suspect');
    expect(codes(await check('zones-26192.zip', 'AUC'))).toEqual(['geo.outside_agency']);
  });

  it('lets PostGIS catch what the JavaScript checks leave to it (a hole outside its shell)', async () => {
    const doc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:26191' } },
      features: [
        {
          type: 'Feature',
          properties: { ZONE: 'B4' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [297000, 330000],
                [297100, 330000],
                [297100, 330100],
                [297000, 330100],
                [297000, 330000],
              ],
              [
                [297200, 330200],
                [297250, 330200],
                [297250, 330250],
                [297200, 330250],
                [297200, 330200],
              ],
            ],
          },
        },
      ],
    };
    const checked = await checkFile(ctx.platform.db.orm, new TextEncoder().encode(JSON.stringify(doc)), {
      fileName: 'zones.geojson',
      agencyCode: 'AUC',
    });
    const invalid = checked.issues.find((i) => i.code === 'geo.geometry_invalid');
    expect(invalid?.featureIndex).toBe(0);
    expect(String(invalid?.details?.reason)).toMatch(/hole/i);
  });

  it('rolls back the whole publication when a layer fails half-way', async () => {
    const before = await count();
    const audit = await one<{ n: number }>(
      ctx.platform.db.orm,
      sql`select count(*)::int as n from audit_events`,
    );
    const zones = await prepareImport(fixture('zones-26191.zip'), { agencyCode: 'AUC' });
    expect(errorCount(zones.issues)).toBe(0);
    const roads = zones.layers.find((l) => l.kind === 'roads')!;
    // A geometry PostGIS cannot read, after a first layer went in: the insert fails half-way.
    const broken = {
      ...roads,
      features: [
        ...roads.features,
        { ...roads.features[0]!, geometry: { type: 'Circle', coordinates: [297000, 330000] } },
      ],
    } as unknown as typeof roads;
    await expect(
      ctx.platform.db.transaction((tx) =>
        publishPlanVersion(
          tx,
          SYSTEM,
          {
            agencyId: agencyIds.get('AUC')!,
            document: { slug: 'half-imported', kind: 'plan_amenagement', nameFr: 'x', nameAr: 'x' },
            lifecycle: { status: 'approved', approvedOn: '2024-01-01' },
            layers: [zones.layers.find((l) => l.kind === 'zones')!, broken],
          },
          new Date(),
        ),
      ),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
    const zonesLeft = await one<{ n: number }>(
      ctx.platform.db.orm,
      sql`select count(*)::int as n from plan_zones z join plan_versions v on v.id = z.version_id
          join plan_documents d on d.id = v.document_id where d.slug = 'half-imported'`,
    );
    expect(zonesLeft?.n).toBe(0);
    const auditAfter = await one<{ n: number }>(
      ctx.platform.db.orm,
      sql`select count(*)::int as n from audit_events`,
    );
    expect(auditAfter?.n).toBe(audit?.n);
  });
});

describe('versions', () => {
  it('keeps the old version and its layers when a new one is approved, and copies missing layers', async () => {
    const v1 = await importFile('zones-26191.zip', 'AUC', { slug: 'pa-versions', approved: '2015-03-01' });
    expect(v1.version).toBe(1);
    expect(v1.counts).toMatchObject({ zones: 4, roads: 2 });
    const v2 = await importFile('reservations-cp1256.zip', 'AUC', {
      slug: 'pa-versions',
      approved: '2025-03-01',
    });
    expect(v2.version).toBe(2);
    expect(v2.copied.sort()).toEqual(['roads', 'zones']);
    expect(v2.counts).toMatchObject({ zones: 4, roads: 2, reservations: 4 });
    expect(v2.replaced).toEqual([v1.versionId]);
    const versions = await rows<{ id: string; status: string; replaced_on: string | null; zones: number }>(
      ctx.platform.db.orm,
      sql`select v.id, v.status, v.replaced_on::text, (select count(*)::int from plan_zones z where z.version_id = v.id) as zones
          from plan_versions v where v.id in (${v1.versionId}::uuid, ${v2.versionId}::uuid) order by v.version`,
    );
    expect(versions.map((v) => [v.status, v.replaced_on, v.zones])).toEqual([
      ['replaced', '2025-03-01', 4],
      ['approved', null, 4],
    ]);
    // The overlay reads the version in force on the date asked.
    const at = async (date: string) =>
      (
        await overlayParcel(ctx.platform.db.orm, {
          geometry: { type: 'Point', coordinates: [296900, 329900] },
          crs: 'EPSG:26191',
          at: date,
          agencyId: agencyIds.get('AUC')!,
        })
      ).zones
        .filter((z) => z.versionId === v1.versionId || z.versionId === v2.versionId)
        .map((z) => z.versionId);
    expect(await at('2020-01-01')).toEqual([v1.versionId]);
    expect(await at('2026-01-01')).toEqual([v2.versionId]);
    const audit = await rows<{ action: string }>(
      ctx.platform.db.orm,
      sql`select action from audit_events where object_id = ${v2.versionId}`,
    );
    expect(audit.map((a) => a.action)).toEqual(['geo.plan_version_published']);
  });
});
