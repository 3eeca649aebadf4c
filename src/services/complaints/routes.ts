// HTTP routes of e-complaints: public (categories, contact verification, filing, public status page,
// the private tracking link), the signed-in complainant's view, and the staff's queue, complaint page,
// moderation, templates, categories and statistics. Transitions go through the engine's generic route.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { asc, eq, ne } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import Value from 'typebox/value';
import { loadCase } from '../../engine/case-access.ts';
import { moroccanDate } from '../../engine/clocks.ts';
import type { Engine } from '../../engine/engine.ts';
import { applyTransition } from '../../engine/use-cases/apply-transition.ts';
import { postMessage } from '../../engine/use-cases/converse.ts';
import { readDocument } from '../../engine/use-cases/upload-document.ts';
import { agencyExtent } from '../../geo/agency-extents.ts';
import { bodies, users } from '../../platform/db/tables.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { userOf } from '../../platform/http/access.ts';
import { auditOf } from '../../platform/http/audit-context.ts';
import { Uuid } from '../../platform/http/schemas.ts';
import { isLocale } from '../../platform/i18n/locale.ts';
import { hitRateLimit } from '../../platform/security/rate-limit.ts';
import { ANONYMOUS } from '../../platform/tenancy/actor.ts';
import { loadByReference, mustLoadByCase } from './load.ts';
import './problems.ts';
import { ATTACHMENT_MAX_BYTES, MAX_ATTACHMENTS } from './procedure.ts';
import {
  AgencyCode,
  CategoryBody,
  CategoryCode,
  FilingSchema,
  RedactionBody,
  Reference,
  TemplateBody,
  TemplateKindSchema,
} from './schemas.ts';
import { statsCsv } from './stats.ts';
import { type Attachment, type Filer, fileComplaint } from './use-cases/file-complaint.ts';
import { caseOfTrackingToken } from './use-cases/follow-complaint.ts';
import { complaintStats, listStaffComplaints } from './use-cases/list-complaints.ts';
import {
  agencyByCode,
  categoryInScope,
  categoryView,
  listCategories,
  saveCategory,
} from './use-cases/manage-categories.ts';
import { listTemplates, retireTemplate, saveTemplate } from './use-cases/manage-templates.ts';
import { redactComplaint, setComplaintVisibility } from './use-cases/moderate-complaint.ts';
import { confirmCode, requestCode } from './use-cases/verify-contact.ts';
import { messageComplainant, postPublicUpdate } from './use-cases/write-to-complainant.ts';
import { privateView, publicView, staffView } from './views.ts';

const PUBLIC = { access: { kind: 'public' } } as const;
const USER = { access: { kind: 'user' } } as const;
const QUEUE = { access: { kind: 'staff', permission: 'queue.read' } } as const;
const ACT = { access: { kind: 'staff', permission: 'case.act' } } as const;
const MANAGE = { access: { kind: 'staff', permission: 'agency.update' } } as const;
const STATS = { access: { kind: 'staff', permission: 'stats.read' } } as const;

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const TRACKING_HEADER = 'x-tracking-token';
const Locale = Type.Union([Type.Literal('ar'), Type.Literal('fr'), Type.Literal('en')]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** TypeBox errors as field errors (the filing's JSON part is checked here, not by Fastify). */
function schemaErrors(value: unknown): FieldError[] {
  return [...Value.Errors(FilingSchema, value)].map((e) => {
    const params = (e.params ?? {}) as Record<string, unknown>;
    const required =
      e.keyword === 'required' ? `/${(params.requiredProperties as string[] | undefined)?.[0] ?? ''}` : '';
    const extra =
      e.keyword === 'additionalProperties'
        ? `/${(params.additionalProperties as string[] | undefined)?.[0] ?? ''}`
        : '';
    return {
      pointer: `${e.instancePath}${required}${extra}`,
      in: 'body',
      code: e.keyword,
      params: { limit: params.limit, type: params.type, format: params.format },
    };
  });
}

/** The filing: JSON, or multipart with a `complaint` JSON part and up to five `attachments`. */
async function readFiling(request: FastifyRequest) {
  let body: unknown = request.body;
  const attachments: Attachment[] = [];
  if (request.isMultipart()) {
    body = undefined;
    const parts = request.parts({
      limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: MAX_ATTACHMENTS + 1, fields: 4, parts: 12 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated)
          throw new AppError('upload.too_large', {
            params: { max: `${Math.round(ATTACHMENT_MAX_BYTES / 1_048_576)} MB` },
            fields: [{ pointer: `/attachments/${attachments.length}`, in: 'file', code: 'too_large' }],
          });
        if (bytes.length) attachments.push({ filename: part.filename, bytes });
      } else if (part.fieldname === 'complaint') {
        // A part sent as application/json arrives parsed; a plain text part is parsed here.
        if (typeof part.value !== 'string') body = part.value;
        else
          try {
            body = JSON.parse(part.value);
          } catch (error) {
            throw new AppError('request.malformed_json', { cause: error });
          }
      }
    }
  }
  if (body === undefined || body === null || typeof body !== 'object')
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/description', in: 'body', code: 'required' }],
    });
  const errors = schemaErrors(body);
  if (errors.length) throw new AppError('request.invalid', { fields: errors });
  if (attachments.length > MAX_ATTACHMENTS) throw new AppError('upload.too_many_files');
  return { filing: body as Type.Static<typeof FilingSchema>, attachments };
}

const trackingToken = (request: FastifyRequest) => {
  const value = request.headers[TRACKING_HEADER];
  return typeof value === 'string' ? value.trim() : undefined;
};

async function sendFile(reply: FastifyReply, found: Awaited<ReturnType<typeof readDocument>>) {
  const { doc, bytes } = found;
  return reply
    .header('content-type', doc.mediaType)
    .header('content-length', String(bytes.length))
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

export function complaintRoutes(engine: Engine): FastifyPluginAsyncTypebox {
  const platform = engine.platform;
  const db = platform.db.orm;
  return async (app) => {
    // Public --------------------------------------------------------------------------------------
    app.get(
      '/api/complaints/categories',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: "An agency's complaint categories and their extra questions",
          querystring: Type.Object({ agency: AgencyCode }, { additionalProperties: false }),
        },
      },
      async (request) => {
        const agency = await agencyByCode(db, request.query.agency);
        if (!agency) throw new AppError('reference.agency_not_found');
        return (await listCategories(db, agency.id)).map(categoryView);
      },
    );

    app.get(
      '/api/complaints/agencies/:code/area',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: "Where a map opens for an agency's complaints: its territory's box (WGS 84), when known",
          params: Type.Object({ code: AgencyCode }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const box = agencyExtent(request.params.code);
        reply.header('cache-control', 'public, max-age=3600');
        return { bbox: box ? [box.west, box.south, box.east, box.north] : null };
      },
    );

    app.get(
      '/api/complaints/bodies',
      { config: PUBLIC, schema: { tags: ['complaints'], summary: 'Bodies a complaint can be pointed to' } },
      async () =>
        (await db.select().from(bodies).where(ne(bodies.kind, 'agency')).orderBy(asc(bodies.code))).map(
          (b) => ({
            code: b.code,
            kind: b.kind,
            name: { ar: b.nameAr, fr: b.nameFr, en: b.nameEn },
          }),
        ),
    );

    app.post(
      '/api/complaints/verifications',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: 'Send a confirmation code to an e-mail address or a phone (visitors without an account)',
          body: Type.Object(
            {
              channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]),
              destination: Type.String({ minLength: 3, maxLength: 254 }),
              locale: Type.Optional(Locale),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply.code(202).send(
          await requestCode(platform, auditOf(request), {
            channel: request.body.channel,
            destination: request.body.destination,
            locale: request.body.locale ?? request.locale,
          }),
        ),
    );

    app.post(
      '/api/complaints/verifications/:id/confirm',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: 'Confirm the code; returns a proof good for filing one complaint',
          params: IdParams,
          body: Type.Object(
            { code: Type.String({ pattern: '^\\s*\\d{6}\\s*$' }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) =>
        confirmCode(platform, auditOf(request), { id: request.params.id, code: request.body.code }),
    );

    app.post(
      '/api/complaints',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary:
            'File a complaint: JSON, or multipart with a `complaint` JSON part and up to 5 `attachments` (JPEG, PNG, WebP, PDF; 8 MB each)',
          consumes: ['application/json', 'multipart/form-data'],
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        if (actor.kind === 'partner') throw new AppError('complaint.partner_not_here');
        const { filing, attachments } = await readFiling(request);
        let filer: Filer;
        if (actor.kind === 'user') {
          const [me] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, actor.userId));
          filer = {
            kind: 'user',
            userId: actor.userId,
            accountType: actor.accountType,
            phone: me?.phone ?? null,
          };
        } else filer = { kind: 'visitor', proof: filing.proof };
        const locale = filing.locale ?? request.locale;
        const filed = await fileComplaint(engine, auditOf(request), filer, {
          agencyCode: filing.agencyCode,
          category: filing.category,
          description: filing.description,
          answers: filing.answers,
          address: filing.address,
          location: filing.location,
          contact: filing.contact,
          locale: isLocale(locale) ? locale : 'ar',
          attachments,
        });
        return reply.code(201).send({
          id: filed.id,
          reference: filed.reference,
          deadline: filed.deadline,
          trackingUrl: filed.trackingUrl,
          ...(filed.trackingToken ? { trackingToken: filed.trackingToken } : {}),
        });
      },
    );

    app.get(
      '/api/complaints/public/:reference',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: 'Public status page of a complaint (no personal data)',
          params: Type.Object({ reference: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        await hitRateLimit(
          db,
          `complaint:public:ip:${request.ip}`,
          { limit: 300, windowSeconds: 600 },
          platform.now(),
        );
        const reference = request.params.reference.trim().toUpperCase();
        const loaded = Value.Check(Reference, reference) ? await loadByReference(db, reference) : undefined;
        if (!loaded || loaded.caseRow.phase === 'draft') throw new AppError('complaint.not_found');
        reply.header('cache-control', 'no-cache');
        return publicView(engine, loaded);
      },
    );

    // The private tracking link (token in a header, never in a URL the server logs) ------------------
    app.get(
      '/api/complaints/follow',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: `The complainant's view, by private link (${TRACKING_HEADER} header)`,
        },
      },
      async (request, reply) => {
        const caseId = await caseOfTrackingToken(platform, trackingToken(request), request.ip);
        const { caseRow, relation } = await loadCase(db, ANONYMOUS, caseId, { trackingVerified: true });
        reply.header('cache-control', 'private, no-store');
        return privateView(engine, await mustLoadByCase(db, caseRow.id), relation);
      },
    );

    app.post(
      '/api/complaints/follow/transitions/:transition',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: 'Reopen, close or withdraw, by private link',
          params: Type.Object(
            {
              transition: Type.Union([
                Type.Literal('reopen'),
                Type.Literal('close'),
                Type.Literal('withdraw'),
              ]),
            },
            { additionalProperties: false },
          ),
          body: Type.Object(
            {
              version: Type.Integer({ minimum: 1 }),
              input: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const caseId = await caseOfTrackingToken(platform, trackingToken(request), request.ip);
        await applyTransition(engine, auditOf(request), {
          caseId,
          transition: request.params.transition,
          version: request.body.version,
          input: request.body.input ?? {},
          trackingVerified: true,
        });
        const { relation } = await loadCase(db, ANONYMOUS, caseId, { trackingVerified: true });
        return privateView(engine, await mustLoadByCase(db, caseId), relation);
      },
    );

    app.post(
      '/api/complaints/follow/messages',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: 'Write to the agency, by private link',
          body: Type.Object(
            { body: Type.String({ minLength: 1, maxLength: 5000 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const caseId = await caseOfTrackingToken(platform, trackingToken(request), request.ip);
        const message = await postMessage(engine, auditOf(request), {
          caseId,
          body: request.body.body,
          trackingVerified: true,
        });
        return reply.code(201).send({ id: message.id, at: message.createdAt.toISOString() });
      },
    );

    app.get(
      '/api/complaints/follow/attachments/:documentId',
      {
        config: PUBLIC,
        schema: {
          tags: ['complaints'],
          summary: 'Download an attachment, by private link',
          params: Type.Object({ documentId: Uuid }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const caseId = await caseOfTrackingToken(platform, trackingToken(request), request.ip);
        return sendFile(
          reply,
          await readDocument(engine, ANONYMOUS, {
            caseId,
            documentId: request.params.documentId,
            trackingVerified: true,
          }),
        );
      },
    );

    // The signed-in complainant ------------------------------------------------------------------
    app.get(
      '/api/complaints/mine/:id',
      { config: USER, schema: { tags: ['complaints'], summary: 'One of my complaints', params: IdParams } },
      async (request, reply) => {
        const { caseRow, relation } = await loadCase(db, userOf(request), request.params.id, {
          side: 'applicant',
        });
        reply.header('cache-control', 'private, no-store');
        return privateView(engine, await mustLoadByCase(db, caseRow.id), relation);
      },
    );

    // Staff ----------------------------------------------------------------------------------------
    app.get(
      '/api/staff/complaints',
      {
        config: QUEUE,
        schema: {
          tags: ['complaints'],
          summary: 'Complaints of my agencies: the triage queue (earliest deadline first)',
          querystring: Type.Object(
            {
              agency: Type.Optional(AgencyCode),
              category: Type.Optional(CategoryCode),
              state: Type.Optional(Type.String({ pattern: '^[a-z][a-z_]{1,30}$' })),
              priority: Type.Optional(
                Type.Union([
                  Type.Literal('low'),
                  Type.Literal('normal'),
                  Type.Literal('high'),
                  Type.Literal('urgent'),
                ]),
              ),
              assignee: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('unassigned')])),
              due: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('soon')])),
              phase: Type.Optional(
                Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('all')]),
              ),
              q: Type.Optional(Type.String({ maxLength: 60 })),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
              offset: Type.Integer({ minimum: 0, default: 0 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => listStaffComplaints(engine, request.actor, request.scope, request.query),
    );

    const StatsQuery = Type.Object(
      {
        from: Type.Optional(Day),
        to: Type.Optional(Day),
        agency: Type.Optional(AgencyCode),
        locale: Type.Optional(Locale),
      },
      { additionalProperties: false },
    );
    const statsRange = (query: { from?: string | undefined; to?: string | undefined }) => {
      const today = moroccanDate(platform.now());
      return { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
    };
    app.get(
      '/api/staff/complaints/stats',
      {
        config: STATS,
        schema: {
          tags: ['complaints'],
          summary:
            'Received, answered, median and 90th-percentile working days to answer, overdue — per agency and category',
          querystring: StatsQuery,
        },
      },
      async (request) => {
        const range = statsRange(request.query);
        return {
          ...range,
          rows: await complaintStats(engine, request.scope, { ...range, agency: request.query.agency }),
        };
      },
    );
    app.get(
      '/api/staff/complaints/stats.csv',
      {
        config: STATS,
        schema: { tags: ['complaints'], summary: 'The same statistics as CSV', querystring: StatsQuery },
      },
      async (request, reply) => {
        const range = statsRange(request.query);
        const rows = await complaintStats(engine, request.scope, { ...range, agency: request.query.agency });
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="complaints-${range.from}-${range.to}.csv"`)
          .header('cache-control', 'private, no-store')
          .send(statsCsv(rows, request.query.locale ?? request.locale));
      },
    );

    app.get(
      '/api/staff/complaints/:id',
      {
        config: QUEUE,
        schema: { tags: ['complaints'], summary: 'A complaint as staff see it', params: IdParams },
      },
      async (request) => {
        const { caseRow, relation } = await loadCase(db, request.actor, request.params.id, { side: 'staff' });
        const loaded = await mustLoadByCase(db, caseRow.id);
        const view = await staffView(engine, loaded, relation);
        const templates = await listTemplates(db, request.scope, {
          agencyId: loaded.agency.id,
          categoryId: loaded.category.id,
        });
        return { ...view, templates };
      },
    );

    app.post(
      '/api/staff/complaints/:id/updates',
      {
        config: ACT,
        schema: {
          tags: ['complaints'],
          summary: 'Post a public update (the complainant is told)',
          params: IdParams,
          body: Type.Object(
            { text: Type.String({ minLength: 5, maxLength: 4000 }), templateId: Type.Optional(Uuid) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const event = await postPublicUpdate(engine, auditOf(request), {
          caseId: request.params.id,
          ...request.body,
        });
        return reply.code(201).send({ id: event.id, at: event.occurredAt.toISOString() });
      },
    );

    app.post(
      '/api/staff/complaints/:id/messages',
      {
        config: ACT,
        schema: {
          tags: ['complaints'],
          summary: 'Write privately to the complainant',
          params: IdParams,
          body: Type.Object(
            { body: Type.String({ minLength: 1, maxLength: 5000 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const message = await messageComplainant(engine, auditOf(request), {
          caseId: request.params.id,
          ...request.body,
        });
        return reply.code(201).send({ id: message.id, at: message.createdAt.toISOString() });
      },
    );

    app.post(
      '/api/staff/complaints/:id/redactions',
      {
        config: ACT,
        schema: {
          tags: ['complaints'],
          summary: 'Moderate what public views show (the original stays in the record)',
          params: IdParams,
          body: RedactionBody,
        },
      },
      async (request, reply) => {
        const row = await redactComplaint(engine, auditOf(request), {
          caseId: request.params.id,
          ...request.body,
        });
        return reply.code(201).send({ id: row.id, at: row.redactedAt.toISOString() });
      },
    );

    app.post(
      '/api/staff/complaints/:id/visibility',
      {
        config: ACT,
        schema: {
          tags: ['complaints'],
          summary: 'Publish or withdraw a complaint from public views',
          params: IdParams,
          body: Type.Object(
            { isPublic: Type.Boolean(), reason: Type.String({ minLength: 3, maxLength: 500 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        await setComplaintVisibility(engine, auditOf(request), {
          caseId: request.params.id,
          ...request.body,
        });
        return reply.code(204).send();
      },
    );

    // Categories and templates -----------------------------------------------------------------------
    app.get(
      '/api/staff/complaint-categories',
      {
        config: QUEUE,
        schema: {
          tags: ['complaints'],
          summary: 'Categories of one of my agencies, inactive ones included',
          querystring: Type.Object({ agency: AgencyCode }, { additionalProperties: false }),
        },
      },
      async (request) => {
        const agency = await agencyByCode(db, request.query.agency);
        if (!agency || !(request.scope.all || request.scope.agencyIds.includes(agency.id)))
          throw new AppError('reference.agency_not_found');
        return (await listCategories(db, agency.id, { includeInactive: true })).map(categoryView);
      },
    );
    app.post(
      '/api/staff/complaint-categories',
      { config: MANAGE, schema: { tags: ['complaints'], summary: 'Create a category', body: CategoryBody } },
      async (request, reply) =>
        reply
          .code(201)
          .send(categoryView(await saveCategory(platform, auditOf(request), request.scope, request.body))),
    );
    app.put(
      '/api/staff/complaint-categories/:id',
      {
        config: MANAGE,
        schema: { tags: ['complaints'], summary: 'Change a category', params: IdParams, body: CategoryBody },
      },
      async (request) => {
        await categoryInScope(db, request.scope, request.params.id);
        return categoryView(
          await saveCategory(platform, auditOf(request), request.scope, {
            ...request.body,
            id: request.params.id,
          }),
        );
      },
    );

    app.get(
      '/api/staff/complaint-templates',
      {
        config: QUEUE,
        schema: {
          tags: ['complaints'],
          summary: 'Response templates of my agencies',
          querystring: Type.Object(
            {
              agency: Type.Optional(AgencyCode),
              locale: Type.Optional(Locale),
              kind: Type.Optional(TemplateKindSchema),
              includeInactive: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const agency = request.query.agency ? await agencyByCode(db, request.query.agency) : undefined;
        if (request.query.agency && !agency) throw new AppError('reference.agency_not_found');
        return listTemplates(db, request.scope, {
          ...(agency ? { agencyId: agency.id } : {}),
          ...(request.query.locale ? { locale: request.query.locale } : {}),
          ...(request.query.kind ? { kind: request.query.kind } : {}),
          ...(request.query.includeInactive ? { includeInactive: true } : {}),
        });
      },
    );
    app.post(
      '/api/staff/complaint-templates',
      {
        config: MANAGE,
        schema: { tags: ['complaints'], summary: 'Create a response template', body: TemplateBody },
      },
      async (request, reply) =>
        reply.code(201).send(await saveTemplate(platform, auditOf(request), request.scope, request.body)),
    );
    app.put(
      '/api/staff/complaint-templates/:id',
      {
        config: MANAGE,
        schema: {
          tags: ['complaints'],
          summary: 'Change a response template',
          params: IdParams,
          body: TemplateBody,
        },
      },
      async (request) =>
        saveTemplate(platform, auditOf(request), request.scope, { ...request.body, id: request.params.id }),
    );
    app.delete(
      '/api/staff/complaint-templates/:id',
      {
        config: MANAGE,
        schema: { tags: ['complaints'], summary: 'Retire a response template', params: IdParams },
      },
      async (request, reply) => {
        await retireTemplate(platform, auditOf(request), request.scope, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
