import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from './read-source.ts';
import type { Geometry, Position } from './types.ts';
import { findSelfIntersection, validateFeatures, validateGeometry } from './validate-geometry.ts';

const FIXTURES = new URL('../../test/fixtures/geo/', import.meta.url);
const CRS = { crs: 'EPSG:26191' } as const;

const poly = (...rings: Position[][]): Geometry => ({ type: 'Polygon', coordinates: rings });
const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const codes = (g: Geometry | null, options: Parameters<typeof validateGeometry>[1] = CRS) =>
  validateGeometry(g, options).map((p) => p.code);

describe('validateGeometry', () => {
  it('passes a valid polygon with a hole in Casablanca', () => {
    expect(codes(poly(square(297000, 330000, 100), square(297020, 330020, 10)))).toEqual([]);
  });

  it('flags a missing geometry and bad coordinates', () => {
    expect(codes(null)).toEqual(['geo.geometry_missing']);
    expect(
      codes(
        poly([
          [297000, 330000],
          [Number.NaN, 330000],
          [297100, 330100],
          [297000, 330000],
        ]),
      ),
    ).toContain('geo.coordinate_invalid');
  });

  it('flags an unclosed ring and too few points', () => {
    const open = square(297000, 330000, 100).slice(0, 4);
    expect(codes(poly(open))).toEqual(['geo.ring_not_closed']);
    expect(
      codes(
        poly([
          [297000, 330000],
          [297100, 330000],
          [297000, 330000],
        ]),
      ),
    ).toEqual(['geo.ring_too_few_points']);
    // Four positions but only two distinct ones.
    expect(
      codes(
        poly([
          [297000, 330000],
          [297100, 330000],
          [297100, 330000],
          [297000, 330000],
        ]),
      ),
    ).toEqual(['geo.ring_too_few_points']);
  });

  it('flags a bow-tie with the crossing point', () => {
    const p = validateGeometry(
      poly([
        [297000, 330000],
        [297100, 330100],
        [297100, 330000],
        [297000, 330100],
        [297000, 330000],
      ]),
      CRS,
    );
    expect(p).toEqual([
      expect.objectContaining({
        code: 'geo.ring_self_intersection',
        details: { ring: 0, at: [297050, 330050] },
      }),
    ]);
  });

  it('flags a ring touching itself and a spike', () => {
    const eight = [
      [297400, 330000],
      [297450, 330050],
      [297500, 330000],
      [297500, 330100],
      [297450, 330050],
      [297400, 330100],
      [297400, 330000],
    ];
    expect(codes(poly(eight))).toEqual(['geo.ring_self_intersection']);
    const spike = [
      [297000, 330000],
      [297100, 330000],
      [297100, 330100],
      [297100, 330200],
      [297100, 330100],
      [297000, 330100],
      [297000, 330000],
    ];
    expect(findSelfIntersection(spike)).toEqual([297100, 330100]);
  });

  it('does not mistake collinear consecutive vertices for a spike', () => {
    const straight = [
      [297000, 330000],
      [297050, 330000],
      [297100, 330000],
      [297100, 330100],
      [297000, 330100],
      [297000, 330000],
    ];
    expect(codes(poly(straight))).toEqual([]);
  });

  it('flags zero area (a sliver) and treats a flat ring as a spike', () => {
    expect(
      codes(
        poly([
          [297000, 330000],
          [297100, 330000],
          [297050, 330000.0000001],
          [297000, 330000],
        ]),
      ),
    ).toEqual(['geo.zero_area']);
    expect(
      codes(
        poly([
          [297000, 330000],
          [297050, 330000],
          [297100, 330000],
          [297000, 330000],
        ]),
      ),
    ).toEqual(['geo.ring_self_intersection']);
  });

  it('checks every part of a multipolygon', () => {
    const g: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[square(297000, 330000, 10)], [square(297100, 330000, 10).slice(0, 4)]],
    };
    expect(validateGeometry(g, CRS)).toEqual([
      expect.objectContaining({ code: 'geo.ring_not_closed', details: { part: 1, ring: 0 } }),
    ]);
  });

  it('checks lines and the expected geometry family', () => {
    expect(codes({ type: 'LineString', coordinates: [[297000, 330000]] })).toEqual([
      'geo.line_too_few_points',
    ]);
    expect(
      codes(
        {
          type: 'LineString',
          coordinates: [
            [297000, 330000],
            [297100, 330000],
          ],
        },
        { ...CRS, expect: 'polygon' },
      ),
    ).toEqual(['geo.geometry_type_unexpected']);
    expect(
      codes(
        {
          type: 'LineString',
          coordinates: [
            [297000, 330000],
            [297100, 330000],
          ],
        },
        { ...CRS, expect: ['line', 'polygon'] },
      ),
    ).toEqual([]);
  });

  it('flags coordinates outside Morocco, with a hint', () => {
    // Degrees in a Lambert layer.
    const degrees = validateGeometry(poly(square(-7.586, 33.548, 0.001)), CRS);
    expect(degrees.map((p) => p.code)).toEqual(['geo.outside_morocco', 'geo.crs_suspect']);
    expect(degrees[1]?.details?.suggestions).toEqual(expect.arrayContaining(['EPSG:4326', 'EPSG:4261']));
    // Swapped latitude/longitude in a WGS 84 layer.
    const swapped = codes(
      poly([
        [33.548, -7.586],
        [33.549, -7.586],
        [33.549, -7.585],
        [33.548, -7.586],
      ]),
      {
        crs: 'EPSG:4326',
      },
    );
    expect(swapped).toEqual(['geo.outside_morocco', 'geo.axes_swapped']);
    // Paris in WGS 84: no hint.
    expect(codes(poly(square(2.35, 48.85, 0.01)), { crs: 'EPSG:4326' })).toEqual(['geo.outside_morocco']);
    expect(codes(poly(square(2.35, 48.85, 0.01)), { crs: 'EPSG:4326', checkLocation: false })).toEqual([]);
  });
});

describe('validateFeatures on the fixtures', () => {
  async function firstLayer(zip: string) {
    const r = await readSource(new Uint8Array(readFileSync(new URL(zip, FIXTURES))));
    if (!r.ok) throw new Error(r.error.code);
    return r.layers[0] as NonNullable<(typeof r.layers)[0]>;
  }

  it('reports the bow-tie and the figure of eight, not the square', async () => {
    const layer = await firstLayer('bowtie-26191.zip');
    const v = validateFeatures(layer.features, { crs: layer.crs, expect: 'polygon', idProperty: 'ZONE' });
    expect(v.checked).toBe(3);
    expect(v.reports.map((r) => [r.index, r.featureId, r.problems.map((p) => p.code)])).toEqual([
      [0, 'B4', ['geo.ring_self_intersection']],
      [2, 'EV', ['geo.ring_self_intersection']],
    ]);
    expect(v.reports[0]?.problems[0]?.details?.at).toEqual([297050, 330050]);
    expect(v.layerProblems).toEqual([]);
  });

  it('says the WGS 84 file labelled Nord Maroc is in degrees', async () => {
    const layer = await firstLayer('wgs84-labelled-26191.zip');
    expect(layer.crs).toBe('EPSG:26191');
    const v = validateFeatures(layer.features, { crs: layer.crs });
    expect(v.reports).toHaveLength(2);
    expect(v.reports[0]?.problems.map((p) => p.code)).toEqual(['geo.outside_morocco', 'geo.crs_suspect']);
    expect(v.layerProblems).toEqual([
      expect.objectContaining({ code: 'geo.crs_suspect', details: expect.objectContaining({ features: 2 }) }),
    ]);
    expect(v.layerProblems[0]?.details?.suggestions).toContain('EPSG:4326');
    // Read as WGS 84 instead, it is clean.
    expect(validateFeatures(layer.features, { crs: 'EPSG:4326' }).reports).toEqual([]);
  });

  it('passes the clean Casablanca and Taroudant fixtures', async () => {
    for (const zip of ['zones-26191.zip', 'zones-26192.zip', 'reservations-cp1256.zip']) {
      const layer = await firstLayer(zip);
      expect(validateFeatures(layer.features, { crs: layer.crs }).reports, zip).toEqual([]);
    }
  });
});
