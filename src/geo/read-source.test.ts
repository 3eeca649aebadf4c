import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toWgs84 } from './crs.ts';
import { readSource, type SourceLayer } from './read-source.ts';
import type { Polygon, Position } from './types.ts';

const FIXTURES = new URL('../../test/fixtures/geo/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

type ControlPoints = {
  fixtures: Record<
    string,
    { crs: string; declaredCrs: string | null; points: { source: Position; wgs84: Position }[] }
  >;
};
const CONTROL = JSON.parse(readFileSync(new URL('control-points.json', FIXTURES), 'utf8')) as ControlPoints;

async function readOk(bytes: Uint8Array, options: Parameters<typeof readSource>[1] = {}) {
  const r = await readSource(bytes, options);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r;
}

function allPositions(layer: SourceLayer): Position[] {
  const out: Position[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v) && typeof v[0] === 'number') out.push(v as Position);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  for (const f of layer.features) if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
  return out;
}

describe('readSource: zipped shapefiles', () => {
  it('reads two layers from a folder inside the zip, CRS from the .prj', async () => {
    const r = await readOk(fixture('zones-26191.zip'));
    expect(r.format).toBe('shapefile-zip');
    expect(r.layers.map((l) => l.name)).toEqual(['voirie', 'zones']);
    const zones = r.layers.find((l) => l.name === 'zones') as SourceLayer;
    expect(zones.path).toBe('pa-hay-hassani/zones.shp');
    expect(zones.crs).toBe('EPSG:26191');
    expect(zones.crsSource).toBe('prj');
    expect(zones.encoding).toBe('utf-8');
    expect(zones.encodingSource).toBe('cpg');
    expect(zones.prj).toMatch(/Nord_Maroc/);
    expect(zones.features).toHaveLength(4);
    expect(zones.geometryTypes.sort()).toEqual(['MultiPolygon', 'Polygon']);
    const d1 = zones.features[1];
    expect(d1?.properties).toMatchObject({
      ZONE: 'D1',
      LIBELLE: 'Zone villas isolées',
      LIBELLE_AR: 'منطقة الفيلات',
    });
    expect(d1?.properties.HAUTEUR).toBe(8.5);
    // The hole survives.
    expect((d1?.geometry as Polygon | undefined)?.coordinates).toHaveLength(2);
    expect(zones.warnings).toEqual([]);
    const voirie = r.layers.find((l) => l.name === 'voirie') as SourceLayer;
    expect(voirie.geometryTypes).toEqual(['LineString']);
    expect(voirie.features[0]?.properties.LARGEUR).toBe(30);
  });

  it('keeps coordinates in the source CRS, matching gdaltransform after reprojection (< 1 mm)', async () => {
    for (const name of [
      'zones-26191.zip',
      'zones-26192.zip',
      'reservations-cp1256.zip',
      'bowtie-26191.zip',
    ]) {
      const control = CONTROL.fixtures[name];
      if (!control) throw new Error(name);
      const r = await readOk(fixture(name));
      const positions = r.layers.flatMap(allPositions);
      for (const cp of control.points) {
        const found = positions.find((p) => p[0] === cp.source[0] && p[1] === cp.source[1]);
        expect(found, `${name} ${cp.source}`).toBeDefined();
        const layerCrs = r.layers[0]?.crs;
        expect(layerCrs).toBe(control.crs);
        const [lon, lat] = toWgs84(control.crs as 'EPSG:26191', found as Position) as [number, number];
        // 1e-8° is ~1 mm.
        expect(Math.abs(lon - (cp.wgs84[0] as number))).toBeLessThan(1e-8);
        expect(Math.abs(lat - (cp.wgs84[1] as number))).toBeLessThan(1e-8);
      }
    }
  });

  it('reads Sud Maroc with other column names', async () => {
    const r = await readOk(fixture('zones-26192.zip'));
    const layer = r.layers[0] as SourceLayer;
    expect(layer.crs).toBe('EPSG:26192');
    expect(layer.features.map((f) => f.properties.ZONAGE)).toEqual(['HM', 'B2', 'RA']);
    expect(layer.features[0]?.properties.NB_NIV).toBe(2);
  });

  it('returns geo.crs_unknown, not an exception, when there is no .prj and no stated CRS', async () => {
    const r = await readSource(fixture('zones-noprj.zip'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('geo.crs_unknown');
    expect(r.error.details).toMatchObject({ layer: 'zones_temara', prj: null });
    expect(r.error.message).toMatch(/coordinate system/i);
  });

  it('uses a stated CRS when the .prj is missing', async () => {
    const r = await readOk(fixture('zones-noprj.zip'), { crs: 'EPSG:26191' });
    expect(r.layers[0]?.crs).toBe('EPSG:26191');
    expect(r.layers[0]?.crsSource).toBe('explicit');
    expect(r.layers[0]?.features[0]?.properties).toMatchObject({ CODE_ZONE: 'E2', HMAX: '11,50 m' });
  });

  it('lets a stated CRS win over the .prj, with a warning', async () => {
    const r = await readOk(fixture('zones-26192.zip'), { crs: '26191' });
    const layer = r.layers[0] as SourceLayer;
    expect(layer.crs).toBe('EPSG:26191');
    expect(layer.warnings.map((w) => w.code)).toEqual(['geo.crs_prj_mismatch']);
    expect(layer.warnings[0]?.details).toMatchObject({ prj: 'EPSG:26192', stated: 'EPSG:26191' });
    // (Taroudant's Sud Maroc metres read as Nord Maroc land in the Atlantic off Safi, still inside
    // the zone's bounding box: bounding boxes cannot catch that mistake.)
  });

  it('rejects a stated CRS it does not know', async () => {
    const r = await readSource(fixture('zones-26191.zip'), { crs: 'EPSG:2154' });
    expect(!r.ok && r.error.code).toBe('geo.crs_unknown');
  });

  it('decodes Windows-1256 Arabic attributes declared by a .cpg', async () => {
    const r = await readOk(fixture('reservations-cp1256.zip'));
    const layer = r.layers[0] as SourceLayer;
    expect(layer.encoding).toBe('windows-1256');
    expect(layer.encodingSource).toBe('cpg');
    expect(layer.features.map((f) => f.properties.NOM_AR)).toEqual([
      'مدرسة ابتدائية',
      'مسجد الحي',
      'مركز صحي حضري «ة ى ء لا»',
      'حديقة عمومية',
    ]);
    expect(layer.features[2]?.properties.TYPE).toBe('مستوصف');
    expect(layer.features[0]?.properties.LIB).toBe('école primaire à créer');
  });

  it('decodes Windows-1256 from the DBF language driver id when there is no .cpg', async () => {
    const r = await readOk(fixture('reservations-cp1256-ldid.zip'));
    const layer = r.layers[0] as SourceLayer;
    expect(layer.encoding).toBe('windows-1256');
    expect(layer.encodingSource).toBe('ldid');
    expect(layer.features[1]?.properties.NOM_AR).toBe('مسجد الحي');
  });

  it('guesses Windows-1256 for undeclared Arabic bytes, and says so', async () => {
    const r = await readOk(withoutCpgAndLdid(fixture('reservations-cp1256.zip')));
    const layer = r.layers[0] as SourceLayer;
    expect(layer.encoding).toBe('windows-1256');
    expect(layer.encodingSource).toBe('guessed');
    expect(layer.warnings.map((w) => w.code)).toContain('geo.encoding_guessed');
    expect(layer.features[3]?.properties.NOM_AR).toBe('حديقة عمومية');
  });

  it('uses the caller encoding when nothing is declared', async () => {
    const r = await readOk(withoutCpgAndLdid(fixture('reservations-cp1256.zip')), { encoding: '1256' });
    expect(r.layers[0]?.encoding).toBe('windows-1256');
    expect(r.layers[0]?.encodingSource).toBe('explicit');
  });

  it('reads the bow-tie as it is (validation is a later step)', async () => {
    const r = await readOk(fixture('bowtie-26191.zip'));
    expect(r.layers[0]?.features).toHaveLength(3);
  });

  it('reports progress while reading', async () => {
    const calls: [number, number][] = [];
    await readOk(fixture('zones-26191.zip'), { onProgress: (d, t) => calls.push([d, t]), progressEvery: 2 });
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.at(-1)).toEqual([6, 6]);
    for (let i = 1; i < calls.length; i++)
      expect(calls[i]?.[0]).toBeGreaterThanOrEqual(calls[i - 1]?.[0] as number);
  });

  it('says geo.no_layer for a zip without a shapefile', async () => {
    const r = await readSource(zipSync({ 'readme.txt': new TextEncoder().encode('hello') }));
    expect(!r.ok && r.error.code).toBe('geo.no_layer');
  });

  it('says geo.format_unsupported for anything else', async () => {
    const r = await readSource(new TextEncoder().encode('%PDF-1.7'), { fileName: 'plan.pdf' });
    expect(!r.ok && r.error.code).toBe('geo.format_unsupported');
  });
});

describe('readSource: limits', () => {
  it('refuses an input over the size limit', async () => {
    const r = await readSource(fixture('zones-26191.zip'), { limits: { maxInputBytes: 1000 } });
    expect(!r.ok && r.error.code).toBe('geo.file_too_large');
  });

  it('refuses a zip bomb before inflating it', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bomb = zipSync({ 'a.shp': zeros, 'a.dbf': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(40_000);
    const r = await readSource(bomb);
    expect(!r.ok && r.error.code).toBe('geo.zip_bomb');
  });

  it('refuses an archive whose declared sizes exceed the budget', async () => {
    const r = await readSource(fixture('zones-26191.zip'), { limits: { maxUncompressedBytes: 2000 } });
    expect(!r.ok && r.error.code).toBe('geo.file_too_large');
  });

  it('refuses too many entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.txt`] = new Uint8Array(1);
    const r = await readSource(zipSync(files), { limits: { maxEntries: 20 } });
    expect(!r.ok && r.error.code).toBe('geo.zip_too_many_entries');
  });

  it('says geo.zip_invalid for a truncated zip', async () => {
    const bytes = fixture('zones-26191.zip');
    const r = await readSource(bytes.subarray(0, 600));
    expect(!r.ok && r.error.code).toBe('geo.zip_invalid');
  });
});

describe('readSource: GeoJSON', () => {
  const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  const square = (x: number, y: number, d: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });

  it('defaults to WGS 84 (RFC 7946)', async () => {
    const r = await readOk(
      enc({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', id: 7, properties: { a: 1 }, geometry: square(-7.6, 33.6, 0.001) }],
      }),
      { fileName: 'zones.geojson' },
    );
    const layer = r.layers[0] as SourceLayer;
    expect(r.format).toBe('geojson');
    expect(layer.name).toBe('zones');
    expect(layer.crs).toBe('EPSG:4326');
    expect(layer.crsSource).toBe('geojson-default');
    expect(layer.features[0]?.id).toBe(7);
    expect(layer.warnings).toEqual([]);
  });

  it('honours a legacy crs member naming a Lambert zone', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('src/zones-26191.geojson', FIXTURES)));
    const r = await readOk(bytes);
    const layer = r.layers[0] as SourceLayer;
    expect(layer.crs).toBe('EPSG:26191');
    expect(layer.crsSource).toBe('geojson-crs');
    expect(layer.features).toHaveLength(4);
    expect(layer.features[0]?.properties.LIBELLE_AR).toBe('منطقة العمارات');
  });

  it('accepts the {type: EPSG, properties: {code}} form', async () => {
    const r = await readOk(
      enc({
        type: 'FeatureCollection',
        crs: { type: 'EPSG', properties: { code: 26192 } },
        features: [{ type: 'Feature', properties: {}, geometry: square(166000, 390500, 50) }],
      }),
    );
    expect(r.layers[0]?.crs).toBe('EPSG:26192');
  });

  it('warns when default-WGS 84 coordinates look like Lambert metres', async () => {
    const r = await readOk(enc({ type: 'Feature', properties: {}, geometry: square(297000, 330000, 50) }));
    const w = r.layers[0]?.warnings.find((x) => x.code === 'geo.crs_suspect');
    expect(w?.details?.suggestions).toContain('EPSG:26191');
  });

  it('rejects a crs member it does not know and malformed geometry', async () => {
    const unknown = await readSource(
      enc({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:2154' } },
        features: [],
      }),
    );
    expect(!unknown.ok && unknown.error.code).toBe('geo.crs_unknown');
    const bad = await readSource(
      enc({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[1, 2]] } }],
      }),
    );
    expect(!bad.ok && bad.error.code).toBe('geo.geojson_invalid');
    const notJson = await readSource(new TextEncoder().encode('{"type": '));
    expect(!notJson.ok && notJson.error.code).toBe('geo.geojson_invalid');
  });

  it('keeps null geometries', async () => {
    const r = await readOk(
      enc({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] }),
    );
    expect(r.layers[0]?.features[0]?.geometry).toBeNull();
  });
});

/** Rebuilds a fixture zip without its .cpg and with the DBF language driver id zeroed. */
function withoutCpgAndLdid(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('.cpg')) continue;
    const copy = data.slice();
    if (name.endsWith('.dbf')) copy[29] = 0;
    out[name] = copy;
  }
  return zipSync(out);
}
