// Public reference data: agencies with their contact sheets, regions and provinces, communes.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import Type from 'typebox';
import { appendAudit } from '../platform/audit/audit-log.ts';
import type { Platform } from '../platform/context.ts';
import { agencies } from '../platform/db/tables.ts';
import { AppError, defineProblems } from '../platform/errors.ts';
import { auditOf } from '../platform/http/audit-context.ts';
import { scopeIncludes } from '../platform/tenancy/actor.ts';
import { type AgencyView, listAgencies, listCommunesOfAgency, listRegions } from './list-agencies.ts';
import { PHONE_PATTERN } from './reference-data.ts';

export const ReferenceProblems = defineProblems({
  'reference.agency_not_found': {
    status: 404,
    title: { ar: 'الوكالة غير موجودة', fr: 'Agence introuvable', en: 'Agency not found' },
  },
});

const Bilingual = Type.Object({ ar: Type.String(), fr: Type.String() });
const Contact = Type.Object(
  {
    address: Bilingual,
    phones: Type.Array(
      Type.Object({ service: Type.String(), number: Type.String({ pattern: PHONE_PATTERN }) }),
      { maxItems: 12 },
    ),
    email: Type.String({ format: 'email' }),
    website: Type.String({ pattern: '^https?://' }),
    social: Type.Object(
      {
        facebook: Type.Optional(Type.String({ pattern: '^https://' })),
        x: Type.Optional(Type.String({ pattern: '^https://' })),
        youtube: Type.Optional(Type.String({ pattern: '^https://' })),
        linkedin: Type.Optional(Type.String({ pattern: '^https://' })),
        instagram: Type.Optional(Type.String({ pattern: '^https://' })),
      },
      { additionalProperties: false },
    ),
    hours: Bilingual,
  },
  { additionalProperties: false },
);
const Agency = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameAr: Type.String(),
  nameFr: Type.String(),
  seat: Bilingual,
  provinces: Type.Array(
    Type.Object({
      code: Type.String(),
      kind: Type.String(),
      nameAr: Type.String(),
      nameFr: Type.String(),
      regionCode: Type.String(),
    }),
  ),
  contact: Contact,
  demoFields: Type.Array(Type.String()),
  unverifiedFields: Type.Array(Type.String()),
});
const CodeParams = Type.Object(
  { code: Type.String({ pattern: '^[A-Z]{2,8}$' }) },
  { additionalProperties: false },
);

/**
 * Reference data changes rarely: each process keeps it a few seconds (and drops it on its own edits),
 * together with its JSON text and an ETag, so the list is serialized once, not on every request.
 */
function cached<T>(ttlMs: number, load: () => Promise<T>) {
  type Entry = { data: T; json: string; etag: string };
  let value: { at: number; entry: Promise<Entry> } | undefined;
  return {
    entry(now: number): Promise<Entry> {
      if (!value || now - value.at > ttlMs) {
        const entry = load().then((data) => {
          const json = JSON.stringify(data);
          return {
            data,
            json,
            etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
          };
        });
        value = { at: now, entry };
        entry.catch(() => {
          value = undefined;
        });
      }
      return value.entry;
    },
    async get(now: number): Promise<T> {
      return (await this.entry(now)).data;
    },
    clear() {
      value = undefined;
    },
  };
}

export function referenceRoutes(platform: Platform): FastifyPluginAsyncTypebox {
  const agencyList = cached(30_000, () => listAgencies(platform.db.orm));
  const byCode = async (code: string): Promise<AgencyView> => {
    const agency = (await agencyList.get(Date.now())).find((a) => a.code === code);
    if (!agency) throw new AppError('reference.agency_not_found');
    return agency;
  };

  return async (app) => {
    app.get(
      '/api/agencies',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['reference'],
          summary: 'The urban agencies, their provinces and contact sheets',
          response: { 200: Type.Array(Agency), 304: Type.Null() },
        },
      },
      async (request, reply) => {
        const { json, etag } = await agencyList.entry(Date.now());
        reply.header('cache-control', 'public, max-age=60').header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
        // Already JSON text: Fastify sends a string as it is, without serializing it again.
        return reply.type('application/json; charset=utf-8').send(json as never);
      },
    );

    app.get(
      '/api/agencies/:code',
      {
        config: { access: { kind: 'public' } },
        schema: { tags: ['reference'], summary: 'One agency', params: CodeParams, response: { 200: Agency } },
      },
      async (request) => byCode(request.params.code),
    );

    app.get(
      '/api/agencies/:code/communes',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['reference'],
          summary: 'Communes covered by an agency',
          params: CodeParams,
          response: {
            200: Type.Array(
              Type.Object({
                code: Type.String(),
                provinceCode: Type.String(),
                kind: Type.String(),
                parentCode: Type.Union([Type.String(), Type.Null()]),
                nameAr: Type.String(),
                nameFr: Type.String(),
              }),
            ),
          },
        },
      },
      async (request) => listCommunesOfAgency(platform.db.orm, (await byCode(request.params.code)).id),
    );

    app.get(
      '/api/regions',
      {
        config: { access: { kind: 'public' } },
        schema: { tags: ['reference'], summary: 'Regions with their prefectures and provinces' },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return listRegions(platform.db.orm);
      },
    );

    app.put(
      '/api/agencies/:code/contact',
      {
        config: { access: { kind: 'staff', permission: 'agency.update' } },
        schema: {
          tags: ['reference'],
          summary: "Update an agency's public contact sheet",
          params: CodeParams,
          body: Contact,
          response: { 200: Agency },
        },
      },
      async (request) => {
        const agency = await byCode(request.params.code);
        if (!scopeIncludes(request.scope, agency.id)) throw new AppError('reference.agency_not_found');
        const now = platform.now();
        await platform.db.transaction(async (tx) => {
          await tx
            .update(agencies)
            .set({
              contact: request.body,
              demoFields: [],
              unverifiedFields: agency.unverifiedFields.filter((f) => !f.startsWith('contact')),
              updatedAt: now,
            })
            .where(eq(agencies.id, agency.id));
          await appendAudit(
            tx,
            auditOf(request),
            {
              action: 'agency.contact_updated',
              objectType: 'agency',
              objectId: agency.id,
              agencyId: agency.id,
              summary: { before: agency.contact, after: request.body },
            },
            now,
          );
        });
        agencyList.clear();
        return byCode(agency.code);
      },
    );
  };
}
