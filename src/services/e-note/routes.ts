// HTTP routes of the e-note service. Transitions (deposit, submit, sign, reject…) go through the
// engine's generic route; these add what is specific to notes: land titles and parcels, the note's
// draft and amendments, bulk signature, re-issue and statistics.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import Type from 'typebox';
import type { DocumentService } from '../../documents/registry.ts';
import type { Engine } from '../../engine/engine.ts';
import { agencies } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { userOf } from '../../platform/http/access.ts';
import { auditOf } from '../../platform/http/audit-context.ts';
import { Uuid } from '../../platform/http/schemas.ts';
import type { Amendments } from './content.ts';
import { MAX_FILE_BYTES, MAX_VERTICES } from './coordinates.ts';
import { amendNote } from './use-cases/amend-note.ts';
import { noteStats, statsCsv } from './use-cases/note-stats.ts';
import { reissueNote } from './use-cases/reissue-note.ts';
import {
  type ParcelBody,
  parcelView,
  registerTitles,
  resolveParcel,
  saveParcel,
} from './use-cases/save-parcel.ts';
import { signNotes } from './use-cases/sign-notes.ts';
import { applicantNoteView, listNotes, staffNoteView } from './views.ts';
import './problems.ts';

const PUBLIC = { access: { kind: 'public' } } as const;
const USER = { access: { kind: 'user' } } as const;
const QUEUE = { access: { kind: 'staff', permission: 'queue.read' } } as const;
const ACT = { access: { kind: 'staff', permission: 'case.act' } } as const;
const STATS = { access: { kind: 'staff', permission: 'stats.read' } } as const;

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const AgencyCode = Type.String({ pattern: '^[A-Z]{2,8}$' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const LandTitleText = Type.String({ maxLength: 80 });
const System = Type.Union([Type.Literal('auto'), Type.Literal('lambert'), Type.Literal('wgs84')]);
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const ParcelBodySchema = Type.Union([
  Type.Object({ source: Type.Literal('title'), landTitle: LandTitleText }, { additionalProperties: false }),
  Type.Object(
    {
      source: Type.Literal('drawn'),
      positions: Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }), {
        maxItems: MAX_VERTICES + 1,
      }),
      landTitle: Type.Optional(LandTitleText),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      source: Type.Literal('coordinates'),
      text: Type.String({ maxLength: 40_000 }),
      system: System,
      landTitle: Type.Optional(LandTitleText),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      source: Type.Literal('file'),
      // Base64 of at most MAX_FILE_BYTES; larger files are refused with their own problem below.
      contentBase64: Type.String({ maxLength: Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4096 }),
      filename: Type.Optional(Type.String({ maxLength: 200 })),
      system: System,
      landTitle: Type.Optional(LandTitleText),
    },
    { additionalProperties: false },
  ),
]);

const AmendmentsSchema = Type.Object(
  {
    corrections: Type.Array(
      Type.Object(
        {
          path: Type.String({ pattern: '^(/[A-Za-z0-9]+){2,6}$', maxLength: 120 }),
          value: Type.Union([Type.String({ maxLength: 4000 }), Type.Number(), Type.Boolean(), Type.Null()]),
          reason: Type.String({ minLength: 3, maxLength: 500 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    observations: Type.Array(
      Type.Object(
        { fr: Type.String({ maxLength: 2000 }), ar: Type.String({ maxLength: 2000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

export function eNoteRoutes(runtime: {
  engine: Engine;
  documents: DocumentService;
}): FastifyPluginAsyncTypebox {
  const { engine, documents } = runtime;
  const db = engine.platform.db;
  return async (app) => {
    // Land titles and parcels ------------------------------------------------------------------
    app.get(
      '/api/e-note/titles',
      {
        config: PUBLIC,
        schema: {
          tags: ['e-note'],
          summary: "A land title or requisition number checked, and its parcel in the agency's register",
          querystring: Type.Object({ agency: AgencyCode, q: LandTitleText }, { additionalProperties: false }),
        },
      },
      async (request) => {
        const { title, hits } = await registerTitles(db.orm, request.query.agency, request.query.q);
        return {
          title: { kind: title.kind, number: title.normalized, fr: title.display.fr, ar: title.display.ar },
          hits: hits.map((h) => ({
            id: h.id,
            kind: h.kind,
            number: h.number,
            refFr: h.refFr,
            refAr: h.refAr,
            propertyNameFr: h.propertyNameFr,
            propertyNameAr: h.propertyNameAr,
            areaM2: h.areaM2,
            synthetic: h.synthetic,
            bbox: h.bbox,
            geometry: h.geometry,
          })),
        };
      },
    );
    app.post(
      '/api/e-note/parcel/check',
      {
        // A computation on what the person typed; nothing is stored.
        config: { ...PUBLIC, csrf: false },
        schema: {
          tags: ['e-note'],
          summary: 'Check a parcel for an agency (title, drawing, coordinates or file) without storing it',
          body: Type.Object(
            { agencyCode: AgencyCode, parcel: ParcelBodySchema },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const [agency] = await db.orm
          .select({ code: agencies.code })
          .from(agencies)
          .where(eq(agencies.code, request.body.agencyCode));
        if (!agency)
          throw new AppError('request.invalid', {
            fields: [{ pointer: '/agencyCode', in: 'body', code: 'unknown_reference' }],
          });
        return parcelView(await resolveParcel(db.orm, agency, request.body.parcel as ParcelBody));
      },
    );

    // The applicant ----------------------------------------------------------------------------
    app.put(
      '/api/e-note/cases/:id/parcel',
      {
        config: USER,
        schema: {
          tags: ['e-note'],
          summary: 'Identify the parcel of a draft note request',
          params: IdParams,
          body: ParcelBodySchema,
        },
      },
      async (request) =>
        saveParcel(engine, auditOf(request), { caseId: request.params.id, body: request.body as ParcelBody }),
    );
    app.get(
      '/api/e-note/cases/:id',
      {
        config: USER,
        schema: { tags: ['e-note'], summary: 'A note request: parcel, draft, signed note', params: IdParams },
      },
      async (request) => applicantNoteView(engine, request.actor, request.params.id),
    );

    // Staff --------------------------------------------------------------------------------------
    app.get(
      '/api/staff/e-note/notes',
      {
        config: QUEUE,
        schema: {
          tags: ['e-note'],
          summary: 'Notes of my agencies, earliest deadline first (state=signature for the signing list)',
          querystring: Type.Object(
            {
              state: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*$' })),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
              offset: Type.Integer({ minimum: 0, default: 0 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => listNotes(engine, request.scope, request.query),
    );
    app.get(
      '/api/staff/e-note/cases/:id',
      {
        config: QUEUE,
        schema: {
          tags: ['e-note'],
          summary: 'A note under review: automatic draft, amendments, diff, hashes, history',
          params: IdParams,
        },
      },
      async (request) => staffNoteView(engine, request.actor, request.params.id),
    );
    app.put(
      '/api/staff/e-note/cases/:id/amendments',
      {
        config: ACT,
        schema: {
          tags: ['e-note'],
          summary: 'Amend a note under review (corrections with reasons, observations)',
          params: IdParams,
          body: Type.Object(
            { editVersion: Type.Integer({ minimum: 0 }), amendments: AmendmentsSchema },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        await amendNote(engine, auditOf(request), {
          caseId: request.params.id,
          editVersion: request.body.editVersion,
          amendments: request.body.amendments as Amendments,
        });
        return staffNoteView(engine, request.actor, request.params.id);
      },
    );
    app.post(
      '/api/staff/e-note/sign',
      {
        config: ACT,
        schema: {
          tags: ['e-note'],
          summary: 'Sign several notes (director): each is its own signature; results per note',
          body: Type.Object(
            {
              items: Type.Array(
                Type.Object(
                  { caseId: Uuid, version: Type.Integer({ minimum: 1 }), contentSha256: Sha256 },
                  { additionalProperties: false },
                ),
                { minItems: 1, maxItems: 50 },
              ),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const results = await signNotes(engine, documents, auditOf(request), {
          items: request.body.items,
          locale: request.locale,
        });
        return {
          signed: results.filter((r) => r.status === 'signed').length,
          failed: results.filter((r) => r.status === 'failed').length,
          results,
        };
      },
    );
    app.post(
      '/api/staff/e-note/cases/:id/reissue',
      {
        config: ACT,
        schema: {
          tags: ['e-note'],
          summary: 'Re-issue a delivered note (director): the new note supersedes the earlier one',
          params: IdParams,
          body: Type.Object(
            {
              reason: Type.String({ minLength: 5, maxLength: 1000 }),
              refresh: Type.Boolean({ default: false }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const audit = auditOf(request);
        const { replacement, previous } = await reissueNote(
          engine,
          documents,
          { ...audit, actor: userOf(request) },
          { caseId: request.params.id, reason: request.body.reason, refresh: request.body.refresh },
        );
        return reply.code(201).send({
          previous,
          replacement: {
            id: replacement.id,
            number: replacement.number,
            verificationCode: replacement.verificationCode,
          },
        });
      },
    );
    const StatsQuery = Type.Object(
      { from: Type.Optional(Day), to: Type.Optional(Day), agency: Type.Optional(AgencyCode) },
      { additionalProperties: false },
    );
    app.get(
      '/api/staff/e-note/stats',
      {
        config: STATS,
        schema: {
          tags: ['e-note'],
          summary: 'Notes per day: requested, delivered, average and 90th-percentile delay',
          querystring: StatsQuery,
        },
      },
      async (request) =>
        noteStats(engine, request.scope, {
          ...(request.query.from ? { from: request.query.from } : {}),
          ...(request.query.to ? { to: request.query.to } : {}),
          ...(request.query.agency ? { agencyCode: request.query.agency } : {}),
        }),
    );
    app.get(
      '/api/staff/e-note/stats.csv',
      {
        config: STATS,
        schema: { tags: ['e-note'], summary: 'The same statistics as CSV', querystring: StatsQuery },
      },
      async (request, reply) => {
        const stats = await noteStats(engine, request.scope, {
          ...(request.query.from ? { from: request.query.from } : {}),
          ...(request.query.to ? { to: request.query.to } : {}),
          ...(request.query.agency ? { agencyCode: request.query.agency } : {}),
        });
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="notes-${stats.from}-${stats.to}.csv"`)
          .send(statsCsv(stats));
      },
    );
  };
}
