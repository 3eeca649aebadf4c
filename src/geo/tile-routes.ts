// Mapbox vector tiles of the published layers, made by PostGIS (ST_AsMVT):
//   GET /tiles/{layer}/{z}/{x}/{y}.pbf   layer: zones | roads | servitudes | reservations
// Tiles hold the plan versions visible today; they are cacheable (ETag, Cache-Control) by browsers
// and CDNs. The roads tile carries two layers: `roads` (centre lines) and `alignments` (the planned
// right-of-way).
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import Type from 'typebox';
import type { Platform } from '../platform/context.ts';
import { type Orm, rows } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { isPublishedLayer, PUBLISHED_LAYERS } from './layers.ts';
import type { LayerKind } from './map-attributes.ts';
import { encodeMvt, type MvtLayer, type MvtValue } from './mvt.ts';
import { moroccanDate } from './plan-lifecycle.ts';
import { statusAtSql } from './plan-queries.ts';
import './problems.ts';
import type { Geometry } from './types.ts';

export const TILE_MIN_ZOOM = 12;
export const TILE_MAX_ZOOM = 20;
const EXTENT = 4096;
const BUFFER = 64;

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

/** Web Mercator bounds of a tile, and the margin kept around it (in metres). */
export function tileBounds(z: number, x: number, y: number) {
  const half = 20037508.342789244;
  const size = (2 * half) / 2 ** z;
  const xmin = -half + x * size;
  const ymax = half - y * size;
  return { xmin, ymin: ymax - size, xmax: xmin + size, ymax, size, margin: (size * BUFFER) / EXTENT };
}

type TileRequest = { layer: LayerKind; z: number; x: number; y: number; at: string };

/** The layers a tile request carries: one per layer, two for roads (centre lines, alignments). */
const PARTS = (layer: LayerKind): { name: string; column: string }[] =>
  layer === 'roads'
    ? [
        { name: 'roads', column: 'geom' },
        { name: 'alignments', column: 'right_of_way' },
      ]
    : [{ name: layer, column: 'geom' }];

/** The rows of one tile layer: visible plan versions, the features touching the (buffered) tile. */
function source(kind: LayerKind, column: string, t: TileRequest) {
  const layer = PUBLISHED_LAYERS[kind];
  const b = tileBounds(t.z, t.x, t.y);
  const area = sql`ST_Transform(ST_MakeEnvelope(${b.xmin - b.margin}, ${b.ymin - b.margin}, ${b.xmax + b.margin},
    ${b.ymax + b.margin}, 3857), 4326)`;
  return sql`from ${sql.raw(layer.table)} t
        join (select v.id, ${statusAtSql(t.at)} as state from plan_versions v) v on v.id = t.version_id
      where v.state in ('in_force', 'public_enquiry', 'expired') and t.${sql.raw(column)} && ${area}`;
}

/** PostGIS makes the whole tile (ST_AsMVT): PostgreSQL servers whose PostGIS has protobuf-c. */
async function renderWithPostgis(db: Orm, t: TileRequest): Promise<Uint8Array> {
  const layer = PUBLISHED_LAYERS[t.layer];
  const parts = PARTS(t.layer).map(
    ({
      name,
      column,
    }) => sql`(select coalesce(ST_AsMVT(m, ${name}, ${EXTENT}::int, 'g', 'id'), ''::bytea) from (
      select t.id::bigint as id, ${layer.tileColumns},
        ST_AsMVTGeom(ST_Transform(t.${sql.raw(column)}, 3857), ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int),
          ${EXTENT}::int, ${BUFFER}::int, true) as g
      ${source(t.layer, column, t)}) m where m.g is not null)`,
  );
  const [row] = await rows<{ tile: Uint8Array | null }>(
    db,
    sql`select ${sql.join(parts, sql` || `)} as tile`,
  );
  return row?.tile ? new Uint8Array(row.tile) : new Uint8Array();
}

/**
 * PostGIS makes the tile geometry (to Web Mercator, clipped to the buffered tile, scaled to tile
 * units with y down, snapped to the integer grid) and mvt.ts writes the protobuf: for PGlite,
 * whose PostGIS is built without protobuf-c (no ST_AsMVT / ST_AsMVTGeom).
 */
async function renderWithEncoder(db: Orm, t: TileRequest): Promise<Uint8Array> {
  const layer = PUBLISHED_LAYERS[t.layer];
  const b = tileBounds(t.z, t.x, t.y);
  const scale = EXTENT / b.size;
  const layers: MvtLayer[] = [];
  for (const { name, column } of PARTS(t.layer)) {
    const found = await rows<Record<string, MvtValue> & { id: number | string; g: string | null }>(
      db,
      sql`select * from (select t.id::bigint as id, ${layer.tileColumns},
          ST_AsGeoJSON(ST_SnapToGrid(ST_TransScale(
            ST_ClipByBox2D(ST_Transform(t.${sql.raw(column)}, 3857),
              ST_MakeEnvelope(${b.xmin - b.margin}, ${b.ymin - b.margin}, ${b.xmax + b.margin}, ${b.ymax + b.margin}, 3857)),
            ${-b.xmin}::float8, ${-b.ymax}::float8, ${scale}::float8, ${-scale}::float8), 1), 0) as g
        ${source(t.layer, column, t)}) s where g is not null`,
    );
    layers.push({
      name,
      extent: EXTENT,
      features: found.map(({ id, g, ...properties }) => ({
        id: Number(id),
        properties,
        geometry: JSON.parse(g as string) as Geometry,
      })),
    });
  }
  return encodeMvt(layers);
}

/** True when the database's PostGIS can make MVT itself (built with protobuf-c). */
export async function postgisHasMvt(db: Orm): Promise<boolean> {
  const [row] = await rows<{ v: string }>(db, sql`select postgis_full_version() as v`);
  return /PROTOBUF/i.test(row?.v ?? '');
}

/** The tile's bytes (empty when nothing is there). */
export async function renderTile(
  db: Orm,
  input: TileRequest & { engine?: 'postgis' | 'encoder' },
): Promise<Uint8Array> {
  const engine = input.engine ?? ((await postgisHasMvt(db)) ? 'postgis' : 'encoder');
  return engine === 'postgis' ? renderWithPostgis(db, input) : renderWithEncoder(db, input);
}

const Params = Type.Object({
  layer: Type.String({ maxLength: 20 }),
  z: Type.Integer({ minimum: 0, maximum: 30 }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.Integer({ minimum: 0 }),
});

export function tileRoutes(platform: Platform): FastifyPluginAsyncTypebox {
  let engine: 'postgis' | 'encoder' | undefined;
  return async (app) => {
    app.get(
      '/tiles/:layer/:z/:x/:y.pbf',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['geoportal'],
          summary: 'Vector tile (MVT) of a published layer: zones, roads, servitudes, reservations',
          params: Params,
        },
      },
      async (request, reply) => {
        const { layer, z, x, y } = request.params;
        if (!isPublishedLayer(layer)) throw new AppError('geo.layer_not_found');
        if (z > TILE_MAX_ZOOM || x >= 2 ** z || y >= 2 ** z) throw new AppError('geo.tile_invalid');
        reply.header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*');
        if (z < TILE_MIN_ZOOM) return reply.code(204).send();
        engine ??= (await postgisHasMvt(platform.db.orm)) ? 'postgis' : 'encoder';
        const tile = await renderTile(platform.db.orm, {
          layer,
          z,
          x,
          y,
          at: moroccanDate(platform.now()),
          engine,
        });
        if (tile.length === 0) return reply.code(204).send();
        const etag = `"${createHash('sha256').update(tile).digest('base64url').slice(0, 27)}"`;
        reply.header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        return reply.type(MVT_TYPE).send(Buffer.from(tile));
      },
    );
  };
}
