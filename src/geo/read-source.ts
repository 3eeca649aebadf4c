// Reads an uploaded planning file into memory, database-free: a zipped shapefile (one or more
// layers, folders allowed) or a GeoJSON file. Geometries stay in the SOURCE coordinate system; the
// CRS comes from the caller, the .prj (mapped to our exact definition, never used as such) or the
// GeoJSON. Conditions a user can cause come back as error values, never exceptions.

import { openShp } from 'shapefile';
import {
  CRS_REGISTRY,
  type CrsCode,
  detectCrsFromPrj,
  parseCrsCode,
  plausibleInMorocco,
  suggestCrs,
} from './crs.ts';
import { type EncodingSource, readDbfHeader, readDbfRecord, resolveDbfEncoding } from './dbf.ts';
import { type GeoError, geoError } from './messages.ts';
import { DEFAULT_ZIP_LIMITS, isZip, safeUnzip, type ZipLimits } from './safe-unzip.ts';
import type { Geometry, GeometryType, Position, SourceFeature } from './types.ts';

export type CrsSource = 'prj' | 'explicit' | 'geojson-crs' | 'geojson-default';

export type SourceLayer = {
  /** Layer name: the .shp file name without extension (or the GeoJSON file name). */
  name: string;
  /** Path of the .shp inside the zip, when read from one. */
  path?: string;
  features: SourceFeature[];
  crs: CrsCode;
  crsSource: CrsSource;
  /** iconv name of the attribute encoding ('utf-8' for GeoJSON). */
  encoding: string;
  encodingSource: EncodingSource | 'geojson';
  geometryTypes: GeometryType[];
  warnings: GeoError[];
  /** The raw .prj text, when there was one. */
  prj?: string;
};

export type ReadSourceResult =
  | { ok: true; format: 'shapefile-zip' | 'geojson'; layers: SourceLayer[]; warnings: GeoError[] }
  | { ok: false; error: GeoError };

export type ReadSourceOptions = {
  /** Used for the layer name of a GeoJSON file and for format detection hints. */
  fileName?: string;
  /** The CRS the user states; wins over the .prj (with a warning when they differ). */
  crs?: CrsCode | string;
  /** DBF encoding to use when neither a .cpg nor the language driver id says. */
  encoding?: string;
  limits?: Partial<ZipLimits>;
  /** Called as features are read: (features done, features expected in all layers). */
  onProgress?: (done: number, total: number) => void;
  /** Call onProgress every this many features (default 1,000) and at the end. */
  progressEvery?: number;
};

const fail = (error: GeoError): ReadSourceResult => ({ ok: false, error });

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  for (; i < bytes.length && i < 4096; i++) {
    const b = bytes[i] as number;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return b;
  }
  return undefined;
}

function baseName(path: string): string {
  const file = path.split('/').pop() ?? path;
  return file.replace(/\.[^.]+$/, '');
}

/** Reads a zipped shapefile or a GeoJSON file. */
export async function readSource(
  bytes: Uint8Array,
  options: ReadSourceOptions = {},
): Promise<ReadSourceResult> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  if (bytes.length > limits.maxInputBytes) {
    return fail(geoError('geo.file_too_large', { bytes: bytes.length, limit: limits.maxInputBytes }));
  }
  let explicit: CrsCode | undefined;
  if (options.crs !== undefined) {
    explicit = parseCrsCode(options.crs);
    if (!explicit) return fail(geoError('geo.crs_unknown', { stated: options.crs }));
  }
  if (isZip(bytes)) return readZip(bytes, options, limits, explicit);
  const first = firstNonSpace(bytes);
  if (first === 0x7b /* { */) {
    const layer = readGeoJson(bytes, options.fileName ? baseName(options.fileName) : 'layer', explicit);
    if (!layer.ok) return layer;
    options.onProgress?.(layer.layer.features.length, layer.layer.features.length);
    return { ok: true, format: 'geojson', layers: [layer.layer], warnings: [] };
  }
  return fail(geoError('geo.format_unsupported', { fileName: options.fileName }));
}

// ---------------------------------------------------------------------------------------------
// Zipped shapefiles

const WANTED = /\.(shp|shx|dbf|prj|cpg|geojson|json)$/i;

function ignoredEntry(name: string): boolean {
  const file = name.split('/').pop() ?? '';
  return name.startsWith('__MACOSX/') || file.startsWith('._') || file.startsWith('.');
}

type ShapefileParts = {
  stem: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  shx?: Uint8Array;
  prj?: string;
  cpg?: string;
};

async function readZip(
  bytes: Uint8Array,
  options: ReadSourceOptions,
  limits: ZipLimits,
  explicit: CrsCode | undefined,
): Promise<ReadSourceResult> {
  const unzipped = safeUnzip(bytes, (name) => WANTED.test(name) && !ignoredEntry(name), limits);
  if (!unzipped.ok) return unzipped;
  const warnings: GeoError[] = [];
  const decoder = new TextDecoder('utf-8');

  // Group by path without extension, case-insensitively (ZONES.SHP with zones.dbf happens).
  const groups = new Map<string, Map<string, { name: string; data: Uint8Array }>>();
  for (const [name, data] of unzipped.files) {
    const m = /^(.*)\.([^./]+)$/.exec(name);
    if (!m) continue;
    const stem = (m[1] as string).toLowerCase();
    const ext = (m[2] as string).toLowerCase();
    let g = groups.get(stem);
    if (!g) {
      g = new Map();
      groups.set(stem, g);
    }
    g.set(ext, { name: m[1] as string, data });
  }

  const shapefiles: ShapefileParts[] = [];
  const geojsons: { name: string; data: Uint8Array }[] = [];
  for (const [, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const shp = g.get('shp');
    if (shp) {
      const parts: ShapefileParts = { stem: shp.name, shp: shp.data };
      const dbf = g.get('dbf');
      if (dbf) parts.dbf = dbf.data;
      const shx = g.get('shx');
      if (shx) parts.shx = shx.data;
      const prj = g.get('prj');
      if (prj) parts.prj = decoder.decode(prj.data);
      const cpg = g.get('cpg');
      if (cpg) parts.cpg = decoder.decode(cpg.data);
      shapefiles.push(parts);
    } else {
      for (const ext of ['geojson', 'json']) {
        const j = g.get(ext);
        if (j) geojsons.push(j);
      }
    }
  }
  if (shapefiles.length === 0 && geojsons.length === 0) {
    return fail(geoError('geo.no_layer', { entries: unzipped.entries.length }));
  }

  // Decide every layer's CRS before reading anything: a missing CRS is an error for the upload.
  const plans: { parts: ShapefileParts; crs: CrsCode; crsSource: CrsSource; warnings: GeoError[] }[] = [];
  for (const parts of shapefiles) {
    const layerWarnings: GeoError[] = [];
    const fromPrj = parts.prj !== undefined ? detectCrsFromPrj(parts.prj) : undefined;
    let crs: CrsCode;
    let crsSource: CrsSource;
    if (explicit) {
      crs = explicit;
      crsSource = 'explicit';
      if (fromPrj && fromPrj !== explicit) {
        layerWarnings.push(
          geoError('geo.crs_prj_mismatch', { layer: baseName(parts.stem), prj: fromPrj, stated: explicit }),
        );
      }
    } else if (fromPrj) {
      crs = fromPrj;
      crsSource = 'prj';
    } else {
      return fail(
        geoError('geo.crs_unknown', {
          layer: baseName(parts.stem),
          prj: parts.prj === undefined ? null : parts.prj.slice(0, 200),
        }),
      );
    }
    plans.push({ parts, crs, crsSource, warnings: layerWarnings });
  }

  // Expected feature count, for progress.
  let total = 0;
  const headers = plans.map(({ parts }) => {
    if (parts.dbf) {
      const h = readDbfHeader(parts.dbf);
      if ('code' in h) return h;
      total += h.recordCount;
      return h;
    }
    if (parts.shx && parts.shx.length >= 100) total += Math.floor((parts.shx.length - 100) / 8);
    return undefined;
  });

  const layers: SourceLayer[] = [];
  const progress = { done: 0, total, every: Math.max(1, options.progressEvery ?? 1000) };
  for (const [i, plan] of plans.entries()) {
    const header = headers[i];
    if (header && 'code' in header)
      return fail({ ...header, details: { ...header.details, layer: plan.parts.stem } });
    const read = await readShapefileLayer(plan.parts, header, options, progress);
    if (!read.ok) return read;
    const layer: SourceLayer = {
      name: baseName(plan.parts.stem),
      path: `${plan.parts.stem}.shp`,
      features: read.features,
      crs: plan.crs,
      crsSource: plan.crsSource,
      encoding: read.encoding,
      encodingSource: read.encodingSource,
      geometryTypes: geometryTypes(read.features),
      warnings: [...plan.warnings, ...read.warnings],
    };
    if (plan.parts.prj !== undefined) layer.prj = plan.parts.prj;
    addCrsSuspicion(layer);
    layers.push(layer);
  }
  for (const j of geojsons) {
    const r = readGeoJson(j.data, baseName(j.name), explicit);
    if (!r.ok) return r;
    r.layer.path = j.name;
    layers.push(r.layer);
    progress.done += r.layer.features.length;
    progress.total += r.layer.features.length;
  }
  options.onProgress?.(progress.done, Math.max(progress.total, progress.done));
  return { ok: true, format: 'shapefile-zip', layers, warnings };
}

type Progress = { done: number; total: number; every: number };

async function readShapefileLayer(
  parts: ShapefileParts,
  header: ReturnType<typeof readDbfHeader> | undefined,
  options: ReadSourceOptions,
  progress: Progress,
): Promise<
  | {
      ok: true;
      features: SourceFeature[];
      encoding: string;
      encodingSource: EncodingSource;
      warnings: GeoError[];
    }
  | { ok: false; error: GeoError }
> {
  const warnings: GeoError[] = [];
  let encoding = 'utf-8';
  let encodingSource: EncodingSource = 'ascii';
  const dbfHeader = header && !('code' in header) ? header : undefined;
  if (parts.dbf && dbfHeader) {
    const resolved = resolveDbfEncoding({
      cpg: parts.cpg,
      header: dbfHeader,
      bytes: parts.dbf,
      explicit: options.encoding,
    });
    encoding = resolved.encoding;
    encodingSource = resolved.source;
    warnings.push(
      ...resolved.warnings.map((w) => ({ ...w, details: { ...w.details, layer: baseName(parts.stem) } })),
    );
  } else {
    warnings.push(geoError('geo.dbf_missing', { layer: baseName(parts.stem) }));
  }

  const features: SourceFeature[] = [];
  let deleted = 0;
  try {
    const source = await openShp(parts.shp);
    for (let index = 0; ; index++) {
      const next = await source.read();
      if (next.done) break;
      let properties: Record<string, unknown> = {};
      if (parts.dbf && dbfHeader && index < dbfHeader.recordCount) {
        const record = readDbfRecord(parts.dbf, dbfHeader, index, encoding);
        if (record.deleted) {
          deleted++;
          continue;
        }
        properties = record.values;
      }
      features.push({ geometry: (next.value as Geometry | null) ?? null, properties });
      progress.done++;
      if (progress.done % progress.every === 0) {
        options.onProgress?.(progress.done, Math.max(progress.total, progress.done));
      }
    }
  } catch (e) {
    return {
      ok: false,
      error: geoError('geo.shp_invalid', {
        layer: baseName(parts.stem),
        reason: e instanceof Error ? e.message : String(e),
      }),
    };
  }
  if (deleted > 0)
    warnings.push(geoError('geo.dbf_deleted_records', { layer: baseName(parts.stem), count: deleted }));
  if (dbfHeader && dbfHeader.recordCount !== features.length + deleted) {
    warnings.push(
      geoError('geo.shp_invalid', {
        layer: baseName(parts.stem),
        reason: `.shp has ${features.length + deleted} shapes, .dbf has ${dbfHeader.recordCount} records`,
      }),
    );
  }
  return { ok: true, features, encoding, encodingSource, warnings };
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

const GEOMETRY_TYPES = new Set<string>([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPositionArray(v: unknown, depth: number): boolean {
  if (!Array.isArray(v)) return false;
  if (depth === 0) return v.length >= 2 && v.every((n) => typeof n === 'number');
  return v.every((c) => isPositionArray(c, depth - 1));
}

const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function parseGeometry(v: unknown): Geometry | null | 'invalid' {
  if (v === null || v === undefined) return null;
  if (!isRecord(v) || typeof v.type !== 'string' || !GEOMETRY_TYPES.has(v.type)) return 'invalid';
  if (v.type === 'GeometryCollection') {
    if (!Array.isArray(v.geometries)) return 'invalid';
    const geometries: Geometry[] = [];
    for (const g of v.geometries) {
      const parsed = parseGeometry(g);
      if (parsed === 'invalid' || parsed === null) return 'invalid';
      geometries.push(parsed);
    }
    return { type: 'GeometryCollection', geometries };
  }
  if (!isPositionArray(v.coordinates, DEPTH[v.type] as number)) return 'invalid';
  return { type: v.type, coordinates: v.coordinates } as Geometry;
}

/** The legacy (2008) GeoJSON `crs` member: {type: 'name', properties: {name: 'EPSG:26191'}} or {type: 'EPSG', properties: {code: 26191}}. */
function legacyCrs(crs: unknown): { code?: CrsCode; raw: string } | undefined {
  if (!isRecord(crs) || !isRecord(crs.properties)) return undefined;
  const p = crs.properties;
  const raw = typeof p.name === 'string' ? p.name : p.code !== undefined ? String(p.code) : undefined;
  if (raw === undefined) return undefined;
  const code = parseCrsCode(raw);
  return code ? { code, raw } : { raw };
}

function readGeoJson(
  bytes: Uint8Array,
  name: string,
  explicit: CrsCode | undefined,
): { ok: true; layer: SourceLayer } | { ok: false; error: GeoError } {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      error: geoError('geo.geojson_invalid', { reason: e instanceof Error ? e.message : String(e) }),
    };
  }
  if (!isRecord(doc))
    return { ok: false, error: geoError('geo.geojson_invalid', { reason: 'not an object' }) };

  let rawFeatures: unknown[];
  if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) rawFeatures = doc.features;
  else if (doc.type === 'Feature') rawFeatures = [doc];
  else if (typeof doc.type === 'string' && GEOMETRY_TYPES.has(doc.type))
    rawFeatures = [{ type: 'Feature', geometry: doc, properties: {} }];
  else
    return {
      ok: false,
      error: geoError('geo.geojson_invalid', { reason: `unexpected type ${String(doc.type)}` }),
    };

  const features: SourceFeature[] = [];
  for (const [index, f] of rawFeatures.entries()) {
    if (!isRecord(f) || f.type !== 'Feature') {
      return { ok: false, error: geoError('geo.geojson_invalid', { index, reason: 'not a Feature' }) };
    }
    const geometry = parseGeometry(f.geometry);
    if (geometry === 'invalid') {
      return { ok: false, error: geoError('geo.geojson_invalid', { index, reason: 'malformed geometry' }) };
    }
    const feature: SourceFeature = {
      geometry,
      properties: isRecord(f.properties) ? { ...f.properties } : {},
    };
    if (typeof f.id === 'string' || typeof f.id === 'number') feature.id = f.id;
    features.push(feature);
  }

  const warnings: GeoError[] = [];
  const legacy = legacyCrs(doc.crs);
  let crs: CrsCode;
  let crsSource: CrsSource;
  if (explicit) {
    crs = explicit;
    crsSource = 'explicit';
    if (legacy?.code && legacy.code !== explicit) {
      warnings.push(
        geoError('geo.crs_prj_mismatch', { layer: name, geojson: legacy.code, stated: explicit }),
      );
    }
  } else if (legacy) {
    if (!legacy.code)
      return { ok: false, error: geoError('geo.crs_unknown', { layer: name, crs: legacy.raw }) };
    crs = legacy.code;
    crsSource = 'geojson-crs';
  } else {
    crs = 'EPSG:4326';
    crsSource = 'geojson-default';
  }
  const layer: SourceLayer = {
    name,
    features,
    crs,
    crsSource,
    encoding: 'utf-8',
    encodingSource: 'geojson',
    geometryTypes: geometryTypes(features),
    warnings,
  };
  addCrsSuspicion(layer);
  return { ok: true, layer };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function geometryTypes(features: SourceFeature[]): GeometryType[] {
  const set = new Set<GeometryType>();
  for (const f of features) if (f.geometry) set.add(f.geometry.type);
  return [...set];
}

/** Up to `max` positions spread over the layer (the first vertex of evenly spaced features). */
export function samplePositions(features: SourceFeature[], max = 25): Position[] {
  const out: Position[] = [];
  const step = Math.max(1, Math.floor(features.length / max));
  for (let i = 0; i < features.length && out.length < max; i += step) {
    const p = firstPosition(features[i]?.geometry ?? null);
    if (p) out.push(p);
  }
  return out;
}

function firstPosition(g: Geometry | null): Position | undefined {
  if (!g) return undefined;
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates[0];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates[0]?.[0];
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0];
    case 'GeometryCollection':
      for (const c of g.geometries) {
        const p = firstPosition(c);
        if (p) return p;
      }
      return undefined;
  }
}

/** Warns when the layer's positions do not fit its CRS but fit another one. */
function addCrsSuspicion(layer: SourceLayer): void {
  const sample = samplePositions(layer.features);
  if (sample.length === 0) return;
  const fits = sample.filter((p) => plausibleInMorocco(layer.crs, p)).length;
  if (fits > sample.length / 2) return;
  layer.warnings.push(
    geoError('geo.crs_suspect', {
      layer: layer.name,
      crs: layer.crs,
      crsName: CRS_REGISTRY[layer.crs].name,
      suggestions: suggestCrs(sample),
    }),
  );
}
