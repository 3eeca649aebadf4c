import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../geo/crs.ts';
import { detectSystem, parseVertexText, readVerticesFile, type XY } from './coordinates.ts';
import { checkParcel, parcelFromDrawing, parcelFromFile, parcelFromText, planarArea } from './parcel.ts';

// Demo land title 31457/C (Casablanca), Lambert Nord Maroc metres.
const CASA: XY[] = [
  [289219.62, 331618.45],
  [289244.21, 331633.82],
  [289232.02, 331653.32],
  [289207.43, 331637.95],
];
// Demo land title 12740/48 (Taroudant), Lambert Sud Maroc metres.
const TAROUDANT: XY[] = [
  [169385.56, 390421.84],
  [169414.48, 390423.86],
  [169412.88, 390446.81],
  [169383.95, 390444.79],
];
const lines = (points: XY[], sep = ' ') => points.map((p) => p.join(sep)).join('\n');
const NAMES = {
  AUC: { nameFr: 'Agence urbaine de Casablanca', nameAr: 'الوكالة الحضرية للدار البيضاء' },
  AUST: { nameFr: 'Agence urbaine de Skhirate-Témara', nameAr: 'الوكالة الحضرية للصخيرات-تمارة' },
  AUTAR: { nameFr: 'Agence urbaine de Taroudant', nameAr: 'الوكالة الحضرية لتارودانت' },
};
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('parseVertexText', () => {
  it('reads one vertex per line with any usual separator', () => {
    for (const sep of [' ', '\t', ';', ',', ', ', ' ; ']) {
      const read = parseVertexText(lines(CASA, sep));
      expect(read, JSON.stringify(sep)).toEqual({ ok: true, points: CASA });
    }
  });

  it('reads decimal commas, labels, a header, a closing vertex and Arabic digits', () => {
    const text = [
      'Borne;X;Y',
      'B1;289219,62;331618,45',
      'B2;289244,21;331633,82',
      'B3 289232.02 331653.32',
      'B4: ٢٨٩٢٠٧.٤٣ 331637.95',
      'B1;289219,62;331618,45',
    ].join('\r\n');
    expect(parseVertexText(text)).toEqual({ ok: true, points: CASA });
  });

  it('reads pairs separated by semicolons on one line', () => {
    expect(parseVertexText(CASA.map((p) => p.join(' ')).join('; '))).toEqual({ ok: true, points: CASA });
  });

  it('reads a pasted GeoJSON polygon and its declared CRS', () => {
    const geojson = {
      type: 'Feature',
      properties: {},
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::26191' } },
      geometry: { type: 'Polygon', coordinates: [[...CASA, CASA[0]]] },
    };
    expect(parseVertexText(JSON.stringify(geojson))).toEqual({
      ok: true,
      points: CASA,
      declared: 'EPSG:26191',
    });
  });

  it('says which line it cannot read', () => {
    expect(parseVertexText('289219.62 331618.45\n289244.21\n289232.02 331653.32')).toEqual({
      ok: false,
      error: 'unreadable',
      line: 2,
    });
    expect(parseVertexText('')).toMatchObject({ error: 'empty' });
    expect(parseVertexText('1 2\n3 4')).toMatchObject({ error: 'too_few_vertices' });
    expect(parseVertexText(Array.from({ length: 501 }, (_, i) => `${i} ${i}`).join('\n'))).toMatchObject({
      error: 'too_many_vertices',
    });
  });
});

describe('readVerticesFile', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('reads CSV and GeoJSON files', () => {
    expect(readVerticesFile(bytes(`x,y\n${lines(CASA, ',')}\n`))).toEqual({ ok: true, points: CASA });
    expect(readVerticesFile(bytes(`\uFEFF${lines(CASA, ';')}`))).toEqual({ ok: true, points: CASA });
  });
  it('refuses binary, oversized and multi-polygon files', () => {
    expect(readVerticesFile(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).toMatchObject({
      error: 'file_type',
    });
    expect(readVerticesFile(new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ error: 'file_type' });
    expect(readVerticesFile(new Uint8Array(70 * 1024).fill(0x31))).toMatchObject({ error: 'file_too_large' });
    const two = {
      type: 'FeatureCollection',
      features: [1, 2].map(() => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [[...CASA, CASA[0]]] },
      })),
    };
    expect(readVerticesFile(bytes(JSON.stringify(two)))).toMatchObject({ error: 'file_geometry' });
    const line = { type: 'LineString', coordinates: CASA };
    expect(readVerticesFile(bytes(JSON.stringify(line)))).toMatchObject({ error: 'file_geometry' });
  });
});

describe('detectSystem', () => {
  const degrees = CASA.map((p) => toWgs84('EPSG:26191', p) as XY);

  it('detects Lambert Nord in Casablanca and Lambert Sud in Taroudant (same numbers, different zones)', () => {
    expect(detectSystem(CASA, 'auto', 'AUC')).toMatchObject({
      ok: true,
      detected: { crs: 'EPSG:26191', swapped: false },
    });
    expect(detectSystem(TAROUDANT, 'auto', 'AUTAR')).toMatchObject({
      ok: true,
      detected: { crs: 'EPSG:26192', swapped: false },
    });
    expect(detectSystem(CASA, 'lambert', 'AUC')).toMatchObject({ ok: true, detected: { crs: 'EPSG:26191' } });
  });

  it('detects WGS 84 degrees in either order', () => {
    expect(detectSystem(degrees, 'auto', 'AUC')).toMatchObject({
      ok: true,
      detected: { crs: 'EPSG:4326', swapped: false },
    });
    const latFirst = degrees.map(([lon, lat]) => [lat, lon] as XY);
    const found = detectSystem(latFirst, 'wgs84', 'AUC');
    expect(found).toMatchObject({ ok: true, detected: { crs: 'EPSG:4326', swapped: true } });
    if (found.ok) expect(found.detected.points).toEqual(degrees);
  });

  it('detects northing-first Lambert', () => {
    const swapped = CASA.map(([x, y]) => [y, x] as XY);
    expect(detectSystem(swapped, 'auto', 'AUC')).toMatchObject({
      ok: true,
      detected: { crs: 'EPSG:26191', swapped: true, points: CASA },
    });
  });

  it('refuses WGS 84 given as Lambert, and Lambert given as WGS 84', () => {
    expect(detectSystem(degrees, 'lambert', 'AUC')).toEqual({ ok: false, error: 'wgs84_as_lambert' });
    expect(detectSystem(degrees, 'auto', 'AUC', 'EPSG:26191')).toEqual({
      ok: false,
      error: 'wgs84_as_lambert',
    });
    expect(detectSystem(CASA, 'wgs84', 'AUC')).toEqual({ ok: false, error: 'lambert_as_wgs84' });
  });

  it('refuses mixed units, degrees outside Morocco and metres that are no Lambert zone', () => {
    expect(detectSystem([CASA[0]!, degrees[1]!, CASA[2]!], 'auto', 'AUC')).toEqual({
      ok: false,
      error: 'mixed_units',
    });
    expect(
      detectSystem(
        [
          [2.35, 48.85],
          [2.36, 48.85],
          [2.36, 48.86],
        ],
        'auto',
        'AUC',
      ),
    ).toEqual({ ok: false, error: 'outside_morocco' });
    expect(
      detectSystem(
        [
          [9_000_000, 9_000_000],
          [9_000_010, 9_000_000],
          [9_000_010, 9_000_010],
        ],
        'auto',
        'AUC',
      ),
    ).toEqual({ ok: false, error: 'not_lambert' });
  });
});

describe('checkParcel', () => {
  const check = (geometry: ReturnType<typeof parcelFromText>, agencyCode = 'AUC') =>
    checkParcel({ source: 'coordinates', ...geometry, agencyCode, agencyNames: NAMES });

  it('accepts the demo title as Lambert text, as a file and as drawn degrees, with the same area', () => {
    const fromText = check(parcelFromText(lines(CASA), 'auto', 'AUC'));
    expect(fromText.inputCrs).toBe('EPSG:26191');
    expect(fromText.areaM2).toBeCloseTo(667, 0);
    const fromFile = check(parcelFromFile(new TextEncoder().encode(lines(CASA, ';')), 'lambert', 'AUC'));
    expect(fromFile.areaM2).toBeCloseTo(fromText.areaM2, 2);
    const drawn = check(parcelFromDrawing(CASA.map((p) => toWgs84('EPSG:26191', p))));
    expect(drawn.inputCrs).toBe('EPSG:4326');
    expect(Math.abs(drawn.areaM2 - fromText.areaM2)).toBeLessThan(0.01);
  });

  it('refuses a self-intersecting polygon and says where it crosses', () => {
    const bowtie: XY[] = [CASA[0]!, CASA[2]!, CASA[1]!, CASA[3]!];
    const error = (() => {
      try {
        check(parcelFromText(lines(bowtie), 'auto', 'AUC'));
      } catch (e) {
        return e as { code: string; params: { x: number; y: number } };
      }
    })();
    expect(error?.code).toBe('enote.parcel_self_intersecting');
    expect(error?.params.x).toBeGreaterThan(289207);
    expect(error?.params.x).toBeLessThan(289245);
  });

  it('refuses a parcel of 0 m² and one of 50 km²', () => {
    const flat: XY[] = [
      [289219.62, 331618.45],
      [289230, 331618.45],
      [289240, 331618.45],
    ];
    expect(codeOf(() => check(parcelFromText(lines(flat), 'auto', 'AUC')))).toBe('enote.parcel_too_small');
    const [x, y] = CASA[0]!;
    const huge: XY[] = [
      [x, y],
      [x + 5000, y],
      [x + 5000, y + 10_000],
      [x, y + 10_000],
    ];
    expect(planarArea({ type: 'Polygon', coordinates: [[...huge, huge[0]!]] })).toBe(50_000_000);
    expect(codeOf(() => check(parcelFromText(lines(huge), 'auto', 'AUC')))).toBe('enote.parcel_too_large');
  });

  it('refuses a parcel outside the agency and one across two agencies', () => {
    expect(codeOf(() => check(parcelFromText(lines(CASA), 'auto', 'AUC'), 'AUST'))).toBe(
      'enote.parcel_outside_territory',
    );
    // From Casablanca's territory (lon -7.3) into Témara's (lon -7.0), across the limit at -7.1.
    const across: XY[] = [
      [-7.3, 33.7],
      [-7.0, 33.7],
      [-7.0, 33.701],
      [-7.3, 33.701],
    ].map((p) => fromWgs84('EPSG:26191', p) as XY);
    const error = (() => {
      try {
        check(parcelFromText(lines(across), 'lambert', 'AUC'));
      } catch (e) {
        return e as { code: string; params: Record<string, string> };
      }
    })();
    expect(error?.code).toBe('enote.parcel_crosses_agencies');
    expect(error?.params.otherFr).toBe(NAMES.AUST.nameFr);
  });
});
