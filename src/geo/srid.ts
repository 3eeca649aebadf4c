// EPSG codes as PostGIS SRIDs, and the plane in which lengths and areas are measured.
import { CRS_REGISTRY, type CrsCode, lambertZoneFor } from './crs.ts';
import type { Position } from './types.ts';

/** The storage SRID of every geometry (docs/adr/0012-geo-storage-srid.md). */
export const STORAGE_SRID = 4326;

export const sridOf = (crs: CrsCode): number => Number(crs.slice(5));

/**
 * The CRS in which metres mean metres on the ground for a place: the Lambert zone covering it
 * (Nord Maroc north of 31.5°N, Sud Maroc down to 27.66°N, then the Sahara zones). Surveyors and the
 * land registry compute areas in that plane, so ours agree with theirs.
 */
export function metricCrsAt(lonLat: Position): CrsCode {
  return lambertZoneFor(lonLat) ?? 'EPSG:26191';
}

/** The source CRS when it is already a metric plane of Morocco (Lambert, UTM), else the Lambert zone. */
export function metricCrsFor(source: CrsCode, lonLat: Position): CrsCode {
  const def = CRS_REGISTRY[source];
  if (def.kind === 'projected' && source !== 'EPSG:3857') return source;
  return metricCrsAt(lonLat);
}
