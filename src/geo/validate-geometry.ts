// Pure geometry checks run on an uploaded layer before the database runs its own (ST_IsValid):
// coordinates are numbers, rings are closed and have enough points, rings do not cross or touch
// themselves (including spikes), areas are not zero, and the feature lies where its CRS says
// Morocco is, with a hint when the axes look swapped or the numbers fit another CRS.
// Not checked here (left to the database): holes outside their shell, rings of one polygon
// crossing each other, overlapping parts of a multipolygon.

import { type CrsCode, guessAxisSwap, plausibleInMorocco, suggestCrs } from './crs.ts';
import { GEO_MESSAGES, type GeoCode } from './messages.ts';
import type { Geometry, GeometryType, Position, SourceFeature } from './types.ts';

export type GeometryProblem = { code: GeoCode; message: string; details?: Record<string, unknown> };

export type FeatureReport = { index: number; featureId?: string | number; problems: GeometryProblem[] };

export type ExpectedGeometry = 'polygon' | 'line' | 'point';

export type ValidateOptions = {
  crs: CrsCode;
  /** Geometry family the layer must have (zones: polygon, roads: line or polygon…). */
  expect?: ExpectedGeometry | readonly ExpectedGeometry[];
  /** Check that coordinates fall in Morocco for `crs` (default true). */
  checkLocation?: boolean;
};

const FAMILY: Record<GeometryType, ExpectedGeometry | undefined> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
  GeometryCollection: undefined,
};

function problem(code: GeoCode, details?: Record<string, unknown>): GeometryProblem {
  const p: GeometryProblem = { code, message: GEO_MESSAGES[code].en };
  if (details) p.details = details;
  return p;
}

function validPosition(p: Position): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1])
  );
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Positions without consecutive duplicates. */
function dedupe(points: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of points) if (out.length === 0 || !same(out[out.length - 1] as Position, p)) out.push(p);
  return out;
}

/** Twice the signed area (shoelace), relative to the first vertex to keep precision. */
export function signedArea2(ring: readonly Position[]): number {
  const o = ring[0];
  if (!o) return 0;
  const ox = o[0] as number;
  const oy = o[1] as number;
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s +=
      ((a[0] as number) - ox) * ((b[1] as number) - oy) - ((b[0] as number) - ox) * ((a[1] as number) - oy);
  }
  return s;
}

function perimeter(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += Math.hypot((b[0] as number) - (a[0] as number), (b[1] as number) - (a[1] as number));
  }
  return s;
}

function orient(a: Position, b: Position, c: Position): number {
  const v =
    ((b[0] as number) - (a[0] as number)) * ((c[1] as number) - (a[1] as number)) -
    ((b[1] as number) - (a[1] as number)) * ((c[0] as number) - (a[0] as number));
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** c lies on segment ab (assuming collinear). */
function onSegment(a: Position, b: Position, c: Position): boolean {
  return (
    Math.min(a[0] as number, b[0] as number) <= (c[0] as number) &&
    (c[0] as number) <= Math.max(a[0] as number, b[0] as number) &&
    Math.min(a[1] as number, b[1] as number) <= (c[1] as number) &&
    (c[1] as number) <= Math.max(a[1] as number, b[1] as number)
  );
}

/** Segments ab and cd share at least one point. */
export function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(a, b, c)) return true;
  if (o2 === 0 && onSegment(a, b, d)) return true;
  if (o3 === 0 && onSegment(c, d, a)) return true;
  if (o4 === 0 && onSegment(c, d, b)) return true;
  return false;
}

function intersectionPoint(a: Position, b: Position, c: Position, d: Position): Position {
  const ax = a[0] as number;
  const ay = a[1] as number;
  const rx = (b[0] as number) - ax;
  const ry = (b[1] as number) - ay;
  const sx = (d[0] as number) - (c[0] as number);
  const sy = (d[1] as number) - (c[1] as number);
  const den = rx * sy - ry * sx;
  if (den === 0) {
    // Collinear overlap: report the first endpoint of one segment that lies on the other.
    for (const p of [c, d, a, b])
      if (onSegment(a, b, p) && onSegment(c, d, p)) return [p[0] as number, p[1] as number];
    return [ax, ay];
  }
  const t = (((c[0] as number) - ax) * sy - ((c[1] as number) - ay) * sx) / den;
  return [ax + t * rx, ay + t * ry];
}

/**
 * First place where a closed ring (without consecutive duplicates, last = first) crosses or
 * touches itself, or undefined. Segments are swept by x with a bounding-box prefilter.
 */
export function findSelfIntersection(ring: readonly Position[]): Position | undefined {
  const m = ring.length - 1; // number of segments
  if (m < 3) return undefined;
  const seg = (i: number) => [ring[i] as Position, ring[i + 1] as Position] as const;
  const minX = new Float64Array(m);
  const maxX = new Float64Array(m);
  const minY = new Float64Array(m);
  const maxY = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const [a, b] = seg(i);
    minX[i] = Math.min(a[0] as number, b[0] as number);
    maxX[i] = Math.max(a[0] as number, b[0] as number);
    minY[i] = Math.min(a[1] as number, b[1] as number);
    maxY[i] = Math.max(a[1] as number, b[1] as number);
  }
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (i, j) => (minX[i] as number) - (minX[j] as number),
  );
  for (let oi = 0; oi < m; oi++) {
    const i = order[oi] as number;
    for (let oj = oi + 1; oj < m; oj++) {
      const j = order[oj] as number;
      if ((minX[j] as number) > (maxX[i] as number)) break;
      if ((minY[j] as number) > (maxY[i] as number) || (maxY[j] as number) < (minY[i] as number)) continue;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      const [a, b] = seg(lo);
      const [c, d] = seg(hi);
      const adjacent = hi === lo + 1 || (lo === 0 && hi === m - 1);
      if (adjacent) {
        // They share one vertex; a problem only if they fold back onto each other (a spike).
        const [shared, p, q] = hi === lo + 1 ? [b, a, d] : [a, b, c];
        if (orient(p, shared, q) === 0 && (onSegment(p, shared, q) || onSegment(shared, q, p)))
          return shared.slice();
        continue;
      }
      if (segmentsIntersect(a, b, c, d)) return intersectionPoint(a, b, c, d);
    }
  }
  return undefined;
}

function checkRing(ring: Position[], where: Record<string, unknown>, out: GeometryProblem[]): void {
  if (!ring.every(validPosition)) {
    out.push(problem('geo.coordinate_invalid', where));
    return;
  }
  if (ring.length < 4) {
    out.push(problem('geo.ring_too_few_points', { ...where, points: ring.length }));
    return;
  }
  let closed = ring;
  if (!same(ring[0] as Position, ring[ring.length - 1] as Position)) {
    out.push(problem('geo.ring_not_closed', where));
    closed = [...ring, ring[0] as Position];
  }
  const clean = dedupe(closed);
  if (clean.length < 4) {
    out.push(problem('geo.ring_too_few_points', { ...where, points: clean.length }));
    return;
  }
  const at = findSelfIntersection(clean);
  if (at) {
    out.push(problem('geo.ring_self_intersection', { ...where, at }));
    return;
  }
  const area = Math.abs(signedArea2(clean)) / 2;
  const per = perimeter(clean);
  if (area <= 1e-9 * per * per) out.push(problem('geo.zero_area', where));
}

function checkLine(line: Position[], where: Record<string, unknown>, out: GeometryProblem[]): void {
  if (!line.every(validPosition)) {
    out.push(problem('geo.coordinate_invalid', where));
    return;
  }
  if (dedupe(line).length < 2)
    out.push(problem('geo.line_too_few_points', { ...where, points: line.length }));
}

function checkShape(g: Geometry, out: GeometryProblem[], path: Record<string, unknown> = {}): void {
  switch (g.type) {
    case 'Point':
      if (!validPosition(g.coordinates)) out.push(problem('geo.coordinate_invalid', path));
      return;
    case 'MultiPoint':
      if (!g.coordinates.every(validPosition)) out.push(problem('geo.coordinate_invalid', path));
      return;
    case 'LineString':
      checkLine(g.coordinates, path, out);
      return;
    case 'MultiLineString':
      g.coordinates.forEach((l, part) => {
        checkLine(l, { ...path, part }, out);
      });
      return;
    case 'Polygon':
      if (g.coordinates.length === 0) out.push(problem('geo.ring_too_few_points', { ...path, points: 0 }));
      g.coordinates.forEach((r, ring) => {
        checkRing(r, { ...path, ring }, out);
      });
      return;
    case 'MultiPolygon':
      if (g.coordinates.length === 0) out.push(problem('geo.ring_too_few_points', { ...path, points: 0 }));
      g.coordinates.forEach((poly, part) => {
        poly.forEach((r, ring) => {
          checkRing(r, { ...path, part, ring }, out);
        });
      });
      return;
    case 'GeometryCollection':
      g.geometries.forEach((c, member) => {
        checkShape(c, out, { ...path, member });
      });
      return;
  }
}

function boundingBox(g: Geometry): [number, number, number, number] | undefined {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const visit = (v: unknown): void => {
    if (!Array.isArray(v)) return;
    if (typeof v[0] === 'number') {
      const p = v as Position;
      if (!validPosition(p)) return;
      minX = Math.min(minX, p[0] as number);
      maxX = Math.max(maxX, p[0] as number);
      minY = Math.min(minY, p[1] as number);
      maxY = Math.max(maxY, p[1] as number);
      return;
    }
    for (const c of v) visit(c);
  };
  if (g.type === 'GeometryCollection') {
    for (const c of g.geometries) {
      const b = boundingBox(c);
      if (b) visit([b.slice(0, 2), b.slice(2)]);
    }
  } else {
    visit(g.coordinates);
  }
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : undefined;
}

function checkLocation(g: Geometry, crs: CrsCode, out: GeometryProblem[]): void {
  const box = boundingBox(g);
  if (!box) return;
  const [minX, minY, maxX, maxY] = box;
  const center: Position = [(minX + maxX) / 2, (minY + maxY) / 2];
  if (plausibleInMorocco(crs, center)) return;
  out.push(problem('geo.outside_morocco', { crs, at: center }));
  if (guessAxisSwap(crs, [center]) === 'swapped') {
    out.push(problem('geo.axes_swapped', { crs, at: center }));
    return;
  }
  const suggestions = suggestCrs([center]).filter((c) => c !== crs);
  if (suggestions.length > 0) out.push(problem('geo.crs_suspect', { crs, suggestions }));
}

/** Problems of one geometry (an empty list when it passes). */
export function validateGeometry(geometry: Geometry | null, options: ValidateOptions): GeometryProblem[] {
  const out: GeometryProblem[] = [];
  if (!geometry) return [problem('geo.geometry_missing')];
  const expected = options.expect === undefined ? undefined : [options.expect].flat();
  if (expected) {
    const types =
      geometry.type === 'GeometryCollection' ? geometry.geometries.map((g) => g.type) : [geometry.type];
    if (types.length === 0 || types.some((t) => !expected.includes(FAMILY[t] as ExpectedGeometry))) {
      out.push(problem('geo.geometry_type_unexpected', { type: geometry.type, expected }));
    }
  }
  checkShape(geometry, out);
  if (options.checkLocation !== false) checkLocation(geometry, options.crs, out);
  return out;
}

export type LayerValidation = {
  /** Only the features with at least one problem, in order. */
  reports: FeatureReport[];
  checked: number;
  /** Layer-wide conclusions: most features outside Morocco for the same reason. */
  layerProblems: GeometryProblem[];
};

/** Validates every feature; `idProperty` names the attribute to report as featureId. */
export function validateFeatures(
  features: readonly SourceFeature[],
  options: ValidateOptions & { idProperty?: string },
): LayerValidation {
  const reports: FeatureReport[] = [];
  const hints = new Map<string, number>();
  let outside = 0;
  features.forEach((f, index) => {
    const problems = validateGeometry(f.geometry, options);
    if (problems.length === 0) return;
    const report: FeatureReport = { index, problems };
    const id = options.idProperty !== undefined ? f.properties[options.idProperty] : f.id;
    if (typeof id === 'string' || typeof id === 'number') report.featureId = id;
    reports.push(report);
    if (problems.some((p) => p.code === 'geo.outside_morocco')) outside++;
    for (const p of problems) {
      if (p.code === 'geo.axes_swapped') hints.set('axes', (hints.get('axes') ?? 0) + 1);
      if (p.code === 'geo.crs_suspect') {
        const key = `crs:${((p.details?.suggestions ?? []) as string[]).join(',')}`;
        hints.set(key, (hints.get(key) ?? 0) + 1);
      }
    }
  });
  const layerProblems: GeometryProblem[] = [];
  const located = features.filter((f) => f.geometry).length;
  if (located > 0 && outside / located >= 0.5) {
    const [best, count] = [...hints].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (best === 'axes' && count / outside >= 0.5) {
      layerProblems.push(problem('geo.axes_swapped', { crs: options.crs, features: count }));
    } else if (best.startsWith('crs:') && count / outside >= 0.5) {
      layerProblems.push(
        problem('geo.crs_suspect', {
          crs: options.crs,
          suggestions: best.slice(4).split(','),
          features: count,
        }),
      );
    } else {
      layerProblems.push(problem('geo.outside_morocco', { crs: options.crs, features: outside }));
    }
  }
  return { reports, checked: features.length, layerProblems };
}
