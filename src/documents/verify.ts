// Public verification: anyone holding a document (or its QR code) checks what the platform issued
// under its code — type, number, issuer, date, status, SHA-256, signers — and can submit the file to
// learn whether it is byte for byte the issued one. Every attempt is logged (document_verifications);
// a file that claims a known code but differs from the issued bytes is also an audit event.
import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit-log.ts';
import { sniffMediaType } from '../platform/blobs/sniff.ts';
import type { Orm } from '../platform/db/database.ts';
import { agencies } from '../platform/db/tables.ts';
import { AppError } from '../platform/errors.ts';
import type { Actor } from '../platform/tenancy/actor.ts';
import { normalizeVerificationCode, sha256Hex } from './fingerprint.ts';
import type { DocumentService } from './registry.ts';
import {
  type DocumentStatus,
  documentActs,
  documentVerifications,
  type IssuedDocumentRow,
  issuedDocuments,
  type LocalizedTitle,
} from './tables.ts';
import './problems.ts';

export type VerificationContext = { ip: string | null; userAgent: string | null; requestId: string | null };

export type VerificationView = {
  code: string;
  status: DocumentStatus;
  specimen: boolean;
  type: string;
  title: LocalizedTitle;
  number: string;
  agency: { code: string; nameAr: string; nameFr: string };
  issuedOn: string;
  issuedAt: string;
  sha256: string | null;
  sizeBytes: number | null;
  signers: { name: string; role: string; serialNumber: string; subject: string; signedAt: string }[];
  revocation: { at: string; reason: string } | null;
  supersession: { at: string; reason: string } | null;
  supersededBy: { code: string; number: string } | null;
  supersedes: { code: string; number: string } | null;
};

export type FileVerification = {
  /** match: the exact issued file; mismatch: it names a known document but its bytes differ; unknown. */
  result: 'match' | 'mismatch' | 'unknown';
  sha256: string;
  sizeBytes: number;
  document: VerificationView | null;
};

const CODE_IN_PDF = /\/verify\/([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/g;

/** The verification code a PDF of ours carries in its link annotations (the QR's URL), if any. */
export function codeInPdf(bytes: Buffer): string | null {
  const text = bytes.toString('latin1');
  let last: string | null = null;
  for (const match of text.matchAll(CODE_IN_PDF)) last = match[1] ?? last;
  return last;
}

async function linked(db: Orm, id: string | null): Promise<{ code: string; number: string } | null> {
  if (!id) return null;
  const [row] = await db
    .select({ code: issuedDocuments.verificationCode, number: issuedDocuments.number })
    .from(issuedDocuments)
    .where(eq(issuedDocuments.id, id));
  return row ?? null;
}

export async function verificationView(db: Orm, document: IssuedDocumentRow): Promise<VerificationView> {
  const [agency] = await db
    .select({ code: agencies.code, nameAr: agencies.nameAr, nameFr: agencies.nameFr })
    .from(agencies)
    .where(eq(agencies.id, document.agencyId));
  const [act] = await db.select().from(documentActs).where(eq(documentActs.documentId, document.id));
  return {
    code: document.verificationCode,
    status: document.status,
    specimen: document.specimen,
    type: document.type,
    title: document.title,
    number: document.number,
    agency: agency ?? { code: '', nameAr: '', nameFr: '' },
    issuedOn: document.issuedOn,
    issuedAt: document.issuedAt.toISOString(),
    sha256: document.sha256,
    sizeBytes: document.sizeBytes,
    signers: document.signers.map((s) => ({
      name: s.name,
      role: s.role,
      serialNumber: s.serialNumber,
      subject: s.subject,
      signedAt: s.signingTime,
    })),
    revocation: act?.kind === 'revocation' ? { at: act.actedAt.toISOString(), reason: act.reason } : null,
    supersession: act?.kind === 'supersession' ? { at: act.actedAt.toISOString(), reason: act.reason } : null,
    supersededBy: await linked(db, document.supersededById),
    supersedes: await linked(db, document.supersedesId),
  };
}

async function record(
  db: Orm,
  context: VerificationContext,
  entry: {
    method: 'code' | 'file';
    codeGiven?: string | null;
    documentId?: string | null;
    outcome: string;
    file?: { sha256: string; bytes: number; type: string | null };
  },
  now: Date,
) {
  await db.insert(documentVerifications).values({
    occurredAt: now,
    method: entry.method,
    codeGiven: entry.codeGiven?.slice(0, 64) ?? null,
    documentId: entry.documentId ?? null,
    outcome: entry.outcome,
    fileSha256: entry.file?.sha256 ?? null,
    fileBytes: entry.file?.bytes ?? null,
    fileType: entry.file?.type ?? null,
    ip: context.ip,
    userAgent: context.userAgent?.slice(0, 300) ?? null,
    requestId: context.requestId,
  });
}

const byCode = async (db: Orm, code: string) =>
  (await db.select().from(issuedDocuments).where(eq(issuedDocuments.verificationCode, code)))[0];

/** What the platform issued under a code (as typed: any case, spaces or dashes). */
export async function verifyCode(
  service: DocumentService,
  context: VerificationContext,
  input: string,
): Promise<VerificationView> {
  const db = service.platform.db.orm;
  const now = service.platform.now();
  const code = normalizeVerificationCode(input);
  if (!code) {
    await record(db, context, { method: 'code', codeGiven: input, outcome: 'invalid_code' }, now);
    throw new AppError('documents.invalid_code');
  }
  const document = await byCode(db, code);
  if (!document) {
    await record(db, context, { method: 'code', codeGiven: input, outcome: 'unknown_code' }, now);
    throw new AppError('documents.unknown_code');
  }
  await record(
    db,
    context,
    { method: 'code', codeGiven: input, documentId: document.id, outcome: document.status },
    now,
  );
  return verificationView(db, document);
}

/** Is this file byte for byte a document the platform issued? */
export async function verifyFile(
  service: DocumentService,
  context: VerificationContext & { actor: Actor },
  input: { bytes: Buffer; filename: string; code?: string | undefined },
): Promise<FileVerification> {
  const { platform } = service;
  const db = platform.db.orm;
  const now = platform.now();
  const sniffed = await sniffMediaType(input.bytes, input.filename);
  const sha256 = sha256Hex(input.bytes);
  const file = { sha256, bytes: input.bytes.length, type: sniffed?.mediaType ?? null };
  const given = input.code?.trim() ? normalizeVerificationCode(input.code) : null;
  if (input.code?.trim() && !given) {
    await record(db, context, { method: 'file', codeGiven: input.code, outcome: 'invalid_code', file }, now);
    throw new AppError('documents.invalid_code');
  }
  if (sniffed?.mediaType !== 'application/pdf') {
    await record(db, context, { method: 'file', codeGiven: input.code, outcome: 'not_pdf', file }, now);
    throw new AppError('documents.not_a_pdf', {
      params: { type: sniffed?.mediaType ?? 'inconnu / غير معروف' },
    });
  }
  const [exact] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.sha256, sha256));
  if (exact) {
    await record(
      db,
      context,
      { method: 'file', codeGiven: input.code, documentId: exact.id, outcome: 'match', file },
      now,
    );
    return {
      result: 'match',
      sha256,
      sizeBytes: input.bytes.length,
      document: await verificationView(db, exact),
    };
  }
  const claimed = given ?? codeInPdf(input.bytes);
  const named = claimed ? await byCode(db, claimed) : undefined;
  if (named) {
    await record(
      db,
      context,
      { method: 'file', codeGiven: claimed, documentId: named.id, outcome: 'mismatch', file },
      now,
    );
    // Someone holds a file that claims to be an issued document and is not: worth the agency's attention.
    await platform.db.transaction((tx) =>
      appendAudit(
        tx,
        { actor: context.actor, ip: context.ip, requestId: context.requestId },
        {
          action: 'document.verification_mismatch',
          objectType: 'document',
          objectId: named.id,
          agencyId: named.agencyId,
          summary: {
            number: named.number,
            fileSha256: sha256,
            issuedSha256: named.sha256,
            bytes: input.bytes.length,
          },
        },
        now,
      ),
    );
    return {
      result: 'mismatch',
      sha256,
      sizeBytes: input.bytes.length,
      document: await verificationView(db, named),
    };
  }
  await record(db, context, { method: 'file', codeGiven: claimed, outcome: 'unknown', file }, now);
  return { result: 'unknown', sha256, sizeBytes: input.bytes.length, document: null };
}
