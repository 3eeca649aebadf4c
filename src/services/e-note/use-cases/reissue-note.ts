// Re-issuing a delivered note (correction, or the plans changed): the director issues a new note that
// names the one it replaces, and the earlier one becomes `superseded` by a signed act of the director
// (the registry's supersession, ADR 14), in one transaction. With `refresh`, the content is drawn
// again from the plans in force today (the observations are kept, the corrections are not, since they
// address the former draft); otherwise the signed content is issued again.
import { and, eq } from 'drizzle-orm';
import { signDetached } from '../../../documents/acts.ts';
import { loadAgency } from '../../../documents/agency.ts';
import { type DocumentService, registerDocument } from '../../../documents/registry.ts';
import { documentActs, issuedDocuments } from '../../../documents/tables.ts';
import { loadCase } from '../../../engine/case-access.ts';
import { moroccanDate } from '../../../engine/clocks.ts';
import type { Engine } from '../../../engine/engine.ts';
import { caseEvents } from '../../../engine/tables.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/audit-log.ts';
import { canonicalJson } from '../../../platform/audit/canonical-json.ts';
import { AppError } from '../../../platform/errors.ts';
import type { UserActor } from '../../../platform/tenancy/actor.ts';
import { type Amendments, applyAmendments, contentHash } from '../content.ts';
import { draftContent } from '../draft.ts';
import { noteSpec } from '../note-document.ts';
import { enoteNotes, enoteRevisions } from '../tables.ts';
import '../problems.ts';

export async function reissueNote(
  engine: Engine,
  documents: DocumentService,
  audit: AuditContext & { actor: UserActor },
  input: { caseId: string; reason: string; refresh: boolean },
) {
  const db = engine.platform.db;
  const actor = audit.actor;
  const { caseRow, relation } = await loadCase(db.orm, actor, input.caseId, { side: 'staff' });
  const [note] = await db.orm.select().from(enoteNotes).where(eq(enoteNotes.caseId, caseRow.id));
  if (
    caseRow.procedureCode !== 'NRU' ||
    caseRow.state !== 'delivered' ||
    !relation.roles.has('director') ||
    !note?.automatic ||
    !note.documentId
  )
    throw new AppError('enote.reissue_not_allowed');
  const now = engine.platform.now();
  // Before the transaction: the overlay and the director's certificate (PGlite serialises access).
  const automatic = input.refresh ? await draftContent(engine, note, moroccanDate(now)) : note.automatic;
  const amendments: Amendments = input.refresh
    ? { corrections: [], observations: note.amendments.observations }
    : note.amendments;
  const content = applyAmendments(automatic, amendments);
  const sha256 = contentHash(content);
  const agency = await loadAgency(db.orm, { id: caseRow.agencyId });
  const resolved = await documents.signers.signerFor({
    agency: agency.names,
    signatory: {
      holder: 'user',
      userId: actor.userId,
      role: 'agency-director',
      nameLatin: actor.fullName,
      nameArabic: actor.fullName,
    },
  });
  const certificateId = resolved.certificateId;
  if (!certificateId) throw new AppError('enote.reissue_not_allowed');

  return db.transaction(async (tx) => {
    await loadCase(tx, actor, caseRow.id, { side: 'staff', forUpdate: true });
    const [locked] = await tx
      .select()
      .from(enoteNotes)
      .where(eq(enoteNotes.caseId, caseRow.id))
      .for('update');
    const [previous] = await tx
      .select()
      .from(issuedDocuments)
      .where(eq(issuedDocuments.id, locked?.documentId ?? note.documentId!))
      .for('update');
    if (!locked || previous?.status !== 'valid') throw new AppError('enote.reissue_not_allowed');
    const reviewed = { ...locked, reviewedBy: actor.userId };
    const spec = await noteSpec(
      { tx, after: caseRow },
      {
        note: reviewed,
        content,
        director: { userId: actor.userId, fullName: actor.fullName },
        supersedes: { id: previous.id, number: previous.number },
      },
    );
    const { document: replacement } = await registerDocument(tx, documents.platform, audit, spec);
    const statement = canonicalJson({
      type: 'taamir.document-act/v1',
      act: 'supersession',
      document: {
        number: previous.number,
        verificationCode: previous.verificationCode,
        sha256: previous.sha256,
        agency: agency.names.code,
      },
      replacement: { number: replacement.number, verificationCode: replacement.verificationCode },
      reason: input.reason,
      actor: { userId: actor.userId, name: actor.fullName },
      certificateSerialNumber: resolved.serialNumber,
      actedAt: now.toISOString(),
    });
    const cms = await signDetached(resolved.signer, Buffer.from(statement, 'utf8'));
    await tx.insert(documentActs).values({
      documentId: previous.id,
      kind: 'supersession',
      reason: input.reason,
      replacementId: replacement.id,
      actorUserId: actor.userId,
      certificateId,
      statement,
      signatureCms: cms.toString('base64'),
      actedAt: now,
    });
    await tx
      .update(issuedDocuments)
      .set({ status: 'superseded', statusChangedAt: now, supersededById: replacement.id })
      .where(and(eq(issuedDocuments.id, previous.id), eq(issuedDocuments.status, 'valid')));
    await tx
      .update(enoteNotes)
      .set({
        automatic,
        automaticSha256: contentHash(automatic),
        amendments,
        contentSha256: sha256,
        reviewedSha256: sha256,
        reviewedBy: actor.userId,
        reviewedAt: now,
        signedSha256: sha256,
        signedBy: actor.userId,
        signedAt: now,
        documentId: replacement.id,
        issueCount: locked.issueCount + 1,
        editVersion: locked.editVersion + 1,
        updatedAt: now,
      })
      .where(eq(enoteNotes.caseId, caseRow.id));
    await tx.insert(enoteRevisions).values({
      caseId: caseRow.id,
      kind: 'reissued',
      contentSha256: sha256,
      amendments,
      reason: input.reason,
      actorUserId: actor.userId,
      at: now,
    });
    await tx.insert(caseEvents).values({
      caseId: caseRow.id,
      occurredAt: now,
      actorUserId: actor.userId,
      actorSide: 'staff',
      kind: 'note_reissued',
      payload: { reason: input.reason, replaces: previous.number, number: replacement.number },
      visibility: 'applicant',
    });
    for (const [action, objectId, summary] of [
      [
        'document.superseded',
        previous.id,
        {
          number: previous.number,
          reason: input.reason,
          replacement: replacement.number,
          certificate: resolved.serialNumber,
        },
      ],
      [
        'enote.reissued',
        caseRow.id,
        { reference: caseRow.reference, sha256, refresh: input.refresh, number: replacement.number },
      ],
    ] as const) {
      await appendAudit(
        tx,
        audit,
        {
          action,
          objectType: action === 'document.superseded' ? 'document' : 'case',
          objectId,
          agencyId: caseRow.agencyId,
          summary,
        },
        now,
      );
    }
    return { replacement, previous: { id: previous.id, number: previous.number } };
  });
}
