// Staff API for geomatics teams (permission geo.manage, within their agencies): upload a planning
// file (raw body: zipped shapefile or GeoJSON), follow its check, read the per-feature report,
// publish it as a new version, and move versions through their lifecycle.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import Type from 'typebox';
import type { Platform } from '../platform/context.ts';
import { rows } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { userOf } from '../platform/http/access.ts';
import { auditOf } from '../platform/http/audit-context.ts';
import { IdParams } from '../platform/http/schemas.ts';
import type { Locale } from '../platform/i18n/locale.ts';
import { type AgencyScope, scopeIncludes } from '../platform/tenancy/actor.ts';
import { changePlanStatus } from './change-plan-status.ts';
import { parseCrsCode } from './crs.ts';
import {
  createImport,
  getImport,
  listImportIssues,
  listImports,
  listPlans,
  publishImport,
  runImportCheck,
} from './import/imports.ts';
import { LAYER_KINDS } from './import/prepare-import.ts';
import { GEO_MESSAGES } from './messages.ts';
import './problems.ts';

const GEO = { access: { kind: 'staff', permission: 'geo.manage' } } as const;
const UPLOAD_TYPES = [
  'application/zip',
  'application/octet-stream',
  'application/geo+json',
  'application/x-zip-compressed',
];

const DateString = Type.String({ format: 'date' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Lifecycle = Type.Object(
  {
    status: Type.Union([Type.Literal('in_study'), Type.Literal('public_enquiry'), Type.Literal('approved')]),
    enquiryStart: Type.Optional(Nullable(DateString)),
    enquiryEnd: Type.Optional(Nullable(DateString)),
    decreeRefFr: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    decreeRefAr: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    approvedOn: Type.Optional(Nullable(DateString)),
    effectsUntil: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);

const PublishBody = Type.Object(
  {
    document: Type.Object(
      {
        slug: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,79}$' })),
        kind: Type.Union(
          ['sdau', 'plan_amenagement', 'plan_developpement', 'plan_restructuration', 'other'].map((k) =>
            Type.Literal(k),
          ),
        ),
        nameAr: Type.String({ minLength: 2, maxLength: 300 }),
        nameFr: Type.String({ minLength: 2, maxLength: 300 }),
        communeCodes: Type.Optional(
          Type.Array(Type.String({ pattern: '^[0-9.]{3,12}$' }), { maxItems: 200 }),
        ),
      },
      { additionalProperties: false },
    ),
    lifecycle: Lifecycle,
  },
  { additionalProperties: false },
);

const StatusBody = Type.Object(
  {
    status: Type.Union([
      Type.Literal('in_study'),
      Type.Literal('public_enquiry'),
      Type.Literal('approved'),
      Type.Literal('expired'),
    ]),
    enquiryStart: Type.Optional(Nullable(DateString)),
    enquiryEnd: Type.Optional(Nullable(DateString)),
    decreeRefFr: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    decreeRefAr: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    approvedOn: Type.Optional(Nullable(DateString)),
    effectsUntil: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);

/** The localized title of a geo.* code, for the report. */
function titleOf(code: string, locale: Locale): string | undefined {
  return (GEO_MESSAGES as Record<string, Record<Locale, string> | undefined>)[code]?.[locale];
}

async function agenciesInScope(platform: Platform, scope: AgencyScope) {
  const all = await rows<{ id: string; code: string; nameAr: string; nameFr: string }>(
    platform.db.orm,
    sql`select id, code, name_ar as "nameAr", name_fr as "nameFr" from agencies order by code`,
  );
  return all.filter((a) => scopeIncludes(scope, a.id));
}

export function geoAdminRoutes(platform: Platform): FastifyPluginAsyncTypebox {
  /** Checks run in the background; the app waits for them when it closes. */
  const running = new Set<Promise<void>>();

  return async (app) => {
    for (const type of UPLOAD_TYPES) {
      if (!app.hasContentTypeParser(type)) {
        app.addContentTypeParser(
          type,
          { parseAs: 'buffer', bodyLimit: platform.config.uploads.limitBytes },
          (_request, body, done) => done(null, body),
        );
      }
    }
    app.addHook('onClose', async () => {
      await Promise.allSettled([...running]);
    });

    app.get(
      '/api/geo/agencies',
      {
        config: GEO,
        schema: { tags: ['geo'], summary: 'Agencies whose plans I manage' },
      },
      async (request) => (await agenciesInScope(platform, request.scope)).map(({ id: _id, ...a }) => a),
    );

    app.post(
      '/api/geo/imports',
      {
        config: GEO,
        bodyLimit: platform.config.uploads.limitBytes,
        schema: {
          tags: ['geo'],
          summary:
            'Upload a planning file (body: zipped shapefile or GeoJSON, Content-Type application/zip or application/octet-stream); checked in the background',
          querystring: Type.Object({
            agency: Type.String({ pattern: '^[A-Z]{2,8}$' }),
            fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            crs: Type.Optional(Type.String({ maxLength: 80 })),
            layer: Type.Optional(Type.Union(LAYER_KINDS.map((k) => Type.Literal(k)))),
          }),
          response: { 202: Type.Object({ id: Type.String(), status: Type.String() }) },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const agency = (await agenciesInScope(platform, request.scope)).find((a) => a.code === q.agency);
        if (!agency) throw new AppError('geo.agency_not_found');
        const body = request.body;
        if (!(body instanceof Buffer) || body.length === 0) throw new AppError('geo.upload_empty');
        if (q.crs && !parseCrsCode(q.crs)) throw new AppError('geo.crs_unknown');
        const user = userOf(request);
        const id = await createImport(platform.db.orm, {
          agencyId: agency.id,
          actor: { userId: user.userId, label: user.email },
          fileName: q.fileName ?? 'upload',
          bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
          crs: q.crs ?? null,
          layer: q.layer ?? null,
          now: platform.now(),
        });
        const job = runImportCheck(platform, id).finally(() => running.delete(job));
        running.add(job);
        return reply
          .code(202)
          .header('location', `/api/geo/imports/${id}`)
          .send({ id, status: 'processing' });
      },
    );

    app.get(
      '/api/geo/imports',
      {
        config: GEO,
        schema: { tags: ['geo'], summary: 'Recent imports of my agencies' },
      },
      async (request) => listImports(platform.db.orm, request.scope),
    );

    app.get(
      '/api/geo/imports/:id',
      {
        config: GEO,
        schema: { tags: ['geo'], summary: 'An import: progress, then its dry-run report', params: IdParams },
      },
      async (request) => {
        const view = await getImport(platform.db.orm, request.scope, request.params.id);
        const fileError = view.report?.fileError;
        if (!view.report || !fileError) return view;
        return {
          ...view,
          report: {
            ...view.report,
            fileError: { ...fileError, title: titleOf(fileError.code, request.locale) },
          },
        };
      },
    );

    app.get(
      '/api/geo/imports/:id/issues',
      {
        config: GEO,
        schema: {
          tags: ['geo'],
          summary: 'Per-feature issues of an import',
          params: IdParams,
          querystring: Type.Object({
            offset: Type.Integer({ minimum: 0, default: 0 }),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            severity: Type.Optional(Type.Union([Type.Literal('error'), Type.Literal('warning')])),
          }),
        },
      },
      async (request) => {
        const page = await listImportIssues(platform.db.orm, request.scope, request.params.id, {
          offset: request.query.offset,
          limit: request.query.limit,
          ...(request.query.severity ? { severity: request.query.severity } : {}),
        });
        return { ...page, items: page.items.map((i) => ({ ...i, title: titleOf(i.code, request.locale) })) };
      },
    );

    app.post(
      '/api/geo/imports/:id/publish',
      {
        config: GEO,
        schema: {
          tags: ['geo'],
          summary: 'Publish a checked import as a new version of a planning document (one transaction)',
          params: IdParams,
          body: PublishBody,
        },
      },
      async (request, reply) => {
        const result = await publishImport(
          platform,
          auditOf(request),
          request.scope,
          request.params.id,
          request.body as Parameters<typeof publishImport>[4],
        );
        return reply.code(201).send(result);
      },
    );

    app.get(
      '/api/geo/plans',
      {
        config: GEO,
        schema: { tags: ['geo'], summary: 'Planning documents of my agencies, with every version' },
      },
      async (request) => listPlans(platform.db.orm, request.scope),
    );

    app.post(
      '/api/geo/versions/:id/status',
      {
        config: GEO,
        schema: {
          tags: ['geo'],
          summary: 'Change the status of a plan version (public enquiry, approval by decree, end of effects)',
          params: IdParams,
          body: StatusBody,
        },
      },
      async (request) => {
        const { version, replaced } = await changePlanStatus(
          platform,
          auditOf(request),
          request.scope,
          request.params.id,
          request.body,
        );
        return {
          id: version.id,
          status: version.status,
          approvedOn: version.approvedOn,
          effectsUntil: version.effectsUntil,
          enquiryStart: version.enquiryStart,
          replaced,
        };
      },
    );
  };
}
