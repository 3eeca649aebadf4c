// Minimal GeoJSON (RFC 7946) geometry types used by the geo pipeline. We keep our own instead of
// depending on @types/geojson, which is only a transitive dependency.

/** [x, y] or [x, y, z]: easting/northing in metres for projected systems, [lon, lat] in degrees otherwise. */
export type Position = number[];

export type Point = { type: 'Point'; coordinates: Position };
export type MultiPoint = { type: 'MultiPoint'; coordinates: Position[] };
export type LineString = { type: 'LineString'; coordinates: Position[] };
export type MultiLineString = { type: 'MultiLineString'; coordinates: Position[][] };
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type GeometryCollection = { type: 'GeometryCollection'; geometries: Geometry[] };

export type Geometry =
  | Point
  | MultiPoint
  | LineString
  | MultiLineString
  | Polygon
  | MultiPolygon
  | GeometryCollection;

export type GeometryType = Geometry['type'];

/** A feature as read from a source file: geometry in the source CRS, raw attribute values. */
export type SourceFeature = {
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** The feature's id when the source has one (GeoJSON `id`), else undefined. */
  id?: string | number;
};

/** A problem with a stable dotted code (see messages.ts) and an English message for logs. */
export type GeoProblem = {
  code: string;
  message: string;
  details?: Record<string, unknown>;
};
