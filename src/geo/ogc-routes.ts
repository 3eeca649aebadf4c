// OGC API – Features at /ogc: Part 1 (core, GeoJSON, OpenAPI 3.0 description, a minimal HTML view)
// and Part 2 (`crs` and `bbox-crs` for CRS84, EPSG:4326 and the Lambert zones 26191/26192).
// One collection per layer (zones, roads, servitudes, reservations) across every agency, holding the
// plan versions visible on the requested date (`datetime`, today by default). GDAL reads it:
//   ogrinfo OAPIF:http://localhost:3000/ogc
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Platform } from '../platform/context.ts';
import { one, rows } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { type CrsCode, parseCrsCode } from './crs.ts';
import { isPublishedLayer, PUBLISHED_LAYERS, type PublishedLayer } from './layers.ts';
import { isIsoDate, moroccanDate } from './plan-lifecycle.ts';
import { statusAtSql } from './plan-queries.ts';
import './problems.ts';
import { STORAGE_SRID, sridOf } from './srid.ts';

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const epsgUri = (code: number) => `http://www.opengis.net/def/crs/EPSG/0/${code}`;

/** Output and bbox systems: the URI, our code, and whether the EPSG axis order is latitude first. */
const SUPPORTED: readonly { uri: string; crs: CrsCode; latFirst: boolean }[] = [
  { uri: CRS84, crs: 'EPSG:4326', latFirst: false },
  { uri: epsgUri(4326), crs: 'EPSG:4326', latFirst: true },
  { uri: epsgUri(26191), crs: 'EPSG:26191', latFirst: false },
  { uri: epsgUri(26192), crs: 'EPSG:26192', latFirst: false },
];
const SUPPORTED_URIS = SUPPORTED.map((s) => s.uri);

function crsParam(value: string | undefined): (typeof SUPPORTED)[number] {
  if (value === undefined || value === '') return SUPPORTED[0] as (typeof SUPPORTED)[number];
  const v = value.trim().replace(/^\[|\]$/g, '');
  const exact = SUPPORTED.find((s) => s.uri === v);
  if (exact) return exact;
  if (/CRS84$/i.test(v)) return SUPPORTED[0] as (typeof SUPPORTED)[number];
  const code = parseCrsCode(v);
  // 'EPSG:4326' written as a code keeps the EPSG axis order (latitude first), as the URI does.
  const found = SUPPORTED.find((s) => s.crs === code && (code !== 'EPSG:4326' || s.latFirst));
  if (found) return found;
  throw new AppError('geo.crs_not_supported', { params: { supported: SUPPORTED_URIS.join(', ') } });
}

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
];

const base = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function wantsHtml(request: FastifyRequest, f: string | undefined): boolean {
  if (f) return f === 'html';
  const accept = request.headers.accept ?? '';
  const html = accept.indexOf('text/html');
  const json = Math.min(
    ...['json', 'geo+json'].map((t) => accept.indexOf(t)).filter((i) => i >= 0),
    Infinity,
  );
  return html >= 0 && html < json;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} — Taamir OGC API</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.25rem .5rem;text-align:start}code{word-break:break-all}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function sendHtml(reply: FastifyReply, title: string, body: string) {
  return reply.type('text/html; charset=utf-8').send(htmlPage(title, body));
}

type Link = { href: string; rel: string; type: string; title?: string };

function atDate(datetime: string | undefined, platform: Platform): string {
  if (!datetime || datetime === '..') return moroccanDate(platform.now());
  // An instant (date or date-time) selects the plans of that day; intervals are not supported.
  const date = datetime.slice(0, 10);
  if (!isIsoDate(date) || (datetime.length > 10 && Number.isNaN(Date.parse(datetime))))
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/datetime', in: 'query', code: 'format', params: { format: 'date' } }],
    });
  return date;
}

function parseBbox(value: string | undefined, crs: (typeof SUPPORTED)[number]) {
  if (value === undefined || value === '') return undefined;
  const parts = value.split(',').map((s) => Number(s.trim()));
  if ((parts.length !== 4 && parts.length !== 6) || parts.some((n) => !Number.isFinite(n)))
    throw new AppError('geo.bbox_invalid');
  let [x1, y1, x2, y2] = parts.length === 6 ? [parts[0], parts[1], parts[3], parts[4]] : parts;
  if (crs.latFirst) [x1, y1, x2, y2] = [y1, x1, y2, x2];
  if ((x1 as number) > (x2 as number) || (y1 as number) > (y2 as number))
    throw new AppError('geo.bbox_invalid');
  return { box: [x1, y1, x2, y2] as [number, number, number, number], srid: sridOf(crs.crs) };
}

const Query = Type.Object(
  {
    f: Type.Optional(Type.String()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    bbox: Type.Optional(Type.String({ maxLength: 200 })),
    'bbox-crs': Type.Optional(Type.String({ maxLength: 200 })),
    crs: Type.Optional(Type.String({ maxLength: 200 })),
    datetime: Type.Optional(Type.String({ maxLength: 60 })),
    agency: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,8}$' })),
  },
  { additionalProperties: true },
);

const MAX_LIMIT = 1000;
const PUBLIC = { access: { kind: 'public' } } as const;

export function ogcRoutes(platform: Platform): FastifyPluginAsyncTypebox {
  const db = platform.db.orm;

  /** The layer's features visible on `at`, in the storage SRID, with their filters. */
  const featureSource = (layer: PublishedLayer, at: string) =>
    sql`from ${sql.raw(layer.table)} t
      join (select v.*, ${statusAtSql(at)} as state from plan_versions v) v on v.id = t.version_id
      join plan_documents d on d.id = v.document_id
      join agencies a on a.id = v.agency_id
      where v.state in ('in_force', 'public_enquiry', 'expired')`;

  async function collectionExtent(layer: PublishedLayer, at: string) {
    const e = await one<{ w: number | null; s: number; e: number; n: number }>(
      db,
      sql`select ST_XMin(x) as w, ST_YMin(x) as s, ST_XMax(x) as e, ST_YMax(x) as n
          from (select ST_Extent(t.geom)::geometry as x ${featureSource(layer, at)}) s`,
    );
    return e?.w === null || e?.w === undefined ? null : [Number(e.w), Number(e.s), Number(e.e), Number(e.n)];
  }

  async function collection(layer: PublishedLayer, request: FastifyRequest, at: string) {
    const root = `${base(request)}/ogc/collections/${layer.id}`;
    const bbox = await collectionExtent(layer, at);
    return {
      id: layer.id,
      title: layer.title.fr,
      description: layer.description,
      itemType: 'feature',
      extent: {
        spatial: { bbox: [bbox ?? [-17.2, 20.7, -1.0, 36.0]], crs: CRS84 },
        temporal: { interval: [[null, null]] },
      },
      crs: SUPPORTED_URIS,
      storageCrs: CRS84,
      links: [
        { href: root, rel: 'self', type: 'application/json', title: 'This collection' },
        { href: `${root}?f=html`, rel: 'alternate', type: 'text/html', title: 'This collection (HTML)' },
        { href: `${root}/items`, rel: 'items', type: 'application/geo+json', title: 'Features (GeoJSON)' },
        { href: `${root}/items?f=html`, rel: 'items', type: 'text/html', title: 'Features (HTML)' },
      ] satisfies Link[],
    };
  }

  function outputGeometry(crs: (typeof SUPPORTED)[number]) {
    if (crs.crs === 'EPSG:4326') {
      return crs.latFirst ? sql`ST_AsGeoJSON(ST_FlipCoordinates(t.geom), 8)` : sql`ST_AsGeoJSON(t.geom, 8)`;
    }
    return sql`ST_AsGeoJSON(ST_Transform(t.geom, ${sridOf(crs.crs)}::int), 3)`;
  }

  const notFound = (id: string) => {
    if (!isPublishedLayer(id)) throw new AppError('geo.collection_not_found');
    return PUBLISHED_LAYERS[id];
  };

  return async (app) => {
    app.get(
      '/ogc',
      {
        config: PUBLIC,
        schema: { tags: ['ogc'], summary: 'OGC API – Features: landing page', querystring: Query },
      },
      async (request, reply) => {
        const b = base(request);
        const links: Link[] = [
          { href: `${b}/ogc`, rel: 'self', type: 'application/json', title: 'This document' },
          { href: `${b}/ogc?f=html`, rel: 'alternate', type: 'text/html', title: 'This document (HTML)' },
          {
            href: `${b}/api/openapi.json`,
            rel: 'service-desc',
            type: 'application/vnd.oai.openapi+json;version=3.0',
            title: 'The API definition (OpenAPI)',
          },
          { href: `${b}/api/docs`, rel: 'service-doc', type: 'text/html', title: 'The API documentation' },
          {
            href: `${b}/ogc/conformance`,
            rel: 'conformance',
            type: 'application/json',
            title: 'Conformance',
          },
          { href: `${b}/ogc/collections`, rel: 'data', type: 'application/json', title: 'Collections' },
        ];
        const landing = {
          title: 'Taamir — documents d’urbanisme (OGC API – Features)',
          description:
            "Plans d'aménagement publiés par les agences urbaines du Maroc : zones, voirie, servitudes et réserves d'équipements. Données de démonstration synthétiques lorsque signalées (synthetic).",
          links,
        };
        if (wantsHtml(request, request.query.f))
          return sendHtml(
            reply,
            landing.title,
            `<p>${escapeHtml(landing.description)}</p><ul>${links
              .filter((l) => l.rel !== 'self')
              .map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.title ?? l.rel)}</a></li>`)
              .join('')}</ul>`,
          );
        return landing;
      },
    );

    app.get(
      '/ogc/conformance',
      {
        config: PUBLIC,
        schema: { tags: ['ogc'], summary: 'OGC API – Features: conformance classes', querystring: Query },
      },
      async (request, reply) => {
        if (wantsHtml(request, request.query.f))
          return sendHtml(
            reply,
            'Conformance',
            `<ul>${CONFORMANCE.map((c) => `<li><code>${c}</code></li>`).join('')}</ul>`,
          );
        return { conformsTo: CONFORMANCE };
      },
    );

    app.get(
      '/ogc/collections',
      {
        config: PUBLIC,
        schema: { tags: ['ogc'], summary: 'OGC API – Features: collections', querystring: Query },
      },
      async (request, reply) => {
        const at = atDate(request.query.datetime, platform);
        const collections = [];
        for (const layer of Object.values(PUBLISHED_LAYERS))
          collections.push(await collection(layer, request, at));
        const b = base(request);
        if (wantsHtml(request, request.query.f))
          return sendHtml(
            reply,
            'Collections',
            `<table><thead><tr><th>id</th><th>title</th><th>description</th></tr></thead><tbody>${collections
              .map(
                (c) =>
                  `<tr><td><a href="${escapeHtml(`${b}/ogc/collections/${c.id}/items?f=html`)}">${c.id}</a></td><td>${escapeHtml(c.title)}</td><td>${escapeHtml(c.description)}</td></tr>`,
              )
              .join('')}</tbody></table>`,
          );
        return {
          links: [
            { href: `${b}/ogc/collections`, rel: 'self', type: 'application/json', title: 'This document' },
            { href: `${b}/ogc/collections?f=html`, rel: 'alternate', type: 'text/html', title: 'HTML' },
          ],
          collections,
          crs: SUPPORTED_URIS,
        };
      },
    );

    app.get(
      '/ogc/collections/:collectionId',
      {
        config: PUBLIC,
        schema: {
          tags: ['ogc'],
          summary: 'OGC API – Features: one collection',
          params: Type.Object({ collectionId: Type.String({ maxLength: 40 }) }),
          querystring: Query,
        },
      },
      async (request, reply) => {
        const layer = notFound(request.params.collectionId);
        const c = await collection(layer, request, atDate(request.query.datetime, platform));
        if (wantsHtml(request, request.query.f))
          return sendHtml(
            reply,
            c.title,
            `<p>${escapeHtml(c.description)}</p><p><a href="${escapeHtml(`${base(request)}/ogc/collections/${c.id}/items?f=html`)}">Features</a></p>`,
          );
        return c;
      },
    );

    app.get(
      '/ogc/collections/:collectionId/items',
      {
        config: PUBLIC,
        schema: {
          tags: ['ogc'],
          summary:
            'OGC API – Features: features of a collection (bbox, limit, offset, datetime, crs, bbox-crs)',
          params: Type.Object({ collectionId: Type.String({ maxLength: 40 }) }),
          querystring: Query,
        },
      },
      async (request, reply) => {
        const layer = notFound(request.params.collectionId);
        const q = request.query;
        const at = atDate(q.datetime, platform);
        const out = crsParam(q.crs);
        const bboxCrs = crsParam(q['bbox-crs']);
        const bbox = parseBbox(q.bbox, bboxCrs);
        const limit = Math.min(q.limit ?? 100, MAX_LIMIT);
        const offset = q.offset ?? 0;
        const filters = [sql``];
        if (bbox) {
          const [x1, y1, x2, y2] = bbox.box;
          // The envelope is densified before reprojection, so its curved edges stay inside.
          const env =
            bbox.srid === STORAGE_SRID
              ? sql`ST_MakeEnvelope(${x1}, ${y1}, ${x2}, ${y2}, ${STORAGE_SRID}::int)`
              : sql`ST_Transform(ST_Segmentize(ST_MakeEnvelope(${x1}, ${y1}, ${x2}, ${y2}, ${bbox.srid}::int), 500), ${STORAGE_SRID}::int)`;
          filters.push(sql` and t.geom && ${env} and ST_Intersects(t.geom, ${env})`);
        }
        if (q.agency) filters.push(sql` and a.code = ${q.agency.toUpperCase()}`);
        const where = sql.join(filters, sql``);
        const [count] = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n ${featureSource(layer, at)} ${where}`,
        );
        const found = await rows<{ id: string | number; props: Record<string, unknown>; g: string }>(
          db,
          sql`select t.id, ${layer.properties} as props, ${outputGeometry(out)} as g
              ${featureSource(layer, at)} ${where}
              order by t.id limit ${limit} offset ${offset}`,
        );
        const matched = Number(count?.n ?? 0);
        const self = new URL(`${base(request)}${request.url}`);
        const page = (o: number) => {
          const u = new URL(self);
          u.searchParams.set('offset', String(o));
          u.searchParams.set('limit', String(limit));
          return u.toString();
        };
        const links: Link[] = [
          { href: self.toString(), rel: 'self', type: 'application/geo+json', title: 'This document' },
          {
            href: `${base(request)}/ogc/collections/${layer.id}`,
            rel: 'collection',
            type: 'application/json',
            title: 'The collection',
          },
        ];
        if (offset + found.length < matched)
          links.push({
            href: page(offset + limit),
            rel: 'next',
            type: 'application/geo+json',
            title: 'Next page',
          });
        if (offset > 0)
          links.push({
            href: page(Math.max(0, offset - limit)),
            rel: 'prev',
            type: 'application/geo+json',
            title: 'Previous page',
          });
        const features = found.map((r) => ({
          type: 'Feature' as const,
          id: Number(r.id),
          geometry: JSON.parse(r.g) as unknown,
          properties: r.props,
        }));
        reply.header('content-crs', `<${out.uri}>`).header('cache-control', 'public, max-age=60');
        if (wantsHtml(request, q.f))
          return sendHtml(
            reply,
            `${layer.title.fr} (${matched})`,
            `<p>${offset + 1}–${offset + features.length} / ${matched}</p><table><thead><tr><th>id</th><th>properties</th></tr></thead><tbody>${features
              .map(
                (f) =>
                  `<tr><td><a href="${escapeHtml(`${base(request)}/ogc/collections/${layer.id}/items/${f.id}?f=html`)}">${f.id}</a></td><td><code>${escapeHtml(JSON.stringify(f.properties))}</code></td></tr>`,
              )
              .join('')}</tbody></table>${links
              .filter((l) => l.rel === 'next' || l.rel === 'prev')
              .map(
                (l) =>
                  `<p><a href="${escapeHtml(l.href.replace(/([?&])f=[^&]*/, '$1f=html'))}">${l.rel}</a></p>`,
              )
              .join('')}`,
          );
        return reply.type('application/geo+json').send({
          type: 'FeatureCollection',
          timeStamp: platform.now().toISOString(),
          numberMatched: matched,
          numberReturned: features.length,
          features,
          links,
        });
      },
    );

    app.get(
      '/ogc/collections/:collectionId/items/:featureId',
      {
        config: PUBLIC,
        schema: {
          tags: ['ogc'],
          summary: 'OGC API – Features: one feature',
          params: Type.Object({
            collectionId: Type.String({ maxLength: 40 }),
            featureId: Type.String({ maxLength: 20 }),
          }),
          querystring: Query,
        },
      },
      async (request, reply) => {
        const layer = notFound(request.params.collectionId);
        if (!/^\d{1,15}$/.test(request.params.featureId)) throw new AppError('geo.feature_not_found');
        const out = crsParam(request.query.crs);
        const at = atDate(request.query.datetime, platform);
        const [r] = await rows<{ id: string | number; props: Record<string, unknown>; g: string }>(
          db,
          sql`select t.id, ${layer.properties} as props, ${outputGeometry(out)} as g
              ${featureSource(layer, at)} and t.id = ${Number(request.params.featureId)}`,
        );
        if (!r) throw new AppError('geo.feature_not_found');
        const b = base(request);
        const self = `${b}/ogc/collections/${layer.id}/items/${r.id}`;
        const feature = {
          type: 'Feature',
          id: Number(r.id),
          geometry: JSON.parse(r.g) as unknown,
          properties: r.props,
          links: [
            { href: self, rel: 'self', type: 'application/geo+json', title: 'This feature' },
            { href: `${b}/ogc/collections/${layer.id}`, rel: 'collection', type: 'application/json' },
          ],
        };
        reply.header('content-crs', `<${out.uri}>`).header('cache-control', 'public, max-age=60');
        if (wantsHtml(request, request.query.f))
          return sendHtml(
            reply,
            `${layer.title.fr} ${r.id}`,
            `<table><tbody>${Object.entries(r.props)
              .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(String(v ?? ''))}</td></tr>`)
              .join('')}</tbody></table>`,
          );
        return reply.type('application/geo+json').send(feature);
      },
    );
  };
}
