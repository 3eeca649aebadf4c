// The geo HTTP API on the real app: the public geoportal (search, indicative sheet), OGC API –
// Features (Part 1 and Part 2 crs), vector tiles, and the staff import workflow with its lifecycle.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInStaff } from '../../test/support/fixtures.ts';
import { createTestContext, type TestContext } from '../../test/support/test-app.ts';
import { one } from '../platform/db/database.ts';
import { loadDemoPlans } from './demo-plans.ts';
import { decodeMvt } from './mvt-decode.ts';
import { CONFORMANCE } from './ogc-routes.ts';
import { renderTile, tileBounds } from './tile-routes.ts';

const FIXTURES = new URL('../../test/fixtures/geo/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

let ctx: TestContext;
let geomatics: Person;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoPlans(ctx.platform.db, new Date());
  geomatics = await signedInStaff(ctx, 'AUST', 'geomatics');
});
afterAll(async () => ctx?.close());

/** The tile (z, x, y) holding a WGS 84 point. */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n);
  return { z, x, y };
}

describe('public geoportal API', () => {
  it('lists the plans shown today with their decrees and communes', async () => {
    const res = await ctx.client().get('/api/geoportal/plans');
    expect(res.statusCode).toBe(200);
    const plans = res.json() as {
      agencyCode: string;
      state: string;
      decreeRefFr: string;
      communes: { code: string }[];
      counts: { zones: number };
    }[];
    expect(plans.map((p) => p.agencyCode).sort()).toEqual(['AUC', 'AUST', 'AUTAR']);
    expect(plans.every((p) => p.state === 'in_force' && /fictif/.test(p.decreeRefFr))).toBe(true);
    expect(plans.find((p) => p.agencyCode === 'AUST')?.communes.map((c) => c.code)).toEqual(['501.01.07']);
    expect(plans.find((p) => p.agencyCode === 'AUC')?.counts.zones).toBe(525);
    const config = (await ctx.client().get('/api/geoportal/config')).json();
    expect(config.tiles.url).toBe('/tiles/{layer}/{z}/{x}/{y}.pbf');
    expect(config.basemap).toBeNull();
  });

  it('searches by land title, coordinates and commune', async () => {
    const search = async (q: string) =>
      (await ctx.client().get(`/api/geoportal/search?q=${encodeURIComponent(q)}`)).json();
    const title = await search('TF 31457/C');
    expect(title.kind).toBe('title');
    expect(title.titles[0]).toMatchObject({ number: '31457/C', agencyCode: 'AUC', kind: 'titre_foncier' });
    expect((await search('Réq. 45127/63')).titles[0]).toMatchObject({ kind: 'requisition' });
    expect((await search('99999/Z')).titles).toEqual([]);
    const lambert = await search('289225 331636');
    expect(lambert.kind).toBe('coordinates');
    expect(lambert.points[0]).toMatchObject({ crs: 'EPSG:26191', inPlan: true });
    const degrees = await search('33.562063, -7.669292');
    expect(degrees.points[0]).toMatchObject({
      crs: 'EPSG:4326',
      lon: -7.669292,
      lat: 33.562063,
      inPlan: true,
    });
    const commune = await search('Taroudant');
    expect(commune.kind).toBe('commune');
    expect(commune.communes[0]).toMatchObject({ code: '541.01.13' });
    expect(commune.communes[0].plans).toHaveLength(1);
    expect((await search('تمارة')).communes[0]).toMatchObject({ code: '501.01.07' });
  });

  it('gives the indicative sheet of a land title, marked as not a legal document, in the caller’s language', async () => {
    const ar = await ctx.client({ locale: 'ar' }).get('/api/geoportal/sheet?title=31457%2FC');
    expect(ar.statusCode).toBe(200);
    const sheet = ar.json();
    expect(sheet.indicative).toBe(true);
    expect(sheet.notice).toMatch(/لا تكتسي أي صبغة قانونية/);
    expect(sheet.title.number).toBe('31457/C');
    expect(sheet.overlay.zones.map((z: { ref: string }) => z.ref).sort()).toEqual([
      'B6-116',
      'D1-007',
      'EQ-012',
    ]);
    expect(sheet.overlay.parcel.areaM2).toBeCloseTo(666.87, 0);
    const fr = (await ctx.client({ locale: 'fr' }).get('/api/geoportal/sheet?title=31457/C')).json();
    expect(fr.notice).toMatch(/sans valeur juridique/);
    const missing = await ctx.client({ locale: 'fr' }).get('/api/geoportal/sheet?title=1/Z');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'geo.title_not_found', title: 'Titre foncier introuvable' });
  });

  it('gives the sheet of a point (Lambert detected) and of a drawn parcel, without a CSRF token', async () => {
    const point = (await ctx.client().get('/api/geoportal/sheet?x=289225&y=331636')).json();
    expect(point.overlay.parcel.inputCrs).toBe('EPSG:26191');
    expect(point.overlay.zones).toHaveLength(1);
    // Sud Maroc metres also read as a (sea) point in Nord Maroc: the reading inside a plan wins.
    const taroudant = (await ctx.client().get('/api/geoportal/sheet?x=168500&y=390300')).json();
    expect(taroudant.overlay.parcel.inputCrs).toBe('EPSG:26192');
    const drawn = await ctx.app.inject({
      method: 'POST',
      url: '/api/geoportal/sheet',
      headers: { 'content-type': 'application/json' },
      payload: {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [289219.62, 331618.45],
              [289244.21, 331633.82],
              [289232.02, 331653.32],
              [289207.43, 331637.95],
              [289219.62, 331618.45],
            ],
          ],
        },
        crs: 'EPSG:26191',
        at: '2026-01-01',
      },
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json().overlay.reservations[0]).toMatchObject({ ref: 'EP 2', equipmentKind: 'school' });
    const bowtie = await ctx.app.inject({
      method: 'POST',
      url: '/api/geoportal/sheet',
      payload: {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 1],
              [1, 0],
              [0, 1],
              [0, 0],
            ],
          ],
        },
      },
    });
    expect(bowtie.statusCode).toBe(422);
    expect(bowtie.json().code).toBe('geo.parcel_invalid');
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/geoportal/sheet',
      payload: {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-7.7, 33.5],
              [-7.6, 33.5],
              [-7.6, 33.6],
              [-7.7, 33.6],
              [-7.7, 33.5],
            ],
          ],
        },
      },
    });
    expect(huge.json().code).toBe('geo.parcel_too_large');
  });

  it('gives a zone’s regulation for a map click', async () => {
    const id = await one<{ id: number }>(
      ctx.platform.db.orm,
      sql`select id::int from plan_zones where ref = 'B6-116'`,
    );
    const zone = (await ctx.client().get(`/api/geoportal/zones/${id?.id}`)).json();
    expect(zone).toMatchObject({ zoneCode: 'B6', family: 'immeubles', rules: { maxHeightM: 24, ces: 0.7 } });
    expect(zone.plan.agencyCode).toBe('AUC');
    expect((await ctx.client().get('/api/geoportal/zones/999999')).statusCode).toBe(404);
  });
});

describe('OGC API – Features', () => {
  const get = (url: string) => ctx.client().get(url);

  it('has a landing page, conformance and four collections', async () => {
    const landing = (await get('/ogc')).json();
    const rels = landing.links.map((l: { rel: string }) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']));
    expect((await get('/ogc/conformance')).json().conformsTo).toEqual(CONFORMANCE);
    const collections = (await get('/ogc/collections')).json().collections;
    expect(collections.map((c: { id: string }) => c.id)).toEqual([
      'zones',
      'roads',
      'servitudes',
      'reservations',
    ]);
    expect(collections[0].crs).toContain('http://www.opengis.net/def/crs/EPSG/0/26191');
    const openapi = await get('/api/openapi.json');
    expect(openapi.statusCode).toBe(200);
    expect(Object.keys(openapi.json().paths)).toEqual(
      expect.arrayContaining(['/ogc/collections/{collectionId}/items', '/tiles/{layer}/{z}/{x}/{y}.pbf']),
    );
    const html = await get('/ogc/collections?f=html');
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect((await get('/ogc/collections/nope')).statusCode).toBe(404);
  });

  it('pages through items with limit and next links, and filters by bbox', async () => {
    let url: string | undefined = '/ogc/collections/zones/items?limit=400';
    const ids = new Set<number>();
    let matched = 0;
    while (url) {
      const res = await get(url);
      expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
      const page = res.json();
      matched = page.numberMatched;
      for (const f of page.features) ids.add(f.id);
      const next = page.links.find((l: { rel: string }) => l.rel === 'next');
      url = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
    }
    expect(matched).toBe(525 + 569 + 411);
    expect(ids.size).toBe(matched);
    const box = (await get('/ogc/collections/zones/items?bbox=-7.6695,33.5619,-7.6690,33.5623')).json();
    expect(box.numberMatched).toBeGreaterThanOrEqual(3);
    expect(box.features.map((f: { properties: { ref: string } }) => f.properties.ref)).toEqual(
      expect.arrayContaining(['B6-116', 'D1-007', 'EQ-012']),
    );
    expect((await get('/ogc/collections/zones/items?bbox=1,2,3')).json().code).toBe('geo.bbox_invalid');
  });

  it('answers in Lambert (Part 2 crs) with the source coordinates, and takes a Lambert bbox', async () => {
    const crs = 'http://www.opengis.net/def/crs/EPSG/0/26191';
    const lambert = await get(
      `/ogc/collections/zones/items?crs=${encodeURIComponent(crs)}&bbox-crs=${encodeURIComponent(crs)}&bbox=289207,331618,289245,331654`,
    );
    expect(lambert.headers['content-crs']).toBe(`<${crs}>`);
    const b6 = lambert
      .json()
      .features.find((f: { properties: { ref: string } }) => f.properties.ref === 'B6-116');
    const source = JSON.parse(
      readFileSync(new URL('./demo-data/casablanca/zones.geojson', import.meta.url), 'utf8'),
    ).features.find((f: { id: string }) => f.id === 'B6-116').geometry.coordinates[0] as number[][];
    const served = b6.geometry.coordinates[0][0] as number[][];
    for (const [i, p] of source.entries()) {
      expect(Math.abs((served[i]?.[0] ?? 0) - (p[0] ?? 0))).toBeLessThan(0.005);
      expect(Math.abs((served[i]?.[1] ?? 0) - (p[1] ?? 0))).toBeLessThan(0.005);
    }
    const latLon = (await get(`/ogc/collections/zones/items/${b6.id}?crs=EPSG:4326`)).json();
    const [lat, lon] = latLon.geometry.coordinates[0][0][0];
    expect(lat).toBeCloseTo(33.56, 1);
    expect(lon).toBeCloseTo(-7.67, 1);
    expect((await get('/ogc/collections/zones/items?crs=EPSG:2154')).json().code).toBe(
      'geo.crs_not_supported',
    );
    expect((await get('/ogc/collections/zones/items/999999999')).statusCode).toBe(404);
  });
});

describe('vector tiles', () => {
  const casablanca = tileAt(-7.669292, 33.562063, 15);
  const path = (layer: string, t = casablanca) => `/tiles/${layer}/${t.z}/${t.x}/${t.y}.pbf`;

  it('serve the zones with their code and family, cacheable', async () => {
    const res = await ctx.client().get(path('zones'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers['cache-control']).toMatch(/public/);
    const [layer] = decodeMvt(new Uint8Array(res.rawPayload));
    expect(layer?.name).toBe('zones');
    expect(layer?.features.length).toBeGreaterThan(10);
    expect(layer?.features[0]?.properties).toMatchObject({ state: 'in_force' });
    expect(layer?.features.map((f) => f.properties.family)).toContain('immeubles');
    const again = await ctx.client().get(path('zones'), { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    const roads = decodeMvt(new Uint8Array((await ctx.client().get(path('roads'))).rawPayload));
    expect(roads.map((l) => l.name)).toEqual(['roads', 'alignments']);
    expect(roads[0]?.features[0]?.type).toBe('LineString');
    expect(roads[1]?.features[0]?.type).toBe('Polygon');
  });

  it('are empty where there is no plan, and refuse what is not a tile', async () => {
    expect((await ctx.client().get(path('zones', tileAt(-5, 35, 15)))).statusCode).toBe(204);
    expect((await ctx.client().get('/tiles/parcels/15/1/1.pbf')).statusCode).toBe(404);
    expect((await ctx.client().get('/tiles/zones/15/40000/1.pbf')).statusCode).toBe(400);
  });

  it('are the same whether PostGIS or our encoder writes the protobuf (where PostGIS can)', async () => {
    const db = ctx.platform.db.orm;
    const at = new Date().toISOString().slice(0, 10);
    const encoder = decodeMvt(await renderTile(db, { layer: 'zones', ...casablanca, at, engine: 'encoder' }));
    const b = tileBounds(casablanca.z, casablanca.x, casablanca.y);
    expect(b.size).toBeCloseTo(1222.99, 1);
    if (ctx.platform.db.kind !== 'postgresql') return; // PGlite's PostGIS has no protobuf-c
    const postgis = decodeMvt(await renderTile(db, { layer: 'zones', ...casablanca, at, engine: 'postgis' }));
    const summary = (layers: typeof encoder) =>
      layers[0]?.features
        .map((f) => ({ id: f.id, code: f.properties.code, family: f.properties.family }))
        .sort((p, q) => (p.id ?? 0) - (q.id ?? 0));
    expect(summary(encoder)).toEqual(summary(postgis));
  });
});

describe('staff imports', () => {
  async function upload(person: Person, query: string, body: Buffer, type = 'application/zip') {
    const cookie = [...person.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return ctx.app.inject({
      method: 'POST',
      url: `/api/geo/imports?${query}`,
      headers: { cookie, 'x-csrf-token': person.client.csrf ?? '', 'content-type': type },
      payload: body,
    });
  }
  async function settled(id: string) {
    for (let i = 0; i < 400; i++) {
      const res = await geomatics.client.get(`/api/geo/imports/${id}`);
      const view = res.json();
      if (view.status !== 'processing') return view;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import still processing');
  }

  it('uploads, reports, publishes in study, then puts to public enquiry and approves', async () => {
    expect(
      (await geomatics.client.get('/api/geo/agencies')).json().map((a: { code: string }) => a.code),
    ).toEqual(['AUST']);
    const res = await upload(
      geomatics,
      'agency=AUST&crs=EPSG:26191&layer=zones&fileName=zones-noprj.zip',
      fixture('zones-noprj.zip'),
    );
    expect(res.statusCode, res.body).toBe(202);
    const view = await settled(res.json().id);
    expect(view.status).toBe('ready');
    expect(view.report.layers[0]).toMatchObject({
      kind: 'zones',
      crs: 'EPSG:26191',
      crsSource: 'explicit',
      featureCount: 2,
    });
    const published = await geomatics.client.post(`/api/geo/imports/${view.id}/publish`, {
      document: {
        slug: 'pa-temara-sud',
        kind: 'plan_amenagement',
        nameFr: 'PA Témara Sud',
        nameAr: 'تصميم تهيئة تمارة الجنوبية',
      },
      lifecycle: { status: 'in_study' },
    });
    expect(published.statusCode, published.body).toBe(201);
    const versionId = published.json().versionId;
    const visible = async () =>
      (
        (await ctx.client().get('/api/geoportal/plans')).json() as { versionId: string; state: string }[]
      ).find((p) => p.versionId === versionId);
    expect(await visible()).toBeUndefined();
    const again = await geomatics.client.post(`/api/geo/imports/${view.id}/publish`, {
      document: { kind: 'plan_amenagement', nameFr: 'x x', nameAr: 'x x' },
      lifecycle: { status: 'in_study' },
    });
    expect(again.json().code).toBe('geo.import_not_ready');

    const today = new Date().toISOString().slice(0, 10);
    const enquiry = await geomatics.client.post(`/api/geo/versions/${versionId}/status`, {
      status: 'public_enquiry',
      enquiryStart: today,
    });
    expect(enquiry.statusCode, enquiry.body).toBe(200);
    expect((await visible())?.state).toBe('public_enquiry');
    const sheet = (await ctx.client().get('/api/geoportal/sheet?x=360275&y=370575&crs=EPSG:26191')).json();
    expect(sheet.overlay.warnings.map((w: { code: string }) => w.code)).toContain('plan_public_enquiry');
    const incomplete = await geomatics.client.post(`/api/geo/versions/${versionId}/status`, {
      status: 'approved',
    });
    expect(incomplete.json().code).toBe('geo.lifecycle_incomplete');
    const approved = await geomatics.client.post(`/api/geo/versions/${versionId}/status`, {
      status: 'approved',
      approvedOn: today,
      decreeRefFr: 'Décret n° 2-26-001 (test)',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', approvedOn: today });
    expect((await visible())?.state).toBe('in_force');
    const backwards = await geomatics.client.post(`/api/geo/versions/${versionId}/status`, {
      status: 'in_study',
    });
    expect(backwards.json().code).toBe('geo.transition_not_allowed');
    const plans = (await geomatics.client.get('/api/geo/plans')).json();
    expect(plans.map((p: { slug: string }) => p.slug)).toEqual(
      expect.arrayContaining(['pa-temara-sud', 'pa-temara-centre-demo']),
    );
  });

  it('rejects a broken file with per-feature issues, and refuses to publish it', async () => {
    const res = await upload(
      geomatics,
      'agency=AUST&layer=zones&fileName=bowtie.zip',
      fixture('bowtie-26191.zip'),
    );
    const view = await settled(res.json().id);
    expect(view.status).toBe('rejected');
    // The bow-tie is in Casablanca: also outside AUST.
    const issues = (await geomatics.client.get(`/api/geo/imports/${view.id}/issues?severity=error`)).json();
    expect(issues.items.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['geo.ring_self_intersection', 'geo.outside_agency']),
    );
    const publish = await geomatics.client.post(`/api/geo/imports/${view.id}/publish`, {
      document: { kind: 'plan_amenagement', nameFr: 'x x', nameAr: 'x x' },
      lifecycle: { status: 'in_study' },
    });
    expect(publish.statusCode).toBe(409);
    const noPrj = await settled(
      (await upload(geomatics, 'agency=AUST&fileName=z.zip', fixture('zones-noprj.zip'))).json().id,
    );
    expect(noPrj).toMatchObject({ status: 'rejected', errorCode: 'geo.crs_unknown' });
  });

  it('refuses another agency and an empty body', async () => {
    const foreign = await upload(geomatics, 'agency=AUC&fileName=z.zip', fixture('zones-26191.zip'));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('geo.agency_not_found');
    const empty = await upload(geomatics, 'agency=AUST', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });
});
