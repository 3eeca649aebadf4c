// The parcel a note is about, from whatever the applicant gave: a land title of the agency's register,
// a polygon drawn on the map, typed or pasted coordinates, or a small file of vertices. Each way ends
// in the same checks before anything is stored: a simple polygon (no self-intersection), a plausible
// area, and the agency's territory (not outside it, not across two agencies).
import { AGENCY_EXTENTS, inExtent } from '../../geo/agency-extents.ts';
import { type CrsCode, reprojectGeometry, toWgs84 } from '../../geo/crs.ts';
import { metricCrsAt } from '../../geo/srid.ts';
import type { MultiPolygon, Polygon, Position } from '../../geo/types.ts';
import { signedArea2, validateGeometry } from '../../geo/validate-geometry.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type CoordinateError,
  detectSystem,
  parseVertexText,
  readVerticesFile,
  type StatedSystem,
  type VertexRead,
  type XY,
} from './coordinates.ts';
import { type LandTitleError, parseLandTitle } from './land-title.ts';
import './problems.ts';

export type ParcelSource = 'title' | 'drawn' | 'coordinates' | 'file';

export type ParcelGeometry = Polygon | MultiPolygon;

export type CheckedParcel = {
  source: ParcelSource;
  /** The geometry as given, in `inputCrs` (kept for the record; the overlay reads it). */
  geometry: ParcelGeometry;
  inputCrs: CrsCode;
  /** The same in WGS 84, for maps. */
  wgs84: ParcelGeometry;
  /** Planar area in the Lambert zone of the parcel, m² (the overlay's PostGIS area is the one printed). */
  areaM2: number;
  /** The applicant wrote latitude before longitude (or northing before easting). */
  swapped: boolean;
};

export const MIN_AREA_M2 = 10;
export const MAX_AREA_M2 = 5_000_000; // 500 ha

export type AgencyNames = Readonly<Record<string, { nameFr: string; nameAr: string }>>;

export function landTitleProblem(error: LandTitleError): AppError {
  return new AppError(`enote.land_title_${error}`, {
    fields: [{ pointer: '/landTitle', in: 'body', code: error }],
  });
}

/** The land title as typed, parsed, or the localized problem saying what is wrong. */
export function requireLandTitle(input: string) {
  const parsed = parseLandTitle(input);
  if (!parsed.ok) throw landTitleProblem(parsed.error);
  return parsed.title;
}

function coordinateProblem(error: CoordinateError, line?: number, pointer = '/coordinates'): AppError {
  return new AppError(`enote.coordinates_${error}`, {
    params: line ? { line } : {},
    fields: [{ pointer, in: 'body', code: error }],
  });
}

const ring = (points: XY[]): Position[] => [...points, points[0] as XY];

/** Vertices read from text or a file → a polygon in the coordinate system they are in. */
function fromVertices(read: VertexRead, stated: StatedSystem, agencyCode: string, pointer: string) {
  if (!read.ok) throw coordinateProblem(read.error, read.line, pointer);
  const detection = detectSystem(read.points, stated, agencyCode, read.declared);
  if (!detection.ok) throw coordinateProblem(detection.error, undefined, pointer);
  const { crs, points, swapped } = detection.detected;
  return { geometry: { type: 'Polygon', coordinates: [ring(points)] } as Polygon, crs, swapped };
}

export function parcelFromText(text: string, stated: StatedSystem, agencyCode: string) {
  return fromVertices(parseVertexText(text), stated, agencyCode, '/coordinates');
}

export function parcelFromFile(bytes: Uint8Array, stated: StatedSystem, agencyCode: string) {
  return fromVertices(readVerticesFile(bytes), stated, agencyCode, '/file');
}

/** Positions drawn on the map (WGS 84 longitude, latitude). */
export function parcelFromDrawing(positions: readonly Position[]) {
  const points = positions.map((p) => [Number(p[0]), Number(p[1])] as XY);
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  if (points.length < 3) throw coordinateProblem('too_few_vertices', undefined, '/positions');
  if (points.length > 500) throw coordinateProblem('too_many_vertices', undefined, '/positions');
  return {
    geometry: { type: 'Polygon', coordinates: [ring(points)] } as Polygon,
    crs: 'EPSG:4326' as CrsCode,
    swapped: false,
  };
}

const polygonsOf = (g: ParcelGeometry): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/** Planar area (shells minus holes) of a geometry already in a metric CRS. */
export function planarArea(g: ParcelGeometry): number {
  return polygonsOf(g).reduce(
    (sum, [shell, ...holes]) =>
      sum +
      Math.abs(signedArea2(shell ?? [])) / 2 -
      holes.reduce((h, r) => h + Math.abs(signedArea2(r)) / 2, 0),
    0,
  );
}

/** Every vertex on the line through the first two distinct ones (within a relative 1e-9). */
function collinear(ring: readonly Position[]): boolean {
  const o = ring[0];
  if (!o) return true;
  const far = ring.find((p) => p[0] !== o[0] || p[1] !== o[1]);
  if (!far) return true;
  const dx = (far[0] as number) - (o[0] as number);
  const dy = (far[1] as number) - (o[1] as number);
  const scale = dx * dx + dy * dy;
  return ring.every(
    (p) =>
      Math.abs(((p[0] as number) - (o[0] as number)) * dy - ((p[1] as number) - (o[1] as number)) * dx) <=
      1e-9 * scale,
  );
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function territory(wgs84: ParcelGeometry, agencyCode: string, names: AgencyNames): void {
  const own = AGENCY_EXTENTS[agencyCode];
  // Agencies whose territory is not described yet are not checked (geo/agency-extents.ts).
  if (!own) return;
  const vertices = polygonsOf(wgs84).flatMap((p) => p[0] ?? []);
  const outside = vertices.filter((v) => !inExtent(own, v[0] as number, v[1] as number));
  if (outside.length === 0) return;
  const others = Object.entries(AGENCY_EXTENTS)
    .filter(([code]) => code !== agencyCode)
    .filter(([, box]) => outside.some((v) => inExtent(box, v[0] as number, v[1] as number)))
    .map(([code]) => code);
  const name = (code: string) => names[code] ?? { nameFr: code, nameAr: code };
  const ownName = name(agencyCode);
  const params = {
    ownFr: ownName.nameFr,
    ownAr: ownName.nameAr,
    otherFr: others.map((c) => name(c).nameFr).join(', '),
    otherAr: others.map((c) => name(c).nameAr).join('، '),
    otherEn: others.map((c) => name(c).nameFr).join(', '),
  };
  if (outside.length === vertices.length) {
    throw new AppError('enote.parcel_outside_territory', {
      params: {
        ...params,
        otherFr: others.length
          ? `Elle relève de ${params.otherFr} : déposez la demande auprès de cette agence.`
          : '',
        otherAr: others.length ? `القطعة تابعة لنفوذ ${params.otherAr}: قدموا الطلب لدى هذه الوكالة.` : '',
        otherEn: others.length
          ? `It lies in the territory of ${params.otherEn}: file the request there.`
          : '',
      },
      extensions: { agencies: others },
    });
  }
  throw new AppError('enote.parcel_crosses_agencies', {
    params: {
      ...params,
      otherFr: params.otherFr || 'hors de tout territoire connu',
      otherAr: params.otherAr || 'خارج أي نفوذ معروف',
      otherEn: params.otherEn || 'outside any known territory',
    },
    extensions: { agencies: [agencyCode, ...others] },
  });
}

/**
 * The checks every parcel passes, whatever its source: a valid simple polygon in Morocco, an area
 * between 10 m² and 500 ha, inside the agency's territory.
 */
export function checkParcel(input: {
  source: ParcelSource;
  geometry: ParcelGeometry;
  crs: CrsCode;
  swapped?: boolean;
  agencyCode: string;
  agencyNames: AgencyNames;
}): CheckedParcel {
  const { geometry, crs } = input;
  // Vertices on one line enclose nothing: say so (the ring check would call it a crossing).
  if (polygonsOf(geometry).every((p) => collinear(p[0] ?? [])))
    throw new AppError('enote.parcel_too_small', { params: { area: 0 } });
  const problems = validateGeometry(geometry, { crs, expect: 'polygon' });
  const crossing = problems.find((p) => p.code === 'geo.ring_self_intersection');
  if (crossing) {
    const at = (crossing.details?.at as number[] | undefined) ?? [0, 0];
    const digits = crs === 'EPSG:4326' || crs === 'EPSG:4261' ? 6 : 2;
    throw new AppError('enote.parcel_self_intersecting', {
      params: { x: round(at[0] ?? 0, digits), y: round(at[1] ?? 0, digits) },
      extensions: { at },
    });
  }
  if (problems.some((p) => p.code === 'geo.zero_area'))
    throw new AppError('enote.parcel_too_small', { params: { area: 0 } });
  if (problems.some((p) => p.code === 'geo.outside_morocco'))
    throw new AppError('enote.coordinates_outside_morocco');
  if (problems.some((p) => p.code === 'geo.ring_too_few_points'))
    throw new AppError('enote.coordinates_too_few_vertices');
  if (problems.length) throw new AppError('enote.coordinates_file_geometry');

  const wgs84 = reprojectGeometry(geometry, crs, 'EPSG:4326');
  const firstVertex = polygonsOf(wgs84)[0]?.[0]?.[0] ?? [0, 0];
  const metric = metricCrsAt(toWgs84('EPSG:4326', firstVertex));
  const areaM2 = planarArea(reprojectGeometry(geometry, crs, metric));
  if (areaM2 < MIN_AREA_M2)
    throw new AppError('enote.parcel_too_small', { params: { area: round(areaM2, 2) } });
  if (areaM2 > MAX_AREA_M2)
    throw new AppError('enote.parcel_too_large', { params: { areaHa: round(areaM2 / 10_000, 1) } });
  territory(wgs84, input.agencyCode, input.agencyNames);
  return {
    source: input.source,
    geometry,
    inputCrs: crs,
    wgs84,
    areaM2: round(areaM2, 2),
    swapped: input.swapped ?? false,
  };
}
