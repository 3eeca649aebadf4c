// The overlay on the three demo plans: the land titles that straddle zones get the zones, the
// reservations, the servitudes and the road alignments they touch, with areas within 1 m² of an
// independent computation (polygon clipping and the shoelace formula on the Lambert coordinates of
// the source files, no PostGIS and no reprojection); plans in force by date, with their warnings.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-app.ts';
import { rows } from '../platform/db/database.ts';
import { changePlanStatus } from './change-plan-status.ts';
import type { CrsCode } from './crs.ts';
import { DEMO_PLAN_FOLDERS, loadDemoPlans } from './demo-plans.ts';
import { overlayParcel } from './overlay.ts';
import { statusAt } from './plan-lifecycle.ts';
import { statusAtSql } from './plan-queries.ts';

type Ring = [number, number][];
type Feature = {
  id: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
};
const demo = (folder: string, file: string) =>
  JSON.parse(readFileSync(new URL(`./demo-data/${folder}/${file}`, import.meta.url), 'utf8')) as {
    features: Feature[];
  };

const shoelace = (r: Ring) => {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i] as [number, number];
    const b = r[(i + 1) % r.length] as [number, number];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
};

/** Sutherland–Hodgman: `subject` clipped by the convex polygon `clip`. */
function clipConvex(subject: Ring, clip: Ring): Ring {
  const sign = Math.sign(shoelace(clip));
  const inside = (p: [number, number], a: [number, number], b: [number, number]) =>
    sign * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) >= 0;
  const cross = (p: [number, number], q: [number, number], a: [number, number], b: [number, number]) => {
    const d = (p[0] - q[0]) * (a[1] - b[1]) - (p[1] - q[1]) * (a[0] - b[0]);
    const t = ((p[0] - a[0]) * (a[1] - b[1]) - (p[1] - a[1]) * (a[0] - b[0])) / d;
    return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])] as [number, number];
  };
  let out = subject;
  for (let i = 0; i < clip.length; i++) {
    const a = clip[i] as [number, number];
    const b = clip[(i + 1) % clip.length] as [number, number];
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j] as [number, number];
      const q = input[(j + 1) % input.length] as [number, number];
      if (inside(q, a, b)) {
        if (!inside(p, a, b)) out.push(cross(p, q, a, b));
        out.push(q);
      } else if (inside(p, a, b)) out.push(cross(p, q, a, b));
    }
    if (out.length === 0) break;
  }
  return out;
}

const open = (r: number[][]) => r.slice(0, -1) as Ring;
const rings = (g: Feature['geometry']): Ring[][] =>
  g.type === 'Polygon'
    ? [(g.coordinates as number[][][]).map(open)]
    : (g.coordinates as number[][][][]).map((p) => p.map(open));
/** Area of (polygon ∩ convex parcel), holes subtracted. */
const overlapArea = (g: Feature['geometry'], parcel: Ring) =>
  rings(g).reduce(
    (sum, [shell, ...holes]) =>
      sum +
      Math.abs(shoelace(clipConvex(shell as Ring, parcel))) -
      holes.reduce((h, r) => h + Math.abs(shoelace(clipConvex(r, parcel))), 0),
    0,
  );
/** A road's right-of-way: its centre line (two points) widened to the planned width, flat ends. */
function rightOfWay(f: Feature): Ring {
  const [[x1, y1], [x2, y2]] = f.geometry.coordinates as [[number, number], [number, number]];
  const len = Math.hypot(x2 - x1, y2 - y1);
  const h = (f.properties.plannedWidthM as number) / 2;
  const nx = (-(y2 - y1) / len) * h;
  const ny = ((x2 - x1) / len) * h;
  return [
    [x1 + nx, y1 + ny],
    [x2 + nx, y2 + ny],
    [x2 - nx, y2 - ny],
    [x1 - nx, y1 - ny],
  ];
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoPlans(ctx.platform.db, new Date());
});
afterAll(async () => ctx?.close());

describe('overlay of the demo land titles', () => {
  let worst = 0;
  let checked = 0;
  for (const [agency, folder] of Object.entries(DEMO_PLAN_FOLDERS)) {
    it(`finds what each ${agency} title straddles, within 1 m² of an independent computation`, async () => {
      const plan = JSON.parse(
        readFileSync(new URL(`./demo-data/${folder}/plan.json`, import.meta.url), 'utf8'),
      ) as {
        crs: CrsCode;
      };
      const zones = new Map(demo(folder, 'zones.geojson').features.map((f) => [f.id, f]));
      const servitudes = new Map(demo(folder, 'servitudes.geojson').features.map((f) => [f.id, f]));
      const reservations = new Map(demo(folder, 'reservations.geojson').features.map((f) => [f.id, f]));
      const roads = new Map(demo(folder, 'roads.geojson').features.map((f) => [f.id, f]));
      for (const parcel of demo(folder, 'parcels.geojson').features) {
        const p = parcel.properties as {
          titleNumber: string;
          expectedZones: { zoneId: string; areaM2: number }[];
          expectedReservations: { reservationId: string; areaM2: number }[];
          expectedServitudes: { servitudeId: string; areaM2: number }[];
          expectedRoadRightOfWayM2: number;
        };
        const ring = open((parcel.geometry.coordinates as number[][][])[0] as number[][]);
        const o = await overlayParcel(ctx.platform.db.orm, {
          geometry: parcel.geometry as never,
          crs: plan.crs,
          at: '2026-01-01',
        });
        const label = `${agency} ${p.titleNumber}`;
        expect(o.parcel.areaM2, label).toBeCloseTo(Math.abs(shoelace(ring)), 0);
        expect(
          o.plans.map((x) => x.agencyCode),
          label,
        ).toEqual([agency]);
        // The same features as the generator listed…
        expect(o.zones.map((z) => z.ref).sort(), label).toEqual(p.expectedZones.map((z) => z.zoneId).sort());
        expect(o.reservations.map((r) => r.ref).sort(), label).toEqual(
          p.expectedReservations.map((r) => r.reservationId).sort(),
        );
        expect(o.servitudes.map((s) => s.ref).sort(), label).toEqual(
          p.expectedServitudes.map((s) => s.servitudeId).sort(),
        );
        expect(
          o.roads.reduce((s, r) => s + (r.areaM2 ?? 0), 0),
          label,
        ).toBeCloseTo(p.expectedRoadRightOfWayM2, -1);
        // …with areas that agree with the independent computation.
        const compare = (
          list: { ref: string | null; areaM2: number | null; percent: number | null }[],
          byId: Map<string, Feature>,
          shape = (f: Feature) => f.geometry,
        ) => {
          for (const hit of list) {
            const f = byId.get(hit.ref as string);
            expect(f, `${label} ${hit.ref}`).toBeDefined();
            const independent = overlapArea(shape(f as Feature), ring);
            const diff = Math.abs((hit.areaM2 as number) - independent);
            worst = Math.max(worst, diff);
            checked++;
            expect(diff, `${label} ${hit.ref}: ${hit.areaM2} vs ${independent.toFixed(2)}`).toBeLessThan(1);
            expect(hit.percent).toBeCloseTo(((hit.areaM2 as number) / (o.parcel.areaM2 as number)) * 100, 1);
          }
        };
        compare(o.zones, zones);
        compare(o.servitudes, servitudes);
        compare(o.reservations, reservations);
        compare(o.roads, roads, (f) => ({
          type: 'Polygon',
          coordinates: [[...rightOfWay(f), rightOfWay(f)[0]]],
        }));
        if (p.expectedRoadRightOfWayM2 > 0) expect(o.warnings.map((w) => w.code)).toContain('partly_unzoned');
        expect(o.warnings.map((w) => w.code)).toContain('synthetic_data');
        const zone = o.zones[0];
        expect(zone?.rules.articleFr, label).toBeTruthy();
        expect(zone?.rules.allowedUses.length, label).toBeGreaterThan(0);
      }
    });
  }
  afterAll(() => {
    process.stdout.write(
      `overlay: ${checked} intersections, worst difference to the independent computation ${worst.toFixed(3)} m²\n`,
    );
  });
});

describe('the plans of a date', () => {
  it('reads a point, in WGS 84 too, and says when no plan applies', async () => {
    const point = await overlayParcel(ctx.platform.db.orm, {
      geometry: { type: 'Point', coordinates: [-7.669292, 33.562063] },
      crs: 'EPSG:4326',
      at: '2026-01-01',
    });
    expect(point.parcel.kind).toBe('point');
    expect(point.zones.map((z) => z.ref)).toEqual(['B6-116']);
    expect(point.zones[0]?.areaM2).toBeNull();
    const before = await overlayParcel(ctx.platform.db.orm, {
      geometry: { type: 'Point', coordinates: [-7.669292, 33.562063] },
      crs: 'EPSG:4326',
      at: '2019-01-01',
    });
    expect(before.plans).toEqual([]);
    expect(before.warnings).toEqual([{ code: 'no_plan' }]);
  });

  it('warns about a plan under public enquiry and a plan whose effects ended', async () => {
    const [aust] = await rows<{ id: string }>(
      ctx.platform.db.orm,
      sql`select v.id from plan_versions v join agencies a on a.id = v.agency_id where a.code = 'AUST'`,
    );
    const temara = { type: 'Point' as const, coordinates: [-6.9101, 33.925] };
    const expired = await overlayParcel(ctx.platform.db.orm, {
      geometry: temara,
      crs: 'EPSG:4326',
      at: '2031-06-01',
    });
    expect(expired.plans[0]?.state).toBe('expired');
    expect(expired.warnings.map((w) => w.code)).toContain('plan_expired');
    await changePlanStatus(
      ctx.platform,
      { actor: { kind: 'system', label: 'test' } },
      { all: true },
      aust!.id,
      {
        status: 'expired',
        effectsUntil: '2030-01-01',
      },
    );
    const after = await overlayParcel(ctx.platform.db.orm, {
      geometry: temara,
      crs: 'EPSG:4326',
      at: '2030-06-01',
    });
    expect(after.warnings.map((w) => w.code)).toContain('plan_expired');
  });

  it('decides the state of a version the same way in SQL and in TypeScript', async () => {
    const dates = ['2018-01-01', '2019-07-12', '2021-03-18', '2028-09-05', '2029-07-12', '2031-01-01'];
    for (const at of dates) {
      const found = await rows<{
        status: 'approved';
        enquiry_start: string | null;
        approved_on: string | null;
        effects_until: string | null;
        replaced_on: string | null;
        state: string | null;
      }>(
        ctx.platform.db.orm,
        sql`select v.status, v.enquiry_start::text, v.approved_on::text, v.effects_until::text, v.replaced_on::text,
              ${statusAtSql(at)} as state from plan_versions v`,
      );
      for (const v of found) {
        const ts = statusAt(
          {
            status: v.status,
            enquiryStart: v.enquiry_start,
            approvedOn: v.approved_on,
            effectsUntil: v.effects_until,
            replacedOn: v.replaced_on,
          },
          at,
        );
        expect(v.state ?? 'not_applicable', at).toBe(ts);
      }
    }
  });

  it('refuses a parcel that is not one', async () => {
    await expect(
      overlayParcel(ctx.platform.db.orm, {
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
        crs: 'EPSG:4326',
      }),
    ).rejects.toMatchObject({ code: 'geo.parcel_invalid' });
    await expect(
      overlayParcel(ctx.platform.db.orm, {
        geometry: {
          type: 'LineString',
          coordinates: [
            [-7.6, 33.5],
            [-7.5, 33.6],
          ],
        },
        crs: 'EPSG:4326',
      }),
    ).rejects.toMatchObject({ code: 'geo.parcel_invalid' });
  });
});
