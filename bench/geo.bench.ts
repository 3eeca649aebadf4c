// Geo: 100,000 synthetic zones (a jittered grid of ~30 m plots around Casablanca, in Lambert Nord
// Maroc) published through the real pipeline, then in one run:
//  - the bare spatial-index lookup (GiST `&&` on the parcel's box): the overlay's lower bound;
//  - the overlay of a parcel (zones, servitudes, reservations, roads, areas in m² and %);
//  - vector-tile generation (PostGIS geometry + protobuf) at zooms 12 to 16.
// PGlite by default; TEST_DATABASE_URL for a PostgreSQL server.
import { sql } from 'drizzle-orm';
import { type CrsCode, toWgs84 } from '../src/geo/crs.ts';
import type { PreparedFeature, PreparedLayer } from '../src/geo/import/prepare-import.ts';
import { publishPlanVersion } from '../src/geo/import/publish-plan.ts';
import { overlayParcel } from '../src/geo/overlay.ts';
import { postgisHasMvt, renderTile } from '../src/geo/tile-routes.ts';
import { rows } from '../src/platform/db/database.ts';
import { benchApp, fmt } from './support.ts';

const CRS: CrsCode = 'EPSG:26191';
const ORIGIN = [285_000, 325_000] as const;
const CELL = 30;
const CODES = ['B4', 'B6', 'D1', 'D2', 'E3', 'E4', 'EQ', 'EV', 'I'];

/** A seeded PRNG (mulberry32), so every run draws the same zones and parcels. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n zones on a side × side grid whose shared vertices are jittered (they still tile the plane). */
function syntheticZones(n: number): PreparedLayer {
  const side = Math.ceil(Math.sqrt(n));
  const rand = prng(20261122);
  const jitter = new Map<string, [number, number]>();
  const vertex = (i: number, j: number): [number, number] => {
    const key = `${i},${j}`;
    let v = jitter.get(key);
    if (!v) {
      const edge = i === 0 || j === 0 || i === side || j === side;
      const dx = edge ? 0 : (rand() - 0.5) * 8;
      const dy = edge ? 0 : (rand() - 0.5) * 8;
      v = [
        Math.round((ORIGIN[0] + i * CELL + dx) * 100) / 100,
        Math.round((ORIGIN[1] + j * CELL + dy) * 100) / 100,
      ];
      jitter.set(key, v);
    }
    return v;
  };
  const features: PreparedFeature<'zones'>[] = [];
  for (let k = 0; k < n; k++) {
    const i = k % side;
    const j = Math.floor(k / side);
    const code = CODES[(i * 7 + j * 3) % CODES.length] as string;
    const ring = [vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1), vertex(i, j + 1), vertex(i, j)];
    features.push({
      index: k,
      ref: `Z-${k}`,
      geometry: { type: 'Polygon', coordinates: [ring] },
      attributes: { zoneCode: code, maxHeightM: 12, maxFloorsAboveGround: 3, ces: 0.6 },
      extra: {},
    });
  }
  return {
    name: 'zones',
    kind: 'zones',
    crs: CRS,
    crsSource: 'explicit',
    encoding: 'utf-8',
    mapping: {},
    unmappedColumns: [],
    geometryTypes: ['Polygon'],
    featureCount: n,
    features,
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] as number;

function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p99: quantile(s, 0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}

function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n),
  };
}

export async function geoBench(options: { zones: number; overlays: number }) {
  const { runtime, close } = await benchApp();
  const { platform } = runtime;
  const db = platform.db.orm;
  try {
    const [agency] = await rows<{ id: string }>(db, sql`select id from agencies where code = 'AUC'`);
    const layer = syntheticZones(options.zones);
    const [loadMs, published] = await time(() =>
      platform.db.transaction((tx) =>
        publishPlanVersion(
          tx,
          { actor: { kind: 'system', label: 'bench' } },
          {
            agencyId: agency!.id,
            document: { slug: 'bench-100k', kind: 'plan_amenagement', nameFr: 'Bench', nameAr: 'Bench' },
            lifecycle: { status: 'approved', approvedOn: '2020-01-01' },
            layers: [layer],
          },
          new Date(),
        ),
      ),
    );
    await platform.db.withSession((s) => s.exec('analyze plan_zones; analyze plan_versions'));

    const side = Math.ceil(Math.sqrt(options.zones));
    const extent = side * CELL;
    const rand = prng(7);
    /** A 20 × 30 m parcel somewhere in the grid, in Lambert. */
    const parcel = () => {
      const x = ORIGIN[0] + 50 + rand() * (extent - 100);
      const y = ORIGIN[1] + 50 + rand() * (extent - 100);
      const ring = [
        [x, y],
        [x + 20, y],
        [x + 20, y + 30],
        [x, y + 30],
        [x, y],
      ];
      const ll = ring.map((p) => toWgs84(CRS, p));
      const lons = ll.map((p) => p[0] as number);
      const lats = ll.map((p) => p[1] as number);
      return {
        polygon: { type: 'Polygon' as const, coordinates: [ring] },
        box: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as const,
      };
    };
    const parcels = Array.from({ length: options.overlays + 50 }, parcel);

    // Bare spatial-index lookup: the zones whose box touches the parcel's box.
    const bare: number[] = [];
    let candidates = 0;
    for (const [i, p] of parcels.entries()) {
      const [ms, found] = await time(() =>
        rows<{ id: number }>(
          db,
          sql`select id from plan_zones where geom && ST_MakeEnvelope(${p.box[0]}, ${p.box[1]}, ${p.box[2]}, ${p.box[3]}, 4326)`,
        ),
      );
      if (i >= 50) {
        bare.push(ms);
        candidates += found.length;
      }
    }

    const overlay: number[] = [];
    let hits = 0;
    for (const [i, p] of parcels.entries()) {
      const [ms, o] = await time(() =>
        overlayParcel(db, { geometry: p.polygon, crs: CRS, at: '2026-01-01' }),
      );
      if (i >= 50) {
        overlay.push(ms);
        hits += o.zones.length;
      }
    }

    const centre = toWgs84(CRS, [ORIGIN[0] + extent / 2, ORIGIN[1] + extent / 2]) as [number, number];
    const engine = (await postgisHasMvt(db)) ? 'postgis' : 'encoder';
    const tiles: { z: number; n: number; ms: ReturnType<typeof summary>; bytes: number }[] = [];
    for (const z of [12, 13, 14, 15, 16]) {
      const c = tileOf(centre[0], centre[1], z);
      const samples: number[] = [];
      let bytes = 0;
      for (let k = 0; k < 18; k++) {
        const t = { ...c, x: c.x + (k % 3) - 1, y: c.y + (Math.floor(k / 3) % 3) - 1 };
        const [ms, tile] = await time(() =>
          renderTile(db, { layer: 'zones', ...t, at: '2026-01-01', engine }),
        );
        // The first two warm up; empty tiles (beyond the grid) are not counted.
        if (k >= 2 && tile.length > 0) {
          samples.push(ms);
          bytes += tile.length;
        }
      }
      tiles.push({ z, n: samples.length, ms: summary(samples), bytes: Math.round(bytes / samples.length) });
    }

    const b = summary(bare);
    const o = summary(overlay);
    console.log(
      `\nGeo — ${fmt(options.zones)} zones on ${platform.db.kind} (${fmt(extent / 1000, 1)} km square), ${fmt(options.overlays)} parcels of 20 × 30 m`,
    );
    console.log(
      `  publish ${fmt(published.counts.zones)} zones (one transaction, PostGIS reprojection)  ${fmt(loadMs / 1000, 1)} s  (${fmt(published.counts.zones / (loadMs / 1000))} zones/s)`,
    );
    console.log(
      `  bare GiST lookup (lower bound)    median ${fmt(b.median, 2)} ms  p99 ${fmt(b.p99, 2)} ms  (${fmt(candidates / bare.length, 1)} candidates)`,
    );
    console.log(
      `  overlayParcel (4 layers + plans) median ${fmt(o.median, 2)} ms  p99 ${fmt(o.p99, 2)} ms  (${fmt(hits / overlay.length, 1)} zones per parcel)  ratio ${fmt(o.median / b.median, 1)}× the lookup`,
    );
    for (const t of tiles) {
      console.log(
        `  tile zones z${t.z} (${engine}, ${t.n} tiles)  median ${fmt(t.ms.median, 1)} ms  p99 ${fmt(t.ms.p99, 1)} ms  ~${fmt(t.bytes / 1024, 1)} KiB`,
      );
    }
    return { loadMs, bare: b, overlay: o, tiles };
  } finally {
    await close();
  }
}
