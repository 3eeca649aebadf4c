// Revoking and superseding an issued document: legal acts of the issuing agency's director, never
// deletions. Each act is a statement (canonical JSON: what, which document and bytes, why, who, when)
// signed with the director's certificate (CAdES detached, verifiable with `openssl cms -verify`),
// stored with the document's new status and written to the audit trail in one transaction.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../platform/audit/audit-log.ts';
import { canonicalJson } from '../platform/audit/canonical-json.ts';
import { AppError } from '../platform/errors.ts';
import { type AgencyScope, rolesInAgency, scopeIncludes, type UserActor } from '../platform/tenancy/actor.ts';
import { loadAgency } from './agency.ts';
import { buildCadesSignedData } from './cades.ts';
import { DocumentError } from './errors.ts';
import { officialDate } from './format.ts';
import { QR_FILE } from './official.ts';
import { type DocumentContext, type DocumentService, registerDocument } from './registry.ts';
import type { JsonValue } from './render.ts';
import type { Signer } from './signer.ts';
import { documentActs, type IssuedDocumentRow, issuedDocuments } from './tables.ts';
import './problems.ts';

/** A detached CAdES signature (DER CMS) of `content` by any `Signer`. */
export async function signDetached(signer: Signer, content: Buffer): Promise<Buffer> {
  const digest = createHash('sha256').update(content).digest();
  if (signer.kind === 'cms') return signer.signDocumentDigest({ digest, digestAlgorithm: 'sha256' });
  return buildCadesSignedData({
    documentDigest: digest,
    certificateChainPem: signer.certificateChainPem,
    signatureAlgorithm: signer.signatureAlgorithm,
    sign: (input) => signer.sign(input),
  });
}

export type ActInput = {
  documentId: string;
  reason: string;
  actor: UserActor;
  scope: AgencyScope;
};

async function loadForAct(service: DocumentService, input: ActInput): Promise<IssuedDocumentRow> {
  const [document] = await service.platform.db.orm
    .select()
    .from(issuedDocuments)
    .where(eq(issuedDocuments.id, input.documentId));
  if (!document || !scopeIncludes(input.scope, document.agencyId)) throw new AppError('documents.not_found');
  if (document.status !== 'valid')
    throw new AppError('documents.not_revocable', { params: { status: document.status } });
  if (!rolesInAgency(input.actor, document.agencyId).has('director'))
    throw new AppError('documents.act_forbidden');
  return document;
}

/** The header fields of a replacement: new number, date and code, and the number it replaces. */
const replacementData = (data: JsonValue, context: DocumentContext): JsonValue => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const doc = data.doc && typeof data.doc === 'object' && !Array.isArray(data.doc) ? data.doc : {};
  const issued = officialDate(context.issuedOn);
  return {
    ...data,
    doc: {
      ...doc,
      reference: context.number,
      issued: { ...issued },
      verification: { url: context.verification.url, code: context.verification.code, qrFile: QR_FILE },
      ...(context.supersedes ? { supersedes: context.supersedes } : {}),
    },
  };
};

const seriesOf = (number: string) => /^[A-Z0-9]+-([A-Z]+)-\d{4}-\d+$/.exec(number)?.[1] ?? 'DOC';

async function act(
  service: DocumentService,
  audit: AuditContext,
  input: ActInput & { kind: 'revocation' | 'supersession' },
): Promise<{ document: IssuedDocumentRow; replacement: IssuedDocumentRow | null }> {
  const { platform } = service;
  const document = await loadForAct(service, input);
  const agency = await loadAgency(platform.db.orm, { id: document.agencyId });
  // The director's certificate (issued on first need); opened before the transaction.
  const resolved = await service.signers.signerFor({
    agency: agency.names,
    signatory: {
      holder: 'user',
      userId: input.actor.userId,
      role: 'agency-director',
      nameLatin: input.actor.fullName,
      nameArabic: input.actor.fullName,
    },
  });
  const certificateId = resolved.certificateId;
  if (!certificateId)
    throw new DocumentError('documents.signer_failed', 'acts are signed with a certificate of this platform');
  return platform.db.transaction(async (tx) => {
    const now = platform.now();
    const [locked] = await tx
      .select()
      .from(issuedDocuments)
      .where(eq(issuedDocuments.id, document.id))
      .for('update');
    if (locked?.status !== 'valid')
      throw new AppError('documents.not_revocable', { params: { status: locked?.status ?? 'unknown' } });
    let replacement: IssuedDocumentRow | null = null;
    if (input.kind === 'supersession') {
      replacement = (
        await registerDocument(tx, platform, audit, {
          type: locked.type,
          series: seriesOf(locked.number),
          title: locked.title,
          template: locked.template,
          agencyId: locked.agencyId,
          caseId: locked.caseId,
          recipientUserId: locked.recipientUserId,
          sourceKey: `supersede:${locked.id}`,
          specimen: locked.specimen,
          signatories: locked.plannedSignatures,
          data: (context) => replacementData(locked.data, context),
          delivery: locked.delivery,
          supersedes: { id: locked.id, number: locked.number },
        })
      ).document;
    }
    const statement = canonicalJson({
      type: 'taamir.document-act/v1',
      act: input.kind,
      document: {
        number: locked.number,
        verificationCode: locked.verificationCode,
        sha256: locked.sha256,
        agency: agency.names.code,
      },
      replacement: replacement
        ? { number: replacement.number, verificationCode: replacement.verificationCode }
        : null,
      reason: input.reason,
      actor: { userId: input.actor.userId, name: input.actor.fullName },
      certificateSerialNumber: resolved.serialNumber,
      actedAt: now.toISOString(),
    });
    const cms = await signDetached(resolved.signer, Buffer.from(statement, 'utf8'));
    await tx.insert(documentActs).values({
      documentId: locked.id,
      kind: input.kind,
      reason: input.reason,
      replacementId: replacement?.id ?? null,
      actorUserId: input.actor.userId,
      certificateId,
      statement,
      signatureCms: cms.toString('base64'),
      actedAt: now,
    });
    const [updated] = await tx
      .update(issuedDocuments)
      .set({
        status: input.kind === 'revocation' ? 'revoked' : 'superseded',
        statusChangedAt: now,
        supersededById: replacement?.id ?? null,
      })
      .where(and(eq(issuedDocuments.id, locked.id), eq(issuedDocuments.status, 'valid')))
      .returning();
    await appendAudit(
      tx,
      audit,
      {
        action: input.kind === 'revocation' ? 'document.revoked' : 'document.superseded',
        objectType: 'document',
        objectId: locked.id,
        agencyId: locked.agencyId,
        summary: {
          number: locked.number,
          reason: input.reason,
          replacement: replacement?.number ?? null,
          certificate: resolved.serialNumber,
        },
      },
      now,
    );
    return { document: updated!, replacement };
  });
}

export const revokeDocument = (service: DocumentService, audit: AuditContext, input: ActInput) =>
  act(service, audit, { ...input, kind: 'revocation' });

export const supersedeDocument = (service: DocumentService, audit: AuditContext, input: ActInput) =>
  act(service, audit, { ...input, kind: 'supersession' });
