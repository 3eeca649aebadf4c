// HTTP routes of the documents registry: public verification (by code, by file), the trust anchor,
// downloads for the people a document is for, and the staff's registry with its signed acts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { loadCase } from '../engine/case-access.ts';
import { AppError } from '../platform/errors.ts';
import { userOf } from '../platform/http/access.ts';
import { auditOf } from '../platform/http/audit-context.ts';
import { Uuid } from '../platform/http/schemas.ts';
import { hitRateLimit } from '../platform/security/rate-limit.ts';
import { type Actor, inScope, rolesInAgency } from '../platform/tenancy/actor.ts';
import { revokeDocument, supersedeDocument } from './acts.ts';
import type { DocumentService } from './registry.ts';
import { type IssuedDocumentRow, issuedDocuments } from './tables.ts';
import { verifyCode, verifyFile } from './verify.ts';
import './problems.ts';

const PUBLIC = { access: { kind: 'public' } } as const;
const USER = { access: { kind: 'user' } } as const;
const QUEUE = { access: { kind: 'staff', permission: 'queue.read' } } as const;
const ACT = { access: { kind: 'staff', permission: 'case.act' } } as const;

/** Largest file the public verification accepts: issued PDFs are well below. */
export const VERIFY_MAX_BYTES = 20 * 1_048_576;
const VERIFY_RATE = { limit: 60, windowSeconds: 60 };

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const Reason = Type.Object(
  { reason: Type.String({ minLength: 5, maxLength: 2000 }) },
  { additionalProperties: false },
);

const verificationContext = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
  requestId: request.id,
});

/** A case's or a person's documents as lists show them. */
export const documentSummary = (d: IssuedDocumentRow, publicUrl: string) => ({
  id: d.id,
  type: d.type,
  title: d.title,
  number: d.number,
  status: d.status,
  issuedOn: d.issuedOn,
  issuedAt: d.issuedAt.toISOString(),
  verificationCode: d.verificationCode,
  verifyUrl: `${publicUrl}/verify/${d.verificationCode}`,
  ready: d.sha256 !== null,
  sha256: d.sha256,
  caseId: d.caseId,
  downloadUrl: `/api/documents/${d.id}/file`,
});

/** May this caller download the document? Its recipient, the case's applicant, or the agency's staff. */
async function mayRead(
  service: DocumentService,
  actor: Actor,
  document: IssuedDocumentRow,
): Promise<boolean> {
  if (actor.kind !== 'user') return false;
  if (document.recipientUserId === actor.userId) return true;
  if (rolesInAgency(actor, document.agencyId).size > 0) return true;
  if (!document.caseId) return false;
  try {
    await loadCase(service.platform.db.orm, actor, document.caseId);
    return true;
  } catch {
    return false;
  }
}

async function sendPdf(reply: FastifyReply, service: DocumentService, document: IssuedDocumentRow) {
  if (!document.sha256) throw new AppError('documents.not_ready');
  const bytes = await service.blobs.get(document.sha256);
  return reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(bytes.length))
    .header('content-disposition', `attachment; filename="${document.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

export function documentRoutes(service: DocumentService): FastifyPluginAsyncTypebox {
  const { platform } = service;
  const db = platform.db.orm;
  const publicUrl = platform.config.http.publicUrl;
  return async (app) => {
    // Public verification ------------------------------------------------------------------------
    app.get(
      '/api/verify/:code',
      {
        config: PUBLIC,
        schema: {
          tags: ['documents'],
          summary: 'What the platform issued under a verification code (status, SHA-256, signers)',
          params: Type.Object({ code: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return verifyCode(service, verificationContext(request), request.params.code);
      },
    );
    app.post(
      '/api/verify',
      {
        // No cookie-based change: anyone (a script, another administration) may ask without a token.
        config: { ...PUBLIC, csrf: false },
        schema: {
          tags: ['documents'],
          summary: 'Is this PDF byte for byte an issued document? (multipart: file, optional code)',
          consumes: ['multipart/form-data'],
          querystring: Type.Object(
            { code: Type.Optional(Type.String({ maxLength: 40 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        await hitRateLimit(db, `verify-file:${request.ip}`, VERIFY_RATE, platform.now());
        if (!request.isMultipart()) throw new AppError('documents.file_missing');
        const part = await request.file({ limits: { fileSize: VERIFY_MAX_BYTES, files: 1, fields: 3 } });
        if (!part) throw new AppError('documents.file_missing');
        const bytes = await part.toBuffer();
        if (part.file.truncated)
          throw new AppError('documents.file_too_large', {
            params: { max: `${VERIFY_MAX_BYTES / 1_048_576} MB` },
          });
        const field = part.fields.code as { value?: unknown } | undefined;
        const code = request.query.code ?? (typeof field?.value === 'string' ? field.value : undefined);
        reply.header('cache-control', 'no-store');
        return verifyFile(
          service,
          { ...verificationContext(request), actor: request.actor },
          { bytes, filename: part.filename, code },
        );
      },
    );
    app.get(
      '/api/documents/trust-anchor.pem',
      {
        config: PUBLIC,
        schema: {
          tags: ['documents'],
          summary: "The platform's root certificate: install it to see the signatures as trusted",
        },
      },
      async (_request, reply) =>
        reply
          .type('application/x-pem-file')
          .header('content-disposition', 'attachment; filename="taamir-root-ca.pem"')
          .header('cache-control', 'public, max-age=3600')
          .send(await service.signers.rootCertificatePem()),
    );

    // People a document is for -----------------------------------------------------------------
    app.get(
      '/api/documents/:id/file',
      {
        config: USER,
        schema: {
          tags: ['documents'],
          summary: 'Download an issued document (the signed PDF)',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const [document] = await db
          .select()
          .from(issuedDocuments)
          .where(eq(issuedDocuments.id, request.params.id));
        if (!document || !(await mayRead(service, request.actor, document)))
          throw new AppError('documents.not_found');
        return sendPdf(reply, service, document);
      },
    );
    app.get(
      '/api/cases/:id/issued-documents',
      {
        config: USER,
        schema: { tags: ['documents'], summary: 'Documents issued on a case', params: IdParams },
      },
      async (request) => {
        await loadCase(db, request.actor, request.params.id);
        const rows = await db
          .select()
          .from(issuedDocuments)
          .where(eq(issuedDocuments.caseId, request.params.id))
          .orderBy(desc(issuedDocuments.issuedAt));
        return rows.map((d) => documentSummary(d, publicUrl));
      },
    );

    // Staff: the registry and its acts ----------------------------------------------------------
    app.get(
      '/api/staff/documents',
      {
        config: QUEUE,
        schema: {
          tags: ['staff'],
          summary: 'Issued documents of my agencies',
          querystring: Type.Object(
            {
              caseId: Type.Optional(Uuid),
              status: Type.Optional(
                Type.Union(['pending', 'valid', 'revoked', 'superseded'].map((s) => Type.Literal(s))),
              ),
              q: Type.Optional(Type.String({ maxLength: 40 })),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const { caseId, status, q, limit } = request.query;
        const conditions: SQL[] = [inScope(issuedDocuments.agencyId, request.scope)];
        if (caseId) conditions.push(eq(issuedDocuments.caseId, caseId));
        if (status) conditions.push(eq(issuedDocuments.status, status as IssuedDocumentRow['status']));
        if (q) {
          const like = `%${q.replace(/[%_\\]/g, '')}%`;
          conditions.push(
            or(ilike(issuedDocuments.number, like), ilike(issuedDocuments.verificationCode, like))!,
          );
        }
        const rows = await db
          .select()
          .from(issuedDocuments)
          .where(and(...conditions))
          .orderBy(desc(issuedDocuments.issuedAt))
          .limit(limit);
        return rows.map((d) => documentSummary(d, publicUrl));
      },
    );
    app.post(
      '/api/staff/documents/:id/revoke',
      {
        config: ACT,
        schema: {
          tags: ['staff'],
          summary: "Revoke a document (the director's signed act)",
          params: IdParams,
          body: Reason,
        },
      },
      async (request) => {
        const { document } = await revokeDocument(service, auditOf(request), {
          documentId: request.params.id,
          reason: request.body.reason,
          actor: userOf(request),
          scope: request.scope,
        });
        return documentSummary(document, publicUrl);
      },
    );
    app.post(
      '/api/staff/documents/:id/supersede',
      {
        config: ACT,
        schema: {
          tags: ['staff'],
          summary: "Replace a document by a new issue (the director's signed act)",
          params: IdParams,
          body: Reason,
        },
      },
      async (request, reply) => {
        const { document, replacement } = await supersedeDocument(service, auditOf(request), {
          documentId: request.params.id,
          reason: request.body.reason,
          actor: userOf(request),
          scope: request.scope,
        });
        return reply.code(201).send({
          superseded: documentSummary(document, publicUrl),
          replacement: replacement ? documentSummary(replacement, publicUrl) : null,
        });
      },
    );
  };
}
