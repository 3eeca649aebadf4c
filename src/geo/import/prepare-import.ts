// Step one of an import, without the database: read the file (zipped shapefile or GeoJSON), decide
// what each layer holds, map its attributes to our fields, and check every geometry in JavaScript
// (rings, coordinates, Morocco, the agency's territory, swapped axes). The result is a report of
// per-feature issues and the features, still in their source CRS. The database then runs its own
// checks (check-geometries.ts) and, on publication, reprojects with PostGIS (publish-plan.ts).

import { agencyExtent, inExtent } from '../agency-extents.ts';
import { type CrsCode, toWgs84 } from '../crs.ts';
import {
  type AttributesByKind,
  type ColumnMapping,
  type LayerKind,
  mapLayerAttributes,
  normaliseName,
} from '../map-attributes.ts';
import { GEO_MESSAGES, type GeoCode, type GeoError } from '../messages.ts';
import { type CrsSource, type ReadSourceOptions, readSource, type SourceLayer } from '../read-source.ts';
import type { ZipLimits } from '../safe-unzip.ts';
import type { Geometry, Position, SourceFeature } from '../types.ts';
import { type ExpectedGeometry, validateFeatures } from '../validate-geometry.ts';

export const LAYER_KINDS = [
  'zones',
  'roads',
  'servitudes',
  'reservations',
] as const satisfies readonly LayerKind[];

export const isLayerKind = (v: unknown): v is LayerKind =>
  typeof v === 'string' && (LAYER_KINDS as readonly string[]).includes(v);

export type IssueSeverity = 'error' | 'warning';

export type ImportIssue = {
  layer: string;
  /** null: a problem of the whole layer or file. */
  featureIndex: number | null;
  featureRef?: string;
  severity: IssueSeverity;
  code: GeoCode;
  field?: string;
  message: string;
  details?: Record<string, unknown>;
};

export type PreparedFeature<K extends LayerKind = LayerKind> = {
  index: number;
  ref: string | null;
  geometry: Geometry;
  attributes: AttributesByKind[K];
  extra: Record<string, unknown>;
};

type LayerCommon = {
  name: string;
  path?: string;
  crs: CrsCode;
  crsSource: CrsSource;
  encoding: string;
  mapping: ColumnMapping;
  unmappedColumns: string[];
  geometryTypes: string[];
  featureCount: number;
};

export type PreparedLayer = LayerCommon &
  (
    | { kind: 'zones'; features: PreparedFeature<'zones'>[] }
    | { kind: 'roads'; features: PreparedFeature<'roads'>[] }
    | { kind: 'servitudes'; features: PreparedFeature<'servitudes'>[] }
    | { kind: 'reservations'; features: PreparedFeature<'reservations'>[] }
  );

export type PreparedImport = {
  /** A file-level error (unreadable file, no CRS…): nothing else was checked. */
  fileError?: GeoError;
  format?: 'shapefile-zip' | 'geojson';
  layers: PreparedLayer[];
  skipped: { name: string; code: GeoCode; details?: Record<string, unknown> }[];
  issues: ImportIssue[];
};

export type ImportPhase = 'reading' | 'validating' | 'checking' | 'publishing';

export type PrepareOptions = {
  fileName?: string;
  /** The CRS the person states (--crs); wins over the .prj. */
  crs?: string;
  /** What the layer holds when its name does not say (--layer); in a file of several layers, the one to import. */
  layer?: LayerKind;
  /** The agency the plan belongs to (its code), for the territory check. */
  agencyCode: string;
  limits?: Partial<ZipLimits>;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
};

const KIND_BY_NAME: readonly [RegExp, LayerKind][] = [
  [/SERVITUD|EASEMENT|AEDIFICANDI|^S_?N_?A$/, 'servitudes'],
  [/RESERV|EQUIP|^EQ$|^EQUIPEMENTS?$/, 'reservations'],
  [/VOI(E|RIE)|ROUTE|ROAD|^RUES?$|STREET|ALIGNEMENT|TRACE|VOIRIE/, 'roads'],
  [/ZON|AFFECT|^PA$|LANDUSE|LAND_USE/, 'zones'],
];

/** The kind a layer name says: "zones", "zonage_taroudant", "voirie", "Servitudes_HT"… */
export function layerKindFromName(name: string): LayerKind | undefined {
  const n = normaliseName(name);
  for (const [re, kind] of KIND_BY_NAME) if (re.test(n)) return kind;
  return undefined;
}

const EXPECT: Record<LayerKind, ExpectedGeometry[]> = {
  zones: ['polygon'],
  reservations: ['polygon'],
  servitudes: ['polygon', 'line'],
  roads: ['line', 'polygon'],
};

const REF_COLUMNS = [
  'ZONEID',
  'ROADID',
  'SERVITUDEID',
  'RESERVATIONID',
  'ID',
  'REF',
  'IDENT',
  'IDENTIFIANT',
  'NUM_ZONE',
  'OBJECTID',
  'FID',
];

function refOf(feature: SourceFeature, kind: LayerKind, attributes: object): string | null {
  if (kind === 'reservations') {
    const code = (attributes as AttributesByKind['reservations']).reservationCode;
    if (code) return code;
  }
  if (feature.id !== undefined) return String(feature.id);
  const byName = new Map(
    Object.keys(feature.properties).map((k) => [normaliseName(k).replaceAll('_', ''), k]),
  );
  for (const c of REF_COLUMNS) {
    const column = byName.get(c.replaceAll('_', ''));
    const value = column === undefined ? undefined : feature.properties[column];
    if (value !== null && value !== undefined && String(value).trim() !== '') return String(value).trim();
  }
  return null;
}

function bboxCentre(g: Geometry): Position | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walk = (v: unknown): void => {
    if (!Array.isArray(v)) return;
    if (typeof v[0] === 'number' && typeof v[1] === 'number') {
      minX = Math.min(minX, v[0]);
      maxX = Math.max(maxX, v[0]);
      minY = Math.min(minY, v[1]);
      maxY = Math.max(maxY, v[1]);
      return;
    }
    for (const c of v) walk(c);
  };
  if (g.type === 'GeometryCollection')
    for (const c of g.geometries) walk('coordinates' in c ? c.coordinates : []);
  else walk(g.coordinates);
  return Number.isFinite(minX) ? [(minX + maxX) / 2, (minY + maxY) / 2] : undefined;
}

const issue = (
  layer: string,
  featureIndex: number | null,
  severity: IssueSeverity,
  code: GeoCode,
  extra: {
    featureRef?: string | null;
    field?: string;
    message?: string;
    details?: Record<string, unknown>;
  } = {},
): ImportIssue => {
  const out: ImportIssue = {
    layer,
    featureIndex,
    severity,
    code,
    message: extra.message ?? GEO_MESSAGES[code].en,
  };
  if (extra.featureRef) out.featureRef = extra.featureRef;
  if (extra.field) out.field = extra.field;
  if (extra.details) out.details = extra.details;
  return out;
};

/** Which layers of the file to import, and as what. */
function chooseLayers(
  layers: SourceLayer[],
  stated: LayerKind | undefined,
): { chosen: { layer: SourceLayer; kind: LayerKind }[]; skipped: PreparedImport['skipped'] } {
  const chosen: { layer: SourceLayer; kind: LayerKind }[] = [];
  const skipped: PreparedImport['skipped'] = [];
  if (layers.length === 1 && stated)
    return { chosen: [{ layer: layers[0] as SourceLayer, kind: stated }], skipped };
  for (const layer of layers) {
    const kind = layerKindFromName(layer.name);
    if (stated && kind !== stated) {
      skipped.push({ name: layer.name, code: 'geo.layer_skipped', details: { kind: kind ?? null, stated } });
    } else if (!kind) {
      skipped.push({ name: layer.name, code: 'geo.layer_kind_unknown' });
    } else chosen.push({ layer, kind });
  }
  return { chosen, skipped };
}

/** Reads, maps and checks a planning file. Never throws for a condition the file can cause. */
export async function prepareImport(bytes: Uint8Array, options: PrepareOptions): Promise<PreparedImport> {
  const progress = options.onProgress;
  const readOptions: ReadSourceOptions = {
    onProgress: (done, total) => progress?.('reading', done, total),
  };
  if (options.fileName !== undefined) readOptions.fileName = options.fileName;
  if (options.crs !== undefined) readOptions.crs = options.crs;
  if (options.limits !== undefined) readOptions.limits = options.limits;
  const read = await readSource(bytes, readOptions);
  if (!read.ok) return { fileError: read.error, layers: [], skipped: [], issues: [] };

  const { chosen, skipped } = chooseLayers(read.layers, options.layer);
  const issues: ImportIssue[] = [];
  for (const w of read.warnings)
    issues.push(issue('*', null, 'warning', w.code, { details: w.details ?? {} }));
  if (chosen.length === 0) {
    const only = skipped.length === 1 ? skipped[0] : undefined;
    return {
      fileError: {
        code: 'geo.layer_kind_unknown',
        message: GEO_MESSAGES['geo.layer_kind_unknown'].en,
        details: { layers: read.layers.map((l) => l.name), ...(only ? { layer: only.name } : {}) },
      },
      format: read.format,
      layers: [],
      skipped,
      issues,
    };
  }
  for (const s of skipped) {
    issues.push(issue(s.name, null, 'warning', s.code, s.details ? { details: s.details } : {}));
  }

  const extent = agencyExtent(options.agencyCode);
  if (!extent)
    issues.push(
      issue('*', null, 'warning', 'geo.territory_unknown', { details: { agency: options.agencyCode } }),
    );

  const total = chosen.reduce((n, c) => n + c.layer.features.length, 0);
  let done = 0;
  const layers: PreparedLayer[] = [];
  for (const { layer, kind } of chosen) {
    const name = layer.name;
    for (const w of layer.warnings)
      issues.push(issue(name, null, 'warning', w.code, { details: w.details ?? {} }));
    if (layer.features.length === 0) {
      issues.push(issue(name, null, 'error', 'geo.layer_empty'));
      continue;
    }
    const mapped = mapLayerAttributes(kind, layer.features);
    const validation = validateFeatures(layer.features, { crs: layer.crs, expect: EXPECT[kind] });
    const problemsByIndex = new Map(validation.reports.map((r) => [r.index, r.problems]));
    for (const p of validation.layerProblems) {
      issues.push(issue(name, null, 'error', p.code, p.details ? { details: p.details } : {}));
    }
    const features: PreparedFeature[] = [];
    let outsideAgency = 0;
    layer.features.forEach((source, index) => {
      const m = mapped.features[index] as (typeof mapped.features)[number];
      const ref = refOf(source, kind, m.attributes);
      const at = { featureRef: ref };
      for (const a of m.issues) {
        issues.push(
          issue(name, index, 'warning', a.code, {
            ...at,
            field: a.field,
            message: a.message,
            details: { column: a.column, value: a.value as unknown },
          }),
        );
      }
      const problems = problemsByIndex.get(index) ?? [];
      for (const p of problems)
        issues.push(issue(name, index, 'error', p.code, { ...at, details: p.details ?? {} }));
      if (kind === 'zones' && !(m.attributes as AttributesByKind['zones']).zoneCode) {
        issues.push(issue(name, index, 'error', 'geo.zone_code_missing', { ...at, field: 'zoneCode' }));
      }
      const g = source.geometry;
      if (
        kind === 'servitudes' &&
        g &&
        /LineString$/.test(g.type) &&
        (m.attributes as AttributesByKind['servitudes']).widthM === undefined
      ) {
        issues.push(issue(name, index, 'error', 'geo.width_missing', { ...at, field: 'widthM' }));
      }
      if (extent && g && !problems.some((p) => p.code === 'geo.outside_morocco')) {
        const c = bboxCentre(g);
        const ll = c ? safeWgs84(layer.crs, c) : undefined;
        if (ll && !inExtent(extent, ll[0] as number, ll[1] as number)) {
          outsideAgency++;
          issues.push(
            issue(name, index, 'error', 'geo.outside_agency', {
              ...at,
              details: { agency: options.agencyCode, lon: round6(ll[0]), lat: round6(ll[1]) },
            }),
          );
        }
      }
      if (g) features.push({ index, ref, geometry: g, attributes: m.attributes, extra: m.extra });
      done++;
      if (done % 1000 === 0) progress?.('validating', done, total);
    });
    if (outsideAgency > 0 && outsideAgency >= layer.features.length / 2) {
      issues.push(
        issue(name, null, 'error', 'geo.outside_agency', {
          details: { agency: options.agencyCode, features: outsideAgency },
        }),
      );
    }
    const common: LayerCommon = {
      name,
      crs: layer.crs,
      crsSource: layer.crsSource,
      encoding: layer.encoding,
      mapping: mapped.mapping,
      unmappedColumns: mapped.unmappedColumns,
      geometryTypes: layer.geometryTypes,
      featureCount: layer.features.length,
    };
    if (layer.path !== undefined) common.path = layer.path;
    layers.push({ ...common, kind, features } as PreparedLayer);
  }
  progress?.('validating', done, total);
  return { format: read.format, layers, skipped, issues };
}

function safeWgs84(crs: CrsCode, p: Position): Position | undefined {
  try {
    const out = toWgs84(crs, p);
    return Number.isFinite(out[0]) && Number.isFinite(out[1]) ? out : undefined;
  } catch {
    return undefined;
  }
}

const round6 = (n: number | undefined) => (n === undefined ? null : Math.round(n * 1e6) / 1e6);

export const errorCount = (issues: readonly ImportIssue[]) =>
  issues.filter((i) => i.severity === 'error').length;
