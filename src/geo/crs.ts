// Coordinate reference systems used for Moroccan planning data, with the exact proj4 definitions
// printed by `gdalsrsinfo EPSG:n -o proj4` (GDAL 3.6.2 / PROJ 9). We never trust the datum of a
// .prj file: GDAL and ArcGIS write the Merchich ESRI WKT without TOWGS84, which puts a
// .prj-driven reprojection 150–290 m off. A recognised .prj is mapped to our code, and the code to
// the definitions below.
//
// Note on the Sahara zones (26194, 26195): their EPSG area of use (Western Sahara) lies outside
// that of "Merchich to WGS 84 (1)" (Morocco onshore north of 27.66°N), so GDAL/PROJ apply no datum
// shift (ballpark) and gdalsrsinfo prints no +towgs84. We copy that, so we agree with gdaltransform
// and PostGIS; whether agencies in the south use another datum shift is unverified.
// EPSG:4261 is the one deliberate departure from gdalsrsinfo: see its entry.

import proj4 from 'proj4';
import type { Geometry, Position } from './types.ts';
import { parseWkt, type WktNode } from './wkt.ts';

export const CRS_CODES = [
  'EPSG:26191',
  'EPSG:26192',
  'EPSG:26194',
  'EPSG:26195',
  'EPSG:4261',
  'EPSG:4326',
  'EPSG:32628',
  'EPSG:32629',
  'EPSG:32630',
  'EPSG:3857',
] as const;

export type CrsCode = (typeof CRS_CODES)[number];

/** Longitude/latitude box in degrees. */
export type LonLatBox = { west: number; south: number; east: number; north: number };

export type CrsDefinition = {
  code: CrsCode;
  /** The EPSG name. */
  name: string;
  /** Common other names (ESRI, French usage). */
  aliases: readonly string[];
  proj4: string;
  kind: 'projected' | 'geographic';
  /** EPSG area of use, intersected with Morocco (incl. Western Sahara). */
  areaOfUse: LonLatBox;
};

/** Morocco including Western Sahara, onshore (EPSG area of EPSG:4261). */
export const MOROCCO_BOX: LonLatBox = { west: -17.16, south: 20.71, east: -1.01, north: 35.97 };

const LAMBERT_MARGIN_DEG = 0.5;
const OTHER_MARGIN_DEG = 0.25;

export const CRS_REGISTRY: Readonly<Record<CrsCode, CrsDefinition>> = {
  'EPSG:26191': {
    code: 'EPSG:26191',
    name: 'Merchich / Nord Maroc',
    aliases: ['Nord_Maroc', 'Merchich_Nord_Maroc', 'Lambert Nord Maroc', 'Lambert Maroc zone 1'],
    proj4:
      '+proj=lcc +lat_1=33.3 +lat_0=33.3 +lon_0=-5.4 +k_0=0.999625769 +x_0=500000 +y_0=300000 +ellps=clrk80ign +towgs84=31,146,47,0,0,0,0 +units=m +no_defs',
    kind: 'projected',
    areaOfUse: { west: -9.85, south: 31.49, east: -1.01, north: 35.97 },
  },
  'EPSG:26192': {
    code: 'EPSG:26192',
    name: 'Merchich / Sud Maroc',
    aliases: ['Sud_Maroc', 'Merchich_Sud_Maroc', 'Lambert Sud Maroc', 'Lambert Maroc zone 2'],
    proj4:
      '+proj=lcc +lat_1=29.7 +lat_0=29.7 +lon_0=-5.4 +k_0=0.999615596 +x_0=500000 +y_0=300000 +ellps=clrk80ign +towgs84=31,146,47,0,0,0,0 +units=m +no_defs',
    kind: 'projected',
    areaOfUse: { west: -13.24, south: 27.66, east: -3.59, north: 31.51 },
  },
  'EPSG:26194': {
    code: 'EPSG:26194',
    name: 'Merchich / Sahara Nord',
    aliases: ['Merchich_Sahara_Nord', 'Sahara_Nord', 'Lambert Sahara Nord', 'Lambert Maroc zone 3'],
    proj4:
      '+proj=lcc +lat_1=26.1 +lat_0=26.1 +lon_0=-5.4 +k_0=0.999616304 +x_0=1200000 +y_0=400000 +ellps=clrk80ign +units=m +no_defs',
    kind: 'projected',
    areaOfUse: { west: -15.42, south: 24.29, east: -8.66, north: 27.67 },
  },
  'EPSG:26195': {
    code: 'EPSG:26195',
    name: 'Merchich / Sahara Sud',
    aliases: ['Merchich_Sahara_Sud', 'Sahara_Sud', 'Lambert Sahara Sud', 'Lambert Maroc zone 4'],
    proj4:
      '+proj=lcc +lat_1=22.5 +lat_0=22.5 +lon_0=-5.4 +k_0=0.999616437 +x_0=1500000 +y_0=400000 +ellps=clrk80ign +units=m +no_defs',
    kind: 'projected',
    areaOfUse: { west: -17.16, south: 20.71, east: -12.0, north: 24.31 },
  },
  'EPSG:4261': {
    code: 'EPSG:4261',
    name: 'Merchich',
    aliases: ['GCS_Merchich'],
    // gdalsrsinfo prints no +towgs84 here (EPSG:4261 also covers Western Sahara), but gdaltransform
    // applies "Merchich to WGS 84 (1)" to any point north of 27.66°N. We add it so Merchich degrees
    // agree with GDAL where they are used (cf. the Lambert zones 26191/26192).
    proj4: '+proj=longlat +ellps=clrk80ign +towgs84=31,146,47,0,0,0,0 +no_defs',
    kind: 'geographic',
    areaOfUse: MOROCCO_BOX,
  },
  'EPSG:4326': {
    code: 'EPSG:4326',
    name: 'WGS 84',
    aliases: ['GCS_WGS_1984', 'WGS84'],
    proj4: '+proj=longlat +datum=WGS84 +no_defs',
    kind: 'geographic',
    areaOfUse: MOROCCO_BOX,
  },
  'EPSG:32628': {
    code: 'EPSG:32628',
    name: 'WGS 84 / UTM zone 28N',
    aliases: ['WGS_1984_UTM_Zone_28N'],
    proj4: '+proj=utm +zone=28 +datum=WGS84 +units=m +no_defs',
    kind: 'projected',
    areaOfUse: { west: -17.16, south: 20.71, east: -12.0, north: 35.97 },
  },
  'EPSG:32629': {
    code: 'EPSG:32629',
    name: 'WGS 84 / UTM zone 29N',
    aliases: ['WGS_1984_UTM_Zone_29N'],
    proj4: '+proj=utm +zone=29 +datum=WGS84 +units=m +no_defs',
    kind: 'projected',
    areaOfUse: { west: -12.0, south: 20.71, east: -6.0, north: 35.97 },
  },
  'EPSG:32630': {
    code: 'EPSG:32630',
    name: 'WGS 84 / UTM zone 30N',
    aliases: ['WGS_1984_UTM_Zone_30N'],
    proj4: '+proj=utm +zone=30 +datum=WGS84 +units=m +no_defs',
    kind: 'projected',
    areaOfUse: { west: -6.0, south: 20.71, east: -1.01, north: 35.97 },
  },
  'EPSG:3857': {
    code: 'EPSG:3857',
    name: 'WGS 84 / Pseudo-Mercator',
    aliases: ['WGS_1984_Web_Mercator_Auxiliary_Sphere', 'Popular Visualisation CRS / Mercator'],
    proj4:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
    kind: 'projected',
    areaOfUse: MOROCCO_BOX,
  },
};

export function isCrsCode(value: unknown): value is CrsCode {
  return typeof value === 'string' && (CRS_CODES as readonly string[]).includes(value);
}

/**
 * Normalises 'EPSG:26191', 'epsg:26191', '26191', 'urn:ogc:def:crs:EPSG::26191',
 * 'http://www.opengis.net/def/crs/EPSG/0/26191' and 'urn:ogc:def:crs:OGC:1.3:CRS84' to a
 * registered code, or undefined.
 */
export function parseCrsCode(value: string | number): CrsCode | undefined {
  const text = String(value).trim();
  if (/CRS84$/i.test(text)) return 'EPSG:4326';
  const m = /(?:^|EPSG[:/]+(?:[\d.]*[:/]+)?)(\d{4,5})$/i.exec(text);
  if (!m) return undefined;
  const code = `EPSG:${m[1]}`;
  return isCrsCode(code) ? code : undefined;
}

type Converter = { forward: (p: number[]) => number[]; inverse: (p: number[]) => number[] };
const converters = new Map<string, Converter>();

/** CRSs on the Merchich datum with the same +towgs84: between them no datum shift applies. */
const MERCHICH_SHIFTED: readonly CrsCode[] = ['EPSG:26191', 'EPSG:26192', 'EPSG:4261'];

function converter(from: CrsCode, to: CrsCode): Converter {
  const key = `${from}>${to}`;
  let c = converters.get(key);
  if (!c) {
    let a = CRS_REGISTRY[from].proj4;
    let b = CRS_REGISTRY[to].proj4;
    // proj4js routes every datum-shifted pair through WGS 84 and drops the height on the way,
    // which costs ~1 mm between two Merchich systems; GDAL applies no shift there. Strip it.
    if (MERCHICH_SHIFTED.includes(from) && MERCHICH_SHIFTED.includes(to)) {
      a = a.replace(/ \+towgs84=\S+/, '');
      b = b.replace(/ \+towgs84=\S+/, '');
    }
    c = proj4(a, b) as Converter;
    converters.set(key, c);
  }
  return c;
}

/** Transforms one position; a third and further ordinates are carried over unchanged. */
export function transformPosition(from: CrsCode, to: CrsCode, p: Position): Position {
  if (from === to) return p.slice();
  const [x, y] = converter(from, to).forward([p[0] as number, p[1] as number]);
  return p.length > 2 ? [x as number, y as number, ...p.slice(2)] : [x as number, y as number];
}

/** (x, y) in `crs` → (lon, lat) in WGS 84 degrees. */
export function toWgs84(crs: CrsCode, xy: Position): Position {
  return transformPosition(crs, 'EPSG:4326', xy);
}

/** (lon, lat) in WGS 84 degrees → (x, y) in `crs`. */
export function fromWgs84(crs: CrsCode, lonLat: Position): Position {
  return transformPosition('EPSG:4326', crs, lonLat);
}

function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(f) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((c) => mapPositions(c, f)) };
  }
}

/** Returns a new geometry with every position transformed; the input is not modified. */
export function reprojectGeometry<G extends Geometry>(geometry: G, from: CrsCode, to: CrsCode): G {
  if (from === to) return structuredClone(geometry);
  const c = converter(from, to);
  return mapPositions(geometry, (p) => {
    const [x, y] = c.forward([p[0] as number, p[1] as number]);
    return p.length > 2 ? [x as number, y as number, ...p.slice(2)] : [x as number, y as number];
  }) as G;
}

// ---------------------------------------------------------------------------------------------
// Plausibility

function inBox(lon: number, lat: number, box: LonLatBox, margin: number): boolean {
  return (
    lon >= box.west - margin &&
    lon <= box.east + margin &&
    lat >= box.south - margin &&
    lat <= box.north + margin
  );
}

function safeToWgs84(crs: CrsCode, xy: Position): Position | undefined {
  const x = xy[0];
  const y = xy[1];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    return undefined;
  }
  const def = CRS_REGISTRY[crs];
  // Geographic input must be degrees; proj4 happily "wraps" larger values.
  if (def.kind === 'geographic' && (Math.abs(x) > 180 || Math.abs(y) > 90)) return undefined;
  try {
    const out = toWgs84(crs, [x, y]);
    return Number.isFinite(out[0]) && Number.isFinite(out[1]) ? out : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when (x, y), read in `crs`, falls inside Morocco (incl. Western Sahara) and inside the area
 * where that CRS is used (Lambert zones: the zone's EPSG area ± 0.5°, about 50 km). Bounding boxes
 * only: a point in the Atlantic just off the coast still passes.
 */
export function plausibleInMorocco(crs: CrsCode, xy: Position): boolean {
  const ll = safeToWgs84(crs, xy);
  if (!ll) return false;
  const [lon, lat] = ll as [number, number];
  const def = CRS_REGISTRY[crs];
  const margin = /^EPSG:2619/.test(crs) ? LAMBERT_MARGIN_DEG : OTHER_MARGIN_DEG;
  return inBox(lon, lat, MOROCCO_BOX, OTHER_MARGIN_DEG) && inBox(lon, lat, def.areaOfUse, margin);
}

/** The Lambert zone (or UTM zone) whose area contains a WGS 84 point, for choosing a CRS. */
export function lambertZoneFor(lonLat: Position): CrsCode | undefined {
  const [lon, lat] = lonLat as [number, number];
  if (!inBox(lon, lat, MOROCCO_BOX, 0)) return undefined;
  if (lat >= 31.5) return 'EPSG:26191';
  if (lat >= 27.66 && lon >= -13.24) return 'EPSG:26192';
  if (lat >= 24.3) return 'EPSG:26194';
  return 'EPSG:26195';
}

export type AxisOrderGuess =
  /** Enough positions are plausible as given and none would be if swapped. */
  | 'as_is'
  /** The positions are implausible as given but plausible with x and y swapped. */
  | 'swapped'
  /** Plausible both ways (common for Lambert: x and y ranges overlap); cannot tell. */
  | 'ambiguous'
  /** Implausible both ways: probably the wrong CRS altogether. */
  | 'neither';

/**
 * Guesses whether x and y were swapped, from a sample of positions (take a few vertices spread
 * over the layer). A majority vote over the sample.
 */
export function guessAxisSwap(crs: CrsCode, positions: readonly Position[]): AxisOrderGuess {
  let asIs = 0;
  let swapped = 0;
  let n = 0;
  for (const p of positions) {
    if (p.length < 2) continue;
    n++;
    if (plausibleInMorocco(crs, p)) asIs++;
    if (plausibleInMorocco(crs, [p[1] as number, p[0] as number])) swapped++;
  }
  if (n === 0) return 'neither';
  const half = n / 2;
  if (asIs > half && swapped > half) return 'ambiguous';
  if (asIs > half) return 'as_is';
  if (swapped > half) return 'swapped';
  return 'neither';
}

/** Every registered CRS in which all the sample positions are plausible (most specific first). */
export function suggestCrs(positions: readonly Position[]): CrsCode[] {
  const sample = positions.filter((p) => p.length >= 2);
  if (sample.length === 0) return [];
  return CRS_CODES.filter((code) => sample.every((p) => plausibleInMorocco(code, p)));
}

// ---------------------------------------------------------------------------------------------
// .prj detection

function squash(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const LAMBERT_BY_NAME: readonly [RegExp, CrsCode][] = [
  [/nordmaroc/, 'EPSG:26191'],
  [/sudmaroc/, 'EPSG:26192'],
  [/saharanord/, 'EPSG:26194'],
  [/saharasud/, 'EPSG:26195'],
];

/** "Lambert Maroc Zone 1", "Morocco_Lambert_Zone_II", "Merchich zone 3"… → the Lambert zone. */
function lambertByZoneNumber(rawName: string): CrsCode | undefined {
  const words = rawName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (!words.some((w) => /^(maroc|morocco|merchich|lambert)$/.test(w))) return undefined;
  const i = words.indexOf('zone');
  const zone = i >= 0 ? words[i + 1] : undefined;
  const byZone: Record<string, CrsCode> = {
    '1': 'EPSG:26191',
    i: 'EPSG:26191',
    '2': 'EPSG:26192',
    ii: 'EPSG:26192',
    '3': 'EPSG:26194',
    iii: 'EPSG:26194',
    '4': 'EPSG:26195',
    iv: 'EPSG:26195',
  };
  return zone ? byZone[zone] : undefined;
}

function byName(rawName: string): CrsCode | undefined {
  const s = squash(rawName);
  for (const [re, code] of LAMBERT_BY_NAME) if (re.test(s)) return code;
  const lz = lambertByZoneNumber(rawName);
  if (lz) return lz;
  const utm = /(?:wgs84|wgs1984).*utmzone(2[89]|30)n$/.exec(s);
  if (utm) return `EPSG:326${utm[1]}` as CrsCode;
  if (/webmercator|pseudomercator|popularvisualisation/.test(s)) return 'EPSG:3857';
  if (/^(gcs)?merchich$/.test(s)) return 'EPSG:4261';
  if (/^(gcs)?wgs(84|1984)$/.test(s)) return 'EPSG:4326';
  return undefined;
}

const EPSG_NUMBERS = new Map(CRS_CODES.map((c) => [c.slice(5), c] as const));

function authorityCode(node: WktNode): CrsCode | undefined {
  for (const child of node.children) {
    if (typeof child === 'object' && (child.keyword === 'AUTHORITY' || child.keyword === 'ID')) {
      const [auth, code] = child.children;
      if (typeof auth === 'string' && auth.toUpperCase() === 'EPSG') return EPSG_NUMBERS.get(String(code));
    }
  }
  return undefined;
}

function childNode(node: WktNode, ...keywords: string[]): WktNode | undefined {
  for (const c of node.children) if (typeof c === 'object' && keywords.includes(c.keyword)) return c;
  return undefined;
}

function nodeName(node: WktNode): string {
  const first = node.children[0];
  return typeof first === 'string' ? first : '';
}

/** PARAMETER values by squashed name, in the units the WKT uses (assumed degrees and metres). */
function parameters(node: WktNode): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (n: WktNode) => {
    for (const c of n.children) {
      if (typeof c !== 'object') continue;
      if (c.keyword === 'PARAMETER' && typeof c.children[0] === 'string') {
        const v = c.children[1];
        if (typeof v === 'number') out.set(squash(c.children[0]), v);
      } else if (c.keyword === 'CONVERSION') {
        visit(c);
      }
    }
  };
  visit(node);
  return out;
}

function near(a: number | undefined, b: number, tol: number): boolean {
  return a !== undefined && Math.abs(a - b) <= tol;
}

/** Recognises a Merchich Lambert or UTM definition from its parameters, whatever it is named. */
function byParameters(projcs: WktNode, text: string): CrsCode | undefined {
  const p = parameters(projcs);
  const lat0 = p.get('latitudeoforigin') ?? p.get('latitudeofnaturalorigin') ?? p.get('standardparallel1');
  const lon0 = p.get('centralmeridian') ?? p.get('longitudeofnaturalorigin') ?? p.get('longitudeoforigin');
  const fe = p.get('falseeasting');
  const fn = p.get('falsenorthing');
  const k = p.get('scalefactor') ?? p.get('scalefactoratnaturalorigin');
  const squashed = squash(text);
  const clarke = /merchich|clarke1880/.test(squashed);
  if (/lambert/.test(squashed) && clarke && near(lon0, -5.4, 1e-6)) {
    const zones: [CrsCode, number, number, number][] = [
      ['EPSG:26191', 33.3, 500000, 300000],
      ['EPSG:26192', 29.7, 500000, 300000],
      ['EPSG:26194', 26.1, 1200000, 400000],
      ['EPSG:26195', 22.5, 1500000, 400000],
    ];
    for (const [code, lat, e, n] of zones) {
      if (near(lat0, lat, 1e-6) && near(fe, e, 1e-3) && near(fn, n, 1e-3)) return code;
    }
  }
  if (/transversemercator/.test(squashed) && /wgs84|wgs1984/.test(squashed) && near(k, 0.9996, 1e-9)) {
    if (near(fe, 500000, 1e-3) && near(fn, 0, 1e-3)) {
      for (const [zone, cm] of [
        [28, -15],
        [29, -9],
        [30, -3],
      ] as const) {
        if (near(lon0, cm, 1e-9)) return `EPSG:326${zone}` as CrsCode;
      }
    }
  }
  return undefined;
}

/**
 * Maps the WKT of a .prj file (ESRI WKT as GDAL/ArcGIS/QGIS write it, OGC WKT1 or WKT2) to a
 * registered code, or undefined when it is not one we know. Order: the EPSG authority of the top
 * CRS, then its name, then its projection parameters.
 */
export function detectCrsFromPrj(prjText: string): CrsCode | undefined {
  const text = prjText.replace(/^\uFEFF/, '').trim();
  if (!text) return undefined;
  let root = parseWkt(text);
  if (!root) {
    // Not WKT: maybe a bare code or name ("EPSG:26191", "Lambert Nord Maroc").
    return parseCrsCode(text) ?? byName(text);
  }
  if (root.keyword === 'BOUNDCRS')
    root = childNode(childNode(root, 'SOURCECRS') ?? root, ...CRS_KEYWORDS) ?? root;
  if (root.keyword === 'COMPD_CS' || root.keyword === 'COMPOUNDCRS') {
    root = childNode(root, ...CRS_KEYWORDS) ?? root;
  }
  const byAuthority = authorityCode(root);
  if (byAuthority) return byAuthority;
  const projected = PROJECTED_KEYWORDS.includes(root.keyword);
  const name = nodeName(root);
  const named = byName(name);
  if (named && (projected || CRS_REGISTRY[named].kind === 'geographic')) return named;
  if (projected) {
    const fromParams = byParameters(root, text);
    if (fromParams) return fromParams;
    return undefined;
  }
  // Geographic: look at the datum when the name says nothing.
  const datum = childNode(root, 'DATUM');
  const datumName = datum ? squash(nodeName(datum)) : '';
  if (/merchich/.test(datumName)) return 'EPSG:4261';
  if (/wgs(84|1984)|worldgeodeticsystem1984/.test(datumName)) return 'EPSG:4326';
  return undefined;
}

const PROJECTED_KEYWORDS = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const CRS_KEYWORDS = [...PROJECTED_KEYWORDS, 'GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'BASEGEOGCRS'];
