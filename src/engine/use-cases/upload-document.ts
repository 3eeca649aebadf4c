// Documents are attached to a checklist item, never outside the procedure's national checklist. The
// type is sniffed from the bytes; size and type limits are those of the item.
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { type AuditContext, appendAudit } from '../../platform/audit/audit-log.ts';
import { sha256Of } from '../../platform/blobs/blob-store.ts';
import { safeFilename, sniffMediaType } from '../../platform/blobs/sniff.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenancy/actor.ts';
import { loadCase } from '../case-access.ts';
import { checklistItem, uploadStates } from '../checklist.ts';
import type { Engine } from '../engine.ts';
import { blobs, caseDocuments, caseEvents, caseRequests } from '../tables.ts';

const megabytes = (n: number) => `${Math.round((n / 1_048_576) * 10) / 10} MB`;

export async function uploadDocument(
  engine: Engine,
  audit: AuditContext,
  input: {
    caseId: string;
    checklistCode: string;
    filename: string;
    bytes: Buffer;
    trackingVerified?: boolean;
  },
) {
  const now = engine.platform.now();
  // Checks that need no lock first, then the bytes go to the blob store, then the rows in one transaction.
  const { caseRow } = await loadCase(engine.platform.db.orm, audit.actor as Actor, input.caseId, {
    trackingVerified: input.trackingVerified ?? false,
  });
  const def = engine.procedures.get(caseRow.procedureCode);
  const item = checklistItem(def, input.checklistCode);
  if (!item) throw new AppError('case.outside_checklist', { params: { code: input.checklistCode } });
  if (input.bytes.length === 0) throw new AppError('upload.missing_file');
  if (input.bytes.length > item.maxBytes)
    throw new AppError('upload.too_large', { params: { max: megabytes(item.maxBytes) } });
  const sniffed = await sniffMediaType(input.bytes, input.filename);
  if (!sniffed || !item.accept.includes(sniffed.mediaType)) {
    throw new AppError('upload.type_not_accepted', {
      params: { found: sniffed?.mediaType ?? 'unknown', accepted: item.accept.join(', ') },
    });
  }
  const sha = sha256Of(input.bytes);
  await engine.blobs.put(input.bytes);

  return engine.platform.db.transaction(async (tx) => {
    const { caseRow: locked, relation } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      trackingVerified: input.trackingVerified ?? false,
    });
    const staff = relation.side === 'staff';
    let requestId: string | null = null;
    if (!staff) {
      const openRequest = (
        await tx
          .select()
          .from(caseRequests)
          .where(and(eq(caseRequests.caseId, locked.id), eq(caseRequests.state, 'open')))
      ).find((r) => r.checklistCodes.includes(item.code));
      if (!uploadStates(def, item).includes(locked.state) && !openRequest)
        throw new AppError('case.not_editable');
      requestId = openRequest?.id ?? null;
    } else if (locked.phase === 'closed') {
      throw new AppError('case.not_editable');
    }
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(caseDocuments)
      .where(
        and(
          eq(caseDocuments.caseId, locked.id),
          eq(caseDocuments.checklistCode, item.code),
          isNull(caseDocuments.removedAt),
        ),
      );
    if (n >= (item.maxFiles ?? 5)) throw new AppError('upload.too_many_files');
    await tx
      .insert(blobs)
      .values({ sha256: sha, sizeBytes: input.bytes.length, mediaType: sniffed.mediaType })
      .onConflictDoNothing();
    const [doc] = await tx
      .insert(caseDocuments)
      .values({
        caseId: locked.id,
        checklistCode: item.code,
        blobSha256: sha,
        filename: safeFilename(input.filename, `${item.code}.${sniffed.extension}`),
        mediaType: sniffed.mediaType,
        sizeBytes: input.bytes.length,
        uploadedBy: relation.userId,
        uploadedSide: staff ? 'staff' : 'applicant',
        requestId,
        uploadedAt: now,
      })
      .returning();
    await tx.insert(caseEvents).values({
      caseId: locked.id,
      occurredAt: now,
      actorUserId: relation.userId,
      actorSide: staff ? 'staff' : 'applicant',
      kind: 'document_uploaded',
      payload: { checklistCode: item.code, filename: doc!.filename, sha256: sha },
      visibility: 'applicant',
    });
    await tx.execute(sql`update cases set updated_at = ${now} where id = ${locked.id}`);
    await appendAudit(
      tx,
      audit,
      {
        action: 'case.document_uploaded',
        objectType: 'case',
        objectId: locked.id,
        agencyId: locked.agencyId,
        summary: { checklistCode: item.code, sha256: sha, size: input.bytes.length },
      },
      now,
    );
    return doc!;
  });
}

export async function removeDocument(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; documentId: string },
) {
  const now = engine.platform.now();
  await engine.platform.db.transaction(async (tx) => {
    const { caseRow } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      forUpdate: true,
      side: 'applicant',
    });
    if (caseRow.phase !== 'draft') throw new AppError('case.not_editable');
    const removed = await tx
      .update(caseDocuments)
      .set({ removedAt: now })
      .where(
        and(
          eq(caseDocuments.id, input.documentId),
          eq(caseDocuments.caseId, caseRow.id),
          isNull(caseDocuments.removedAt),
        ),
      )
      .returning({ id: caseDocuments.id });
    if (!removed.length) throw new AppError('case.document_not_found');
  });
}

export async function readDocument(
  engine: Engine,
  actor: Actor,
  input: { caseId: string; documentId: string; trackingVerified?: boolean },
) {
  const { caseRow } = await loadCase(engine.platform.db.orm, actor, input.caseId, {
    trackingVerified: input.trackingVerified ?? false,
  });
  const [doc] = await engine.platform.db.orm
    .select()
    .from(caseDocuments)
    .where(
      and(
        eq(caseDocuments.id, input.documentId),
        eq(caseDocuments.caseId, caseRow.id),
        isNull(caseDocuments.removedAt),
      ),
    );
  if (!doc) throw new AppError('case.document_not_found');
  return { doc, bytes: await engine.blobs.get(doc.blobSha256) };
}
