// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2, in XML and JSON:
//   GET  discovery.{fmt}                 service discovery (also at /open311/discovery.{fmt})
//   GET  services.{fmt}                  an agency's categories (jurisdiction_id = agency code)
//   GET  services/{code}.{fmt}           a category's extra questions as attributes
//   POST requests.{fmt}                  file a complaint (api_key of a partner with the `open311` scope)
//   GET  requests.{fmt}                  filters; default: the last 90 days, at most 1000 requests
//   GET  requests/{id}.{fmt}             one request (id = the reference number)
//   GET  tokens/{id}.{fmt}               the request a token stands for
// Anyone may read public requests (moderated, no personal data). With an api_key or a staff session,
// reads are limited to the caller's agencies, whose non-public requests are then listed too; any other
// agency's request is "not found". Errors use Open311's format: [{code, description}] or <errors>.

import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { resolveApiToken } from '../../../accounts/api-tokens.ts';
import type { Engine } from '../../../engine/engine.ts';
import { cases } from '../../../engine/tables.ts';
import { agencies } from '../../../platform/db/tables.ts';
import { AppError, isAppError, problemDefinition } from '../../../platform/errors.ts';
import { auditOf } from '../../../platform/http/audit-context.ts';
import { fieldMessage } from '../../../platform/http/field-messages.ts';
import { toAppError } from '../../../platform/http/problem-handler.ts';
import { interpolate, type Locale } from '../../../platform/i18n/locale.ts';
import { randomToken } from '../../../platform/security/crypto.ts';
import { hitRateLimit } from '../../../platform/security/rate-limit.ts';
import {
  type AgencyScope,
  agencyScope,
  inScope,
  type PartnerActor,
  scopeIncludes,
} from '../../../platform/tenancy/actor.ts';
import { normalizeEmail, normalizePhone } from '../contact.ts';
import { type LoadedComplaint, loadByCase, loadByReference } from '../load.ts';
import { formatDay } from '../notify.ts';
import '../problems.ts';
import { COMPLAINT_PROCEDURE_CODE } from '../procedure.ts';
import { complaintCategories, complaints, open311Tokens } from '../tables.ts';
import { fileComplaint } from '../use-cases/file-complaint.ts';
import { agencyByCode, findCategory, listCategories } from '../use-cases/manage-categories.ts';
import { publicView, textsArePublic } from '../views.ts';
import { contentType, type Format, isFormat, list, render, renderErrors } from './format.ts';
import { OPEN311_SCOPE } from './issue-key.ts';
import './problems.ts';

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const DEFAULT_DAYS = 90;
const MAX_RESULTS = 1000;

type Params = { format?: string; code?: string; id?: string };
type Query = Record<string, string | string[] | undefined>;

const formatOf = (request: FastifyRequest): Format => {
  const f = (request.params as Params).format;
  if (isFormat(f)) return f;
  return request.url.split('?')[0]?.endsWith('.xml') ? 'xml' : 'json';
};

function send(reply: FastifyReply, format: Format, status: number, body: string) {
  return reply
    .code(status)
    .header('content-type', contentType(format))
    .header('cache-control', 'no-cache')
    .send(body);
}

/** An AppError as Open311 errors, in the caller's language: the title, the detail, the fields. */
function errorsOf(error: AppError, locale: Locale) {
  const definition = problemDefinition(error.code) ?? problemDefinition('internal.error');
  const title = definition?.title[locale] ?? 'Error';
  const detail = definition?.detail ? interpolate(definition.detail[locale], error.params) : '';
  const fields = error.fields.map(
    (f) => `${f.pointer.replace(/^\//, '') || f.in}: ${fieldMessage(f, locale)}`,
  );
  const description = [title, detail, ...fields].filter(Boolean).join(' — ');
  return [{ code: definition ? error.status : 500, description }];
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();

/** ISO 8601 with the Moroccan offset of that day (Africa/Casablanca moves between +00 and +01). */
export function endOfDayInMorocco(day: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Africa/Casablanca', timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name && /^GMT[+-]\d{2}:\d{2}$/.test(name) ? name.slice(3) : '+01:00';
  return `${day}T23:59:59${offset}`;
}

/** The caller of a read: a partner (api_key or Bearer token) or staff see only their agencies. */
async function readScope(engine: Engine, request: FastifyRequest, query: Query): Promise<AgencyScope | null> {
  const key = first(query.api_key);
  if (key) return agencyScope(await partnerOf(engine, key), 'queue.read');
  const actor = request.actor;
  if (actor.kind === 'partner') {
    if (!actor.scopes.includes(OPEN311_SCOPE)) throw new AppError('open311.api_key_invalid');
    return agencyScope(actor, 'queue.read');
  }
  if (actor.kind === 'user' && actor.memberships.length) return agencyScope(actor, 'queue.read');
  return null;
}

async function partnerOf(engine: Engine, key: string | undefined): Promise<PartnerActor> {
  if (!key) throw new AppError('open311.api_key_missing');
  const partner = await resolveApiToken(engine.platform.db.orm, key, engine.platform.now());
  if (!partner?.scopes.includes(OPEN311_SCOPE)) throw new AppError('open311.api_key_invalid');
  return partner;
}

async function jurisdiction(engine: Engine, query: Query, partner?: PartnerActor) {
  const code = first(query.jurisdiction_id)?.toUpperCase();
  const db = engine.platform.db.orm;
  if (code) {
    const agency = await agencyByCode(db, code);
    if (!agency) throw new AppError('open311.jurisdiction_unknown', { params: { jurisdiction: code } });
    if (partner?.agencyId && partner.agencyId !== agency.id)
      throw new AppError('open311.jurisdiction_mismatch');
    return agency;
  }
  if (partner?.agencyId) {
    const [agency] = await db
      .select({ id: agencies.id, code: agencies.code, nameAr: agencies.nameAr, nameFr: agencies.nameFr })
      .from(agencies)
      .where(eq(agencies.id, partner.agencyId));
    if (agency) return agency;
  }
  const served = await db
    .selectDistinct({ code: agencies.code })
    .from(complaintCategories)
    .innerJoin(agencies, eq(agencies.id, complaintCategories.agencyId))
    .where(eq(complaintCategories.active, true))
    .orderBy(agencies.code);
  throw new AppError('open311.jurisdiction_required', {
    params: { jurisdictions: served.map((a) => a.code).join(', ') },
  });
}

const localized = (text: { ar: string; fr: string; en: string } | null | undefined, locale: Locale) =>
  text ? text[locale] : '';

function requestOf(view: Awaited<ReturnType<typeof publicView>>, loaded: LoadedComplaint, locale: Locale) {
  const lastText = [...view.history].reverse().find((h) => h.text)?.text ?? null;
  let notes = lastText ?? view.state.label[locale];
  if (view.duplicateOf)
    notes = `${view.state.label[locale]}: ${view.duplicateOf}${lastText ? ` — ${lastText}` : ''}`;
  if (view.redirectedTo)
    notes = `${view.state.label[locale]}: ${view.redirectedTo.name[locale]}${lastText ? ` — ${lastText}` : ''}`;
  return {
    service_request_id: view.reference,
    status: view.status,
    status_notes: notes,
    service_name: view.category.name[locale],
    service_code: view.category.code,
    description: view.description ?? '',
    agency_responsible: view.redirectedTo ? view.redirectedTo.name[locale] : view.agency.name[locale],
    service_notice: '',
    requested_datetime: view.requestedAt,
    updated_datetime: view.updatedAt,
    expected_datetime: view.expectedOn ? endOfDayInMorocco(view.expectedOn) : null,
    address: view.address ?? '',
    address_id: '',
    zipcode: '',
    lat: view.location?.latitude ?? null,
    long: view.location?.longitude ?? null,
    media_url: textsArePublic(loaded) && loaded.complaint.mediaUrl ? loaded.complaint.mediaUrl : null,
  };
}

function parseDate(value: string | undefined, name: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new AppError('open311.invalid', {
      params: { field: name },
      fields: [{ pointer: `/${name}`, in: 'query', code: 'format', params: { format: 'date-time' } }],
    });
  return date;
}

/** `attribute[code]=v` and `attribute[code][]=v` (form) or `attribute: {code: v}` (JSON). */
function attributesOf(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (body.attribute && typeof body.attribute === 'object' && !Array.isArray(body.attribute))
    Object.assign(out, body.attribute);
  for (const [key, value] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (m) out[m[1]!] = m[2] && !Array.isArray(value) ? [value] : value;
  }
  return out;
}

export function open311Routes(engine: Engine): FastifyPluginAsync {
  const platform = engine.platform;
  const db = platform.db.orm;
  const PUBLIC = { access: { kind: 'public' } } as const;
  return async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const appError = isAppError(error) ? error : toAppError(error as Error);
      if (appError.status >= 500) request.log.error({ err: error }, 'open311 request failed');
      for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value);
      const errors = errorsOf(appError, request.locale);
      return send(reply, formatOf(request), errors[0]!.code, renderErrors(formatOf(request), errors));
    });
    app.setNotFoundHandler((request, reply) => {
      const errors = errorsOf(new AppError('open311.not_found'), request.locale);
      return send(reply, formatOf(request), 404, renderErrors(formatOf(request), errors));
    });

    const guard = (request: FastifyRequest) => {
      if (!isFormat((request.params as Params).format)) throw new AppError('open311.format_unsupported');
    };

    const discovery = async (request: FastifyRequest, reply: FastifyReply) => {
      guard(request);
      const format = formatOf(request);
      const base = platform.config.http.publicUrl;
      const [latest] = await db
        .select({ at: sql<Date>`max(${complaintCategories.updatedAt})` })
        .from(complaintCategories);
      const changeset = new Date(latest?.at ?? 0).toISOString();
      return send(
        reply,
        format,
        200,
        render(
          format,
          { root: 'discovery' },
          {
            changeset,
            contact: `Taamir — ${base}/api/docs`,
            key_service: `${base}/back-office/complaints/open311-keys`,
            endpoints: list(format, 'endpoint', [
              {
                specification: SPEC,
                url: `${base}/open311/v2`,
                changeset,
                type: 'production',
                formats: list(format, 'format', ['text/xml', 'application/json']),
              },
            ]),
          },
        ),
      );
    };
    app.get(
      '/discovery.:format',
      { config: PUBLIC, schema: { tags: ['open311'], summary: 'Service discovery' } },
      discovery,
    );
    app.get(
      '/v2/discovery.:format',
      { config: PUBLIC, schema: { tags: ['open311'], summary: 'Service discovery' } },
      discovery,
    );

    app.get(
      '/v2/services.:format',
      {
        config: PUBLIC,
        schema: { tags: ['open311'], summary: 'Services: the complaint categories of an agency' },
      },
      async (request, reply) => {
        guard(request);
        const format = formatOf(request);
        const query = request.query as Query;
        const key = first(query.api_key);
        const agency = await jurisdiction(engine, query, key ? await partnerOf(engine, key) : undefined);
        const locale = request.locale;
        const services = (await listCategories(db, agency.id)).map((c) => ({
          service_code: c.code,
          service_name: c.name[locale],
          description: localized(c.description, locale),
          metadata: c.questions.length > 0,
          type: 'realtime',
          keywords: c.keywords.join(', '),
          group: localized(c.groupName, locale),
        }));
        return send(reply, format, 200, render(format, { root: 'services', item: 'service' }, services));
      },
    );

    app.get(
      '/v2/services/:code.:format',
      {
        config: PUBLIC,
        schema: { tags: ['open311'], summary: "A service's definition: its attributes (extra questions)" },
      },
      async (request, reply) => {
        guard(request);
        const format = formatOf(request);
        const query = request.query as Query;
        const key = first(query.api_key);
        const agency = await jurisdiction(engine, query, key ? await partnerOf(engine, key) : undefined);
        const code = (request.params as Params).code ?? '';
        const category = /^[a-z][a-z0-9_]{1,39}$/.test(code)
          ? await findCategory(db, agency.id, code, { active: true })
          : undefined;
        if (!category) throw new AppError('open311.service_not_found', { params: { code } });
        const locale = request.locale;
        const attributes = category.questions.map((q, i) => ({
          variable: true,
          code: q.code,
          datatype: q.datatype,
          required: q.required,
          datatype_description: q.hint?.[locale] ?? '',
          order: i + 1,
          description: q.label[locale],
          ...(q.values?.length
            ? {
                values: list(
                  format,
                  'value',
                  q.values.map((v) => ({ key: v.key, name: v.name[locale] })),
                ),
              }
            : {}),
        }));
        return send(
          reply,
          format,
          200,
          render(
            format,
            { root: 'service_definition' },
            {
              service_code: category.code,
              attributes: list(format, 'attribute', attributes),
            },
          ),
        );
      },
    );

    app.post(
      '/v2/requests.:format',
      {
        config: { ...PUBLIC, csrf: false },
        schema: {
          tags: ['open311'],
          summary: 'File a complaint (api_key required)',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
        },
      },
      async (request, reply) => {
        guard(request);
        const format = formatOf(request);
        const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
          string,
          unknown
        >;
        const query = request.query as Query;
        const text = (name: string) => {
          const v = body[name] ?? query[name];
          return typeof v === 'string'
            ? v.trim()
            : Array.isArray(v) && typeof v[0] === 'string'
              ? v[0].trim()
              : undefined;
        };
        const key = text('api_key');
        let partner: PartnerActor;
        if (key) partner = await partnerOf(engine, key);
        else if (request.actor.kind === 'partner') {
          if (!request.actor.scopes.includes(OPEN311_SCOPE)) throw new AppError('open311.api_key_invalid');
          partner = request.actor;
        } else throw new AppError('open311.api_key_missing');
        await hitRateLimit(
          db,
          `open311:post:key:${partner.tokenId}`,
          { limit: 300, windowSeconds: 3600 },
          platform.now(),
        );
        const agency = await jurisdiction(engine, { jurisdiction_id: text('jurisdiction_id') }, partner);

        // Location: lat & long, or an address (the spec asks for one of them).
        const fields: { pointer: string; in: 'body'; code: string; params?: Record<string, unknown> }[] = [];
        const lat = text('lat');
        const long = text('long');
        let location: { latitude: number; longitude: number } | undefined;
        if (lat || long) {
          const latitude = Number(lat);
          const longitude = Number(long);
          if (
            !lat ||
            !long ||
            !Number.isFinite(latitude) ||
            !Number.isFinite(longitude) ||
            Math.abs(latitude) > 90 ||
            Math.abs(longitude) > 180
          )
            fields.push({ pointer: '/lat', in: 'body', code: 'type', params: { type: 'number' } });
          else location = { latitude, longitude };
        }
        const address = text('address_string') || text('address_id');
        if (!location && !address && !fields.length)
          fields.push({ pointer: '/lat', in: 'body', code: 'required' });
        const rawEmail = text('email');
        const email = rawEmail ? normalizeEmail(rawEmail) : null;
        if (rawEmail && !email)
          fields.push({ pointer: '/email', in: 'body', code: 'format', params: { format: 'email' } });
        const rawPhone = text('phone');
        const phone = rawPhone ? normalizePhone(rawPhone) : null;
        if (rawPhone && !phone) fields.push({ pointer: '/phone', in: 'body', code: 'pattern' });
        const mediaUrl = text('media_url');
        if (mediaUrl && (!/^https?:\/\/\S+$/i.test(mediaUrl) || mediaUrl.length > 500))
          fields.push({ pointer: '/media_url', in: 'body', code: 'format', params: { format: 'uri' } });
        if (!text('service_code')) fields.push({ pointer: '/service_code', in: 'body', code: 'required' });
        if (fields.length) throw new AppError('request.invalid', { fields });

        const name = [text('first_name'), text('last_name')].filter(Boolean).join(' ').slice(0, 120);
        const channels: ('email' | 'sms')[] = email ? ['email'] : phone ? ['sms'] : [];
        const filed = await fileComplaint(
          engine,
          { ...auditOf(request), actor: partner },
          {
            kind: 'partner',
            apiTokenId: partner.tokenId,
            contact: {
              name,
              ...(email ? { email } : {}),
              ...(phone ? { phone } : {}),
              channels,
              locale: request.locale,
              verifiedAt: `partner:${partner.name}`,
            },
          },
          {
            agencyCode: agency.code,
            category: text('service_code'),
            description: text('description') ?? '',
            answers: attributesOf(body),
            address: address?.slice(0, 300),
            location,
            mediaUrl,
            locale: request.locale,
          },
        ).catch((error: unknown) => {
          // The filing reports its fields under the web names; Open311 clients know the spec's.
          if (isAppError(error) && error.fields.length) {
            const renamed = error.fields.map((f) => ({
              ...f,
              pointer: f.pointer
                .replace(/^\/category$/, '/service_code')
                .replace(/^\/answers\//, '/attribute/')
                .replace(/^\/location$/, '/lat'),
            }));
            throw new AppError(error.code, {
              params: error.params as Record<string, unknown>,
              fields: renamed,
            });
          }
          throw error;
        });
        const token = randomToken(18);
        await db.insert(open311Tokens).values({ token, caseId: filed.id, apiTokenId: partner.tokenId });
        const locale = request.locale;
        const notice = filed.deadline
          ? {
              ar: `يتم الجواب داخل ${filed.category.answerDays} يوم عمل (قبل ${formatDay(filed.deadline, 'ar')}).`,
              fr: `Réponse sous ${filed.category.answerDays} jours ouvrables (au plus tard le ${formatDay(filed.deadline, 'fr')}).`,
              en: `Answer within ${filed.category.answerDays} working days (by ${formatDay(filed.deadline, 'en')}).`,
            }[locale]
          : '';
        return send(
          reply,
          format,
          201,
          render(format, { root: 'service_requests', item: 'request' }, [
            { service_request_id: filed.reference, token, service_notice: notice, account_id: null },
          ]),
        );
      },
    );

    app.get(
      '/v2/requests.:format',
      {
        config: PUBLIC,
        schema: { tags: ['open311'], summary: 'Requests (default: last 90 days, at most 1000)' },
      },
      async (request, reply) => {
        guard(request);
        const format = formatOf(request);
        const query = request.query as Query;
        const scope = await readScope(engine, request, query);
        const conditions: (SQL | undefined)[] = [
          eq(cases.procedureCode, COMPLAINT_PROCEDURE_CODE),
          sql`${cases.depositedAt} is not null`,
        ];
        if (scope) conditions.push(inScope(complaints.agencyId, scope));
        else conditions.push(eq(complaints.isPublic, true), sql`${cases.state} <> 'dismissed'`);
        const jurisdictionCode = first(query.jurisdiction_id);
        if (jurisdictionCode) {
          const agency = await agencyByCode(db, jurisdictionCode.toUpperCase());
          if (!agency)
            throw new AppError('open311.jurisdiction_unknown', {
              params: { jurisdiction: jurisdictionCode },
            });
          conditions.push(eq(complaints.agencyId, agency.id));
        }
        const ids = first(query.service_request_id);
        if (ids) {
          // "If this parameter is present, all other query parameters are ignored."
          conditions.push(
            inArray(
              cases.reference,
              ids
                .split(',')
                .map((s) => s.trim().toUpperCase())
                .filter(Boolean)
                .slice(0, 100),
            ),
          );
        } else {
          const end = parseDate(first(query.end_date), 'end_date') ?? platform.now();
          const start =
            parseDate(first(query.start_date), 'start_date') ??
            new Date(end.getTime() - DEFAULT_DAYS * 86_400_000);
          conditions.push(gte(cases.depositedAt, start), lte(cases.depositedAt, end));
          const codes = first(query.service_code);
          if (codes)
            conditions.push(
              inArray(
                complaintCategories.code,
                codes.split(',').map((s) => s.trim()),
              ),
            );
          const statuses =
            first(query.status)
              ?.split(',')
              .map((s) => s.trim().toLowerCase())
              .filter(Boolean) ?? [];
          const closed = ['answered', 'closed', 'merged', 'not_competent', 'dismissed', 'withdrawn'];
          if (statuses.length === 1 && statuses[0] === 'open')
            conditions.push(sql`${cases.state} not in ${closed}`);
          else if (statuses.length === 1 && statuses[0] === 'closed')
            conditions.push(inArray(cases.state, closed));
          else if (statuses.some((s) => s !== 'open' && s !== 'closed'))
            throw new AppError('open311.invalid', {
              params: { field: 'status' },
              fields: [{ pointer: '/status', in: 'query', code: 'enum' }],
            });
        }
        const found = await db
          .select({ caseId: cases.id })
          .from(complaints)
          .innerJoin(cases, eq(cases.id, complaints.caseId))
          .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
          .where(and(...conditions))
          .orderBy(desc(cases.depositedAt))
          .limit(MAX_RESULTS);
        const out = [];
        for (const { caseId } of found) {
          const loaded = await loadByCase(db, caseId);
          if (loaded) out.push(requestOf(await publicView(engine, loaded), loaded, request.locale));
        }
        return send(reply, format, 200, render(format, { root: 'service_requests', item: 'request' }, out));
      },
    );

    app.get(
      '/v2/requests/:id.:format',
      { config: PUBLIC, schema: { tags: ['open311'], summary: 'One request, by its reference number' } },
      async (request, reply) => {
        guard(request);
        const format = formatOf(request);
        const scope = await readScope(engine, request, request.query as Query);
        const id = ((request.params as Params).id ?? '').toUpperCase();
        const loaded = /^[A-Z]{2,8}-[A-Z]{2,6}-\d{4}-\d{6}$/.test(id)
          ? await loadByReference(db, id)
          : undefined;
        if (!loaded?.caseRow.depositedAt || (scope && !scopeIncludes(scope, loaded.caseRow.agencyId)))
          throw new AppError('open311.request_not_found', { params: { id } });
        const view = await publicView(engine, loaded);
        return send(
          reply,
          format,
          200,
          render(format, { root: 'service_requests', item: 'request' }, [
            requestOf(view, loaded, request.locale),
          ]),
        );
      },
    );

    app.get(
      '/v2/tokens/:id.:format',
      { config: PUBLIC, schema: { tags: ['open311'], summary: 'The request a token stands for' } },
      async (request, reply) => {
        guard(request);
        const format = formatOf(request);
        const token = (request.params as Params).id ?? '';
        const [row] = /^[A-Za-z0-9_-]{16,64}$/.test(token)
          ? await db
              .select({ token: open311Tokens.token, reference: cases.reference })
              .from(open311Tokens)
              .innerJoin(cases, eq(cases.id, open311Tokens.caseId))
              .where(eq(open311Tokens.token, token))
          : [];
        if (!row) throw new AppError('open311.token_not_found');
        return send(
          reply,
          format,
          200,
          render(format, { root: 'service_requests', item: 'request' }, [
            { service_request_id: row.reference, token: row.token },
          ]),
        );
      },
    );
  };
}
