import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CRS_CODES,
  type CrsCode,
  detectCrsFromPrj,
  fromWgs84,
  guessAxisSwap,
  lambertZoneFor,
  parseCrsCode,
  plausibleInMorocco,
  reprojectGeometry,
  suggestCrs,
  toWgs84,
  transformPosition,
} from './crs.ts';
import type { Polygon } from './types.ts';

const PRJ_DIR = new URL('../../test/fixtures/geo/prj/', import.meta.url);

// Reference numbers printed by `gdaltransform -s_srs A -t_srs B -output_xy` (GDAL 3.6.2, PROJ 9).
// 1e-9 degree is about 0.1 mm; 1e-4 m is 0.1 mm.
const DEG = 1e-9;
const M = 1e-4;

type Case = { from: CrsCode; to: CrsCode; input: [number, number]; expected: [number, number]; tol: number };

const GDAL_CASES: Case[] = [
  // Casablanca (the stack-facts reference point).
  {
    from: 'EPSG:26191',
    to: 'EPSG:4326',
    input: [297000, 330000],
    expected: [-7.58518828068317, 33.5488086537476],
    tol: DEG,
  },
  {
    from: 'EPSG:26191',
    to: 'EPSG:4326',
    input: [375000, 380000],
    expected: [-6.75204599112232, 34.0115989078553],
    tol: DEG,
  },
  {
    from: 'EPSG:26191',
    to: 'EPSG:4326',
    input: [470000, 520000],
    expected: [-5.72805331737497, 35.2805655372027],
    tol: DEG,
  },
  {
    from: 'EPSG:26191',
    to: 'EPSG:4326',
    input: [700000, 400000],
    expected: [-3.22823841534502, 34.1804627691813],
    tol: DEG,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:26191',
    input: [-7.6, 33.6],
    expected: [295744.86849327, 335703.480929161],
    tol: M,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:26191',
    input: [-6.91, 33.925],
    expected: [360276.106863549, 370598.178168102],
    tol: M,
  },
  // Sud Maroc: Taroudant, Agadir.
  {
    from: 'EPSG:26192',
    to: 'EPSG:4326',
    input: [150000, 380000],
    expected: [-9.04121076146414, 30.3698055644911],
    tol: DEG,
  },
  {
    from: 'EPSG:26192',
    to: 'EPSG:4326',
    input: [120000, 350000],
    expected: [-9.34257316432848, 30.0903655177817],
    tol: DEG,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:26192',
    input: [-8.877, 30.47],
    expected: [166106.50006728, 390613.614674484],
    tol: M,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:26192',
    input: [-9.6, 30.42],
    expected: [96534.9443775171, 387379.318285368],
    tol: M,
  },
  // Sahara zones (no datum shift in GDAL there either).
  {
    from: 'EPSG:4326',
    to: 'EPSG:26194',
    input: [-13.2, 27.15],
    expected: [427448.557791058, 539434.020041669],
    tol: M,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:26194',
    input: [-12.0, 26.0],
    expected: [539739.764315398, 405659.743496949],
    tol: M,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:26195',
    input: [-15.93, 23.7],
    expected: [427118.407899528, 570588.180275568],
    tol: M,
  },
  // Merchich degrees → WGS 84 (Merchich to WGS 84 (1)).
  {
    from: 'EPSG:4261',
    to: 'EPSG:4326',
    input: [-7.6, 33.6],
    expected: [-7.59839669133419, 33.5973948429241],
    tol: DEG,
  },
  // UTM and web mercator.
  {
    from: 'EPSG:4326',
    to: 'EPSG:32629',
    input: [-7.6, 33.6],
    expected: [629894.854389195, 3718684.5307636],
    tol: M,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:32628',
    input: [-13.2, 27.15],
    expected: [678367.015668342, 3004328.08825327],
    tol: M,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:32630',
    input: [-2.93, 35.17],
    expected: [506374.377291791, 3891897.92581919],
    tol: M,
  },
  {
    from: 'EPSG:4326',
    to: 'EPSG:3857',
    input: [-7.6, 33.6],
    expected: [-846028.130028879, 3975217.42926081],
    tol: M,
  },
  {
    from: 'EPSG:26191',
    to: 'EPSG:4261',
    input: [297000, 330000],
    expected: [-7.58679066295783, 33.5514116427869],
    tol: DEG,
  },
  {
    from: 'EPSG:26192',
    to: 'EPSG:32629',
    input: [166106.5, 390613.6],
    expected: [511806.769114575, 3370873.44086308],
    tol: M,
  },
  // Lambert to Lambert.
  {
    from: 'EPSG:26191',
    to: 'EPSG:26192',
    input: [297000, 330000],
    expected: [296537.971721139, 729109.286190436],
    tol: M,
  },
];

describe('transforms agree with gdaltransform', () => {
  it.each(GDAL_CASES)('$from → $to $input', ({ from, to, input, expected, tol }) => {
    const [x, y] = transformPosition(from, to, input);
    expect(Math.abs((x as number) - expected[0])).toBeLessThan(tol);
    expect(Math.abs((y as number) - expected[1])).toBeLessThan(tol);
  });

  it('toWgs84 then fromWgs84 lands where GDAL does (the Helmert drops the height: ~2 mm off)', () => {
    const ll = toWgs84('EPSG:26191', [297000, 330000]);
    expect(ll[0]).toBeCloseTo(-7.585188, 6);
    expect(ll[1]).toBeCloseTo(33.548809, 6);
    const back = fromWgs84('EPSG:26191', ll);
    // gdaltransform of (-7.58518828068317, 33.5488086537476) from EPSG:4326 to EPSG:26191.
    expect(Math.abs((back[0] as number) - 296999.999079091)).toBeLessThan(M);
    expect(Math.abs((back[1] as number) - 330000.001891548)).toBeLessThan(M);
    expect(Math.hypot((back[0] as number) - 297000, (back[1] as number) - 330000)).toBeLessThan(0.005);
  });

  it('keeps a z ordinate unchanged', () => {
    expect(toWgs84('EPSG:26191', [297000, 330000, 42])[2]).toBe(42);
  });
});

describe('reprojectGeometry', () => {
  it('transforms every ring without touching the input', () => {
    const poly: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [297000, 330000],
          [297100, 330000],
          [297100, 330100],
          [297000, 330000],
        ],
      ],
    };
    const out = reprojectGeometry(poly, 'EPSG:26191', 'EPSG:4326');
    expect(poly.coordinates[0]?.[0]).toEqual([297000, 330000]);
    expect(out.type).toBe('Polygon');
    expect(out.coordinates[0]).toHaveLength(4);
    expect(out.coordinates[0]?.[0]?.[0]).toBeCloseTo(-7.58518828068317, 9);
    expect(out.coordinates[0]?.[0]).toEqual(out.coordinates[0]?.[3]);
  });

  it('handles collections and multi geometries', () => {
    const out = reprojectGeometry(
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [297000, 330000] },
          {
            type: 'MultiLineString',
            coordinates: [
              [
                [297000, 330000],
                [297000, 331000],
              ],
            ],
          },
        ],
      },
      'EPSG:26191',
      'EPSG:4326',
    );
    expect(out.type).toBe('GeometryCollection');
    if (out.type !== 'GeometryCollection') return;
    const point = out.geometries[0];
    expect(point?.type === 'Point' && point.coordinates[1]).toBeCloseTo(33.5488086537476, 9);
  });
});

describe('parseCrsCode', () => {
  it.each([
    ['EPSG:26191', 'EPSG:26191'],
    ['epsg:26192', 'EPSG:26192'],
    ['26191', 'EPSG:26191'],
    ['urn:ogc:def:crs:EPSG::26191', 'EPSG:26191'],
    ['urn:ogc:def:crs:EPSG:9.8.1:26192', 'EPSG:26192'],
    ['http://www.opengis.net/def/crs/EPSG/0/26194', 'EPSG:26194'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['EPSG:2154', undefined],
  ])('%s → %s', (input, expected) => {
    expect(parseCrsCode(input)).toBe(expected);
  });
});

describe('detectCrsFromPrj', () => {
  it.each(CRS_CODES.map((c) => c.slice(5)))(
    'recognises the ESRI, OGC WKT1 and WKT2 written by GDAL for %s',
    (n) => {
      for (const flavour of ['esri', 'ogc', 'wkt2']) {
        const text = readFileSync(new URL(`${flavour}-${n}.prj`, PRJ_DIR), 'utf8');
        expect(detectCrsFromPrj(text), `${flavour}-${n}`).toBe(`EPSG:${n}`);
      }
    },
  );

  const lcc = (name: string, lat: number, fe = 500000, fn = 300000) =>
    `PROJCS["${name}",GEOGCS["GCS_Merchich",DATUM["D_Merchich",SPHEROID["Clarke_1880_IGN",6378249.2,293.46602]],` +
    `PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],` +
    `PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",${fn}],PARAMETER["Central_Meridian",-5.4],` +
    `PARAMETER["Standard_Parallel_1",${lat}],PARAMETER["Scale_Factor",0.999625769],` +
    `PARAMETER["Latitude_Of_Origin",${lat}],UNIT["Meter",1.0]]`;

  it.each([
    [lcc('Merchich_Nord_Maroc', 33.3), 'EPSG:26191'],
    [lcc('Lambert_Nord_Maroc', 33.3), 'EPSG:26191'],
    [lcc('Merchich / Nord Maroc', 33.3), 'EPSG:26191'],
    [lcc('Lambert_Sud_Maroc', 29.7), 'EPSG:26192'],
    [lcc('Merchich_Sud_Maroc', 29.7), 'EPSG:26192'],
    [lcc('Sahara_Nord', 26.1, 1200000, 400000), 'EPSG:26194'],
    [lcc('Merchich / Sahara Sud', 22.5, 1500000, 400000), 'EPSG:26195'],
    [lcc('Lambert Maroc Zone 1', 33.3), 'EPSG:26191'],
    [lcc('Morocco_Lambert_Zone_II', 29.7), 'EPSG:26192'],
    // No useful name: recognised by its parameters.
    [lcc('unnamed', 33.3), 'EPSG:26191'],
    [lcc('Custom_Lambert', 29.7), 'EPSG:26192'],
    [lcc('Lambert_Conformal_Conic', 26.1, 1200000, 400000), 'EPSG:26194'],
    // A Lambert with other parameters is not one of ours.
    [lcc('unnamed', 46.8, 600000, 2200000), undefined],
    [
      'PROJCS["WGS 84 / UTM zone 29N",GEOGCS["WGS 84",DATUM["WGS_1984"]],AUTHORITY["EPSG","32629"]]',
      'EPSG:32629',
    ],
    ['PROJCS["Merchich / Nord Maroc",GEOGCS["Merchich"],AUTHORITY["EPSG","26191"]]', 'EPSG:26191'],
    [
      'GEOGCS["GCS_Merchich",DATUM["D_Merchich",SPHEROID["Clarke_1880_IGN",6378249.2,293.46602]]]',
      'EPSG:4261',
    ],
    ['GEOGCS["unknown",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]]]', 'EPSG:4326'],
    ['EPSG:26192', 'EPSG:26192'],
    ['', undefined],
    ['not a projection at all', undefined],
    ['PROJCS["RGF93 / Lambert-93",GEOGCS["RGF93"],AUTHORITY["EPSG","2154"]]', undefined],
  ])('%s → %s', (prj, expected) => {
    expect(detectCrsFromPrj(prj)).toBe(expected);
  });

  it('ignores a byte-order mark and line breaks', () => {
    const text = readFileSync(new URL('ogc-26191.prj', PRJ_DIR), 'utf8');
    expect(detectCrsFromPrj(`\uFEFF${text.replaceAll(',', ',\n  ')}`)).toBe('EPSG:26191');
  });
});

describe('plausibility and axis order', () => {
  it('accepts Casablanca in Nord Maroc and Taroudant in Sud Maroc', () => {
    expect(plausibleInMorocco('EPSG:26191', [297000, 330000])).toBe(true);
    expect(plausibleInMorocco('EPSG:26192', [166106.5, 390613.6])).toBe(true);
    expect(plausibleInMorocco('EPSG:4326', [-7.6, 33.6])).toBe(true);
    expect(plausibleInMorocco('EPSG:32629', [629894.85, 3718684.53])).toBe(true);
  });

  it('rejects WGS 84 degrees read as Lambert metres, Paris, and the wrong zone', () => {
    expect(plausibleInMorocco('EPSG:26191', [-7.6, 33.6])).toBe(false);
    expect(plausibleInMorocco('EPSG:4326', [2.35, 48.85])).toBe(false);
    // Taroudant (30.47°N) is a degree south of Nord Maroc's area.
    const taroudantIn26191 = fromWgs84('EPSG:26191', [-8.877, 30.47]);
    expect(plausibleInMorocco('EPSG:26191', taroudantIn26191)).toBe(false);
    expect(plausibleInMorocco('EPSG:26191', [Number.NaN, 1])).toBe(false);
  });

  it('guesses swapped axes', () => {
    expect(
      guessAxisSwap('EPSG:4326', [
        [33.6, -7.6],
        [33.61, -7.61],
      ]),
    ).toBe('swapped');
    expect(guessAxisSwap('EPSG:4326', [[-7.6, 33.6]])).toBe('as_is');
    // Lambert x and y ranges overlap: Casablanca swapped is still in Morocco.
    expect(guessAxisSwap('EPSG:26191', [[297000, 330000]])).toBe('ambiguous');
    expect(guessAxisSwap('EPSG:26192', [[390613.6, 166106.5]])).toBe('ambiguous');
    // UTM northings and eastings differ by an order of magnitude.
    expect(guessAxisSwap('EPSG:32629', [[3718684.53, 629894.85]])).toBe('swapped');
    expect(guessAxisSwap('EPSG:26191', [[5, 5]])).toBe('neither');
  });

  it('suggests the CRS of degree coordinates', () => {
    const s = suggestCrs([
      [-7.6, 33.6],
      [-7.59, 33.61],
    ]);
    expect(s).toContain('EPSG:4326');
    expect(s).not.toContain('EPSG:26191');
  });

  it('picks the Lambert zone of a point', () => {
    expect(lambertZoneFor([-7.6, 33.6])).toBe('EPSG:26191');
    expect(lambertZoneFor([-8.877, 30.47])).toBe('EPSG:26192');
    expect(lambertZoneFor([-13.2, 27.15])).toBe('EPSG:26194');
    expect(lambertZoneFor([-15.93, 23.7])).toBe('EPSG:26195');
    expect(lambertZoneFor([2.35, 48.85])).toBeUndefined();
  });
});
