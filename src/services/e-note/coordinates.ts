// Parcel vertices typed, pasted or uploaded by the applicant: Lambert metres from a surveyor's plan
// (`297012.40 330118.25`, one vertex per line, with or without the boundary-mark label `B1`), WGS 84
// degrees from a phone (`33.5712, -7.6301`, either order), a CSV exported from a spreadsheet, or a
// small GeoJSON file. Pure: the reading, the detection of the coordinate system and the reasons for a
// refusal; parcel.ts checks the polygon itself.

import { AGENCY_EXTENTS, inExtent } from '../../geo/agency-extents.ts';
import { type CrsCode, parseCrsCode, plausibleInMorocco, toWgs84 } from '../../geo/crs.ts';

export type StatedSystem = 'auto' | 'lambert' | 'wgs84';
export type XY = [number, number];

export type CoordinateError =
  | 'empty'
  /** A line that is not two numbers (`line` says which). */
  | 'unreadable'
  | 'too_few_vertices'
  | 'too_many_vertices'
  /** Some numbers are degrees and others metres. */
  | 'mixed_units'
  /** Degrees where Lambert metres were announced (or a file labelled Lambert holding degrees). */
  | 'wgs84_as_lambert'
  /** Metres where WGS 84 degrees were announced. */
  | 'lambert_as_wgs84'
  /** Degrees that fall outside Morocco in either order. */
  | 'outside_morocco'
  /** Metres that are no Lambert zone of Morocco in either order. */
  | 'not_lambert'
  | 'file_too_large'
  /** Not a text file (CSV or GeoJSON). */
  | 'file_type'
  /** A GeoJSON file that holds no single polygon (several, holes, lines…). */
  | 'file_geometry';

export type VertexRead =
  | { ok: true; points: XY[]; declared?: CrsCode }
  | { ok: false; error: CoordinateError; line?: number };

export type Detected = {
  crs: CrsCode;
  /** The vertices in the order of `crs` (x/easting or longitude first). */
  points: XY[];
  /** True when the applicant wrote them the other way round (latitude first, northing first). */
  swapped: boolean;
};
export type Detection = { ok: true; detected: Detected } | { ok: false; error: CoordinateError };

export const MAX_VERTICES = 500;
export const MIN_VERTICES = 3;
export const MAX_FILE_BYTES = 64 * 1024;

const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const toNumber = (s: string) => Number(s.replace(',', '.'));

/** One line → two numbers, or null. Accepts `x y`, `x;y`, `x,y`, `x, y`, `x\ty`, a leading label. */
function readLine(line: string): XY | null {
  let text = line
    .replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/[()[\]"']/g, ' ')
    .trim();
  // A leading label: `B1`, `S12:`, `P-3`, `1.` (a vertex number followed by a separator and two numbers).
  text = text.replace(/^(?:[A-Za-z\u0600-\u06FF]+[-_ ]?\d*|\d{1,3}[.)])\s*[:;,\t]?\s+(?=[-+\d])/, '');
  let tokens = text.split(/\s*[;\t]\s*|\s+|,\s+/).filter(Boolean);
  if (tokens.length === 1) tokens = (tokens[0] as string).split(',');
  else if (tokens.length === 3 && !NUMBER.test(tokens[0] as string)) tokens = tokens.slice(1);
  if (tokens.length !== 2 || !tokens.every((t) => NUMBER.test(t))) return null;
  return [toNumber(tokens[0] as string), toNumber(tokens[1] as string)];
}

const looksLikeHeader = (line: string) => !/\d/.test(line) || /^\s*["']?[a-z_]+\d?["']?\s*[,;\t]/i.test(line);

/** Vertices typed or pasted as text: one per line (or `;`-separated pairs on one line). */
export function parseVertexText(input: string): VertexRead {
  const text = (input ?? '').trim();
  if (!text) return { ok: false, error: 'empty' };
  if (text.startsWith('{')) return readGeoJson(text);
  let lines = text.split(/\r?\n/).map((l) => l.trim());
  // Everything on one line: `x1 y1; x2 y2; …`.
  if (lines.length === 1 && (text.match(/;/g)?.length ?? 0) >= 2 && /\d\s+[-+]?\d/.test(text))
    lines = text.split(';').map((l) => l.trim());
  const points: XY[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line || line.startsWith('#')) continue;
    const p = readLine(line);
    if (!p) {
      if (points.length === 0 && looksLikeHeader(line)) continue;
      return { ok: false, error: 'unreadable', line: i + 1 };
    }
    points.push(p);
  }
  return checkCount(dropClosing(points));
}

/** The last vertex repeating the first closes the ring; it is not a vertex of its own. */
function dropClosing(points: XY[]): XY[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1])
    return points.slice(0, -1);
  return points;
}

function checkCount(points: XY[], declared?: CrsCode): VertexRead {
  if (points.length === 0) return { ok: false, error: 'empty' };
  if (points.length < MIN_VERTICES) return { ok: false, error: 'too_few_vertices' };
  if (points.length > MAX_VERTICES) return { ok: false, error: 'too_many_vertices' };
  return declared ? { ok: true, points, declared } : { ok: true, points };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

function readGeoJson(text: string): VertexRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, error: 'unreadable', line: 1 };
  }
  if (!isObject(doc)) return { ok: false, error: 'file_geometry' };
  const crsMember = isObject(doc.crs) && isObject(doc.crs.properties) ? doc.crs.properties.name : undefined;
  const declared = typeof crsMember === 'string' ? parseCrsCode(crsMember) : undefined;
  let geometry: unknown = doc;
  if (doc.type === 'FeatureCollection') {
    const features = Array.isArray(doc.features) ? doc.features : [];
    if (features.length !== 1) return { ok: false, error: 'file_geometry' };
    geometry = (features[0] as Json).geometry;
  } else if (doc.type === 'Feature') geometry = doc.geometry;
  if (!isObject(geometry)) return { ok: false, error: 'file_geometry' };
  let rings: unknown;
  if (geometry.type === 'Polygon') rings = geometry.coordinates;
  else if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    if (geometry.coordinates.length !== 1) return { ok: false, error: 'file_geometry' };
    rings = geometry.coordinates[0];
  } else return { ok: false, error: 'file_geometry' };
  if (!Array.isArray(rings) || rings.length !== 1 || !Array.isArray(rings[0]))
    return { ok: false, error: 'file_geometry' };
  const points: XY[] = [];
  for (const p of rings[0] as unknown[]) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number')
      return { ok: false, error: 'file_geometry' };
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { ok: false, error: 'file_geometry' };
    points.push([p[0], p[1]]);
  }
  return checkCount(dropClosing(points), declared);
}

/**
 * A small file of vertices: CSV / text (one vertex per line) or GeoJSON with one polygon. Bounded in
 * size; the kind is sniffed from the bytes (valid UTF-8 text without NUL bytes), not from the name.
 */
export function readVerticesFile(bytes: Uint8Array): VertexRead {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: 'file_too_large' };
  if (bytes.includes(0)) return { ok: false, error: 'file_type' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'file_type' };
  }
  text = text.replace(/^\uFEFF/, '');
  // Control characters other than line breaks and tabs: a binary file that happens to decode.
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t') return { ok: false, error: 'file_type' };
  }
  return parseVertexText(text);
}

const METRIC_ZONES: readonly CrsCode[] = ['EPSG:26191', 'EPSG:26192', 'EPSG:26194', 'EPSG:26195'];
const isDegrees = ([a, b]: XY) => Math.abs(a) <= 180 && Math.abs(b) <= 180;
const isMetres = ([a, b]: XY) => Math.abs(a) > 1000 && Math.abs(b) > 1000;
const swap = (points: XY[]): XY[] => points.map(([a, b]) => [b, a]);
const centre = (points: XY[]): XY => {
  const n = points.length;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
};

/** Is the centre of these points, read in `crs`, inside the agency's territory (when it has a box)? */
export function centreInAgency(points: XY[], crs: CrsCode, agencyCode: string): boolean {
  const box = AGENCY_EXTENTS[agencyCode];
  if (!box) return false;
  const [lon, lat] = toWgs84(crs, centre(points)) as XY;
  return inExtent(box, lon, lat);
}

/**
 * Which coordinate system the numbers are in. Degrees → WGS 84 (longitude/latitude in either order:
 * Moroccan longitudes are negative, latitudes positive). Metres → the Lambert zone (Nord, Sud,
 * Sahara) that puts them in the agency's territory, since the zones share their false origins.
 * `stated` is what the applicant announced; a contradiction is refused rather than guessed.
 */
export function detectSystem(
  points: XY[],
  stated: StatedSystem,
  agencyCode: string,
  declared?: CrsCode,
): Detection {
  if (points.every(isDegrees)) {
    if (stated === 'lambert' || (declared && declared !== 'EPSG:4326' && declared !== 'EPSG:4261'))
      return { ok: false, error: 'wgs84_as_lambert' };
    const crs: CrsCode = declared === 'EPSG:4261' ? 'EPSG:4261' : 'EPSG:4326';
    if (points.every((p) => plausibleInMorocco(crs, p)))
      return { ok: true, detected: { crs, points, swapped: false } };
    const swapped = swap(points);
    if (swapped.every((p) => plausibleInMorocco(crs, p)))
      return { ok: true, detected: { crs, points: swapped, swapped: true } };
    return { ok: false, error: 'outside_morocco' };
  }
  if (!points.every(isMetres)) return { ok: false, error: 'mixed_units' };
  if (stated === 'wgs84' || declared === 'EPSG:4326' || declared === 'EPSG:4261')
    return { ok: false, error: 'lambert_as_wgs84' };
  const zones = declared && METRIC_ZONES.includes(declared) ? [declared] : METRIC_ZONES;
  const candidates: Detected[] = [];
  for (const [list, swapped] of [
    [points, false],
    [swap(points), true],
  ] as const) {
    for (const crs of zones)
      if (list.every((p) => plausibleInMorocco(crs, p))) candidates.push({ crs, points: list, swapped });
  }
  if (candidates.length === 0) return { ok: false, error: 'not_lambert' };
  // The reading that lands in the agency's territory, as written before swapped; else the first.
  const best =
    candidates.find((c) => !c.swapped && centreInAgency(c.points, c.crs, agencyCode)) ??
    candidates.find((c) => centreInAgency(c.points, c.crs, agencyCode)) ??
    (candidates[0] as Detected);
  return { ok: true, detected: best };
}
