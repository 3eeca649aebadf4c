// Checks the committed demo plans (src/geo/demo-data/, made by scripts/demo-plans/generate.ts):
// they are what the generator writes today, they read back through our own pipeline without a
// problem, the zones do not overlap, and the land titles straddle the zones they say they do.

import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENCIES } from '../../scripts/demo-plans/agencies.ts';
import { generate } from '../../scripts/demo-plans/generate.ts';
import { plausibleInMorocco, toWgs84 } from './crs.ts';
import { mapLayerAttributes } from './map-attributes.ts';
import { readSource, type SourceLayer } from './read-source.ts';
import type { Polygon, Position } from './types.ts';
import { validateFeatures } from './validate-geometry.ts';

const DIR = new URL('./demo-data/', import.meta.url);
const LAYERS = ['zones', 'roads', 'reservations', 'servitudes', 'parcels'] as const;

async function layer(slug: string, name: string): Promise<SourceLayer> {
  const bytes = new Uint8Array(readFileSync(new URL(`${slug}/${name}.geojson`, DIR)));
  const r = await readSource(bytes, { fileName: `${name}.geojson` });
  if (!r.ok) throw new Error(`${slug}/${name}: ${r.error.code}`);
  return r.layers[0] as SourceLayer;
}

function inRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  const x = p[0] as number;
  const y = p[1] as number;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]?.[0] as number;
    const yi = ring[i]?.[1] as number;
    const xj = ring[j]?.[0] as number;
    const yj = ring[j]?.[1] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe.each(AGENCIES.map((a) => [a.slug, a] as const))('demo plan %s', (slug, cfg) => {
  it('is exactly what the generator writes (deterministic)', () => {
    const files = generate(cfg);
    for (const [name, content] of files) {
      expect(readFileSync(new URL(`${slug}/${name}`, DIR), 'utf8'), name).toBe(content);
    }
  });

  it('has plan metadata, modest files and the expected sizes', () => {
    const plan = JSON.parse(readFileSync(new URL(`${slug}/plan.json`, DIR), 'utf8'));
    expect(plan.synthetic).toBe(true);
    expect(plan.plan.kind).toBe('plan_amenagement');
    expect(plan.plan.status).toBe('approved');
    expect(plan.plan.approval.referenceFr).toMatch(/^Décret n° 2-\d\d-xxx du .+ \(fictif\)$/);
    expect(plan.plan.approval.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(plan.plan.communes.length).toBeGreaterThan(0);
    expect(plan.crs).toBe(cfg.crs);
    let bytes = 0;
    for (const name of [...LAYERS, 'plan']) {
      bytes += statSync(new URL(`${slug}/${name}.${name === 'plan' ? 'json' : 'geojson'}`, DIR)).size;
    }
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
    expect(plan.layers.zones.count).toBeGreaterThanOrEqual(300);
    expect(plan.layers.reservations.count).toBeGreaterThanOrEqual(20);
    expect(plan.layers.reservations.count).toBeLessThanOrEqual(40);
    expect(plan.layers.servitudes.count).toBeGreaterThanOrEqual(2);
    for (const code of Object.keys(plan.zoneRules)) {
      const r = plan.zoneRules[code];
      expect(r.articleFr.length, code).toBeGreaterThan(50);
      expect(r.articleAr, code).toMatch(/[\u0600-\u06FF]/);
      expect(r.allowedUses.length, code).toBeGreaterThan(0);
    }
  });

  it('reads back in its Lambert zone, valid and inside Morocco', async () => {
    for (const name of LAYERS) {
      const l = await layer(slug, name);
      expect(l.crs, name).toBe(cfg.crs);
      expect(l.crsSource, name).toBe('geojson-crs');
      expect(l.warnings, name).toEqual([]);
      const v = validateFeatures(l.features, { crs: l.crs, expect: name === 'roads' ? 'line' : 'polygon' });
      expect(v.reports, name).toEqual([]);
      expect(v.layerProblems, name).toEqual([]);
    }
    const zones = await layer(slug, 'zones');
    const first = (zones.features[0]?.geometry as Polygon | undefined)?.coordinates[0]?.[0] as Position;
    expect(plausibleInMorocco(cfg.crs, first)).toBe(true);
    const [lon, lat] = toWgs84(cfg.crs, first) as [number, number];
    expect(Math.abs(lon - cfg.centre[0])).toBeLessThan(0.03);
    expect(Math.abs(lat - cfg.centre[1])).toBeLessThan(0.03);
  });

  it('maps its own attributes without issues', async () => {
    const zones = mapLayerAttributes('zones', (await layer(slug, 'zones')).features);
    expect(zones.featuresWithIssues).toBe(0);
    expect(zones.mapping).toMatchObject({
      zoneCode: 'zoneCode',
      labelFr: 'labelFr',
      labelAr: 'labelAr',
      maxHeightM: 'maxHeightM',
      maxFloors: 'floors',
      cos: 'cos',
      ces: 'ces',
    });
    const b = zones.features.find((f) => f.attributes.zoneCode === cfg.stripCode);
    expect(b?.attributes.maxFloorsAboveGround).toBe(Number(cfg.stripCode.slice(1)));
    const res = mapLayerAttributes('reservations', (await layer(slug, 'reservations')).features);
    expect(res.featuresWithIssues).toBe(0);
    expect(new Set(res.features.map((f) => f.attributes.equipmentKind))).toEqual(
      new Set(['school', 'health', 'mosque', 'green_space', 'administration', 'sport', 'market']),
    );
    const roads = mapLayerAttributes('roads', (await layer(slug, 'roads')).features);
    expect(roads.featuresWithIssues).toBe(0);
    expect(roads.features.every((f) => (f.attributes.plannedWidthM ?? 0) >= 10)).toBe(true);
    const servitudes = (await layer(slug, 'servitudes')).features;
    const serv = mapLayerAttributes('servitudes', servitudes);
    expect(serv.featuresWithIssues).toBe(0);
    expect(serv.features.map((f) => f.attributes.servitudeKind)).toEqual(
      servitudes.map((f) => f.properties.servitudeKind),
    );
    expect(serv.features.map((f) => f.attributes.servitudeKind)).toContain('high_voltage');
  });

  it('has zones that do not overlap (25 m sample grid)', async () => {
    const polys = (await layer(slug, 'zones')).features.map((f) => {
      const ring = (f.geometry as Polygon).coordinates[0] as Position[];
      const xs = ring.map((p) => p[0] as number);
      const ys = ring.map((p) => p[1] as number);
      return { ring, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const };
    });
    const minX = Math.min(...polys.map((p) => p.box[0]));
    const minY = Math.min(...polys.map((p) => p.box[1]));
    const maxX = Math.max(...polys.map((p) => p.box[2]));
    const maxY = Math.max(...polys.map((p) => p.box[3]));
    let covered = 0;
    let doubly = 0;
    for (let x = minX + 0.37; x < maxX; x += 25) {
      for (let y = minY + 0.61; y < maxY; y += 25) {
        let n = 0;
        for (const p of polys) {
          if (x < p.box[0] || x > p.box[2] || y < p.box[1] || y > p.box[3]) continue;
          if (inRing([x, y], p.ring)) n++;
        }
        if (n > 0) covered++;
        if (n > 1) doubly++;
      }
    }
    expect(covered).toBeGreaterThan(1000);
    expect(doubly).toBe(0);
  });

  it('has land titles that straddle the zones they list', async () => {
    const parcels = (await layer(slug, 'parcels')).features;
    expect(parcels.length).toBeGreaterThanOrEqual(5);
    const zoneIds = new Set((await layer(slug, 'zones')).features.map((f) => f.properties.zoneId));
    const counts = parcels.map((p) => (p.properties.expectedZones as unknown[]).length);
    expect(counts).toContain(1);
    expect(counts).toContain(2);
    expect(counts).toContain(3);
    for (const p of parcels) {
      const props = p.properties;
      expect(props.titleNumber).toMatch(/^\d{3,6}\/[0-9A-Z]{1,2}$/);
      expect(props.titleRef).toMatch(/^(TF|Réq\.) n° \d+\/\w+$/);
      const zones = props.expectedZones as { zoneId: string; areaM2: number }[];
      for (const z of zones) expect(zoneIds.has(z.zoneId)).toBe(true);
      const inZones = zones.reduce((s, z) => s + z.areaM2, 0);
      // The lot is covered by its zones plus the planned road it reaches into.
      expect(inZones + (props.expectedRoadRightOfWayM2 as number)).toBeCloseTo(props.areaM2 as number, 1);
    }
    expect(parcels.some((p) => p.properties.titleKind === 'requisition')).toBe(true);
    expect(parcels.some((p) => (p.properties.expectedServitudes as unknown[]).length > 0)).toBe(true);
  });
});
