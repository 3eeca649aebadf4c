// The public geoportal API: map configuration, the plans shown, the search box (land title,
// coordinates, commune), a zone's rules, and the free indicative urban sheet (fiche urbanistique)
// for a land title, a point or a drawn parcel — marked as not a legal document.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { Platform } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import type { Locale } from '../platform/i18n/locale.ts';
import { type CrsCode, parseCrsCode } from './crs.ts';
import { PUBLISHED_LAYERS } from './layers.ts';
import { type OverlayResult, overlayParcel } from './overlay.ts';
import { isIsoDate, moroccanDate } from './plan-lifecycle.ts';
import './problems.ts';
import {
  findTitles,
  listVisiblePlans,
  planRules,
  pointsInPlans,
  searchGeoportal,
  type TitleHit,
  zoneDetails,
} from './search.ts';
import { coordinateCandidates } from './search-query.ts';
import { TILE_MAX_ZOOM, TILE_MIN_ZOOM } from './tile-routes.ts';
import type { Geometry } from './types.ts';
import { ZONE_FAMILIES } from './zone-families.ts';

/** The sheet is for a building plot, not a district: 50 ha at most. */
export const MAX_SHEET_AREA_M2 = 500_000;

export const SHEET_NOTICE: Readonly<Record<Locale, string>> = {
  ar: 'بطاقة إرشادية مجانية لا تكتسي أي صبغة قانونية. وحدها مذكرة المعلومات التعميرية المسلمة من طرف الوكالة الحضرية تثبت الوضعية التعميرية للعقار.',
  fr: "Fiche indicative gratuite, sans valeur juridique. Seule la note de renseignements urbanistiques délivrée par l'agence urbaine fait foi de la situation urbanistique du terrain.",
  en: 'Free indicative sheet with no legal value. Only the planning information note issued by the urban agency states the planning situation of the land.',
};

const PUBLIC = { access: { kind: 'public' } } as const;
const DateQuery = Type.Optional(Type.String({ format: 'date' }));

function atOf(value: string | undefined, platform: Platform): string {
  if (value === undefined) return moroccanDate(platform.now());
  if (!isIsoDate(value))
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/at', in: 'query', code: 'format', params: { format: 'date' } }],
    });
  return value;
}

const GeometryBody = Type.Object(
  {
    type: Type.Union([Type.Literal('Point'), Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown(), { maxItems: 2000 }),
  },
  { additionalProperties: false },
);

export type UrbanSheet = {
  indicative: true;
  notice: string;
  generatedAt: string;
  title: TitleHit | null;
  overlay: OverlayResult;
};

function crsOf(value: string | undefined): CrsCode {
  if (!value) return 'EPSG:4326';
  const crs = parseCrsCode(value);
  if (!crs) throw new AppError('geo.crs_unknown');
  return crs;
}

export function geoportalRoutes(platform: Platform): FastifyPluginAsyncTypebox {
  const db = platform.db.orm;
  const sheet = async (
    locale: Locale,
    geometry: Geometry,
    crs: CrsCode,
    at: string,
    title: TitleHit | null,
  ): Promise<UrbanSheet> => ({
    indicative: true,
    notice: SHEET_NOTICE[locale],
    generatedAt: platform.now().toISOString(),
    title,
    overlay: await overlayParcel(db, {
      geometry,
      crs,
      at,
      maxAreaM2: MAX_SHEET_AREA_M2,
    }),
  });

  return async (app) => {
    app.get(
      '/api/geoportal/config',
      {
        config: PUBLIC,
        schema: { tags: ['geoportal'], summary: 'Map configuration: layers, tiles, optional basemap' },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return {
          basemap: platform.config.geo.basemapUrl
            ? {
                url: platform.config.geo.basemapUrl,
                attribution: platform.config.geo.basemapAttribution ?? '',
              }
            : null,
          tiles: {
            url: '/tiles/{layer}/{z}/{x}/{y}.pbf',
            minzoom: TILE_MIN_ZOOM,
            maxzoom: TILE_MAX_ZOOM,
            layers: Object.values(PUBLISHED_LAYERS).map((l) => ({ id: l.id, title: l.title })),
          },
          zoneFamilies: ZONE_FAMILIES,
          ogc: '/ogc',
        };
      },
    );

    app.get(
      '/api/geoportal/plans',
      {
        config: PUBLIC,
        schema: {
          tags: ['geoportal'],
          summary: 'Planning documents shown on a date (in force, under public enquiry, expired)',
          querystring: Type.Object({ at: DateQuery }),
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        return listVisiblePlans(db, atOf(request.query.at, platform));
      },
    );

    app.get(
      '/api/geoportal/plans/:versionId/rules',
      {
        config: PUBLIC,
        schema: {
          tags: ['geoportal'],
          summary: 'The regulation of each zone code of a plan (the rules without the map)',
          params: Type.Object({ versionId: Type.String({ format: 'uuid' }) }),
          querystring: Type.Object({ at: DateQuery }),
        },
      },
      async (request, reply) => {
        const found = await planRules(db, request.params.versionId, atOf(request.query.at, platform));
        if (!found) throw new AppError('geo.plan_not_found');
        reply.header('cache-control', 'public, max-age=60');
        return found;
      },
    );

    app.get(
      '/api/geoportal/search',
      {
        config: PUBLIC,
        schema: {
          tags: ['geoportal'],
          summary: 'Search by land-title number, coordinates (Lambert or WGS 84) or commune',
          querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 120 }), at: DateQuery }),
        },
      },
      async (request) => searchGeoportal(db, request.query.q, atOf(request.query.at, platform)),
    );

    app.get(
      '/api/geoportal/zones/:id',
      {
        config: PUBLIC,
        schema: {
          tags: ['geoportal'],
          summary: 'A zone and its regulation',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          querystring: Type.Object({ at: DateQuery }),
        },
      },
      async (request) => {
        const zone = await zoneDetails(db, request.params.id, atOf(request.query.at, platform));
        if (!zone) throw new AppError('geo.feature_not_found');
        return zone;
      },
    );

    app.get(
      '/api/geoportal/sheet',
      {
        config: PUBLIC,
        schema: {
          tags: ['geoportal'],
          summary:
            'Indicative urban sheet for a land title (title=31457/C), or a point (x, y[, crs]; Lambert or WGS 84 detected)',
          querystring: Type.Object({
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            kind: Type.Optional(Type.Union([Type.Literal('titre_foncier'), Type.Literal('requisition')])),
            x: Type.Optional(Type.Number()),
            y: Type.Optional(Type.Number()),
            crs: Type.Optional(Type.String({ maxLength: 80 })),
            at: DateQuery,
          }),
        },
      },
      async (request) => {
        const q = request.query;
        const at = atOf(q.at, platform);
        if (q.title) {
          const titles = (await findTitles(db, q.title)).filter((t) => !q.kind || t.kind === q.kind);
          const title = titles[0];
          if (!title) throw new AppError('geo.title_not_found');
          return sheet(request.locale, title.geometry, 'EPSG:4326', at, title);
        }
        if (q.x === undefined || q.y === undefined)
          throw new AppError('request.invalid', {
            fields: [
              { pointer: '/title', in: 'query', code: 'required', params: { missingProperty: 'title' } },
            ],
          });
        let crs: CrsCode;
        let point: [number, number] = [q.x, q.y];
        if (q.crs) crs = crsOf(q.crs);
        else {
          // The reading that falls inside a published plan first (Lambert zones share false origins).
          const [best] = await pointsInPlans(db, coordinateCandidates(`${q.x} ${q.y}`), at);
          if (!best) throw new AppError('geo.parcel_invalid');
          crs = best.crs;
          point = [best.x, best.y];
        }
        return sheet(request.locale, { type: 'Point', coordinates: point }, crs, at, null);
      },
    );

    app.post(
      '/api/geoportal/sheet',
      {
        // Reads only: API clients may call it without a browser's CSRF token.
        config: { ...PUBLIC, csrf: false },
        schema: {
          tags: ['geoportal'],
          summary: 'Indicative urban sheet for a drawn parcel (GeoJSON Polygon or Point, WGS 84 or Lambert)',
          body: Type.Object(
            {
              geometry: GeometryBody,
              crs: Type.Optional(Type.String({ maxLength: 80 })),
              at: DateQuery,
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const body = request.body;
        return sheet(
          request.locale,
          body.geometry as Geometry,
          crsOf(body.crs),
          atOf(body.at, platform),
          null,
        );
      },
    );
  };
}
