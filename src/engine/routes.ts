// HTTP routes of the case engine, the same for every procedure: the procedures' public definitions,
// the applicant's space, the staff's queue and case actions, documents, messages and notifications.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { AppError } from '../platform/errors.ts';
import { userOf } from '../platform/http/access.ts';
import { auditOf } from '../platform/http/audit-context.ts';
import { Uuid } from '../platform/http/schemas.ts';
import { hasPermission } from '../platform/tenancy/actor.ts';
import type { ProcedureDefinition } from './definition.ts';
import type { Engine } from './engine.ts';
import { applyTransition } from './use-cases/apply-transition.ts';
import {
  addNote,
  answerRequest,
  assignCase,
  cancelRequest,
  createRequest,
  postMessage,
} from './use-cases/converse.ts';
import { createCase } from './use-cases/create-case.ts';
import { saveDraft } from './use-cases/save-draft.ts';
import { readDocument, removeDocument, uploadDocument } from './use-cases/upload-document.ts';
import {
  getCaseView,
  listMyCases,
  listNotifications,
  listQueue,
  markNotificationsRead,
} from './use-cases/view-cases.ts';
import './problems.ts';

const USER = { access: { kind: 'user' } } as const;
const QUEUE = { access: { kind: 'staff', permission: 'queue.read' } } as const;
const ACT = { access: { kind: 'staff', permission: 'case.act' } } as const;
const PUBLIC = { access: { kind: 'public' } } as const;

const CaseParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const DocParams = Type.Object({ id: Uuid, documentId: Uuid }, { additionalProperties: false });
const RequestParams = Type.Object({ id: Uuid, requestId: Uuid }, { additionalProperties: false });
const TransitionParams = Type.Object(
  { id: Uuid, transition: Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$' }) },
  { additionalProperties: false },
);
const Data = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,40}$' }), Type.Unknown());
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const CaseViewSchema = Type.Object({ id: Uuid, version: Type.Integer() }, { additionalProperties: true });

/** The public shape of a definition: what the web app needs to render forms, checklists and clocks. */
export function publicDefinition(def: ProcedureDefinition) {
  return {
    code: def.code,
    version: def.version,
    name: def.name,
    description: def.description,
    handledBy: def.handledBy,
    applicants: def.applicants,
    initialState: def.initialState,
    states: def.states,
    transitions: def.transitions.map((t) => ({
      key: t.key,
      kind: t.kind ?? 'normal',
      from: t.from,
      to: t.to,
      label: t.label,
      by: t.by,
      input: t.input ?? null,
    })),
    fields: def.fields,
    checklist: def.checklist,
    clocks: def.clocks.map((c) => ({
      key: c.key,
      label: c.label,
      days: c.days,
      unit: c.unit,
      legal: c.legal,
    })),
    legalMaximum: def.legalMaximum,
    fees: def.fees ?? null,
  };
}

async function sendDocument(reply: FastifyReply, found: Awaited<ReturnType<typeof readDocument>>) {
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

/** A multipart upload with one file and a `checklistCode` field. */
async function readUpload(request: FastifyRequest, limitBytes: number) {
  const part = await request.file({ limits: { fileSize: limitBytes, files: 1, fields: 5 } });
  if (!part) throw new AppError('upload.missing_file');
  const bytes = await part.toBuffer();
  if (part.file.truncated)
    throw new AppError('upload.too_large', { params: { max: `${Math.round(limitBytes / 1_048_576)} MB` } });
  const field = part.fields.checklistCode as { value?: unknown } | undefined;
  const checklistCode = typeof field?.value === 'string' ? field.value : '';
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(checklistCode))
    throw new AppError('request.invalid', {
      fields: [{ pointer: '/checklistCode', in: 'body', code: 'required' }],
    });
  return { bytes, filename: part.filename, checklistCode };
}

export function engineRoutes(engine: Engine): FastifyPluginAsyncTypebox {
  const uploadLimit = engine.platform.config.uploads.limitBytes;
  return async (app) => {
    // Procedures ---------------------------------------------------------------------------------
    app.get(
      '/api/procedures',
      { config: PUBLIC, schema: { tags: ['cases'], summary: 'Procedures and their national checklists' } },
      async () => engine.procedures.all().map(publicDefinition),
    );
    app.get(
      '/api/procedures/:code',
      {
        config: PUBLIC,
        schema: {
          tags: ['cases'],
          summary: 'One procedure',
          params: Type.Object({ code: Type.String({ pattern: '^[A-Z]{2,6}$' }) }),
        },
      },
      async (request) => publicDefinition(engine.procedures.get(request.params.code)),
    );

    // Applicant's space ------------------------------------------------------------------------
    app.get(
      '/api/cases',
      { config: USER, schema: { tags: ['cases'], summary: 'My cases' } },
      async (request) => listMyCases(engine, userOf(request).userId),
    );
    app.post(
      '/api/cases',
      {
        config: USER,
        schema: {
          tags: ['cases'],
          summary: 'Start a case (a draft, saved on the server)',
          body: Type.Object(
            {
              procedure: Type.String({ pattern: '^[A-Z]{2,6}$' }),
              agencyCode: Type.String({ pattern: '^[A-Z]{2,8}$' }),
              data: Type.Optional(Data),
              communeCode: Type.Optional(Type.String({ maxLength: 20 })),
              isInvestment: Type.Optional(Type.Boolean()),
              title: Type.Optional(Type.String({ maxLength: 200 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        const { caseRow } = await createCase(
          engine,
          auditOf(request),
          { kind: 'user', userId: user.userId, accountType: user.accountType },
          request.body,
        );
        return reply.code(201).send(await getCaseView(engine, user, caseRow.id));
      },
    );
    app.get(
      '/api/cases/:id',
      { config: USER, schema: { tags: ['cases'], summary: 'One of my cases', params: CaseParams } },
      async (request) => getCaseView(engine, request.actor, request.params.id, { side: 'applicant' }),
    );
    app.put(
      '/api/cases/:id/draft',
      {
        config: USER,
        schema: {
          tags: ['cases'],
          summary: 'Save a draft (autosave)',
          params: CaseParams,
          body: Type.Object(
            {
              version: Type.Integer({ minimum: 1 }),
              data: Data,
              isInvestment: Type.Optional(Type.Boolean()),
              communeCode: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
            },
            { additionalProperties: false },
          ),
          response: { 200: CaseViewSchema },
        },
      },
      async (request) => {
        await saveDraft(engine, auditOf(request), { caseId: request.params.id, ...request.body });
        return getCaseView(engine, request.actor, request.params.id, { side: 'applicant' });
      },
    );

    // Transitions (applicant and staff alike: the definition says who may) ------------------------------
    app.post(
      '/api/cases/:id/transitions/:transition',
      {
        config: USER,
        schema: {
          tags: ['cases'],
          summary: 'Apply a transition of the procedure (optimistic version check)',
          params: TransitionParams,
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
        await applyTransition(engine, auditOf(request), {
          caseId: request.params.id,
          transition: request.params.transition,
          version: request.body.version,
          input: request.body.input ?? {},
        });
        return getCaseView(engine, request.actor, request.params.id);
      },
    );

    // Documents ---------------------------------------------------------------------------------
    app.post(
      '/api/cases/:id/documents',
      {
        config: USER,
        schema: {
          tags: ['cases'],
          summary: 'Upload a checklist document (multipart: checklistCode, file)',
          params: CaseParams,
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, uploadLimit);
        const doc = await uploadDocument(engine, auditOf(request), { caseId: request.params.id, ...upload });
        return reply.code(201).send({
          id: doc.id,
          checklistCode: doc.checklistCode,
          filename: doc.filename,
          mediaType: doc.mediaType,
          sizeBytes: doc.sizeBytes,
        });
      },
    );
    app.get(
      '/api/cases/:id/documents/:documentId',
      {
        config: USER,
        schema: { tags: ['cases'], summary: 'Download a document of the case', params: DocParams },
      },
      async (request, reply) =>
        sendDocument(
          reply,
          await readDocument(engine, request.actor, {
            caseId: request.params.id,
            documentId: request.params.documentId,
          }),
        ),
    );
    app.delete(
      '/api/cases/:id/documents/:documentId',
      {
        config: USER,
        schema: { tags: ['cases'], summary: 'Remove a document from a draft', params: DocParams },
      },
      async (request, reply) => {
        await removeDocument(engine, auditOf(request), {
          caseId: request.params.id,
          documentId: request.params.documentId,
        });
        return reply.code(204).send();
      },
    );

    // Messages and requests -------------------------------------------------------------------------
    app.post(
      '/api/cases/:id/messages',
      {
        config: USER,
        schema: {
          tags: ['cases'],
          summary: 'Write to the other side',
          params: CaseParams,
          body: Type.Object({ body: Text(5000) }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const message = await postMessage(engine, auditOf(request), {
          caseId: request.params.id,
          body: request.body.body,
        });
        return reply.code(201).send({ id: message.id, at: message.createdAt.toISOString() });
      },
    );
    app.post(
      '/api/cases/:id/requests/:requestId/answer',
      {
        config: USER,
        schema: {
          tags: ['cases'],
          summary: 'Answer a request of the agency',
          params: RequestParams,
          body: Type.Object({ answer: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }),
        },
      },
      async (request) => {
        await answerRequest(engine, auditOf(request), {
          caseId: request.params.id,
          requestId: request.params.requestId,
          answer: request.body.answer,
        });
        return getCaseView(engine, request.actor, request.params.id, { side: 'applicant' });
      },
    );

    // Notifications -------------------------------------------------------------------------------
    app.get(
      '/api/notifications',
      { config: USER, schema: { tags: ['cases'], summary: 'My notifications' } },
      async (request) =>
        (await listNotifications(engine, userOf(request).userId)).map((n) => ({
          ...n,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
    );
    app.post(
      '/api/notifications/read',
      {
        config: USER,
        schema: {
          tags: ['cases'],
          summary: 'Mark notifications read',
          body: Type.Object(
            { ids: Type.Union([Type.Array(Uuid, { maxItems: 100 }), Type.Literal('all')]) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        await markNotificationsRead(engine, userOf(request).userId, request.body.ids);
        return reply.code(204).send();
      },
    );

    // Staff ---------------------------------------------------------------------------------------
    app.get(
      '/api/staff/queue',
      {
        config: QUEUE,
        schema: {
          tags: ['staff'],
          summary: 'Work queue of my agencies, earliest deadline first',
          querystring: Type.Object(
            {
              procedure: Type.Optional(Type.String({ pattern: '^[A-Z]{2,6}$' })),
              state: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*$' })),
              assignee: Type.Optional(Type.String({ maxLength: 40 })),
              due: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('soon')])),
              phase: Type.Optional(
                Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('all')]),
              ),
              q: Type.Optional(Type.String({ maxLength: 40 })),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
              offset: Type.Integer({ minimum: 0, default: 0 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => listQueue(engine, request.actor, request.scope, request.query),
    );
    app.get(
      '/api/staff/cases/:id',
      { config: QUEUE, schema: { tags: ['staff'], summary: 'A case as staff see it', params: CaseParams } },
      async (request) => getCaseView(engine, request.actor, request.params.id, { side: 'staff' }),
    );
    app.post(
      '/api/staff/cases/:id/assign',
      {
        config: ACT,
        schema: {
          tags: ['staff'],
          summary: 'Assign or take a case (assigning others needs case.assign)',
          params: CaseParams,
          body: Type.Object(
            { assigneeId: Type.Union([Uuid, Type.Null()]), version: Type.Integer({ minimum: 1 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        await assignCase(engine, auditOf(request), { caseId: request.params.id, ...request.body });
        return getCaseView(engine, request.actor, request.params.id, { side: 'staff' });
      },
    );
    app.post(
      '/api/staff/cases/:id/notes',
      {
        config: ACT,
        schema: {
          tags: ['staff'],
          summary: 'Internal note (never shown to the applicant)',
          params: CaseParams,
          body: Type.Object({ body: Text(5000) }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        const note = await addNote(engine, auditOf(request), {
          caseId: request.params.id,
          body: request.body.body,
        });
        return reply.code(201).send({ id: note.id, at: note.createdAt.toISOString() });
      },
    );
    app.post(
      '/api/staff/cases/:id/requests',
      {
        config: ACT,
        schema: {
          tags: ['staff'],
          summary: 'Ask the applicant for a replacement document or a clarification',
          params: CaseParams,
          body: Type.Object(
            {
              kind: Type.Union([Type.Literal('replacement_document'), Type.Literal('clarification')]),
              checklistCodes: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), {
                maxItems: 20,
                default: [],
              }),
              message: Text(2000),
              dueInDays: Type.Integer({ minimum: 1, maximum: 30, default: 10 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const created = await createRequest(engine, auditOf(request), {
          caseId: request.params.id,
          ...request.body,
        });
        return reply.code(201).send({ id: created.id, dueOn: created.dueOn });
      },
    );
    app.delete(
      '/api/staff/cases/:id/requests/:requestId',
      { config: ACT, schema: { tags: ['staff'], summary: 'Cancel a request', params: RequestParams } },
      async (request, reply) => {
        await cancelRequest(engine, auditOf(request), {
          caseId: request.params.id,
          requestId: request.params.requestId,
        });
        return reply.code(204).send();
      },
    );
    app.get(
      '/api/staff/cases/:id/documents/:documentId',
      {
        config: QUEUE,
        schema: { tags: ['staff'], summary: 'Download a document (staff)', params: DocParams },
      },
      async (request, reply) =>
        sendDocument(
          reply,
          await readDocument(engine, request.actor, {
            caseId: request.params.id,
            documentId: request.params.documentId,
          }),
        ),
    );
    app.post(
      '/api/staff/cases/:id/documents',
      {
        config: ACT,
        schema: {
          tags: ['staff'],
          summary: 'Attach a checklist document (front desk)',
          params: CaseParams,
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, uploadLimit);
        const doc = await uploadDocument(engine, auditOf(request), { caseId: request.params.id, ...upload });
        return reply.code(201).send({
          id: doc.id,
          checklistCode: doc.checklistCode,
          filename: doc.filename,
          mediaType: doc.mediaType,
          sizeBytes: doc.sizeBytes,
        });
      },
    );
    app.get(
      '/api/staff/assignees',
      { config: ACT, schema: { tags: ['staff'], summary: 'Colleagues a case can be assigned to' } },
      async (request) => {
        const { staffWithRoles } = await import('./notify.ts');
        const actor = userOf(request);
        const agencyIds = [
          ...new Set(actor.memberships.map((m) => m.agencyId).filter((x): x is string => Boolean(x))),
        ];
        const lists = await Promise.all(
          agencyIds.map(async (agencyId) =>
            (
              await staffWithRoles(engine.platform.db.orm, agencyId, [
                'front_desk',
                'instructor',
                'geomatics',
                'legal',
                'director',
              ])
            ).map((p) => ({ id: p.id, fullName: p.fullName, agencyId })),
          ),
        );
        return { canAssignOthers: hasPermission(actor, 'case.assign'), people: lists.flat() };
      },
    );
  };
}
