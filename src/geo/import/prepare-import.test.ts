import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layerKindFromName, prepareImport } from './prepare-import.ts';

const FIXTURES = new URL('../../../test/fixtures/geo/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const geojson = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc));
const codes = (issues: { code: string; severity: string }[], severity = 'error') =>
  [...new Set(issues.filter((i) => i.severity === severity).map((i) => i.code))].sort();

describe('layerKindFromName', () => {
  it('reads the usual layer names', () => {
    expect(layerKindFromName('zones')).toBe('zones');
    expect(layerKindFromName('zonage_taroudant')).toBe('zones');
    expect(layerKindFromName('voirie')).toBe('roads');
    expect(layerKindFromName('Servitudes_HT')).toBe('servitudes');
    expect(layerKindFromName('reservations')).toBe('reservations');
    expect(layerKindFromName('equipements')).toBe('reservations');
    expect(layerKindFromName('bowtie')).toBeUndefined();
  });
});

describe('prepareImport', () => {
  it('maps a two-layer zipped shapefile in Nord Maroc', async () => {
    const p = await prepareImport(fixture('zones-26191.zip'), { agencyCode: 'AUC' });
    expect(p.fileError).toBeUndefined();
    expect(p.layers.map((l) => [l.name, l.kind, l.crs, l.crsSource, l.featureCount])).toEqual([
      ['voirie', 'roads', 'EPSG:26191', 'prj', 2],
      ['zones', 'zones', 'EPSG:26191', 'prj', 4],
    ]);
    expect(codes(p.issues)).toEqual([]);
    const zones = p.layers.find((l) => l.kind === 'zones');
    expect(zones?.features[0]?.attributes).toMatchObject({
      zoneCode: 'B4',
      maxHeightM: 17.5,
      maxFloorsAboveGround: 4,
      ces: 0.6,
    });
    expect(zones?.features[0]?.extra).toEqual({ OBS: 'Façade sur avenue' });
  });

  it('refuses a shapefile without .prj unless the CRS is stated', async () => {
    const none = await prepareImport(fixture('zones-noprj.zip'), { agencyCode: 'AUST' });
    expect(none.fileError?.code).toBe('geo.crs_unknown');
    const stated = await prepareImport(fixture('zones-noprj.zip'), {
      agencyCode: 'AUST',
      crs: 'EPSG:26191',
      layer: 'zones',
    });
    expect(stated.fileError).toBeUndefined();
    expect(codes(stated.issues)).toEqual([]);
    expect(stated.layers[0]?.crsSource).toBe('explicit');
  });

  it('reports broken rings per feature', async () => {
    const p = await prepareImport(fixture('bowtie-26191.zip'), { agencyCode: 'AUC', layer: 'zones' });
    const errors = p.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.featureIndex, e.code])).toEqual([
      [0, 'geo.ring_self_intersection'],
      [2, 'geo.ring_self_intersection'],
    ]);
  });

  it('asks what a layer holds when its name does not say', async () => {
    const p = await prepareImport(fixture('bowtie-26191.zip'), { agencyCode: 'AUC' });
    expect(p.fileError?.code).toBe('geo.layer_kind_unknown');
  });

  it('flags degrees in a file labelled Lambert, and a file for the wrong agency', async () => {
    const degrees = await prepareImport(fixture('wgs84-labelled-26191.zip'), { agencyCode: 'AUC' });
    expect(codes(degrees.issues)).toContain('geo.crs_suspect');
    const elsewhere = await prepareImport(fixture('zones-26192.zip'), { agencyCode: 'AUC' });
    expect(codes(elsewhere.issues)).toEqual(['geo.outside_agency']);
    expect(
      elsewhere.issues.filter((i) => i.code === 'geo.outside_agency' && i.featureIndex !== null),
    ).toHaveLength(3);
    const right = await prepareImport(fixture('zones-26192.zip'), { agencyCode: 'AUTAR' });
    expect(codes(right.issues)).toEqual([]);
  });

  it('says the axes look swapped for latitude-first GeoJSON', async () => {
    const square = (lon: number, lat: number) => [
      [lat, lon],
      [lat, lon + 0.001],
      [lat + 0.001, lon + 0.001],
      [lat + 0.001, lon],
      [lat, lon],
    ];
    const p = await prepareImport(
      geojson({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { ZONE: 'B4' },
            geometry: { type: 'Polygon', coordinates: [square(-7.6, 33.55)] },
          },
          {
            type: 'Feature',
            properties: { ZONE: 'D1' },
            geometry: { type: 'Polygon', coordinates: [square(-7.59, 33.55)] },
          },
        ],
      }),
      { agencyCode: 'AUC', fileName: 'zones.geojson' },
    );
    expect(p.issues.find((i) => i.featureIndex === null && i.severity === 'error')?.code).toBe(
      'geo.axes_swapped',
    );
  });

  it('decodes Arabic attributes written in Windows-1256', async () => {
    const p = await prepareImport(fixture('reservations-cp1256-ldid.zip'), { agencyCode: 'AUC' });
    const layer = p.layers[0];
    expect(layer?.encoding).toBe('windows-1256');
    expect(layer?.features.map((f) => f.attributes)).toContainEqual(
      expect.objectContaining({
        labelAr: 'مدرسة ابتدائية',
        equipmentKind: 'school',
        reservationCode: 'EP 3',
      }),
    );
  });

  it('refuses zip bombs and oversized files before reading them', async () => {
    const bomb = zipSync({ 'zones.shp': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect((await prepareImport(bomb, { agencyCode: 'AUC' })).fileError?.code).toBe('geo.zip_bomb');
    const big = await prepareImport(fixture('zones-26191.zip'), {
      agencyCode: 'AUC',
      limits: { maxInputBytes: 1000 },
    });
    expect(big.fileError?.code).toBe('geo.file_too_large');
  });

  it('requires a zone code and a width for line servitudes', async () => {
    const p = await prepareImport(
      geojson({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:26191' } },
        features: [
          {
            type: 'Feature',
            properties: { TYPE: 'HT' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [297000, 330000],
                [297300, 330100],
              ],
            },
          },
        ],
      }),
      { agencyCode: 'AUC', fileName: 'servitudes.geojson' },
    );
    expect(codes(p.issues)).toEqual(['geo.width_missing']);
  });
});
